package web

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// rawMarkup matches the hostile record's markup as live HTML.
var rawMarkup = regexp.MustCompile(`(?i)<script>alert|<img src=x|<script>\s*alert|</script> Series`)

// TestHTMLInjection renders every view of the hostile record and asserts
// that its markup only ever appears escaped.
func TestHTMLInjection(t *testing.T) {
	ts := newTestServer(t, Config{})
	hostileQ := url.QueryEscape(hostileScript)
	pages := []string{
		"/",
		"/search?q=coca",
		"/search?q=hostile",
		"/search?q=script+alert",
		"/search?q=" + hostileQ,
		"/search?q=coca&author=" + url.QueryEscape("Eve "+hostileScript),
		"/search?q=zzzz&series=" + url.QueryEscape("Hostile </script> Series"),
		"/doc/hostile",
		"/doc/hostile?q=coca+script&cite=1",
		"/doc/hostile?cite=2",
		"/doc/" + url.PathEscape(hostileScript),
		"/search?q=%22" + hostileQ,
	}
	for _, p := range pages {
		resp, body := ts.get(t, p)
		if resp.StatusCode >= 500 {
			t.Errorf("GET %s = %d", p, resp.StatusCode)
		}
		if m := rawMarkup.FindString(body); m != "" {
			i := strings.Index(body, m)
			t.Errorf("GET %s: raw markup %q in the page: …%s…", p, m, body[max(0, i-80):min(len(body), i+80)])
		}
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		if n := doc.Find("img").Length(); n != 0 {
			t.Errorf("GET %s: %d <img> elements", p, n)
		}
		doc.Find("script").Each(func(_ int, s *goquery.Selection) {
			src, hasSrc := s.Attr("src")
			typ, _ := s.Attr("type")
			if !(hasSrc && strings.HasPrefix(src, "/static/app.js?v=")) && typ != "application/ld+json" {
				t.Errorf("GET %s: unexpected <script> %q", p, s.Text())
			}
		})
		if n := doc.Find(`a[href^="javascript:"], [onerror], [onload]`).Length(); n != 0 {
			t.Errorf("GET %s: %d javascript: links or event handlers", p, n)
		}
	}

	// The hostile text is shown, as text, where it belongs.
	doc := ts.page(t, "/doc/hostile?q=coca&cite=1", http.StatusOK)
	if got := doc.Find("h1").Text(); got != hostileScript+" Hostile coca "+hostileImg {
		t.Errorf("h1 text = %q", got)
	}
	if !strings.Contains(doc.Find("#cite-bibtex").Text(), `<script>alert(1)</script>`) {
		t.Error("BibTeX block lost the title text")
	}
	if !strings.Contains(doc.Find(".passage blockquote").Text(), hostileScript) {
		t.Error("passage quote lost the text")
	}
	// JSON-LD: "</script>" in a title cannot close the element.
	_, body := ts.get(t, "/doc/hostile")
	start := strings.Index(body, `<script type="application/ld+json">`)
	if start < 0 {
		t.Fatal("no JSON-LD")
	}
	rest := body[start+len(`<script type="application/ld+json">`):]
	end := strings.Index(strings.ToLower(rest), "</script")
	var ld map[string]any
	if err := json.Unmarshal([]byte(rest[:end]), &ld); err != nil {
		t.Fatalf("JSON-LD up to the first </script does not parse (broken out?): %v\n%s", err, rest[:end])
	}
	if ld["headline"] != hostileScript+" Hostile coca "+hostileImg {
		t.Errorf("JSON-LD headline = %q", ld["headline"])
	}
	if p, _ := ld["isPartOf"].(map[string]any); p["name"] != "Hostile </script> Series" {
		t.Errorf("JSON-LD series = %v", ld["isPartOf"])
	}
	// The javascript: source URL is neutralised.
	if doc.Find(`a:contains("Original source")`).Length() != 0 || strings.Contains(body, "javascript:") {
		t.Error("javascript: source URL rendered")
	}
}

// TestInjectionInOtherFormats checks the API, the feed and the exports:
// each escapes for its own format (JSON, XML, CSV quoting) and keeps the
// text intact, and none is served as HTML.
func TestInjectionInOtherFormats(t *testing.T) {
	ts := newTestServer(t, Config{})
	title := hostileScript + " Hostile coca " + hostileImg

	resp, body := ts.get(t, "/api/search?q=hostile")
	if strings.Contains(body, "<script") || strings.Contains(body, "<img") {
		t.Errorf("API JSON has raw markup: %.200s", body)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("API served as %q", ct)
	}
	res := apiResults(t, ts, "q=hostile")
	if len(res.Hits) == 0 || res.Hits[0].Title != title {
		t.Errorf("API title = %q", res.Hits[0].Title)
	}
	if strings.Contains(string(res.Hits[0].TitleHTML), "<script") {
		t.Errorf("API title_html has raw markup: %q", res.Hits[0].TitleHTML)
	}
	_, body = ts.get(t, "/api/doc/hostile")
	if strings.Contains(body, "<script") {
		t.Errorf("API doc has raw markup")
	}

	resp, body = ts.get(t, "/feed.atom?q=hostile")
	if strings.Contains(body, "<script") || strings.Contains(body, "<img") {
		t.Errorf("feed has raw markup: %.300s", body)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/atom+xml") {
		t.Errorf("feed served as %q", ct)
	}
	var feed atomFeed
	if err := xml.Unmarshal([]byte(body), &feed); err != nil {
		t.Fatalf("feed: %v", err)
	}
	if len(feed.Entries) != 1 || feed.Entries[0].Title.Body != title || feed.Entries[0].Title.Type != "text" {
		t.Errorf("feed entries = %+v", feed.Entries)
	}

	for _, f := range []string{"csv", "jsonl", "bib", "ris"} {
		resp, body = ts.get(t, "/export."+f+"?q=hostile")
		if ct := resp.Header.Get("Content-Type"); strings.Contains(ct, "html") || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("export %s served as %q without nosniff", f, ct)
		}
		if !strings.HasPrefix(resp.Header.Get("Content-Disposition"), "attachment;") {
			t.Errorf("export %s is not an attachment", f)
		}
		if f == "csv" {
			rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
			if err != nil || len(rows) != 2 || rows[1][1] != title {
				t.Errorf("CSV round trip of the hostile title: %q, %v", rows, err)
			}
		}
		if f == "jsonl" && strings.Contains(body, "<script") {
			t.Errorf("JSON Lines has raw markup")
		}
	}
}

func TestCSVFormulaGuard(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(x)": "'=HYPERLINK(x)", "+1": "'+1", "@SUM": "'@SUM", "-2": "'-2",
		"coca": "coca", "": "", "Coca = leaf": "Coca = leaf",
	} {
		if got := csvSafe(in); got != want {
			t.Errorf("csvSafe(%q) = %q, want %q", in, got, want)
		}
	}
}
