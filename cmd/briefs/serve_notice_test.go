package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestServeSaysWhichIndex: serve names the index it serves, absolute, with
// its size, and says when it builds the demo index and how to serve one's
// own instead.
func TestServeSaysWhichIndex(t *testing.T) {
	dir := t.TempDir()
	idx := filepath.Join(dir, "briefs.index")
	notice := demoNotice(idx)
	for _, want := range []string{"no index at " + idx, "DEMO corpus", "briefs ingest --index DIR", "briefs serve --index DIR", "$BRIEFS_INDEX"} {
		if !strings.Contains(notice, want) {
			t.Errorf("demoNotice lacks %q:\n%s", want, notice)
		}
	}
	b := serveBanner(idx, 94, "gen-000001", "http://127.0.0.1:8080/", true)
	if want := "briefs: serving the DEMO index " + idx + " (94 records, gen-000001) at http://127.0.0.1:8080/\n"; b != want {
		t.Errorf("serveBanner = %q, want %q", b, want)
	}
	if b := serveBanner("rel.index", 5, "gen-000002", "http://x/", false); !strings.Contains(b, "serving the index "+filepath.Join(mustAbs(t, "."), "rel.index")) {
		t.Errorf("serveBanner of a relative index = %q, want its absolute path", b)
	}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}
