package search

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	fixtureOnce sync.Once
	fixtureIdx  *Index
	fixtureDir  string
)

// fixtureIndex is the fixture corpus, built once for the tests that only
// read it.
// acquired returns idx's current generation, released when the test ends.
func acquired(t *testing.T, idx *Index) *generation {
	t.Helper()
	g, err := idx.acquire()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(g.release)
	return g
}

func fixtureIndex(t *testing.T) *Index {
	t.Helper()
	fixtureOnce.Do(func() {
		dir, err := mkdirTemp()
		if err != nil {
			t.Fatal(err)
		}
		fixtureDir = dir
		b, err := NewBuilder(dir, BuildOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range fixture() {
			if err := b.Add(r); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := b.Commit(); err != nil {
			t.Fatal(err)
		}
		if fixtureIdx, err = Open(dir); err != nil {
			t.Fatal(err)
		}
	})
	if fixtureIdx == nil {
		t.Fatal("fixture index failed to build")
	}
	return fixtureIdx
}

func TestQueries(t *testing.T) {
	idx := fixtureIndex(t)
	for _, tc := range []struct {
		q       string
		want    []string // as a set
		inOrder bool
	}{
		{q: "coca", want: []string{"dpb-10", "dpb-11", "dpb-12", "dpb-12-es", "pubs-ref-1"}},
		// English stemming: eradicate finds eradication; Spanish stemming on Spanish records.
		{q: "eradicate", want: []string{"dpb-10", "pubs-ref-1"}},
		{q: "erradicaciones", want: []string{"dpb-13-es"}},
		{q: "cultivo", want: []string{"dpb-13-es"}},
		{q: "convención", want: []string{"dpb-12-es"}},
		// A stop word of one language does not empty the AND in that language.
		{q: "the coca leaf", want: []string{"dpb-12"}},
		{q: "war on drugs", want: []string{"op-1"}},
		{q: `"coca leaf"`, want: []string{"dpb-12"}},
		{q: `"leaf coca"`, want: nil},
		{q: `"hoja de coca"`, want: []string{"dpb-12-es"}},
		{q: "coca OR cannabis", want: []string{"dpb-10", "dpb-11", "dpb-12", "dpb-12-es", "pubs-ref-1", "dp-2"}},
		// NOT excludes by text: dpb-12 is about Peru by metadata, not in its text.
		{q: "coca -peru", want: []string{"dpb-11", "dpb-12", "dpb-12-es"}},
		{q: "coca NOT (peru OR bolivia)", want: []string{"dpb-11"}},
		{q: "(harm OR cannabis) netherlands", want: nil},
		{q: "title:coca", want: []string{"dpb-10", "dpb-12", "dpb-12-es", "pubs-ref-1"}},
		{q: "title:(spraying OR cannabis)", want: []string{"dpb-11", "dp-2", "pubs-ref-2"}},
		{q: "text:glyphosate", want: []string{"dpb-11"}},
		{q: "author:soberón", want: []string{"dpb-10"}},
		{q: "author:Soberón", want: []string{"dpb-10"}},
		{q: "author:soberon", want: []string{"dpb-10"}},
		{q: `author:"ricardo soberon garrido"`, want: []string{"dpb-10"}},
		{q: "author:metaal -language:es", want: []string{"dpb-12", "op-1"}},
		{q: "author:jelsm*", want: []string{"dpb-11", "dpb-12", "dpb-12-es"}},
		{q: "author:jelsmo~", want: []string{"dpb-11", "dpb-12", "dpb-12-es"}},
		{q: "country:peru", want: []string{"dpb-10", "dpb-12", "dpb-12-es"}},
		{q: "country:PERÚ", want: []string{"dpb-10", "dpb-12", "dpb-12-es"}},
		{q: `series:"debate papers"`, want: []string{"dp-1", "dp-2"}},
		{q: "series:debate", want: []string{"dp-1", "dp-2"}},
		{q: "language:spanish", want: []string{"dpb-12-es", "dpb-13-es"}},
		{q: "language:es coca", want: []string{"dpb-12-es"}},
		{q: "kind:opinion", want: []string{"op-1"}},
		{q: "year:2004..2005 coca", want: []string{"dpb-10", "dpb-11", "pubs-ref-1"}},
		{q: "year:2009", want: []string{"dp-2"}},
		{q: "year:..2001", want: []string{"dp-1"}},
		{q: "erad*", want: []string{"dpb-10", "pubs-ref-1"}},
		{q: "errad*", want: []string{"dpb-13-es"}},
		{q: "glyphosat~", want: []string{"dpb-11"}},
		{q: "cannabsi~", want: []string{"dp-2"}},
		{q: "zzz*", want: nil},
		{q: "zzz* OR cannabis", want: []string{"dp-2"}},
	} {
		t.Run(tc.q, func(t *testing.T) {
			// The wanted records, as the works they are versions of: a
			// search returns each work once.
			res := mustSearch(t, idx, Query{Text: tc.q, Size: 50})
			got, want := fullIDs(res), workIDs(tc.want)
			if !tc.inOrder {
				slices.Sort(got)
			}
			if strings.Join(workIDs(got), " ") != strings.Join(want, " ") || len(got) != len(want) {
				t.Errorf("Search(%q) = %v, want the works %v (searched for %q)", tc.q, got, want, res.SearchedFor)
			}
			if res.Total != uint64(len(want)) {
				t.Errorf("Search(%q).Total = %d, want %d", tc.q, res.Total, len(want))
			}
		})
	}
}

func TestTitleRanksAboveBody(t *testing.T) {
	idx := mustBuildIndex(t,
		Record{ID: "body", Language: "en", Title: "Markets", Paragraphs: []string{"Coca is grown here, coca is sold there."}},
		Record{ID: "title", Language: "en", Title: "Coca", Paragraphs: []string{"Markets are everywhere."}},
	)
	if got := ids(mustSearch(t, idx, Query{Text: "coca"})); strings.Join(got, " ") != "title body" {
		t.Errorf("Search(coca) = %v, want the title match first", got)
	}
}

// TestPartialMatches checks that a query of two or three words lists the
// records holding every word first, counted in Total and the facets, and
// after them, marked Partial and counted in More, those holding some.
func TestPartialMatches(t *testing.T) {
	idx := fixtureIndex(t)
	res := mustSearch(t, idx, Query{Text: "coca peru", Size: 50})
	var full, part []string
	for _, h := range res.Hits {
		switch {
		case !h.Partial && len(part) > 0:
			t.Errorf("Search(coca peru): full match %s after partial ones %v", h.ID, part)
		case h.Partial:
			part = append(part, h.ID)
		default:
			full = append(full, h.ID)
		}
	}
	if len(full) == 0 || uint64(len(full)) != res.Total || len(part) == 0 || uint64(len(part)) != res.More {
		t.Fatalf("Search(coca peru) = full %v, partial %v; Total %d, More %d", full, part, res.Total, res.More)
	}
	langs := 0
	for _, v := range res.Facets.Term("language").Values {
		langs += v.Count
	}
	if uint64(langs) != res.Total {
		t.Errorf("Search(coca peru): language facet counts %d records, want the %d full matches", langs, res.Total)
	}
	// Pages run on from the full matches into the partial ones.
	var paged []string
	for page, pages := 1, 1; page <= pages; page++ {
		r := mustSearch(t, idx, Query{Text: "coca peru", Size: 2, Page: page})
		paged, pages = append(paged, ids(r)...), r.Pages
	}
	if all := append(full, part...); !slices.Equal(paged, all) {
		t.Errorf("Search(coca peru) in pages of 2 = %v, want %v", paged, all)
	}

	res = mustSearch(t, idx, Query{Text: "coca peru unicorns"})
	if res.Total != 0 || res.More == 0 || !res.Hits[0].Partial || res.Hits[0].ID != "dpb-10" {
		t.Fatalf("Search(coca peru unicorns) = %v, Total %d, More %d; want only partial matches, dpb-10 first", ids(res), res.Total, res.More)
	}
	if !slices.Contains(res.Notes, "no document has all the words; showing documents with some of them") {
		t.Errorf("Search(coca peru unicorns) notes = %q, want the fallback note", res.Notes)
	}
	// One word has no partial matches, nor an explicit AND; operators stay
	// required in the partial matches.
	for _, q := range []string{"unicorns", "coca AND peru AND unicorns", `"unicorn horns" coca peru unicorns`} {
		if res := mustSearch(t, idx, Query{Text: q}); res.Total != 0 || res.More != 0 {
			t.Errorf("Search(%q) = %v, want nothing", q, ids(res))
		}
	}
	// A misspelt word is the usual reason for no full match: the
	// respelled query is suggested beside the partial matches.
	res = mustSearch(t, idx, Query{Text: "coca peru eradicaton"})
	if res.More == 0 || res.Suggestion != "coca peru eradication" {
		t.Errorf("Search(coca peru eradicaton) = %d partial matches, suggestion %q; want some and the respelling",
			res.More, res.Suggestion)
	}
}

func TestRankedMatching(t *testing.T) {
	idx := fixtureIndex(t)
	for _, tc := range []struct {
		name   string
		q      string
		top    string   // first hit, "" for none
		want   []string // must be among the hits
		absent []string // must not be
	}{
		{name: "a question finds records with some of its words, the best first",
			q: "What has forced eradication of coca achieved in the Upper Huallaga?", top: "dpb-10",
			want: []string{"dpb-11", "dpb-12", "pubs-ref-1"}},
		{name: "request words are not searched",
			q: "find articles about harm reduction", top: "dp-1", absent: []string{"dpb-12"}}, // dpb-12: "the article that bans"
		{name: "a phrase ranks but is not required",
			q: `forced eradication upper huallaga "unicorn horns"`, top: "dpb-10"},
		{name: "+phrase is required",
			q: `+"unicorn horns" forced eradication upper huallaga`},
		{name: "+word is required",
			q: "+glyphosate coca cultivation moved areas", top: "dpb-11", absent: []string{"dpb-10"}},
		{name: "-word excludes",
			q: "coca cultivation eradication fields -peru", top: "dpb-11", absent: []string{"dpb-10", "pubs-ref-1"}},
		{name: "a field query is required",
			q: "coca cultivation eradication fields author:jelsma", top: "dpb-11", absent: []string{"dpb-10"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := mustSearch(t, idx, Query{Text: tc.q, Size: 50})
			got := ids(res)
			switch {
			case tc.top == "" && len(got) > 0:
				t.Errorf("Search(%q) = %v, want nothing", tc.q, got)
			case tc.top != "" && (len(got) == 0 || got[0] != tc.top):
				t.Errorf("Search(%q) = %v, want %s first", tc.q, got, tc.top)
			}
			for _, id := range tc.want {
				if !slices.Contains(workIDs(got), workIDs([]string{id})[0]) {
					t.Errorf("Search(%q) = %v, want %s among them", tc.q, got, id)
				}
			}
			for _, id := range tc.absent {
				if slices.Contains(workIDs(got), workIDs([]string{id})[0]) {
					t.Errorf("Search(%q) = %v, want no %s", tc.q, got, id)
				}
			}
			if len(got) > 0 && !slices.ContainsFunc(res.Notes, func(n string) bool { return strings.HasPrefix(n, "a long query") }) {
				t.Errorf("Search(%q).Notes = %q, want the long-query note", tc.q, res.Notes)
			}
		})
	}
}

func TestFilters(t *testing.T) {
	idx := fixtureIndex(t)
	for _, tc := range []struct {
		name string
		q    Query
		want []string
	}{
		{"one country", Query{Filters: map[string][]string{"country": {"peru"}}}, []string{"dpb-10", "dpb-12", "dpb-12-es"}},
		{"two countries are ORed", Query{Filters: map[string][]string{"country": {"Colombia", "Morocco"}}}, []string{"dp-2", "dpb-11"}},
		{"facets are ANDed", Query{Filters: map[string][]string{"country": {"Bolivia"}, "language": {"es"}}}, []string{"dpb-12-es", "dpb-13-es"}},
		{"language by name", Query{Filters: map[string][]string{"language": {"Spanish"}}, Text: "coca"}, []string{"dpb-12-es"}},
		{"author accents", Query{Filters: map[string][]string{"author": {"ricardo soberon garrido"}}}, []string{"dpb-10"}},
		{"series", Query{Filters: map[string][]string{"series": {"Debate Papers"}}}, []string{"dp-1", "dp-2"}},
		{"kind", Query{Filters: map[string][]string{"kind": {"Paper"}}}, []string{"dp-1", "dp-2"}},
		{"year from", Query{YearFrom: 2008}, []string{"dp-2", "dpb-13-es"}},
		{"year range", Query{YearFrom: 2004, YearTo: 2005, Filters: map[string][]string{"kind": {"briefing"}}}, []string{"dpb-10", "dpb-11"}},
		{"unknown value", Query{Filters: map[string][]string{"country": {"Atlantis"}}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ids(mustSearch(t, idx, tc.q))
			if strings.Join(workIDs(got), " ") != strings.Join(workIDs(tc.want), " ") || len(got) != len(workIDs(tc.want)) {
				t.Errorf("Search(%+v) = %v, want the works %v", tc.q, got, workIDs(tc.want))
			}
		})
	}
}

func TestFiltersDoNotChangeScores(t *testing.T) {
	idx := fixtureIndex(t)
	all := mustSearch(t, idx, Query{Text: "coca"})
	some := mustSearch(t, idx, Query{Text: "coca", Filters: map[string][]string{"country": {"Peru"}}})
	scores := map[string]float64{}
	for _, h := range all.Hits {
		scores[h.ID] = h.Score
	}
	for _, h := range some.Hits {
		if h.Score != scores[h.ID] {
			t.Errorf("score of %s with a filter = %v, without = %v", h.ID, h.Score, scores[h.ID])
		}
	}
}

func TestSorting(t *testing.T) {
	// Equal scores everywhere: ties are broken by date (newest first), then ID.
	idx := mustBuildIndex(t,
		Record{ID: "c", Language: "en", Title: "Coca", Date: "2005-01", Series: "B", Number: 2},
		Record{ID: "a", Language: "en", Title: "Coca", Date: "2005-01", Series: "B", Number: 1},
		Record{ID: "b", Language: "en", Title: "Coca", Date: "2007", Series: "A", Number: 9},
		Record{ID: "d", Language: "en", Title: "Coca"},
		Record{ID: "e", Language: "en", Title: "Coca", Date: "2001-12-31", Series: "A", Number: 10},
	)
	for _, tc := range []struct {
		sort string
		want string
	}{
		{SortRelevance, "b a c e d"},
		{"", "b a c e d"},
		{SortNewest, "b a c e d"},
		{SortOldest, "e a c b d"},
		{SortNumber, "b e a c d"},
	} {
		got := strings.Join(ids(mustSearch(t, idx, Query{Text: "coca", Sort: tc.sort})), " ")
		if got != tc.want {
			t.Errorf("sort %q = %s, want %s", tc.sort, got, tc.want)
		}
	}
}

func TestPaging(t *testing.T) {
	var recs []Record
	for i := range 23 {
		recs = append(recs, Record{ID: fmt.Sprintf("r%02d", i), Language: "en", Title: "Coca", Year: 2000 + i})
	}
	idx := mustBuildIndex(t, recs...)
	res := mustSearch(t, idx, Query{Text: "coca", Sort: SortOldest, Page: 3, Size: 10})
	if got := strings.Join(ids(res), " "); got != "r20 r21 r22" || res.Pages != 3 || res.Page != 3 || res.Total != 23 {
		t.Errorf("page 3 = %s (page %d of %d, total %d), want r20 r21 r22 (page 3 of 3, total 23)", got, res.Page, res.Pages, res.Total)
	}
	res = mustSearch(t, idx, Query{Text: "coca"})
	if len(res.Hits) != DefaultSize || res.Size != DefaultSize || res.Page != 1 {
		t.Errorf("default paging: %d hits, size %d, page %d", len(res.Hits), res.Size, res.Page)
	}
	res = mustSearch(t, idx, Query{Text: "coca", Page: 9})
	if len(res.Hits) != 0 || res.Total != 23 {
		t.Errorf("page past the end: %d hits of %d, want none of 23", len(res.Hits), res.Total)
	}
}

func TestValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		q    Query
		want string // error substring; "" for valid
		syn  bool   // want a *SyntaxError rather than a *RequestError
	}{
		{"empty", Query{}, "", false},
		{"last page", Query{Page: 100, Size: 100}, "", false},
		{"beyond window", Query{Page: 101, Size: 100}, "page 101 is beyond the first 10000 results; narrow the search instead", false},
		{"beyond window default size", Query{Page: 1001}, "page 1001 is beyond the first 10000 results", false},
		{"negative page", Query{Page: -1}, "page -1", false},
		{"negative size", Query{Size: -5}, "page size -5", false},
		{"size too large", Query{Size: MaxSize + 1}, "too large", false},
		{"negative facet size", Query{FacetSize: -1}, "facet size", false},
		{"facet size clamped", Query{FacetSize: 5000}, "", false},
		{"unknown sort", Query{Sort: "random"}, `unknown sort order "random"`, false},
		{"years reversed", Query{YearFrom: 2010, YearTo: 2000}, "the year range is reversed: from 2010 is after to 2000", false},
		{"negative year", Query{YearFrom: -3}, "positive", false},
		{"too long", Query{Text: strings.Repeat("a ", MaxQueryLength)}, "limit is 2000", false},
		{"syntax", Query{Text: `"unclosed`}, "quote", true},
		{"syntax paren", Query{Text: `(coca`}, "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.q.Validate()
			if tc.want == "" && !tc.syn {
				if err != nil {
					t.Errorf("Validate(%+v) = %v, want nil", tc.q, err)
				}
				return
			}
			var re *RequestError
			var se *SyntaxError
			switch {
			case err == nil:
				t.Fatalf("Validate(%+v) = nil, want an error", tc.q)
			case tc.syn && !errors.As(err, &se):
				t.Errorf("Validate(%+v) = %T %v, want a *SyntaxError", tc.q, err, err)
			case !tc.syn && !errors.As(err, &re):
				t.Errorf("Validate(%+v) = %T %v, want a *RequestError", tc.q, err, err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Validate(%+v) = %q, want it to contain %q", tc.q, err, tc.want)
			}
		})
	}
}

func TestSearchReturnsValidationErrors(t *testing.T) {
	idx := fixtureIndex(t)
	_, err := idx.Search(context.Background(), Query{Page: 5000})
	var re *RequestError
	if !errors.As(err, &re) {
		t.Errorf("Search(page 5000) error = %v, want a *RequestError", err)
	}
}

func TestSearchedForAndNotes(t *testing.T) {
	idx := fixtureIndex(t)
	res := mustSearch(t, idx, Query{Text: "coca  eradication", Filters: map[string][]string{"country": {"Peru", "Bolivia"}}, YearFrom: 2000, YearTo: 2005, FacetSize: 999})
	if want := "coca eradication; country: Peru OR Bolivia; year: 2000–2005"; res.SearchedFor != want {
		t.Errorf("SearchedFor = %q, want %q", res.SearchedFor, want)
	}
	if !slices.Contains(res.Notes, "facets show at most 200 values each") {
		t.Errorf("Notes = %q, want the facet size note", res.Notes)
	}
	if got := mustSearch(t, idx, Query{}).SearchedFor; got != "everything" {
		t.Errorf("SearchedFor(empty) = %q", got)
	}
}

func TestPrefixExpansionIsCapped(t *testing.T) {
	var paras []string
	for i := range maxExpansions + 10 {
		paras = append(paras, fmt.Sprintf("word%03d", i))
	}
	idx := mustBuildIndex(t,
		Record{ID: "many", Language: "en", Title: "Many", Paragraphs: paras},
		Record{ID: "first", Language: "en", Title: "word000 again"})
	res := mustSearch(t, idx, Query{Text: "word*"})
	if res.Total != 2 {
		t.Errorf("Search(word*) found %d, want 2", res.Total)
	}
	want := fmt.Sprintf("word* matches %d words; only the %d most frequent were searched", maxExpansions+10, maxExpansions)
	if !slices.Contains(res.Notes, want) {
		t.Errorf("Notes = %q, want %q", res.Notes, want)
	}
}

func TestFuzziness(t *testing.T) {
	for _, tc := range []struct {
		f    Fuzzy
		want int
	}{
		{Fuzzy{Text: "ab"}, 0}, {Fuzzy{Text: "abc"}, 1}, {Fuzzy{Text: "abcde"}, 1},
		{Fuzzy{Text: "abcdef"}, 2}, {Fuzzy{Text: "perú"}, 1}, {Fuzzy{Text: "ab", Distance: 1}, 1},
		{Fuzzy{Text: "abcdef", Distance: 5}, 2},
	} {
		if got := fuzziness(tc.f); got != tc.want {
			t.Errorf("fuzziness(%+v) = %d, want %d", tc.f, got, tc.want)
		}
	}
}

func TestSearchDeadline(t *testing.T) {
	idx := fixtureIndex(t)
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	if _, err := idx.Search(ctx, Query{Text: "coca"}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Search with an expired deadline: %v, want DeadlineExceeded", err)
	}
}

func TestLangGroup(t *testing.T) {
	for in, want := range map[string]string{"en": "en", "EN": "en", "es-MX": "es", "pt_BR": "pt", "": "xx", "qu": "xx", "fr": "fr"} {
		if got := langGroup(in); got != want {
			t.Errorf("langGroup(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"  Perú ": "peru", "Ricardo  SOBERÓN": "ricardo soberon", "Côte d'Ivoire": "cote d'ivoire"} {
		if got := normKey(in); got != want {
			t.Errorf("normKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFilterNodesDoNotScore(t *testing.T) {
	idx := fixtureIndex(t)
	// Year ranges, languages and kinds only restrict: alone they list by
	// date (newest first), and beside words they leave the words' scores.
	for _, tc := range []struct{ q, want string }{
		// One hit per work: dpb-12 stands for its translation, and the
		// listing entries for the briefings they name.
		{"year:2004..2006", "dpb-12 dpb-11 dpb-10"},
		{"language:es", "dpb-13-es dpb-12-es"},
		{"kind:paper OR kind:opinion", "dp-2 dp-1 op-1"},
	} {
		if got := strings.Join(ids(mustSearch(t, idx, Query{Text: tc.q})), " "); got != tc.want {
			t.Errorf("Search(%q) = %s, want %s", tc.q, got, tc.want)
		}
	}
	// Both leave the Spanish versions out, so that each work is scored by
	// the same records.
	plain := mustSearch(t, idx, Query{Text: "coca -language:es"})
	ranged := mustSearch(t, idx, Query{Text: "coca year:2004..2006 -language:es"})
	scores := map[string]float64{}
	for _, h := range plain.Hits {
		scores[h.ID] = h.Score
	}
	for _, h := range ranged.Hits {
		if h.Score != scores[h.ID] {
			t.Errorf("%s: score %v with a year range, %v without", h.ID, h.Score, scores[h.ID])
		}
	}
}

func TestUnknownLanguage(t *testing.T) {
	idx := mustBuildIndex(t,
		Record{ID: "qu", Language: "qu", Title: "Kuka hallpay", Paragraphs: []string{"Kuka hallpayqa ñawpa yachaymi."}},
		Record{ID: "none", Title: "Untitled", Paragraphs: []string{"Coca growers met."}},
		Record{ID: "en", Language: "en", Title: "Coca growers", Paragraphs: []string{"Growers."}},
	)
	for q, want := range map[string]string{
		"kuka":    "qu",
		"hallpay": "qu",
		// Unknown languages are not stemmed: "grower" only finds the English record.
		"grower":  "en",
		"growers": "en none",
	} {
		got := ids(mustSearch(t, idx, Query{Text: q}))
		slices.Sort(got)
		if strings.Join(got, " ") != want {
			t.Errorf("Search(%q) = %v, want %s", q, got, want)
		}
	}
}

// TestPublisherField checks that publisher: is a query field: it finds a
// record by the whole publisher name or one of its words, case- and
// accent-insensitively, and only that record.
func TestPublisherField(t *testing.T) {
	idx := mustBuildIndex(t,
		Record{ID: "tni", Kind: "briefing", Language: "en", Title: "Coca markets",
			Publisher: "Transnational Institute", Paragraphs: []string{"Coca growers and markets."}},
		Record{ID: "wola", Kind: "briefing", Language: "en", Title: "Coca policy",
			Publisher: "WOLA Publicación", Paragraphs: []string{"Coca policy in the Andes."}},
		Record{ID: "none", Kind: "briefing", Language: "en", Title: "Coca",
			Paragraphs: []string{"Transnational coca trade."}},
	)
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{q: "publisher:transnational", want: []string{"tni"}},
		{q: `publisher:"Transnational Institute"`, want: []string{"tni"}},
		{q: "Publisher:publicacion coca", want: []string{"wola"}},
		{q: "coca -publisher:wola", want: []string{"none", "tni"}},
		{q: "publisher:nobody", want: nil},
	} {
		res := mustSearch(t, idx, Query{Text: tc.q, Size: 10})
		got := ids(res)
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("Search(%q) = %v, want %v (searched for %q)", tc.q, got, tc.want, res.SearchedFor)
		}
	}
}
