package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/briefs/briefs/internal/digits"
)

// `briefs gen` writes a synthetic corpus of policy briefings: HTML pages
// with the metadata conventions the extractor reads, plain-text files with
// a header block, and JSON Lines records. The distributions follow the
// published comparison runs (see docs/bench.md) so that figures measured on
// a generated corpus can be set beside theirs.
//
// Output is a pure function of the flags: every document is drawn from its
// own random source, seeded with (seed, document number), so documents can
// be rendered in parallel and still come out byte-identical.

// Output formats.
const (
	genHTML  = "html"
	genText  = "text"
	genJSONL = "jsonl"
	genMixed = "mixed"
)

type genConfig struct {
	Docs      int
	Seed      uint64
	Format    string  // html, text, jsonl or mixed
	Spanish   float64 // fraction of documents in Spanish
	PerFolder int     // files per folder for html and text
	Split     int     // records per JSON Lines file; 0 = one file
	Quiet     bool
	// Long makes every document a long report of longMinWords to
	// longMaxWords words (briefs bench --long).
	Long bool
}

// Length of the documents of a --long corpus, in words.
const (
	longMinWords = 100_000
	longMaxWords = 300_000
)

// genSummary is what a run wrote.
type genSummary struct {
	Docs     int
	Files    int
	Bytes    int64
	ByFormat map[string]int
	Took     time.Duration
}

func (s genSummary) String() string {
	var parts []string
	for _, f := range []string{genHTML, genText, genJSONL} {
		if n := s.ByFormat[f]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %s", digits.Grouped(int64(n)), f))
		}
	}
	secs := s.Took.Seconds()
	files := "files"
	if s.Files == 1 {
		files = "file"
	}
	return fmt.Sprintf("%s documents (%s) in %s %s, %.1f MB, in %s (%s docs/s)",
		digits.Grouped(int64(s.Docs)), strings.Join(parts, ", "), digits.Grouped(int64(s.Files)), files, float64(s.Bytes)/1e6,
		s.Took.Round(10*time.Millisecond), digits.Grouped(int64(int(float64(s.Docs)/math.Max(secs, 1e-9)))))
}

func runGen(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg := genConfig{}
	fs := newFlagSet("gen", stderr, "briefs gen [flags] OUT",
		`Write a synthetic corpus of policy briefings into the folder OUT, for
benchmarks and load tests: HTML pages (OUT/html/0000/...; metadata as
citation_* tags, JSON-LD, Dublin Core, OpenGraph or visible bylines, inside
page chrome), plain-text files with a header block (OUT/text/...) and JSON
Lines records (OUT/briefings.jsonl). Documents have 600 to 2,500 words (1%
have 8,000 to 15,000), one to three authors, a series and number, one to four
countries and a date between 1990 and 2025. The same flags always give
byte-identical files.`,
		"briefs gen --docs 10000 --format jsonl /tmp/corpus",
		"briefs gen --docs 2000 --format mixed --spanish 0.2 --seed 7 /tmp/mixed")
	fs.IntVar(&cfg.Docs, "docs", 1000, "number of documents")
	fs.Uint64Var(&cfg.Seed, "seed", 1, "random seed")
	fs.StringVar(&cfg.Format, "format", genHTML, "html, text, jsonl, or mixed (70% html, 20% text, 10% jsonl)")
	fs.Float64Var(&cfg.Spanish, "spanish", 0.1, "fraction of documents in Spanish")
	fs.IntVar(&cfg.PerFolder, "per-folder", 1000, "HTML and text files per folder")
	fs.IntVar(&cfg.Split, "split", 0, "records per JSON Lines file (0: all in OUT/briefings.jsonl)")
	force := fs.Bool("force", false, "replace the output of an earlier run in OUT")
	fs.BoolVar(&cfg.Quiet, "quiet", false, "no progress bar")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return usageError{"gen needs exactly one OUT folder"}
	}
	if err := cfg.check(); err != nil {
		return usageError{"gen: " + err.Error()}
	}
	out := fs.Arg(0)
	if err := prepareOut(out, cfg.Format, *force); err != nil {
		return err
	}
	bar := newGenProgress(stderr, cfg.Quiet, "generating")
	sum, err := generate(ctx, cfg, out, bar.update)
	bar.finish()
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "gen %s: %s\n", out, sum)
	return nil
}

func (c *genConfig) check() error {
	switch c.Format {
	case genHTML, genText, genJSONL, genMixed:
	default:
		return fmt.Errorf("unknown format %q: use html, text, jsonl or mixed", c.Format)
	}
	switch {
	case c.Docs < 1:
		return errors.New("--docs must be at least 1")
	case c.Spanish < 0 || c.Spanish > 1:
		return errors.New("--spanish must be between 0 and 1")
	case c.PerFolder < 1:
		return errors.New("--per-folder must be at least 1")
	case c.Split < 0:
		return errors.New("--split must not be negative")
	}
	return nil
}

// prepareOut makes sure OUT exists and holds no earlier output of the
// format, which would otherwise mix with this run's (a smaller run leaves
// files behind). With force, that output is removed; other files, and
// other formats' output, are never touched.
func prepareOut(out, format string, force bool) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	ents, err := os.ReadDir(out)
	if err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	for _, e := range ents {
		if !isGenOutput(e.Name(), format) {
			continue
		}
		if !force {
			return usageError{fmt.Sprintf("gen: %s already holds generated files (%s); use --force to replace them", out, e.Name())}
		}
		if err := os.RemoveAll(filepath.Join(out, e.Name())); err != nil {
			return fmt.Errorf("gen: %w", err)
		}
	}
	return nil
}

func isGenOutput(name, format string) bool {
	mixed := format == genMixed
	switch {
	case name == genHTML || name == genText:
		return mixed || name == format
	case strings.HasPrefix(name, "briefings") && strings.HasSuffix(name, ".jsonl"):
		return mixed || format == genJSONL
	}
	return false
}

// generate writes cfg.Docs documents under out. progress, if set, is called
// with the documents done and the total.
func generate(ctx context.Context, cfg genConfig, out string, progress func(done, total int)) (genSummary, error) {
	start := time.Now()
	if err := cfg.check(); err != nil {
		return genSummary{}, err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return genSummary{}, fmt.Errorf("gen: %w", err)
	}
	plan := planCorpus(cfg)
	sum := genSummary{Docs: cfg.Docs, ByFormat: map[string]int{}}
	for _, d := range plan {
		sum.ByFormat[d.format]++
	}
	if err := makeFolders(out, plan, cfg.PerFolder); err != nil {
		return sum, err
	}
	// JSON Lines records are written in order by one goroutine while the
	// next batch is rendered.
	jw := &jsonlWriter{dir: out, split: cfg.Split}
	lines := make(chan [][]byte, 1)
	werr := make(chan error, 1)
	// The writer gets the channel as an argument: finish sets the variable
	// to nil, which the goroutine must not read.
	go func(lines <-chan [][]byte) {
		var err error
		for batch := range lines {
			for _, line := range batch {
				if err == nil {
					err = jw.write(line)
				}
			}
		}
		if cerr := jw.close(); err == nil {
			err = cerr
		}
		werr <- err
	}(lines)
	finish := func() error {
		if lines == nil {
			return nil
		}
		close(lines)
		lines = nil
		return <-werr
	}
	defer finish()

	workers := max(1, runtime.GOMAXPROCS(0))
	const batch = 256
	errs := make([]error, workers)
	sizes := make([]int64, workers)
	files := make([]int, workers)
	for lo := 0; lo < len(plan); lo += batch {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		hi := min(lo+batch, len(plan))
		rendered := make([][]byte, hi-lo)
		var wg sync.WaitGroup
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				g := newDocGen(cfg.Seed)
				g.long = cfg.Long
				for i := lo + w; i < hi; i += workers {
					d := plan[i]
					doc := g.document(d)
					var data []byte
					switch d.format {
					case genHTML:
						data = g.renderHTML(doc)
					case genText:
						data = g.renderText(doc)
					case genJSONL:
						rendered[i-lo] = g.renderJSONL(doc)
						continue
					}
					name := filepath.Join(out, docPath(d, cfg.PerFolder, doc.slug))
					if err := os.WriteFile(name, data, 0o644); err != nil && errs[w] == nil {
						errs[w] = fmt.Errorf("gen: %w", err)
					}
					sizes[w] += int64(len(data))
					files[w]++
				}
			}()
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			return sum, err
		}
		batchLines := rendered[:0]
		for _, line := range rendered {
			if line != nil {
				batchLines = append(batchLines, line)
			}
		}
		if len(batchLines) > 0 {
			lines <- batchLines // the writer drains the channel even after an error
		}
		if progress != nil {
			progress(hi, len(plan))
		}
	}
	if err := finish(); err != nil {
		return sum, err
	}
	for w := range workers {
		sum.Bytes += sizes[w]
		sum.Files += files[w]
	}
	sum.Bytes += jw.bytes
	sum.Files += jw.files
	sum.Took = time.Since(start)
	return sum, nil
}

// docPath is where a document's file goes, relative to OUT.
func docPath(d docPlan, perFolder int, slug string) string {
	ext := ".html"
	if d.format == genText {
		ext = ".txt"
	}
	return filepath.Join(d.format, fmt.Sprintf("%04d", (d.n-1)/perFolder), fmt.Sprintf("%06d-%s%s", d.n, slug, ext))
}

func makeFolders(out string, plan []docPlan, perFolder int) error {
	made := map[string]bool{}
	for _, d := range plan {
		if d.format == genJSONL {
			continue
		}
		dir := filepath.Join(out, d.format, fmt.Sprintf("%04d", (d.n-1)/perFolder))
		if made[dir] {
			continue
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("gen: %w", err)
		}
		made[dir] = true
	}
	return nil
}

// jsonlWriter appends records to OUT/briefings.jsonl, or with split to
// OUT/briefings-0001.jsonl, -0002, ... of split records each.
type jsonlWriter struct {
	dir   string
	split int
	f     *os.File
	w     *bufio.Writer
	lines int // in the current file
	files int
	bytes int64
}

func (j *jsonlWriter) write(line []byte) error {
	if j.f == nil || j.split > 0 && j.lines >= j.split {
		if err := j.close(); err != nil {
			return err
		}
		name := "briefings.jsonl"
		if j.split > 0 {
			name = fmt.Sprintf("briefings-%04d.jsonl", j.files+1)
		}
		f, err := os.Create(filepath.Join(j.dir, name))
		if err != nil {
			return fmt.Errorf("gen: %w", err)
		}
		j.f, j.w, j.lines = f, bufio.NewWriterSize(f, 1<<20), 0
		j.files++
	}
	n, err := j.w.Write(line)
	j.bytes += int64(n)
	j.lines++
	if err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	return nil
}

func (j *jsonlWriter) close() error {
	if j.f == nil {
		return nil
	}
	err := j.w.Flush()
	if cerr := j.f.Close(); err == nil {
		err = cerr
	}
	j.f, j.w = nil, nil
	if err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	return nil
}

// ---- plan: what needs the whole corpus (series numbers) ----

// docPlan is decided for all documents before any is written: series
// numbers must rise with the date within each series.
type docPlan struct {
	n                int // 1-based document number
	format           string
	lang             string
	series           int // index into genSeries, -1 for none
	number           int
	year, month, day int
}

func planCorpus(cfg genConfig) []docPlan {
	v := vocabulary()
	r := rand.New(rand.NewPCG(cfg.Seed, 0x706c616e)) // "plan"
	plan := make([]docPlan, cfg.Docs)
	for i := range plan {
		d := docPlan{n: i + 1, format: cfg.Format, lang: "en", series: -1}
		if cfg.Format == genMixed {
			switch u := r.Float64(); {
			case u < 0.7:
				d.format = genHTML
			case u < 0.9:
				d.format = genText
			default:
				d.format = genJSONL
			}
		}
		if r.Float64() < cfg.Spanish {
			d.lang = "es"
		}
		if r.Float64() < 0.9 { // a few documents stand alone: op-eds, statements
			if d.lang == "es" {
				d.series = v.esSeries[v.esSeriesT.draw(r)]
			} else {
				d.series = v.enSeries[v.enSeriesT.draw(r)]
			}
		}
		d.year = 1990 + v.yearT.draw(r)
		d.month = 1 + r.IntN(12)
		d.day = 1 + r.IntN(28)
		plan[i] = d
	}
	bySeries := map[int][]int{}
	for i, d := range plan {
		if d.series >= 0 {
			bySeries[d.series] = append(bySeries[d.series], i)
		}
	}
	for _, idx := range bySeries {
		slices.SortStableFunc(idx, func(a, b int) int {
			pa, pb := plan[a], plan[b]
			return (pa.year*400 + pa.month*31 + pa.day) - (pb.year*400 + pb.month*31 + pb.day)
		})
		for k, i := range idx {
			plan[i].number = k + 1
		}
	}
	return plan
}
