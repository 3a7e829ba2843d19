package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
)

var benchWords = strings.Fields(`coca cocaine leaf eradication alternative development farmers
	cultivation markets prohibition policy reform harm reduction prisons human rights
	treaty convention united nations regulation cannabis opium poppy heroin trafficking
	violence military police border crops spraying glyphosate health services needle
	exchange decriminalisation courts sentencing women indigenous communities land roads
	credit prices traders buyers villages government ministry report evidence research`)

var benchCountries = []string{"Peru", "Bolivia", "Colombia", "Ecuador", "Mexico", "Brazil", "Myanmar", "Laos", "Thailand", "Afghanistan", "Morocco", "Netherlands"}

// benchRecords generates n records with the shape of real briefings:
// a title, a few authors and countries, a dozen paragraphs.
func benchRecords(n int) []Record {
	r := rand.New(rand.NewPCG(1, 2))
	words := func(k int) string {
		w := make([]string, k)
		for i := range w {
			w[i] = benchWords[r.IntN(len(benchWords))]
		}
		return strings.Join(w, " ")
	}
	recs := make([]Record, n)
	for i := range recs {
		paras := make([]string, 8+r.IntN(8))
		for j := range paras {
			paras[j] = strings.ToUpper(words(1)[:1]) + words(40 + r.IntN(40))[1:] + "."
		}
		year := 1995 + r.IntN(30)
		recs[i] = Record{
			ID: fmt.Sprintf("b%05d", i), Kind: "briefing", Language: []string{"en", "en", "en", "es"}[r.IntN(4)],
			Title:      words(3 + r.IntN(5)),
			Series:     []string{"Drug Policy Briefing", "Debate Papers", "Legislative Reform Series"}[r.IntN(3)],
			Number:     1 + i/3,
			Year:       year,
			Date:       fmt.Sprintf("%d-%02d", year, 1+r.IntN(12)),
			Countries:  []string{benchCountries[r.IntN(len(benchCountries))], benchCountries[r.IntN(len(benchCountries))]},
			Authors:    []string{fmt.Sprintf("Author %d", r.IntN(80))},
			Abstract:   words(30),
			Paragraphs: paras,
			Hash:       fmt.Sprint(i),
		}
	}
	return recs
}

var (
	benchOnce sync.Once
	benchDir  string
)

// benchIndex builds the benchmark corpus once per test binary.
func benchIndex(b *testing.B) *Index {
	benchOnce.Do(func() {
		dir, err := mkdirTemp()
		if err != nil {
			b.Fatal(err)
		}
		benchDir = dir
		mustCommit(b, dir, BuildOptions{}, benchRecords(2000)...)
	})
	idx, err := Open(benchDir)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { idx.Close() })
	return idx
}

func BenchmarkBuild(b *testing.B) {
	recs := benchRecords(500)
	b.ReportAllocs()
	for b.Loop() {
		mustCommit(b, b.TempDir(), BuildOptions{}, recs...)
	}
}

func BenchmarkSearch(b *testing.B) {
	idx := benchIndex(b)
	ctx := context.Background()
	for _, q := range []Query{
		{Text: "coca eradication"},
		{Text: "coca eradication", Filters: map[string][]string{"country": {"Peru", "Bolivia"}}, YearFrom: 2000},
		{Text: `"harm reduction" OR prison*`, Sort: SortNewest},
		{Text: "eradicaton~ policy", Filters: map[string][]string{"language": {"en"}}},
		{},
	} {
		b.Run(q.Text+fmt.Sprint(len(q.Filters["country"])), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := idx.Search(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSnippetsByLength searches one word that occurs once, near the
// end, in a document of each size, with 3 snippets: the cost should not
// grow with the document (a 20 MB single line is the pathological case).
// The document page's first part is measured alongside.
func BenchmarkSnippetsByLength(b *testing.B) {
	filler := "the policy of the state towards the growers of the leaf was discussed again. "
	sizes := []struct {
		name string
		size int
		one  bool // all on one line
	}{
		{"10KB", 10 << 10, false}, {"1MB", 1 << 20, false}, {"20MB", 20 << 20, false}, {"20MB-one-line", 20 << 20, true},
	}
	var recs []Record
	tag := func(i int) string { return "size" + string(rune('a'+i)) } // a title word naming the document
	for i, s := range sizes {
		var paras []string
		text := strings.Repeat(filler, s.size/len(filler))
		if s.one {
			paras = []string{text + " needle" + tag(i)}
		} else {
			for len(text) > 0 {
				n := min(len(text), 40*len(filler))
				paras = append(paras, text[:n])
				text = text[n:]
			}
			paras = append(paras, "needle"+tag(i))
		}
		recs = append(recs, Record{ID: s.name, Kind: "briefing", Language: "en", Title: "Report " + tag(i), Paragraphs: paras})
	}
	idx := mustBuildIndex(b, recs...)
	ctx := context.Background()
	for i, s := range sizes {
		b.Run("search/"+s.name, func(b *testing.B) {
			for b.Loop() {
				res, err := idx.Search(ctx, Query{Text: "needle" + tag(i)})
				if err != nil || len(res.Hits) != 1 || len(res.Hits[0].Snippets) == 0 {
					b.Fatalf("%v %+v", err, res)
				}
			}
		})
		b.Run("common-word/"+s.name, func(b *testing.B) {
			// "growers" occurs in every sentence: the first occurrences
			// decide the passages.
			// The other documents follow as partial matches (they hold
			// "growers" only), with their snippets: the first is this one.
			for b.Loop() {
				res, err := idx.Search(ctx, Query{Text: "growers " + tag(i)})
				if err != nil || res.Total != 1 || res.Hits[0].ID != s.name || len(res.Hits[0].Snippets) == 0 {
					b.Fatalf("%v %+v", err, res)
				}
			}
		})
		b.Run("page/"+s.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := idx.Document(ctx, s.name); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
