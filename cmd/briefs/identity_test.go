package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/briefs/briefs/search"
)

// TestIngestEveryFileItsOwnRecord ingests, with the real command and a
// real index, the cases where file names give one plain ID: two roots each
// holding index.html, x.html beside x.txt and x.md, names differing only in
// punctuation, and the same roots ingested again and in turn. Every time
// the index holds one record per file, and no root's records replace or
// delete another's.
func TestIngestEveryFileItsOwnRecord(t *testing.T) {
	a, b := filepath.Join(t.TempDir(), "site-a"), filepath.Join(t.TempDir(), "site-b")
	index := filepath.Join(t.TempDir(), "index")
	page := func(title, word string) string {
		return "<html><head><title>" + title + "</title></head><body><h1>" + title +
			"</h1><p>The " + word + " paragraph of this page, long enough to count.</p></body></html>"
	}
	write := func(dir, name, data string) {
		t.Helper()
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(a, "index.html", page("Site A", "aardvark"))
	write(a, "x.html", page("X as a page", "xylophone"))
	write(a, "x.txt", "X as text\n\nThe xylophone text version.\n")
	write(a, "x.md", "# X in Markdown\n\nThe xylophone markdown version.\n")
	write(a, "genindex.html", page("Index", "genindexword"))
	write(a, "genindex-_.html", page("Index – _", "genindexword"))
	write(a, "a.b.html", page("Dotted", "punctuation"))
	write(a, "a-b.html", page("Dashed", "punctuation"))
	write(b, "index.html", page("Site B", "bandicoot"))
	write(b, "x.html", page("X of site B", "xylophone"))

	ingest := func(args ...string) string {
		t.Helper()
		var out, errOut bytes.Buffer
		if err := run(context.Background(), append([]string{"ingest", "--quiet", "--index", index}, args...), &out, &errOut); err != nil {
			t.Fatalf("briefs ingest %q: %v\n%s", args, err, errOut.String())
		}
		return errOut.String()
	}
	state := func() (int, map[string][]string) {
		t.Helper()
		ix, err := search.Open(index)
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		n, err := ix.Count()
		if err != nil {
			t.Fatal(err)
		}
		hits := map[string][]string{}
		for _, w := range []string{"aardvark", "bandicoot", "xylophone", "genindexword", "punctuation"} {
			res, err := ix.Search(context.Background(), search.Query{Text: w})
			if err != nil {
				t.Fatal(err)
			}
			// Files with the same text are versions of one work, one hit:
			// the work's other versions are records of their own too.
			for _, h := range res.Hits {
				hits[w] = append(hits[w], h.ID)
				for _, v := range h.Versions {
					hits[w] = append(hits[w], v.ID)
				}
			}
			slices.Sort(hits[w])
		}
		return int(n), hits
	}
	const files = 10
	out := ingest(a, b)
	if !strings.Contains(out, "10 files: 10 documents, 10 records read, 0 skipped") ||
		!strings.Contains(out, "id site-b-index for index.html: another ingest root has the id \"index\"") ||
		!strings.Contains(out, "id x-md for x.md: x.html has the id \"x\"") {
		t.Errorf("first ingest said:\n%s", out)
	}
	n, first := state()
	if n != files || len(first["xylophone"]) != 4 || len(first["genindexword"]) != 2 || len(first["punctuation"]) != 2 ||
		!slices.Equal(first["aardvark"], []string{"index"}) || !slices.Equal(first["bandicoot"], []string{"site-b-index"}) {
		t.Fatalf("after ingest A B: %d records, hits %v; want %d, one per file", n, first, files)
	}
	for _, run := range [][]string{{a, b}, {b}, {a}, {b, a}, {a, a}} {
		out := ingest(run...)
		n, hits := state()
		if n != files {
			t.Errorf("after ingest %q again: %d records, want %d\n%s", run, n, files, out)
		}
		for w, ids := range first {
			if !slices.Equal(hits[w], ids) {
				t.Errorf("after ingest %q again: %s finds %q, first %q: IDs changed", run, w, hits[w], ids)
			}
		}
		if strings.Contains(out, "deleted") && !strings.Contains(out, " 0 deleted") {
			t.Errorf("ingest %q deleted records:\n%s", run, out)
		}
	}
	// A file removed from B takes only B's record with it.
	if err := os.Remove(filepath.Join(b, "x.html")); err != nil {
		t.Fatal(err)
	}
	out = ingest(b)
	if n, _ := state(); n != files-1 || !strings.Contains(out, "1 deleted") {
		t.Errorf("after removing B's x.html: %d records, want %d\n%s", n, files-1, out)
	}
}
