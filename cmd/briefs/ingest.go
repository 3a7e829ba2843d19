package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/briefs/briefs/indexer"
	"github.com/briefs/briefs/search"
	"github.com/briefs/briefs/search/zapwrite"
)

type ingestConfig struct {
	IndexDir    string
	Rebuild     bool
	Keep        int
	MaxFileSize int64
	Quiet       bool
	Exclude     []string // .gitignore patterns, on top of the defaults and .briefsignore
}

func runIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var cfg ingestConfig
	fs := newFlagSet("ingest", stderr, "briefs ingest [flags] PATH...",
		`Extract every briefing under each PATH (folders are walked recursively;
HTML, text, Markdown and PDF files, optionally gzipped; a web page and the
PDF it links to become one record; a JSON Lines file, .jsonl or .jsonl.gz,
holds one record per line with its own id; files matching --exclude, a
root's .briefsignore or the defaults, such as .git/, node_modules/ and
Sphinx's _sources/, are left out and counted) and bring the index up to
date: new files are added, changed files re-indexed, unchanged files skipped,
and records whose files are gone are deleted. The live index is never
modified in place: a new generation is built beside it and swapped in
atomically when complete, so a killed ingest leaves the previous index as it was;
after the swap the previous generation is removed (--keep N keeps N of them).

Every file gets a record of its own: files whose names give one ID
(x.html and x.pdf, index.html in two roots) get longer IDs, listed in
the summary, and one root's records never replace another's.

Exit status: 0 when every file was ingested, 3 when some files were skipped
(each is listed with its reason), 1 on failure, 2 on a usage error.`,
		"briefs ingest testdata/corpus",
		"briefs ingest --index /srv/briefs.index --rebuild ~/archive/briefings",
		"briefs ingest catalogue-export.jsonl.gz",
		"briefs ingest --exclude 'drafts/' --exclude '*.bak' ~/archive")
	fs.StringVar(&cfg.IndexDir, "index", defaultIndexDir(), "index directory ($BRIEFS_INDEX)")
	fs.BoolVar(&cfg.Rebuild, "rebuild", false, "build the index from scratch instead of updating it")
	fs.IntVar(&cfg.Keep, "keep", 0, "earlier generations to keep on disk after the swap (0: only the new one)")
	maxMB := fs.Int64("max-file-size", 64, "read at most this many MB of one file (larger files are cut, with a warning)")
	fs.BoolVar(&cfg.Quiet, "quiet", false, "no progress bar")
	var exclude listFlag
	fs.Var(&exclude, "exclude", "leave out files and folders matching this .gitignore-style `GLOB` (repeatable; a .briefsignore file at a root is read too)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageError{"ingest needs at least one PATH"}
	}
	cfg.MaxFileSize = *maxMB << 20
	cfg.Exclude = exclude
	for _, p := range fs.Args() {
		if _, err := os.Stat(p); err != nil {
			return usageError{fmt.Sprintf("ingest: %v", err)}
		}
	}
	rep, stats, err := ingest(ctx, cfg, fs.Args(), stderr)
	if err != nil {
		return err
	}
	fmt.Fprintln(stderr, rep)
	if stats.Added+stats.Updated+stats.Deleted == 0 {
		fmt.Fprintf(stderr, "index %s: up to date, nothing changed (%s)\n", cfg.IndexDir, stats)
	} else {
		fmt.Fprintf(stderr, "index %s: %s\n", cfg.IndexDir, stats)
	}
	if len(rep.Skipped) > 0 {
		return exitStatus(exitSkipped)
	}
	return nil
}

// ingest walks the paths and commits what they hold into cfg.IndexDir.
func ingest(ctx context.Context, cfg ingestConfig, paths []string, stderr io.Writer) (indexer.Report, search.BuildStats, error) {
	start := time.Now()
	// Most of what an ingest allocates is garbage within a batch (analysed
	// tokens, segment buffers), and Go's collector lets the heap grow to
	// twice what is live before it runs: a soft limit makes it collect
	// sooner, keeping the peak near what is really needed (docs/bench.md).
	// The postings the segment writer holds are outside the Go heap, so
	// the limit is the budget less them (zapwrite.SetMemoryBudget).
	// GOMEMLIMIT, when set, wins.
	if os.Getenv("GOMEMLIMIT") == "" {
		prev := debug.SetMemoryLimit(-1)
		zapwrite.SetMemoryBudget(ingestMemoryLimit)
		defer func() {
			zapwrite.SetMemoryBudget(0)
			debug.SetMemoryLimit(prev)
		}()
	}
	b, err := search.NewBuilder(cfg.IndexDir, search.BuildOptions{Rebuild: cfg.Rebuild, Keep: cfg.Keep})
	if err != nil {
		return indexer.Report{}, search.BuildStats{}, diskFull(cfg.IndexDir, err)
	}
	defer b.Abort() // a no-op after Commit; otherwise removes the unfinished generation

	bar := newProgress(stderr, cfg.Quiet)
	var total indexer.Report
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return total, search.BuildStats{}, fmt.Errorf("ingest %s: %w", p, err)
		}
		// Records of this root that the walk does not see again are deleted
		// at Commit: their files are gone.
		b.SetRoot(abs)
		// A file whose plain ID another root holds gets another one
		// rather than replace that root's record (indexer.assignIDs).
		fsys, opts := pathFS(p), indexer.Options{MaxFileSize: cfg.MaxFileSize,
			Root: abs, Taken: b.TakenByOther, Exclude: cfg.Exclude}
		rep, err := indexer.Walk(ctx, fsys, opts, bar.update, b.Add)
		total = mergeReports(total, rep)
		if err != nil {
			bar.finish()
			return total, search.BuildStats{}, diskFull(cfg.IndexDir, fmt.Errorf("ingest %s: %w", p, err))
		}
		// A file (or JSON line) that could not be read this time keeps the
		// record it had: a broken file is reported, never a reason to lose
		// data. A JSON Lines file that cannot be read to its end names no
		// IDs for the lines it did not give, so then nothing of this path
		// is taken for deleted.
		kept := false
		for _, s := range rep.Skipped {
			if s.ID != "" {
				b.Seen(s.ID)
			} else if !kept {
				b.KeepUnseen()
				kept = true
				total.Warnings = append(total.Warnings, indexer.Skip{Path: p,
					Reason: "nothing under this path is deleted this time: a skipped file or line names no record ID"})
			}
		}
	}
	bar.finish()
	stats, err := b.CommitContext(ctx)
	if err != nil {
		return total, stats, diskFull(cfg.IndexDir, err)
	}
	total.Took = time.Since(start)
	return total, stats, nil
}

// ingestMemoryLimit is the soft memory limit of an ingest. What an ingest
// keeps live at once (two batches being analysed and built, the analysis
// memo) peaked at about 130 MB on the peers corpus; the memory maps of
// the segments being merged count on top of the heap in the resident
// set. At 224 MiB the collector ran half again as often as at 384 MiB
// for no measurable CPU (docs/bench.md), and the peak stayed within
// twice SQLite's.
const ingestMemoryLimit = 320 << 20

// diskFull adds to an error caused by a full disk what the user needs to
// know: which index, that nothing was lost, and what to do.
func diskFull(dir string, err error) error {
	// bleve reports a segment it could not persist with the cause flattened
	// into its message (%v), so the text is checked too.
	if err == nil || (!errors.Is(err, syscall.ENOSPC) && !strings.Contains(err.Error(), syscall.ENOSPC.Error())) {
		return err
	}
	return fmt.Errorf("%w\nthe disk holding the index %s is full: the index is unchanged (still the one from before this run); free some space and run the ingest again", err, dir)
}

// pathFS gives the file system to walk for a command-line path: a folder is
// walked whole, a single file alone.
func pathFS(p string) fs.FS {
	if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
		return singleFileFS(p)
	}
	return os.DirFS(p)
}

func mergeReports(a, b indexer.Report) indexer.Report {
	a.Files += b.Files
	a.Documents += b.Documents
	a.Records += b.Records
	a.Merged += b.Merged
	a.Ignored += b.Ignored
	a.Excluded += b.Excluded
	a.Renamed = append(a.Renamed, b.Renamed...)
	a.Skipped = append(a.Skipped, b.Skipped...)
	a.Warnings = append(a.Warnings, b.Warnings...)
	a.Took += b.Took
	return a
}

// progress draws a bar on stderr when it is a terminal; elsewhere (pipes,
// tests, CI logs) it stays silent and the summary says it all.
type progress struct {
	w     io.Writer
	quiet bool
	bar   *progressbar.ProgressBar
	base  int // files done in earlier paths
	last  int
}

func newProgress(w io.Writer, quiet bool) *progress {
	if f, ok := w.(*os.File); !ok || !term.IsTerminal(int(f.Fd())) {
		quiet = true
	}
	return &progress{w: w, quiet: quiet}
}

func (p *progress) update(done, total int) {
	if p.quiet {
		return
	}
	if p.bar == nil || done < p.last {
		if p.bar != nil {
			p.base += p.last
		}
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("files"),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	p.last = done
	_ = p.bar.Set(done)
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
