package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/fields"
	"github.com/briefs/briefs/indexer"
	"github.com/briefs/briefs/search"
	"github.com/briefs/briefs/web"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", stderr, "briefs serve [flags]",
		`Serve the web UI and the JSON API. With no --index (and no $BRIEFS_INDEX)
it serves ./briefs.index, building it from the demo corpus embedded in the
binary on first start. A finished "briefs ingest" into the same index is
picked up without a restart (checked every --reload interval, and at once
on SIGHUP). SIGINT or SIGTERM shut the server down gracefully.`,
		"briefs serve",
		"briefs serve --index /srv/briefs.index --addr 127.0.0.1:9000")
	addr := fs.String("addr", envOr("BRIEFS_ADDR", "127.0.0.1:8080"), "address to listen on ($BRIEFS_ADDR; port 0 picks a free port, logged at start)")
	indexDir := fs.String("index", "", "index directory ($BRIEFS_INDEX; default ./briefs.index, built from the demo corpus if empty)")
	reload := fs.Duration("reload", 2*time.Second, "how often to look for a newer index generation (0: only on SIGHUP)")
	var known []string
	for _, f := range fields.Facets() {
		known = append(known, f.Name)
	}
	facets := fs.String("facets", "", fmt.Sprintf("the facets the search page shows, in order, comma-separated: %s (default %s)",
		strings.Join(known, ", "), strings.Join(fields.DefaultFacets(), ",")))
	dev := fs.Bool("dev", false, "re-read templates and static files from ./web on every request")
	resident := fs.Int("resident", defaultResidentMB, "MB of memory the server keeps resident: past it, the pages of the index it has read are dropped from it and read again from the page cache when needed (0: no bound)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"serve takes no arguments"}
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))

	dir := *indexDir
	demo := false
	if dir == "" {
		dir = defaultIndexDir()
		if !search.Exists(dir) {
			fmt.Fprint(stderr, demoNotice(dir))
			if err := buildDemo(ctx, dir, stderr); err != nil {
				return fmt.Errorf("serve: build demo index: %w", err)
			}
			demo = true
		}
	}
	ix, err := search.Open(dir)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	defer ix.Close()
	ix.LimitResident(int64(*resident) << 20)

	var facetNames []string
	if *facets != "" {
		for _, f := range strings.Split(*facets, ",") {
			facetNames = append(facetNames, strings.TrimSpace(f))
		}
	}
	srv, err := web.NewServer(web.Config{Index: ix, Dev: *dev, Log: log, Facets: facetNames})
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	// Listen before logging, so that the URL logged is the one served even
	// with port 0 (tests and scripts pick a free port that way).
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	go watchIndex(ctx, ix, *reload, log)
	log.Info("serving", "url", "http://"+ln.Addr().String()+"/", "index", dir)
	n, _ := ix.Count()
	fmt.Fprint(stderr, serveBanner(dir, n, ix.Generation(), "http://"+ln.Addr().String()+"/", demo))
	if err := srv.Serve(ctx, ln); err != nil && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("serve: %w", err)
	}
	log.Info("stopped")
	return nil
}

// defaultResidentMB bounds what a server keeps resident (search.Index's
// LimitResident): a 100,000-record index held 790 MB of mapped pages
// without it (docs/bench.md).
const defaultResidentMB = 256

// absPath is p made absolute for messages, or p when that fails.
func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// demoNotice says, before a demo index is built, that it is and how to
// serve one's own documents instead: serve started in another folder than
// the ingest otherwise builds a demo index there in silence.
func demoNotice(dir string) string {
	return fmt.Sprintf(`briefs: no index at %s
briefs: building one from the DEMO corpus embedded in this binary (65 files; a few seconds)
briefs: to serve your own documents instead:
          briefs ingest --index DIR YOUR-FOLDER
          briefs serve --index DIR        (or set $BRIEFS_INDEX=DIR, or start serve where you ran ingest)
`, absPath(dir))
}

// serveBanner says loudly which index is served, how big, and where.
func serveBanner(dir string, docs uint64, gen, url string, demo bool) string {
	what := "index"
	if demo {
		what = "DEMO index"
	}
	return fmt.Sprintf("briefs: serving the %s %s (%d records, %s) at %s\n", what, absPath(dir), docs, gen, url)
}

// buildDemo indexes the embedded demo corpus into dir.
func buildDemo(ctx context.Context, dir string, stderr io.Writer) error {
	b, err := search.NewBuilder(dir, search.BuildOptions{Rebuild: true})
	if err != nil {
		return err
	}
	defer b.Abort()
	rep, err := indexer.Walk(ctx, briefs.Corpus(), indexer.Options{}, nil, b.Add)
	if err != nil {
		return err
	}
	stats, err := b.CommitContext(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintln(stderr, rep)
	fmt.Fprintf(stderr, "index %s: %s\n", dir, stats)
	return nil
}

// watchIndex switches the server to a newer index generation when an
// ingest finishes: on a timer and at once on SIGHUP.
func watchIndex(ctx context.Context, ix *search.Index, every time.Duration, log *slog.Logger) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	var tick <-chan time.Time
	if every > 0 {
		t := time.NewTicker(every)
		defer t.Stop()
		tick = t.C
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick:
		case <-hup:
		}
		switched, err := ix.Reload()
		if err != nil {
			log.Error("reload index", "err", err)
		} else if switched {
			log.Info("switched to a newer index generation")
		}
	}
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
