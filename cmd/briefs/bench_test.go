package main

import (
	"bytes"
	"context"
	"errors"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/briefs/briefs/search"
	"github.com/briefs/briefs/web"
)

// TestMain lets `briefs bench` run this test binary as its child process:
// bench starts os.Executable() with "bench --phase ...", which here is the
// test binary, so it must run the command instead of the tests.
func TestMain(m *testing.M) {
	if os.Getenv(benchChildEnv) == "1" {
		err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)
		os.Exit(exitCode(err, os.Stderr))
	}
	os.Exit(m.Run())
}

// TestBenchEndToEnd runs a small benchmark through both child processes
// and checks that the report carries every figure, with sane values.
func TestBenchEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an index and serves it")
	}
	var stdout, stderr bytes.Buffer
	args := []string{"bench", "--docs", "300", "--queries", "40", "--http-queries", "60", "--clients", "4", "--markdown",
		"--cpuprofile", filepath.Join(t.TempDir(), "cpu.pprof")}
	start := time.Now()
	if err := run(context.Background(), args, &stdout, &stderr); err != nil {
		t.Fatalf("bench: %v\nstderr:\n%s", err, stderr.String())
	}
	t.Logf("bench took %s", time.Since(start).Round(time.Millisecond))
	out := stdout.String()
	figures := []struct{ name, pattern string }{
		{"records", `\| corpus \| 300 records from 1 jsonl files, [\d.]+ MB \(generated in`},
		{"docs/s", `\| ingest \| [\d.]+ s: ([\d,]+) docs/s, [\d.]+ MB/s; [\d.]+ s CPU \(\d+ docs per CPU second\) \|`},
		{"index size", `\| index size \| (\d+) MB`},
		{"peak RSS ingest", `\| peak RSS, ingest \| (\d+) MB \(peaks: \d+ MB anonymous, \d+ MB file-backed; at the end: \d+ MB anonymous, \d+ MB file-backed\) \|`},
		{"allocation", `\| Go allocation, ingest \| [\d.]+ GB in \d+ GC cycles \|`},
		{"in-process p50", `\| queries, in process, 1 thread \| 40 queries: p50 ([\d.]+) ms, p95 [\d.]+ ms, p99 [\d.]+ ms, max [\d.]+ ms; [\d.]+ queries/s; [\d.]+ ms server CPU per query \|`},
		{"HTTP p50", `\| queries, HTTP, 4 clients \| 60 queries: p50 ([\d.]+) ms, p95 [\d.]+ ms, p99 [\d.]+ ms, max [\d.]+ ms; [\d.]+ queries/s; [\d.]+ ms server CPU per query \|`},
		{"peak RSS serving", `\| peak RSS, serving \| (\d+) MB \(peaks: \d+ MB anonymous, \d+ MB file-backed; at the end: \d+ MB anonymous, \d+ MB file-backed\) \|`},
		{"by kind", `\| by kind, 1 thread: p50 / max \| words \(\d+\) [\d.]+ / [\d.]+ ms, \d+ matches; .*phrase`},
		{"query mix", `\| query mix \| \d+ with filters, \d+ phrases, \d+ newest first, \d+ second pages; \d+ found nothing, 0 lacked a facet; mean \d+ matches, [\d.]+ hits, [\d.]+ snippets per hit \|`},
		{"comparison row", `\| briefs, jsonl ingest \| [\d,]+ \| [\d,]+ \| [\d,]+ \| [\d.]+ \| [\d.]+ \|`},
		{"machine", `Machine: \d+ CPUs .* GB RAM, go1\.\d+`},
	}
	for _, f := range figures {
		m := regexp.MustCompile(f.pattern).FindStringSubmatch(out)
		if m == nil {
			t.Errorf("report lacks %s (%s)", f.name, f.pattern)
			continue
		}
		if len(m) > 1 {
			if x, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", ""), 64); err != nil || x <= 0 {
				t.Errorf("%s = %q, want a positive number", f.name, m[1])
			}
		}
	}
	if strings.Contains(out, "failed") || strings.Contains(out, "skipped") {
		t.Errorf("report has errors or skipped records")
	}
	if t.Failed() {
		t.Logf("report:\n%s\nstderr:\n%s", out, stderr.String())
	}
	// The CPU profiles of both children were written.
	for _, phase := range []string{"ingest", "serve"} {
		p := phaseFile(args[len(args)-1], phase)
		if fi, err := os.Stat(p); err != nil || fi.Size() == 0 {
			t.Errorf("profile %s: %v", p, err)
		}
	}
}

func TestQueryMix(t *testing.T) {
	a, b := queryMix(1, 200), queryMix(1, 200)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed gave two mixes")
	}
	if reflect.DeepEqual(a, queryMix(2, 200)) {
		t.Error("another seed gave the same mix")
	}
	kinds := map[string]int{}
	for _, q := range a {
		kinds[q.Kind]++
		if q.Query.Size != 10 || q.Query.Snippets != 3 {
			t.Errorf("%+v: want top 10 with 3 snippets", q.Query)
		}
		if err := q.Query.Validate(); err != nil {
			t.Errorf("%+v: %v", q.Query, err)
		}
		if q.Query.YearFrom > q.Query.YearTo {
			t.Errorf("%+v: reversed years", q.Query)
		}
	}
	for _, k := range []string{"words", "phrase", "year range", "series", "two countries", "author", "newest first", "second page"} {
		if kinds[k] < 5 {
			t.Errorf("%d %q queries in 200, want at least 5", kinds[k], k)
		}
	}
}

func TestAPIValues(t *testing.T) {
	q := search.Query{Text: `"harm reduction" coca`, Filters: map[string][]string{"series": {"Debate Papers"}, "country": {"Peru", "Côte d'Ivoire"},
		"author": {"Ana García"}}, YearFrom: 2001, YearTo: 2005, Sort: search.SortNewest, Page: 2, Size: 10}
	got := apiValues(q).Encode()
	want := "author=Ana+Garc%C3%ADa&country=Peru&country=C%C3%B4te+d%27Ivoire&from=2001&page=2&q=%22harm+reduction%22+coca&series=Debate+Papers&size=10&sort=newest&to=2005"
	if got != want {
		t.Errorf("apiValues = %s\nwant %s", got, want)
	}
}

func TestSummarize(t *testing.T) {
	var lat []time.Duration
	for i := 100; i >= 1; i-- {
		lat = append(lat, time.Duration(i)*time.Millisecond)
	}
	s := summarize(lat, 2*time.Second, map[string]int{"503": 2, "no answer": 1})
	want := latencyStats{Count: 100, Errors: 3, Seconds: 2, P50: 50, P95: 95, P99: 99, Max: 100, QPS: 50,
		Failures: map[string]int{"503": 2, "no answer": 1}}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("summarize = %+v, want %+v", s, want)
	}
}

func TestPhaseFile(t *testing.T) {
	for in, want := range map[string]string{"cpu.pprof": "cpu-ingest.pprof", "/tmp/prof": "/tmp/prof-ingest", "a.b/c.out": "a.b/c-ingest.out"} {
		if got := phaseFile(in, "ingest"); got != want {
			t.Errorf("phaseFile(%q) = %q, want %q", in, got, want)
		}
	}
}

// BenchmarkHTTPSearch measures one /api/search request over loopback,
// handler included, on a small generated index, cycling through the
// bench query mix.
func BenchmarkHTTPSearch(b *testing.B) {
	dir := b.TempDir()
	corpus, index := filepath.Join(dir, "corpus"), filepath.Join(dir, "index")
	if _, err := generate(context.Background(), genConfig{Docs: 500, Seed: 1, Format: genJSONL, Spanish: 0.1, PerFolder: 1000}, corpus, nil); err != nil {
		b.Fatal(err)
	}
	if _, err := benchIngestJSONL(context.Background(), corpus, index); err != nil {
		b.Fatal(err)
	}
	ix, err := search.Open(index)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	srv, err := web.NewServer(web.Config{Index: ix})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	mix := queryMix(1, 200)
	urls := make([]string, len(mix))
	for i, q := range mix {
		urls[i] = ts.URL + "/api/search?" + apiValues(q.Query).Encode()
	}
	client := ts.Client()
	for i := 0; b.Loop(); i++ {
		if failure := fetch(context.Background(), client, urls[i%len(urls)]); failure != "" {
			b.Fatalf("GET %s: %s", urls[i%len(urls)], failure)
		}
	}
}

func TestBenchFlags(t *testing.T) {
	tests := []struct {
		args []string
		want string // in the usage error; "" for none
	}{
		{[]string{"--format", "pdf"}, `unknown format "pdf"`},
		{[]string{"--docs", "0"}, "--docs must be at least 1"},
		{[]string{"--clients", "0"}, "--clients must be at least 1"},
		{[]string{"--skip-ingest"}, "--skip-ingest needs --index"},
		{[]string{"--skip-ingest", "--index", t.TempDir()}, "--skip-ingest needs --index"},
		{[]string{"--phase", "other"}, `unknown phase "other"`},
		{[]string{"extra"}, "bench takes no arguments"},
	}
	for _, tt := range tests {
		err := run(context.Background(), append([]string{"bench"}, tt.args...), &bytes.Buffer{}, &bytes.Buffer{})
		var ue usageError
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("bench %v: err %v, want a usage error with %q", tt.args, err, tt.want)
		}
	}
	// A non-empty --index is refused before anything is generated: bench
	// must never build into (and so replace) a real index.
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "CURRENT"), []byte("gen-000001\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := run(context.Background(), []string{"bench", "--quiet", "--index", dir}, &bytes.Buffer{}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "is not empty") {
		t.Errorf("bench into a used index folder: err %v", err)
	}
}
