package search

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// facetString prints a facet compactly: "Bolivia 3, Peru* 2" (* = selected).
func facetString(f TermFacet) string {
	var parts []string
	for _, v := range f.Values {
		sel := ""
		if v.Selected {
			sel = "*"
		}
		parts = append(parts, fmt.Sprintf("%s%s %d", v.Value, sel, v.Count))
	}
	return strings.Join(parts, ", ")
}

func yearString(y YearFacet) string {
	var parts []string
	for _, b := range y.Bins {
		parts = append(parts, fmt.Sprintf("%d:%d", b.Year, b.Count))
	}
	return fmt.Sprintf("%s nodate:%d", strings.Join(parts, " "), y.NoDate)
}

func TestFacetsDisjunctive(t *testing.T) {
	idx := fixtureIndex(t)
	for _, tc := range []struct {
		name                         string
		q                            Query
		total                        uint64
		country, lang, author, kind  string
		countryDistinct, countryMiss int
	}{
		{
			name:  "one country selected",
			q:     Query{Filters: map[string][]string{"country": {"Peru"}}},
			total: 2, // works: dpb-12 and its Spanish version are one
			// Counted without the country filter; "Perú" is the same country written
			// differently, and both match the selection. Each work counts once
			// per value, whichever of its versions carry it.
			country:         "Bolivia 2, Netherlands 2, Peru* 2, Colombia 1, Ecuador 1, Morocco 1, Perú* 1",
			countryDistinct: 7, countryMiss: 2,
			lang:   "en 2, es 1",
			author: "Martin Jelsma 1, Pien Metaal 1, Ricardo Soberón Garrido 1",
			kind:   "briefing 2",
		},
		{
			name:  "two countries and a language",
			q:     Query{Filters: map[string][]string{"country": {"peru", "Colombia"}, "language": {"en"}}},
			total: 3,
			// The selection "peru" is shown as the indexed "Peru".
			country:         "Netherlands 2, Peru* 2, Bolivia 1, Colombia* 1, Ecuador 1, Morocco 1",
			countryDistinct: 6, countryMiss: 2,
			lang:   "en* 3, es 1",
			author: "Martin Jelsma 2, Pien Metaal 1, Ricardo Soberón Garrido 1",
			kind:   "briefing 3",
		},
		{
			name:            "text query",
			q:               Query{Text: "coca", Filters: map[string][]string{"kind": {"briefing"}}},
			total:           3,
			country:         "Peru 2, Bolivia 1, Colombia 1, Ecuador 1, Perú 1",
			countryDistinct: 5, countryMiss: 0,
			lang:   "en 3, es 1",
			author: "Martin Jelsma 2, Pien Metaal 1, Ricardo Soberón Garrido 1",
			kind:   "briefing* 3, reference 1",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := mustSearch(t, idx, tc.q)
			f := res.Facets
			if res.Total != tc.total {
				t.Errorf("Total = %d, want %d", res.Total, tc.total)
			}
			for _, c := range []struct {
				name string
				got  TermFacet
				want string
			}{{"country", f.Term("country"), tc.country}, {"language", f.Term("language"), tc.lang}, {"author", f.Term("author"), tc.author}, {"kind", f.Term("kind"), tc.kind}} {
				if got := facetString(c.got); got != c.want {
					t.Errorf("%s facet = %q, want %q", c.name, got, c.want)
				}
				if c.got.Field != c.name {
					t.Errorf("%s facet Field = %q", c.name, c.got.Field)
				}
			}
			if f.Term("country").Distinct != tc.countryDistinct || f.Term("country").Missing != tc.countryMiss {
				t.Errorf("country facet distinct %d missing %d, want %d and %d",
					f.Term("country").Distinct, f.Term("country").Missing, tc.countryDistinct, tc.countryMiss)
			}
		})
	}
}

func TestFacetSelectedValueSpelling(t *testing.T) {
	// A selected value is shown as indexed when it is among the counted
	// values (matched without case or accents), else as the caller wrote it.
	got := termFacet("country", nil, nil, []string{"Atlantis"}, 10, normKey)
	if facetString(got) != "Atlantis* 0" || got.Distinct != 0 {
		t.Errorf("facet of an unknown selection = %q (distinct %d), want Atlantis* 0", facetString(got), got.Distinct)
	}
}

func TestFacetSize(t *testing.T) {
	idx := fixtureIndex(t)
	res := mustSearch(t, idx, Query{FacetSize: 1, Filters: map[string][]string{"country": {"morocco"}}})
	if got, want := facetString(res.Facets.Term("country")), "Bolivia 2, Morocco* 1"; got != want {
		t.Errorf("country facet, size 1 = %q, want %q (selected values always shown)", got, want)
	}
	if res.Facets.Term("country").Distinct != 7 {
		t.Errorf("Distinct = %d, want 7 (all values, not just those shown)", res.Facets.Term("country").Distinct)
	}
	res = mustSearch(t, idx, Query{FacetSize: 2})
	if got, want := facetString(res.Facets.Term("author")), "Pien Metaal 3, Martin Jelsma 2"; got != want {
		t.Errorf("author facet, size 2 = %q, want %q", got, want)
	}
}

func TestYearFacet(t *testing.T) {
	idx := fixtureIndex(t)
	for _, tc := range []struct {
		name string
		q    Query
		want string
	}{
		{"everything", Query{},
			"2001:1 2002:0 2003:0 2004:1 2005:1 2006:1 2007:0 2008:1 2009:1 nodate:2"},
		// The year facet ignores the year filter (disjunctive), not the others.
		{"year filter", Query{YearFrom: 2005, YearTo: 2006, Filters: map[string][]string{"language": {"en"}}},
			"2001:1 2002:0 2003:0 2004:1 2005:1 2006:1 2007:0 2008:0 2009:1 nodate:2"},
		{"text", Query{Text: "coca"},
			"2001:0 2002:0 2003:0 2004:1 2005:1 2006:1 2007:0 2008:0 2009:0 nodate:0"},
		{"no hits", Query{Text: "zzz*"},
			"2001:0 2002:0 2003:0 2004:0 2005:0 2006:0 2007:0 2008:0 2009:0 nodate:0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := mustSearch(t, idx, tc.q)
			if got := yearString(res.Facets.Years); got != tc.want {
				t.Errorf("year facet = %s\nwant %s", got, tc.want)
			}
			if y := res.Facets.Years; y.Min != 2001 || y.Max != 2009 {
				t.Errorf("year span = %d..%d, want 2001..2009", y.Min, y.Max)
			}
		})
	}
}

func TestYearFacetWithoutYears(t *testing.T) {
	idx := mustBuildIndex(t, rec("a", "coca"))
	y := mustSearch(t, idx, Query{}).Facets.Years
	if len(y.Bins) != 0 || y.NoDate != 1 || y.Min != 0 {
		t.Errorf("year facet of an undated corpus = %+v, want no bins and 1 without date", y)
	}
}

// TestPublisherFacet: publisher is a facet like the others, counted
// disjunctively and filtered with its values normalised as the other
// keyword filters are.
func TestPublisherFacet(t *testing.T) {
	rec := func(id, publisher, country string) Record {
		return Record{ID: id, Kind: "briefing", Language: "en", Title: "Coca report " + id,
			Publisher: publisher, Countries: []string{country}, Paragraphs: []string{"Coca growers in " + country + "."},
			Keywords: []string{"coca", country + " policy"}}
	}
	idx := mustBuildIndex(t,
		rec("a", "Transnational Institute", "Bolivia"),
		rec("b", "Transnational Institute", "Peru"),
		rec("c", "WOLA", "Peru"),
		rec("d", "", "Peru"),
	)
	res := mustSearch(t, idx, Query{Text: "coca"})
	if got, want := facetString(res.Facets.Term("publisher")), "Transnational Institute 2, WOLA 1"; got != want {
		t.Errorf("publishers = %q, want %q", got, want)
	}
	if res.Facets.Term("publisher").Missing != 1 || res.Facets.Term("publisher").Field != "publisher" {
		t.Errorf("publisher facet = %+v, want field publisher, 1 missing", res.Facets.Term("publisher"))
	}
	res = mustSearch(t, idx, Query{Text: "coca", Filters: map[string][]string{"publisher": {"transnational institute"}, "country": {"Peru"}}})
	if got := ids(res); strings.Join(got, ",") != "b" {
		t.Errorf("publisher and country filter: hits %v, want [b]", got)
	}
	// Disjunctive: the publisher counts ignore their own filter, not the others.
	if got, want := facetString(res.Facets.Term("publisher")), "Transnational Institute* 1, WOLA 1"; got != want {
		t.Errorf("filtered publishers = %q, want %q", got, want)
	}
	if got, want := facetString(res.Facets.Term("country")), "Bolivia 1, Peru* 1"; got != want {
		t.Errorf("countries under the publisher filter = %q, want %q", got, want)
	}
	// Keywords are a facet too, each keyword a value.
	res = mustSearch(t, idx, Query{Text: "coca", Filters: map[string][]string{"keyword": {"PERU POLICY"}}})
	if got := ids(res); strings.Join(slices.Sorted(slices.Values(got)), ",") != "b,c,d" {
		t.Errorf("keyword filter: hits %v, want [b c d]", got)
	}
	if got, want := facetString(res.Facets.Term("keyword")), "coca 4, Peru policy* 3, Bolivia policy 1"; got != want {
		t.Errorf("keywords = %q, want %q", got, want)
	}
}
