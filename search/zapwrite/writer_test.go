package zapwrite

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"unsafe"

	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
	zap "github.com/blevesearch/zapx/v15"
)

// testMapping has a field of each kind the index of briefs uses: prose
// with term vectors, a multi-valued name field with term vectors, keyword
// fields with and without doc values, numbers and dates with doc values,
// stored-only and stored keyword values, and an indexed field without
// frequencies.
func testMapping() *mapping.IndexMappingImpl {
	im := mapping.NewIndexMapping()
	im.IndexDynamic, im.StoreDynamic, im.DocValuesDynamic = false, false, false
	dm := mapping.NewDocumentStaticMapping()
	add := func(name string, fm *mapping.FieldMapping) {
		fm.Name = name
		dm.AddFieldMappingsAt(name, fm)
	}
	add("body_en", &mapping.FieldMapping{Type: "text", Analyzer: en.AnalyzerName, Index: true, IncludeTermVectors: true})
	add("title_en", &mapping.FieldMapping{Type: "text", Analyzer: en.AnalyzerName, Index: true, IncludeTermVectors: true})
	add("author_text", &mapping.FieldMapping{Type: "text", Analyzer: "standard", Index: true, IncludeTermVectors: true})
	add("spell", &mapping.FieldMapping{Type: "text", Analyzer: "standard", Index: true, SkipFreqNorm: true})
	add("author", &mapping.FieldMapping{Type: "text", Analyzer: keyword.Name, Index: true, DocValues: true})
	add("series", &mapping.FieldMapping{Type: "text", Analyzer: keyword.Name, Index: true})
	add("year", &mapping.FieldMapping{Type: "number", Index: true, DocValues: true, Store: true})
	add("date", &mapping.FieldMapping{Type: "datetime", Index: true, DocValues: true})
	add("hash", &mapping.FieldMapping{Type: "text", Analyzer: keyword.Name, Store: true})
	add("root", &mapping.FieldMapping{Type: "text", Analyzer: keyword.Name, Index: true, Store: true})
	dm.AddSubDocumentMapping("_all", mapping.NewDocumentDisabledMapping())
	im.DefaultMapping = dm
	return im
}

var words = strings.Fields(`coca leaf eradication policy drug markets cannabis regulation
	treaty reform harm reduction prison alternative development farmers bolivia colombia
	peru the of and in to a is that for on with as crop substitution violence trade united
	nations commission narcotic psychotropic control system human rights health evidence`)

// testDocs makes n analysed documents, some fields missing at random, the
// way scorch hands them to a segment plugin.
func testDocs(t testing.TB, im *mapping.IndexMappingImpl, n int, seed int64) []index.Document {
	r := rand.New(rand.NewSource(seed))
	text := func(k int) string {
		var b strings.Builder
		for i := range k {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[r.Intn(len(words))])
			if r.Intn(40) == 0 {
				fmt.Fprintf(&b, " w%d", r.Intn(5000)) // a long tail of rare terms
			}
		}
		return b.String()
	}
	var docs []index.Document
	for i := range n {
		data := map[string]any{
			"body_en": text(20 + r.Intn(400)),
			"spell":   text(30),
			"hash":    fmt.Sprintf("h%x", r.Int63()),
			"root":    "/data/" + []string{"a", "b"}[r.Intn(2)],
		}
		if r.Intn(5) > 0 {
			data["title_en"] = text(3 + r.Intn(8))
		}
		if r.Intn(4) > 0 {
			var names []any
			for range 1 + r.Intn(3) {
				names = append(names, []string{"Tom Blickman", "Martin Jelsma", "Pien Metaal", "Amira Armenta"}[r.Intn(4)])
			}
			data["author"] = names
			data["author_text"] = names
		}
		if r.Intn(3) > 0 {
			data["series"] = fmt.Sprintf("Drug Policy Briefing %d", r.Intn(9))
			data["year"] = float64(1990 + r.Intn(35))
			data["date"] = fmt.Sprintf("%d-0%d-1%d", 1990+r.Intn(35), 1+r.Intn(9), r.Intn(9))
		}
		doc := document.NewDocument(fmt.Sprintf("doc-%05d-%d", i, r.Intn(100)))
		if err := im.MapDocument(doc, data); err != nil {
			t.Fatal(err)
		}
		doc.AddIDField()
		doc.VisitFields(func(f index.Field) {
			if f.Options().IsIndexed() {
				f.Analyze()
			}
		})
		docs = append(docs, doc)
	}
	return docs
}

func persisted(t *testing.T, sb *zap.SegmentBase) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "seg.zap")
	if err := zap.PersistSegmentBase(sb, path); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func written(t *testing.T, w *Writer) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ours.zap")
	if err := w.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestMatchesZap: a Writer's segment is, byte for byte, the one zapx/v15
// builds from the same documents, across chunk boundaries of postings
// (over 1,024 documents) and doc values.
func TestMatchesZap(t *testing.T) {
	im := testMapping()
	for _, n := range []int{1, 7, 300, 2600} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			docs := testDocs(t, im, n, int64(n))
			want, _, err := (&zap.ZapPlugin{}).New(docs)
			if err != nil {
				t.Fatal(err)
			}
			// Documents of their own: zap merges a field's values into
			// the first value's token frequencies, as the Writer does.
			w := New()
			for i, d := range testDocs(t, im, n, int64(n)) {
				num, err := w.Add(d)
				if err != nil {
					t.Fatal(err)
				}
				if num != i {
					t.Fatalf("document %d numbered %d", i, num)
				}
			}
			sameSegment(t, want.(*zap.SegmentBase), w)
		})
	}
}

// TestParallelMatchesZap: a segment whose fields are encoded by several
// goroutines, in small batches, is still zap's.
func TestParallelMatchesZap(t *testing.T) {
	defer func(b, p, w int) { batchPostings, parallelPostings, encodeWorkers = b, p, w }(
		batchPostings, parallelPostings, encodeWorkers)
	batchPostings, parallelPostings, encodeWorkers = 50, 1, 3
	im := testMapping()
	docs := testDocs(t, im, 1200, 5)
	want, _, err := (&zap.ZapPlugin{}).New(docs)
	if err != nil {
		t.Fatal(err)
	}
	w := New()
	for _, d := range testDocs(t, im, 1200, 5) {
		if _, err := w.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	sameSegment(t, want.(*zap.SegmentBase), w)
}

// sameSegment fails t unless w writes, byte for byte, the segment zap built.
func sameSegment(t *testing.T, want *zap.SegmentBase, w *Writer) {
	t.Helper()
	wb, gb := persisted(t, want), written(t, w)
	if !bytes.Equal(wb, gb) {
		i := 0
		for i < len(wb) && i < len(gb) && wb[i] == gb[i] {
			i++
		}
		t.Fatalf("segments differ: zap %d bytes, ours %d; first difference at byte %d", len(wb), len(gb), i)
	}
}

func TestAddWithoutID(t *testing.T) {
	doc := document.NewDocument("x")
	if _, err := New().Add(doc); err == nil {
		t.Fatal("a document without its _id field was accepted")
	}
	if err := New().WriteFile(filepath.Join(t.TempDir(), "x.zap")); err == nil {
		t.Fatal("an empty segment was written")
	}
}

// TestAnalysedMatchesZap: prose fields given as token streams (Analysed)
// make the same segment as the same fields analysed by bleve.
func TestAnalysedMatchesZap(t *testing.T) {
	im := testMapping()
	outside := map[string]bool{"body_en": true, "title_en": true, "spell": true}
	for _, n := range []int{3, 1500} {
		docs := testDocs(t, im, n, int64(n))
		want, _, err := (&zap.ZapPlugin{}).New(docs)
		if err != nil {
			t.Fatal(err)
		}
		w := New()
		// Every other document gives its terms' TermRefs, one per field
		// and term, kept across documents as the analysis memo keeps them.
		refs := map[string]*TermRef{}
		for i, d := range testDocs(t, im, n, int64(n)) {
			doc := d.(*document.Document)
			var analysed []Analysed
			fields := doc.Fields[:0]
			for _, f := range doc.Fields {
				if !outside[f.Name()] {
					fields = append(fields, f)
					continue
				}
				fm := im.DefaultMapping.Properties[f.Name()].Fields[0]
				toks := im.AnalyzerNamed(fm.Analyzer).Analyze(f.Value())
				a := Analysed{Name: f.Name(), Tokens: toks, Vectors: fm.IncludeTermVectors, SkipFreqNorm: fm.SkipFreqNorm}
				if !a.Vectors { // the terms alone will do
					a.Tokens = nil
					for _, tok := range toks {
						a.Terms = append(a.Terms, tok.Term)
					}
				}
				if i%2 == 1 {
					for _, tok := range toks {
						key := f.Name() + "\x00" + string(tok.Term)
						if refs[key] == nil {
							refs[key] = new(TermRef)
						}
						a.Refs = append(a.Refs, refs[key])
					}
				}
				analysed = append(analysed, a)
			}
			doc.Fields = fields
			if _, err := w.Add(doc, analysed...); err != nil {
				t.Fatal(err)
			}
		}
		t.Run(fmt.Sprint(n), func(t *testing.T) { sameSegment(t, want.(*zap.SegmentBase), w) })
	}
}

// A termState is read for every token of its term: it must stay one
// cache line.
func TestTermStateIsOneLine(t *testing.T) {
	if n := unsafe.Sizeof(termState{}); n != 64 {
		t.Fatalf("termState is %d bytes, want 64", n)
	}
}

// While a memory budget is set, the runtime's memory limit leaves room
// for the postings held outside the Go heap, and gets it back once the
// segment is written.
func TestMemoryBudget(t *testing.T) {
	prevLimit := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(prevLimit)
	const total = 1 << 30
	if prev := SetMemoryBudget(total); prev != 0 {
		t.Fatalf("a budget was set before: %d", prev)
	}
	defer SetMemoryBudget(0)
	if got := debug.SetMemoryLimit(-1); got != total {
		t.Fatalf("limit %d before any Writer, want %d", got, total)
	}
	im := testMapping()
	w := New()
	for _, d := range testDocs(t, im, 50, 3) {
		if _, err := w.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	held := int64(w.log.mapped)
	if held == 0 && runtime.GOOS == "linux" {
		t.Fatal("the postings log mapped nothing")
	}
	if got := debug.SetMemoryLimit(-1); got != total-held {
		t.Errorf("limit %d while %d bytes are mapped, want %d", got, held, total-held)
	}
	written(t, w)
	if got := debug.SetMemoryLimit(-1); got != total {
		t.Errorf("limit %d after the segment was written, want %d", got, total)
	}
}
