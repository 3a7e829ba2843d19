package search

import (
	"context"
	"reflect"
	"slices"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
)

// phraseQuery selects the records where analysed terms stand next to each
// other, in order, in any of the given fields: term i at the position of
// term 0 plus offs[i] (stop words the analyzer removed leave gaps, as in
// bleve's match_phrase). It only selects; records are scored by BM25F
// over the words (translate.go puts it in a boolean query's filter).
//
// bleve's phrase searcher does the same work through a conjunction of term
// searchers that score every candidate and copy each occurrence of every
// term into maps of locations before comparing them; a two-word phrase of
// common words over 100,000 briefings took 0.2 to 0.7 s (docs/bench.md).
// Here the terms' postings (postings.go) are advanced in step and the
// positions compared as they come.
type phraseQuery struct {
	terms  []string
	offs   []int
	fields []string
}

// newPhraseQuery selects the analysed tokens of a phrase, at their
// positions, in the given fields.
func newPhraseQuery(toks analysis.TokenStream, fields []string) *phraseQuery {
	q := &phraseQuery{fields: fields}
	for _, tok := range toks {
		q.terms = append(q.terms, string(tok.Term))
		q.offs = append(q.offs, tok.Position-toks[0].Position)
	}
	return q
}

// Searcher implements bleve's query.Query.
func (q *phraseQuery) Searcher(_ context.Context, r index.IndexReader, _ mapping.IndexMapping, _ bsearch.SearcherOptions) (bsearch.Searcher, error) {
	dicts, err := newSegmentDicts(r)
	if err != nil {
		return nil, err
	}
	s := &phraseSearcher{}
fields:
	for _, f := range q.fields {
		m := &phraseField{offs: q.offs}
		for _, term := range q.terms {
			p, err := dicts.open([]byte(term), f, true)
			if err != nil {
				return nil, err
			}
			if p == nil {
				continue fields // a term no record has in f
			}
			m.terms = append(m.terms, p)
		}
		s.fields = append(s.fields, m)
	}
	return s, nil
}

// phraseField finds the phrase in one field.
type phraseField struct {
	terms   []*postings // each term's, on its current posting once started
	offs    []int
	started bool
	done    bool
	next    uint64 // the next matching document, when started and not done
}

// seek sets m.next to the first matching document at or after target.
func (m *phraseField) seek(target uint64) error {
	for !m.done {
		// Leapfrog: bring every term to the candidate; a term landing
		// beyond it makes its document the new candidate.
		cand := target
		agreed := false
		for !agreed {
			agreed = true
			for _, p := range m.terms {
				if m.started && p.doc >= cand {
					if p.doc > cand {
						cand, agreed = p.doc, false
					}
					continue
				}
				ok, err := p.advance(cand)
				if err != nil {
					return err
				}
				if !ok {
					m.done = true
					return nil
				}
				if p.doc > cand {
					cand, agreed = p.doc, false
				}
			}
			m.started = true
		}
		if m.adjacent() {
			m.next = cand
			return nil
		}
		target = cand + 1
	}
	return nil
}

// adjacent reports whether the current postings, all on one document,
// hold the terms at their offsets from a common start in the same array
// element.
func (m *phraseField) adjacent() bool {
	for _, v0 := range m.terms[0].locations() {
		ok := true
		for i := 1; i < len(m.terms) && ok; i++ {
			want := v0.Pos() + uint64(m.offs[i])
			ok = false
			for _, v := range m.terms[i].locations() {
				if v.Pos() == want && slices.Equal(v.ArrayPositions(), v0.ArrayPositions()) {
					ok = true
					break
				}
				if v.Pos() > want && len(v.ArrayPositions()) == 0 {
					break // positions come in order within one text
				}
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// phraseSearcher merges the matches of the fields.
type phraseSearcher struct {
	unnormalised
	fields []*phraseField
	cur    uint64 // last document returned + 1
}

var reflectStaticSizePhraseSearcher = int(reflect.TypeOf(phraseSearcher{}).Size())

func (s *phraseSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	return s.Advance(ctx, nil)
}

// Advance returns the first match at or after id (nil: after the last one
// returned).
func (s *phraseSearcher) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	target := s.cur
	if id != nil {
		target = max(target, id.Value())
	}
	best, found := uint64(0), false
	for _, f := range s.fields {
		if !f.started || (!f.done && f.next < target) {
			if err := f.seek(target); err != nil {
				return nil, err
			}
		}
		if !f.done && (!found || f.next < best) {
			best, found = f.next, true
		}
	}
	if !found {
		return nil, nil
	}
	s.cur = best + 1
	d := ctx.DocumentMatchPool.Get()
	d.IndexInternalID = index.NewIndexInternalIDFrom(d.IndexInternalID, idOf(best))
	d.Score = 1
	return d, nil
}

func idOf(n uint64) index.IndexInternalID {
	id := make(index.IndexInternalID, 8)
	id.SetValue(n)
	return id
}

func (s *phraseSearcher) Close() error {
	s.fields = nil
	return nil
}

// Count estimates the matches: at most the rarest term's records per field.
func (s *phraseSearcher) Count() uint64 {
	var n uint64
	for _, f := range s.fields {
		least := uint64(0)
		for i, p := range f.terms {
			if c := p.count; i == 0 || c < least {
				least = c
			}
		}
		n += least
	}
	return n
}

func (s *phraseSearcher) Size() int {
	n := reflectStaticSizePhraseSearcher
	for _, f := range s.fields {
		for _, p := range f.terms {
			n += p.size()
		}
	}
	return n
}
