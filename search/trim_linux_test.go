package search

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// mappedRSS is the resident memory, in kB, of this process's maps of path.
func mappedRSS(t *testing.T, path string) int {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	in, kb := false, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) >= 5 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":"):
			in = len(fields) >= 6 && strings.Join(fields[5:], " ") == path
		case in && len(fields) >= 2 && fields[0] == "Rss:":
			n, _ := strconv.Atoi(fields[1])
			kb += n
		}
	}
	return kb
}

// TestTrimMapped: after trimMapped, a read-only map of a file in the
// folder is no longer resident, and reads the same bytes as before.
func TestTrimMapped(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "seg.zap")
	want := bytes.Repeat([]byte("briefs segment "), 1<<19) // 7.5 MB
	if err := os.WriteFile(path, want, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := syscall.Mmap(int(f.Fd()), 0, len(want), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Munmap(m)
	if !bytes.Equal(m, want) { // touches every page
		t.Fatal("the map reads other bytes")
	}
	before := mappedRSS(t, path)
	if before < 4<<10 {
		t.Fatalf("%d kB of the map resident after reading it all", before)
	}
	trimMapped(dir)
	if after := mappedRSS(t, path); after > before/8 {
		t.Errorf("%d kB resident after trimMapped (%d before)", after, before)
	}
	if !bytes.Equal(m, want) {
		t.Error("the map reads other bytes after trimMapped")
	}
	trimMapped(t.TempDir()) // another folder's maps are left alone: nothing to check but no crash
}

// TestLimitResident: with a bound below what the process holds, a search
// leaves none of the index's segment pages resident, and searches still
// answer the same.
func TestLimitResident(t *testing.T) {
	idx := mustBuildIndex(t, fixture()...)
	want := ids(mustSearch(t, idx, Query{Text: "coca"}))
	segs, _ := filepath.Glob(filepath.Join(idx.dir, "gen-*", "store", "*.zap"))
	if len(segs) == 0 {
		t.Fatal("no segment files")
	}
	if mappedRSS(t, segs[0]) == 0 {
		t.Fatal("a search left no page of the segment resident, nothing to bound")
	}
	idx.LimitResident(1)
	got := ids(mustSearch(t, idx, Query{Text: "coca"}))
	if kb := mappedRSS(t, segs[0]); kb != 0 {
		t.Errorf("%d kB of the segment resident after a search over the bound", kb)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("after trimming: %v, want %v", got, want)
	}
}
