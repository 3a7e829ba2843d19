package main

import (
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefs/briefs/indexer"
	"github.com/briefs/briefs/search"
)

// TestRealDocumentation ingests real HTML documentation nobody here wrote:
// Debian's python3-doc (the Python manuals as Sphinx builds them; .ci/run
// installs it). A part of it is copied, so that the test stays well under a
// minute: the top-level pages (genindex.html beside genindex-_.html and
// genindex-A.html…, whose plain IDs clash), the tutorial, HOWTOs, FAQs
// and setup guides, and all of _sources/ and _static/. It checks what a
// user would see go wrong:
//   - no file is lost to another's ID: every document file gives a record;
//   - no _sources/ copy is indexed (excluded, and counted as such);
//   - no title carries a permalink sign and no paragraph ends in one;
//   - headings and code are kept as such;
//   - no results page shows two hits of one page.
func TestRealDocumentation(t *testing.T) {
	src := pythonDocs()
	if src == "" {
		t.Skip("Debian's python3-doc is not installed (apt-get install python3-doc; .ci/run installs it): no real documentation to ingest")
	}
	root := filepath.Join(t.TempDir(), "python-docs")
	keep := func(p string) bool {
		top := strings.SplitN(p, "/", 2)[0]
		switch top {
		case "tutorial", "howto", "faq", "using", "_sources", "_static":
			return true
		}
		return !strings.Contains(p, "/") && p != "genindex-all.html"
	}
	copyTreeIf(t, src, root, keep)

	// The files that must each give a record: documents outside the
	// default excludes.
	want, excluded := 0, 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		switch {
		case strings.HasPrefix(rel, "_sources/") || strings.HasPrefix(rel, "_static/"):
			excluded++
		case indexer.IsSupported(rel):
			want++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	dir := filepath.Join(t.TempDir(), "index")
	b, err := search.NewBuilder(dir, search.BuildOptions{Rebuild: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Abort()
	b.SetRoot(root)
	var recs []indexer.Record
	opts := indexer.Options{Root: root, Taken: b.TakenByOther}
	rep, err := indexer.Walk(context.Background(), os.DirFS(root), opts, nil, func(r indexer.Record) error {
		recs = append(recs, r)
		return b.Add(r)
	})
	if err != nil {
		t.Fatal(err)
	}
	stats, err := b.Commit()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s\n%s", rep, stats)

	if rep.Files != want || rep.Documents+rep.Merged != rep.Files || len(rep.Skipped) != 0 {
		t.Errorf("%d document files: %d found, %d documents, %d merged, skipped %v", want, rep.Files, rep.Documents, rep.Merged, rep.Skipped)
	}
	if rep.Excluded != excluded {
		t.Errorf("Excluded = %d, want the %d files of _sources/ and _static/", rep.Excluded, excluded)
	}
	if stats.Total != rep.Records || stats.Total != len(recs) {
		t.Errorf("index holds %d records, the walk gave %d: some replaced others", stats.Total, rep.Records)
	}
	sources := map[string]bool{}
	kinds := map[string]int{}
	for _, r := range recs {
		if r.Kind != indexer.KindReference {
			sources[r.Source] = true
		}
		if strings.HasPrefix(r.Source, "_sources/") || strings.Contains(r.Title, "****") {
			t.Errorf("%s (%s): a _sources copy is indexed", r.ID, r.Source)
		}
		if strings.ContainsAny(r.Title, "¶🔗⚓") || strings.HasPrefix(r.Title, "<no title>") {
			t.Errorf("%s: title %q", r.Source, r.Title)
		}
		for i, p := range r.Paragraphs {
			if strings.HasSuffix(p, "¶") {
				t.Errorf("%s: paragraph %d ends in a permalink sign: %q", r.Source, i+1, p)
			}
		}
		for _, k := range r.Kinds {
			kinds[k]++
		}
	}
	if len(sources) != want {
		t.Errorf("records come from %d files, want %d", len(sources), want)
	}
	if kinds["h2"] == 0 || kinds["code"] == 0 || kinds["item"] == 0 {
		t.Errorf("paragraph kinds %v: headings, code and lists are lost", kinds)
	}

	ix, err := search.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, q := range []string{"list comprehension", "unicode strings", "virtual environment", "exception handling", "logging", "sorting", "index"} {
		res, err := ix.Search(context.Background(), search.Query{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total == 0 {
			t.Errorf("search %q finds nothing", q)
		}
		works := map[string]string{}
		for _, h := range res.Hits {
			w := workOf(h.Source)
			if other, dup := works[w]; dup {
				t.Errorf("search %q: %s and %s are one page", q, other, h.ID)
			}
			works[w] = h.ID
		}
	}
}

// workOf is the page a documentation file stands for: its path without
// _sources/ and without extensions (tutorial/classes.html and
// _sources/tutorial/classes.rst.txt are one page).
func workOf(source string) string {
	source = strings.TrimPrefix(source, "_sources/")
	for ext := path.Ext(source); ext != ""; ext = path.Ext(source) {
		source = strings.TrimSuffix(source, ext)
	}
	return source
}

// pythonDocs returns the folder of python3-doc's HTML manuals, or "".
func pythonDocs() string {
	dirs, _ := filepath.Glob("/usr/share/doc/python3*/html")
	for _, d := range append([]string{"/usr/share/doc/python3-doc/html"}, dirs...) {
		if real, err := filepath.EvalSymlinks(d); err == nil {
			if _, err := os.Stat(filepath.Join(real, "tutorial", "index.html")); err == nil {
				return real
			}
		}
	}
	return ""
}
