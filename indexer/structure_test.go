package indexer

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// docsiteGolden is what a documentation-site page must give: its title and
// its text as paragraphs with their kinds.
type docsiteGolden struct {
	Title      string   `json:"title"`
	Paragraphs []string `json:"paragraphs"`
	Kinds      []string `json:"kinds"`
}

// TestDocSiteStructure extracts pages written in the style of Sphinx,
// MkDocs (Material), Hugo (Docsy), a WordPress theme and DocBook, and compares
// their title, paragraphs and kinds with testdata/docsite/<case>.golden.json
// (-update rewrites them). Whatever the golden says, no permalink sign may
// reach the title or end a paragraph, no in-page table of contents the
// text, and every page must keep its
// headings, a list and code or a table as such.
func TestDocSiteStructure(t *testing.T) {
	files, err := filepath.Glob("testdata/docsite/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".html")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			recs, err := Extract(filepath.Base(f), data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			r := recs[0]
			got := docsiteGolden{Title: r.Title, Paragraphs: r.Paragraphs, Kinds: r.Kinds}
			golden := strings.TrimSuffix(f, ".html") + ".golden.json"
			if updating() {
				out, _ := json.MarshalIndent(got, "", "  ")
				if err := os.WriteFile(golden, append(out, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var want docsiteGolden
			if data, err := os.ReadFile(golden); err != nil {
				t.Fatalf("%v (run with -update to write it)", err)
			} else if err := json.Unmarshal(data, &want); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				gj, _ := json.MarshalIndent(got, "", "  ")
				t.Errorf("extract %s =\n%s\nwant %s", f, gj, golden)
			}

			for _, sign := range []string{"¶", "🔗", "⚓", "Permalink", "Table of Contents"} {
				if strings.Contains(r.Title+"\n"+r.Text(), sign) {
					t.Errorf("%s: %q reaches the title or text", f, sign)
				}
			}
			kinds := map[string]int{}
			for i, p := range r.Paragraphs {
				if strings.HasSuffix(p, " #") || strings.HasSuffix(p, " §") || p == "#" || p == "§" {
					t.Errorf("%s: paragraph %d ends in a permalink sign: %q", f, i+1, p)
				}
				kinds[r.Kinds[i]]++
			}
			if kinds["h2"] == 0 || kinds["item"]+kinds["numbered"] == 0 || kinds["code"]+kinds["row"] == 0 {
				t.Errorf("%s: kinds %v: want headings, a list and code or a table", f, kinds)
			}
		})
	}
}

func TestPermalinkSignsAndCode(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Opening an archive¶", "Opening an archive"},
		{"Upgrading 🔗", "Upgrading"},
		{"C#", "C#"},
		{"Title ¶ ¶", "Title"},
	} {
		if got := trimPermalinkSigns(tt.in); got != tt.want {
			t.Errorf("trimPermalinkSigns(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := docTitle("<no title> — Toolkit documentation", []string{"A page without a heading.\nSecond line."}); got != "A page without a heading." {
		t.Errorf("docTitle(<no title>) = %q", got)
	}
	// A link to an anchor that is text, not a sign, stays.
	r := extractOne(t, page("", `<article><h1>Contents</h1><p>See <a href="#intro">the introduction</a> and <a class="anchor" href="#x">#</a>.</p>
<h2 id="a">A heading<a href="#a">¶</a></h2><p>Text under it, long enough to be read as a paragraph of the page.</p></article>`))
	if !strings.Contains(r.Text(), "the introduction") || strings.Contains(r.Text(), "¶") || strings.Contains(r.Text(), " #") {
		t.Errorf("paragraphs %q", r.Paragraphs)
	}
	// Sphinx's backlinks wrap a heading's text in a.toc-backref: text, not
	// a table of contents.
	back := extractOne(t, page("", `<article><h1>FAQ</h1><section><h2><a class="toc-backref" href="#id1" role="doc-backlink">Why is it slow?</a><a class="headerlink" href="#why" title="Permalink to this heading">¶</a></h2>
<p>Because it reads every file, which takes a while on a large archive of briefings.</p></section></article>`))
	if len(back.Paragraphs) == 0 || back.Paragraphs[0] != "Why is it slow?" {
		t.Errorf("heading with a backlink: paragraphs %q", back.Paragraphs)
	}
	// A heading's anchor is named for the heading, not for page furniture.
	anchored := extractOne(t, page("", `<article><h1>Manual</h1><h2 class="title"><a id="_sharing_and_copying"/>10.1. Sharing and copying</h2>
<p>How to share an archive of briefings with colleagues, and keep both copies in step.</p></article>`))
	if len(anchored.Paragraphs) == 0 || anchored.Paragraphs[0] != "10.1. Sharing and copying" {
		t.Errorf("heading with an id of chrome words: paragraphs %q", anchored.Paragraphs)
	}
	// A data table's "comment" column near the top is no opinion label.
	table := extractOne(t, page("", `<article><h1>Archive tools</h1><table><tr><th>package</th><th>size</th><th>comment</th></tr>
<tr><td>tar</td><td>3144</td><td>the standard archiver</td></tr></table><p>More about archives follows in the next section of this chapter.</p></article>`))
	if table.Kind == KindOpinion {
		t.Errorf("a table with a comment column makes the page kind %q", table.Kind)
	}
	code := extractOne(t, page("", "<article><h1>Code</h1><pre>\n\nfor x in xs:\n\tprint(x)   \n\n</pre></article>"))
	if len(code.Paragraphs) != 1 || code.Paragraphs[0] != "for x in xs:\n    print(x)" || code.Kinds[0] != ParaCode {
		t.Errorf("code = %q, kinds %q", code.Paragraphs, code.Kinds)
	}
}
