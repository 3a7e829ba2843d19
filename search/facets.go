package search

import (
	"sort"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
)

// Facets are disjunctive: each facet is counted over the hits of the query
// with every filter applied except its own, so selecting Peru still shows
// how many hits Bolivia would add. bleve counts a facet over one search's
// hits only (bleve#1469), so a facet with a selection costs one more
// search (size 0, only that facet), run concurrently with the main one.

// allTerms is the facet size asked of bleve. bleve counts every value of
// the hits anyway and only trims when it returns, so asking for all of them
// costs a sort, and gives the true number of distinct values (Distinct) and
// the counts of selected values that are not among the top ones.
const allTerms = 1 << 20

// maxYearBins bounds the year histogram: a record dated 0001 by mistake must
// not make every search count two thousand ranges.
const maxYearBins = 300

func facetOrder() []string {
	out := make([]string, len(termFacets))
	for i, f := range termFacets {
		out[i] = f.name
	}
	return out
}

// facetNames lists the facets this generation can count: the term facets,
// and the year facet when some record has a year.
func (g *generation) facetNames() []string {
	names := facetOrder()
	if g.minY > 0 {
		names = append(names, facetYear)
	}
	return names
}

// facetRequest asks bleve for one facet.
func (g *generation) facetRequest(name string) *bleve.FacetRequest {
	if name == facetYear {
		lo, hi := g.yearBounds()
		fr := bleve.NewFacetRequest(FieldYear, hi-lo+1)
		for y := lo; y <= hi; y++ {
			from, to := float64(y), float64(y+1) // min inclusive, max exclusive
			fr.AddNumericRange(strconv.Itoa(y), &from, &to)
		}
		return fr
	}
	for _, f := range termFacets {
		if f.name == name {
			return bleve.NewFacetRequest(f.display, allTerms)
		}
	}
	panic("search: unknown facet " + name) // names come from facetNames
}

// yearBounds is the histogram's span: the corpus's first to last year, cut
// to the most recent maxYearBins years.
func (g *generation) yearBounds() (int, int) {
	return max(g.minY, g.maxY-maxYearBins+1), g.maxY
}

// facets assembles the Facets of an outcome.
func (g *generation) facets(p *plan, out *outcome) Facets {
	get := func(name string) *bsearch.FacetResult {
		if fc, ok := out.facets[name]; ok {
			return fc.res
		}
		return nil
	}
	fs := Facets{}
	for _, f := range termFacets {
		tf := termFacet(f.name, get(f.name), f.values(p.q), p.facetSize, f.norm)
		switch f.name {
		case facetAuthor:
			fs.Authors = tf
		case facetSeries:
			fs.Series = tf
		case facetCountry:
			fs.Countries = tf
		case facetLanguage:
			fs.Languages = tf
		case facetKind:
			fs.Kinds = tf
		}
	}
	fs.Years = g.yearFacet(out)
	return fs
}

// termFacet converts bleve's counts: most frequent first (ties by value),
// at most size values, selected values always included.
func termFacet(name string, fr *bsearch.FacetResult, selected []string, size int, norm func(string) string) TermFacet {
	tf := TermFacet{Field: name, Values: []FacetValue{}}
	var all []*bsearch.TermFacet
	if fr != nil {
		all = fr.Terms.Terms() // sorted by count desc, then term
		tf.Missing = fr.Missing
	}
	tf.Distinct = len(all)
	for i, t := range all {
		if i >= size {
			break
		}
		tf.Values = append(tf.Values, FacetValue{Value: t.Term, Count: t.Count})
	}
	for _, s := range selected {
		key := norm(s)
		found := false
		for i := range tf.Values {
			if norm(tf.Values[i].Value) == key {
				tf.Values[i].Selected, found = true, true
			}
		}
		if found {
			continue
		}
		v := FacetValue{Value: s, Selected: true}
		for _, t := range all {
			if norm(t.Term) == key {
				v.Value, v.Count = t.Term, t.Count
				break
			}
		}
		tf.Values = append(tf.Values, v)
	}
	sort.SliceStable(tf.Values, func(i, j int) bool {
		a, b := tf.Values[i], tf.Values[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Value < b.Value
	})
	return tf
}

// yearFacet is the zero-filled histogram plus the hits without a year.
func (g *generation) yearFacet(out *outcome) YearFacet {
	yf := YearFacet{Bins: []YearBin{}, Min: g.minY, Max: g.maxY}
	fc, ok := out.facets[facetYear]
	total := out.main.Total
	if ok {
		total = fc.total
	}
	counts := map[string]int{}
	if ok && fc.res != nil {
		for _, r := range fc.res.NumericRanges {
			counts[r.Name] = r.Count
		}
	}
	sum := 0
	if g.minY > 0 {
		lo, hi := g.yearBounds()
		for y := lo; y <= hi; y++ {
			n := counts[strconv.Itoa(y)]
			yf.Bins = append(yf.Bins, YearBin{Year: y, Count: n})
			sum += n
		}
	}
	// Every hit with a year falls in [Min, Max] (the span is taken over the
	// whole corpus at commit), so the rest have no date.
	yf.NoDate = max(0, int(total)-sum)
	return yf
}
