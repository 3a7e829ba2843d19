package indexer

import (
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// findHeadNodes must find what the goquery selectors readHead used find.
func TestFindHeadNodes(t *testing.T) {
	for _, src := range []string{
		`<html lang="de" xml:lang="de-AT"><head><title>A <b>page</b></title>
<meta name="author" content="X"><meta property="og:title" content="T">
<link rel="stylesheet" href="/s.css"><link rel="canonical" href="https://x.org/a"><link rel="canonical" href="https://x.org/b">
<script type="application/ld+json">{"@type":"Report"}</script><script type="text/javascript">var a</script></head>
<body><svg><title>Icon</title></svg><meta itemprop="datePublished" content="2020-01-02">
<script type="application/ld+json">{"@type":"Person"}</script><html lang="fr"></html></body></html>`,
		`<p>No head at all</p>`,
		`<title></title><link rel="canonical"><script type="APPLICATION/LD+JSON">{}</script>`,
	} {
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(src))
		if err != nil {
			t.Fatal(err)
		}
		got := findHeadNodes(doc)
		if want := doc.Find("meta").Nodes; !slices.Equal(got.metas, want) {
			t.Errorf("%.40q: metas = %v, want %v", src, got.metas, want)
		}
		if want := doc.Find(`script[type="application/ld+json"]`).Nodes; !slices.Equal(got.jsonLD, want) {
			t.Errorf("%.40q: JSON-LD scripts = %v, want %v", src, got.jsonLD, want)
		}
		for _, c := range []struct {
			sel, key string
			node     *html.Node
		}{{"html", "lang", got.html}, {"html", "xml:lang", got.html}, {`link[rel="canonical"]`, "href", got.canon}} {
			v, _ := lookupAttr(c.node, c.key)
			if want := doc.Find(c.sel).AttrOr(c.key, ""); v != want {
				t.Errorf("%.40q: %s %s = %q, want %q", src, c.sel, c.key, v, want)
			}
		}
		if got, want := rawText(got.title), doc.Find("title").First().Text(); got != want {
			t.Errorf("%.40q: title text = %q, want %q", src, got, want)
		}
	}
}
