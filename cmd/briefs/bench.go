package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/briefs/briefs/search"
)

// `briefs bench` measures the whole pipeline on a generated corpus: ingest
// (docs/s, MB/s, index size, peak memory), then a fixed query mix in
// process and over HTTP. Ingest and serving each run in a child process
// (the same binary, `bench --phase ingest|serve`), because a process's
// peak RSS cannot be reset: a serving figure measured after an ingest in
// the same process would be the ingest's.

// benchChildEnv marks a child started by bench. The briefs binary does not
// need it; a test binary does, to run the command instead of the tests.
const benchChildEnv = "BRIEFS_BENCH_CHILD"

type benchConfig struct {
	Docs        int
	Seed        uint64
	Format      string // jsonl, html or text
	Spanish     float64
	Corpus      string // reuse or create the corpus here
	Index       string // build the index here (default: in the work folder)
	Keep        bool
	SkipIngest  bool // query an index built by an earlier run
	Queries     int  // in-process queries, single-threaded
	HTTPQueries int  // queries over HTTP, spread over Clients
	Clients     int
	Markdown    bool
	CPUProfile  string
	MemProfile  string
	ResidentMB  int // the serve phase's LimitResident, as serve --resident
	Quiet       bool
	Phase       string // internal: "", "ingest" or "serve"
	// Long generates long reports (genConfig.Long) and measures what
	// snippets cost on them (serveResult.Snippets).
	Long bool
}

func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var cfg benchConfig
	fs := newFlagSet("bench", stderr, "briefs bench [flags]",
		`Generate a corpus (see "briefs gen"), ingest it with the real pipeline and
query it: print ingest speed (docs/s, MB/s), index size, peak memory while
ingesting and while serving, and the latency of a fixed, seeded mix of
queries (words, phrases, year ranges, series, countries, sorted by date,
second pages; top 10 with facets and 3 snippets per hit), single-threaded in
process and over HTTP with concurrent clients. Ingest and serving each run
in a child process so that their memory figures are separate.`,
		"briefs bench --docs 10000 --format jsonl --markdown",
		"briefs bench --docs 100000 --format html --corpus /tmp/corpus100k --keep --cpuprofile /tmp/cpu.pprof",
		"briefs bench --long --docs 50 --http-queries 0")
	fs.IntVar(&cfg.Docs, "docs", 10000, "documents to generate (200 with --long)")
	fs.BoolVar(&cfg.Long, "long", false, "long reports: every document 100,000 to 300,000 words; reports what snippets cost")
	fs.Uint64Var(&cfg.Seed, "seed", 1, "seed of the corpus and of the query mix")
	fs.StringVar(&cfg.Format, "format", genJSONL, "corpus format to ingest: jsonl, html or text")
	fs.Float64Var(&cfg.Spanish, "spanish", 0.1, "fraction of documents in Spanish")
	fs.StringVar(&cfg.Corpus, "corpus", "", "corpus folder: reused if it holds a corpus of --format, else generated there and kept")
	fs.StringVar(&cfg.Index, "index", "", "index folder, new or empty (default: a temporary folder)")
	fs.BoolVar(&cfg.Keep, "keep", false, "keep the temporary corpus and index")
	fs.IntVar(&cfg.ResidentMB, "resident", defaultResidentMB, "MB the serving phase keeps resident, as briefs serve --resident (0: no bound)")
	fs.BoolVar(&cfg.SkipIngest, "skip-ingest", false, "only query: --index holds an index built by an earlier bench (for a rerun on a quieter machine)")
	fs.IntVar(&cfg.Queries, "queries", 200, "queries run in process, one at a time")
	fs.IntVar(&cfg.HTTPQueries, "http-queries", 400, "queries sent over HTTP (0: skip)")
	fs.IntVar(&cfg.Clients, "clients", 8, "concurrent HTTP clients")
	fs.BoolVar(&cfg.Markdown, "markdown", false, "print the report as Markdown tables")
	fs.StringVar(&cfg.CPUProfile, "cpuprofile", "", "write CPU profiles to FILE-ingest and FILE-serve (same extension)")
	fs.StringVar(&cfg.MemProfile, "memprofile", "", "write heap profiles (with allocations) to FILE-ingest and FILE-serve")
	fs.BoolVar(&cfg.Quiet, "quiet", false, "no progress output")
	fs.StringVar(&cfg.Phase, "phase", "", "internal: run one phase (ingest or serve) in this process")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"bench takes no arguments"}
	}
	if cfg.Long && !flagSet(fs, "docs") {
		cfg.Docs = 200
	}
	if err := cfg.check(); err != nil {
		return usageError{"bench: " + err.Error()}
	}
	if cfg.Phase != "" {
		// Each child phase samples its own resident memory (see peaks).
		sctx, stopSampling := context.WithCancel(ctx)
		defer stopSampling()
		go sampleRSS(sctx)
	}
	switch cfg.Phase {
	case "ingest":
		return benchIngestPhase(ctx, cfg, stdout, stderr)
	case "serve":
		return benchServePhase(ctx, cfg, os.Stdin, stdout)
	}
	rep, err := bench(ctx, cfg, stderr)
	if err != nil {
		return err
	}
	rep.write(stdout, cfg.Markdown)
	return nil
}

func (c *benchConfig) check() error {
	switch c.Format {
	case genJSONL, genHTML, genText:
	default:
		return fmt.Errorf("unknown format %q: use jsonl, html or text", c.Format)
	}
	switch c.Phase {
	case "", "ingest", "serve":
	default:
		return fmt.Errorf("unknown phase %q", c.Phase)
	}
	switch {
	case c.Docs < 1:
		return errors.New("--docs must be at least 1")
	case c.Queries < 1:
		return errors.New("--queries must be at least 1")
	case c.HTTPQueries < 0:
		return errors.New("--http-queries must not be negative")
	case c.Clients < 1:
		return errors.New("--clients must be at least 1")
	case c.SkipIngest && (c.Index == "" || !search.Exists(c.Index)):
		return errors.New("--skip-ingest needs --index naming an existing index")
	}
	return nil
}

// ---- the query mix, in process and over HTTP ----

// benchQuery is one query of the mix, with what kind it is.
type benchQuery struct {
	Kind  string
	Query search.Query
}

// runMix runs the mix one query at a time after a short warm-up (the first
// queries read the index from disk into the page cache) and checks what
// came back.
func runMix(ctx context.Context, ix *search.Index, mix []benchQuery) (latencyStats, mixStats, error) {
	var ms mixStats
	for _, q := range mix[:min(20, len(mix))] {
		if _, err := ix.Search(ctx, q.Query); err != nil {
			return latencyStats{}, ms, fmt.Errorf("bench: query %+v: %w", q.Query, err)
		}
	}
	lat := make([]time.Duration, 0, len(mix))
	var hits, snippets int
	var total uint64
	byKind := map[string][]time.Duration{}
	kindTotal := map[string]uint64{}
	var kinds []string
	var each []slowQuery
	start, cpu0 := time.Now(), cpuSeconds()
	for _, q := range mix {
		t0 := time.Now()
		res, err := ix.Search(ctx, q.Query)
		d := time.Since(t0)
		lat = append(lat, d)
		sq := slowQuery{Kind: q.Kind, Text: q.Query.Text, MS: float64(d.Microseconds()) / 1000}
		if res != nil {
			sq.Total = res.Total
		}
		each = append(each, sq)
		if _, ok := byKind[q.Kind]; !ok {
			kinds = append(kinds, q.Kind)
		}
		byKind[q.Kind] = append(byKind[q.Kind], d)
		if res != nil {
			kindTotal[q.Kind] += res.Total
		}
		if err != nil {
			return latencyStats{}, ms, fmt.Errorf("bench: query %+v: %w", q.Query, err)
		}
		total += res.Total
		hits += len(res.Hits)
		for _, h := range res.Hits {
			snippets += len(h.Snippets)
		}
		if res.Total == 0 {
			ms.ZeroHits++
		} else if len(res.Facets.Years.Bins) == 0 || len(res.Facets.Term("author").Values) == 0 || len(res.Facets.Term("country").Values) == 0 {
			ms.MissingFacets++
		}
		qq := q.Query
		if len(qq.Filters) > 0 || qq.YearFrom != 0 || qq.YearTo != 0 {
			ms.Filtered++
		}
		if qq.Sort != "" {
			ms.Sorted++
		}
		if qq.Page > 1 {
			ms.SecondPages++
		}
		if strings.Contains(qq.Text, `"`) {
			ms.Phrases++
		}
	}
	ls := summarize(lat, time.Since(start), nil)
	ls.CPU = cpuSeconds() - cpu0
	ms.MeanTotal = float64(total) / float64(len(mix))
	for _, k := range kinds {
		ds := byKind[k]
		l := summarize(ds, 0, nil)
		ms.ByKind = append(ms.ByKind, kindLatency{Kind: k, Count: len(ds),
			P50: l.P50, Max: l.Max, MeanTotal: float64(kindTotal[k]) / float64(len(ds))})
	}
	slices.SortStableFunc(each, func(a, b slowQuery) int { return cmp.Compare(b.MS, a.MS) })
	ms.Slowest = each[:min(slowestShown, len(each))]
	ms.MeanHits = float64(hits) / float64(len(mix))
	if hits > 0 {
		ms.SnippetsPerHit = float64(snippets) / float64(hits)
	}
	return ls, ms, nil
}

// snippetCost runs each query of the mix without snippets, then with 3
// per hit, and sums up the differences and the latencies without.
func snippetCost(ctx context.Context, ix *search.Index, mix []benchQuery) (latencyStats, latencyStats, error) {
	var diffs, bare []time.Duration
	start := time.Now()
	for _, q := range mix {
		none := q.Query
		none.Snippets = -1
		t0 := time.Now()
		if _, err := ix.Search(ctx, none); err != nil {
			return latencyStats{}, latencyStats{}, fmt.Errorf("bench: query %+v: %w", none, err)
		}
		t1 := time.Now()
		with := q.Query
		with.Snippets = 3
		if _, err := ix.Search(ctx, with); err != nil {
			return latencyStats{}, latencyStats{}, fmt.Errorf("bench: query %+v: %w", with, err)
		}
		t2 := time.Now()
		bare = append(bare, t1.Sub(t0))
		diffs = append(diffs, max(0, t2.Sub(t1)-t1.Sub(t0)))
	}
	wall := time.Since(start)
	return summarize(diffs, wall, nil), summarize(bare, wall, nil), nil
}

func summarize(lat []time.Duration, wall time.Duration, failures map[string]int) latencyStats {
	s := latencyStats{Count: len(lat), Seconds: wall.Seconds()}
	if len(failures) > 0 {
		s.Failures = failures
	}
	for _, n := range failures {
		s.Errors += n
	}
	if len(lat) == 0 {
		return s
	}
	slices.Sort(lat)
	at := func(p float64) float64 {
		i := int(math.Ceil(p*float64(len(lat)))) - 1
		return ms(lat[max(0, min(i, len(lat)-1))])
	}
	s.P50, s.P95, s.P99, s.Max = at(0.50), at(0.95), at(0.99), ms(lat[len(lat)-1])
	s.QPS = float64(len(lat)) / math.Max(wall.Seconds(), 1e-9)
	return s
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// httpLoad sends n queries of the mix to base's /api/search from clients
// goroutines, each taking the next query as soon as its previous one is
// answered.
func httpLoad(ctx context.Context, base string, mix []benchQuery, n, clients int) latencyStats {
	tr := &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: time.Minute}
	urls := make([]string, len(mix))
	for i, q := range mix {
		urls[i] = base + "/api/search?" + apiValues(q.Query).Encode()
	}
	var next atomic.Int64
	var mu sync.Mutex
	var lat []time.Duration
	errs := map[string]int{}
	var wg sync.WaitGroup
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n || ctx.Err() != nil {
					return
				}
				t0 := time.Now()
				failure := fetch(ctx, client, urls[i%len(urls)])
				d := time.Since(t0)
				mu.Lock()
				lat = append(lat, d)
				if failure != "" {
					errs[failure]++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return summarize(lat, time.Since(start), errs)
}

// fetch gets one URL and reads the whole body, as a browser would. It
// returns "" for a good answer, else what went wrong ("503", "EOF").
func fetch(ctx context.Context, client *http.Client, u string) string {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err.Error()
	}
	resp, err := client.Do(req)
	if err != nil {
		return "no answer"
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	switch {
	case err != nil:
		return "body cut"
	case resp.StatusCode != http.StatusOK:
		return strconv.Itoa(resp.StatusCode)
	case n == 0:
		return "empty body"
	}
	return ""
}

// apiValues writes a query as /api/search parameters (see web/params.go).
func apiValues(q search.Query) url.Values {
	v := url.Values{}
	v.Set("q", q.Text)
	for name, vals := range q.Filters {
		for _, val := range vals {
			v.Add(name, val)
		}
	}
	if q.YearFrom != 0 {
		v.Set("from", strconv.Itoa(q.YearFrom))
	}
	if q.YearTo != 0 {
		v.Set("to", strconv.Itoa(q.YearTo))
	}
	if q.Sort != "" {
		v.Set("sort", q.Sort)
	}
	if q.Page > 1 {
		v.Set("page", strconv.Itoa(q.Page))
	}
	if q.Size != 0 {
		v.Set("size", strconv.Itoa(q.Size))
	}
	return v
}

// queryMix draws n queries from the generator's vocabulary, the same for a
// seed: one to three words with Zipfian frequency, phrases, and words with
// a year range, a series, two countries or an author, sorted by date, and
// second pages. Every query asks for the top 10 with 3 snippets per hit;
// facets always come back.
func queryMix(seed uint64, n int) []benchQuery {
	v := vocabulary()
	r := rand.New(rand.NewPCG(seed, 0x7175657279)) // "query"
	word := func() string {
		if r.IntN(10) == 0 {
			return v.esWords[v.esWordsT.draw(r)]
		}
		return v.enWords[v.enWordsT.draw(r)]
	}
	words := func(k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = word()
		}
		return strings.Join(ws, " ")
	}
	series := func() string {
		if r.IntN(5) == 0 {
			return genSeries[v.esSeries[v.esSeriesT.draw(r)]].Name
		}
		return genSeries[v.enSeries[v.enSeriesT.draw(r)]].Name
	}
	country := func() string { return genCountries[v.countriesT.draw(r)][0] }
	mix := make([]benchQuery, n)
	for i := range mix {
		q := search.Query{Size: 10, Snippets: 3}
		var kind string
		switch pick(r, 30, 12, 14, 10, 10, 6, 10, 8) {
		case 0:
			kind, q.Text = "words", words(1+r.IntN(3))
		case 1:
			kind = "phrase"
			if r.IntN(5) == 0 {
				q.Text = `"` + esCollocations[v.esColT.draw(r)] + `"`
			} else {
				q.Text = `"` + enCollocations[v.enColT.draw(r)] + `"`
			}
		case 2:
			kind, q.Text = "year range", words(1)
			q.YearFrom = 1990 + v.yearT.draw(r)
			q.YearTo = min(2025, q.YearFrom+r.IntN(8))
		case 3:
			kind, q.Text = "series", words(1)
			q = q.WithFilter("series", series())
		case 4:
			kind, q.Text = "two countries", words(1)
			a, b := country(), country()
			for b == a {
				b = country()
			}
			q = q.WithFilter("country", a, b)
		case 5:
			kind, q.Text = "author", words(1)
			q = q.WithFilter("author", v.enAuthors[v.enAuthorsT.draw(r)])
		case 6:
			kind, q.Text = "newest first", words(1+r.IntN(2))
			q.Sort = search.SortNewest
		default:
			kind, q.Text = "second page", words(1)
			q.Page = 2
		}
		mix[i] = benchQuery{Kind: kind, Query: q}
	}
	return mix
}
