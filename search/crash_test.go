package search

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// The states a writer killed at each step of Commit leaves behind, built
// by hand so that every one is covered deterministically (the kill tests
// in cmd/briefs hit them at random): readers must keep the old
// generation, and the next writer must clear the leftovers.

// crashStates lays out dir as it is after a kill at one step of Commit.
var crashStates = []struct {
	name  string
	after func(t *testing.T, dir string) // applied to a directory holding gen-000001
}{
	{"killed while building", func(t *testing.T, dir string) {
		writeFile(t, filepath.Join(dir, "gen-000002.tmp", "store", "000000000001.zap"), "half a segment")
	}},
	{"killed while writing CURRENT.tmp", func(t *testing.T, dir string) {
		copyGen(t, dir, "gen-000001", "gen-000002")
		writeFile(t, filepath.Join(dir, "CURRENT.tmp"), "gen-00")
	}},
	{"killed after the rename, before the switch", func(t *testing.T, dir string) {
		copyGen(t, dir, "gen-000001", "gen-000002")
		writeFile(t, filepath.Join(dir, "CURRENT.tmp"), "gen-000002\n")
	}},
	{"killed while copying the live generation", func(t *testing.T, dir string) {
		writeFile(t, filepath.Join(dir, "gen-000002.tmp", "index_meta.json"), `{"storage":`)
	}},
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyGen(t *testing.T, dir, from, to string) {
	t.Helper()
	if err := copyDir(filepath.Join(dir, from), filepath.Join(dir, to)); err != nil {
		t.Fatal(err)
	}
}

func TestCrashStates(t *testing.T) {
	for _, tt := range crashStates {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			mustCommit(t, dir, BuildOptions{}, rec("a", "coca"), rec("b", "cannabis"))
			tt.after(t, dir)

			// A reader opens the generation CURRENT names, and Reload does not
			// switch to an orphan.
			idx, err := Open(dir)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer idx.Close()
			if idx.Generation() != "gen-000001" {
				t.Errorf("Generation = %s, want gen-000001", idx.Generation())
			}
			if switched, err := idx.Reload(); switched || err != nil {
				t.Errorf("Reload = %v, %v; want no switch", switched, err)
			}
			if res := mustSearch(t, idx, Query{}); res.Total != 2 {
				t.Errorf("%d records, want 2", res.Total)
			}

			// The next writer clears the leftovers and commits past them.
			st := mustCommit(t, dir, BuildOptions{}, rec("a", "coca"), rec("b", "cannabis"), rec("c", "opium"))
			if st.Total != 3 {
				t.Errorf("next commit: %+v", st)
			}
			if switched, err := idx.Reload(); !switched || err != nil {
				t.Errorf("Reload after the next commit = %v, %v", switched, err)
			}
			if res := mustSearch(t, idx, Query{}); res.Total != 3 {
				t.Errorf("after the next commit: %d records, want 3", res.Total)
			}
			ents, _ := os.ReadDir(dir)
			var names []string
			for _, e := range ents {
				names = append(names, e.Name())
			}
			// The orphan gen-000002 and the generation live before are
			// removed.
			want := []string{"CURRENT", st.Generation, "lock"}
			slices.Sort(want)
			if !slices.Equal(names, want) {
				t.Errorf("directory holds %v, want %v", names, want)
			}
		})
	}
}

// TestBackgroundWriteError: scorch writes segments in the background and
// retries a failed write forever, so a full disk used to leave Commit
// waiting. The error now reaches the Builder: the next flush fails with
// an error matching syscall.ENOSPC, and the live generation stays.
func TestBackgroundWriteError(t *testing.T) {
	dir := t.TempDir()
	mustCommit(t, dir, BuildOptions{}, rec("a", "coca"))
	b, err := NewBuilder(dir, BuildOptions{BatchSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Abort()
	if err := b.Add(rec("b", "cannabis")); err != nil {
		t.Fatal(err)
	}
	// What scorch's persister reports when the disk is full.
	reportAsyncError(scorch.NewScorchError("persister",
		"got err persisting snapshot: write "+filepath.Join(b.tmp, "store", "000000000009.zap")+": no space left on device",
		scorch.ErrPersist), filepath.Join(b.tmp, "store"))
	// A cleanup failure elsewhere is ignored, and so are other paths.
	reportAsyncError(scorch.NewScorchError("persister", "x", scorch.ErrCleanup), filepath.Join(b.tmp, "store"))

	err = b.Add(rec("c", "opium"))
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("Add after a background write error = %v, want ENOSPC", err)
	}
	if _, err := b.Commit(); !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("Commit = %v, want ENOSPC", err)
	}
	assertDirs(t, dir, "gen-000001")
	idx, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	if res := mustSearch(t, idx, Query{}); res.Total != 1 {
		t.Errorf("%d records after the failed build, want the 1 from before", res.Total)
	}
	// Another build on the same directory is not affected by the old error.
	mustCommit(t, dir, BuildOptions{}, rec("a", "coca"), rec("d", "kratom"))
}

// TestCommitCancelled: an ingest interrupted during Commit gives up
// without switching and removes its generation.
func TestCommitCancelled(t *testing.T) {
	dir := t.TempDir()
	mustCommit(t, dir, BuildOptions{}, rec("a", "coca"))
	b, err := NewBuilder(dir, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Abort()
	if err := b.Add(rec("b", "cannabis")); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	// The persist may win the race with the cancelled context; either the
	// commit is refused or it completed, never half of it.
	st, err := b.CommitContext(ctx)
	switch {
	case errors.Is(err, context.Canceled):
		assertDirs(t, dir, "gen-000001")
	case err == nil && st.Generation == "gen-000002":
	default:
		t.Fatalf("CommitContext(cancelled) = %+v, %v", st, err)
	}
}
