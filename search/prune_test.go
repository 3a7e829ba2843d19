package search

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/util"
	bolt "go.etcd.io/bbolt"
)

// manyRecords gives n records with varied text, enough for scorch to merge
// when they come in small batches.
func manyRecords(n int) []Record {
	words := strings.Fields("coca leaf eradication cannabis opium harm reduction policy prison reform market crop alternative development")
	recs := make([]Record, n)
	for i := range recs {
		var body []string
		for j := range 40 {
			body = append(body, words[(i*7+j*3)%len(words)])
		}
		recs[i] = Record{ID: fmt.Sprintf("r%04d", i), Kind: "briefing", Title: words[i%len(words)] + fmt.Sprint(" ", i),
			Language: "en", Hash: fmt.Sprint("h", i), Year: 1990 + i%30, Paragraphs: []string{strings.Join(body, " ")}}
	}
	return recs
}

func dirSize(t *testing.T, dir string) int64 {
	t.Helper()
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		n += fi.Size()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestPruneGeneration: after a build whose small batches made scorch merge
// many times, the generation holds one snapshot and only the segments it
// names, and still answers with every record.
func TestPruneGeneration(t *testing.T) {
	dir := t.TempDir()
	recs := manyRecords(600)
	st := mustCommit(t, dir, BuildOptions{BatchSize: 5}, recs...)
	if orphans, err := Orphans(dir); err != nil || len(orphans) > 0 {
		t.Errorf("Orphans = %v, %v; want none", orphans, err)
	}
	db, err := openRoot(filepath.Join(dir, st.Generation, "store"), true)
	if err != nil {
		t.Fatal(err)
	}
	var snaps, segs int
	db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(util.BoltSnapshotsBucket).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			snaps++
		}
		live, _, err := liveSegments(tx)
		segs = len(live)
		return err
	})
	db.Close()
	if snaps != 1 || segs == 0 {
		t.Errorf("generation holds %d snapshots naming %d segments, want 1 snapshot", snaps, segs)
	}
	m, _ := filepath.Glob(filepath.Join(dir, st.Generation, "store", "*.zap"))
	if len(m) != segs {
		t.Errorf("%d segment files for %d live segments", len(m), segs)
	}
	idx, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	if res := mustSearch(t, idx, Query{}); res.Total != uint64(len(recs)) {
		t.Errorf("pruned generation: %d records, want %d", res.Total, len(recs))
	}
	// An incremental build on top of it copies only what is live.
	mustCommit(t, dir, BuildOptions{BatchSize: 5}, append(recs, rec("extra", "coca"))...)
	if orphans, err := Orphans(dir); err != nil || len(orphans) > 0 {
		t.Errorf("after an update: Orphans = %v, %v; want none", orphans, err)
	}
}

// TestIdenticalIngestsSameSize: two builds of the same records give
// indexes within 5% of each other (scorch's merges run in the background
// and finish at different times, so byte equality is not expected).
func TestIdenticalIngestsSameSize(t *testing.T) {
	recs := manyRecords(800)
	var sizes []int64
	for range 2 {
		dir := t.TempDir()
		mustCommit(t, dir, BuildOptions{BatchSize: 10}, recs...)
		sizes = append(sizes, dirSize(t, dir))
	}
	lo, hi := min(sizes[0], sizes[1]), max(sizes[0], sizes[1])
	if float64(hi) > 1.05*float64(lo) {
		t.Errorf("identical ingests gave %d and %d bytes (%.1f%% apart)", sizes[0], sizes[1], 100*float64(hi-lo)/float64(lo))
	}
}

// TestUnchangedRunRemovesLeftovers: a run killed after its switch leaves
// the generation before it on disk; the next run removes it even when it
// changes nothing and so swaps in no generation of its own.
func TestUnchangedRunRemovesLeftovers(t *testing.T) {
	dir := t.TempDir()
	recs := manyRecords(20)
	mustCommit(t, dir, BuildOptions{}, recs[:19]...)
	mustCommit(t, dir, BuildOptions{}, recs...)
	live, err := readCurrent(dir)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := parseGen(live)
	if n < 2 {
		t.Fatalf("live generation %s, want a second one", live)
	}
	// What a killed run leaves: an earlier generation beside the live one.
	left := filepath.Join(dir, genName(n-1))
	if err := os.MkdirAll(filepath.Join(left, "store"), 0o755); err != nil {
		t.Fatal(err)
	}
	stats := mustCommit(t, dir, BuildOptions{}, recs...)
	if stats.Added+stats.Updated+stats.Deleted != 0 || stats.Generation != live {
		t.Fatalf("unchanged run: %+v, want nothing changed and %s still live", stats, live)
	}
	if _, err := os.Stat(left); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("leftover generation %s still on disk after an unchanged run (%v)", left, err)
	}
	gens, err := generations(dir)
	if err != nil || len(gens) != 1 {
		t.Errorf("generations after the unchanged run = %v (%v), want the live one alone", gens, err)
	}
}
