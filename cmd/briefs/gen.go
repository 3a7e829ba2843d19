package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
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
	// Long makes every document a long report of LongMinWords to
	// LongMaxWords words (briefs bench --long).
	Long bool
}

// Length of the documents of a --long corpus, in words.
const (
	LongMinWords = 100_000
	LongMaxWords = 300_000
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
			parts = append(parts, fmt.Sprintf("%s %s", thousands(n), f))
		}
	}
	secs := s.Took.Seconds()
	files := "files"
	if s.Files == 1 {
		files = "file"
	}
	return fmt.Sprintf("%s documents (%s) in %s %s, %.1f MB, in %s (%s docs/s)",
		thousands(s.Docs), strings.Join(parts, ", "), thousands(s.Files), files, float64(s.Bytes)/1e6,
		s.Took.Round(10*time.Millisecond), thousands(int(float64(s.Docs)/math.Max(secs, 1e-9))))
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

// ---- vocabulary and samplers ----

type genVocab struct {
	enFunc, enWords, esFunc, esWords []string
	enFuncT, enWordsT, esFuncT       *aliasTable
	esWordsT                         *aliasTable
	enNouns, enAdj                   []string
	enNounsT, enAdjT                 *aliasTable
	enAuthors, esAuthors             []string
	enAuthorsT, esAuthorsT           *aliasTable
	enSeries, esSeries               []int
	enSeriesT, esSeriesT             *aliasTable
	countriesT                       *aliasTable
	enColT, esColT                   *aliasTable
	yearT                            *aliasTable
}

var vocabulary = sync.OnceValue(buildVocab)

func buildVocab() *genVocab {
	v := &genVocab{}
	// Content words are ranked in a fixed shuffled order so that the common
	// ones mix nouns, verbs and adjectives, as in real text.
	mix := rand.New(rand.NewPCG(0x766f6361, 0x62))
	var nouns []string
	for _, n := range strings.Fields(enNouns) {
		nouns = append(nouns, n, plural(n))
	}
	v.enNouns = dedupe(strings.Fields(enNouns))
	v.enAdj = dedupe(strings.Fields(enAdjectives))
	v.enWords = dedupe(slices.Concat(nouns, strings.Fields(enMass), v.enAdj,
		strings.Fields(enVerbs), strings.Fields(enAdverbs)))
	mix.Shuffle(len(v.enWords), func(i, j int) { v.enWords[i], v.enWords[j] = v.enWords[j], v.enWords[i] })
	v.esWords = dedupe(strings.Fields(esContent))
	mix.Shuffle(len(v.esWords), func(i, j int) { v.esWords[i], v.esWords[j] = v.esWords[j], v.esWords[i] })
	v.enFunc = dedupe(strings.Fields(enFunction))
	v.esFunc = dedupe(strings.Fields(esFunction))

	// Content words follow Zipf-Mandelbrot (rank offset 8): the commonest
	// content word is about 2% of them, not the 12% of a pure Zipf law.
	v.enWordsT = zipfTable(len(v.enWords), 1.0, 8)
	v.esWordsT = zipfTable(len(v.esWords), 1.0, 8)
	v.enFuncT = zipfTable(len(v.enFunc), 1.1, 0)
	v.esFuncT = zipfTable(len(v.esFunc), 1.1, 0)
	v.enNounsT = zipfTable(len(v.enNouns), 0.9, 2)
	v.enAdjT = zipfTable(len(v.enAdj), 0.9, 2)
	v.enColT = zipfTable(len(enCollocations), 0.8, 0)
	v.esColT = zipfTable(len(esCollocations), 0.8, 0)

	given, sur := strings.Fields(enGiven), strings.Fields(enSurnames)
	v.enAuthors = makeNames(mix, 1500, func(r *rand.Rand) string {
		g := given[r.IntN(len(given))]
		if r.IntN(20) == 0 {
			return g + " " + enParticleSurnames[r.IntN(len(enParticleSurnames))]
		}
		return g + " " + sur[r.IntN(len(sur))]
	})
	esGivenNames, esSur := strings.Fields(esGiven), strings.Fields(esSurnames)
	v.esAuthors = makeNames(mix, 500, func(r *rand.Rand) string {
		g := esGivenNames[r.IntN(len(esGivenNames))]
		if r.IntN(8) == 0 {
			g = esCompoundGiven[r.IntN(len(esCompoundGiven))]
		}
		name := g + " " + esSur[r.IntN(len(esSur))]
		if r.IntN(2) == 0 {
			name += " " + esSur[r.IntN(len(esSur))]
		}
		return name
	})
	v.enAuthorsT = zipfTable(len(v.enAuthors), 1.05, 5)
	v.esAuthorsT = zipfTable(len(v.esAuthors), 1.05, 5)

	for i, s := range genSeries {
		if s.Lang == "es" {
			v.esSeries = append(v.esSeries, i)
		} else {
			v.enSeries = append(v.enSeries, i)
		}
	}
	v.enSeriesT = zipfTable(len(v.enSeries), 0.9, 0)
	v.esSeriesT = zipfTable(len(v.esSeries), 0.9, 0)
	v.countriesT = zipfTable(len(genCountries), 0.9, 0)

	// More is published every year: the weight grows as (y-1985)^1.5.
	years := make([]float64, 2025-1990+1)
	for i := range years {
		years[i] = math.Pow(float64(i+5), 1.5)
	}
	v.yearT = newAliasTable(years)
	return v
}

func makeNames(r *rand.Rand, n int, one func(*rand.Rand) string) []string {
	seen := map[string]bool{}
	var out []string
	for len(out) < n {
		name := one(r)
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	return out
}

func dedupe(words []string) []string {
	seen := map[string]bool{}
	out := words[:0:0]
	for _, w := range words {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// plural is the regular English plural, good enough for our noun list.
func plural(n string) string {
	switch {
	case strings.HasSuffix(n, "y") && len(n) > 1 && !strings.ContainsRune("aeiou", rune(n[len(n)-2])):
		return n[:len(n)-1] + "ies"
	case strings.HasSuffix(n, "s"), strings.HasSuffix(n, "x"), strings.HasSuffix(n, "ch"), strings.HasSuffix(n, "sh"):
		return n + "es"
	case n == "man":
		return "men"
	case n == "woman":
		return "women"
	case n == "child":
		return "children"
	case n == "leaf":
		return "leaves"
	case n == "person":
		return "people"
	}
	return n + "s"
}

// zipfTable weighs rank k (1-based) as 1/(k+q)^s.
func zipfTable(n int, s, q float64) *aliasTable {
	w := make([]float64, n)
	for i := range w {
		w[i] = 1 / math.Pow(float64(i+1)+q, s)
	}
	return newAliasTable(w)
}

// aliasTable draws an index with given weights in constant time (Vose's
// alias method): the generator draws a hundred million words for a large
// corpus, so this is its innermost loop.
type aliasTable struct {
	prob  []uint64 // threshold out of 1<<32
	alias []int32
}

func newAliasTable(weights []float64) *aliasTable {
	n := len(weights)
	var sum float64
	for _, w := range weights {
		sum += w
	}
	t := &aliasTable{prob: make([]uint64, n), alias: make([]int32, n)}
	scaled := make([]float64, n)
	var small, large []int
	for i, w := range weights {
		scaled[i] = w * float64(n) / sum
		if scaled[i] < 1 {
			small = append(small, i)
		} else {
			large = append(large, i)
		}
	}
	for len(small) > 0 && len(large) > 0 {
		s, l := small[len(small)-1], large[len(large)-1]
		small = small[:len(small)-1]
		t.prob[s] = uint64(scaled[s] * (1 << 32))
		t.alias[s] = int32(l)
		scaled[l] -= 1 - scaled[s]
		if scaled[l] < 1 {
			large = large[:len(large)-1]
			small = append(small, l)
		}
	}
	for _, i := range append(small, large...) {
		t.prob[i] = 1 << 32
		t.alias[i] = int32(i)
	}
	return t
}

func (t *aliasTable) draw(r *rand.Rand) int {
	u := r.Uint64()
	i := int((u >> 32) * uint64(len(t.prob)) >> 32)
	if u&0xffffffff < t.prob[i] {
		return i
	}
	return int(t.alias[i])
}

// ---- one document ----

// genDocument is what a document says, whatever its format.
type genDocument struct {
	plan      docPlan
	id, slug  string
	title     string
	authors   []string
	date      string // YYYY-MM-DD
	series    string
	publisher int
	countries []int // indexes into genCountries
	abstract  string
	blocks    []genBlock
	url       string
	variant   int // which metadata convention an HTML page uses
}

type genBlock struct {
	heading bool
	text    string
}

// docGen renders documents; one per goroutine.
type docGen struct {
	seed uint64
	v    *genVocab
	r    *rand.Rand
	pcg  *rand.PCG
	buf  []byte
	// topic holds the current document's topic words: a document repeats
	// its subject's words, which is what makes term frequencies, and so
	// ranking, differ between documents.
	topic []string
	long  bool // every document a long report (genConfig.Long)
}

func newDocGen(seed uint64) *docGen {
	pcg := rand.NewPCG(0, 0)
	return &docGen{seed: seed, v: vocabulary(), pcg: pcg, r: rand.New(pcg), buf: make([]byte, 0, 64<<10)}
}

func (g *docGen) document(d docPlan) *genDocument {
	g.pcg.Seed(g.seed, uint64(d.n)<<8|0x64)
	r, v := g.r, g.v
	es := d.lang == "es"
	doc := &genDocument{plan: d, id: fmt.Sprintf("brief-%06d", d.n), series: "", publisher: r.IntN(len(genPublishers))}
	if d.series >= 0 {
		doc.series = genSeries[d.series].Name
		doc.publisher = genSeries[d.series].Publisher
	}
	doc.date = fmt.Sprintf("%04d-%02d-%02d", d.year, d.month, d.day)
	doc.variant = r.IntN(5)

	// One to four countries, the popular ones more often.
	nc := 1 + pick(r, 40, 30, 20, 10)
	for len(doc.countries) < nc {
		c := v.countriesT.draw(r)
		if !slices.Contains(doc.countries, c) {
			doc.countries = append(doc.countries, c)
		}
	}
	// One to three authors; Spanish documents mostly by Spanish names.
	na := 1 + pick(r, 55, 30, 15)
	for len(doc.authors) < na {
		var name string
		if useES := r.Float64() < 0.1 || es && r.Float64() < 0.8; useES {
			name = v.esAuthors[v.esAuthorsT.draw(r)]
		} else {
			name = v.enAuthors[v.enAuthorsT.draw(r)]
		}
		if !slices.Contains(doc.authors, name) {
			doc.authors = append(doc.authors, name)
		}
	}

	g.topic = g.topic[:0]
	for range 12 {
		if es {
			g.topic = append(g.topic, v.esWords[v.esWordsT.draw(r)])
		} else {
			g.topic = append(g.topic, v.enWords[v.enWordsT.draw(r)])
		}
	}
	doc.title = g.title(es, doc.countries)
	doc.slug = slugOf(doc.title)
	doc.url = fmt.Sprintf("https://%s/publications/%d-%s", genPublishers[doc.publisher].Host, d.n, doc.slug)
	doc.abstract = g.abstract(es, doc.countries)

	// Body length: 600 to 2,500 words, shorter ones more common (mean
	// about 1,100); 1% are long reports of 8,000 to 15,000 words.
	words := 600 + int(1900*math.Pow(r.Float64(), 3))
	if r.IntN(100) == 0 {
		words = 8000 + r.IntN(7001)
	}
	if g.long {
		words = LongMinWords + r.IntN(LongMaxWords-LongMinWords+1)
	}
	doc.blocks = g.body(es, words, doc.countries)
	return doc
}

// pick returns i with probability weights[i]/sum(weights).
func pick(r *rand.Rand, weights ...int) int {
	sum := 0
	for _, w := range weights {
		sum += w
	}
	n := r.IntN(sum)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

func countryName(c int, es bool) string {
	if es {
		return genCountries[c][1]
	}
	return genCountries[c][0]
}

// countryRef is a country as running text names it: "the Netherlands",
// "los Países Bajos".
func countryRef(c int, es bool) string {
	name := countryName(c, es)
	if es {
		return esCountryArticle[name] + name
	}
	if enCountryThe[name] {
		return "the " + name
	}
	return name
}

// listing joins names: "A", "A and B", "A, B and C" ("y" in Spanish).
func listing(names []string, es bool) string {
	and := " and "
	if es {
		and = " y "
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + and + names[len(names)-1]
}

func (g *docGen) countryNames(cs []int, es bool) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = countryName(c, es)
	}
	return out
}

func countryRefs(cs []int, es bool) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = countryRef(c, es)
	}
	return out
}

func (g *docGen) collocation(es bool) string {
	if es {
		return esCollocations[g.v.esColT.draw(g.r)]
	}
	return enCollocations[g.v.enColT.draw(g.r)]
}

func (g *docGen) title(es bool, cs []int) string {
	r, v := g.r, g.v
	col := g.collocation(es)
	c1 := countryRef(cs[0], es)
	c2 := ""
	if len(cs) > 1 {
		c2 = countryRef(cs[1], es)
	}
	if es {
		col = upperFirst(col)
		switch r.IntN(5) {
		case 0:
			return col + " en " + c1
		case 1:
			if c2 != "" {
				return col + " en " + c1 + " y " + c2
			}
			return col + ": el caso de " + c1
		case 2:
			return col + ": lecciones de " + c1
		case 3:
			return "Más allá de la " + strings.ToLower(col) + ": " + g.collocation(true) + " en " + c1
		default:
			return col + " y " + g.collocation(true)
		}
	}
	noun := func() string { return titleCase(v.enNouns[v.enNounsT.draw(r)]) }
	adj := func() string { return titleCase(v.enAdj[v.enAdjT.draw(r)]) }
	switch r.IntN(7) {
	case 0:
		return titleCase(col) + " in " + c1
	case 1:
		if c2 != "" {
			return titleCase(col) + " in " + c1 + " and " + c2
		}
		return titleCase(col) + ": The Case of " + c1
	case 2:
		return titleCase(col) + ": Lessons from " + c1
	case 3:
		return "The " + adj() + " " + noun() + " of " + titleCase(col)
	case 4:
		return "Beyond " + titleCase(col) + ": " + adj() + " " + titleCase(plural(strings.ToLower(noun()))) + " in " + c1
	case 5:
		return "Rethinking " + titleCase(col)
	default:
		return titleCase(col) + " and " + titleCase(g.collocation(false)) + " in " + c1
	}
}

// minorWords stay in lower case inside an English title.
var minorWords = map[string]bool{"of": true, "in": true, "and": true, "the": true, "to": true,
	"for": true, "a": true, "on": true, "who": true}

func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if i == 0 || !minorWords[w] {
			words[i] = upperFirst(w)
		}
	}
	return strings.Join(words, " ")
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func (g *docGen) abstract(es bool, cs []int) string {
	names := listing(countryRefs(cs, es), es)
	var b []byte
	if es {
		b = append(b, "Este informe analiza la "...)
		b = append(b, g.collocation(true)...)
		b = append(b, " en "...)
	} else {
		b = append(b, "This paper examines "...)
		b = append(b, g.collocation(false)...)
		b = append(b, " in "...)
	}
	b = append(b, names...)
	b = append(b, ". "...)
	for i := range 2 {
		b = g.sentence(b, es, 14+g.r.IntN(16), "")
		if i == 0 {
			b = append(b, ' ')
		}
	}
	return string(b)
}

// mention is where the body names a country: before the sentence that
// starts after word offset at.
type mention struct {
	at      int
	country int
}

// body writes paragraphs of sentences until words are written, with a
// heading every few paragraphs and every country named two to five times.
func (g *docGen) body(es bool, words int, cs []int) []genBlock {
	r := g.r
	var ms []mention
	for _, c := range cs {
		for range 2 + r.IntN(4) {
			ms = append(ms, mention{r.IntN(words * 9 / 10), c})
		}
	}
	slices.SortFunc(ms, func(a, b mention) int { return a.at - b.at })
	headings := enHeadings
	if es {
		headings = esHeadings
	}
	var blocks []genBlock
	written, paras, nextHeading := 0, 0, 3+r.IntN(4)
	for written < words || len(ms) > 0 {
		if paras == nextHeading && written < words {
			blocks = append(blocks, genBlock{heading: true, text: headings[r.IntN(len(headings))]})
			nextHeading += 3 + r.IntN(4)
		}
		target := 40 + r.IntN(140)
		if r.IntN(10) == 0 {
			target = 15 + r.IntN(25) // a short paragraph now and then
		}
		target = max(min(target, words-written), 8)
		b := g.buf[:0]
		for n := 0; n < target; {
			if len(b) > 0 {
				b = append(b, ' ')
			}
			lead := ""
			if len(ms) > 0 && (ms[0].at <= written+n || written+n >= words) {
				lead = g.mentionLead(es, ms[0].country)
				ms = ms[1:]
			}
			k := 6 + r.IntN(26)
			b = g.sentence(b, es, k, lead)
			n += k
		}
		written += target
		paras++
		blocks = append(blocks, genBlock{text: string(b)})
		g.buf = b
	}
	return blocks
}

func (g *docGen) mentionLead(es bool, c int) string {
	name := countryRef(c, es)
	if es {
		switch g.r.IntN(3) {
		case 0:
			return "En " + name + ", "
		case 1:
			return "La experiencia de " + name + " muestra que "
		}
		return "Según datos de " + name + ", "
	}
	switch g.r.IntN(3) {
	case 0:
		return "In " + name + ", "
	case 1:
		return "The experience of " + name + " suggests that "
	}
	return "Across " + name + ", "
}

// sentence appends a sentence of about n words: function words and
// Zipfian content words, now and then a collocation, a number or a comma.
// lead, if set, opens the sentence ("In Peru, ").
func (g *docGen) sentence(b []byte, es bool, n int, lead string) []byte {
	r, v := g.r, g.v
	fw, fwT, cw, cwT := v.enFunc, v.enFuncT, v.enWords, v.enWordsT
	if es {
		fw, fwT, cw, cwT = v.esFunc, v.esFuncT, v.esWords, v.esWordsT
	}
	start := len(b)
	b = append(b, lead...)
	for i := 0; i < n; i++ {
		if i > 0 {
			b = append(b, ' ')
		}
		u := r.Uint32()
		switch {
		case u < 1<<32/28:
			b = append(b, g.collocation(es)...)
			i++
		case u < 1<<32/28+1<<32/120:
			b = strconv.AppendInt(b, int64(2+r.IntN(98)), 10)
			if es {
				b = append(b, " por ciento"...)
			} else {
				b = append(b, " per cent"...)
			}
			i++
		case u < 1<<32/2:
			b = append(b, fw[fwT.draw(r)]...)
		case u < 1<<32/2+1<<32/16:
			b = append(b, g.topic[r.IntN(len(g.topic))]...)
		default:
			b = append(b, cw[cwT.draw(r)]...)
		}
		if i < n-1 && r.IntN(14) == 0 {
			b = append(b, ',')
		}
	}
	b = capitalizeAt(b, start)
	b = append(b, '.')
	return b
}

// capitalizeAt upper-cases the letter starting at b[i].
func capitalizeAt(b []byte, i int) []byte {
	if i >= len(b) {
		return b
	}
	if c := b[i]; c >= 'a' && c <= 'z' {
		b[i] = c - 'a' + 'A'
		return b
	}
	r, n := utf8.DecodeRune(b[i:])
	u := unicode.ToUpper(r)
	if u == r || utf8.RuneLen(u) != n {
		return b
	}
	utf8.EncodeRune(b[i:], u)
	return b
}

// slugOf makes a file-name-safe slug of the first words of a title.
func slugOf(title string) string {
	var b strings.Builder
	words := 0
	dash := false
	for _, r := range strings.ToLower(title) {
		switch r {
		case 'á', 'à', 'ä':
			r = 'a'
		case 'é', 'è':
			r = 'e'
		case 'í':
			r = 'i'
		case 'ó', 'ô':
			r = 'o'
		case 'ú', 'ü':
			r = 'u'
		case 'ñ':
			r = 'n'
		}
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				words++
				if words >= 6 {
					break
				}
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

// ---- renderers ----

// seriesLine is the visible series line: "Drug Policy Briefing No. 11",
// "Informe sobre Políticas de Drogas n.º 11".
func seriesLine(doc *genDocument) string {
	if doc.series == "" {
		return ""
	}
	if doc.plan.lang == "es" {
		return doc.series + " n.º " + strconv.Itoa(doc.plan.number)
	}
	return doc.series + " No. " + strconv.Itoa(doc.plan.number)
}

// dateline writes the date as people do: "14 March 2005", "14 de marzo de 2005".
func dateline(doc *genDocument) string {
	d := doc.plan
	if d.lang == "es" {
		return fmt.Sprintf("%d de %s de %d", d.day, esMonths[d.month-1], d.year)
	}
	return fmt.Sprintf("%d %s %d", d.day, enMonths[d.month-1], d.year)
}

func (doc *genDocument) kindWord() string {
	if doc.plan.lang == "es" {
		return "Publicaciones"
	}
	return "Publications"
}

// Metadata conventions of an HTML page (genDocument.variant).
const (
	variantCitation = iota // Highwire citation_* tags
	variantJSONLD          // schema.org Report in JSON-LD
	variantDC              // Dublin Core
	variantOG              // OpenGraph, with a visible series line
	variantVisible         // nothing in the head: byline, dateline and series line
)

func (g *docGen) renderHTML(doc *genDocument) []byte {
	es := doc.plan.lang == "es"
	pub := genPublishers[doc.publisher]
	esc := html.EscapeString
	b := make([]byte, 0, 4096+len(doc.abstract)+16*len(doc.blocks)+blocksLen(doc.blocks))
	b = append(b, "<!DOCTYPE html>\n<html lang=\""...)
	b = append(b, doc.plan.lang...)
	b = append(b, "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"...)
	b = append(b, esc(doc.title)...)
	b = append(b, " | "...)
	b = append(b, esc(pub.Name)...)
	b = append(b, "</title>\n"...)
	meta := func(attr, key, val string) {
		b = append(b, "<meta "...)
		b = append(b, attr...)
		b = append(b, "=\""...)
		b = append(b, key...)
		b = append(b, "\" content=\""...)
		b = append(b, esc(val)...)
		b = append(b, "\">\n"...)
	}
	meta("name", "description", doc.abstract)
	switch doc.variant {
	case variantCitation:
		meta("name", "citation_title", doc.title)
		for _, a := range doc.authors {
			meta("name", "citation_author", invertName(a))
		}
		meta("name", "citation_publication_date", strings.ReplaceAll(doc.date, "-", "/"))
		if doc.series != "" {
			meta("name", "citation_series_title", doc.series)
			meta("name", "citation_technical_report_number", strconv.Itoa(doc.plan.number))
		}
		meta("name", "citation_publisher", pub.Name)
		meta("name", "citation_language", doc.plan.lang)
		meta("name", "citation_abstract_html_url", doc.url)
	case variantJSONLD:
		b = append(b, "<script type=\"application/ld+json\">\n"...)
		b = g.appendJSONLD(b, doc)
		b = append(b, "\n</script>\n"...)
	case variantDC:
		b = append(b, "<link rel=\"schema.DC\" href=\"http://purl.org/dc/elements/1.1/\">\n"...)
		meta("name", "DC.title", doc.title)
		for _, a := range doc.authors {
			meta("name", "DC.creator", a)
		}
		meta("name", "DC.date", doc.date)
		meta("name", "DC.language", doc.plan.lang)
		meta("name", "DC.publisher", pub.Name)
		meta("name", "DC.coverage", strings.Join(g.countryNames(doc.countries, false), "; "))
		if doc.series != "" {
			meta("name", "DC.relation.isPartOf", doc.series+" "+strconv.Itoa(doc.plan.number))
		}
		meta("name", "DC.type", "Text")
	case variantOG:
		meta("property", "og:type", "article")
		meta("property", "og:site_name", pub.Name)
		meta("property", "og:title", doc.title)
		meta("property", "og:description", doc.abstract)
		meta("property", "og:url", doc.url)
		if es {
			meta("property", "og:locale", "es_ES")
		} else {
			meta("property", "og:locale", "en_GB")
		}
		meta("property", "article:published_time", doc.date+"T09:00:00+00:00")
		for _, a := range doc.authors {
			meta("property", "article:author", a)
		}
	}
	b = append(b, "<link rel=\"canonical\" href=\""...)
	b = append(b, esc(doc.url)...)
	b = append(b, "\">\n"...)
	b = append(b, htmlHeadChrome...)
	b = append(b, "</head>\n<body>\n"...)
	b = append(b, htmlCookieBanner...)
	b = append(b, "<header class=\"site-header\">\n  <div class=\"logo\"><a href=\"/\">"...)
	b = append(b, esc(pub.Name)...)
	b = append(b, "</a></div>\n"...)
	b = append(b, htmlNav...)
	b = append(b, "</header>\n<nav class=\"breadcrumb\"><a href=\"/\">Home</a> &rsaquo; <a href=\"/publications\">"...)
	b = append(b, doc.kindWord()...)
	b = append(b, "</a></nav>\n<main id=\"content\">\n<article class=\"publication\">\n<header class=\"entry-header\">\n"...)
	if doc.variant == variantVisible || doc.variant == variantOG {
		if s := seriesLine(doc); s != "" {
			b = append(b, "<p class=\"series\">"...)
			b = append(b, esc(s)...)
			b = append(b, "</p>\n"...)
		}
	}
	b = append(b, "<h1 class=\"entry-title\">"...)
	b = append(b, esc(doc.title)...)
	b = append(b, "</h1>\n"...)
	if doc.variant != variantCitation {
		by := "By "
		if es {
			by = "Por "
		}
		b = append(b, "<p class=\"byline\">"...)
		b = append(b, by...)
		b = append(b, esc(listing(doc.authors, es))...)
		b = append(b, "</p>\n"...)
	}
	if doc.variant == variantVisible {
		b = append(b, "<p class=\"dateline\"><time datetime=\""...)
		b = append(b, doc.date...)
		b = append(b, "\">"...)
		b = append(b, dateline(doc)...)
		b = append(b, "</time></p>\n"...)
	}
	b = append(b, "</header>\n<div class=\"entry-content\">\n<p class=\"summary\"><strong>"...)
	b = append(b, esc(doc.abstract)...)
	b = append(b, "</strong></p>\n"...)
	for _, bl := range doc.blocks {
		if bl.heading {
			b = append(b, "<h2>"...)
			b = append(b, esc(bl.text)...)
			b = append(b, "</h2>\n"...)
			continue
		}
		b = append(b, "<p>"...)
		b = append(b, bl.text...) // generated words: nothing to escape
		b = append(b, "</p>\n"...)
	}
	b = append(b, "</div>\n<div class=\"share\"><a href=\"#\">Share on social media</a> <a href=\"#\">Email</a> <a href=\"#\">Print</a></div>\n</article>\n"...)
	b = append(b, "<aside class=\"related\">\n<h3>Related publications</h3>\n<ul>\n"...)
	for range 3 {
		b = append(b, "<li><a href=\"/publications/related\">"...)
		b = append(b, esc(titleCase(g.collocation(es)))...)
		b = append(b, "</a></li>\n"...)
	}
	b = append(b, "</ul>\n</aside>\n</main>\n<footer class=\"site-footer\">\n<p>&copy; "...)
	b = append(b, esc(pub.Name)...)
	b = append(b, htmlFooter...)
	return b
}

func blocksLen(bs []genBlock) int {
	n := 0
	for _, b := range bs {
		n += len(b.text)
	}
	return n
}

// invertName writes "Given Surname" as "Surname, Given" (citation_author
// style); the surname is the last word, or the last two for Spanish names
// with a particle-free double surname.
func invertName(name string) string {
	words := strings.Fields(name)
	if len(words) < 2 {
		return name
	}
	cut := len(words) - 1
	if len(words) >= 3 && (words[len(words)-2] == "de" || words[len(words)-2] == "van" || words[len(words)-2] == "ter" ||
		words[len(words)-3] == "van" && words[len(words)-2] == "der") {
		cut = len(words) - 2
		if words[len(words)-3] == "van" {
			cut = len(words) - 3
		}
	}
	return strings.Join(words[cut:], " ") + ", " + strings.Join(words[:cut], " ")
}

func (g *docGen) appendJSONLD(b []byte, doc *genDocument) []byte {
	pub := genPublishers[doc.publisher]
	b = append(b, `{"@context":"https://schema.org","@type":"Report","headline":`...)
	b = appendJSONString(b, doc.title)
	b = append(b, `,"author":[`...)
	for i, a := range doc.authors {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"@type":"Person","name":`...)
		b = appendJSONString(b, a)
		b = append(b, '}')
	}
	b = append(b, `],"datePublished":"`...)
	b = append(b, doc.date...)
	b = append(b, `","inLanguage":"`...)
	b = append(b, doc.plan.lang...)
	b = append(b, `","publisher":{"@type":"Organization","name":`...)
	b = appendJSONString(b, pub.Name)
	b = append(b, `},"description":`...)
	b = appendJSONString(b, doc.abstract)
	if doc.series != "" {
		b = append(b, `,"isPartOf":{"@type":"CreativeWorkSeries","name":`...)
		b = appendJSONString(b, doc.series)
		b = append(b, `},"reportNumber":"`...)
		b = strconv.AppendInt(b, int64(doc.plan.number), 10)
		b = append(b, '"')
	}
	b = append(b, `,"spatialCoverage":[`...)
	for i, c := range doc.countries {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"@type":"Country","name":`...)
		b = appendJSONString(b, countryName(c, false))
		b = append(b, '}')
	}
	b = append(b, `],"url":`...)
	b = appendJSONString(b, doc.url)
	b = append(b, '}')
	return b
}

const htmlHeadChrome = `<style>
  body { font-family: Georgia, serif; margin: 0; color: #222; }
  .cookie-banner { position: fixed; bottom: 0; left: 0; right: 0; background: #222; color: #fff; padding: 1em; }
  .site-header { background: #0b3d2e; color: #fff; }
  .main-nav ul { list-style: none; display: flex; gap: 1em; }
  .site-footer { font-size: .8em; color: #555; border-top: 1px solid #ccc; }
</style>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date());
</script>
`

const htmlCookieBanner = `<div class="cookie-banner" id="cookie-consent">
  <p>We use cookies to improve your experience on our website and to analyse our traffic. <a href="/privacy">Read our privacy policy</a>.</p>
  <button class="accept" type="button">Accept all cookies</button>
  <button class="reject" type="button">Only necessary cookies</button>
</div>
`

const htmlNav = `  <nav class="main-nav" aria-label="Main menu">
    <ul>
      <li><a href="/">Home</a></li>
      <li><a href="/publications">Publications</a></li>
      <li><a href="/topics">Topics</a></li>
      <li><a href="/events">Events</a></li>
      <li><a href="/about">About us</a></li>
      <li><a href="/donate">Support our work</a></li>
    </ul>
  </nav>
  <form class="site-search" action="/search" method="get"><input type="search" name="q" placeholder="Search publications"><button type="submit">Search</button></form>
`

const htmlFooter = `. Content licensed under a Creative Commons Attribution licence.</p>
<nav class="footer-nav"><a href="/contact">Contact</a> <a href="/privacy">Privacy</a> <a href="/newsletter">Newsletter</a></nav>
<form class="newsletter"><label>Subscribe to our newsletter <input type="email" name="email"></label><button>Subscribe</button></form>
</footer>
</body>
</html>
`

// renderText writes a plain-text document: mostly with the header block
// the extractor reads, sometimes with only a title, byline, dateline and
// series line, as in old text archives. Paragraphs are wrapped at 76
// columns.
func (g *docGen) renderText(doc *genDocument) []byte {
	es := doc.plan.lang == "es"
	b := make([]byte, 0, 1024+len(doc.abstract)+blocksLen(doc.blocks)+2*len(doc.blocks))
	if doc.variant != variantVisible {
		b = append(b, "Title: "...)
		b = append(b, doc.title...)
		b = append(b, "\nAuthors: "...)
		b = append(b, strings.Join(doc.authors, "; ")...)
		b = append(b, "\nDate: "...)
		b = append(b, doc.date...)
		if doc.series != "" {
			b = append(b, "\nSeries: "...)
			b = append(b, doc.series...)
			b = append(b, "\nNumber: "...)
			b = strconv.AppendInt(b, int64(doc.plan.number), 10)
		}
		b = append(b, "\nCountry: "...)
		b = append(b, strings.Join(g.countryNames(doc.countries, false), ", ")...)
		b = append(b, "\nLanguage: "...)
		b = append(b, doc.plan.lang...)
		b = append(b, "\n\n"...)
	} else {
		by := "By "
		if es {
			by = "Por "
		}
		b = append(b, doc.title...)
		b = append(b, '\n')
		b = append(b, by...)
		b = append(b, listing(doc.authors, es)...)
		b = append(b, '\n')
		b = append(b, dateline(doc)...)
		if s := seriesLine(doc); s != "" {
			b = append(b, '\n')
			b = append(b, s...)
		}
		b = append(b, "\n\n"...)
	}
	b = appendWrapped(b, doc.abstract, 76)
	for _, bl := range doc.blocks {
		b = append(b, '\n')
		b = appendWrapped(b, bl.text, 76)
	}
	return b
}

// appendWrapped appends s broken into lines of at most width bytes (a
// longer word gets a line of its own), then a newline.
func appendWrapped(b []byte, s string, width int) []byte {
	lineStart := len(b)
	for len(s) > 0 {
		i := strings.IndexByte(s, ' ')
		w := s
		if i >= 0 {
			w, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if len(b) > lineStart {
			if len(b)-lineStart+1+len(w) > width {
				b = append(b, '\n')
				lineStart = len(b)
			} else {
				b = append(b, ' ')
			}
		}
		b = append(b, w...)
	}
	return append(b, '\n')
}

// renderJSONL writes one JSON Lines record. Field values vary the way real
// exports do: language as "es", "es-ES" or "Spanish"; countries now and
// then in Spanish.
func (g *docGen) renderJSONL(doc *genDocument) []byte {
	r := g.r
	es := doc.plan.lang == "es"
	b := make([]byte, 0, 512+len(doc.abstract)+blocksLen(doc.blocks)+2*len(doc.blocks))
	b = append(b, `{"id":`...)
	b = appendJSONString(b, doc.id)
	b = append(b, `,"title":`...)
	b = appendJSONString(b, doc.title)
	b = append(b, `,"authors":[`...)
	for i, a := range doc.authors {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, a)
	}
	b = append(b, `],"date":"`...)
	b = append(b, doc.date...)
	b = append(b, `","year":`...)
	b = strconv.AppendInt(b, int64(doc.plan.year), 10)
	if doc.series != "" {
		b = append(b, `,"series":`...)
		b = appendJSONString(b, doc.series)
		b = append(b, `,"number":`...)
		b = strconv.AppendInt(b, int64(doc.plan.number), 10)
	}
	b = append(b, `,"countries":[`...)
	spanishNames := es && r.IntN(10) == 0
	for i, c := range doc.countries {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, countryName(c, spanishNames))
	}
	b = append(b, `],"language":`...)
	lang := doc.plan.lang
	switch r.IntN(20) {
	case 0:
		lang = map[bool]string{false: "en-GB", true: "es-ES"}[es]
	case 1:
		lang = map[bool]string{false: "English", true: "Spanish"}[es]
	}
	b = appendJSONString(b, lang)
	b = append(b, `,"url":`...)
	b = appendJSONString(b, doc.url)
	b = append(b, `,"abstract":`...)
	b = appendJSONString(b, doc.abstract)
	b = append(b, `,"text":"`...)
	for i, bl := range doc.blocks {
		if i > 0 {
			b = append(b, `\n\n`...)
		}
		b = appendJSONStringBody(b, bl.text)
	}
	b = append(b, "\"}\n"...)
	return b
}

// appendJSONString appends s as a JSON string.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	b = appendJSONStringBody(b, s)
	return append(b, '"')
}

const hexDigits = "0123456789abcdef"

// appendJSONStringBody appends s escaped for a JSON string, without the
// quotes. "<", ">" and "&" are escaped too, so that the same text is safe
// inside a <script> element.
func appendJSONStringBody(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
			continue
		}
		b = append(b, s[last:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\t':
			b = append(b, '\\', 't')
		case '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		last = i + 1
	}
	return append(b, s[last:]...)
}

// ---- progress ----

// genProgress draws a bar on stderr when it is a terminal, like ingest's.
type genProgress struct {
	w     io.Writer
	quiet bool
	desc  string
	bar   *progressbar.ProgressBar
}

func newGenProgress(w io.Writer, quiet bool, desc string) *genProgress {
	if f, ok := w.(*os.File); !ok || !term.IsTerminal(int(f.Fd())) {
		quiet = true
	}
	return &genProgress{w: w, quiet: quiet, desc: desc}
}

func (p *genProgress) update(done, total int) {
	if p.quiet {
		return
	}
	if p.bar == nil {
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetDescription(p.desc),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("docs"),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	_ = p.bar.Set(done)
}

func (p *genProgress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}

// thousands writes n with thousands separators: 12,345.
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
