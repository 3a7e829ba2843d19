package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefs/briefs/indexer"
	"github.com/briefs/briefs/search"
	"github.com/briefs/briefs/web"
)

// corpusRecords extracts the demo corpus.
func corpusRecords(t *testing.T) []indexer.Record {
	t.Helper()
	var recs []indexer.Record
	_, err := indexer.Walk(context.Background(), os.DirFS(filepath.Join("..", "..", "testdata", "corpus")), indexer.Options{}, nil,
		func(r indexer.Record) error {
			recs = append(recs, r)
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// commit writes recs plus one record naming the round as the next
// generation of dir. The record keeps its ID from round to round, so
// that no document the load generator has learnt disappears (a deleted
// document's page is rightly a 404, which the test would count).
func commit(dir string, recs []indexer.Record, round int, rebuild bool) error {
	b, err := search.NewBuilder(dir, search.BuildOptions{Rebuild: rebuild, Root: "corpus"})
	if err != nil {
		return err
	}
	defer b.Abort()
	for _, r := range recs {
		if err := b.Add(r); err != nil {
			return err
		}
	}
	extra := indexer.Record{ID: "ingest-round", Kind: indexer.KindDocument, Language: "en",
		Title: fmt.Sprintf("Ingest round %d", round), Paragraphs: []string{"A record added while the load ran."}}
	if err := b.Add(extra); err != nil {
		return err
	}
	_, err = b.Commit()
	return err
}

// TestLoadWhileIngesting serves the demo corpus, keeps committing new
// generations (alternating incremental runs and rebuilds) and switching
// the server to them, and puts 8 clients on it for 5 seconds: no request
// may fail, and every kind of request must have been made.
func TestLoadWhileIngesting(t *testing.T) {
	if testing.Short() {
		t.Skip("5 s of load")
	}
	recs := corpusRecords(t)
	dir := t.TempDir()
	if err := commit(dir, recs, 0, true); err != nil {
		t.Fatal(err)
	}
	ix, err := search.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	srv, err := web.NewServer(web.Config{Index: ix})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, ln) }()
	defer func() {
		cancel()
		if err := <-served; err != nil {
			t.Errorf("Serve: %v", err)
		}
	}()

	// The ingest: one generation after another until the load is over.
	var rounds, switches atomic.Int64
	stop := make(chan struct{})
	ingested := make(chan error, 1)
	go func() {
		for round := 1; ; round++ {
			select {
			case <-stop:
				ingested <- nil
				return
			default:
			}
			if err := commit(dir, recs, round, round%3 == 0); err != nil {
				ingested <- err
				return
			}
			rounds.Add(1)
			if ok, err := ix.Reload(); err != nil {
				ingested <- err
				return
			} else if ok {
				switches.Add(1)
			}
		}
	}()

	cfg := Config{URL: "http://" + ln.Addr().String(), Clients: 8, Duration: 5 * time.Second, MaxRequests: 1_000_000,
		Timeout: 30 * time.Second, PID: os.Getpid(), Seed: 1}
	var log bytes.Buffer
	rep, err := Run(context.Background(), cfg, &log)
	close(stop)
	if ierr := <-ingested; ierr != nil {
		t.Errorf("ingest during the load: %v", ierr)
	}
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, log.String())
	}
	var text bytes.Buffer
	rep.WriteText(&text)
	t.Logf("%d ingest rounds, %d switches during the load\n%s", rounds.Load(), switches.Load(), text.String())

	if rep.Errors() != 0 {
		t.Errorf("%d requests failed: %v", rep.Errors(), rep.Examples)
	}
	// The counts depend on the machine (under -race on two busy cores a
	// run makes some 30 requests, on a free one some 250); TestMix checks
	// that every kind is drawn.
	if rep.Requests < 10 {
		t.Errorf("only %d requests in 5 s", rep.Requests)
	}
	if len(rep.Kinds) < 4 {
		t.Errorf("only %d kinds of request made: %+v", len(rep.Kinds), rep.Kinds)
	}
	// Searches stop at 5 s and exports at 15 s; nothing may run longer.
	if rep.Latency.Max > 20000 {
		t.Errorf("slowest request %.0f ms: something escaped its deadline", rep.Latency.Max)
	}
	if len(rep.RSS) < 4 {
		t.Errorf("%d RSS samples in 5 s, want one a second", len(rep.RSS))
	}
	if switches.Load() == 0 {
		t.Errorf("the server never switched generation during the load")
	}
	for _, want := range []string{"requests  ", "errors    0 (5xx 0, 4xx 0, transport 0)", "latency   p50 ", "RSS       ", "RSS (MB) every 1 s: 0s "} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

// testVocab is a vocabulary like the one discover learns.
var testVocab = &vocab{
	ids:       []string{"dpb-11", "papers/x y", "es/informe-1"},
	words:     []string{"coca", "bolivia", "harm", "reduction", "cannabis"},
	phrases:   []string{"harm reduction", "coca leaf"},
	authors:   []string{"Martin Jelsma", "Ricardo Soberón"},
	series:    []string{"Drug Policy Briefing"},
	countries: []string{"Bolivia", "Perú"},
	minYear:   1998, maxYear: 2024,
}

func TestMix(t *testing.T) {
	a, b := newMix(testVocab, 7, 1), newMix(testVocab, 7, 1)
	kinds := map[string]int{}
	for range 3000 {
		ka, pa := a.next()
		kb, pb := b.next()
		if ka != kb || pa != pb {
			t.Fatalf("same seed, different requests: %s %s vs %s %s", ka, pa, kb, pb)
		}
		kinds[ka]++
		u, err := url.Parse("http://127.0.0.1" + pa)
		if err != nil {
			t.Fatalf("%s: %q does not parse: %v", ka, pa, err)
		}
		q := u.Query()
		if strings.HasSuffix(u.Path, "search") && q.Get("q") == "" && len(q) == 0 {
			t.Errorf("%s: search without anything: %q", ka, pa)
		}
		if ka == kindPaged && q.Get("page") == "" {
			t.Errorf("paged request without a page: %q", pa)
		}
		if ka == kindDocument && !strings.Contains(u.Path, "/doc/") {
			t.Errorf("document request %q", pa)
		}
	}
	for _, kw := range kindWeights {
		if kinds[kw.kind] == 0 {
			t.Errorf("kind %s never drawn", kw.kind)
		}
	}
	if _, p := newMix(testVocab, 8, 1).next(); p == "" {
		t.Error("empty path")
	}
}

func TestConfig(t *testing.T) {
	tests := []struct {
		args []string
		ok   bool
	}{
		{nil, true},
		{[]string{"-url", "http://localhost:9000/"}, true},
		{[]string{"-url", "http://[::1]:9000"}, true},
		{[]string{"-url", "http://example.org"}, false},
		{[]string{"-url", "http://example.org", "-allow-remote"}, true},
		{[]string{"-url", "ftp://127.0.0.1"}, false},
		{[]string{"-c", "0"}, false},
		{[]string{"-d", "0s"}, false},
		{[]string{"-n", "0"}, false},
		{[]string{"stray"}, false},
	}
	for _, tt := range tests {
		_, err := parseConfig(tt.args, &bytes.Buffer{})
		if (err == nil) != tt.ok {
			t.Errorf("parseConfig(%q) = %v, want ok %v", tt.args, err, tt.ok)
		}
	}
	cfg, _ := parseConfig([]string{"-url", "http://localhost:9000/"}, &bytes.Buffer{})
	if cfg.URL != "http://localhost:9000" || cfg.Clients != 32 || cfg.Duration != time.Minute {
		t.Errorf("defaults: %+v", cfg)
	}
}

func TestPercentiles(t *testing.T) {
	var ds []time.Duration
	for i := 1; i <= 100; i++ {
		ds = append(ds, time.Duration(i)*time.Millisecond)
	}
	got := percentiles(ds)
	want := Latency{P50: 50, P95: 95, P99: 99, Max: 100}
	if got != want {
		t.Errorf("percentiles = %+v, want %+v", got, want)
	}
	if (percentiles(nil) != Latency{}) {
		t.Error("percentiles(nil) not zero")
	}
}

func TestReadRSS(t *testing.T) {
	kb, anon, err := readRSS(os.Getpid())
	if err != nil {
		t.Skipf("no /proc here: %v", err)
	}
	if kb < 1024 || anon < 512 || anon > kb {
		t.Errorf("RSS of the test process = %d kB, %d kB anonymous", kb, anon)
	}
	if _, _, err := readRSS(1 << 30); err == nil {
		t.Error("readRSS of a missing pid succeeded")
	}
	s := []RSSSample{{0, 100 << 10, 0}, {1, 110 << 10, 0}, {2, 120 << 10, 0}, {10, 120 << 10, 0}, {11, 121 << 10, 0}, {20, 119 << 10, 0}}
	if got := rssSeries(s, 10); got != "0s 100, 10s 120, 20s 119" {
		t.Errorf("rssSeries = %q", got)
	}
	if got := rssSummary(s); !strings.Contains(got, "6 samples: first 100 MB, min 100 MB, max 121 MB, last 119 MB") {
		t.Errorf("rssSummary = %q", got)
	}
}
