package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestParagraphs(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"one line", []string{"one line"}},
		{"first\nstill first\n\nsecond", []string{"first still first", "second"}},
		{"a\n  \t\nb\r\n\r\nc", []string{"a", "b", "c"}},
		{"\n\n  spaced   out  \n\n\n", []string{"spaced out"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := paragraphs(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("paragraphs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStripSyntax(t *testing.T) {
	tests := []struct{ in, want string }{
		{`glacier "retreat`, "glacier retreat"},
		{"TSS (Time Sharing System), IBM?", "TSS Time Sharing System IBM"},
		{"Prieve, B. OR Pooch, U. -- title:compilers*~", "Prieve B Pooch U title compilers"},
		{"or and not stay; OR AND NOT go", "or and not stay go"},
		{"Soberón's año", "Soberón s año"},
		{`"()"`, ""},
	}
	for _, tt := range tests {
		if got := stripSyntax(tt.in); got != tt.want {
			t.Errorf("stripSyntax(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLoadQrels(t *testing.T) {
	want := map[string]judgments{"1": {"D1": 1, "D2": 0}, "2": {"D3": 2}}
	tests := []struct{ name, text string }{
		{"BEIR with header", "query-id\tcorpus-id\tscore\n1\tD1\t1\n1\tD2\t0\n2\tD3\t2\n"},
		{"no header, spaces", "1 D1 1\n1 D2 0\n\n2 D3 2"},
		{"TREC four columns", "1 0 D1 1\n1 0 D2 0\n2 0 D3 2.0\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeEvalFile(t, "test.tsv", tt.text)
			got, err := loadQrels(path)
			if err != nil {
				t.Fatalf("loadQrels: %v", err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("loadQrels = %v, want %v", got, want)
			}
		})
	}
	if _, err := loadQrels(writeEvalFile(t, "bad.tsv", "1\tD1\t1\n1\tD2\tyes\n")); err == nil || !strings.Contains(err.Error(), ":2:") {
		t.Errorf("loadQrels(bad score on line 2) error = %v, want one naming line 2", err)
	}
}

func TestLoadQueries(t *testing.T) {
	path := writeEvalFile(t, "queries.jsonl", `{"_id": "a1", "text": "first"}`+"\n\n"+`{"_id": 7, "text": "numeric id", "metadata": {}}`+"\n")
	got, err := loadQueries(path)
	if err != nil {
		t.Fatalf("loadQueries: %v", err)
	}
	want := []evalQuery{{"a1", "first"}, {"7", "numeric id"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("loadQueries = %v, want %v", got, want)
	}
	if _, err := loadQueries(writeEvalFile(t, "q.jsonl", `{"_id": "x", "text": "ok"}`+"\n{broken\n")); err == nil || !strings.Contains(err.Error(), ":2:") {
		t.Errorf("loadQueries(broken line 2) error = %v, want one naming line 2", err)
	}
}

// TestLoadSharedCollection checks the loaders on the real CACM files when
// they are present (they live outside the repository).
func TestLoadSharedCollection(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "eval", "cacm")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no shared CACM collection here")
	}
	qs, err := loadQueries(filepath.Join(dir, "queries.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	qrels, err := loadQrels(filepath.Join(dir, "qrels", "test.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	judged := 0
	for _, q := range qs {
		if qrels[q.ID].numRelevant() > 0 {
			judged++
		}
	}
	docs := 0
	if err := readJSONL(filepath.Join(dir, "corpus.jsonl"), func([]byte) error { docs++; return nil }); err != nil {
		t.Fatal(err)
	}
	// The README speaks of 64 topics; queries.jsonl holds the 52 judged ones.
	if len(qs) < 52 || judged != 52 || docs != 3204 {
		t.Errorf("CACM: %d queries, %d judged, %d documents; want at least 52, 52, 3204", len(qs), judged, docs)
	}
}

// The tiny collection's figures, worked out by hand (see
// testdata/eval/README.md for why each ranking is forced):
//
//	q1: only d1 (relevant) matches: AP 1, nDCG@10 1, P@10 1/10, R@100 1.
//	q2: d4 (judged 0) outranks d2 (grade 2); d3 (grade 1) shares no word.
//	    AP = (1/2)/2 = 0.25. DCG = 2/log2(3) = 1.261860; ideal =
//	    2/1 + 1/log2(3) = 2.630930; nDCG@10 = 0.479625. P@10 = 1/10,
//	    R@100 = 1/2.
//	q3: a syntax error (unterminated quote), retried as "glacier retreat":
//	    d5 then d6, both relevant: AP 1, nDCG@10 1, P@10 2/10, R@100 1.
//	q4 has no judgments and q5 only a non-relevant one: not evaluated.
//
//	nDCG@10 = (1 + 0.479625 + 1)/3 = 0.826542
//	MAP     = (1 + 0.25 + 1)/3     = 0.75
//	P@10    = (0.1 + 0.1 + 0.2)/3  = 0.133333
//	R@100   = R@1000 = (1 + 0.5 + 1)/3 = 0.833333
func TestEvalSearchTiny(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "eval", "tiny-search")
	runFile := filepath.Join(t.TempDir(), "tiny.run")
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"eval", "search", "--run", runFile, dir, "--per-query"}, &stdout, &stderr)
	if err != nil {
		t.Fatalf("eval search: %v\nstderr: %s", err, stderr.String())
	}
	out := stdout.String()
	hasLines(t, "eval search", out,
		`collection\s+.*tiny-search: 8 documents, 5 queries`,
		`nDCG@10\s+0\.8265`,
		`MAP\s+0\.7500`,
		`P@10\s+0\.1333`,
		`Recall@100\s+0\.8333`,
		`Recall@1000\s+0\.8333`,
		`queries\s+3 evaluated \(1 retried without syntax characters; 0 failed\)`,
		`latency\s+\S+ mean per query`,
		// Per-query rows: id, nDCG@10, AP, P@10, R@100, hits.
		`q1\s+1\.0000\s+1\.0000\s+0\.1000\s+1\.0000\s+1\s`,
		`q2\s+0\.4796\s+0\.2500\s+0\.1000\s+0\.5000\s+2\s`,
		`q3\s+1\.0000\s+1\.0000\s+0\.2000\s+1\.0000\s+\d+\s+syntax error \(.*\); retried as "glacier retreat"`,
	)
	if strings.Contains(out, "q4") || strings.Contains(out, "q5") {
		t.Errorf("eval search evaluated q4 or q5, which have no relevant judgment:\n%s", out)
	}

	data, err := os.ReadFile(runFile)
	if err != nil {
		t.Fatal(err)
	}
	// The first lines of each query's ranking, without the scores.
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		f := strings.Fields(line)
		if len(f) != 6 || f[1] != "Q0" || f[5] != "briefs" {
			t.Fatalf("run file line %q is not qid Q0 docid rank score briefs", line)
		}
		got = append(got, f[0]+" "+f[2]+" "+f[3])
	}
	for _, want := range []string{"q1 d1 1", "q2 d4 1", "q2 d2 2", "q3 d5 1", "q3 d6 2"} {
		if !slices.Contains(got, want) {
			t.Errorf("run file lacks %q; has %q", want, got)
		}
	}
}

func TestEvalSearchUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"eval", "search"}, &stdout, &stderr)
	if _, ok := err.(usageError); !ok {
		t.Errorf("eval search without DIR: err = %v, want a usage error", err)
	}
	err = run(context.Background(), []string{"eval", "rank", "x"}, &stdout, &stderr)
	if _, ok := err.(usageError); !ok {
		t.Errorf("eval rank: err = %v, want a usage error", err)
	}
	if err := run(context.Background(), []string{"eval", "search", "-h"}, &stdout, &stderr); exitCode(err, &stderr) != exitOK {
		t.Errorf("eval search -h: err = %v, want success", err)
	}
}

func writeEvalFile(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// hasLines checks that out has, for each pattern, a line starting with a
// match of it.
func hasLines(t *testing.T, what, out string, patterns ...string) {
	t.Helper()
	for _, p := range patterns {
		if !regexp.MustCompile(`(?m)^` + p).MatchString(out) {
			t.Errorf("%s output has no line matching %q:\n%s", what, p, out)
		}
	}
}
