package search

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
)

// Finishing a generation: one merge after a build from empty, removing
// files no generation uses, earlier generations, and the year span.

// finishBulk writes the records of a build from empty as the
// generation's one segment (bulk.go) and opens the index for Commit to
// finish.
func (b *Builder) finishBulk(ctx context.Context) error {
	segs, err := b.bulk.finish(ctx)
	b.bulkStats = b.bulk.stats.corpusStats()
	dir := b.bulk.dir
	b.bulk = nil
	if err != nil {
		return err
	}
	if b.idx, err = installSegments(segs, b.tmp, b.mapping, b.config); err != nil {
		return err
	}
	b.batch = b.idx.NewBatch()
	return os.RemoveAll(dir)
}

// removeUnused deletes the generation name after a failed commit unless
// CURRENT names it (the failure came after the switch). On a full disk
// this gives the space back now rather than at the next commit.
func (b *Builder) removeUnused(name string) {
	cur, err := readCurrent(b.dir)
	if (err == nil && cur != name) || errors.Is(err, fs.ErrNotExist) {
		os.RemoveAll(filepath.Join(b.dir, name))
	}
}

// removeOld deletes every generation but the new live one and the
// opts.Keep newest of those that were live before it. Readers that
// have the removed generation open keep their open files (on Unix a
// removed file lives on while open) until they reload. Failing to remove
// one is harmless (the next commit tries again), so errors are ignored.
func (b *Builder) removeOld(live string) {
	gens, err := generations(b.dir)
	if err != nil {
		return
	}
	liveN, _ := parseGen(live)
	// Generations after the one live until now were never live (a run
	// killed between its rename and the switch): never kept.
	prevN, _ := parseGen(b.prev)
	kept := 0
	for i := len(gens) - 1; i >= 0; i-- {
		n := gens[i]
		if n == liveN {
			continue
		}
		if n <= prevN && kept < b.opts.Keep {
			kept++
			continue
		}
		os.RemoveAll(filepath.Join(b.dir, genName(n)))
	}
}

// Abort discards the unfinished generation and releases the lock. It is a
// no-op after Commit (or a previous Abort), so `defer b.Abort()` is safe.
func (b *Builder) Abort() {
	if b.done {
		return
	}
	b.done = true
	b.drain() // a batch still being written would race with Close
	if b.bulk != nil {
		b.bulk.stop()
		b.bulk = nil
	}
	if b.idx != nil {
		b.idx.Close()
		b.idx = nil
	}
	if b.store != nil {
		b.store.Close()
		b.store = nil
	}
	if b.tmp != "" {
		os.RemoveAll(b.tmp)
	}
	building.Delete(b.asyncKey)
	b.lock.unlock()
}

// yearSpan returns the first and last year of the records (0, 0 if none
// has a year), for the zero-filled year histogram.
func yearSpan(idx bleve.Index) (int, int, error) {
	one := func(desc bool) (int, error) {
		min := 1.0
		q := bleve.NewNumericRangeQuery(&min, nil)
		q.SetField(FieldYear)
		req := bleve.NewSearchRequestOptions(q, 1, 0, false)
		req.Fields = []string{FieldYear}
		req.SortByCustom(bsearch.SortOrder{&bsearch.SortField{Field: FieldYear, Desc: desc, Type: bsearch.SortFieldAsNumber}})
		res, err := idx.Search(req)
		if err != nil || len(res.Hits) == 0 {
			return 0, err
		}
		y, _ := res.Hits[0].Fields[FieldYear].(float64)
		return int(y), nil
	}
	lo, err := one(false)
	if err != nil {
		return 0, 0, err
	}
	hi, err := one(true)
	return lo, hi, err
}
