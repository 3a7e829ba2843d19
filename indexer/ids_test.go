package indexer

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestWalkDistinctFilesDistinctIDs walks folders whose files share a plain
// ID (IDFromPath) and checks that every file gives a record of its own:
// the record count equals the file count, the plainest file keeps the
// plain ID and the summary names the others.
func TestWalkDistinctFilesDistinctIDs(t *testing.T) {
	pdf := linkedPDF(t, "A Manual in PDF", []string{"The manual's text, as printed."})
	text := []byte("A Text Version\n\nIts own words.\n")
	tests := []struct {
		name    string
		files   fstest.MapFS
		want    []string // record IDs in walk order
		renamed []string // "path -> id"
	}{
		{
			name:    "same name, three formats",
			files:   fstest.MapFS{"x.html": {Data: []byte(goodHTML)}, "x.pdf": {Data: pdf}, "x.txt": {Data: text}},
			want:    []string{"x", "x-txt", "x-pdf"},
			renamed: []string{"x.pdf -> x-pdf", "x.txt -> x-txt"},
		},
		{
			name:    "text beside its PDF",
			files:   fstest.MapFS{"manual.en.txt.gz": {Data: gz(t, text)}, "manual.en.pdf": {Data: pdf}},
			want:    []string{"manual-en", "manual-en-pdf"},
			renamed: []string{"manual.en.pdf -> manual-en-pdf"},
		},
		{
			name:    "sphinx index pages",
			files:   fstest.MapFS{"genindex.html": {Data: []byte(goodHTML)}, "genindex-_.html": {Data: []byte(goodHTML)}, "genindex-A.html": {Data: []byte(goodHTML)}},
			want:    []string{"genindex-a", "genindex-#", "genindex"},
			renamed: []string{"genindex-_.html -> genindex-#"},
		},
		{
			name:  "dot versus dash",
			files: fstest.MapFS{"a.b.html": {Data: []byte(goodHTML)}, "a-b.html": {Data: []byte(goodHTML)}, "a_b.md": {Data: text}},
			want:  []string{"a-b", "a-b-#", "a-b-md"},
			renamed: []string{
				"a.b.html -> a-b-#", "a_b.md -> a-b-md",
			},
		},
		{
			name: "suffix taken by another file",
			files: fstest.MapFS{"x.html": {Data: []byte(goodHTML)}, "x.pdf": {Data: pdf},
				"x-pdf.txt": {Data: text}},
			want:    []string{"x-pdf", "x", "x-#"},
			renamed: []string{"x.pdf -> x-#"},
		},
		{
			name:  "case only",
			files: fstest.MapFS{"Report.html": {Data: []byte(goodHTML)}, "report.html": {Data: []byte(goodHTML)}},
			want:  []string{"report", "report-#"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, ids := walkAll(t, tt.files, Options{})
			if len(ids) != len(tt.files) || rep.Records != len(tt.files) || len(rep.Skipped) != 0 {
				t.Errorf("%d files gave %d records %q, skipped %v", len(tt.files), len(ids), ids, rep.Skipped)
			}
			// Hashed suffixes are checked by shape: "#" stands for six hex digits.
			if len(ids) != len(tt.want) {
				t.Fatalf("records %q, want %q", ids, tt.want)
			}
			for i, id := range ids {
				if !idLike(id, tt.want[i]) {
					t.Errorf("record %d = %q, want %q", i, id, tt.want[i])
				}
			}
			var renamed []string
			for _, r := range rep.Renamed {
				renamed = append(renamed, r.Path+" -> "+r.ID)
			}
			slices.Sort(renamed)
			for i, want := range tt.renamed {
				if i >= len(renamed) || !idLike(renamed[i], want) {
					t.Errorf("renamed %q, want %q", renamed, tt.renamed)
					break
				}
			}
			if s := rep.String(); len(rep.Renamed) > 0 && !strings.Contains(s, "given a longer id") {
				t.Errorf("summary does not say files were renamed:\n%s", s)
			}
		})
	}
}

// idLike reports whether got is want with each "#" standing for six hex
// digits (a hashed suffix).
func idLike(got, want string) bool {
	for {
		i := strings.IndexByte(want, '#')
		if i < 0 {
			return got == want
		}
		if len(got) < i+6 || got[:i] != want[:i] || strings.Trim(got[i:i+6], "0123456789abcdef") != "" {
			return false
		}
		got, want = got[i+6:], want[i+1:]
	}
}

// TestWalkIDsStable walks the same folder twice, with its files listed in
// another order by a second map: the IDs do not change.
func TestWalkIDsStable(t *testing.T) {
	files := fstest.MapFS{"genindex.html": {Data: []byte(goodHTML)}, "genindex-_.html": {Data: []byte(goodHTML)},
		"a.b.html": {Data: []byte(goodHTML)}, "a-b.html": {Data: []byte(goodHTML)}}
	_, first := walkAll(t, files, Options{})
	_, again := walkAll(t, files, Options{})
	if !slices.Equal(first, again) {
		t.Errorf("second walk gave %q, first %q", again, first)
	}
}

// TestWalkIDTakenByOtherRoot: a plain ID another root holds goes to a
// name with the root's folder in front, then to a hashed one.
func TestWalkIDTakenByOtherRoot(t *testing.T) {
	files := fstest.MapFS{"index.html": {Data: []byte(goodHTML)}, "about.html": {Data: []byte(goodHTML)}}
	other := map[string]bool{"index": true}
	taken := func(id string) bool { return other[id] }
	rep, ids := walkAll(t, files, Options{Root: "/srv/Site B", Taken: taken})
	if strings.Join(ids, " ") != "about site-b-index" {
		t.Errorf("records %q, want about site-b-index", ids)
	}
	if len(rep.Renamed) != 1 || !strings.Contains(rep.Renamed[0].Reason, "another ingest root") {
		t.Errorf("renamed %v", rep.Renamed)
	}
	other["site-b-index"] = true
	_, ids = walkAll(t, files, Options{Root: "/srv/Site B", Taken: taken})
	if len(ids) != 2 || !idLike(ids[1], "index-#") {
		t.Errorf("records %q, want about index-<hash>", ids)
	}
}
