package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/briefs/briefs/indexer"
	"github.com/briefs/briefs/search"
	"github.com/briefs/briefs/web"
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

// benchReport holds every figure of a run.
type benchReport struct {
	Config   benchConfig
	Machine  machineInfo
	LoadFrom float64 // 1-minute load average before and after
	LoadTo   float64
	Corpus   string
	Gen      *genSummary // nil when the corpus was reused
	Ingest   ingestResult
	IndexMB  float64
	Serve    serveResult
	HTTP     latencyStats
}

// ingestResult is what the ingest child reports.
type ingestResult struct {
	Files     int      `json:"files"`
	Records   int      `json:"records"`
	Skipped   int      `json:"skipped"`
	Bytes     int64    `json:"bytes"` // of the files ingested
	Seconds   float64  `json:"seconds"`
	CPU       float64  `json:"cpu_seconds"` // user+system time of the child
	PeakRSSKB int64    `json:"peak_rss_kb"`
	Resident  rssSplit `json:"resident"` // at the end
	Peaks     rssSplit `json:"peaks"`    // highest of each kind, sampled
	AllocMB   float64  `json:"alloc_mb"` // Go heap allocated during the ingest
	GCCycles  uint32   `json:"gc_cycles"`
}

// serveResult is what the serve child reports.
type serveResult struct {
	Addr      string       `json:"addr,omitempty"`
	InProcess latencyStats `json:"in_process"`
	Mix       mixStats     `json:"mix"`
	// Snippets (with --long) is what the snippets of a query cost: its
	// latency with 3 snippets per hit less its latency with none, query
	// by query.
	Snippets   *latencyStats `json:"snippets,omitempty"`
	NoSnippets *latencyStats `json:"no_snippets,omitempty"`
	PeakRSSKB  int64         `json:"peak_rss_kb"`
	Resident   rssSplit      `json:"resident"` // at the end
	Peaks      rssSplit      `json:"peaks"`    // highest of each kind, sampled
	OpenMS     float64       `json:"open_ms"`
	HTTPCPU    float64       `json:"http_cpu_seconds"` // server CPU time while the clients ran
}

// latencyStats sums up the latencies of a run of queries.
type latencyStats struct {
	Count   int     `json:"count"`
	Errors  int     `json:"errors"`
	Seconds float64 `json:"seconds"`
	P50     float64 `json:"p50_ms"`
	P95     float64 `json:"p95_ms"`
	P99     float64 `json:"p99_ms"`
	Max     float64 `json:"max_ms"`
	QPS     float64 `json:"qps"`
	CPU     float64 `json:"cpu_seconds,omitempty"` // of the process answering, where known
	// Failures counts failed requests by what went wrong: an HTTP
	// status ("503": the search timed out) or "no answer".
	Failures map[string]int `json:"failures,omitempty"`
}

// mixStats checks that the mix exercised what it should.
type mixStats struct {
	Filtered       int     `json:"filtered"`
	Sorted         int     `json:"sorted"`
	SecondPages    int     `json:"second_pages"`
	Phrases        int     `json:"phrases"`
	ZeroHits       int     `json:"zero_hits"`
	MeanTotal      float64 `json:"mean_total"`
	MeanHits       float64 `json:"mean_hits"`
	SnippetsPerHit float64 `json:"snippets_per_hit"`
	MissingFacets  int     `json:"missing_facets"` // queries with hits but an empty year/author/country facet
	// ByKind is the single-threaded latency of each kind of query of the
	// mix (words, phrase, year range, ...): which kinds are slow.
	ByKind []kindLatency `json:"by_kind"`
}

// kindLatency is the latency of one kind of query in the mix.
type kindLatency struct {
	Kind      string  `json:"kind"`
	Count     int     `json:"count"`
	P50       float64 `json:"p50_ms"`
	Max       float64 `json:"max_ms"`
	MeanTotal float64 `json:"mean_total"` // matches
}

func bench(ctx context.Context, cfg benchConfig, stderr io.Writer) (*benchReport, error) {
	rep := &benchReport{Config: cfg, Machine: readMachine(), LoadFrom: loadAverage()}
	say := func(format string, args ...any) {
		if !cfg.Quiet {
			fmt.Fprintf(stderr, "bench: "+format+"\n", args...)
		}
	}

	if cfg.Index != "" && !cfg.SkipIngest {
		if ents, err := os.ReadDir(cfg.Index); err == nil && len(ents) > 0 {
			// An incremental ingest would measure an update, not a build,
			// and bench must not touch a real index.
			return nil, usageError{fmt.Sprintf("bench: --index %s is not empty", cfg.Index)}
		}
	}
	work, err := os.MkdirTemp("", "briefs-bench-")
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	if cfg.Keep {
		say("keeping corpus and index under %s", work)
	} else {
		defer os.RemoveAll(work)
	}
	corpus := cfg.Corpus
	if corpus == "" {
		corpus = filepath.Join(work, "corpus")
	}
	index := cfg.Index
	if index == "" {
		index = filepath.Join(work, "index")
	}
	rep.Corpus = corpus

	switch {
	case cfg.SkipIngest:
		say("querying the index in %s as it is", index)
	case hasCorpus(corpus, cfg.Format):
		say("reusing the %s corpus in %s", cfg.Format, corpus)
	default:
		say("generating %s %s documents into %s", thousands(cfg.Docs), cfg.Format, corpus)
		if err := os.MkdirAll(corpus, 0o755); err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
		bar := newGenProgress(stderr, cfg.Quiet, "generating")
		sum, err := generate(ctx, genConfig{Docs: cfg.Docs, Seed: cfg.Seed, Format: cfg.Format,
			Spanish: cfg.Spanish, PerFolder: 1000, Long: cfg.Long}, corpus, bar.update)
		bar.finish()
		if err != nil {
			return nil, err
		}
		say("generated %s", sum)
		rep.Gen = &sum
	}

	if !cfg.SkipIngest {
		say("ingesting (child process)")
		childArgs := []string{"--format", cfg.Format, "--corpus", corpus, "--index", index}
		if cfg.Quiet {
			childArgs = append(childArgs, "--quiet")
		}
		childArgs = append(childArgs, profileArgs(cfg, "ingest")...)
		out, err := runChild(ctx, "ingest", childArgs, nil, stderr)
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(out, &rep.Ingest); err != nil {
			return nil, fmt.Errorf("bench: ingest child said %q: %w", out, err)
		}
		say("ingested %s records in %.1f s", thousands(rep.Ingest.Records), rep.Ingest.Seconds)
	}
	size, err := dirSize(index)
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	rep.IndexMB = float64(size) / 1e6

	say("querying: %d queries in process, then %d over HTTP with %d clients (child process)", cfg.Queries, cfg.HTTPQueries, cfg.Clients)
	serveArgs := []string{"--index", index, "--seed", strconv.FormatUint(cfg.Seed, 10), "--queries", strconv.Itoa(cfg.Queries)}
	if cfg.Long {
		serveArgs = append(serveArgs, "--long")
	}
	serveArgs = append(serveArgs, profileArgs(cfg, "serve")...)
	if err := benchServe(ctx, cfg, serveArgs, rep, stderr); err != nil {
		return nil, err
	}
	rep.LoadTo = loadAverage()
	return rep, nil
}

// benchServe starts the serve child, waits for its in-process figures and
// its address, runs the HTTP clients against it, then lets it finish and
// report its peak memory.
func benchServe(ctx context.Context, cfg benchConfig, args []string, rep *benchReport, stderr io.Writer) error {
	cmd, err := childCommand(ctx, "serve", args)
	if err != nil {
		return err
	}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("bench: start serve child: %w", err)
	}
	defer cmd.Wait() //nolint:errcheck // waited for below on the normal path
	lines := bufio.NewScanner(stdout)
	lines.Buffer(make([]byte, 64<<10), 16<<20)
	next := func(v any) error {
		if !lines.Scan() {
			return fmt.Errorf("bench: serve child ended early: %v", lines.Err())
		}
		return json.Unmarshal(lines.Bytes(), v)
	}
	var ready serveResult
	if err := next(&ready); err != nil {
		stdin.Close()
		return err
	}
	if cfg.HTTPQueries > 0 {
		mix := queryMix(cfg.Seed, cfg.Queries)
		rep.HTTP = httpLoad(ctx, "http://"+ready.Addr, mix, cfg.HTTPQueries, cfg.Clients)
	}
	stdin.Close()
	var done serveResult
	if err := next(&done); err != nil {
		return err
	}
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("bench: serve child: %w", err)
	}
	ready.PeakRSSKB, ready.Resident, ready.Peaks = done.PeakRSSKB, done.Resident, done.Peaks
	rep.HTTP.CPU = done.HTTPCPU
	ready.Addr = ""
	rep.Serve = ready
	return nil
}

func profileArgs(cfg benchConfig, phase string) []string {
	var args []string
	if cfg.CPUProfile != "" {
		args = append(args, "--cpuprofile", phaseFile(cfg.CPUProfile, phase))
	}
	if cfg.MemProfile != "" {
		args = append(args, "--memprofile", phaseFile(cfg.MemProfile, phase))
	}
	return args
}

// phaseFile turns cpu.pprof into cpu-ingest.pprof.
func phaseFile(name, phase string) string {
	ext := filepath.Ext(name)
	return strings.TrimSuffix(name, ext) + "-" + phase + ext
}

// childCommand runs this binary as `briefs bench --phase PHASE ARGS`.
func childCommand(ctx context.Context, phase string, args []string) (*exec.Cmd, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("bench: find own binary: %w", err)
	}
	cmd := exec.CommandContext(ctx, exe, append([]string{"bench", "--phase", phase}, args...)...)
	cmd.Env = append(os.Environ(), benchChildEnv+"=1")
	return cmd, nil
}

// runChild runs a phase to its end and returns its standard output.
func runChild(ctx context.Context, phase string, args []string, stdin io.Reader, stderr io.Writer) ([]byte, error) {
	cmd, err := childCommand(ctx, phase, args)
	if err != nil {
		return nil, err
	}
	cmd.Stdin, cmd.Stderr = stdin, stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("bench: %s child: %w", phase, err)
	}
	return out, nil
}

// hasCorpus reports whether dir holds generated files of format.
func hasCorpus(dir, format string) bool {
	if format == genJSONL {
		files, _ := jsonlFiles(dir)
		return len(files) > 0
	}
	ents, err := os.ReadDir(filepath.Join(dir, format))
	return err == nil && len(ents) > 0
}

// jsonlFiles lists OUT/briefings*.jsonl in order.
func jsonlFiles(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "briefings*.jsonl"))
	slices.Sort(files)
	return files, err
}

func dirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			fi, err := d.Info()
			if err != nil {
				return err
			}
			n += fi.Size()
		}
		return nil
	})
	return n, err
}

// ---- ingest phase (child) ----

func benchIngestPhase(ctx context.Context, cfg benchConfig, stdout, stderr io.Writer) error {
	if cfg.Corpus == "" || cfg.Index == "" {
		return usageError{"bench --phase ingest needs --corpus and --index"}
	}
	stop, err := startProfiles(cfg)
	if err != nil {
		return err
	}
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	start, cpu0 := time.Now(), cpuSeconds()

	var res ingestResult
	if cfg.Format == genJSONL {
		res, err = benchIngestJSONL(ctx, cfg.Corpus, cfg.Index)
	} else {
		root := filepath.Join(cfg.Corpus, cfg.Format)
		var rep indexer.Report
		rep, _, err = ingest(ctx, ingestConfig{IndexDir: cfg.Index, Rebuild: true, Quiet: cfg.Quiet}, []string{root}, stderr)
		res = ingestResult{Files: rep.Files, Records: rep.Records, Skipped: len(rep.Skipped)}
		if err == nil {
			res.Bytes, err = dirSize(root)
		}
	}
	if err != nil {
		return err
	}
	res.Seconds = time.Since(start).Seconds()
	res.CPU = cpuSeconds() - cpu0
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	res.AllocMB = float64(after.TotalAlloc-before.TotalAlloc) / 1e6
	res.GCCycles = after.NumGC - before.NumGC
	res.PeakRSSKB, res.Resident, res.Peaks = peakRSSKB(), residentSplit(), peaks()
	if err := stop(); err != nil {
		return err
	}
	return json.NewEncoder(stdout).Encode(res)
}

// benchIngestJSONL builds an index from the corpus's JSON Lines files,
// through ingest as `briefs ingest briefings*.jsonl` does, so that the
// figures are those of what users run.
func benchIngestJSONL(ctx context.Context, corpus, index string) (ingestResult, error) {
	var res ingestResult
	files, err := jsonlFiles(corpus)
	if err != nil {
		return res, err
	}
	rep, _, err := ingest(ctx, ingestConfig{IndexDir: index, Rebuild: true, Quiet: true}, files, io.Discard)
	if err != nil {
		return res, err
	}
	res = ingestResult{Files: rep.Files, Records: rep.Records, Skipped: len(rep.Skipped)}
	for _, name := range files {
		fi, err := os.Stat(name)
		if err != nil {
			return res, err
		}
		res.Bytes += fi.Size()
	}
	return res, nil
}

// startProfiles starts the CPU profile; the returned func stops it and
// writes the heap profile.
func startProfiles(cfg benchConfig) (func() error, error) {
	var cpu *os.File
	if cfg.CPUProfile != "" {
		f, err := os.Create(cfg.CPUProfile)
		if err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return nil, fmt.Errorf("bench: %w", err)
		}
		cpu = f
	}
	return func() error {
		if cpu != nil {
			pprof.StopCPUProfile()
			if err := cpu.Close(); err != nil {
				return fmt.Errorf("bench: %w", err)
			}
		}
		if cfg.MemProfile != "" {
			f, err := os.Create(cfg.MemProfile)
			if err != nil {
				return fmt.Errorf("bench: %w", err)
			}
			runtime.GC()
			err = pprof.Lookup("allocs").WriteTo(f, 0)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return fmt.Errorf("bench: %w", err)
			}
		}
		return nil
	}, nil
}

// ---- serve phase (child) ----

// benchServePhase opens the index, runs the query mix in process, then
// serves HTTP on a loopback port until stdin closes. It writes two JSON
// lines: the in-process figures with the address, then the peak RSS.
func benchServePhase(ctx context.Context, cfg benchConfig, stdin io.Reader, stdout io.Writer) error {
	if cfg.Index == "" {
		return usageError{"bench --phase serve needs --index"}
	}
	stop, err := startProfiles(cfg)
	if err != nil {
		return err
	}
	start := time.Now()
	ix, err := search.Open(cfg.Index)
	if err != nil {
		return err
	}
	defer ix.Close()
	res := serveResult{OpenMS: ms(time.Since(start))}

	mix := queryMix(cfg.Seed, cfg.Queries)
	res.InProcess, res.Mix, err = runMix(ctx, ix, mix)
	if err != nil {
		return err
	}
	if cfg.Long {
		sn, none, err := snippetCost(ctx, ix, mix)
		if err != nil {
			return err
		}
		res.Snippets, res.NoSnippets = &sn, &none
	}

	srv, err := web.NewServer(web.Config{Index: ix})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	go hs.Serve(ln) //nolint:errcheck // ends with Close below
	res.Addr = ln.Addr().String()
	enc := json.NewEncoder(stdout)
	if err := enc.Encode(res); err != nil {
		hs.Close()
		return err
	}
	cpu0 := cpuSeconds()
	_, _ = io.Copy(io.Discard, stdin) // the parent closes stdin when its clients are done
	hs.Close()
	httpCPU := cpuSeconds() - cpu0
	if err := stop(); err != nil {
		return err
	}
	return enc.Encode(serveResult{PeakRSSKB: peakRSSKB(), Resident: residentSplit(), Peaks: peaks(), HTTPCPU: httpCPU})
}

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
	start, cpu0 := time.Now(), cpuSeconds()
	for _, q := range mix {
		t0 := time.Now()
		res, err := ix.Search(ctx, q.Query)
		d := time.Since(t0)
		lat = append(lat, d)
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

// ---- machine ----

type machineInfo struct {
	CPUs   int
	CPU    string
	MemGB  float64
	Go     string
	OSArch string
}

func readMachine() machineInfo {
	m := machineInfo{CPUs: runtime.NumCPU(), Go: runtime.Version(), OSArch: runtime.GOOS + "/" + runtime.GOARCH}
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(data), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPU = strings.TrimSpace(v)
				break
			}
		}
	}
	if kb := procField("/proc/meminfo", "MemTotal"); kb > 0 {
		m.MemGB = float64(kb) / (1 << 20)
	}
	return m
}

// peakRSSKB is the process's peak resident set (VmHWM), in kB; 0 where
// /proc is missing.
func peakRSSKB() int64 { return procField("/proc/self/status", "VmHWM") }

// rssSplit is the resident set by kind: anonymous memory (the Go heap and
// stacks) and file pages, which for us are mostly the memory-mapped index
// segments: the kernel drops those under pressure, so they are a cache
// rather than a need.
type rssSplit struct {
	AnonKB int64 `json:"anon_kb"`
	FileKB int64 `json:"file_kb"`
}

func residentSplit() rssSplit {
	return rssSplit{procField("/proc/self/status", "RssAnon"), procField("/proc/self/status", "RssFile")}
}

// peakSplit holds the highest anonymous and file-backed resident sizes
// seen by sampleRSS: the kernel keeps only the peak of their sum (VmHWM),
// which does not say whether the heap or the mapped index made it.
var peakSplit struct {
	sync.Mutex
	rssSplit
}

// sampleRSS records the resident sizes every 50 ms until ctx ends.
func sampleRSS(ctx context.Context) {
	t := time.NewTicker(50 * time.Millisecond)
	defer t.Stop()
	for {
		r := residentSplit()
		peakSplit.Lock()
		peakSplit.AnonKB = max(peakSplit.AnonKB, r.AnonKB)
		peakSplit.FileKB = max(peakSplit.FileKB, r.FileKB)
		peakSplit.Unlock()
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func peaks() rssSplit {
	r := residentSplit()
	peakSplit.Lock()
	defer peakSplit.Unlock()
	return rssSplit{max(peakSplit.AnonKB, r.AnonKB), max(peakSplit.FileKB, r.FileKB)}
}

func (r rssSplit) String() string {
	return fmt.Sprintf("%.0f MB anonymous, %.0f MB file-backed", float64(r.AnonKB)/1024, float64(r.FileKB)/1024)
}

// procField reads "Key:   123 kB" from a /proc file.
func procField(file, key string) int64 {
	data, err := os.ReadFile(file)
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && k == key {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n
		}
	}
	return 0
}

// cpuSeconds is the user and system time this process has used.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// loadAverage is the 1-minute load average, or -1.
func loadAverage() float64 {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return -1
	}
	f := strings.Fields(string(data))
	if len(f) == 0 {
		return -1
	}
	x, err := strconv.ParseFloat(f[0], 64)
	if err != nil {
		return -1
	}
	return x
}

// ---- report ----

func (r *benchReport) rows() [][2]string {
	c := r.Config
	in := r.Ingest
	docsPerSec := float64(in.Records) / math.Max(in.Seconds, 1e-9)
	mbPerSec := float64(in.Bytes) / 1e6 / math.Max(in.Seconds, 1e-9)
	corpus := fmt.Sprintf("%s records from %s %s files, %.1f MB", thousands(in.Records), thousands(in.Files), c.Format, float64(in.Bytes)/1e6)
	if r.Gen != nil {
		corpus += fmt.Sprintf(" (generated in %.1f s)", r.Gen.Took.Seconds())
	} else {
		corpus += " (reused from " + r.Corpus + ")"
	}
	if in.Skipped > 0 {
		corpus += fmt.Sprintf("; %d skipped", in.Skipped)
	}
	lat := func(s latencyStats) string {
		out := fmt.Sprintf("%d queries: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; %.1f queries/s",
			s.Count, s.P50, s.P95, s.P99, s.Max, s.QPS)
		if s.CPU > 0 {
			out += fmt.Sprintf("; %.1f ms server CPU per query", 1000*s.CPU/float64(max(s.Count, 1)))
		}
		if s.Errors > 0 {
			var kinds []string
			for k, n := range s.Failures {
				kinds = append(kinds, fmt.Sprintf("%s ×%d", k, n))
			}
			slices.Sort(kinds)
			out += fmt.Sprintf("; %d failed (%s)", s.Errors, strings.Join(kinds, ", "))
		}
		return out
	}
	m := r.Serve.Mix
	var rows [][2]string
	if c.SkipIngest {
		rows = append(rows, [2]string{"index", fmt.Sprintf("%.0f MB, built by an earlier run (--skip-ingest)", r.IndexMB)})
	} else {
		rows = append(rows,
			[2]string{"corpus", corpus},
			[2]string{"ingest", fmt.Sprintf("%.1f s: %s docs/s, %.2f MB/s; %.1f s CPU (%s docs per CPU second)",
				in.Seconds, rate(docsPerSec), mbPerSec, in.CPU, rate(float64(in.Records)/math.Max(in.CPU, 1e-9)))},
			[2]string{"index size", fmt.Sprintf("%.0f MB (%.2f× the input)", r.IndexMB, r.IndexMB/math.Max(float64(in.Bytes)/1e6, 1e-9))},
			[2]string{"peak RSS, ingest", fmt.Sprintf("%.0f MB (peaks: %s; at the end: %s)", float64(in.PeakRSSKB)/1024, in.Peaks, in.Resident)},
			[2]string{"Go allocation, ingest", fmt.Sprintf("%.1f GB in %d GC cycles", in.AllocMB/1000, in.GCCycles)},
		)
	}
	rows = append(rows,
		[2]string{"index open", fmt.Sprintf("%.0f ms", r.Serve.OpenMS)},
		[2]string{"queries, in process, 1 thread", lat(r.Serve.InProcess)},
	)
	if sn, none := r.Serve.Snippets, r.Serve.NoSnippets; sn != nil && none != nil {
		rows = append(rows,
			[2]string{"queries without snippets, 1 thread", fmt.Sprintf("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", none.P50, none.P95, none.P99, none.Max)},
			[2]string{"snippets (3 per hit) cost per query", fmt.Sprintf("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", sn.P50, sn.P95, sn.P99, sn.Max)})
	}
	if c.HTTPQueries > 0 {
		rows = append(rows, [2]string{fmt.Sprintf("queries, HTTP, %d clients", c.Clients), lat(r.HTTP)})
	}
	rows = append(rows,
		[2]string{"peak RSS, serving", fmt.Sprintf("%.0f MB (peaks: %s; at the end: %s)", float64(r.Serve.PeakRSSKB)/1024, r.Serve.Peaks, r.Serve.Resident)},
		[2]string{"query mix", fmt.Sprintf("%d with filters, %d phrases, %d newest first, %d second pages; %d found nothing, %d lacked a facet; mean %.0f matches, %.1f hits, %.2f snippets per hit",
			m.Filtered, m.Phrases, m.Sorted, m.SecondPages, m.ZeroHits, m.MissingFacets, m.MeanTotal, m.MeanHits, m.SnippetsPerHit)},
	)
	var kinds []string
	for _, k := range m.ByKind {
		kinds = append(kinds, fmt.Sprintf("%s (%d) %.1f / %.1f ms, %.0f matches", k.Kind, k.Count, k.P50, k.Max, k.MeanTotal))
	}
	if len(kinds) > 0 {
		rows = append(rows, [2]string{"by kind, 1 thread: p50 / max", strings.Join(kinds, "; ")})
	}
	return rows
}

func (r *benchReport) write(w io.Writer, markdown bool) {
	c := r.Config
	m := r.Machine
	cmd := fmt.Sprintf("briefs bench --docs %d --format %s --seed %d --queries %d --http-queries %d --clients %d",
		c.Docs, c.Format, c.Seed, c.Queries, c.HTTPQueries, c.Clients)
	if c.Long {
		cmd += " --long"
	}
	if c.SkipIngest {
		cmd = fmt.Sprintf("briefs bench --skip-ingest --index %s --seed %d --queries %d --http-queries %d --clients %d",
			c.Index, c.Seed, c.Queries, c.HTTPQueries, c.Clients)
	}
	machine := fmt.Sprintf("%d CPUs (%s), %.1f GB RAM, %s %s; load average %.2f before, %.2f after",
		m.CPUs, m.CPU, m.MemGB, m.Go, m.OSArch, r.LoadFrom, r.LoadTo)
	in := r.Ingest
	docsPerSec := float64(in.Records) / math.Max(in.Seconds, 1e-9)
	if !markdown {
		fmt.Fprintf(w, "%s\n%s\n\n", cmd, machine)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, row := range r.rows() {
			fmt.Fprintf(tw, "%s\t%s\n", row[0], row[1])
		}
		tw.Flush()
		return
	}
	fmt.Fprintf(w, "`%s`\n\nMachine: %s\n\n| figure | value |\n|---|---|\n", cmd, machine)
	for _, row := range r.rows() {
		fmt.Fprintf(w, "| %s | %s |\n", row[0], row[1])
	}
	if c.SkipIngest {
		return
	}
	fmt.Fprintf(w, "\n| engine, %s docs | docs/s indexed | index MB | peak RSS MB | p50 ms | p99 ms |\n|---|---|---|---|---|---|\n", thousands(in.Records))
	fmt.Fprintf(w, "| briefs, %s ingest | %s | %s | %s | %.1f | %.1f |\n", c.Format, rate(docsPerSec),
		thousands(int(math.Round(r.IndexMB))), thousands(int(math.Round(float64(in.PeakRSSKB)/1024))), r.Serve.InProcess.P50, r.Serve.InProcess.P99)
}

// rate formats a rate: whole numbers with separators, two decimals below
// ten (a --long corpus ingests a fraction of a document a second).
func rate(v float64) string {
	if v < 10 {
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
	return thousands(int(math.Round(v)))
}

// flagSet reports whether the flag name was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
