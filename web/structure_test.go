package web

import (
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/briefs/briefs/indexer"
)

// TestDocPageStructure extracts the Sphinx-style and MkDocs-style fixtures
// of the indexer and checks their document pages: headings are headings,
// code is <pre><code> with its lines, list items are list items (numbered
// ones numbered on), table rows are rows, and every paragraph still has
// its #pN anchor and cite link, in order.
func TestDocPageStructure(t *testing.T) {
	var recs []indexer.Record
	for _, name := range []string{"sphinx.html", "mkdocs.html"} {
		data, err := os.ReadFile("../indexer/testdata/docsite/" + name)
		if err != nil {
			t.Fatal(err)
		}
		got, err := indexer.Extract(name, data, indexer.Options{})
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, got...)
	}
	ts := newTestServer(t, Config{Index: mustBuildIndex(t, recs...)})

	doc := ts.page(t, "/doc/sphinx?q=archive", http.StatusOK)
	if got := doc.Find(".fulltext h2.text-head").First().Text(); got != "3.1. Opening an archive" {
		t.Errorf("first text heading = %q", got)
	}
	code := doc.Find(".fulltext pre > code")
	if code.Length() != 1 || !strings.Contains(code.Text(), ">>> import toolkit\n>>> archive = toolkit.open_archive('briefings/')") {
		t.Errorf("code blocks: %d, text %q", code.Length(), code.Text())
	}
	if code.Find("mark").Length() == 0 {
		t.Error("the query's terms are not marked in code")
	}
	if n := doc.Find(".fulltext ul > li").Length(); n != 3 {
		t.Errorf("%d list items, want 3", n)
	}
	if n := doc.Find(".fulltext table.text-row td").Length(); n != 6 {
		t.Errorf("%d table cells, want 6 (3 rows of 2)", n)
	}
	if got := doc.Find(".fulltext blockquote").Text(); !strings.Contains(got, "Archives are read, never written.") {
		t.Errorf("blockquote = %q", got)
	}
	if got := doc.Find(".fulltext p.term").Text(); got != "toolkit.open_archive(path)" {
		t.Errorf("term = %q", got)
	}
	paras := doc.Find(".fulltext .para")
	if paras.Length() != len(recs[0].Paragraphs) {
		t.Errorf("%d paragraph blocks for %d paragraphs", paras.Length(), len(recs[0].Paragraphs))
	}
	for i := range paras.Length() {
		p := paras.Eq(i)
		if id := p.AttrOr("id", ""); id != "p"+strconv.Itoa(i+1) || p.Find("a.cite-para").Length() != 1 {
			t.Errorf("paragraph block %d: id %q, cite links %d", i+1, id, p.Find("a.cite-para").Length())
		}
	}
	if strings.Contains(doc.Find("h1").Text()+doc.Find(".fulltext").Text(), "¶") {
		t.Error("a permalink sign reaches the page")
	}

	doc = ts.page(t, "/doc/mkdocs", http.StatusOK)
	var starts []string
	doc.Find(".fulltext ol").Each(func(_ int, s *goquery.Selection) { starts = append(starts, s.AttrOr("start", "")) })
	if strings.Join(starts, " ") != "1 2 3" {
		t.Errorf("numbered items start at %q, want 1 2 3", starts)
	}
	if doc.Find(".fulltext h3.text-head").Text() != "Fields" {
		t.Errorf("h3 = %q", doc.Find(".fulltext h3.text-head").Text())
	}
}
