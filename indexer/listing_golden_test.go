package indexer

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Listing pages in every form (testdata/listings: entries written "Title
// — Authors. Series N, Month Year.", "Authors, Title, Series N, Month
// Year", "Authors Title Series N, Date" with only position to tell the
// parts apart, a year only, no series; as HTML, plain text and Markdown)
// and the seed page saved as text must come out right on every field. The
// goldens are what a careful reader takes from each entry.

const listingDir = "testdata/listings"

// seedText is the product's conception page saved as text, kept outside
// the repository; its golden is testdata/listings/seed-<name>.golden.json.
const seedText = "../../shared/seed/drugs-and-conflict-in-peru.txt"

// listingGolden is one expected record: the fields it names are compared
// (for a reference, authors, series, number and date always are: an
// absent one must come out empty), and an abstract by its exact text or
// by its first and last words.
type listingGolden struct {
	Record
	AbstractStarts string `json:"abstract_starts"`
	AbstractEnds   string `json:"abstract_ends"`
	has            map[string]bool
}

func readListingGolden(t *testing.T, path string) []listingGolden {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var want []listingGolden
	var keys []map[string]json.RawMessage
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if err := json.Unmarshal(data, &keys); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	for i := range want {
		want[i].has = map[string]bool{}
		for k := range keys[i] {
			want[i].has[k] = true
		}
	}
	return want
}

func TestListingGoldens(t *testing.T) {
	docs, err := filepath.Glob(filepath.Join(listingDir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, doc := range docs {
		if strings.HasSuffix(doc, ".golden.json") {
			continue
		}
		golden := strings.TrimSuffix(doc, filepath.Ext(doc)) + ".golden.json"
		t.Run(filepath.Base(doc), func(t *testing.T) {
			checkListing(t, doc, filepath.Base(doc), readListingGolden(t, golden))
		})
		n++
	}
	if n < 5 {
		t.Errorf("%d listing fixtures, want one per form (5)", n)
	}
}

func TestSeedListing(t *testing.T) {
	if _, err := os.Stat(seedText); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("no seed page at %s", seedText)
	}
	want := readListingGolden(t, filepath.Join(listingDir, "seed-drugs-and-conflict-in-peru.golden.json"))
	checkListing(t, seedText, filepath.Base(seedText), want)
}

// checkListing extracts path (named name, which gives the IDs) and
// compares its records with want.
func checkListing(t *testing.T, path, name string, want []listingGolden) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Extract(name, data, Options{})
	if err != nil {
		t.Fatalf("Extract(%s): %v", name, err)
	}
	if len(got) != len(want) {
		var ids []string
		for _, r := range got {
			ids = append(ids, r.ID+" "+r.Title)
		}
		t.Errorf("Extract(%s) = %d records, want %d:\n  %s", name, len(got), len(want), strings.Join(ids, "\n  "))
	}
	for i := range min(len(got), len(want)) {
		g, w := got[i], want[i]
		ref := w.Kind == KindReference
		check := func(field string, always bool, gotV, wantV any) {
			if (always || w.has[field]) && !equalJSON(gotV, wantV) {
				t.Errorf("%s: %s = %v, want %v", w.ID, field, jsonString(gotV), jsonString(wantV))
			}
		}
		check("id", true, g.ID, w.ID)
		check("kind", true, g.Kind, w.Kind)
		check("title", true, g.Title, w.Title)
		check("authors", ref, g.Authors, w.Authors)
		check("date", true, g.Date, w.Date)
		check("year", true, g.Year, w.Year)
		check("series", true, g.Series, w.Series)
		check("number", true, g.Number, w.Number)
		check("url", ref, g.URL, w.URL)
		check("publisher", false, g.Publisher, w.Publisher)
		if w.has["countries"] {
			gc, wc := slices.Sorted(slices.Values(g.Countries)), slices.Sorted(slices.Values(w.Countries))
			check("countries", true, gc, wc)
		}
		switch {
		case w.AbstractStarts != "":
			if !strings.HasPrefix(g.Abstract, w.AbstractStarts) || !strings.HasSuffix(g.Abstract, w.AbstractEnds) {
				t.Errorf("%s: abstract = %q, want %q … %q", w.ID, g.Abstract, w.AbstractStarts, w.AbstractEnds)
			}
		case ref:
			check("abstract", true, g.Abstract, w.Abstract)
		}
	}
}

func equalJSON(a, b any) bool { return jsonString(a) == jsonString(b) }

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	s := string(b)
	if s == "null" || s == "[]" {
		return `""`
	}
	return s
}
