package indexer

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

const sidecarDoc = `<html><head><title>Old Title</title></head><body><h1>Old Title</h1>
<p>By Someone Wrong</p><p>A paragraph about coca policy in Bolivia and the government of Bolivia.</p></body></html>`

func TestSidecarOverrides(t *testing.T) {
	tests := []struct {
		name, file, body string
		check            func(t *testing.T, r Record)
	}{
		{"json", "doc.json", `{"title": "New Title", "authors": ["Jelsma, Martin", "Pien Metaal"], "date": "2005-03-14",
			"series": "Drug Policy Briefing", "number": 11, "kind": "briefing", "language": "Spanish", "keywords": "coca, policy"}`,
			func(t *testing.T, r Record) {
				want := Record{Title: "New Title", Authors: []string{"Martin Jelsma", "Pien Metaal"}, Date: "2005-03-14", Year: 2005,
					Series: "Drug Policy Briefing", Number: 11, Kind: KindBriefing, Language: "es", Keywords: []string{"coca", "policy"}}
				got := Record{Title: r.Title, Authors: r.Authors, Date: r.Date, Year: r.Year, Series: r.Series,
					Number: r.Number, Kind: r.Kind, Language: r.Language, Keywords: r.Keywords}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("got %+v\nwant %+v", got, want)
				}
			}},
		{"yaml", "doc.yaml", "title: New Title\ndate: 2005-03-14\nnumber: 11\nauthors:\n  - Ana Pérez\n",
			func(t *testing.T, r Record) {
				if r.Title != "New Title" || r.Date != "2005-03-14" || r.Year != 2005 || r.Number != 11 || !reflect.DeepEqual(r.Authors, []string{"Ana Pérez"}) {
					t.Errorf("got %q %q %d %d %q", r.Title, r.Date, r.Year, r.Number, r.Authors)
				}
			}},
		{"yml", "doc.yml", "year: 2004\n",
			func(t *testing.T, r Record) {
				if r.Year != 2004 || r.Title != "Old Title" {
					t.Errorf("Year, Title = %d, %q", r.Year, r.Title)
				}
			}},
		{"year follows date", "doc.json", `{"date": "March 2006"}`,
			func(t *testing.T, r Record) {
				if r.Date != "2006-03" || r.Year != 2006 {
					t.Errorf("Date, Year = %q, %d", r.Date, r.Year)
				}
			}},
		{"date as number", "doc.json", `{"date": 2006}`,
			func(t *testing.T, r Record) {
				if r.Date != "2006" || r.Year != 2006 {
					t.Errorf("Date, Year = %q, %d", r.Date, r.Year)
				}
			}},
		{"countries replace detected ones", "doc.json", `{"countries": ["Perú", "Narnia"]}`,
			func(t *testing.T, r Record) {
				if want := []string{"Peru", "Narnia"}; !reflect.DeepEqual(r.Countries, want) {
					t.Errorf("Countries = %q, want %q", r.Countries, want)
				}
			}},
		{"kind follows the sidecar's series", "doc.json", `{"series": "Debate Papers"}`,
			func(t *testing.T, r Record) {
				if r.Kind != KindPaper {
					t.Errorf("Kind = %q, want paper", r.Kind)
				}
			}},
		{"null clears", "doc.json", `{"authors": null}`,
			func(t *testing.T, r Record) {
				if r.Authors != nil {
					t.Errorf("Authors = %q, want none", r.Authors)
				}
			}},
		{"hash is not settable", "doc.json", `{"hash": "abc"}`,
			func(t *testing.T, r Record) {
				if r.Hash == "abc" || len(r.Hash) != 64 {
					t.Errorf("Hash = %q", r.Hash)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"doc.html": {Data: []byte(sidecarDoc)}, tt.file: {Data: []byte(tt.body)}}
			recs, err := ExtractFile(fsys, "doc.html", Options{})
			if err != nil {
				t.Fatalf("ExtractFile: %v", err)
			}
			tt.check(t, recs[0])
		})
	}
}

func TestSidecarHashIncludesSidecar(t *testing.T) {
	plain, err := ExtractFile(fstest.MapFS{"doc.html": {Data: []byte(sidecarDoc)}}, "doc.html", Options{})
	if err != nil {
		t.Fatal(err)
	}
	with, err := ExtractFile(fstest.MapFS{"doc.html": {Data: []byte(sidecarDoc)}, "doc.json": {Data: []byte(`{}`)}}, "doc.html", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if plain[0].Hash == with[0].Hash {
		t.Error("the hash does not change with a sidecar")
	}
}

func TestSidecarMalformed(t *testing.T) {
	tests := []struct {
		name, file, body, reason string
	}{
		{"bad json", "doc.json", `{"title": `, "sidecar doc.json: unexpected EOF"},
		{"json list", "doc.json", `["a"]`, "sidecar doc.json: want an object of fields, got a list"},
		{"bad yaml", "doc.yaml", "title: [unclosed\n", "sidecar doc.yaml: yaml:"},
		{"yaml scalar", "doc.yaml", "just a string\n", "want a mapping of fields, got a string"},
		{"year not a number", "doc.json", `{"year": "soon"}`, "year: want a whole number"},
		{"year out of range", "doc.json", `{"year": 1066}`, "year: 1066 is out of range"},
		{"bad date", "doc.json", `{"date": "someday"}`, `date: "someday" is not a date`},
		{"bad kind", "doc.json", `{"kind": "novel"}`, `kind: unknown kind "novel"`},
		{"authors wrong type", "doc.json", `{"authors": 3}`, "authors: want a list of strings"},
		{"number negative", "doc.json", `{"number": -1}`, "number: -1 is negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"doc.html": {Data: []byte(sidecarDoc)}, tt.file: {Data: []byte(tt.body)}}
			_, err := ExtractFile(fsys, "doc.html", Options{})
			if err == nil || !strings.Contains(err.Error(), tt.reason) {
				t.Errorf("ExtractFile with %s = %v, want an error containing %q", tt.body, err, tt.reason)
			}
			if err != nil && !strings.HasPrefix(err.Error(), "extract doc.html: ") {
				t.Errorf("error %q lacks the operation prefix", err)
			}
		})
	}
}

func TestSidecarUnknownKeyWarns(t *testing.T) {
	var warns []string
	fsys := fstest.MapFS{"doc.html": {Data: []byte(sidecarDoc)}, "doc.json": {Data: []byte(`{"autors": ["X"]}`)}}
	_, err := ExtractFile(fsys, "doc.html", Options{Warn: func(p, msg string) { warns = append(warns, p+": "+msg) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) != 1 || !strings.Contains(warns[0], "unknown fields autors") {
		t.Errorf("warnings = %q", warns)
	}
}

func TestSidecarStem(t *testing.T) {
	for in, want := range map[string]string{"a/b.html": "a/b", "a/b.html.gz": "a/b", "c.md": "c", "d": "d"} {
		if got := sidecarStem(in); got != want {
			t.Errorf("sidecarStem(%q) = %q, want %q", in, got, want)
		}
	}
}
