package search

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2/search/query"
)

// maxSnippets caps Query.Snippets: a result list has no room for more.
const maxSnippets = 10

// plan is a validated Query with its defaults applied and its text parsed.
type plan struct {
	q Query
	// skipWorks are works already shown among the full matches: their
	// other versions are not partial matches (search.go).
	skipWorks docBits
	// skipDocs are the full matches, which the walk over partial matches
	// leaves out; keepMatches asks the walk over full matches to record
	// them (collected.matched).
	skipDocs    docBits
	keepMatches bool
	tree        Node // nil: match everything
	page        int
	size        int
	from        int
	facetSize   int
	snippets    int
	sort        string
	notes       []string
	// noFacets skips counting facets: the walk over partial matches, whose
	// facets are not shown (the facets describe the full matches).
	noFacets bool
}

// Validate checks a query without searching: a *SyntaxError for text that
// does not parse, a *RequestError for values outside the caps. The web
// layer calls it to answer 400 before touching the index.
func (q Query) Validate() error {
	_, err := q.plan()
	return err
}

func (q Query) plan() (*plan, error) {
	if len(q.Text) > MaxQueryLength {
		return nil, requestErrorf("the query is too long (%d bytes; the limit is %d); shorten it", len(q.Text), MaxQueryLength)
	}
	tree, err := Parse(q.Text)
	if err != nil {
		return nil, err
	}
	p := &plan{q: q, tree: tree, page: q.Page, size: q.Size, facetSize: q.FacetSize, sort: q.Sort}
	switch {
	case p.page < 0:
		return nil, requestErrorf("page %d: pages are numbered from 1", p.page)
	case p.page == 0:
		p.page = 1
	}
	switch {
	case p.size < 0:
		return nil, requestErrorf("page size %d: it must be between 1 and %d", p.size, MaxSize)
	case p.size == 0:
		p.size = DefaultSize
	case p.size > MaxSize:
		return nil, requestErrorf("page size %d is too large; the limit is %d", p.size, MaxSize)
	}
	// Deep pages cost memory and time proportional to their depth (bleve
	// keeps from+size hits in its collector), so results stop at a window.
	if p.page > MaxResultWindow/p.size {
		return nil, requestErrorf("page %d is beyond the first %d results; narrow the search instead",
			p.page, MaxResultWindow)
	}
	p.from = (p.page - 1) * p.size
	switch {
	case p.facetSize < 0:
		return nil, requestErrorf("facet size %d: it must be between 1 and %d", p.facetSize, MaxFacetSize)
	case p.facetSize == 0:
		p.facetSize = DefaultFacetSize
	case p.facetSize > MaxFacetSize:
		p.facetSize = MaxFacetSize
		p.notes = append(p.notes, fmt.Sprintf("facets show at most %d values each", MaxFacetSize))
	}
	switch p.sort {
	case "":
		p.sort = SortRelevance
	case SortRelevance, SortNewest, SortOldest, SortNumber:
	default:
		return nil, requestErrorf("unknown sort order %q: use %s, %s, %s or %s",
			p.sort, SortRelevance, SortNewest, SortOldest, SortNumber)
	}
	if q.YearFrom < 0 || q.YearTo < 0 {
		return nil, requestErrorf("years must be positive")
	}
	if q.YearFrom > 0 && q.YearTo > 0 && q.YearFrom > q.YearTo {
		return nil, requestErrorf("the year range is reversed: from %d is after to %d", q.YearFrom, q.YearTo)
	}
	switch {
	case q.Snippets == 0:
		p.snippets = 3
	case q.Snippets < 0:
		p.snippets = 0
	default:
		p.snippets = min(q.Snippets, maxSnippets)
	}
	return p, nil
}

// pages is the number of result pages, within the result window.
func (p *plan) pages(total uint64) int {
	n := min(total, MaxResultWindow)
	return int((n + uint64(p.size) - 1) / uint64(p.size))
}

// filters returns the filter clause of each facet with a selection: values
// of one facet are ORed, facets are ANDed by the caller.
func (p *plan) filters() map[string]query.Query {
	out := map[string]query.Query{}
	for _, f := range termFacets() {
		var qs []query.Query
		for _, v := range p.q.Filters[f.name] {
			if v = f.norm(v); v != "" {
				qs = append(qs, termQuery(v, f.match))
			}
		}
		if len(qs) > 0 {
			out[f.name] = query.NewDisjunctionQuery(qs)
		}
	}
	if p.q.YearFrom > 0 || p.q.YearTo > 0 {
		out[facetYear] = yearRange(p.q.YearFrom, p.q.YearTo)
	}
	return out
}

// yearRange matches years from..to inclusive; 0 leaves an end open.
func yearRange(from, to int) query.Query {
	var lo, hi *float64
	if from > 0 {
		f := float64(from)
		lo = &f
	}
	if to > 0 {
		t := float64(to)
		hi = &t
	}
	yes := true
	q := query.NewNumericRangeInclusiveQuery(lo, hi, &yes, &yes)
	q.SetField(FieldYear)
	return q
}

// langCode normalises a language name or code to the code records carry.
func langCode(s string) string {
	s = normKey(s)
	if c, ok := languageNames[s]; ok {
		return c
	}
	return s
}

var languageNames = map[string]string{
	"english": "en", "spanish": "es", "espanol": "es", "castellano": "es",
	"french": "fr", "francais": "fr", "portuguese": "pt", "portugues": "pt",
	"german": "de", "deutsch": "de", "italian": "it", "italiano": "it",
	"dutch": "nl", "nederlands": "nl",
}

// describe prints what was searched for: the parsed query and the filters
// in words, e.g. `coca eradication; country: Peru OR Bolivia; year: 2000–2005`.
func (p *plan) describe() string {
	var parts []string
	if p.tree != nil {
		parts = append(parts, p.tree.String())
	}
	for _, f := range termFacets() {
		if vs := p.q.Filters[f.name]; len(vs) > 0 {
			parts = append(parts, f.name+": "+strings.Join(vs, " OR "))
		}
	}
	from, to := p.q.YearFrom, p.q.YearTo
	switch {
	case from > 0 && to > 0 && from == to:
		parts = append(parts, "year: "+strconv.Itoa(from))
	case from > 0 && to > 0:
		parts = append(parts, fmt.Sprintf("year: %d–%d", from, to))
	case from > 0:
		parts = append(parts, fmt.Sprintf("year: %d or later", from))
	case to > 0:
		parts = append(parts, fmt.Sprintf("year: %d or earlier", to))
	}
	if len(parts) == 0 {
		return "everything"
	}
	return strings.Join(parts, "; ")
}

func termQuery(term, field string) query.Query {
	q := query.NewTermQuery(term)
	q.SetField(field)
	return q
}
