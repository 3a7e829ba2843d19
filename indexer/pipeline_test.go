package indexer

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"testing/synctest"
)

// TestOrdered checks that results come out in item order whatever order
// the workers finish in, and that ordered stops on emit's error and on
// ctx's cancellation. Each case runs in a synctest bubble, which fails the
// test if a goroutine of the pipeline is left blocked after it returns.
func TestOrdered(t *testing.T) {
	stop := errors.New("stop")
	tests := []struct {
		name    string
		items   int
		workers int
		stopAt  int // emit fails on this item (-1: never)
		cancel  int // ctx is cancelled while this item is emitted (-1: never)
		want    int // items emitted
		wantErr error
	}{
		{"all, in order", 100, 4, -1, -1, 100, nil},
		{"one worker", 10, 1, -1, -1, 10, nil},
		{"no items", 0, 2, -1, -1, 0, nil},
		{"emit fails", 100, 3, 5, -1, 6, stop},
		{"cancelled", 100, 3, -1, 7, 8, context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				ctx, cancel := context.WithCancel(t.Context())
				defer cancel()
				items := make([]int, tt.items)
				for i := range items {
					items[i] = i
				}
				// Items finish out of order: item i waits for item i+1
				// to have started (but not the last of each group of
				// tt.workers, which would wait for a free worker forever),
				// or for the pipeline to be stopped.
				started := make([]chan struct{}, tt.items+1)
				for i := range started {
					started[i] = make(chan struct{})
				}
				quit := make(chan struct{})
				var emitted []int
				err := ordered(ctx, tt.workers, each(items), func(i int) string {
					close(started[i])
					if i%tt.workers != tt.workers-1 && i+1 < tt.items {
						select {
						case <-started[i+1]:
						case <-quit:
						}
					}
					return fmt.Sprint(i)
				}, func(s string) error {
					if want := fmt.Sprint(len(emitted)); s != want {
						t.Errorf("emitted %s, want %s", s, want)
					}
					emitted = append(emitted, len(emitted))
					if len(emitted)-1 == tt.cancel {
						close(quit)
						cancel()
					}
					if len(emitted)-1 == tt.stopAt {
						close(quit)
						return stop
					}
					return nil
				})
				if !errors.Is(err, tt.wantErr) || len(emitted) != tt.want {
					t.Errorf("ordered = %v after %d items, want %v after %d", err, len(emitted), tt.wantErr, tt.want)
				}
			})
		})
	}
}

// TestOrderedParallel checks that n workers run at once: each work call
// waits until all n have started, which deadlocks (and fails the synctest
// bubble) if fewer run together.
func TestOrderedParallel(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const n = 4
		var wg sync.WaitGroup
		wg.Add(n)
		err := ordered(t.Context(), n, each([]int{0, 1, 2, 3}), func(int) int {
			wg.Done()
			wg.Wait()
			return 0
		}, func(int) error { return nil })
		if err != nil {
			t.Fatal(err)
		}
	})
}

// TestOrderedBounded checks that the items read ahead stay bounded: with
// emit blocked, next is not called beyond what the workers and the queue
// hold; and that emit failing then, with the producer blocked on the full
// queue, still stops every goroutine.
func TestOrderedBounded(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const n = 2
		calls := 0
		next := func() (int, bool) { calls++; return calls, true } // endless
		release := make(chan struct{})
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan error)
		go func() {
			done <- ordered(ctx, n, next, func(i int) int { return i }, func(int) error {
				<-release
				return errors.New("stop")
			})
		}()
		synctest.Wait() // every goroutine is blocked: the queue is full
		// The queue's items, one more waiting to enter it, and the first
		// taken out by emit.
		if max := aheadPerWorker*n + 2; calls > max {
			t.Errorf("next called %d times with emit blocked, want at most %d", calls, max)
		}
		close(release)
		if err := <-done; err == nil {
			t.Error("emit's error not returned")
		}
		cancel()
	})
}
