package search

import (
	"context"
	"math"
	"reflect"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// groupsQuery ORs the branches a query text is translated into, one per
// language group (translate.go). Every branch matches records of its own
// group only, so two branches almost never match the same record, and
// their matches are merged by document number: the lowest current match
// is the next one. A match is scored as bleve's disjunction scores it, the
// sum of the branches' scores times the share of branches matching, so
// scores are unchanged; bleve's disjunction compared 8-byte IDs and
// gathered the matching clauses into slices for every match, a tenth of
// the walk over a large query's matches (docs/bench.md).
type groupsQuery struct {
	branches []query.Query
}

// Searcher implements bleve's query.Query.
func (q *groupsQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	s := &groupsSearcher{}
	for _, b := range q.branches {
		k, err := b.Searcher(ctx, r, m, opts)
		if err != nil {
			s.Close()
			return nil, err
		}
		s.kids = append(s.kids, k)
	}
	s.cur = make([]*bsearch.DocumentMatch, len(s.kids))
	s.docs = make([]uint64, len(s.kids))
	// Query normalisation as bleve's disjunction does it: it scales the
	// scores of bleve's own term searchers (a metadata field's terms);
	// BM25 and phrase searchers ignore it.
	sum := 0.0
	for _, k := range s.kids {
		sum += k.Weight()
	}
	norm := 1 / math.Sqrt(sum)
	for _, k := range s.kids {
		k.SetQueryNorm(norm)
	}
	return s, nil
}

// groupsSearcher merges the matches of its branches in document order.
type groupsSearcher struct {
	kids    []bsearch.Searcher
	cur     []*bsearch.DocumentMatch // each branch's current match; nil when done
	docs    []uint64                 // its document number
	started bool
}

var reflectStaticSizeGroupsSearcher = int(reflect.TypeOf(groupsSearcher{}).Size())

// load makes m branch i's current match.
func (s *groupsSearcher) load(i int, m *bsearch.DocumentMatch) {
	s.cur[i] = m
	if m != nil {
		s.docs[i] = m.IndexInternalID.Value()
	}
}

// start brings every branch to its first match, or with an id to its
// first match at or after it.
func (s *groupsSearcher) start(ctx *bsearch.SearchContext, id index.IndexInternalID) error {
	s.started = true
	for i, k := range s.kids {
		var m *bsearch.DocumentMatch
		var err error
		if id == nil {
			m, err = k.Next(ctx)
		} else {
			m, err = k.Advance(ctx, id)
		}
		if err != nil {
			return err
		}
		s.load(i, m)
	}
	return nil
}

func (s *groupsSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	if !s.started {
		if err := s.start(ctx, nil); err != nil {
			return nil, err
		}
	}
	best := -1
	for i, m := range s.cur {
		if m != nil && (best < 0 || s.docs[i] < s.docs[best]) {
			best = i
		}
	}
	if best < 0 {
		return nil, nil
	}
	rv, doc := s.cur[best], s.docs[best]
	sum, matched := 0.0, 0
	for i, m := range s.cur {
		if m == nil || s.docs[i] != doc {
			continue
		}
		sum += m.Score
		matched++
		if i != best {
			if len(m.FieldTermLocations) > 0 {
				rv.FieldTermLocations = append(rv.FieldTermLocations, m.FieldTermLocations...)
			}
			ctx.DocumentMatchPool.Put(m)
		}
		next, err := s.kids[i].Next(ctx)
		if err != nil {
			return nil, err
		}
		s.load(i, next)
	}
	rv.Score = sum * (float64(matched) / float64(len(s.kids)))
	return rv, nil
}

func (s *groupsSearcher) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	if !s.started {
		if err := s.start(ctx, id); err != nil {
			return nil, err
		}
		return s.Next(ctx)
	}
	target := id.Value()
	for i, m := range s.cur {
		if m == nil || s.docs[i] >= target {
			continue
		}
		ctx.DocumentMatchPool.Put(m)
		next, err := s.kids[i].Advance(ctx, id)
		if err != nil {
			return nil, err
		}
		s.load(i, next)
	}
	return s.Next(ctx)
}

func (s *groupsSearcher) Weight() float64 {
	w := 0.0
	for _, k := range s.kids {
		w += k.Weight()
	}
	return w
}

func (s *groupsSearcher) SetQueryNorm(norm float64) {
	for _, k := range s.kids {
		k.SetQueryNorm(norm)
	}
}

func (s *groupsSearcher) Count() uint64 {
	var n uint64
	for _, k := range s.kids {
		n += k.Count()
	}
	return n
}

func (s *groupsSearcher) Min() int { return 0 }

func (s *groupsSearcher) DocumentMatchPoolSize() int {
	n := len(s.kids)
	for _, k := range s.kids {
		n += k.DocumentMatchPoolSize()
	}
	return n
}

func (s *groupsSearcher) Size() int {
	n := reflectStaticSizeGroupsSearcher
	for _, k := range s.kids {
		n += k.Size()
	}
	return n
}

func (s *groupsSearcher) Close() error {
	var first error
	for _, k := range s.kids {
		if err := k.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}
