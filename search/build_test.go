package search

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
)

func rec(id, title string) Record {
	return Record{ID: id, Kind: "briefing", Title: title, Language: "en", Hash: "h-" + title,
		Paragraphs: []string{title + " in the body."}}
}

func TestBuilderCommitAndAbort(t *testing.T) {
	dir := t.TempDir()
	if Exists(dir) {
		t.Fatalf("Exists(empty dir) = true")
	}
	if _, err := Open(dir); !errors.Is(err, ErrNoIndex) {
		t.Fatalf("Open(empty dir) error = %v, want ErrNoIndex", err)
	}
	st := mustCommit(t, dir, BuildOptions{}, rec("a", "coca"), rec("b", "cannabis"))
	want := BuildStats{Added: 2, Total: 2, Generation: "gen-000001"}
	if st != want {
		t.Errorf("Commit stats = %+v, want %+v", st, want)
	}
	if !Exists(dir) {
		t.Fatalf("Exists after commit = false")
	}

	// An aborted build changes nothing and leaves no temporary directory.
	b, err := NewBuilder(dir, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Add(rec("c", "opium")); err != nil {
		t.Fatal(err)
	}
	b.Abort()
	b.Abort() // a second Abort is a no-op
	assertDirs(t, dir, "gen-000001")
	idx, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	if res := mustSearch(t, idx, Query{}); res.Total != 2 {
		t.Errorf("after Abort: %d records, want 2", res.Total)
	}
	if _, err := b.Commit(); err == nil {
		t.Errorf("Commit after Abort succeeded")
	}
}

func TestBuilderAbortAfterCommitIsNoop(t *testing.T) {
	dir := t.TempDir()
	b, err := NewBuilder(dir, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Add(rec("a", "coca")); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	b.Abort()
	if !Exists(dir) {
		t.Fatalf("Abort after Commit removed the index")
	}
}

func TestBuilderLockContention(t *testing.T) {
	dir := t.TempDir()
	b1, err := NewBuilder(dir, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := NewBuilder(dir, BuildOptions{})
		done <- err
	}()
	select {
	case err = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("second NewBuilder blocked instead of failing")
	}
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second NewBuilder error = %v, want ErrLocked", err)
	}
	var le *LockedError
	if !errors.As(err, &le) || le.PID != os.Getpid() {
		t.Errorf("second NewBuilder error = %#v, want a *LockedError naming pid %d", err, os.Getpid())
	}
	if !strings.Contains(err.Error(), "is being written by another process (pid ") {
		t.Errorf("error message %q does not say who holds the lock", err)
	}
	b1.Abort()
	b2, err := NewBuilder(dir, BuildOptions{})
	if err != nil {
		t.Fatalf("NewBuilder after the first released the lock: %v", err)
	}
	b2.Abort()
}

func TestBuilderRemovesLeftoverTmp(t *testing.T) {
	dir := t.TempDir()
	mustCommit(t, dir, BuildOptions{}, rec("a", "coca"))
	// A killed ingest leaves its unfinished generation (and maybe a CURRENT.tmp).
	if err := os.MkdirAll(filepath.Join(dir, "gen-000002.tmp", "store"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "CURRENT.tmp"), []byte("gen-000002"), 0o644); err != nil {
		t.Fatal(err)
	}
	st := mustCommit(t, dir, BuildOptions{}, rec("a", "coca leaf"))
	if st.Generation != "gen-000002" {
		t.Errorf("generation after cleanup = %s, want gen-000002", st.Generation)
	}
	assertDirs(t, dir, "gen-000002")
	if _, err := os.Stat(filepath.Join(dir, "CURRENT.tmp")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("CURRENT.tmp left behind: %v", err)
	}
}

func TestBuilderKeep(t *testing.T) {
	for _, tt := range []struct {
		keep int
		want []string
	}{
		{0, []string{"gen-000004"}},
		{1, []string{"gen-000003", "gen-000004"}},
		{2, []string{"gen-000002", "gen-000003", "gen-000004"}},
	} {
		t.Run(fmt.Sprint("keep ", tt.keep), func(t *testing.T) {
			dir := t.TempDir()
			for range 4 {
				mustCommit(t, dir, BuildOptions{Rebuild: true, Keep: tt.keep}, rec("a", "coca"))
			}
			assertDirs(t, dir, tt.want...)
			cur, err := readCurrent(dir)
			if err != nil || cur != "gen-000004" {
				t.Errorf("CURRENT = %q, %v; want gen-000004", cur, err)
			}
		})
	}
}

// TestBuilderRemovesPreviousUnderReader: the generation a reader still
// searches is removed at the swap; the reader keeps working on its open
// files until it reloads, and then sees the new one.
func TestBuilderRemovesPreviousUnderReader(t *testing.T) {
	dir := t.TempDir()
	mustCommit(t, dir, BuildOptions{}, rec("a", "coca"))
	idx, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	mustCommit(t, dir, BuildOptions{}, rec("a", "coca"), rec("b", "cannabis"))
	assertDirs(t, dir, "gen-000002")
	if res := mustSearch(t, idx, Query{Text: "coca"}); res.Total != 1 || len(res.Hits[0].Snippets) == 0 {
		t.Errorf("search on the removed generation: %+v", res)
	}
	if _, err := idx.Document(context.Background(), "a"); err != nil {
		t.Errorf("document on the removed generation: %v", err)
	}
	if switched, err := idx.Reload(); !switched || err != nil {
		t.Fatalf("Reload = %v, %v", switched, err)
	}
	if res := mustSearch(t, idx, Query{}); res.Total != 2 {
		t.Errorf("after reload: %d records, want 2", res.Total)
	}
}

func TestBuilderIncremental(t *testing.T) {
	dir := t.TempDir()
	opts := BuildOptions{Root: "/corpus"}
	st := mustCommit(t, dir, opts, rec("a", "coca"), rec("b", "cannabis"), rec("c", "opium"))
	if want := (BuildStats{Added: 3, Total: 3, Generation: "gen-000001"}); st != want {
		t.Fatalf("first commit = %+v, want %+v", st, want)
	}

	// a unchanged, b changed, c gone, d new.
	changed := rec("b", "cannabis")
	changed.Hash = "new hash"
	changed.Title = "Cannabis regulation"
	st = mustCommit(t, dir, opts, rec("a", "coca"), changed, rec("d", "heroin"))
	want := BuildStats{Added: 1, Updated: 1, Unchanged: 1, Deleted: 1, Total: 3, Generation: "gen-000002"}
	if st != want {
		t.Fatalf("incremental commit = %+v, want %+v", st, want)
	}
	idx, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	if got := ids(mustSearch(t, idx, Query{Sort: SortOldest})); strings.Join(got, " ") != "a b d" {
		t.Errorf("records after incremental commit = %v, want [a b d]", got)
	}
	if res := mustSearch(t, idx, Query{Text: "regulation"}); res.Total != 1 {
		t.Errorf("updated record not re-indexed: regulation found %d", res.Total)
	}
}

func TestBuilderRootsAndSeen(t *testing.T) {
	dir := t.TempDir()
	b, err := NewBuilder(dir, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b.SetRoot("/one")
	mustAdd(t, b, rec("a1", "coca"), rec("a2", "cannabis"))
	b.SetRoot("/two")
	mustAdd(t, b, rec("b1", "opium"))
	b.SetRoot("")
	mustAdd(t, b, rec("loose", "heroin"))
	if _, err := b.Commit(); err != nil {
		t.Fatal(err)
	}

	// Re-ingest only /one, where a2 vanished and a1 could not be read (Seen):
	// /two's records and the rootless one stay.
	b, err = NewBuilder(dir, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b.SetRoot("/one")
	b.Seen("a1")
	st, err := b.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if st.Deleted != 1 || st.Total != 3 {
		t.Errorf("commit = %+v, want 1 deleted, 3 left", st)
	}
	idx, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	if got := strings.Join(ids(mustSearch(t, idx, Query{Sort: SortOldest})), " "); got != "a1 b1 loose" {
		t.Errorf("records = %s, want a1 b1 loose", got)
	}
}

func TestBuilderKeepUnseen(t *testing.T) {
	dir := t.TempDir()
	b, err := NewBuilder(dir, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b.SetRoot("/export.jsonl")
	mustAdd(t, b, rec("a", "coca"), rec("b", "cannabis"), rec("c", "opium"))
	b.SetRoot("/gone")
	mustAdd(t, b, rec("g", "heroin"))
	if _, err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	// The export breaks off after its first line this time: b and c are
	// unseen but kept, while /gone, read in full and empty, loses g.
	b, err = NewBuilder(dir, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b.SetRoot("/export.jsonl")
	mustAdd(t, b, rec("a", "coca leaf"))
	b.KeepUnseen()
	b.SetRoot("/gone")
	st, err := b.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if st.Deleted != 1 || st.Total != 3 {
		t.Errorf("commit = %+v, want 1 deleted, 3 left", st)
	}
	idx, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	if got := strings.Join(ids(mustSearch(t, idx, Query{Sort: SortOldest})), " "); got != "a b c" {
		t.Errorf("records = %s, want a b c", got)
	}
}

func TestBuilderNothingChanged(t *testing.T) {
	dir := t.TempDir()
	mustCommit(t, dir, BuildOptions{}, rec("a", "coca"))
	st := mustCommit(t, dir, BuildOptions{}, rec("a", "coca"))
	want := BuildStats{Unchanged: 1, Total: 1, Generation: "gen-000001"}
	if st != want {
		t.Errorf("commit without changes = %+v, want %+v", st, want)
	}
	assertDirs(t, dir, "gen-000001")
	// A rebuild always makes a new generation.
	if st := mustCommit(t, dir, BuildOptions{Rebuild: true}, rec("a", "coca")); st.Generation != "gen-000002" {
		t.Errorf("rebuild = %+v, want gen-000002", st)
	}
}

func TestBuilderDeleteAndDuplicates(t *testing.T) {
	dir := t.TempDir()
	mustCommit(t, dir, BuildOptions{}, rec("a", "coca"), rec("b", "cannabis"))
	b, err := NewBuilder(dir, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Abort()
	mustAdd(t, b, rec("c", "opium"), rec("c", "opium poppy"))
	if err := b.Delete("a"); err != nil {
		t.Fatal(err)
	}
	if err := b.Delete("nope"); err != nil {
		t.Fatal(err)
	}
	st, err := b.Commit()
	if err != nil {
		t.Fatal(err)
	}
	want := BuildStats{Added: 1, Deleted: 1, Total: 2, Generation: "gen-000002"}
	if st != want {
		t.Errorf("commit = %+v, want %+v", st, want)
	}
}

func TestBuilderRejectsInvalidRecord(t *testing.T) {
	b, err := NewBuilder(t.TempDir(), BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Abort()
	if err := b.Add(Record{Title: "no id"}); err == nil {
		t.Errorf("Add(record without ID) succeeded")
	}
}

func TestBuilderSmallBatches(t *testing.T) {
	dir := t.TempDir()
	var recs []Record
	for i := range 25 {
		recs = append(recs, rec(string(rune('a'+i)), "word"))
	}
	st := mustCommit(t, dir, BuildOptions{BatchSize: 4, BatchBytes: 300}, recs...)
	if st.Added != 25 || st.Total != 25 {
		t.Errorf("commit = %+v, want 25 added", st)
	}
}

func TestVersionError(t *testing.T) {
	for _, tc := range []struct {
		name    string
		set     func(bleve.Index) error
		wantMsg string
	}{
		{"other version", func(i bleve.Index) error { return i.SetInternal([]byte(internalVersion), []byte("99")) },
			"was built with mapping version 99, this briefs needs " + strconv.Itoa(MappingVersion) + ": re-ingest with `briefs ingest --rebuild`"},
		{"no version", func(i bleve.Index) error { return i.DeleteInternal([]byte(internalVersion)) },
			"was built with no mapping version, this briefs needs " + strconv.Itoa(MappingVersion)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			mustCommit(t, dir, BuildOptions{}, rec("a", "coca"))
			// Safe batches: the generation was built with unsafe_batch, under
			// which Close may drop a write that was not yet persisted.
			bi, err := bleve.OpenUsing(filepath.Join(dir, "gen-000001"), map[string]interface{}{"unsafe_batch": false})
			if err != nil {
				t.Fatal(err)
			}
			if err := tc.set(bi); err != nil {
				t.Fatal(err)
			}
			bi.Close()

			_, err = Open(dir)
			var ve *VersionError
			if !errors.As(err, &ve) || ve.Want != MappingVersion {
				t.Fatalf("Open error = %v, want a *VersionError", err)
			}
			if !strings.Contains(err.Error(), tc.wantMsg) {
				t.Errorf("Open error = %q, want it to contain %q", err, tc.wantMsg)
			}
			// An incremental build refuses it too; a rebuild replaces it.
			if _, err := NewBuilder(dir, BuildOptions{}); !errors.As(err, &ve) {
				t.Errorf("NewBuilder error = %v, want a *VersionError", err)
			}
			mustCommit(t, dir, BuildOptions{Rebuild: true}, rec("a", "coca"))
			idx, err := Open(dir)
			if err != nil {
				t.Fatalf("Open after rebuild: %v", err)
			}
			idx.Close()
		})
	}
}

func mustAdd(t *testing.T, b *Builder, recs ...Record) {
	t.Helper()
	for _, r := range recs {
		if err := b.Add(r); err != nil {
			t.Fatalf("Add(%s): %v", r.ID, err)
		}
	}
}

// assertDirs checks the generation directories (and leftovers) in dir.
func assertDirs(t *testing.T, dir string, want ...string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		if e.IsDir() {
			got = append(got, e.Name())
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("directories in %s = %v, want %v", dir, got, want)
	}
}
