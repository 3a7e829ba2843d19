package search

import (
	"context"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Search runs a query: hits of the requested page with snippets, facet
// counts (disjunctive), notes and, when nothing matched, a respelled
// suggestion. It honours ctx's deadline; callers (the web server, the CLI)
// set one per request.
func (x *Index) Search(ctx context.Context, q Query) (*Results, error) {
	start := time.Now()
	p, err := q.plan()
	if err != nil {
		return nil, err
	}
	g, err := x.acquire()
	if err != nil {
		return nil, err
	}
	defer g.release()
	res, err := g.search(ctx, p)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	res.Took = time.Since(start)
	return res, nil
}

// outcome is what one run of a plan found: the main search and the facet
// counts, each from the search that applies every filter but its own.
type outcome struct {
	main   *bleve.SearchResult
	facets map[string]*facetCount
	t      *translator
}

// facetCount is one facet's counts and the total of the search they came
// from (the year facet needs it for "no date").
type facetCount struct {
	res   *bsearch.FacetResult
	total uint64
}

func (g *generation) search(ctx context.Context, p *plan) (*Results, error) {
	m := g.matching(p)
	out, err := g.run(ctx, p, m)
	if err != nil {
		return nil, err
	}
	defer func() { out.t.close() }()
	notes := append([]string(nil), p.notes...)
	if m.mode == matchRanked && out.main.Total > 0 {
		notes = append(notes, "a long query: results need not contain every word; those matching it best come first")
	}
	relaxed := false
	if out.main.Total == 0 && relaxable(m, p.tree) {
		more, err := g.run(ctx, p, matching{mode: matchMost})
		if err != nil {
			return nil, err
		}
		if more.main.Total > 0 {
			out.t.close()
			out, relaxed = more, true
			notes = append(notes, "no document has all the words; showing documents with most of them")
		} else {
			more.t.close()
		}
	}
	notes = append(notes, out.t.notes...)

	res := &Results{
		Query:       p.q,
		SearchedFor: p.describe(),
		Total:       out.main.Total,
		Page:        p.page,
		Size:        p.size,
		Pages:       p.pages(out.main.Total),
		Hits:        []Hit{},
		Facets:      g.facets(p, out),
		Notes:       notes,
	}
	words, phrases := out.t.positive(p.tree)
	hl := newHighlighter(g, words, phrases)
	for _, h := range out.main.Hits {
		hit, err := g.hit(h, p, hl)
		if err != nil {
			return nil, err
		}
		res.Hits = append(res.Hits, hit)
	}
	// A relaxed query found records without all its words, often because
	// one of them is misspelt: the respelled query may find them all.
	if (res.Total == 0 || relaxed) && p.tree != nil {
		if res.Suggestion, err = g.suggest(ctx, p); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// run searches once: the main search plus one per facet with a selection,
// concurrently.
func (g *generation) run(ctx context.Context, p *plan, m matching) (*outcome, error) {
	t := newTranslator(g, m)
	text, none, err := t.text(p.tree)
	if err != nil {
		t.close()
		return nil, err
	}
	filters := p.filters()
	out := &outcome{t: t, facets: map[string]*facetCount{}}
	if none {
		out.main = &bleve.SearchResult{Hits: bsearch.DocumentMatchCollection{}}
		return out, nil
	}

	main := bleve.NewSearchRequestOptions(withFilters(text, filters, ""), p.size, p.from, false)
	main.SortByCustom(sortOrder(p.sort))
	main.Fields = []string{FieldHit}
	if p.snippets > 0 {
		main.Fields = []string{FieldRecord}
	}
	for _, f := range g.facetNames() {
		if _, selected := filters[f]; !selected {
			main.AddFacet(f, g.facetRequest(f))
		}
	}

	type job struct {
		name string
		req  *bleve.SearchRequest
		res  *bleve.SearchResult
		err  error
	}
	jobs := []*job{{name: "", req: main}}
	for _, f := range g.facetNames() {
		if _, selected := filters[f]; selected {
			req := bleve.NewSearchRequestOptions(withFilters(text, filters, f), 0, 0, false)
			req.AddFacet(f, g.facetRequest(f))
			jobs = append(jobs, &job{name: f, req: req})
		}
	}
	done := make(chan struct{}, len(jobs))
	for _, j := range jobs[1:] {
		go func() {
			j.res, j.err = g.idx.SearchInContext(ctx, j.req)
			done <- struct{}{}
		}()
	}
	jobs[0].res, jobs[0].err = g.idx.SearchInContext(ctx, main)
	for range jobs[1:] {
		<-done
	}
	for _, j := range jobs {
		if j.err != nil {
			t.close()
			return nil, j.err
		}
		for name, fr := range j.res.Facets {
			out.facets[name] = &facetCount{res: fr, total: j.res.Total}
		}
	}
	out.main = jobs[0].res
	return out, nil
}

// withFilters adds the filter clauses, except the one named skip, to a
// text query. Filters do not change scores.
func withFilters(text query.Query, filters map[string]query.Query, skip string) query.Query {
	var fs []query.Query
	for _, name := range append(facetOrder(), facetYear) {
		if f, ok := filters[name]; ok && name != skip {
			fs = append(fs, f)
		}
	}
	if len(fs) == 0 {
		return text
	}
	b := query.NewBooleanQuery([]query.Query{conj(text)}, nil, nil)
	b.AddFilter(query.NewConjunctionQuery(fs))
	return b
}

// sortOrder turns a sort name into bleve's sort. Every order ends with the
// ID so that pages never shuffle between requests.
func sortOrder(name string) bsearch.SortOrder {
	newest := &bsearch.SortField{Field: FieldDate, Desc: true, Type: bsearch.SortFieldAsDate, Missing: bsearch.SortFieldMissingLast}
	id := &bsearch.SortDocID{}
	switch name {
	case SortNewest:
		return bsearch.SortOrder{newest, id}
	case SortOldest:
		return bsearch.SortOrder{
			&bsearch.SortField{Field: FieldDate, Type: bsearch.SortFieldAsDate, Missing: bsearch.SortFieldMissingLast},
			id,
		}
	case SortNumber:
		return bsearch.SortOrder{
			&bsearch.SortField{Field: FieldSeries, Type: bsearch.SortFieldAsString, Missing: bsearch.SortFieldMissingLast},
			&bsearch.SortField{Field: FieldNumber, Type: bsearch.SortFieldAsNumber, Missing: bsearch.SortFieldMissingLast},
			id,
		}
	}
	return bsearch.SortOrder{&bsearch.SortScore{Desc: true}, newest, id}
}

// hit builds a result-list entry from a bleve hit.
func (g *generation) hit(h *bsearch.DocumentMatch, p *plan, hl *highlighter) (Hit, error) {
	blob, _ := h.Fields[FieldRecord].(string)
	if blob == "" {
		blob, _ = h.Fields[FieldHit].(string)
	}
	rec, err := decodeRecord(blob)
	if err != nil {
		return Hit{}, fmt.Errorf("record %s: %w", h.ID, err)
	}
	hit := Hit{
		ID:        h.ID,
		Kind:      rec.Kind,
		Score:     h.Score,
		Title:     rec.Title,
		TitleHTML: hl.title(rec),
		Authors:   rec.Authors,
		Date:      rec.Date,
		Year:      rec.Year,
		Series:    rec.Series,
		Number:    rec.Number,
		Countries: rec.Countries,
		Language:  rec.Language,
		Publisher: rec.Publisher,
		Abstract:  rec.Abstract,
		Source:    rec.Source,
		URL:       rec.URL,
		Parent:    rec.Parent,
	}
	if p.snippets > 0 {
		hit.Snippets = hl.snippets(rec, p.snippets)
	}
	return hit, nil
}

// matching applies the default matching rule (match.go) to a plan.
func (g *generation) matching(p *plan) matching {
	return defaultMatching(p.q.Text, p.tree, g.content)
}

// content reports whether a word is a content word: the analyzer of every
// language group in the index keeps it. A stop word of any language
// searched ("the", "de", "les") does not count towards a long query and is
// not searched in a ranked one, where in another language's records it
// would be a rare, heavily weighted word ("de" in English briefings).
func (g *generation) content(w string) bool {
	for _, group := range g.groups {
		if len(analyze(g.analyzer(group), w)) == 0 {
			return false
		}
	}
	return true
}
