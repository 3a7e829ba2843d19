package indexer

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestExcludeRules(t *testing.T) {
	tests := []struct {
		pattern string
		path    string
		dir     bool
		want    bool
	}{
		{"_sources/", "_sources", true, true},
		{"_sources/", "lib/_sources", true, true},
		{"_sources/", "_sources", false, false}, // a file of that name
		{"*.log", "a/b/x.log", false, true},
		{"*.log", "a/b/x.log.txt", false, false},
		{"/build", "build", true, true},
		{"/build", "src/build", true, false},
		{"docs/*.txt", "docs/a.txt", false, true},
		{"docs/*.txt", "docs/sub/a.txt", false, false},
		{"docs/*.txt", "x/docs/a.txt", false, false},
		{"**/drafts", "a/b/drafts", true, true},
		{"**/drafts", "drafts", true, true},
		{"a/**/b.html", "a/b.html", false, true},
		{"a/**/b.html", "a/x/y/b.html", false, true},
		{"old/**", "old/x.html", false, true},
		{"old/**", "old", true, false},
		{"genindex-?.html", "genindex-A.html", false, true},
		{"genindex-?.html", "genindex-AB.html", false, false},
		{"[Tt]humbs.db", "x/thumbs.db", false, true},
		{"draft[!s].md", "drafts.md", false, false},
		{"draft[!s].md", "draftx.md", false, true},
		{`\#notes.txt`, "#notes.txt", false, true},
		{"name\\ ", "name ", false, true},
		{"trailing.txt   ", "trailing.txt", false, true},
		{"a?b", "a/b", false, false},
	}
	for _, tt := range tests {
		r, ok, err := parseExcludeRule(tt.pattern)
		if err != nil || !ok {
			t.Errorf("parseExcludeRule(%q) = ok %v, err %v", tt.pattern, ok, err)
			continue
		}
		ex := &excluder{rules: []excludeRule{r}}
		if got := ex.excluded(tt.path, tt.dir); got != tt.want {
			t.Errorf("%q excludes %q (dir %v) = %v, want %v (re %s)", tt.pattern, tt.path, tt.dir, got, tt.want, r.re)
		}
	}
	for _, blank := range []string{"", "   ", "# a comment", "!", "/"} {
		if _, ok, err := parseExcludeRule(blank); ok || err != nil {
			t.Errorf("parseExcludeRule(%q) = ok %v, err %v; want a line with no rule", blank, ok, err)
		}
	}
	if _, _, err := parseExcludeRule("a[bc"); err == nil {
		t.Error("parseExcludeRule(a[bc) gives no error")
	}
}

// TestWalkExcludes walks a documentation build with the default excludes,
// a .briefsignore that brings one folder back and leaves another out, and
// an --exclude pattern: every file is a record, excluded or ignored, and
// the summary says how many were excluded.
func TestWalkExcludes(t *testing.T) {
	page := []byte(goodHTML)
	fsys := fstest.MapFS{
		"index.html":                   {Data: page},
		"tutorial/intro.html":          {Data: page},
		"_sources/index.rst.txt":       {Data: []byte("Index\n*****\n\nSource text.\n")},
		"_sources/tutorial/intro.txt":  {Data: []byte("Intro\n\nSource.\n")},
		"_static/basic.css":            {Data: []byte("body{}")},
		"_static/page.html":            {Data: page},
		"node_modules/pkg/readme.md":   {Data: []byte("# pkg\n")},
		"lib/__pycache__/x.txt":        {Data: []byte("cache")},
		"Thumbs.db":                    {Data: []byte("junk")},
		"tutorial/.DS_Store":           {Data: []byte("junk")},
		"drafts/wip.html":              {Data: page},
		"drafts/keep.html":             {Data: page},
		"build/old.html":               {Data: page},
		"notes.txt":                    {Data: []byte("Notes\n\nText.\n")},
		".briefsignore":                {Data: []byte("# ours\n/build/\n!_static/\n_static/*.css\n")},
		"docs/_sources/nested.rst.txt": {Data: []byte("x\n")},
	}
	rep, ids := walkAll(t, fsys, Options{Exclude: []string{"drafts/wip.html", "*.txt", "!notes.txt"}})
	if got := strings.Join(ids, " "); got != "static-page drafts-keep index notes tutorial-intro" {
		t.Errorf("records %q", got)
	}
	// _sources (3), node_modules, __pycache__, Thumbs.db, build, wip, basic.css;
	// .DS_Store is hidden: ignored, as before.
	if rep.Excluded != 9 {
		t.Errorf("Excluded = %d, want 9", rep.Excluded)
	}
	if !strings.Contains(rep.String(), "9 files excluded") {
		t.Errorf("summary lacks the excluded count:\n%s", rep)
	}
	if _, err := Walk(t.Context(), fstest.MapFS{".briefsignore": {Data: []byte("ok\nbad[\n")}}, Options{}, nil, func(Record) error { return nil }); err == nil || !strings.Contains(err.Error(), ".briefsignore line 2") {
		t.Errorf("bad .briefsignore: err = %v", err)
	}
}
