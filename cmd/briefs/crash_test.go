package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

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

// TestBinary builds the briefs binary once and runs the tests that need
// real processes: killed and failing ingests here and in
// crash_diskfull_test.go, two writers and a server picking up a new
// generation in owner_test.go.
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
			// machine), so time alone can come too late. If at half the
			// measured run the new generation is not there yet (this run is
			// the slower one), kill as soon as it is.
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
					if m, _ := filepath.Glob(filepath.Join(idx, "gen-*.tmp")); len(m) == 1 {
						break wait
					}
					half = nil
				case <-time.After(2 * time.Millisecond):
					if m, _ := filepath.Glob(filepath.Join(idx, "gen-*.tmp")); len(m) == 1 && (half == nil || segments(filepath.Join(m[0], "store")) > copied) {
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
