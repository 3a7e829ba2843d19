package search

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"runtime"
	"sync"
	"weak"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
)

// This file scores prose with our own BM25F instead of bleve's "bm25"
// scoring model, which in v2.6.3 departs from BM25 in ways that cost 0.06
// MAP (0.292 against 0.351) on the CACM test collection (docs/quality.md,
// "Ranking"):
//
//   - term frequency enters as sqrt(tf) (the tf-idf habit), so a
//     document mentioning a word ten times barely beats one mentioning it
//     once;
//   - the "average field length" is the number of distinct terms in the
//     field's dictionary divided by the number of documents, a fraction of
//     the real average, so long documents are punished many times over;
//   - idf is applied twice (once in the score, once in the query weight);
//   - each field is scored on its own and a word found in the title and in
//     the body is multiplied by the share of fields that matched (coord),
//     instead of the fields being weighed together.
//
// bm25Query is a bleve query.Query, so it nests in bleve's conjunctions,
// disjunctions and boolean queries like any other; it reads the postings
// (frequencies and field lengths) from the segments (postings.go) and computes
// BM25F (Robertson and Zaragoza, "The Probabilistic Relevance Framework:
// BM25 and Beyond", 2009): for each query term, its frequency in each
// field is length-normalised and weighted by the field's boost, the sum is
// saturated once, and the result is multiplied by the term's idf. A
// query's terms are summed without a coordination factor: on the test
// collection any coordination factor lowered MAP (a document with more
// of the words already scores higher by the sum). The one exception keeps
// the scores of partial matches as they were (bm25Query.coord).

// BM25 parameters. k1 is the usual default (Lucene, Elasticsearch,
// Xapian). b, how much a long field is discounted, is 0.5 rather than the
// usual 0.75: on CACM with full and partial matches (docs/quality.md) MAP
// is flat at 0.362-0.365 for b from 0.4 to 0.6 and falls to 0.357 at 0.75,
// and the demo judgements do not move (0.9432-0.9454); 0.5 is the middle
// of that plateau, not its best point. A smaller b discounts long fields
// less: it takes part of a field's length to be more said on the subject
// (the scope hypothesis) rather than the same said at more length.
const (
	bm25K1 = 1.2
	bm25B  = 0.5
)

// corpusStats are the collection statistics BM25F needs: the number of
// records per language group (for idf) and the average length, in
// analysed terms, of each prose field over the records that have it.
type corpusStats struct {
	GroupDocs map[string]uint64  `json:"group_docs"`
	AvgLen    map[string]float64 `json:"avg_len"`
}

// internalStats is the internal key under which an index may carry its
// corpus statistics (statsValue), written when a generation is committed;
// without it they are read from the postings at the first search, which
// costs about a second per 5,000 briefings (docs/quality.md).
const internalStats = "briefs.bm25_stats"

// statsEntry computes a generation's statistics once.
type statsEntry struct {
	once  sync.Once
	stats *corpusStats
	err   error
}

// statsCache holds the statistics of open generations. A generation is
// read-only, so its statistics never change; the entry is dropped when the
// generation is garbage (weak key plus cleanup), so Reload does not leak.
var statsCache sync.Map // weak.Pointer[generation] -> *statsEntry

// stats returns the generation's corpus statistics: stored in the index,
// or read from its postings on first use.
func (g *generation) stats() (*corpusStats, error) {
	key := weak.Make(g)
	v, loaded := statsCache.LoadOrStore(key, &statsEntry{})
	if !loaded {
		runtime.AddCleanup(g, func(k weak.Pointer[generation]) { statsCache.Delete(k) }, key)
	}
	e := v.(*statsEntry)
	e.once.Do(func() {
		if b, err := g.idx.GetInternal([]byte(internalStats)); err == nil && len(b) > 0 {
			var st corpusStats
			if err := json.Unmarshal(b, &st); err == nil && st.GroupDocs != nil {
				e.stats = &st
				return
			}
		}
		e.stats, e.err = scanStats(g.idx, g.groups)
		if e.err != nil {
			e.err = fmt.Errorf("read collection statistics: %w", e.err)
		}
	})
	return e.stats, e.err
}

// statsValue computes an index's corpus statistics, encoded for storing
// under internalStats when a generation is committed (so that searches
// need not read every posting once per process).
func statsValue(idx bleve.Index) ([]byte, error) {
	groups, err := presentGroups(idx)
	if err != nil {
		return nil, err
	}
	st, err := scanStats(idx, groups)
	if err != nil {
		return nil, err
	}
	return json.Marshal(st)
}

// proseFieldBases maps every prose field (title_en, ...) to the index of its
// base in proseBases.
func proseFieldBases() map[string]int {
	m := map[string]int{}
	for _, g := range langGroups {
		for i, base := range proseBases {
			m[proseField(base, g)] = i
		}
	}
	return m
}

// scanStats reads the statistics from the postings of the prose fields of
// the given language groups: one pass over them.
func scanStats(idx bleve.Index, groups []string) (*corpusStats, error) {
	adv, err := idx.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	st := &corpusStats{GroupDocs: map[string]uint64{}, AvgLen: map[string]float64{}}
	for _, group := range groups {
		st.GroupDocs[group] = docFreq(r, FieldLangGroup, group)
		for _, base := range []string{FieldTitle, FieldAbstract, FieldBody} {
			f := proseField(base, group)
			total, docs, err := fieldLength(r, f)
			if err != nil {
				return nil, err
			}
			if docs > 0 {
				st.AvgLen[f] = float64(total) / float64(docs)
			}
		}
	}
	return st, nil
}

// fieldLength sums the term frequencies of every term of a field (its
// total length in analysed terms) and counts the records having it.
func fieldLength(r index.IndexReader, field string) (total, docs uint64, err error) {
	d, err := r.FieldDict(field)
	if err != nil {
		return 0, 0, err
	}
	defer d.Close()
	var seen docSet
	var tfd index.TermFieldDoc
	for {
		e, err := d.Next()
		if err != nil {
			return 0, 0, err
		}
		if e == nil {
			break
		}
		tfr, err := r.TermFieldReader(context.Background(), []byte(e.Term), field, true, false, false)
		if err != nil {
			return 0, 0, err
		}
		for {
			m, err := tfr.Next(tfd.Reset())
			if err != nil {
				tfr.Close()
				return 0, 0, err
			}
			if m == nil {
				break
			}
			total += m.Freq
			if seen.add(m.ID) {
				docs++
			}
		}
		tfr.Close()
	}
	return total, docs, nil
}

// docSet is a set of internal document IDs: a bitset of scorch's 8-byte
// document numbers (dense, so a few bits per record), with a map for any
// other kind of ID (bleve's in-memory index uses the external ID).
type docSet struct {
	bits  []uint64
	other map[string]struct{}
}

// add inserts id and reports whether it was new.
func (s *docSet) add(id index.IndexInternalID) bool {
	if len(id) != 8 {
		if s.other == nil {
			s.other = map[string]struct{}{}
		}
		if _, ok := s.other[string(id)]; ok {
			return false
		}
		s.other[string(id)] = struct{}{}
		return true
	}
	n := id.Value()
	i := int(n / 64)
	for i >= len(s.bits) {
		s.bits = append(s.bits, 0)
	}
	bit := uint64(1) << (n % 64)
	if s.bits[i]&bit != 0 {
		return false
	}
	s.bits[i] |= bit
	return true
}

// bm25Query matches records containing at least min of its distinct terms
// in any of its fields and scores them by BM25F. Terms are analysed
// already (the analyzer of the fields' language group); a term listed
// twice counts twice, as a word repeated in a query does.
//
// idf treats the whole index as one collection, so that a word weighs
// the same in every language group's records: N is every record, and a
// term's document frequency adds to its own group's the records of each
// other group having the same word as that group's analyzer indexes it
// (alt: "remittances" is "remitt" in English fields, "remittanc" in
// Spanish ones). Scores of different groups' branches are then
// comparable: an English word cited in the bibliographies of a few
// Spanish records is as common there as it is in the English records,
// instead of rare and heavily weighted in the Spanish fields; a name
// shared by the languages (coca, Bolivia) weighs the same in all of them;
// and a word of one language ("erradicación") is rare in the index and
// lifts the records in that language, so a Spanish question ranks Spanish
// records first.
type bm25Query struct {
	terms  []string
	fields []boostedField
	others [][]string // the same scope's fields in each other language group
	// alt holds, for a term, the same query word analysed by each other
	// group (aligned with others; "" where that group drops it as a stop
	// word). A term missing here is looked up as it is.
	alt map[string][]string
	// cover scales the scores by the share of the distinct terms found in
	// the group's fields at all. In an index of several languages a long
	// query then weighs most in the records of its own language: a Spanish
	// question reaches English records only through names such as "coca"
	// and "Bolivia", and with a share of 2 of its 6 words they no longer
	// outrank Spanish records that match all six. It changes nothing in an
	// index of one language (every record gets the same factor).
	cover bool
	// coord scales the scores by the share of the query's words a record
	// has (a word listed twice counts twice): the score bleve's
	// disjunction of one query per word gives, which the plain words of a
	// query's partial matches had before they became one bm25Query
	// (anyWords in translate.go).
	coord bool
	min   int
	docs  uint64 // records in the index: N in idf
	stats *corpusStats
}

// Searcher implements bleve's query.Query.
func (q *bm25Query) Searcher(ctx context.Context, r index.IndexReader, _ mapping.IndexMapping, opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	dicts, err := newSegmentDicts(r)
	if err != nil {
		return nil, err
	}
	s := &bm25Searcher{min: max(q.min, 1), explain: opts.Explain, vectors: opts.IncludeTermVectors}
	if q.coord {
		s.words = len(q.terms)
	}
	qtf := map[string]int{}
	var order []string
	for _, t := range q.terms {
		if qtf[t] == 0 {
			order = append(order, t)
		}
		qtf[t]++
	}
	for _, term := range order {
		ti := len(s.terms)
		var df uint64
		for _, f := range q.fields {
			avg := q.stats.AvgLen[f.name]
			if avg == 0 {
				continue // no record has this field
			}
			p, err := dicts.open([]byte(term), f.name, opts.IncludeTermVectors)
			if err != nil {
				return nil, err
			}
			if p == nil {
				continue
			}
			df = max(df, p.count)
			s.all = append(s.all, &cursor{idx: len(s.all), term: ti, field: f.name, boost: f.boost, avg: avg, p: p})
		}
		// Within a group df is the largest of the fields' document
		// frequencies: the number of records with the term in any field is
		// at least that, and usually close to it (titles reuse words of
		// the body).
		for j, fs := range q.others {
			ot := term
			if a, ok := q.alt[term]; ok {
				ot = a[j]
			}
			if ot == "" {
				continue
			}
			var n uint64
			for _, f := range fs {
				n = max(n, docFreq(r, f, ot))
			}
			df += n
		}
		nDocs := max(q.docs, df)
		idf := math.Log(1 + (float64(nDocs)-float64(df)+0.5)/(float64(df)+0.5))
		s.terms = append(s.terms, bm25Term{text: term, weight: float64(qtf[term]) * idf, words: qtf[term]})
	}
	if q.cover && len(order) > 0 {
		have := map[int]bool{}
		for _, c := range s.all {
			have[c.term] = true
		}
		share := float64(len(have)) / float64(len(order))
		for i := range s.terms {
			s.terms[i].weight *= share
		}
	}
	s.acc = make([]float64, len(s.terms))
	for _, c := range s.all {
		ok, err := c.p.next()
		if err != nil {
			return nil, err
		}
		if ok {
			s.heap = append(s.heap, c)
		}
	}
	s.heap.init()
	return s, nil
}

type bm25Term struct {
	text   string
	weight float64 // query term frequency times idf
	words  int     // query term frequency
}

// cursor walks the postings of one term in one field.
type cursor struct {
	idx   int // index in bm25Searcher.all
	term  int // index in bm25Searcher.terms
	field string
	boost float64
	avg   float64 // the field's average length
	p     *postings
}

// part25 is what one cursor's posting adds to a term's frequency in acc.
type part25 struct {
	idx, term int
	tf        float64
}

// cursorHeap is a binary min-heap of cursors by current document. It is
// written out rather than used through container/heap, whose calls
// through an interface for every comparison were a tenth of a query's
// CPU: the searcher fixes the heap once per posting read.
type cursorHeap []*cursor

func (h cursorHeap) init() {
	for i := len(h)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

// down moves the cursor at i down to its place.
func (h cursorHeap) down(i int) {
	n := len(h)
	c := h[i]
	for {
		l := 2*i + 1
		if l >= n {
			break
		}
		m := l
		if r := l + 1; r < n && h[r].p.doc < h[l].p.doc {
			m = r
		}
		if h[m].p.doc >= c.p.doc {
			break
		}
		h[i] = h[m]
		i = m
	}
	h[i] = c
}

// popTop removes the cursor at the root.
func (h *cursorHeap) popTop() {
	old := *h
	n := len(old) - 1
	old[0] = old[n]
	old[n] = nil
	*h = old[:n]
	if n > 0 {
		h.down(0)
	}
}

// bm25Searcher merges the postings of every (term, field) pair in document
// order and scores each document once all its postings are read.
type bm25Searcher struct {
	unnormalised
	terms   []bm25Term
	all     []*cursor
	heap    cursorHeap
	min     int
	words   int       // the query's words, when scores are scaled by the share found (bm25Query.coord)
	acc     []float64 // per term: sum of weighted, length-normalised frequencies
	parts   []part25  // the current document's postings, what each adds to acc
	doc     uint64
	locs    []bsearch.FieldTermLocation
	explain bool
	vectors bool
}

var reflectStaticSizeBM25Searcher = int(reflect.TypeOf(bm25Searcher{}).Size())

func (s *bm25Searcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	for len(s.heap) > 0 {
		doc := s.heap[0].p.doc
		s.doc = doc
		clear(s.acc)
		s.locs = s.locs[:0]
		s.parts = s.parts[:0]
		for len(s.heap) > 0 && s.heap[0].p.doc == doc {
			c := s.heap[0]
			s.parts = append(s.parts, part25{c.idx, c.term,
				c.boost * float64(c.p.freq) / (1 - bm25B + bm25B*float64(c.p.length)/c.avg)})
			if s.vectors {
				s.collect(c)
			}
			ok, err := c.p.next()
			if err != nil {
				return nil, err
			}
			if !ok {
				s.heap.popTop()
			} else {
				s.heap.down(0)
			}
		}
		// The cursors of one document leave the heap in an order that
		// depends on the heap's history (a shard starting with Advance
		// rebuilds it); their parts are added in cursor order, so that a
		// record's score is the same to the last bit however it is reached.
		for i := 1; i < len(s.parts); i++ {
			for j := i; j > 0 && s.parts[j].idx < s.parts[j-1].idx; j-- {
				s.parts[j], s.parts[j-1] = s.parts[j-1], s.parts[j]
			}
		}
		for _, p := range s.parts {
			s.acc[p.term] += p.tf
		}
		if d := s.score(ctx); d != nil {
			return d, nil
		}
	}
	return nil, nil
}

// score turns the accumulated frequencies of the document s.doc into a
// match, or nil when it has fewer than min of the terms.
func (s *bm25Searcher) score(ctx *bsearch.SearchContext) *bsearch.DocumentMatch {
	matched, words, score := 0, 0, 0.0
	for i, tf := range s.acc {
		if tf > 0 {
			matched++
			words += s.terms[i].words
			score += s.terms[i].weight * tf * (bm25K1 + 1) / (tf + bm25K1)
		}
	}
	if matched < s.min {
		return nil
	}
	if s.words > 0 {
		score *= float64(words) / float64(s.words)
	}
	d := ctx.DocumentMatchPool.Get()
	d.IndexInternalID = index.NewIndexInternalID(d.IndexInternalID, s.doc)
	d.Score = score
	if s.explain {
		d.Expl = &bsearch.Explanation{Value: score,
			Message: fmt.Sprintf("bm25f: %d of %d terms (k1=%g, b=%g)", matched, len(s.terms), bm25K1, bm25B)}
	}
	if s.vectors {
		d.FieldTermLocations = append(d.FieldTermLocations, s.locs...)
	}
	return d
}

// collect copies a cursor's term vectors (its iterator reuses them).
func (s *bm25Searcher) collect(c *cursor) {
	for _, v := range c.p.locations() {
		s.locs = append(s.locs, bsearch.FieldTermLocation{
			Field: c.field,
			Term:  s.terms[c.term].text,
			Location: bsearch.Location{
				Pos: v.Pos(), Start: v.Start(), End: v.End(),
				ArrayPositions: append(bsearch.ArrayPositions(nil), v.ArrayPositions()...),
			},
		})
	}
}

func (s *bm25Searcher) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	var target uint64
	if len(id) == 8 {
		target = id.Value()
	}
	kept := s.heap[:0]
	for _, c := range s.heap {
		if c.p.doc < target {
			ok, err := c.p.advance(target)
			if err != nil {
				return nil, err
			}
			if !ok {
				continue
			}
		}
		kept = append(kept, c)
	}
	s.heap = kept
	s.heap.init()
	return s.Next(ctx)
}

func (s *bm25Searcher) Close() error {
	s.all, s.heap = nil, nil
	return nil
}

// unnormalised gives our searchers (bm25Searcher, phraseSearcher) the
// search.Searcher methods they answer alike. Weight and SetQueryNorm take
// part in bleve's query normalisation, which only rescales every score of a
// query by the same factor: our scores are used as they are.
type unnormalised struct{}

func (unnormalised) Weight() float64            { return 1 }
func (unnormalised) SetQueryNorm(float64)       {}
func (unnormalised) Min() int                   { return 0 }
func (unnormalised) DocumentMatchPoolSize() int { return 1 }

// Count estimates the matches (bleve orders conjunctions by it).
func (s *bm25Searcher) Count() uint64 {
	var n uint64
	for _, c := range s.all {
		n += c.p.count
	}
	return n
}

func (s *bm25Searcher) Size() int {
	n := reflectStaticSizeBM25Searcher + 8*len(s.acc)
	for _, c := range s.all {
		n += c.p.size()
	}
	return n
}
