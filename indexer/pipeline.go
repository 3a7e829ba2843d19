package indexer

import (
	"context"
	"runtime"
	"sync"
)

// Extraction (parsing HTML, PDF, JSON) is CPU-bound and independent from
// one input to the next, while what follows it is not: duplicate IDs, the
// merging of a page with its PDF, the report and the index all depend on
// the order of the inputs. ordered therefore extracts in parallel and hands
// the results over one by one, in input order, so that a walk gives the
// same records, skips and report as a sequential one.

// aheadPerWorker bounds how many inputs per worker are extracted ahead of
// their turn (being worked on or waiting): enough to keep every worker
// busy while one slow input (a large PDF) holds up the line, few enough
// that a walk holds only a handful of documents per core in memory.
const aheadPerWorker = 2

// workers is how many goroutines extract at once: one per core Go may use.
func workers() int { return runtime.GOMAXPROCS(0) }

// ordered calls work on every item that next yields, on n goroutines, and
// emit with each result in the order of the items, on the calling
// goroutine. next is called from a single goroutine of its own, until it
// returns false.
//
// It returns emit's first error, or ctx's error when ctx is done before
// every result was emitted; either way the other goroutines have stopped
// when it returns. A work call under way is not interrupted, but no new
// one starts once ctx is done or emit has failed.
func ordered[T, R any](ctx context.Context, n int, next func() (T, bool), work func(T) R, emit func(R) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	n = max(n, 1)
	inner, cancel := context.WithCancel(ctx)
	type job struct {
		item T
		out  chan R
	}
	jobs := make(chan job)
	// queue holds each item's result slot in item order; its capacity is
	// what bounds the items in flight.
	queue := make(chan chan R, aheadPerWorker*n)
	var wg sync.WaitGroup
	defer func() {
		cancel()
		wg.Wait()
	}()

	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(queue)
		defer close(jobs)
		for inner.Err() == nil {
			item, ok := next()
			if !ok {
				return
			}
			out := make(chan R, 1) // a worker never waits for the consumer
			select {
			case queue <- out:
			case <-inner.Done():
				return
			}
			select {
			case jobs <- job{item, out}:
			case <-inner.Done():
				return
			}
		}
	}()
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if inner.Err() != nil {
					continue // nobody waits for it: drain until the producer stops
				}
				j.out <- work(j.item)
			}
		}()
	}

	for out := range queue {
		// ctx is checked first so that a cancellation seen by emit (a
		// progress callback that cancels) stops the next emit for sure.
		if err := ctx.Err(); err != nil {
			return err
		}
		var r R
		select {
		case r = <-out:
		case <-ctx.Done():
			return ctx.Err()
		}
		if err := emit(r); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// each yields the items of a slice, for ordered.
func each[T any](items []T) func() (T, bool) {
	i := 0
	return func() (T, bool) {
		if i == len(items) {
			var zero T
			return zero, false
		}
		i++
		return items[i-1], true
	}
}
