package search

import (
	"context"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/briefs/briefs/search/syntax"
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
	defer x.keepResident() // after the release: deferred calls run last first
	defer g.release()
	res, err := g.search(ctx, p)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	res.Took = time.Since(start)
	return res, nil
}

// outcome is what one run of a plan found.
type outcome struct {
	main *collected
	t    *translator
}

func (g *generation) search(ctx context.Context, p *plan) (*Results, error) {
	m := g.matching(p)
	partial := syntax.Partial(m, p.tree)
	p.keepMatches = partial // the partial matches leave the full ones out
	out, err := g.run(ctx, p, m)
	if err != nil {
		return nil, err
	}
	defer func() { out.t.close() }()
	notes := append([]string(nil), p.notes...)
	if m.Mode == syntax.MatchRanked && out.main.total > 0 {
		notes = append(notes, "a long query: results need not contain every word; those matching it best come first")
	}
	var tail *collected // the partial matches, after the full ones
	if partial {
		if tail, err = g.partialMatches(ctx, p, m, out.main); err != nil {
			return nil, err
		}
		if out.main.total == 0 && tail != nil && tail.total > 0 {
			notes = append(notes, "no document has all the words; showing documents with some of them")
		}
	}
	notes = append(notes, out.t.notes...)

	res := &Results{
		Query:       p.q,
		SearchedFor: p.describe(),
		Total:       out.main.total,
		Page:        p.page,
		Size:        p.size,
		Pages:       p.pages(out.main.total),
		Hits:        []Hit{},
		Facets:      g.facets(p, out),
		Notes:       notes,
	}
	if tail != nil {
		res.More = tail.total
		res.Pages = p.pages(out.main.total + tail.total)
	}
	words, phrases := out.t.positive(p.tree)
	hl := newHighlighter(g, words, phrases)
	if len(out.main.hits) > 0 || (tail != nil && len(tail.hits) > 0) {
		r, err := g.reader()
		if err != nil {
			return nil, err
		}
		defer r.Close()
		for _, h := range out.main.hits {
			hit, err := g.hit(ctx, r, h, p, hl)
			if err != nil {
				return nil, err
			}
			res.Hits = append(res.Hits, hit)
		}
		if tail != nil {
			for _, h := range tail.hits {
				hit, err := g.hit(ctx, r, h, p, hl)
				if err != nil {
					return nil, err
				}
				hit.Partial = true
				res.Hits = append(res.Hits, hit)
			}
		}
	}
	// No record has all the words, often because one of them is
	// misspelt: the respelled query may find them all.
	if res.Total == 0 && p.tree != nil {
		if res.Suggestion, err = g.suggest(ctx, p); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// partialMatches finds the partial matches of a query whose full matches
// number full: the records holding some of its plain words but not
// all (matchAny), ranked among themselves. They follow the
// full matches in the result list, so the requested page takes from them
// only what the full matches leave: the hits of the combined list from
// p.from on, past the first full. Their facets are not counted: the
// facets, like the total, describe the full matches. A work among the full
// matches is not a partial match through another of its versions.
func (g *generation) partialMatches(ctx context.Context, p *plan, m syntax.Matching, main *collected) (*collected, error) {
	full := main.total
	rt := newTranslator(g, syntax.Matching{Mode: syntax.MatchAny, Plus: m.Plus})
	defer rt.close()
	most, none, err := rt.text(p.tree)
	if err != nil || none {
		return nil, err
	}
	tp := *p
	tp.skipWorks = main.works
	tp.skipDocs = main.matched // the full matches
	tp.keepMatches = false
	tp.noFacets = true
	start, end := max(uint64(p.from), full), uint64(p.from+p.size)
	tp.from, tp.size = int(start-full), int(end-start)
	if end <= start {
		tp.from, tp.size = 0, 1 // only the count is needed
	}
	c, err := g.collect(ctx, most, &tp)
	if err != nil {
		return nil, err
	}
	if end <= start {
		c.hits = nil
	}
	return c, nil
}

// run searches once: one walk over the matches of the query text gives the
// hits, the total and the facets (collect.go).
func (g *generation) run(ctx context.Context, p *plan, m syntax.Matching) (*outcome, error) {
	t := newTranslator(g, m)
	text, none, err := t.text(p.tree)
	if err != nil {
		t.close()
		return nil, err
	}
	out := &outcome{t: t}
	if none {
		out.main = &collected{facets: map[string]*facetCount{}}
		return out, nil
	}
	if out.main, err = g.collect(ctx, text, p); err != nil {
		t.close()
		return nil, err
	}
	return out, nil
}

// hit builds a result-list entry from a match: its record's metadata from
// the document store, and its snippets.
func (g *generation) hit(ctx context.Context, r index.IndexReader, h ranked, p *plan, hl *highlighter) (Hit, error) {
	id, err := r.ExternalID(idOf(h.doc))
	if err != nil {
		return Hit{}, err
	}
	d, rec, err := g.stored(id)
	if err != nil {
		return Hit{}, fmt.Errorf("record %s: %w", id, err)
	}
	// The hit carries the record's metadata; the paragraph structure and
	// the content hash are the document page's and the index's business.
	rec.ID, rec.Kinds, rec.Hash = id, nil, ""
	hit := Hit{Record: rec, Score: h.score, TitleHTML: hl.title(rec)}
	if p.snippets > 0 {
		if hit.Snippets, err = hl.snippetsAt(ctx, r, idOf(h.doc), d, rec, p.snippets); err != nil {
			return Hit{}, fmt.Errorf("record %s: %w", id, err)
		}
	}
	if hit.Versions, err = g.versions(r, h.doc); err != nil {
		return Hit{}, err
	}
	return hit, nil
}

// matching applies the default matching rule (syntax.DefaultMatching) to a plan.
func (g *generation) matching(p *plan) syntax.Matching {
	return syntax.DefaultMatching(p.q.Text, p.tree, g.content)
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
