package search

import (
	"sort"
)

// Facets are disjunctive: each facet is counted over the hits of the query
// with every filter applied except its own, so selecting Peru still shows
// how many hits Bolivia would add. collect.go counts them all in one walk
// over the query's matches.

// maxYearBins bounds the year histogram: a record dated 0001 by mistake must
// not make every search count two thousand ranges.
const maxYearBins = 300

func facetOrder() []string {
	var out []string
	for _, f := range termFacets() {
		out = append(out, f.name)
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

// yearBounds is the histogram's span: the corpus's first to last year, cut
// to the most recent maxYearBins years.
func (g *generation) yearBounds() (int, int) {
	return max(g.minY, g.maxY-maxYearBins+1), g.maxY
}

// facets assembles the Facets of an outcome.
func (g *generation) facets(p *plan, out *outcome) Facets {
	c, _ := g.columns() // read already by collect; nil when nothing was searched
	fs := Facets{Terms: map[string]TermFacet{}}
	for _, f := range termFacets() {
		var values []string
		if col := c.term(f.name); col != nil {
			values = col.values
		}
		fs.Terms[f.name] = termFacet(f.name, values, out.main.facets[f.name], p.q.Filters[f.name], p.facetSize, f.norm)
	}
	fs.Years = g.yearFacet(out)
	return fs
}

// termFacet turns the counts of a facet's values into a TermFacet: most
// frequent first (ties by value), at most size values, selected values
// always included.
func termFacet(name string, values []string, fc *facetCount, selected []string, size int, norm func(string) string) TermFacet {
	tf := TermFacet{Field: name, Values: []FacetValue{}}
	var all []FacetValue
	if fc != nil {
		for o, n := range fc.counts {
			if n > 0 {
				all = append(all, FacetValue{Value: values[o], Count: n})
			}
		}
		tf.Missing = fc.missing
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].Count != all[j].Count {
			return all[i].Count > all[j].Count
		}
		return all[i].Value < all[j].Value
	})
	tf.Distinct = len(all)
	tf.Values = append(tf.Values, all[:min(size, len(all))]...)
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
			if norm(t.Value) == key {
				v.Value, v.Count = t.Value, t.Count
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
	fc := out.main.facets[facetYear]
	total := out.main.total
	if fc != nil {
		total = fc.total
	}
	sum := 0
	if g.minY > 0 {
		lo, hi := g.yearBounds()
		for y := lo; y <= hi; y++ {
			n := 0
			if fc != nil && y-lo < len(fc.counts) {
				n = fc.counts[y-lo]
			}
			yf.Bins = append(yf.Bins, YearBin{Year: y, Count: n})
			sum += n
		}
	}
	// Every hit with a year falls in [Min, Max] (the span is taken over the
	// whole corpus at commit), so the rest have no date.
	yf.NoDate = max(0, int(total)-sum)
	return yf
}
