package search

import (
	"math"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2"
)

// TestBulkMatchesBatches: a build from empty (bulk.go: zapwrite's segment,
// or several merged by zap) answers every query exactly as the same
// records indexed through bleve's batches: the same works in the same
// order with the same scores, totals, facet counts and snippets.
func TestBulkMatchesBatches(t *testing.T) {
	recs := demoRecords(t)
	build := func(name string, fn func(dir string)) *Index {
		dir := t.TempDir()
		fn(dir)
		idx, err := Open(dir)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		t.Cleanup(func() { idx.Close() })
		return idx
	}
	bulk := build("bulk", func(dir string) { mustCommit(t, dir, BuildOptions{}, recs...) })
	// Segments of 7 records (more than maxBulkSegments: merged into one),
	// or of 30 (kept as they are), with records replaced and one deleted
	// along the way, so that the merge drops documents.
	withDrops := func(size int) func(dir string) {
		return func(dir string) {
			b, err := NewBuilder(dir, BuildOptions{BatchSize: size})
			if err != nil {
				t.Fatal(err)
			}
			defer b.Abort()
			for _, r := range recs {
				if err := b.Add(r); err != nil {
					t.Fatal(err)
				}
			}
			for _, r := range recs[:10] {
				if err := b.Add(r); err != nil {
					t.Fatal(err)
				}
			}
			extra := rec("extra-deleted", "coca")
			if err := b.Add(extra); err != nil {
				t.Fatal(err)
			}
			if err := b.Delete(extra.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := b.Commit(); err != nil {
				t.Fatal(err)
			}
		}
	}
	merged := build("merged", withDrops(7))
	kept := build("kept", withDrops(30))
	segs, _ := filepath.Glob(filepath.Join(kept.dir, "gen-*", "store", "*.zap"))
	if len(segs) < 3 {
		t.Errorf("segments of 30 records gave %d segment files, want them kept apart", len(segs))
	}
	segs, _ = filepath.Glob(filepath.Join(merged.dir, "gen-*", "store", "*.zap"))
	if len(segs) != 1 {
		t.Errorf("segments of 7 records gave %d segment files, want them merged into one", len(segs))
	}
	// bleve's batches: an incremental build on top of one record.
	batches := build("batches", func(dir string) {
		mustCommit(t, dir, BuildOptions{}, recs[0])
		mustCommit(t, dir, BuildOptions{BatchSize: 10}, recs...)
	})

	queries := []Query{
		{}, {Text: "coca"}, {Text: "coca eradication"}, {Text: `"alternative development"`},
		{Text: "cannabis OR opium"}, {Text: "coca -peru"}, {Text: "title:coca"}, {Text: "erradicación"},
		{Text: "eradicat*"}, {Text: "cocaa~"}, {Text: "drug policy", Sort: "newest"},
		{Text: "coca", Filters: map[string][]string{"country": {"Bolivia"}}}, {Text: "policy", YearFrom: 2005, YearTo: 2012},
		{Text: "development", Page: 2, Size: 5},
	}
	for _, q := range queries {
		want := mustSearch(t, batches, q)
		for name, idx := range map[string]*Index{"bulk": bulk, "merged": merged, "kept": kept} {
			got := mustSearch(t, idx, q)
			if a, b := resultSummary(want), resultSummary(got); a != b {
				t.Errorf("%s, %+v:\nbatches:\n%s%s:\n%s", name, q, a, name, b)
			}
			if !reflect.DeepEqual(want.Facets, got.Facets) {
				t.Errorf("%s, %+v: facets differ:\nbatches %+v\n%s %+v", name, q, want.Facets, name, got.Facets)
			}
			if len(got.Hits) > 0 && math.IsNaN(got.Hits[0].Score) {
				t.Errorf("%s: NaN score", name)
			}
		}
	}
}

// TestBulkStats: the BM25 statistics a build from empty counts as it adds
// records (replaced and deleted ones taken off) are those statsValue reads
// from the postings.
func TestBulkStats(t *testing.T) {
	recs := demoRecords(t)
	dir := t.TempDir()
	b, err := NewBuilder(dir, BuildOptions{BatchSize: 9})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Abort()
	for _, r := range append(recs, recs[:5]...) {
		if err := b.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Delete(recs[7].ID); err != nil {
		t.Fatal(err)
	}
	st, err := b.Commit()
	if err != nil {
		t.Fatal(err)
	}
	idx, err := bleve.Open(filepath.Join(dir, st.Generation))
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	counted, err := idx.GetInternal([]byte(internalStats))
	if err != nil {
		t.Fatal(err)
	}
	scanned, err := statsValue(idx)
	if err != nil {
		t.Fatal(err)
	}
	if string(counted) != string(scanned) {
		t.Errorf("counted statistics\n%s\nscanned from the postings\n%s", counted, scanned)
	}
}
