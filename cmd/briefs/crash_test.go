package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/briefs/briefs/indexer"
	"github.com/briefs/briefs/search"
)

// The tests in this file run the real binary, built with `go build`, and
// kill it with SIGKILL at random moments of an ingest: no deferred Abort,
// no signal handler, exactly what a power cut or the OOM killer does.
// After each kill the index must open, answer, and hold either the state
// from before the run or the state a complete run gives, record for
// record; what the killed run left behind must be gone once the next run
// has started.

var long = flag.Bool("long", false, "crash tests: 100 kill points on a larger corpus instead of 20")

// buildBriefs builds cmd/briefs into a temporary directory.
func buildBriefs(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "briefs")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	// The go command sets GOROOT for the tests it runs (and for the
	// toolchain it switches to); outside it, the go on PATH.
	gobin := filepath.Join(os.Getenv("GOROOT"), "bin", "go")
	if _, err := os.Stat(gobin); os.Getenv("GOROOT") == "" || err != nil {
		gobin = "go"
	}
	cmd := exec.Command(gobin, "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// copyTree copies the regular files under src into dst.
func copyTree(t *testing.T, src, dst string) { copyTreeIf(t, src, dst, nil) }

// copyTreeIf copies the regular files under src whose slash path relative
// to src keep accepts (all if keep is nil) into dst.
func copyTreeIf(t *testing.T, src, dst string, keep func(string) bool) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() || keep != nil && !keep(filepath.ToSlash(rel)) {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatalf("copy %s: %v", src, err)
	}
}

// state is what an index holds: record ID -> hash of its source.
type state map[string]string

// indexState opens dir as `briefs serve` would and reads every record in
// full, so that a torn record fails here. It also checks that the index
// answers a query.
func indexState(t *testing.T, dir string) state {
	t.Helper()
	ix, err := search.Open(dir)
	if err != nil {
		t.Fatalf("open %s: %v", dir, err)
	}
	defer ix.Close()
	ctx := context.Background()
	if _, err := ix.Search(ctx, search.Query{Text: "drug policy", Size: 5}); err != nil {
		t.Fatalf("search %s: %v", dir, err)
	}
	st := state{}
	works := 0
	for page := 1; ; page++ {
		res, err := ix.Search(ctx, search.Query{Page: page, Size: search.MaxSize, Snippets: -1, FacetSize: 1})
		if err != nil {
			t.Fatalf("list %s page %d: %v", dir, page, err)
		}
		works += len(res.Hits)
		for _, h := range res.Hits {
			// A hit stands for a work: its other versions are records too.
			ids := []string{h.ID}
			for _, v := range h.Versions {
				ids = append(ids, v.ID)
			}
			for _, id := range ids {
				doc, err := ix.Document(ctx, id)
				if err != nil {
					t.Fatalf("%s: record %q listed but unreadable: %v", dir, id, err)
				}
				rec := doc.Record
				if rec.ID != id || rec.Hash == "" {
					t.Fatalf("%s: record %q reads back as id %q hash %q", dir, id, rec.ID, rec.Hash)
				}
				if err := rec.Validate(); err != nil {
					t.Fatalf("%s: record %q: %v", dir, id, err)
				}
				st[rec.ID] = rec.Hash
			}
		}
		if page >= res.Pages {
			if uint64(works) != res.Total {
				t.Fatalf("%s: %d works listed, total says %d", dir, works, res.Total)
			}
			return st
		}
	}
}

// expectedState is what `briefs ingest roots...` makes of an index that
// held before: the records extracted from the roots, plus, for a file that
// cannot be read, the record it had.
func expectedState(t *testing.T, before state, roots ...string) state {
	t.Helper()
	st := state{}
	for _, root := range roots {
		rep, err := indexer.Walk(context.Background(), os.DirFS(root), indexer.Options{}, nil, func(r indexer.Record) error {
			st[r.ID] = r.Hash
			return nil
		})
		if err != nil {
			t.Fatalf("walk %s: %v", root, err)
		}
		for _, s := range rep.Skipped {
			id := indexer.IDFromPath(s.Path)
			if h, ok := before[id]; ok {
				st[id] = h
			}
		}
	}
	return st
}

// diff describes how two states differ, for failure messages.
func (a state) diff(b state) string {
	var missing, extra, changed int
	var ex []string
	for id, h := range a {
		switch hb, ok := b[id]; {
		case !ok:
			missing++
			ex = append(ex, "-"+id)
		case hb != h:
			changed++
			ex = append(ex, "~"+id)
		}
	}
	for id := range b {
		if _, ok := a[id]; !ok {
			extra++
			ex = append(ex, "+"+id)
		}
	}
	sort.Strings(ex)
	return fmt.Sprintf("%d missing, %d extra, %d changed (%s)", missing, extra, changed, strings.Join(ex[:min(len(ex), 6)], " "))
}

// dirListing is what an index directory holds besides the live
// generation: generations, leftovers of killed runs.
type dirListing struct {
	current string
	gens    []string // committed generation directories
	tmp     []string // *.tmp entries
}

func listIndexDir(t *testing.T, dir string) dirListing {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var l dirListing
	for _, e := range ents {
		switch n := e.Name(); {
		case strings.HasSuffix(n, ".tmp"):
			l.tmp = append(l.tmp, n)
		case strings.HasPrefix(n, "gen-") && e.IsDir():
			l.gens = append(l.gens, n)
		}
	}
	if b, err := os.ReadFile(filepath.Join(dir, "CURRENT")); err == nil {
		l.current = strings.TrimSpace(string(b))
	}
	return l
}

// segments counts the segment files in a generation's store folder.
func segments(store string) int {
	m, _ := filepath.Glob(filepath.Join(store, "*.zap"))
	return len(m)
}

// treeSum is a checksum of every file under dir (names, sizes, bytes),
// to show that a generation was not touched.
func treeSum(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s %d\n", rel, len(b))
		h.Write(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// ingestCmd prepares `briefs ingest --quiet --index idx args...`.
func ingestCmd(bin, idx string, args ...string) (*exec.Cmd, *bytes.Buffer) {
	var out bytes.Buffer
	cmd := exec.Command(bin, append([]string{"ingest", "--quiet", "--index", idx}, args...)...)
	cmd.Stdout, cmd.Stderr = &out, &out
	return cmd, &out
}

// runIngest runs an ingest to the end and fails the test unless it
// succeeds (exit 0, or 3 for skipped files).
func runIngestOK(t *testing.T, bin, idx string, args ...string) time.Duration {
	t.Helper()
	cmd, out := ingestCmd(bin, idx, args...)
	start := time.Now()
	err := cmd.Run()
	var ee *exec.ExitError
	if err != nil && !(errors.As(err, &ee) && ee.ExitCode() == exitSkipped) {
		t.Fatalf("ingest %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return time.Since(start)
}

// crashCorpus lays out the test's folders: base (a copy of the demo
// corpus) and extra (generated briefings).
func crashCorpus(t *testing.T, bin string, docs int) (base, extra string) {
	t.Helper()
	work := t.TempDir()
	base, extra = filepath.Join(work, "base"), filepath.Join(work, "extra")
	copyTree(t, filepath.Join("..", "..", "testdata", "corpus"), base)
	cmd := exec.Command(bin, "gen", "--docs", fmt.Sprint(docs), "--format", "mixed", "--quiet", extra)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("briefs gen: %v\n%s", err, out)
	}
	return base, extra
}

// touchFiles rewrites n files of dir (changing their hash), deletes del
// others and adds add new ones, so that the next ingest updates, deletes
// and adds records.
func touchFiles(t *testing.T, rng *rand.Rand, dir string, round, n, del, add int) {
	t.Helper()
	var files []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".txt")) {
			files = append(files, p)
		}
		return nil
	})
	rng.Shuffle(len(files), func(i, j int) { files[i], files[j] = files[j], files[i] })
	for i, p := range files {
		switch {
		case i < n:
			f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(f, "\n<p>Revised in round %d: the figures were updated.</p>\n", round)
			f.Close()
		case i < n+del && len(files)-i > 10:
			os.Remove(p)
		}
	}
	for i := range add {
		p := filepath.Join(dir, "added", fmt.Sprintf("r%03d-%d.txt", round, i))
		os.MkdirAll(filepath.Dir(p), 0o755)
		body := fmt.Sprintf("Added briefing %d of round %d\n\nDate: 2024-0%d-1%d\n\nThe drug policy review for round %d found new evidence.\n",
			i, round, 1+i%9, i%10, round)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBinary builds the briefs binary once and runs the tests that need
// real processes: killed and failing ingests here, two writers and a
// server picking up a new generation in owner_test.go.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it some 40 times")
	}
	bin := buildBriefs(t)
	t.Run("KillIngest", func(t *testing.T) { testKillIngest(t, bin) })
	t.Run("KilledMidBuild", func(t *testing.T) { testKilledMidBuild(t, bin) })
	t.Run("DiskFull", func(t *testing.T) { testDiskFull(t, bin) })
	t.Run("SecondWriter", func(t *testing.T) { testSecondWriter(t, bin) })
	t.Run("ServePicksUpIngest", func(t *testing.T) { testServePicksUpIngest(t, bin) })
}

// testKillIngest kills `briefs ingest` at random points of incremental
// runs, rebuilds and runs with changed, deleted and added files, and
// checks the index after each kill.
func testKillIngest(t *testing.T, bin string) {
	kills, docs := 20, 60
	if *long {
		kills, docs = 100, 600
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d (-long for 100 kill points)", seed)
	rng := rand.New(rand.NewPCG(seed, 7))

	start := time.Now()
	base, extra := crashCorpus(t, bin, docs)
	idx := filepath.Join(t.TempDir(), "idx")

	// Uninterrupted runs give the first state and how long each kind of
	// run takes, so that kill times spread over the whole run.
	type kind struct {
		name string
		args []string
		prep func(round int) // changes files before the run
		est  time.Duration   // how long an uninterrupted run took
	}
	kinds := []*kind{
		{name: "rebuild", args: []string{"--rebuild", base}},
		{name: "incremental", args: []string{base, extra}},
		{name: "changed files", args: []string{base, extra}, prep: func(round int) {
			touchFiles(t, rng, extra, round, 8, 2, 3)
		}},
	}
	runIngestOK(t, bin, idx, base)
	cur := indexState(t, idx)
	if want := expectedState(t, nil, base); !maps.Equal(cur, want) {
		t.Fatalf("first ingest: %s", cur.diff(want))
	}
	for _, k := range kinds {
		if k.prep != nil {
			k.prep(0)
		}
		k.est = runIngestOK(t, bin, idx, k.args...)
		cur = indexState(t, idx)
	}
	t.Logf("uninterrupted runs: rebuild %s, incremental %s, with changed files %s (setup %s)",
		kinds[0].est.Round(time.Millisecond), kinds[1].est.Round(time.Millisecond),
		kinds[2].est.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))

	phases := map[string]int{}
	var checking time.Duration
	for round := 1; round <= kills; round++ {
		k := kinds[round%len(kinds)]
		if k.prep != nil {
			k.prep(round)
		}
		before := cur
		var roots []string
		for _, a := range k.args {
			if !strings.HasPrefix(a, "--") {
				roots = append(roots, a)
			}
		}
		target := expectedState(t, before, roots...)

		// Most kills fall anywhere in the run; every third aims at its last
		// fifth, where the generation is written, renamed and switched.
		est := float64(k.est)
		at := time.Duration(rng.Float64() * est * 1.1)
		if round%3 == 0 {
			at = time.Duration(est * (0.8 + 0.25*rng.Float64()))
		}
		cmd, out := ingestCmd(bin, idx, k.args...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		phase := ""
		select {
		case err := <-done:
			// Finished before the kill: it must have succeeded.
			var ee *exec.ExitError
			if err != nil && !(errors.As(err, &ee) && ee.ExitCode() == exitSkipped) {
				t.Fatalf("round %d (%s): ingest failed: %v\n%s", round, k.name, err, out)
			}
			phase = "finished before the kill"
		case <-time.After(at):
			cmd.Process.Kill()
			<-done
		}

		l := listIndexDir(t, idx)
		check := time.Now()
		got := indexState(t, idx)
		checking += time.Since(check)
		switch {
		case maps.Equal(got, before) && maps.Equal(got, target):
			if phase == "" {
				phase = "killed (run changes nothing)"
			}
		case maps.Equal(got, before):
			switch {
			case phase != "":
				t.Fatalf("round %d (%s): finished but the index did not change", round, k.name)
			case len(l.tmp) > 0:
				phase = "killed while building"
			case len(l.gens) > 0 && slices.Max(l.gens) > l.current:
				phase = "killed after rename, before the switch"
			default:
				phase = "killed before building"
			}
		case maps.Equal(got, target):
			if phase == "" {
				phase = "killed after the switch"
			}
		default:
			t.Fatalf("round %d (%s, kill at %s): the index is neither the old state (%s) nor the new one (%s)\n%s",
				round, k.name, at, got.diff(before), got.diff(target), out)
		}
		phases[phase]++
		// Leftovers: at most the killed run's own (the run before it cleaned up).
		if gt := countPrefix(l.tmp, "gen-"); gt > 1 {
			t.Errorf("round %d: %d unfinished generations left: %v", round, gt, l.tmp)
		}
		if len(l.gens) > 3 {
			t.Errorf("round %d: %d generations kept: %v", round, len(l.gens), l.gens)
		}
		cur = got
	}

	// The next run starts by clearing what killed runs left, and ends with
	// the live generation alone, holding no unreferenced segment.
	runIngestOK(t, bin, idx, base, extra)
	final := indexState(t, idx)
	if want := expectedState(t, cur, base, extra); !maps.Equal(final, want) {
		t.Errorf("after the last run: %s", final.diff(want))
	}
	l := listIndexDir(t, idx)
	if len(l.tmp) != 0 || len(l.gens) != 1 || !slices.Contains(l.gens, l.current) {
		t.Errorf("after the last run the index directory holds %+v, want no .tmp and only the live generation", l)
	}
	if orphans, err := search.Orphans(idx); err != nil || len(orphans) > 0 {
		t.Errorf("after the last run: orphan files %v (%v)", orphans, err)
	}
	names := slices.Sorted(maps.Keys(phases))
	var summary []string
	for _, n := range names {
		summary = append(summary, fmt.Sprintf("%s: %d", n, phases[n]))
	}
	t.Logf("%d rounds in %s (%s reading the index back); %s", kills, time.Since(start).Round(time.Millisecond),
		checking.Round(time.Millisecond), strings.Join(summary, ", "))
}

func countPrefix(list []string, prefix string) int {
	n := 0
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			n++
		}
	}
	return n
}

// testKilledMidBuild kills a rebuild and an incremental run halfway
// through and checks byte for byte that the live generation and CURRENT
// were not touched. Halfway is measured: the same run first goes to the
// end on a copy of the index.
func testKilledMidBuild(t *testing.T, bin string) {
	base, extra := crashCorpus(t, bin, 80)
	idx := filepath.Join(t.TempDir(), "idx")
	runIngestOK(t, bin, idx, base)
	before := indexState(t, idx)

	for _, tt := range []struct {
		name string
		args []string
	}{
		{"rebuild", []string{"--rebuild", base, extra}},
		{"incremental", []string{base, extra}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			// The length of a full run, the shorter of two on copies: one
			// slow trial (a busy machine) would put the kill after the end.
			var full time.Duration
			for i := range 2 {
				trial := filepath.Join(t.TempDir(), "idx")
				copyTree(t, idx, trial)
				if d := runIngestOK(t, bin, trial, tt.args...); i == 0 || d < full {
					full = d
				}
			}

			l := listIndexDir(t, idx)
			live := filepath.Join(idx, l.current)
			liveSum := treeSum(t, live)
			current, _ := os.ReadFile(filepath.Join(idx, "CURRENT"))

			cmd, out := ingestCmd(bin, idx, tt.args...)
			start := time.Now()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			// Kill once the new generation has a segment of new records on
			// disk (more segments than the copied live generation has), or
			// at half the measured run, whichever comes first: the measured
			// run may have been slower than this one (a cold cache, a busy
			// machine), so time alone can come too late.
			copied := 0
			if !slices.Contains(tt.args, "--rebuild") {
				copied = segments(filepath.Join(live, "store"))
			}
			half := time.After(full / 2)
		wait:
			for {
				select {
				case err := <-done:
					t.Fatalf("the ingest ended (%v) before it was killed (a full run took %s)\n%s", err, full, out)
				case <-half:
					break wait
				case <-time.After(2 * time.Millisecond):
					if m, _ := filepath.Glob(filepath.Join(idx, "gen-*.tmp")); len(m) == 1 && segments(filepath.Join(m[0], "store")) > copied {
						break wait
					}
				}
			}
			building := countPrefix(listIndexDir(t, idx).tmp, "gen-") == 1
			cmd.Process.Kill()
			<-done
			if !building {
				t.Fatalf("no unfinished generation %s into a run of %s", time.Since(start), full)
			}
			t.Logf("killed %s into a run of %s", time.Since(start).Round(time.Millisecond), full.Round(time.Millisecond))

			if got := treeSum(t, live); got != liveSum {
				t.Error("the live generation's files changed")
			}
			if b, _ := os.ReadFile(filepath.Join(idx, "CURRENT")); !bytes.Equal(b, current) {
				t.Errorf("CURRENT changed from %q to %q", current, b)
			}
			if got := indexState(t, idx); !maps.Equal(got, before) {
				t.Errorf("after the kill: %s", got.diff(before))
			}
		})
	}
	// The next run clears the unfinished generation and completes.
	runIngestOK(t, bin, idx, base)
	if orphans, err := search.Orphans(idx); err != nil || len(orphans) != 0 {
		t.Errorf("leftovers after the next run: %v (%v)", orphans, err)
	}
	if got := indexState(t, idx); !maps.Equal(got, before) {
		t.Errorf("after the next run: %s", got.diff(before))
	}
}

// testDiskFull runs an ingest into an index on a small tmpfs that fills up
// halfway: it must stop with a message naming the full disk, promptly,
// leaving the previous index exactly as it was and no partial generation
// taking space; once there is room again the same ingest succeeds.
func testDiskFull(t *testing.T, bin string) {
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		t.Skip("needs root on Linux to mount a small tmpfs (CI runs as root)")
	}
	mnt := filepath.Join(t.TempDir(), "disk")
	if err := os.Mkdir(mnt, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v: %s)", err, bytes.TrimSpace(out))
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", mnt).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v %s", mnt, err, out)
		}
	})
	base, extra := crashCorpus(t, bin, 100)
	idx := filepath.Join(mnt, "idx")
	runIngestOK(t, bin, idx, base)
	before := indexState(t, idx)
	l := listIndexDir(t, idx)
	live := filepath.Join(idx, l.current)
	liveSum := treeSum(t, live)
	liveSize, err := dirSize(live)
	if err != nil {
		t.Fatal(err)
	}

	filler := filepath.Join(mnt, "filler")
	for _, tt := range []struct {
		name  string
		room  int64  // free bytes left beside the filler
		stage string // where the run must fail
	}{
		// Room for the copy of the live generation, not for the new records.
		{"fills up while indexing", liveSize + 512<<10, "indexing"},
		// Not even room to copy the live generation.
		{"full from the start", 16 << 10, "copying"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fill(t, mnt, filler, tt.room)
			defer os.Remove(filler)
			cmd, out := ingestCmd(bin, idx, base, extra)
			start := time.Now()
			timer := time.AfterFunc(2*time.Minute, func() { cmd.Process.Kill() })
			err := cmd.Run()
			timer.Stop()
			took := time.Since(start)
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != exitError {
				t.Fatalf("ingest on a full disk: %v after %s, want exit status 1\n%s", err, took, out)
			}
			msg := out.String()
			t.Logf("failed after %s: %s", took.Round(time.Millisecond), msg)
			for _, want := range []string{"no space left on device", "is full: the index is unchanged", idx} {
				if !strings.Contains(msg, want) {
					t.Errorf("message lacks %q", want)
				}
			}
			for _, bad := range []string{"goroutine", "panic", ".go:"} {
				if strings.Contains(msg, bad) {
					t.Errorf("message has %q", bad)
				}
			}
			if took > time.Minute {
				t.Errorf("took %s to give up", took)
			}
			if got := treeSum(t, live); got != liveSum {
				t.Error("the live generation's files changed")
			}
			if got := indexState(t, idx); !maps.Equal(got, before) {
				t.Errorf("after the failed run: %s", got.diff(before))
			}
			if l := listIndexDir(t, idx); len(l.tmp) != 0 || len(l.gens) != 1 {
				t.Errorf("the failed run left %+v", l)
			}
		})
	}
	// With room again, the same ingest succeeds.
	runIngestOK(t, bin, idx, base, extra)
	if got, want := indexState(t, idx), expectedState(t, before, base, extra); !maps.Equal(got, want) {
		t.Errorf("after freeing space: %s", got.diff(want))
	}
}

// fill writes a file on the file system of dir so that room bytes stay
// free: it writes until the disk is full, then gives room bytes back.
func fill(t *testing.T, dir, name string, room int64) {
	t.Helper()
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n, err := io.Copy(f, zeroReader{})
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("fill %s: wrote %d bytes: %v, want ENOSPC", dir, n, err)
	}
	if n <= room {
		t.Fatalf("only %d bytes free on %s, want more than %d", n, dir, room)
	}
	if err := f.Truncate(n - room); err != nil {
		t.Fatal(err)
	}
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
