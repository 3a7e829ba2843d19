package indexer

import (
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// The fuzz targets feed arbitrary bytes to the extractors. Whatever the
// input, extraction must not panic, every record must be valid UTF-8 with
// no U+FFFD, and a record is either returned valid or not at all. Seeds
// live in testdata/fuzz/<FuzzName>/ (go test runs them every time).

func checkRecords(t *testing.T, recs []Record, err error) {
	t.Helper()
	if err != nil {
		if len(recs) != 0 {
			t.Fatalf("records returned with error %v", err)
		}
		return
	}
	if len(recs) == 0 {
		t.Fatal("no records and no error")
	}
	for _, r := range recs {
		if err := r.Validate(); err != nil {
			t.Fatalf("record %s invalid: %v", r.ID, err)
		}
		for _, s := range recordStrings(r) {
			if !utf8.ValidString(s) {
				t.Fatalf("record %s: invalid UTF-8 %q", r.ID, s)
			}
			if strings.ContainsRune(s, utf8.RuneError) {
				t.Fatalf("record %s: U+FFFD in %q", r.ID, s)
			}
		}
		if r.Year != 0 && !validYear(r.Year) {
			t.Fatalf("record %s: year %d", r.ID, r.Year)
		}
	}
}

func recordStrings(r Record) []string {
	out := []string{r.ID, r.Kind, r.Title, r.Date, r.Series, r.Language, r.Abstract, r.Publisher, r.URL, r.PDFURL, r.Parent, r.Note}
	for _, l := range [][]string{r.Authors, r.Countries, r.Keywords, r.Paragraphs} {
		out = append(out, l...)
	}
	return out
}

func FuzzExtractHTML(f *testing.F) {
	f.Add([]byte(goodHTML))
	f.Add([]byte(listingPage))
	f.Add([]byte(sidecarDoc))
	f.Add([]byte("<p>Sober\xf3n \x96 coca"))
	f.Fuzz(func(t *testing.T, data []byte) {
		recs, err := Extract("f.html", data, Options{MaxFileSize: 1 << 20})
		checkRecords(t, recs, err)
	})
}

func FuzzExtractText(f *testing.F) {
	f.Add([]byte("Title: A\nAuthors: B C; D E\nDate: 2005\n\nBody.\n"), false)
	f.Add([]byte("---\ntitle: x\n---\n# H\n\n*a* [b](c)\n"), true)
	f.Add([]byte("Drugs in Peru\n\n17 November 2005\n\nBy Ana Pérez\n\n  • item\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, markdown bool) {
		name := "f.txt"
		if markdown {
			name = "f.md"
		}
		recs, err := Extract(name, data, Options{MaxFileSize: 1 << 20})
		checkRecords(t, recs, err)
	})
}

func FuzzSidecar(f *testing.F) {
	f.Add([]byte(`{"title": "T", "year": 2005, "authors": ["A B"], "countries": "Peru"}`), false)
	f.Add([]byte("title: T\ndate: 2005-03-14\nnumber: 3\n"), true)
	f.Add([]byte(`{"date": null, "kind": "paper", "pages": [1]}`), false)
	f.Fuzz(func(t *testing.T, data []byte, yaml bool) {
		name := "doc.json"
		if yaml {
			name = "doc.yaml"
		}
		fsys := fstest.MapFS{"doc.html": {Data: []byte(sidecarDoc)}, name: {Data: data}}
		recs, err := ExtractFile(fsys, "doc.html", Options{})
		checkRecords(t, recs, err)
	})
}
