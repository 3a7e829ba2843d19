package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"
)

// Report is what a run measured.
type Report struct {
	URL      string            `json:"url"`
	Clients  int               `json:"clients"`
	Seconds  float64           `json:"seconds"`
	Requests int               `json:"requests"`
	ByError  map[string]int    `json:"errors"` // err5xx, err4xx, errTransport
	Latency  Latency           `json:"latency"`
	Kinds    []KindStats       `json:"kinds"`
	RSS      []RSSSample       `json:"rss,omitempty"`
	Examples map[string]string `json:"examples,omitempty"` // first failure of each error kind

	all   []time.Duration
	kinds map[string]*kindAcc
}

// Latency holds percentiles in milliseconds.
type Latency struct {
	P50 float64 `json:"p50_ms"`
	P95 float64 `json:"p95_ms"`
	P99 float64 `json:"p99_ms"`
	Max float64 `json:"max_ms"`
}

// KindStats is one request kind's share of the run.
type KindStats struct {
	Kind     string  `json:"kind"`
	Requests int     `json:"requests"`
	Errors   int     `json:"errors"`
	Latency  Latency `json:"latency"`
}

type kindAcc struct {
	requests int
	took     []time.Duration // of the requests that got an answer
	errors   int
}

func newReport(cfg Config) *Report {
	return &Report{URL: cfg.URL, Clients: cfg.Clients, ByError: map[string]int{err5xx: 0, err4xx: 0, errTransport: 0},
		Examples: map[string]string{}, kinds: map[string]*kindAcc{}}
}

func (r *Report) add(res result) {
	r.Requests++
	k := r.kinds[res.kind]
	if k == nil {
		k = &kindAcc{}
		r.kinds[res.kind] = k
	}
	k.requests++
	if res.errKey != "" {
		r.ByError[res.errKey]++
		k.errors++
		if _, ok := r.Examples[res.errKey]; !ok {
			r.Examples[res.errKey] = res.detail
		}
		if res.errKey == errTransport {
			return // no latency for a request that got no answer
		}
	}
	r.all = append(r.all, res.took)
	k.took = append(k.took, res.took)
}

// Errors is the number of failed requests of every kind.
func (r *Report) Errors() int {
	n := 0
	for _, c := range r.ByError {
		n += c
	}
	return n
}

// finish computes the per-kind figures in report order.
func (r *Report) finish() {
	r.Latency = percentiles(r.all)
	r.Kinds = r.Kinds[:0]
	for _, kw := range kindWeights {
		if k := r.kinds[kw.kind]; k != nil {
			r.Kinds = append(r.Kinds, KindStats{Kind: kw.kind, Requests: k.requests, Errors: k.errors, Latency: percentiles(k.took)})
		}
	}
}

func percentiles(ds []time.Duration) Latency {
	if len(ds) == 0 {
		return Latency{}
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	at := func(p float64) float64 {
		i := int(math.Ceil(p*float64(len(s)))) - 1
		return ms(s[max(0, min(i, len(s)-1))])
	}
	return Latency{P50: at(0.50), P95: at(0.95), P99: at(0.99), Max: ms(s[len(s)-1])}
}

func ms(d time.Duration) float64 { return math.Round(float64(d)/1e4) / 100 }

// WriteJSON writes the report as one JSON object.
func (r *Report) WriteJSON(w io.Writer) error {
	r.finish()
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteText writes the report for people.
func (r *Report) WriteText(w io.Writer) {
	r.finish()
	fmt.Fprintf(w, "loadgen: %d clients for %.1f s against %s\n", r.Clients, r.Seconds, r.URL)
	fmt.Fprintf(w, "requests  %d (%.1f/s)\n", r.Requests, float64(r.Requests)/math.Max(r.Seconds, 1e-9))
	fmt.Fprintf(w, "errors    %d (5xx %d, 4xx %d, transport %d)\n", r.Errors(), r.ByError[err5xx], r.ByError[err4xx], r.ByError[errTransport])
	for _, k := range []string{err5xx, err4xx, errTransport} {
		if ex := r.Examples[k]; ex != "" {
			fmt.Fprintf(w, "  first %s: %s\n", k, ex)
		}
	}
	l := r.Latency
	fmt.Fprintf(w, "latency   p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n", l.P50, l.P95, l.P99, l.Max)
	fmt.Fprintf(w, "%-10s %9s %7s %9s %9s %9s\n", "kind", "requests", "errors", "p50 ms", "p95 ms", "p99 ms")
	for _, k := range r.Kinds {
		fmt.Fprintf(w, "%-10s %9d %7d %9.1f %9.1f %9.1f\n", k.Kind, k.Requests, k.Errors, k.Latency.P50, k.Latency.P95, k.Latency.P99)
	}
	if len(r.RSS) > 0 {
		fmt.Fprintf(w, "RSS       %s\n", rssSummary(r.RSS))
		// About ten points, whatever the length of the run.
		step := max(1, math.Round(r.RSS[len(r.RSS)-1].Seconds/10))
		fmt.Fprintf(w, "RSS (MB) every %.0f s: %s\n", step, rssSeries(r.RSS, step))
		anon := make([]RSSSample, len(r.RSS))
		for i, x := range r.RSS {
			anon[i] = RSSSample{Seconds: x.Seconds, KB: x.AnonKB}
		}
		if anon[0].KB > 0 {
			fmt.Fprintf(w, "anonymous %s\n", rssSummary(anon))
		}
	}
}

// rssSummary gives first, min, max and last, and the change from the
// first third of the run to the last third (flat memory changes little).
func rssSummary(s []RSSSample) string {
	lo, hi := s[0].KB, s[0].KB
	for _, x := range s {
		lo, hi = min(lo, x.KB), max(hi, x.KB)
	}
	third := max(1, len(s)/3)
	avg := func(xs []RSSSample) float64 {
		t := 0.0
		for _, x := range xs {
			t += float64(x.KB)
		}
		return t / float64(len(xs))
	}
	early, late := avg(s[:third]), avg(s[len(s)-third:])
	return fmt.Sprintf("%d samples: first %.0f MB, min %.0f MB, max %.0f MB, last %.0f MB; last third vs first third %+.1f%%",
		len(s), mb(s[0].KB), mb(lo), mb(hi), mb(s[len(s)-1].KB), 100*(late-early)/early)
}

// rssSeries lists the sample nearest each step seconds.
func rssSeries(s []RSSSample, step float64) string {
	var parts []string
	next := 0.0
	for _, x := range s {
		if x.Seconds+0.5 >= next {
			parts = append(parts, fmt.Sprintf("%.0fs %.0f", x.Seconds, mb(x.KB)))
			next += step
		}
	}
	return strings.Join(parts, ", ")
}

func mb(kb int64) float64 { return float64(kb) / 1024 }
