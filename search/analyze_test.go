package search

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
)

// TestDocAnalysisMatchesMapping checks that docAnalysis gives every field
// of a record the index terms bleve's own analysis of the mapped record
// gives: the same terms with the same frequencies, offsets, positions and
// field lengths for the prose fields, the same set of words for
// FieldSpell. The records are the demo corpus's texts in every language
// group, analysed twice each so that the second pass comes from the memo.
func TestDocAnalysisMatchesMapping(t *testing.T) {
	m := newMapping()
	d, err := newDocAnalysis(m)
	if err != nil {
		t.Fatal(err)
	}
	texts := append(analysisSamples(), "ΣΊΣΥΦΟΣ İstanbul ǅemal: the THE The; co-operation, 3.5% U.S.-led \uFFFD")
	if len(texts) < 20 {
		t.Fatalf("only %d texts: demo corpus missing", len(texts))
	}
	compared := 0
	for pass := 0; pass < 2; pass++ {
		for i, text := range texts {
			g := langGroups[i%len(langGroups)]
			paras := strings.Split(text, "\n\n")
			rec := Record{ID: fmt.Sprintf("r%d", i), Title: firstLine(text), Abstract: paras[len(paras)/2],
				Keywords: []string{"Harm reduction", "coca"}, Paragraphs: paras, Language: g}
			fields := docFields(validText(rec), "")
			want := document.NewDocument(rec.ID)
			if err := m.MapDocument(want, fields); err != nil {
				t.Fatal(err)
			}
			got, err := d.document(m, rec.ID, fields)
			if err != nil {
				t.Fatal(err)
			}
			analyzeAll(want)
			analyzeAll(got)
			w, o := fieldTerms(want), fieldTerms(got)
			if len(w) != len(o) {
				t.Fatalf("record %d (%s): fields %v, want %v", i, g, slices.Sorted(maps.Keys(o)), slices.Sorted(maps.Keys(w)))
			}
			for name, wt := range w {
				if o[name] != wt {
					t.Fatalf("record %d (%s), field %s:\n got %.600s\nwant %.600s", i, g, name, o[name], wt)
				}
				compared++
			}
		}
	}
	if compared == 0 {
		t.Fatal("nothing compared")
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func analyzeAll(doc *document.Document) {
	doc.VisitFields(func(f index.Field) {
		if f.Options().IsIndexed() {
			f.Analyze()
		}
	})
}

// fieldTerms describes each indexed field's analysis as a string: for
// FieldSpell the sorted set of terms, for other fields each term with its
// frequency and locations, and the field length.
func fieldTerms(doc *document.Document) map[string]string {
	out := map[string]string{}
	doc.VisitFields(func(f index.Field) {
		if !f.Options().IsIndexed() {
			return
		}
		tf := f.AnalyzedTokenFrequencies()
		terms := make([]string, 0, len(tf))
		for term, freq := range tf {
			if f.Name() == FieldSpell {
				terms = append(terms, term)
				continue
			}
			var b strings.Builder
			fmt.Fprintf(&b, "%s×%d", term, freq.Frequency())
			for _, l := range freq.Locations {
				fmt.Fprintf(&b, " %v:%d-%d@%d", l.ArrayPositions, l.Start, l.End, l.Position)
			}
			terms = append(terms, b.String())
		}
		sort.Strings(terms)
		key := fmt.Sprintf("%s%v", f.Name(), f.ArrayPositions())
		desc := strings.Join(terms, "|")
		if f.Name() != FieldSpell {
			desc = fmt.Sprintf("len %d: %s", f.AnalyzedLength(), desc)
		}
		out[key] = desc
	})
	return out
}

// BenchmarkDocAnalysis analyses the demo corpus's texts as English
// records, as bleve's mapping would ("mapping") and with docAnalysis
// ("shared"): the CPU an ingest spends in analysis, per record.
func BenchmarkDocAnalysis(b *testing.B) {
	files, _ := filepath.Glob("../testdata/corpus/*/*.txt")
	html, _ := filepath.Glob("../testdata/corpus/*/*.html")
	files = append(files, html...)
	var recs []map[string]any
	for i, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		paras := strings.Split(string(text), "\n\n")
		fields := docFields(Record{ID: fmt.Sprint(i), Title: firstLine(string(text)), Paragraphs: paras, Language: "en"}, "")
		recs = append(recs, fields)
	}
	if len(recs) == 0 {
		b.Fatal("no demo corpus texts")
	}
	m := newMapping()
	d, err := newDocAnalysis(m)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("mapping", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			doc := document.NewDocument("x")
			if err := m.MapDocument(doc, recs[i%len(recs)]); err != nil {
				b.Fatal(err)
			}
			analyzeAll(doc)
		}
	})
	b.Run("shared", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			doc, err := d.document(m, "x", recs[i%len(recs)])
			if err != nil {
				b.Fatal(err)
			}
			analyzeAll(doc)
		}
	})
}
