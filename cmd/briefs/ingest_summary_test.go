package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIngestSummaryWords: one file is "1 file", and a second run over the
// same files says nothing changed instead of counting records as indexed.
func TestIngestSummaryWords(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "docs", "note.txt")
	if err := os.MkdirAll(filepath.Dir(doc), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(doc, []byte("A note on coca\n\nThe coca leaf is chewed in the Andes.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	index := filepath.Join(dir, "idx")
	ingest := func() string {
		var out, errOut bytes.Buffer
		if err := run(context.Background(), []string{"ingest", "--quiet", "--index", index, filepath.Dir(doc)}, &out, &errOut); err != nil {
			t.Fatalf("ingest: %v\n%s", err, errOut.String())
		}
		return errOut.String()
	}
	first := ingest()
	if !strings.Contains(first, "1 file: 1 document, 1 record read, 0 skipped, 0 warnings") || strings.Contains(first, "nothing changed") {
		t.Errorf("first ingest said:\n%s", first)
	}
	second := ingest()
	if !strings.Contains(second, "up to date, nothing changed") || strings.Contains(second, "indexed") {
		t.Errorf("second ingest said:\n%s\nwant it to say nothing changed", second)
	}
}

func TestGenSummaryOneFile(t *testing.T) {
	s := genSummary{Docs: 3, Files: 1, ByFormat: map[string]int{genJSONL: 3}}
	if got := s.String(); !strings.Contains(got, "in 1 file,") {
		t.Errorf("genSummary = %q, want \"in 1 file,\"", got)
	}
}
