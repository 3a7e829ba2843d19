package main

import (
	"flag"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/briefs/briefs/internal/digits"
)

// The figures of `briefs bench` (benchReport) and how they are written:
// a table for the terminal, or Markdown for docs/bench.md.

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
	// Slowest are the slowest queries of the mix, slowest first: what
	// makes the p99.
	Slowest []slowQuery `json:"slowest"`
}

// slowestShown is how many of the slowest queries a report lists: the 2
// that make the p99 of 200 queries, and a few more for context.
const slowestShown = 5

// slowQuery is one query of the mix and its single-threaded latency.
type slowQuery struct {
	Kind  string  `json:"kind"`
	Text  string  `json:"text"`
	Total uint64  `json:"total"` // matches
	MS    float64 `json:"ms"`
}

// kindLatency is the latency of one kind of query in the mix.
type kindLatency struct {
	Kind      string  `json:"kind"`
	Count     int     `json:"count"`
	P50       float64 `json:"p50_ms"`
	Max       float64 `json:"max_ms"`
	MeanTotal float64 `json:"mean_total"` // matches
}

// ---- report ----

func (r *benchReport) rows() [][2]string {
	c := r.Config
	in := r.Ingest
	docsPerSec := float64(in.Records) / math.Max(in.Seconds, 1e-9)
	mbPerSec := float64(in.Bytes) / 1e6 / math.Max(in.Seconds, 1e-9)
	corpus := fmt.Sprintf("%s records from %s %s files, %.1f MB", digits.Grouped(int64(in.Records)), digits.Grouped(int64(in.Files)), c.Format, float64(in.Bytes)/1e6)
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
	var slow []string
	for _, q := range m.Slowest {
		slow = append(slow, fmt.Sprintf("%.1f ms %s %q, %d matches", q.MS, q.Kind, q.Text, q.Total))
	}
	if len(slow) > 0 {
		rows = append(rows, [2]string{"slowest, 1 thread", strings.Join(slow, "; ")})
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
	fmt.Fprintf(w, "\n| engine, %s docs | docs/s indexed | index MB | peak RSS MB | p50 ms | p99 ms |\n|---|---|---|---|---|---|\n", digits.Grouped(int64(in.Records)))
	fmt.Fprintf(w, "| briefs, %s ingest | %s | %s | %s | %.1f | %.1f |\n", c.Format, rate(docsPerSec),
		digits.Grouped(int64(int(math.Round(r.IndexMB)))), digits.Grouped(int64(int(math.Round(float64(in.PeakRSSKB)/1024)))), r.Serve.InProcess.P50, r.Serve.InProcess.P99)
}

// rate formats a rate: whole numbers with separators, two decimals below
// ten (a --long corpus ingests a fraction of a document a second).
func rate(v float64) string {
	if v < 10 {
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
	return digits.Grouped(int64(int(math.Round(v))))
}

// flagSet reports whether the flag name was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
