package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
)

// TestCollectAgainstBruteForce checks collect's one-walk filtering,
// disjunctive facet counts, sorting and paging against a plain
// computation over the stored records: bleve finds the records matching
// the query text alone, and the filters, counts and orders are worked out
// here from the records themselves. Random selections over the demo
// corpus's values.
func TestCollectAgainstBruteForce(t *testing.T) {
	idx := fixtureIndex(t)
	g := acquired(t, idx)

	all := allRecords(t, g)
	values := func(get func(Record) []string) []string {
		seen := map[string]bool{}
		for _, r := range all {
			for _, v := range get(r) {
				seen[v] = true
			}
		}
		out := make([]string, 0, len(seen))
		for v := range seen {
			out = append(out, v)
		}
		sort.Strings(out)
		return out
	}
	authors := values(func(r Record) []string { return r.Authors })
	countries := values(func(r Record) []string { return r.Countries })
	series := values(func(r Record) []string { return nonEmpty(r.Series) })
	langs := values(func(r Record) []string { return nonEmpty(strings.ToLower(r.Language)) })

	rnd := rand.New(rand.NewPCG(3, 4))
	pick := func(vs []string, max int) []string {
		var out []string
		for range rnd.IntN(max + 1) {
			out = append(out, vs[rnd.IntN(len(vs))])
		}
		return out
	}
	texts := []string{"", "coca", "drug policy", "cannabis OR prison", "\"harm reduction\"", "year:2000..2012"}
	sorts := []string{SortRelevance, SortNewest, SortOldest, SortNumber}
	found, filtered := 0, 0
	for i := range 300 {
		q := Query{
			Text: texts[rnd.IntN(len(texts))], Sort: sorts[rnd.IntN(len(sorts))],
			Filters: filterMap(map[string][]string{"author": pick(authors, 2), "country": pick(countries, 2), "series": pick(series, 1), "language": pick(langs, 1)}),
			Size:    1 + rnd.IntN(15), Page: 1 + rnd.IntN(2), FacetSize: MaxFacetSize, Snippets: -1,
		}
		if rnd.IntN(3) == 0 {
			q.YearFrom = 1995 + rnd.IntN(20)
			q.YearTo = q.YearFrom + rnd.IntN(10)
		}
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			got := mustSearch(t, idx, q)
			want := bruteForce(t, g, all, q)
			if got.Total > 0 {
				found++
				if len(q.Filters["author"])+len(q.Filters["country"])+len(q.Filters["series"])+len(q.Filters["language"]) > 0 || q.YearFrom > 0 {
					filtered++
				}
			}
			if got.Total != want.Total {
				t.Fatalf("%+v: total %d, want %d", q, got.Total, want.Total)
			}
			if !slices.Equal(fullIDs(got), fullIDs(want)) {
				t.Fatalf("%+v: hits %v, want %v", q, fullIDs(got), fullIDs(want))
			}
			for _, f := range []struct {
				name      string
				got, want TermFacet
			}{
				{"author", got.Facets.Term("author"), want.Facets.Term("author")},
				{"country", got.Facets.Term("country"), want.Facets.Term("country")},
				{"series", got.Facets.Term("series"), want.Facets.Term("series")},
				{"language", got.Facets.Term("language"), want.Facets.Term("language")},
			} {
				if facetString(f.got) != facetString(f.want) || f.got.Missing != f.want.Missing || f.got.Distinct != f.want.Distinct {
					t.Fatalf("%+v: %s facet %q (missing %d, distinct %d), want %q (missing %d, distinct %d)", q, f.name,
						facetString(f.got), f.got.Missing, f.got.Distinct, facetString(f.want), f.want.Missing, f.want.Distinct)
				}
			}
			if yearString(got.Facets.Years) != yearString(want.Facets.Years) {
				t.Fatalf("%+v: years %s, want %s", q, yearString(got.Facets.Years), yearString(want.Facets.Years))
			}
		})
	}
	if found < 60 || filtered < 30 {
		t.Errorf("only %d queries found something, %d of them with filters: the test checks too little", found, filtered)
	}
}

// allRecords reads every stored record.
func allRecords(t *testing.T, g *generation) map[string]Record {
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 10000, 0, false)
	res, err := g.idx.SearchInContext(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]Record{}
	for _, h := range res.Hits {
		_, rec, err := g.stored(h.ID)
		if err != nil {
			t.Fatal(err)
		}
		out[h.ID] = rec
	}
	return out
}

// bruteForce answers q from the records: bleve (with its own collector)
// gives the records matching the text and their scores; everything else is
// computed here.
func bruteForce(t *testing.T, g *generation, all map[string]Record, q Query) *Results {
	p, err := q.plan()
	if err != nil {
		t.Fatal(err)
	}
	tr := newTranslator(g, g.matching(p))
	defer tr.close()
	text, none, err := tr.text(p.tree)
	if err != nil {
		t.Fatal(err)
	}
	type match struct {
		rec   Record
		score float64
	}
	var matches []match
	if !none {
		req := bleve.NewSearchRequestOptions(text, 10000, 0, false)
		res, err := g.idx.SearchInContext(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			matches = append(matches, match{all[h.ID], h.Score})
		}
	}
	keys := func(vs []string, norm func(string) string) map[string]bool {
		out := map[string]bool{}
		for _, v := range vs {
			out[norm(v)] = true
		}
		return out
	}
	type filter struct {
		name string
		pass func(Record) bool
	}
	anyOf := func(sel []string, norm func(string) string, get func(Record) []string) func(Record) bool {
		want := keys(sel, norm)
		return func(r Record) bool {
			for _, v := range get(r) {
				if want[norm(v)] {
					return true
				}
			}
			return false
		}
	}
	var filters []filter
	if len(q.Filters["author"]) > 0 {
		filters = append(filters, filter{"author", anyOf(q.Filters["author"], normKey, func(r Record) []string { return r.Authors })})
	}
	if len(q.Filters["series"]) > 0 {
		filters = append(filters, filter{facetSeries, anyOf(q.Filters["series"], normKey, func(r Record) []string { return nonEmpty(r.Series) })})
	}
	if len(q.Filters["country"]) > 0 {
		filters = append(filters, filter{"country", anyOf(q.Filters["country"], normKey, func(r Record) []string { return r.Countries })})
	}
	if len(q.Filters["language"]) > 0 {
		filters = append(filters, filter{facetLanguage, anyOf(q.Filters["language"], langCode, func(r Record) []string { return nonEmpty(r.Language) })})
	}
	if q.YearFrom > 0 || q.YearTo > 0 {
		filters = append(filters, filter{facetYear, func(r Record) bool {
			return r.Year > 0 && (q.YearFrom == 0 || r.Year >= q.YearFrom) && (q.YearTo == 0 || r.Year <= q.YearTo)
		}})
	}
	passAllBut := func(r Record, skip string) bool {
		for _, f := range filters {
			if f.name != skip && !f.pass(r) {
				return false
			}
		}
		return true
	}

	// One hit per work: its best score, shown as its best full-text
	// version (a listing entry only when no other version matched).
	work := worksOf(all)
	best := map[string]*match{}
	var order []string
	for _, m := range matches {
		if !passAllBut(m.rec, "") {
			continue
		}
		w := work[m.rec.ID]
		b := best[w]
		if b == nil {
			best[w] = &match{m.rec, m.score}
			order = append(order, w)
			continue
		}
		ref, bref := m.rec.Kind == "reference", b.rec.Kind == "reference"
		top := max(b.score, m.score)
		if bref && !ref || bref == ref && (m.score > b.score || m.score == b.score && m.rec.ID < b.rec.ID) {
			b.rec = m.rec
		}
		b.score = top
	}
	var hits []match
	for _, w := range order {
		hits = append(hits, *best[w])
	}
	date := func(r Record) (int64, bool) {
		tm, ok := r.Time()
		return tm.UnixNano(), ok
	}
	byDate := func(a, b Record, desc bool) int {
		da, oka := date(a)
		db, okb := date(b)
		switch {
		case oka != okb:
			if oka {
				return -1
			}
			return 1
		case da == db:
			return 0
		case (da > db) == desc:
			return -1
		}
		return 1
	}
	sort.Slice(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		switch p.sort {
		case SortNewest, SortOldest:
			if c := byDate(a.rec, b.rec, p.sort == SortNewest); c != 0 {
				return c < 0
			}
		case SortNumber:
			sa, sb := a.rec.Series, b.rec.Series
			if (sa == "") != (sb == "") {
				return sa != ""
			}
			if sa != sb {
				return sa < sb
			}
			na, nb := a.rec.Number, b.rec.Number
			if (na == 0) != (nb == 0) {
				return na != 0
			}
			if na != nb {
				return na < nb
			}
		default:
			if a.score != b.score {
				return a.score > b.score
			}
			if c := byDate(a.rec, b.rec, true); c != 0 {
				return c < 0
			}
		}
		return a.rec.ID < b.rec.ID
	})
	res := &Results{Total: uint64(len(hits))}
	for i := p.from; i < len(hits) && i < p.from+p.size; i++ {
		res.Hits = append(res.Hits, Hit{Record: Record{ID: hits[i].rec.ID}})
	}

	count := func(name string, get func(Record) []string, selected []string, norm func(string) string) TermFacet {
		counts := map[string]int{}
		seen := map[[2]string]bool{}
		valued := map[string]bool{} // work -> some counted version has a value
		for _, m := range matches {
			if !passAllBut(m.rec, name) {
				continue
			}
			w := work[m.rec.ID]
			vs := get(m.rec)
			valued[w] = valued[w] || len(vs) > 0
			for _, v := range vs {
				if k := [2]string{w, v}; !seen[k] {
					seen[k] = true
					counts[v]++
				}
			}
		}
		missing := 0
		for _, has := range valued {
			if !has {
				missing++
			}
		}
		values := make([]string, 0, len(counts))
		for v := range counts {
			values = append(values, v)
		}
		sort.Strings(values)
		fc := &facetCount{counts: make([]int, len(values)), missing: missing}
		for i, v := range values {
			fc.counts[i] = counts[v]
		}
		return termFacet(name, values, fc, selected, p.facetSize, norm)
	}
	res.Facets.Terms = map[string]TermFacet{}
	res.Facets.Terms["author"] = count("author", func(r Record) []string { return r.Authors }, q.Filters["author"], normKey)
	res.Facets.Terms["country"] = count("country", func(r Record) []string { return r.Countries }, q.Filters["country"], normKey)
	res.Facets.Terms["series"] = count(facetSeries, func(r Record) []string { return nonEmpty(r.Series) }, q.Filters["series"], normKey)
	res.Facets.Terms["language"] = count(facetLanguage, func(r Record) []string { return nonEmpty(strings.ToLower(r.Language)) }, q.Filters["language"], langCode)

	yf := YearFacet{Min: g.minY, Max: g.maxY}
	lo, hi := g.yearBounds()
	years := map[int]int{}
	counted := map[string]bool{}
	seen := map[string]bool{}
	for _, m := range matches {
		if passAllBut(m.rec, facetYear) {
			w := work[m.rec.ID]
			counted[w] = true
			if k := fmt.Sprint(w, "|", m.rec.Year); !seen[k] && m.rec.Year > 0 {
				seen[k] = true
				years[m.rec.Year]++
			}
		}
	}
	total := len(counted)
	sum := 0
	for y := lo; y <= hi; y++ {
		yf.Bins = append(yf.Bins, YearBin{Year: y, Count: years[y]})
		sum += years[y]
	}
	yf.NoDate = total - sum
	res.Facets.Years = yf
	return res
}

// worksOf groups records into works the plain way: records sharing a work
// key are one work, transitively, named by their smallest ID.
func worksOf(all map[string]Record) map[string]string {
	work := map[string]string{}
	for id := range all {
		work[id] = id
	}
	byKey := map[string][]string{}
	for id, r := range all {
		for _, k := range workKeys(r, "") {
			byKey[k] = append(byKey[k], id)
		}
	}
	for changed := true; changed; {
		changed = false
		for _, ids := range byKey {
			if len(ids) > maxWorkKeyDocs {
				continue
			}
			low := work[ids[0]]
			for _, id := range ids {
				low = min(low, work[id])
			}
			for _, id := range ids {
				if work[id] != low {
					work[id], changed = low, true
				}
			}
		}
	}
	return work
}

// filterMap drops the facets without values, as parsed queries do.
func filterMap(m map[string][]string) map[string][]string {
	for k, v := range m {
		if len(v) == 0 {
			delete(m, k)
		}
	}
	if len(m) == 0 {
		return nil
	}
	return m
}

// TestShardedWalk: a walk split over several shards (each starting its
// searchers with Advance, works whose versions fall in different shards,
// partial matches skipping the full ones of every shard) finds what one
// walk finds: the same hits, scores, snippets, facets and counts.
func TestShardedWalk(t *testing.T) {
	// Six copies of the demo corpus: the copies of a record share its
	// title, year and series number, so they are versions of one work,
	// spread over the shards.
	var recs []Record
	for k := range 6 {
		for _, r := range demoRecords(t) {
			r.ID = fmt.Sprintf("copy%d/%s", k, r.ID)
			if r.Parent != "" {
				r.Parent = fmt.Sprintf("copy%d/%s", k, r.Parent)
			}
			recs = append(recs, r)
		}
	}
	idx := mustBuildIndex(t, recs...)
	queries := []Query{
		{}, {Text: "coca"}, {Text: "coca eradication"}, {Text: "coca eradication bolivia"},
		{Text: `"alternative development"`}, {Text: "cannabis OR opium"}, {Text: "coca -peru"},
		{Text: "erradicación"}, {Text: "eradicat*"}, {Text: "drug policy", Sort: "newest"},
		{Text: "coca", Filters: map[string][]string{"country": {"Bolivia"}}},
		{Text: "policy reform", YearFrom: 2005, YearTo: 2012},
		{Text: "development", Page: 2, Size: 5}, {Text: "drug markets", Page: 3, Size: 4},
	}
	var want []*Results
	for _, q := range queries {
		want = append(want, mustSearch(t, idx, q))
	}
	defer func(procs int, min, align uint64) {
		runtime.GOMAXPROCS(procs)
		shardMin, shardAlign = min, align
	}(runtime.GOMAXPROCS(4), shardMin, shardAlign)
	shardMin, shardAlign = 1, 64
	for i, q := range queries {
		got := mustSearch(t, idx, q)
		if a, b := resultSummary(want[i]), resultSummary(got); a != b {
			t.Errorf("%+v:\none walk:\n%sfour shards:\n%s", q, a, b)
		}
		if !reflect.DeepEqual(want[i].Facets, got.Facets) {
			t.Errorf("%+v: facets differ:\none walk %+v\nfour shards %+v", q, want[i].Facets, got.Facets)
		}
	}
	if want[1].Total == 0 || want[2].More == 0 {
		t.Errorf("coca: %d matches, coca eradication: %d partial ones; the test needs some", want[1].Total, want[2].More)
	}
}
