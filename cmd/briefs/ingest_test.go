package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/briefs/briefs/indexer"
	"github.com/briefs/briefs/search"
)

// TestIngestJSONL runs `briefs ingest` on a folder of JSON Lines files,
// plain and gzipped, and searches the index; then ingests the folder again
// after an edit of the export: an unchanged line is not re-indexed, a
// removed line's record is deleted, and a line broken by the edit keeps the
// record it had. A single .jsonl.gz file can be named on its own too.
func TestIngestJSONL(t *testing.T) {
	folder, index := t.TempDir(), filepath.Join(t.TempDir(), "index")
	lines := []string{
		`{"id":"dpb-11","title":"Broken Promises","text":"Coca growers in the Chapare were promised wombat crops.","series":"Drug Policy Briefing","number":11,"date":"2005-03-14","authors":["Ana García"],"countries":["Bolivia"]}`,
		`{"id":"dpb-12","title":"Cut short`,
		`{"id":"dpb-13","title":"Prisons","text":"Prisons are full of small farmers."}`,
		`{"id":"dpb-14","title":"Cannabis","text":"Cannabis markets after regulation."}`,
	}
	writeJSONL := func(name string, lines []string, gz bool) {
		t.Helper()
		data := []byte(strings.Join(lines, "\n") + "\n")
		if gz {
			var b bytes.Buffer
			zw := gzip.NewWriter(&b)
			zw.Write(data)
			zw.Close()
			data = b.Bytes()
		}
		if err := os.WriteFile(filepath.Join(folder, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeJSONL("catalogue.jsonl", lines, false)
	writeJSONL("more.jsonl.gz", []string{`{"id":"ipd-12","title":"La frontera","text":"Los cocaleros de la frontera y el wombat."}`}, true)

	ingest := func(args ...string) string {
		t.Helper()
		var out, errOut bytes.Buffer
		err := run(context.Background(), append([]string{"ingest", "--quiet", "--index"}, args...), &out, &errOut)
		if exitCode(err, &bytes.Buffer{}) != exitSkipped { // the broken line
			t.Fatalf("briefs ingest %q: %v, want exit status 3\n%s", args, err, errOut.String())
		}
		return errOut.String()
	}
	hits := func(index, text string) []string {
		t.Helper()
		ix, err := search.Open(index)
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		res, err := ix.Search(context.Background(), search.Query{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		slices.Sort(ids)
		return ids
	}
	check := func(what, got string, want ...string) {
		t.Helper()
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s said:\n%s\nwant %q", what, got, w)
			}
		}
	}

	out := ingest(index, folder)
	check("first ingest", out, "2 files: 4 documents, 4 records read, 1 skipped",
		"skipped catalogue.jsonl:2: invalid JSON", "4 records in gen-000001: 4 added")
	if got := hits(index, "wombat"); !slices.Equal(got, []string{"dpb-11", "ipd-12"}) {
		t.Errorf("search wombat = %q, want dpb-11 (catalogue.jsonl) and ipd-12 (more.jsonl.gz)", got)
	}

	// dpb-12's broken line is removed, dpb-13's line too, and dpb-14's is
	// broken by a bad date.
	lines = []string{lines[0], lines[1], `{"id":"dpb-14","title":"Cannabis","text":"Cannabis markets.","date":"2005-13-45"}`}
	lines[1] = ""
	writeJSONL("catalogue.jsonl", lines, false)
	out = ingest(index, folder)
	check("second ingest", out, "2 files: 2 documents, 2 records read, 1 skipped",
		`skipped catalogue.jsonl:3: date "2005-13-45" is not a date`,
		"3 records in gen-000002: 0 added, 0 updated, 2 unchanged, 1 deleted")
	if got := hits(index, "cannabis"); !slices.Equal(got, []string{"dpb-14"}) {
		t.Errorf("search cannabis = %q, want dpb-14 kept as it was", got)
	}
	if got := hits(index, "prisons"); len(got) != 0 {
		t.Errorf("search prisons = %q, want nothing: dpb-13's line is gone", got)
	}

	// A line that no longer parses names no ID: its record, whichever it
	// was, and every other record of the path stay, with a warning.
	good := lines[0]
	lines[0] = `{"id":"dpb-11","title":"Broken`
	writeJSONL("catalogue.jsonl", lines, false)
	out = ingest(index, folder)
	check("third ingest", out, "skipped catalogue.jsonl:1: invalid JSON", "nothing under this path is deleted this time",
		"3 records in gen-000002: 0 added, 0 updated, 1 unchanged, 0 deleted")
	if got := hits(index, "wombat"); !slices.Equal(got, []string{"dpb-11", "ipd-12"}) {
		t.Errorf("search wombat = %q, want dpb-11 kept and ipd-12", got)
	}

	// One file named on its own; its broken line still makes status 3.
	writeJSONL("one.jsonl.gz", []string{good, "{"}, true)
	other := filepath.Join(t.TempDir(), "index")
	out = ingest(other, filepath.Join(folder, "one.jsonl.gz"))
	check("single-file ingest", out, "1 file: 1 document, 1 record read, 1 skipped", "skipped one.jsonl.gz:2")
	if got := hits(other, "wombat"); !slices.Equal(got, []string{"dpb-11"}) {
		t.Errorf("search wombat in the single-file index = %q, want dpb-11", got)
	}
}

// BenchmarkWalk extracts 500 generated HTML pages with indexer.Walk, the
// extraction half of `briefs ingest` (no index), and reports the CPU time
// used as well: on a shared machine wall time alone is noisy, and the CPU
// time shows what parallel extraction costs in total.
func BenchmarkWalk(b *testing.B) {
	corpus := filepath.Join(b.TempDir(), "corpus")
	if _, err := generate(context.Background(), genConfig{Docs: 500, Seed: 1, Format: genHTML, Spanish: 0.1, PerFolder: 100, Quiet: true}, corpus, nil); err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(filepath.Join(corpus, genHTML))
	b.ReportAllocs()
	cpu0 := cpuSeconds()
	for b.Loop() {
		rep, err := indexer.Walk(context.Background(), fsys, indexer.Options{}, nil, func(indexer.Record) error { return nil })
		if err != nil || rep.Documents != 500 {
			b.Fatalf("Walk: %v, %d documents, want 500", err, rep.Documents)
		}
	}
	b.ReportMetric((cpuSeconds()-cpu0)/float64(b.N), "cpu-s/op")
}

// BenchmarkReadJSONL parses a generated JSON Lines export of 500 records,
// the extraction half of ingesting one.
func BenchmarkReadJSONL(b *testing.B) {
	corpus := filepath.Join(b.TempDir(), "corpus")
	if _, err := generate(context.Background(), genConfig{Docs: 500, Seed: 1, Format: genJSONL, Spanish: 0.1, PerFolder: 1000, Quiet: true}, corpus, nil); err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(corpus, "briefings.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	cpu0 := cpuSeconds()
	for b.Loop() {
		rep, err := indexer.ReadJSONL(context.Background(), bytes.NewReader(data), "briefings.jsonl", func(indexer.Record) error { return nil })
		if err != nil || rep.Records != 500 {
			b.Fatalf("ReadJSONL: %v, %d records, want 500", err, rep.Records)
		}
	}
	b.ReportMetric((cpuSeconds()-cpu0)/float64(b.N), "cpu-s/op")
}
