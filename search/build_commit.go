package search

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// Committing a generation: the last batches written, records whose files
// are gone deleted, the generation finished and swapped in atomically.

// Commit deletes the records whose files are gone, writes everything,
// makes the new generation live and removes the earlier generations but
// the BuildOptions.Keep newest (readers still searching one keep their
// open files until they reload). The
// directory lock is released whatever the outcome.
func (b *Builder) Commit() (BuildStats, error) {
	return b.CommitContext(context.Background())
}

// CommitContext is Commit that gives up, leaving the live generation as it
// was, when ctx is done before the new generation is on disk (an ingest
// interrupted with Ctrl-C while its last segments are written).
func (b *Builder) CommitContext(ctx context.Context) (BuildStats, error) {
	if b.done {
		return BuildStats{}, errors.New("commit: builder is finished")
	}
	stats, err := b.commit(ctx)
	if err != nil {
		b.Abort()
		return BuildStats{}, fmt.Errorf("commit index %s: %w", b.dir, err)
	}
	return stats, nil
}

func (b *Builder) commit(ctx context.Context) (BuildStats, error) {
	for id, old := range b.existing {
		if b.roots[old.root] && !b.keep[old.root] && !b.seen[id] {
			b.batch.Delete(id)
			b.store.Delete(id)
			b.stats.Deleted++
			if b.batch.Size() >= b.opts.BatchSize {
				if err := b.flush(); err != nil {
					return BuildStats{}, err
				}
			}
		}
	}
	if err := b.flush(); err != nil {
		return BuildStats{}, err
	}
	if err := b.drain(); err != nil {
		return BuildStats{}, err
	}
	if b.bulk != nil {
		if err := b.finishBulk(ctx); err != nil {
			return BuildStats{}, err
		}
	}
	total, err := b.idx.DocCount()
	if err != nil {
		return BuildStats{}, err
	}
	b.stats.Total = int(total)
	if b.prev != "" && !b.opts.Rebuild && b.stats.Added+b.stats.Updated+b.stats.Deleted == 0 {
		// Nothing changed: keep the live generation rather than swapping in
		// an identical copy (readers then have nothing to reload). Earlier
		// generations a killed run left behind (killed after its switch,
		// before its clean-up) go all the same, under the lock.
		b.stats.Generation = b.prev
		stats := b.stats
		b.removeOld(b.prev)
		b.Abort()
		return stats, nil
	}
	minYear, maxYear, err := yearSpan(b.idx)
	if err != nil {
		return BuildStats{}, err
	}
	// BM25 collection statistics, computed once here so that a reader's
	// first search need not walk the postings for them (bm25.go).
	var bm25Stats []byte
	if b.bulkStats != nil {
		// Counted as the records were added: no walk over the postings.
		bm25Stats, err = json.Marshal(b.bulkStats)
	} else {
		bm25Stats, err = statsValue(b.idx)
	}
	if err != nil {
		return BuildStats{}, err
	}

	// The last batch carries the internal values and a callback that fires
	// once bleve has persisted it, and with it everything before it:
	// unsafe_batch means nothing else guarantees that before Close.
	persisted := make(chan error, 1)
	final := b.idx.NewBatch()
	final.SetInternal([]byte(internalVersion), []byte(strconv.Itoa(MappingVersion)))
	final.SetInternal([]byte(internalYears), []byte(fmt.Sprintf("%d %d", minYear, maxYear)))
	final.SetInternal([]byte(internalStats), bm25Stats)
	final.SetPersistedCallback(func(err error) { persisted <- err })
	if err := b.idx.Batch(final); err != nil {
		return BuildStats{}, err
	}
	timeout := time.NewTimer(persistTimeout)
	defer timeout.Stop()
	select {
	case err := <-persisted:
		if err != nil {
			return BuildStats{}, fmt.Errorf("persist: %w", err)
		}
	case <-b.async.done:
		return BuildStats{}, fmt.Errorf("persist: %w", b.async.err)
	case <-ctx.Done():
		return BuildStats{}, fmt.Errorf("persist: %w", ctx.Err())
	case <-timeout.C:
		return BuildStats{}, errors.New("persist: timed out")
	}
	err = b.idx.Close()
	b.idx = nil
	if err != nil {
		return BuildStats{}, err
	}
	// Closed: scorch reports nothing more, and a failure it reported
	// while closing (a last merge) still counts.
	building.Delete(b.asyncKey)
	if err := b.async.get(); err != nil {
		return BuildStats{}, fmt.Errorf("persist: %w", err)
	}
	if err := pruneGeneration(b.tmp); err != nil {
		return BuildStats{}, err
	}
	err = b.store.Commit()
	if cerr := b.store.Close(); err == nil {
		err = cerr
	}
	b.store = nil
	if err != nil {
		return BuildStats{}, fmt.Errorf("document store: %w", err)
	}

	name := genName(b.gen)
	if err := syncTree(b.tmp); err != nil {
		return BuildStats{}, err
	}
	if err := os.Rename(b.tmp, filepath.Join(b.dir, name)); err != nil {
		return BuildStats{}, err
	}
	b.tmp = ""
	if err := syncDir(b.dir); err != nil {
		b.removeUnused(name)
		return BuildStats{}, err
	}
	if err := writeCurrent(b.dir, name); err != nil {
		b.removeUnused(name)
		return BuildStats{}, err
	}
	b.removeOld(name)
	b.done = true
	b.stats.Generation = name
	b.lock.unlock()
	return b.stats, nil
}
