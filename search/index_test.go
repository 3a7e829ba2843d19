package search

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
)

func TestReload(t *testing.T) {
	dir := t.TempDir()
	mustCommit(t, dir, BuildOptions{}, rec("a", "coca"))
	idx, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()

	if switched, err := idx.Reload(); err != nil || switched {
		t.Fatalf("Reload with nothing new = %v, %v; want false, nil", switched, err)
	}
	mustCommit(t, dir, BuildOptions{}, rec("b", "cannabis"))
	if res := mustSearch(t, idx, Query{}); res.Total != 1 {
		t.Errorf("before Reload: %d records, want 1 (the old generation)", res.Total)
	}
	if switched, err := idx.Reload(); err != nil || !switched {
		t.Fatalf("Reload after a commit = %v, %v; want true, nil", switched, err)
	}
	if idx.Generation() != "gen-000002" {
		t.Errorf("Generation() = %s, want gen-000002", idx.Generation())
	}
	if res := mustSearch(t, idx, Query{}); res.Total != 2 {
		t.Errorf("after Reload: %d records, want 2", res.Total)
	}
}

func TestReaderSkipsGenerationsItMissed(t *testing.T) {
	dir := t.TempDir()
	mustCommit(t, dir, BuildOptions{}, rec("a", "coca"))
	idx, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	// Three commits while the reader sleeps: the generation it has open is
	// deleted from disk, which must not disturb it.
	for _, id := range []string{"b", "c", "d"} {
		mustCommit(t, dir, BuildOptions{}, rec(id, "word "+id))
	}
	if res := mustSearch(t, idx, Query{Text: "coca"}); res.Total != 1 {
		t.Errorf("search on a generation deleted from disk: %d hits, want 1", res.Total)
	}
	if switched, err := idx.Reload(); err != nil || !switched {
		t.Fatalf("Reload = %v, %v", switched, err)
	}
	if res := mustSearch(t, idx, Query{}); res.Total != 4 {
		t.Errorf("after Reload: %d records, want 4", res.Total)
	}
}

func TestClosedIndex(t *testing.T) {
	idx := mustBuildIndex(t, rec("a", "coca"))
	idx.Close()
	if _, err := idx.Search(context.Background(), Query{}); !errors.Is(err, ErrClosed) {
		t.Errorf("Search after Close: %v, want ErrClosed", err)
	}
	if _, err := idx.Reload(); !errors.Is(err, ErrClosed) {
		t.Errorf("Reload after Close: %v, want ErrClosed", err)
	}
	if err := idx.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

// TestRebuildWhileSearching runs searches in a loop while a Builder
// rebuilds the index and Reload swaps generations: no search may fail and
// every answer must be complete (one generation or the other, never a mix).
func TestRebuildWhileSearching(t *testing.T) {
	dir := t.TempDir()
	corpus := func(n int) []Record {
		var out []Record
		for i := range n {
			out = append(out, Record{ID: fmt.Sprintf("r%03d", i), Kind: "briefing", Language: "en",
				Title: fmt.Sprintf("Briefing %d on coca", i), Year: 2000 + i%10,
				Paragraphs: []string{"Coca and cocaine markets.", fmt.Sprintf("Paragraph %d.", i)}})
		}
		return out
	}
	small, large := corpus(40), corpus(70)
	mustCommit(t, dir, BuildOptions{}, small...)
	idx, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()

	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var searches atomic.Int64
	errs := make(chan error, 100)
	for w := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			qs := []Query{{}, {Text: "coca", Filters: map[string][]string{"country": {"x"}}}, {Text: "coca"}}
			for ctx.Err() == nil {
				q := qs[w]
				res, err := idx.Search(context.Background(), q)
				searches.Add(1)
				if err != nil {
					errs <- err
					return
				}
				if q.Filters["country"] != nil {
					continue
				}
				if res.Total != uint64(len(small)) && res.Total != uint64(len(large)) {
					errs <- fmt.Errorf("search %q found %d records, want %d or %d", q.Text, res.Total, len(small), len(large))
					return
				}
				years := 0
				for _, b := range res.Facets.Years.Bins {
					years += b.Count
				}
				if uint64(years) != res.Total {
					errs <- fmt.Errorf("year facet counts %d of %d hits", years, res.Total)
					return
				}
			}
		}()
	}
	for i := range 4 {
		recs := large
		if i%2 == 1 {
			recs = small
		}
		mustCommit(t, dir, BuildOptions{Rebuild: true}, recs...)
		if _, err := idx.Reload(); err != nil {
			t.Errorf("Reload: %v", err)
		}
	}
	cancel()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if searches.Load() == 0 {
		t.Error("no search ran")
	}
}
