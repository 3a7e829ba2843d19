package main

import (
	"bytes"
	"errors"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The disk-full test of the crash tests (crash_test.go): an ingest into a
// small tmpfs that fills up.

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
		args  []string
	}{
		// Room for the copy of the live generation, not for the new records.
		{"fills up while indexing", liveSize + 512<<10, "indexing", []string{base, extra}},
		// Not even room to copy the live generation.
		{"full from the start", 16 << 10, "copying", []string{base, extra}},
		// A build from empty (the bulk writer: its own segment files, then
		// the merge) with room for half a generation.
		{"fills up while rebuilding", liveSize / 2, "rebuilding", []string{"--rebuild", base, extra}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fill(t, mnt, filler, tt.room)
			defer os.Remove(filler)
			cmd, out := ingestCmd(bin, idx, tt.args...)
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
