package search

import (
	"context"
	"runtime"
	"slices"
	"sync"

	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// collect runs a text query once and gathers everything a result page
// needs from its matches: the total and the requested page of hits under
// the facet filters, and every facet's counts over the matches that pass
// all filters but that facet's own (disjunctive facets). The filters are
// checked per match against the columns (columns.go) instead of being
// added to the query, so one walk over the matches serves the main search
// and every facet; bleve would need one search per selected facet, each
// visiting the doc values of all its hits.

// checkEvery is how many matches pass between two looks at the deadline.
const checkEvery = 1024

// collected is what one walk over a query's matches found.
type collected struct {
	total  uint64
	hits   []ranked // the requested page, in order
	facets map[string]*facetCount
	// works are the works with several versions that matched (work.go),
	// so that the partial matches after them leave them out.
	works docBits
	// matched holds every match of the query, filtered out or not, when
	// the plan asks for it (plan.keepMatches).
	matched docBits
}

// docBits is a set of document numbers, a bit each.
type docBits []uint64

func newDocBits(n int) docBits { return make(docBits, (n+63)/64) }

func (b docBits) has(d uint64) bool {
	return d/64 < uint64(len(b)) && b[d/64]&(1<<(d%64)) != 0
}

func (b docBits) add(d uint64) { b[d/64] |= 1 << (d % 64) }

// facetCount is one facet's counts over the matches that pass every
// filter but its own. counts is indexed by value ordinal (term facets) or
// by year minus the histogram's first year.
type facetCount struct {
	counts  []int
	missing int    // matches without a value
	total   uint64 // matches counted
}

// ranked is a match with what sorting compares.
type ranked struct {
	doc   uint64
	score float64
}

// facetFilter is one facet's selection, resolved to the ordinals (or years)
// it accepts.
type facetFilter struct {
	name  string
	col   *termColumn // nil for the year filter
	ok    []bool      // per ordinal
	from  int16       // year filter bounds, inclusive
	to    int16
	years []int16
}

func (f *facetFilter) pass(d uint64) bool {
	if f.col == nil {
		y := f.years[d]
		return y != 0 && y >= f.from && y <= f.to
	}
	for _, o := range f.col.of(d) {
		if f.ok[o] {
			return true
		}
	}
	return false
}

// filtersOf resolves the plan's selections against the columns.
func filtersOf(p *plan, c *docColumns) []*facetFilter {
	var out []*facetFilter
	for _, f := range termFacets() {
		want := map[string]bool{}
		for _, v := range p.q.Filters[f.name] {
			if v = f.norm(v); v != "" {
				want[v] = true
			}
		}
		if len(want) == 0 {
			continue
		}
		col := c.term(f.name)
		ff := &facetFilter{name: f.name, col: col, ok: make([]bool, len(col.values))}
		for o, k := range col.keys {
			ff.ok[o] = want[k]
		}
		out = append(out, ff)
	}
	if p.q.YearFrom > 0 || p.q.YearTo > 0 {
		ff := &facetFilter{name: facetYear, from: 1, to: 1<<15 - 1, years: c.year}
		if p.q.YearFrom > 0 {
			ff.from = int16(min(p.q.YearFrom, 1<<15-1))
		}
		if p.q.YearTo > 0 {
			ff.to = int16(min(p.q.YearTo, 1<<15-1))
		}
		out = append(out, ff)
	}
	return out
}

// shardAlign aligns the first document number of every shard: the shards'
// bits in collected.matched then lie in words, and cache lines, of their
// own. It must be a multiple of 64. It and shardMin are variables so that
// TestShardedWalk can shard a small index.
var shardAlign uint64 = 512

// shardMin is the estimated number of matches above which a query's
// matches are walked in parallel, one part of the document numbers per
// core: a walk over tens of thousands of matches is most of a query's
// time, and below a few thousand the second searcher costs more than it
// saves.
var shardMin uint64 = 4000

// collect walks the matches of q.
func (g *generation) collect(ctx context.Context, q query.Query, p *plan) (*collected, error) {
	c, err := g.columns()
	if err != nil {
		return nil, err
	}
	r, err := g.reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()

	ctx = bsearch.ContextWithTermSearchersCounter(ctx)
	ctx = context.WithValue(ctx, bsearch.GetScoringModelCallbackKey,
		bsearch.GetScoringModelCallbackFn(func() string { return index.BM25Scoring }))
	first, err := q.Searcher(ctx, r, g.idx.Mapping(), bsearch.SearcherOptions{})
	if err != nil {
		return nil, err
	}
	searchers := []bsearch.Searcher{first}
	defer func() {
		for _, s := range searchers {
			s.Close()
		}
	}()
	if n := runtime.GOMAXPROCS(0); n > 1 && first.Count() >= shardMin && uint64(c.n) >= 2*shardMin {
		for range n - 1 {
			s, err := q.Searcher(ctx, r, g.idx.Mapping(), bsearch.SearcherOptions{})
			if err != nil {
				return nil, err
			}
			searchers = append(searchers, s)
		}
	}

	w := newWalk(g, c, p)
	if p.keepMatches {
		w.matched = newDocBits(c.n)
	}
	shards := make([]*shard, len(searchers))
	errs := make([]error, len(searchers))
	var wg sync.WaitGroup
	for k, s := range searchers {
		from := uint64(c.n*k/len(searchers)) &^ (shardAlign - 1)
		to := uint64(c.n*(k+1)/len(searchers)) &^ (shardAlign - 1)
		if k == len(searchers)-1 {
			to = uint64(c.n)
		}
		shards[k] = w.newShard()
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[k] = shards[k].run(ctx, s, r, from, to)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return w.merge(shards), nil
}

// walk is what the shards of one collect share: the columns, the
// resolved filters and the facets counted.
type walk struct {
	c       *docColumns
	p       *plan
	filters []*facetFilter
	names   []string
	own     []int         // own[i]: index in filters of facet i's filter, or -1
	cols    []*termColumn // what facet i counts: a term column, nil for the year
	sizes   []int         // number of counters of facet i
	lo, hi  int           // the year histogram's span
	matched docBits       // every match, when the plan keeps them
}

func newWalk(g *generation, c *docColumns, p *plan) *walk {
	w := &walk{c: c, p: p, filters: filtersOf(p, c), lo: 0, hi: -1}
	if !p.noFacets {
		w.names = g.facetNames()
	}
	if g.minY > 0 {
		w.lo, w.hi = g.yearBounds()
	}
	for _, name := range w.names {
		own := -1
		for j, f := range w.filters {
			if f.name == name {
				own = j
			}
		}
		w.own = append(w.own, own)
		if name == facetYear {
			w.cols = append(w.cols, nil)
			w.sizes = append(w.sizes, w.hi-w.lo+1)
			continue
		}
		col := c.term(name)
		w.cols = append(w.cols, col)
		w.sizes = append(w.sizes, len(col.values))
	}
	return w
}

// shard is one part of a walk: the matches with document numbers in a
// range, counted on their own and merged at the end.
//
// Shards run on different cores and write their counters on every match,
// so each keeps them in memory of its own: counters of two shards sharing
// a cache line made the cores pass that line back and forth on every
// increment, which cost a quarter of a query's CPU (docs/bench.md).
type shard struct {
	w        *walk
	total    uint64
	counts   []facetCount
	top      *topN
	versions []versionMatch // matches that are versions of a work with others
	// batches hold matches whose facets are not yet counted (flush):
	// batches[0] those passing every filter, batches[j+1] those failing
	// filter j alone, which count in that filter's own facet only.
	batches [][]uint64
	_       [cacheLine]byte
}

// cacheLine is at least the size of a CPU cache line: the padding that
// keeps two shards' counters apart.
const cacheLine = 128

func (w *walk) newShard() *shard {
	sh := &shard{w: w, top: newTopN(w.p.sort, w.c, w.p.from+w.p.size), batches: make([][]uint64, len(w.filters)+1)}
	sh.counts = make([]facetCount, len(w.sizes), len(w.sizes)+cacheLine/8)
	n := cacheLine / 8 // ints of padding before the first counter and after the last
	for _, size := range w.sizes {
		n += size
	}
	all := make([]int, n+cacheLine/8)[cacheLine/8:]
	for i, size := range w.sizes {
		sh.counts[i].counts, all = all[:size:size], all[size:]
	}
	return sh
}

// run walks the matches of s with document numbers in [from, to).
func (sh *shard) run(ctx context.Context, s bsearch.Searcher, r index.IndexReader, from, to uint64) error {
	err := sh.walk(ctx, s, r, from, to)
	for k := range sh.batches {
		sh.flush(k)
	}
	return err
}

// countBatch is how many matches a batch keeps before their facets are
// counted (flush).
const countBatch = 256

// walk is run but for the last batch of counts.
func (sh *shard) walk(ctx context.Context, s bsearch.Searcher, r index.IndexReader, from, to uint64) error {
	sctx := &bsearch.SearchContext{
		DocumentMatchPool: bsearch.NewDocumentMatchPool(s.DocumentMatchPoolSize()+1, 0),
		IndexReader:       r,
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	var m *bsearch.DocumentMatch
	var err error
	if from > 0 {
		m, err = s.Advance(sctx, idOf(from))
	} else {
		m, err = s.Next(sctx)
	}
	w, c := sh.w, sh.w.c
	for seen := 1; ; seen++ {
		if err != nil {
			return err
		}
		if m == nil {
			return nil
		}
		d := m.IndexInternalID.Value()
		if d >= to {
			return nil
		}
		if seen%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		score := m.Score
		sctx.DocumentMatchPool.Put(m)
		if w.matched != nil && int(d) < c.n {
			w.matched.add(d)
		}
		if w.p.skipDocs.has(d) {
			m, err = s.Next(sctx)
			continue
		}
		if int(d) < c.n {
			failed, miss := 0, -1
			for j, f := range w.filters {
				if !f.pass(d) {
					failed++
					miss = j
					if failed > 1 {
						break
					}
				}
			}
			if _, grouped := w.c.works.of(d); grouped && failed <= 1 {
				// A version of a work with others: counted once per work
				// when the shards are merged (work.go).
				if failed == 0 {
					miss = -1
				}
				sh.versions = append(sh.versions, versionMatch{doc: d, score: score, miss: miss})
				failed = 2
			}
			switch failed {
			case 0:
				sh.total++
				sh.queue(0, d)
				sh.top.offer(ranked{doc: d, score: score})
			case 1:
				sh.queue(miss+1, d)
			}
		}
		m, err = s.Next(sctx)
	}
}

// queue adds document d to batch k, counting the batch once it is full.
func (sh *shard) queue(k int, d uint64) {
	if sh.batches[k] = append(sh.batches[k], d); len(sh.batches[k]) == countBatch {
		sh.flush(k)
	}
}

// flush counts the facets of the matches in batch k, facet by facet: a
// tight loop over one column each, where counting every facet of one
// match at a time took a tenth of a large query's time.
func (sh *shard) flush(k int) {
	w, batch := sh.w, sh.batches[k]
	for i, col := range w.cols {
		if k > 0 && w.own[i] != k-1 {
			continue // its matches fail another facet's filter: facet i leaves them out
		}
		fc := &sh.counts[i]
		fc.total += uint64(len(batch))
		switch {
		case col == nil:
			for _, d := range batch {
				if y := int(w.c.year[d]); y >= w.lo && y <= w.hi {
					fc.counts[y-w.lo]++
				}
			}
		case len(col.values) == 0:
			fc.missing += len(batch)
		case col.single != nil:
			for _, d := range batch {
				if o := col.single[d]; o != noOrd {
					fc.counts[o]++
				} else {
					fc.missing++
				}
			}
		default:
			for _, d := range batch {
				from, to := col.start[d], col.start[d+1]
				if from == to {
					fc.missing++
				}
				for _, o := range col.ords[from:to] {
					fc.counts[o]++
				}
			}
		}
	}
	sh.batches[k] = batch[:0]
}

// merge adds up the shards.
func (w *walk) merge(shards []*shard) *collected {
	out := &collected{facets: map[string]*facetCount{}}
	top := newTopN(w.p.sort, w.c, w.p.from+w.p.size)
	for i, name := range w.names {
		fc := &facetCount{counts: make([]int, w.sizes[i])}
		for _, sh := range shards {
			part := &sh.counts[i]
			fc.total += part.total
			fc.missing += part.missing
			for k, n := range part.counts {
				fc.counts[k] += n
			}
		}
		out.facets[name] = fc
	}
	for _, sh := range shards {
		out.total += sh.total
		for _, r := range sh.top.items {
			top.offer(r)
		}
	}
	w.mergeVersions(shards, out, top)
	out.hits = top.page(w.p.from)
	out.matched = w.matched
	return out
}

// topN keeps the best k matches in a sort order. Every order ends with the
// ID (its byte order), so that pages never shuffle between requests.
type topN struct {
	k     int
	items []ranked // a heap with the worst kept match at the root
	less  func(a, b ranked) bool
}

func newTopN(sort string, c *docColumns, k int) *topN {
	t := &topN{k: k}
	byID := func(a, b ranked) bool { return c.idRank[a.doc] < c.idRank[b.doc] }
	// newer reports -1 when a is newer than b, 1 when older, 0 when equal;
	// documents without a date come last.
	dateCmp := func(a, b ranked, desc bool) int {
		da, db := c.date[a.doc], c.date[b.doc]
		switch {
		case da == db:
			return 0
		case da == noDate:
			return 1
		case db == noDate:
			return -1
		case (da > db) == desc:
			return -1
		}
		return 1
	}
	switch sort {
	case SortNewest, SortOldest:
		desc := sort == SortNewest
		t.less = func(a, b ranked) bool {
			if x := dateCmp(a, b, desc); x != 0 {
				return x < 0
			}
			return byID(a, b)
		}
	case SortNumber:
		series := c.term(facetSeries)
		first := func(d uint64) int64 {
			if o := series.of(d); len(o) > 0 {
				return int64(o[0])
			}
			return 1 << 40 // missing last
		}
		num := func(d uint64) int64 {
			if n := c.number[d]; n != 0 {
				return int64(n)
			}
			return 1 << 40
		}
		t.less = func(a, b ranked) bool {
			if sa, sb := first(a.doc), first(b.doc); sa != sb {
				return sa < sb
			}
			if na, nb := num(a.doc), num(b.doc); na != nb {
				return na < nb
			}
			return byID(a, b)
		}
	default:
		t.less = func(a, b ranked) bool {
			if a.score != b.score {
				return a.score > b.score
			}
			if x := dateCmp(a, b, true); x != 0 {
				return x < 0
			}
			return byID(a, b)
		}
	}
	return t
}

// offer considers one match.
func (t *topN) offer(r ranked) {
	if t.k <= 0 {
		return
	}
	if len(t.items) < t.k {
		t.items = append(t.items, r)
		t.up(len(t.items) - 1)
		return
	}
	if t.less(r, t.items[0]) {
		t.items[0] = r
		t.down(0)
	}
}

// worse orders the heap: the root is the match that ranks last.
func (t *topN) worse(i, j int) bool { return t.less(t.items[j], t.items[i]) }

func (t *topN) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !t.worse(i, p) {
			return
		}
		t.items[i], t.items[p] = t.items[p], t.items[i]
		i = p
	}
}

func (t *topN) down(i int) {
	n := len(t.items)
	for {
		l := 2*i + 1
		if l >= n {
			return
		}
		w := l
		if r := l + 1; r < n && t.worse(r, l) {
			w = r
		}
		if !t.worse(w, i) {
			return
		}
		t.items[i], t.items[w] = t.items[w], t.items[i]
		i = w
	}
}

// page returns the kept matches in order, from the given offset.
func (t *topN) page(from int) []ranked {
	all := slices.Clone(t.items)
	slices.SortFunc(all, func(a, b ranked) int {
		switch {
		case t.less(a, b):
			return -1
		case t.less(b, a):
			return 1
		}
		return 0
	})
	if from >= len(all) {
		return nil
	}
	return all[from:]
}
