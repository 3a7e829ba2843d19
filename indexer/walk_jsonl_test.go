package indexer

import (
	"context"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// jsonlFS is a folder holding web pages, text and JSON Lines files, plain
// and gzipped, with the bad lines and files an export can have.
func jsonlFS(t *testing.T) fstest.MapFS {
	t.Helper()
	catalogue, err := os.ReadFile("testdata/jsonl/catalogue.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	export := `{"id":"ipd-12","title":"La frontera de la coca","text":"Los cocaleros de la frontera viven de la hoja.","date":"2010-06","series":"Informe sobre Políticas de Drogas n.º 12","countries":["Ecuador"],"language":"spa"}
{"id":"op-9","text":"A second record with an id the catalogue already has."}
`
	// Cut inside its second line: the first is read, the rest is lost.
	cut := gz(t, []byte(`{"id":"cut-1","text":"Read before the cut."}`+"\n"+
		`{"id":"cut-2","text":"`+strings.Repeat("lost words ", 20000)+`"}`+"\n"))
	return fstest.MapFS{
		"a-page.html":          {Data: []byte(goodHTML)},
		"catalogue.jsonl":      {Data: catalogue},
		"catalogue.json":       {Data: []byte(`{"title": "not a sidecar: a JSON Lines file has none"}`)},
		"cut.jsonl.gz":         {Data: cut[:len(cut)-40]},
		"more/export.jsonl.gz": {Data: gz(t, []byte(export))},
		"notgz.jsonl.gz":       {Data: []byte("not gzip at all")},
		"z-last.txt":           {Data: []byte("The Last Note\n\nRead after the JSON Lines files.\n")},
	}
}

func TestWalkJSONL(t *testing.T) {
	fsys := jsonlFS(t)
	got := map[string]Record{}
	var ids []string
	// The file cap is far below the files' sizes: it applies to documents,
	// not to JSON Lines, whose lines have maxJSONLLine.
	rep, err := Walk(context.Background(), fsys, Options{MaxFileSize: 512}, nil, func(r Record) error {
		got[r.ID] = r
		ids = append(ids, r.ID)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	wantIDs := []string{"a-page", "dpb-11", "op-9", "cut-1", "ipd-12", "z-last"}
	if !reflect.DeepEqual(ids, wantIDs) {
		t.Errorf("records %q, want %q", ids, wantIDs)
	}
	wantSkips := []Skip{
		{"catalogue.jsonl:2", "invalid JSON", ""},
		{"catalogue.jsonl:3", `same id "dpb-11" as catalogue.jsonl:1`, "dpb-11"},
		{"catalogue.jsonl:5", `date "2005-13-45" is not a date`, "dpb-13"},
		{"catalogue.jsonl:6", `same id "a-page" as a-page.html`, "a-page"},
		{"cut.jsonl.gz", "cannot read past line 1: unexpected EOF", ""},
		{"more/export.jsonl.gz:2", `same id "op-9" as catalogue.jsonl:7`, "op-9"},
		{"notgz.jsonl.gz", "bad gzip: gzip: invalid header", ""},
	}
	if len(rep.Skipped) != len(wantSkips) {
		t.Fatalf("skipped:\n%v\nwant\n%v", rep.Skipped, wantSkips)
	}
	for i, want := range wantSkips {
		if s := rep.Skipped[i]; s.Path != want.Path || !strings.HasPrefix(s.Reason, want.Reason) || s.ID != want.ID {
			t.Errorf("skipped[%d] = %+v, want %+v", i, s, want)
		}
	}
	if len(rep.Warnings) != 0 {
		t.Errorf("warnings %v, want none", rep.Warnings)
	}
	// Files: the page, the note and the four JSON Lines files; the .json
	// beside catalogue.jsonl is no sidecar of it. Every good line is a
	// document.
	if rep.Files != 6 || rep.Documents != 6 || rep.Records != 6 || rep.Ignored != 1 {
		t.Errorf("Files, Documents, Records, Ignored = %d, %d, %d, %d; want 6, 6, 6, 1", rep.Files, rep.Documents, rep.Records, rep.Ignored)
	}

	tests := []struct {
		id, source, title, language string
		year                        int
	}{
		{"dpb-11", "catalogue.jsonl", "Broken Promises", "en", 2005},
		{"ipd-12", "more/export.jsonl.gz", "La frontera de la coca", "es", 2010},
		{"cut-1", "cut.jsonl.gz", "Read before the cut.", "", 0}, // too short to tell
	}
	for _, tt := range tests {
		r := got[tt.id]
		if r.Source != tt.source || r.Title != tt.title || r.Language != tt.language || r.Year != tt.year || len(r.Hash) != 64 {
			t.Errorf("record %s: Source %q, Title %q, Language %q, Year %d, Hash %q; want %q, %q, %q, %d and a SHA-256",
				tt.id, r.Source, r.Title, r.Language, r.Year, r.Hash, tt.source, tt.title, tt.language, tt.year)
		}
	}
	if r := got["dpb-11"]; r.Series != "Drug Policy Briefing" || r.Number != 11 || !reflect.DeepEqual(r.Authors, []string{"Martin Jelsma", "Ana García"}) {
		t.Errorf("dpb-11: Series %q, Number %d, Authors %q", r.Series, r.Number, r.Authors)
	}
}

// TestWalkJSONLStable checks what incremental ingest relies on: a second
// walk of the same files gives the same IDs and hashes.
func TestWalkJSONLStable(t *testing.T) {
	fsys := jsonlFS(t)
	hashes := func() map[string]string {
		m := map[string]string{}
		_, err := Walk(context.Background(), fsys, Options{}, nil, func(r Record) error { m[r.ID] = r.Hash; return nil })
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	if a, b := hashes(), hashes(); !reflect.DeepEqual(a, b) || len(a) != 6 {
		t.Errorf("two walks differ:\n%v\n%v", a, b)
	}
}

// TestWalkJSONLProgress checks that progress moves while a large JSON Lines
// file is read: it counts one unit per MiB instead of one for the file.
func TestWalkJSONLProgress(t *testing.T) {
	var big strings.Builder
	for i := 0; big.Len() < 5<<19; i++ { // 2.5 MiB: weighs 3
		fmt.Fprintf(&big, `{"id":"r%d","text":"%s"}`+"\n", i, strings.Repeat("coca leaf ", 1000))
	}
	fsys := fstest.MapFS{
		"big.jsonl": {Data: []byte(big.String())},
		"note.txt":  {Data: []byte("A Note\n\nBody.\n")},
	}
	var calls [][2]int
	_, err := Walk(context.Background(), fsys, Options{}, func(d, total int) { calls = append(calls, [2]int{d, total}) }, func(Record) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]int{{1, 4}, {2, 4}, {3, 4}, {4, 4}}
	if !reflect.DeepEqual(calls, want) {
		t.Errorf("progress calls = %v, want %v", calls, want)
	}
}
