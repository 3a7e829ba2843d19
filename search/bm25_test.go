package search

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	index "github.com/blevesearch/bleve_index_api"
)

func TestBM25Score(t *testing.T) {
	idx := mustBuildIndex(t,
		Record{ID: "a", Language: "en", Title: "Markets", Paragraphs: []string{"coca coca trade"}},
		Record{ID: "b", Language: "en", Title: "Prices", Paragraphs: []string{"trade roads credit farmers"}},
	)
	res := mustSearch(t, idx, Query{Text: "coca"})
	if len(res.Hits) != 1 {
		t.Fatalf("Search(coca) = %v, want [a]", ids(res))
	}
	// BM25F by hand: 2 records, "coca" in one; body lengths 3 and 4; the
	// term twice in a body of 3 terms. Exact tf (not bleve's sqrt) and the
	// real average length (not bleve's dictionary size per record).
	idf := math.Log(1 + (2-1+0.5)/(1+0.5))
	tf := 2 / (1 - bm25B + bm25B*3/3.5)
	want := idf * tf * (bm25K1 + 1) / (tf + bm25K1)
	if got := res.Hits[0].Score; math.Abs(got-want) > 1e-9 {
		t.Errorf("score of a = %v, want %v", got, want)
	}
}

func TestBM25Ranking(t *testing.T) {
	for _, tc := range []struct {
		name string
		recs []Record
		q    string
		want string // IDs in order; with a trailing "...", only the first ones
	}{
		{"more occurrences rank first",
			[]Record{body("once", "coca markets prices trade"), body("thrice", "coca coca coca markets")},
			"coca", "thrice once"},
		{"a shorter record with the same occurrences ranks first",
			[]Record{body("long", "coca markets prices trade roads credit farmers"), body("short", "coca markets")},
			"coca", "short long"},
		{"a rarer word weighs more",
			[]Record{body("common", "coca markets"), body("rare", "glyphosate markets"), body("c2", "coca prices"), body("c3", "coca trade")},
			"coca OR glyphosate", "rare ..."}, // the others tie
		{"a record with more of a long query's words ranks first",
			[]Record{body("two", "coca eradication markets prices"), body("four", "coca eradication peru bolivia"), body("one", "coca roads credit farmers")},
			"coca eradication in peru and bolivia", "four two one"},
		{"a word in the title outweighs the same word in the body",
			[]Record{{ID: "title", Language: "en", Title: "Coca", Paragraphs: []string{"markets prices"}},
				{ID: "body", Language: "en", Title: "Markets", Paragraphs: []string{"coca prices"}}},
			"coca", "title body"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			idx := mustBuildIndex(t, tc.recs...)
			res := mustSearch(t, idx, Query{Text: tc.q})
			got := strings.Join(ids(res), " ")
			if want, ok := strings.CutSuffix(tc.want, " ..."); ok {
				got = got[:min(len(got), len(want))]
				tc.want = want
			}
			if got != tc.want {
				t.Errorf("Search(%q) = %v, want %s", tc.q, got, tc.want)
			}
		})
	}
}

// body is an English record with one paragraph and a title no query uses.
func body(id, text string) Record {
	return Record{ID: id, Language: "en", Title: "Untitled", Paragraphs: []string{text}}
}

func TestCorpusStats(t *testing.T) {
	idx := mustBuildIndex(t,
		Record{ID: "a", Language: "en", Title: "Coca", Paragraphs: []string{"coca markets prices", "roads"}},
		Record{ID: "b", Language: "en", Title: "Coca markets", Paragraphs: []string{"coca"}, Abstract: "eradication failed"},
		Record{ID: "c", Language: "es", Title: "Hoja de coca", Paragraphs: []string{"mercados"}},
	)
	g := acquired(t, idx)
	st, err := g.stats()
	if err != nil {
		t.Fatal(err)
	}
	again, _ := g.stats()
	if again != st {
		t.Errorf("stats() computed twice for one generation")
	}
	for _, tc := range []struct {
		field string
		want  float64
	}{
		{"title_en", 1.5},  // 1 and 2 terms
		{"body_en", 2.5},   // 3+1 and 1 terms (paragraphs add up)
		{"abstract_en", 2}, // only b has one
		{"title_es", 2},    // "de" is a Spanish stop word
		{"abstract_es", 0}, // none
		{"body_pt", 0},     // no such group
	} {
		if got := st.AvgLen[tc.field]; got != tc.want {
			t.Errorf("avgLen[%s] = %v, want %v", tc.field, got, tc.want)
		}
	}
	if st.GroupDocs["en"] != 2 || st.GroupDocs["es"] != 1 {
		t.Errorf("groupDocs = %v, want en 2, es 1", st.GroupDocs)
	}
}

func TestDocSet(t *testing.T) {
	var s docSet
	for _, id := range []index.IndexInternalID{
		index.NewIndexInternalID(nil, 0), index.NewIndexInternalID(nil, 63),
		index.NewIndexInternalID(nil, 64), index.NewIndexInternalID(nil, 1000),
		index.IndexInternalID("doc-a"), index.IndexInternalID("doc-b"),
	} {
		if !s.add(id) {
			t.Errorf("add(%v) = false on first add", id)
		}
		if s.add(id) {
			t.Errorf("add(%v) = true on second add", id)
		}
	}
	if len(s.bits) != 16 || len(s.other) != 2 {
		t.Errorf("docSet holds %d words and %d other IDs, want 16 and 2", len(s.bits), len(s.other))
	}
}

func TestStoredStats(t *testing.T) {
	mem, err := bleve.NewMemOnly(newMapping())
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	for _, r := range []Record{
		{ID: "a", Language: "en", Title: "Coca markets", Paragraphs: []string{"coca prices"}},
		{ID: "b", Language: "en", Title: "Coca", Paragraphs: []string{"roads"}},
	} {
		if err := mem.Index(r.ID, docFields(r, "")); err != nil {
			t.Fatal(err)
		}
	}
	// What a Builder stores is what a scan finds.
	value, err := statsValue(mem)
	if err != nil {
		t.Fatal(err)
	}
	var stored corpusStats
	if err := json.Unmarshal(value, &stored); err != nil {
		t.Fatalf("statsValue = %s: %v", value, err)
	}
	if stored.GroupDocs["en"] != 2 || stored.AvgLen["title_en"] != 1.5 || stored.AvgLen["body_en"] != 1.5 {
		t.Errorf("statsValue = %s, want en 2 records, title and body 1.5 terms", value)
	}
	// A stored value is used instead of a scan.
	if err := mem.SetInternal([]byte(internalStats), []byte(`{"group_docs":{"en":7},"avg_len":{"body_en":9}}`)); err != nil {
		t.Fatal(err)
	}
	g := &generation{idx: mem, groups: []string{"en"}}
	st, err := g.stats()
	if err != nil {
		t.Fatal(err)
	}
	if st.GroupDocs["en"] != 7 || st.AvgLen["body_en"] != 9 {
		t.Errorf("stats() = %+v, want the stored value", st)
	}
}

func TestBM25Languages(t *testing.T) {
	idx := mustBuildIndex(t,
		Record{ID: "en-1", Language: "en", Title: "Coca in Bolivia", Paragraphs: []string{"Forced eradication of coca in Bolivia failed."}},
		Record{ID: "en-2", Language: "en", Title: "Markets", Paragraphs: []string{"Prices of coffee and cocoa fell."}},
		Record{ID: "en-3", Language: "en", Title: "Prisons", Paragraphs: []string{"Prisons are full of small offenders."}},
		Record{ID: "es-1", Language: "es", Title: "Coca en Bolivia", Paragraphs: []string{"La erradicación forzosa de la coca en Bolivia fracasó."}},
	)
	for _, tc := range []struct {
		q, first string
	}{
		// The only Spanish record says "coca" and "Bolivia" like the
		// English one: per-language statistics would give those words no
		// weight there (every Spanish record has them) and rank it last.
		{"¿Qué dicen los informes sobre la erradicación forzosa de la coca en Bolivia?", "es-1"},
		{"What do the reports say about forced eradication of coca in Bolivia?", "en-1"},
	} {
		res := mustSearch(t, idx, Query{Text: tc.q})
		if got := ids(res); len(got) < 2 || got[0] != tc.first {
			t.Errorf("Search(%q) = %v, want %s first", tc.q, got, tc.first)
		}
	}
}
