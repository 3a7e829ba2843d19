package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/briefs/briefs/indexer"
	"github.com/briefs/briefs/search"
)

// Helpers of the crash tests (crash_test.go): building the binary, copying
// corpora, running ingests, and reading an index's state and files.

// buildBriefs builds cmd/briefs into a temporary directory.
func buildBriefs(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "briefs")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	// The go command sets GOROOT for the tests it runs (and for the
	// toolchain it switches to); outside it, the go on PATH.
	gobin := filepath.Join(os.Getenv("GOROOT"), "bin", "go")
	if _, err := os.Stat(gobin); os.Getenv("GOROOT") == "" || err != nil {
		gobin = "go"
	}
	cmd := exec.Command(gobin, "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// copyTree copies the regular files under src into dst.
func copyTree(t *testing.T, src, dst string) { copyTreeIf(t, src, dst, nil) }

// copyTreeIf copies the regular files under src whose slash path relative
// to src keep accepts (all if keep is nil) into dst.
func copyTreeIf(t *testing.T, src, dst string, keep func(string) bool) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() || keep != nil && !keep(filepath.ToSlash(rel)) {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatalf("copy %s: %v", src, err)
	}
}

// state is what an index holds: record ID -> hash of its source.
type state map[string]string

// indexState opens dir as `briefs serve` would and reads every record in
// full, so that a torn record fails here. It also checks that the index
// answers a query.
func indexState(t *testing.T, dir string) state {
	t.Helper()
	ix, err := search.Open(dir)
	if err != nil {
		t.Fatalf("open %s: %v", dir, err)
	}
	defer ix.Close()
	ctx := context.Background()
	if _, err := ix.Search(ctx, search.Query{Text: "drug policy", Size: 5}); err != nil {
		t.Fatalf("search %s: %v", dir, err)
	}
	st := state{}
	works := 0
	for page := 1; ; page++ {
		res, err := ix.Search(ctx, search.Query{Page: page, Size: search.MaxSize, Snippets: -1, FacetSize: 1})
		if err != nil {
			t.Fatalf("list %s page %d: %v", dir, page, err)
		}
		works += len(res.Hits)
		for _, h := range res.Hits {
			// A hit stands for a work: its other versions are records too.
			ids := []string{h.ID}
			for _, v := range h.Versions {
				ids = append(ids, v.ID)
			}
			for _, id := range ids {
				doc, err := ix.Document(ctx, id)
				if err != nil {
					t.Fatalf("%s: record %q listed but unreadable: %v", dir, id, err)
				}
				rec := doc.Record
				if rec.ID != id || rec.Hash == "" {
					t.Fatalf("%s: record %q reads back as id %q hash %q", dir, id, rec.ID, rec.Hash)
				}
				if err := rec.Validate(); err != nil {
					t.Fatalf("%s: record %q: %v", dir, id, err)
				}
				st[rec.ID] = rec.Hash
			}
		}
		if page >= res.Pages {
			if uint64(works) != res.Total {
				t.Fatalf("%s: %d works listed, total says %d", dir, works, res.Total)
			}
			return st
		}
	}
}

// expectedState is what `briefs ingest roots...` makes of an index that
// held before: the records extracted from the roots, plus, for a file that
// cannot be read, the record it had.
func expectedState(t *testing.T, before state, roots ...string) state {
	t.Helper()
	st := state{}
	for _, root := range roots {
		rep, err := indexer.Walk(context.Background(), os.DirFS(root), indexer.Options{}, nil, func(r indexer.Record) error {
			st[r.ID] = r.Hash
			return nil
		})
		if err != nil {
			t.Fatalf("walk %s: %v", root, err)
		}
		for _, s := range rep.Skipped {
			id := indexer.IDFromPath(s.Path)
			if h, ok := before[id]; ok {
				st[id] = h
			}
		}
	}
	return st
}

// diff describes how two states differ, for failure messages.
func (a state) diff(b state) string {
	var missing, extra, changed int
	var ex []string
	for id, h := range a {
		switch hb, ok := b[id]; {
		case !ok:
			missing++
			ex = append(ex, "-"+id)
		case hb != h:
			changed++
			ex = append(ex, "~"+id)
		}
	}
	for id := range b {
		if _, ok := a[id]; !ok {
			extra++
			ex = append(ex, "+"+id)
		}
	}
	sort.Strings(ex)
	return fmt.Sprintf("%d missing, %d extra, %d changed (%s)", missing, extra, changed, strings.Join(ex[:min(len(ex), 6)], " "))
}

// dirListing is what an index directory holds besides the live
// generation: generations, leftovers of killed runs.
type dirListing struct {
	current string
	gens    []string // committed generation directories
	tmp     []string // *.tmp entries
}

func listIndexDir(t *testing.T, dir string) dirListing {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var l dirListing
	for _, e := range ents {
		switch n := e.Name(); {
		case strings.HasSuffix(n, ".tmp"):
			l.tmp = append(l.tmp, n)
		case strings.HasPrefix(n, "gen-") && e.IsDir():
			l.gens = append(l.gens, n)
		}
	}
	if b, err := os.ReadFile(filepath.Join(dir, "CURRENT")); err == nil {
		l.current = strings.TrimSpace(string(b))
	}
	return l
}

// segments counts the segment files in a generation's store folder.
func segments(store string) int {
	m, _ := filepath.Glob(filepath.Join(store, "*.zap"))
	return len(m)
}

// treeSum is a checksum of every file under dir (names, sizes, bytes),
// to show that a generation was not touched.
func treeSum(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s %d\n", rel, len(b))
		h.Write(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// ingestCmd prepares `briefs ingest --quiet --index idx args...`.
func ingestCmd(bin, idx string, args ...string) (*exec.Cmd, *bytes.Buffer) {
	var out bytes.Buffer
	cmd := exec.Command(bin, append([]string{"ingest", "--quiet", "--index", idx}, args...)...)
	cmd.Stdout, cmd.Stderr = &out, &out
	return cmd, &out
}

// runIngest runs an ingest to the end and fails the test unless it
// succeeds (exit 0, or 3 for skipped files).
func runIngestOK(t *testing.T, bin, idx string, args ...string) time.Duration {
	t.Helper()
	cmd, out := ingestCmd(bin, idx, args...)
	start := time.Now()
	err := cmd.Run()
	var ee *exec.ExitError
	if err != nil && !(errors.As(err, &ee) && ee.ExitCode() == exitSkipped) {
		t.Fatalf("ingest %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return time.Since(start)
}

// crashCorpus lays out the test's folders: base (a copy of the demo
// corpus) and extra (generated briefings).
func crashCorpus(t *testing.T, bin string, docs int) (base, extra string) {
	t.Helper()
	work := t.TempDir()
	base, extra = filepath.Join(work, "base"), filepath.Join(work, "extra")
	copyTree(t, filepath.Join("..", "..", "testdata", "corpus"), base)
	cmd := exec.Command(bin, "gen", "--docs", fmt.Sprint(docs), "--format", "mixed", "--quiet", extra)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("briefs gen: %v\n%s", err, out)
	}
	return base, extra
}

// touchFiles rewrites n files of dir (changing their hash), deletes del
// others and adds add new ones, so that the next ingest updates, deletes
// and adds records.
func touchFiles(t *testing.T, rng *rand.Rand, dir string, round, n, del, add int) {
	t.Helper()
	var files []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".txt")) {
			files = append(files, p)
		}
		return nil
	})
	rng.Shuffle(len(files), func(i, j int) { files[i], files[j] = files[j], files[i] })
	for i, p := range files {
		switch {
		case i < n:
			f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(f, "\n<p>Revised in round %d: the figures were updated.</p>\n", round)
			f.Close()
		case i < n+del && len(files)-i > 10:
			os.Remove(p)
		}
	}
	for i := range add {
		p := filepath.Join(dir, "added", fmt.Sprintf("r%03d-%d.txt", round, i))
		os.MkdirAll(filepath.Dir(p), 0o755)
		body := fmt.Sprintf("Added briefing %d of round %d\n\nDate: 2024-0%d-1%d\n\nThe drug policy review for round %d found new evidence.\n",
			i, round, 1+i%9, i%10, round)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
