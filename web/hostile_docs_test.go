package web

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/briefs/briefs/indexer"
)

// hostileHTML is a crawled page whose metadata and text carry markup,
// event handlers and javascript: URLs, raw and in encoded variants. The
// word "xylophonist" finds it.
const hostileHTML = `<!doctype html>
<html lang="en"><head>
<title>Xylophonist &lt;script&gt;alert(1)&lt;/script&gt; report</title>
<meta name="citation_title" content="Xylophonist &lt;script&gt;alert(2)&lt;/script&gt; report">
<meta name="citation_author" content="Eve &lt;img src=x onerror=alert(3)&gt;">
<meta name="citation_author" content="Mallory&quot; onmouseover=&quot;alert(4)">
<meta name="citation_publication_date" content="2021/06/01">
<meta name="citation_series_title" content="Evil &lt;/script&gt;&lt;script&gt;alert(5)&lt;/script&gt; Series">
<meta name="citation_pdf_url" content="javascript:alert(6)">
<meta name="description" content="Summary &lt;svg onload=alert(7)&gt; with java&amp;#115;cript:alert(8)">
<link rel="canonical" href="java&#115;cript:alert(9)">
<meta property="og:url" content=" JaVaScRiPt:alert(10)">
<script>alert(11)</script>
<script type="application/ld+json">{"@type":"Report","name":"</script><script>alert(12)</script>"}</script>
</head><body onload="alert(13)">
<article>
<h1 onclick="alert(14)">Xylophonist &lt;script&gt;alert(1)&lt;/script&gt; report</h1>
<p>The xylophonist study found <script>alert(15)</script> nothing <a href="javascript:alert(16)">here</a>.</p>
<p onmouseover="alert(17)">Encoded: &lt;script&gt;alert(18)&lt;/script&gt;, java&#115;cript:alert(19), %3Cscript%3Ealert(20)%3C%2Fscript%3E, &#60;img src=x onerror=alert(21)&#62;.</p>
<p>Raw: <img src=x onerror=alert(22)> <svg onload=alert(23)></svg> <iframe src="javascript:alert(24)"></iframe> <a href="&#106;avascript:alert(25)">link</a></p>
<p>Quotes " ' and a stray </p> <p>closing &lt;/textarea&gt;&lt;/title&gt;&lt;/style&gt; tags, and ]]&gt; for XML.</p>
</article>
</body></html>`

// hostileText is a plain-text briefing with markup in its header block.
const hostileText = `Title: Xylophonist <script>alert(26)</script> notes
Authors: Zed <img src=x onerror=alert(27)>
Date: 2020-01-02
URL: javascript:alert(28)

The xylophonist notes say <b onmouseover=alert(29)>bold</b> and javascript:alert(30).
`

// liveMarkup matches markup of the fixtures that would be live in HTML.
var liveMarkup = regexp.MustCompile(`(?i)<script>alert|<img src=x|<svg onload|<iframe|<b onmouseover|</script><script>`)

// dangerousURL matches a URL that would run script when followed.
var dangerousURL = regexp.MustCompile(`(?i)^\s*(javascript|vbscript|data\s*:\s*text/html)`)

// TestHostileDocuments ingests the fixtures with the real extractor and
// walks every output the site has for them: the result page, snippets,
// the document page with its citations and JSON-LD, the JSON API, the
// exports and the feed. In HTML nothing may be live markup, an event
// handler or a javascript: link; elsewhere the format's own escaping must
// hold and no javascript: URL may be offered as a link.
func TestHostileDocuments(t *testing.T) {
	root := t.TempDir()
	for name, body := range map[string]string{"briefings/hostile.html": hostileHTML, "notes/hostile.txt": hostileText} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var recs []indexer.Record
	rep, err := indexer.Walk(context.Background(), os.DirFS(root), indexer.Options{}, nil, func(r indexer.Record) error {
		recs = append(recs, r)
		return nil
	})
	if err != nil || len(rep.Skipped) != 0 || len(recs) != 2 {
		t.Fatalf("walk: %d records, %v, skipped %v", len(recs), err, rep.Skipped)
	}
	for _, r := range recs {
		for _, u := range []string{r.URL, r.PDFURL} {
			if dangerousURL.MatchString(u) {
				t.Logf("note: the extractor kept the URL %q of %s; the web layer must drop it", u, r.ID)
			}
		}
	}
	ts := newTestServer(t, Config{Index: mustBuildIndex(t, recs...)})
	res := apiResults(t, ts, "q=xylophonist")
	if res.Total != 2 {
		t.Fatalf("xylophonist: %d results, want the 2 fixtures", res.Total)
	}

	var pages, others []string
	pages = append(pages, "/", "/search?q=xylophonist", "/search?q=xylophonist+script", "/search?q=alert",
		"/search?q=xylophonist&sort=newest")
	for _, h := range res.Hits {
		for _, a := range h.Authors {
			pages = append(pages, "/search?q=xylophonist&author="+url.QueryEscape(a))
		}
		if h.Series != "" {
			pages = append(pages, "/search?series="+url.QueryEscape(h.Series))
		}
	}
	others = append(others, "/api/search?q=xylophonist", "/api/search?q=script+alert", "/api/facets?q=xylophonist",
		"/feed.atom?q=xylophonist", "/feed.atom")
	for _, f := range []string{"csv", "jsonl", "bib", "ris"} {
		others = append(others, "/export."+f+"?q=xylophonist")
	}
	for _, h := range res.Hits {
		id := url.PathEscape(h.ID)
		pages = append(pages, "/doc/"+id, "/doc/"+id+"?q=xylophonist+script", "/doc/"+id+"?cite=1", "/doc/"+id+"?cite=2&q=alert")
		others = append(others, "/api/doc/"+id)
	}

	for _, p := range pages {
		resp, body := ts.get(t, p)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s = %d", p, resp.StatusCode)
			continue
		}
		checkInertHTML(t, p, body)
	}
	for _, p := range others {
		resp, body := ts.get(t, p)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s = %d", p, resp.StatusCode)
			continue
		}
		ct := resp.Header.Get("Content-Type")
		if strings.Contains(ct, "html") || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: served as %q (nosniff %q)", p, ct, resp.Header.Get("X-Content-Type-Options"))
		}
		switch {
		case strings.HasPrefix(p, "/api/"), strings.HasPrefix(p, "/export.jsonl"):
			// JSON escapes < and > as \u003c and \u003e: the text survives, no tag can form.
			if strings.ContainsAny(body, "<>") {
				t.Errorf("GET %s: JSON with a raw < or >", p)
			}
			checkJSONURLs(t, p, body)
		case strings.HasPrefix(p, "/feed.atom"):
			checkFeed(t, p, body)
		default:
			if !strings.HasPrefix(resp.Header.Get("Content-Disposition"), "attachment;") {
				t.Errorf("GET %s is not an attachment", p)
			}
		}
		checkExportURLs(t, p, body)
	}
}

// checkExportURLs fails on a script URL in a URL field of a CSV, BibTeX or
// RIS export: reference managers turn those into links. The prose may
// mention javascript: (the fixtures do); a link may not.
func checkExportURLs(t *testing.T, path, body string) {
	t.Helper()
	switch {
	case strings.HasPrefix(path, "/export.csv"):
		rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
		if err != nil || len(rows) < 2 {
			t.Fatalf("GET %s: %d rows, %v", path, len(rows), err)
		}
		for _, row := range rows[1:] {
			for i, col := range rows[0] {
				if strings.Contains(col, "url") && dangerousURL.MatchString(row[i]) {
					t.Errorf("GET %s: %s = %q", path, col, row[i])
				}
			}
		}
	case strings.HasPrefix(path, "/export.bib"), strings.HasPrefix(path, "/export.ris"):
		for _, line := range strings.Split(body, "\n") {
			l := strings.ToLower(strings.TrimSpace(line))
			isURL := strings.HasPrefix(l, "ur  -") || strings.HasPrefix(l, "l1  -") || strings.HasPrefix(l, "url")
			if isURL && strings.Contains(l, "script:") {
				t.Errorf("GET %s: a script URL offered as a link: %q", path, line)
			}
		}
	}
}

// checkInertHTML parses an HTML page and fails on anything from the
// fixtures that a browser would run. (The site's own year chart is an
// inline <svg>; any event handler on it or elsewhere fails the check.)
func checkInertHTML(t *testing.T, path, body string) {
	t.Helper()
	if m := liveMarkup.FindString(body); m != "" {
		i := strings.Index(body, m)
		t.Errorf("GET %s: live markup %q: …%s…", path, m, body[max(0, i-80):min(len(body), i+80)])
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	doc.Find("*").Each(func(_ int, s *goquery.Selection) {
		node := s.Get(0)
		switch node.Data {
		case "iframe", "frame", "object", "embed", "img", "base", "meta":
			if node.Data == "meta" {
				// Meta tags carry the document's metadata: content is text,
				// but http-equiv refresh would redirect.
				if eq, _ := s.Attr("http-equiv"); strings.EqualFold(eq, "refresh") {
					t.Errorf("GET %s: meta refresh", path)
				}
				break
			}
			t.Errorf("GET %s: <%s> element", path, node.Data)
		case "script":
			src, hasSrc := s.Attr("src")
			typ, _ := s.Attr("type")
			switch {
			case hasSrc && strings.HasPrefix(src, "/static/app.js?v="):
			case typ == "application/ld+json":
				var v any
				if err := json.Unmarshal([]byte(s.Text()), &v); err != nil {
					t.Errorf("GET %s: JSON-LD broken out of its element: %v", path, err)
				}
			default:
				t.Errorf("GET %s: unexpected <script> %q", path, s.Text())
			}
		}
		for _, a := range node.Attr {
			if strings.HasPrefix(strings.ToLower(a.Key), "on") {
				t.Errorf("GET %s: <%s %s=%q>", path, node.Data, a.Key, a.Val)
			}
			switch strings.ToLower(a.Key) {
			case "href", "src", "action", "formaction", "content", "cite", "data":
				if dangerousURL.MatchString(a.Val) {
					t.Errorf("GET %s: <%s %s=%q>", path, node.Data, a.Key, a.Val)
				}
			}
		}
	})
}

// checkJSONURLs decodes a JSON body (or JSON lines) and fails on any
// url-like field holding a script URL.
func checkJSONURLs(t *testing.T, path, body string) {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(body))
	for dec.More() {
		var v any
		if err := dec.Decode(&v); err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		walkJSON(v, "", func(key, s string) {
			if strings.Contains(strings.ToLower(key), "url") && dangerousURL.MatchString(s) {
				t.Errorf("GET %s: %s = %q", path, key, s)
			}
		})
	}
}

func walkJSON(v any, key string, fn func(key, s string)) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			walkJSON(x, k, fn)
		}
	case []any:
		for _, x := range v {
			walkJSON(x, key, fn)
		}
	case string:
		fn(key, v)
	}
}

// checkFeed parses the Atom feed: titles and summaries are plain text
// (type="text"), so readers show markup as text, and links are http(s).
func checkFeed(t *testing.T, path, body string) {
	t.Helper()
	var feed atomFeed
	if err := xml.Unmarshal([]byte(body), &feed); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	for _, e := range feed.Entries {
		if e.Title.Type != "text" || (e.Summary != nil && e.Summary.Type != "text") {
			t.Errorf("GET %s: entry %q has title type %q, summary %+v", path, e.ID, e.Title.Type, e.Summary)
		}
		for _, l := range e.Links {
			if u, err := url.Parse(l.Href); err != nil || (u.Scheme != "http" && u.Scheme != "https") {
				t.Errorf("GET %s: entry link %q", path, l.Href)
			}
		}
	}
	if strings.Contains(body, "<script") || strings.Contains(body, "<img") {
		t.Errorf("GET %s: raw markup in the XML", path)
	}
}
