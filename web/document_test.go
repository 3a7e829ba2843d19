package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/briefs/briefs/indexer"
)

func metaContents(doc *goquery.Document, name string) []string {
	var out []string
	doc.Find(`meta[name="` + name + `"]`).Each(func(_ int, m *goquery.Selection) {
		c, _ := m.Attr("content")
		out = append(out, c)
	})
	return out
}

func TestDocPage(t *testing.T) {
	ts := newTestServer(t, Config{})
	doc := ts.page(t, "/doc/dpb-12-en?q=coca+leaf", http.StatusOK)

	if got := doc.Find("h1").Text(); got != "Coca yes, cocaine no? Legal options for the coca leaf" {
		t.Errorf("h1 = %q", got)
	}
	// Paragraphs with stable 1-based anchors; query words marked.
	for i, want := range []string{"p1", "p2", "p3", "p4", "p5"} {
		if doc.Find("#"+want+" p").Length() != 1 {
			t.Errorf("paragraph %d has no #%s", i+1, want)
		}
	}
	marks := doc.Find(".fulltext mark")
	if marks.Length() < 5 {
		t.Errorf("%d <mark>s in the text, want every coca and leaf", marks.Length())
	}
	marks.Each(func(_ int, m *goquery.Selection) {
		w := strings.ToLower(m.Text())
		if !strings.HasPrefix(w, "coca") && !strings.HasPrefix(w, "leaf") {
			t.Errorf("marked %q, not a query word", m.Text())
		}
	})
	if href, _ := doc.Find("#p3 a.cite-para").Attr("href"); href != "/doc/dpb-12-en?q=coca+leaf&cite=3#cite" {
		t.Errorf("cite link of p3 = %q", href)
	}
	// Metadata table, series neighbours, translation, source and PDF links.
	info := doc.Find("table.info").Text()
	for _, want := range []string{"Briefing", "Ricardo Soberón", "14 March 2005", "Drug Policy Briefing", "Bolivia", "Transnational Institute"} {
		if !strings.Contains(info, want) {
			t.Errorf("metadata table lacks %q", want)
		}
	}
	if href, _ := doc.Find(`table.info a:contains("Bolivia")`).Attr("href"); href != "/search?country=Bolivia" {
		t.Errorf("country link %q", href)
	}
	if href, _ := doc.Find(".series-nav a[rel=prev]").Attr("href"); href != "/doc/dpb-11?q=coca+leaf" {
		t.Errorf("previous in series = %q", href)
	}
	if href, _ := doc.Find(".series-nav a[rel=next]").Attr("href"); href != "/doc/dpb-13?q=coca+leaf" {
		t.Errorf("next in series = %q", href)
	}
	if href, _ := doc.Find(".langs a[hreflang=es]").Attr("href"); href != "/doc/dpb-12-es?q=coca+leaf" {
		t.Errorf("Spanish version link = %q", href)
	}
	if doc.Find(`a[href="https://example.org/dpb/12"]`).Length() != 1 || doc.Find(`a[href="https://example.org/dpb/12.pdf"]`).Length() != 1 {
		t.Error("no source or PDF link")
	}
	if href, _ := doc.Find(".crumbs a").Attr("href"); href != "/search?q=coca+leaf" {
		t.Errorf("back link = %q", href)
	}

	// Citation blocks, each with a copy button: the rich formats as HTML
	// with the title in italics, the others in a <pre>.
	wantCites := map[string]string{
		"#cite-apa":     "Soberón, R., & Jelsma, M. (2005). Coca yes, cocaine no? Legal options for the coca leaf (Drug Policy Briefing No. 12).",
		"#cite-chicago": "Soberón, Ricardo, and Martin Jelsma. 2005.",
		"#cite-mla":     "Soberón, Ricardo, and Martin Jelsma. Coca yes",
		"#cite-bibtex":  "@techreport{soberon2005coca,",
		"#cite-ris":     "TY  - RPRT",
		"#cite-csl":     `"type": "report"`,
	}
	for sel, want := range wantCites {
		pre := doc.Find(sel)
		if !strings.Contains(pre.Text(), want) {
			t.Errorf("%s = %q, want it to contain %q", sel, pre.Text(), want)
		}
		if doc.Find(`button.copy[data-copy="`+sel[1:]+`"]`).Length() != 1 {
			t.Errorf("no copy button for %s", sel)
		}
	}
	if it := doc.Find("#cite-apa i").Text(); !strings.HasPrefix(it, "Coca yes, cocaine no?") {
		t.Errorf("#cite-apa italic = %q, want the title", it)
	}
	if plain := doc.Find("pre#cite-apa-plain").Text(); !strings.HasPrefix(plain, "Soberón, R., & Jelsma, M. (2005). Coca yes") {
		t.Errorf("#cite-apa-plain = %q, want the plain APA text", plain)
	}

	// Highwire, Dublin Core and JSON-LD in <head>.
	tags := map[string][]string{
		"citation_title":                   {"Coca yes, cocaine no? Legal options for the coca leaf"},
		"citation_author":                  {"Ricardo Soberón", "Martin Jelsma"},
		"citation_publication_date":        {"2005/03/14"},
		"citation_series_title":            {"Drug Policy Briefing"},
		"citation_technical_report_number": {"12"},
		"citation_publisher":               {"Transnational Institute"},
		"citation_language":                {"en"},
		"citation_pdf_url":                 {"https://example.org/dpb/12.pdf"},
		"citation_abstract_html_url":       {ts.URL + "/doc/dpb-12-en"},
		"DC.title":                         {"Coca yes, cocaine no? Legal options for the coca leaf"},
		"DC.creator":                       {"Ricardo Soberón", "Martin Jelsma"},
		"DC.date":                          {"2005-03-14"},
		"DC.language":                      {"en"},
		"DC.coverage":                      {"Bolivia", "Peru"},
	}
	for name, want := range tags {
		if got := metaContents(doc, name); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("meta %s = %q, want %q", name, got, want)
		}
	}
	var ld map[string]any
	if err := json.Unmarshal([]byte(doc.Find(`script[type="application/ld+json"]`).Text()), &ld); err != nil {
		t.Fatalf("JSON-LD does not parse: %v", err)
	}
	if ld["@type"] != "Report" || ld["datePublished"] != "2005-03-14" || ld["reportNumber"] != "12" || ld["inLanguage"] != "en" {
		t.Errorf("JSON-LD = %v", ld)
	}
	if a, _ := ld["author"].([]any); len(a) != 2 {
		t.Errorf("JSON-LD authors = %v", ld["author"])
	}
	if p, _ := ld["isPartOf"].(map[string]any); p["name"] != "Drug Policy Briefing" {
		t.Errorf("JSON-LD isPartOf = %v", ld["isPartOf"])
	}
	if c, _ := ld["spatialCoverage"].([]any); len(c) != 2 {
		t.Errorf("JSON-LD spatialCoverage = %v", ld["spatialCoverage"])
	}
	if href, _ := doc.Find(`link[rel=canonical]`).Attr("href"); href != ts.URL+"/doc/dpb-12-en" {
		t.Errorf("canonical = %q", href)
	}
}

func TestCiteThisPassage(t *testing.T) {
	ts := newTestServer(t, Config{})
	doc := ts.page(t, "/doc/dpb-12-en?cite=3", http.StatusOK)
	if !doc.Find("#p3").HasClass("cited") {
		t.Error("cited paragraph not marked")
	}
	passage := doc.Find("#cite .passage")
	if !strings.Contains(passage.Find(".passage-loc").Text(), "para. 3") {
		t.Errorf("locator = %q", passage.Find(".passage-loc").Text())
	}
	if got := passage.Find("blockquote").Text(); got != "Legal markets for coca tea and flour exist in Bolivia and Peru." {
		t.Errorf("quote = %q", got)
	}
	if href, _ := passage.Find(".passage-loc a").Attr("href"); href != ts.URL+"/doc/dpb-12-en#p3" {
		t.Errorf("permalink = %q", href)
	}
	if apa := passage.Find("#cite-passage-apa").Text(); !strings.Contains(apa, "(Soberón & Jelsma, 2005, para. 3)") {
		t.Errorf("APA passage = %q", apa)
	}
	if chi := passage.Find("#cite-passage-chicago").Text(); !strings.Contains(chi, "(Soberón and Jelsma 2005, par. 3)") {
		t.Errorf("Chicago passage = %q", chi)
	}
	// Out of range or junk: the page still renders, without a passage.
	for _, p := range []string{"/doc/dpb-12-en?cite=99", "/doc/dpb-12-en?cite=x", "/doc/dpb-12-en?cite=-1"} {
		if d := ts.page(t, p, http.StatusOK); d.Find(".passage").Length() != 0 {
			t.Errorf("GET %s shows a passage", p)
		}
	}
}

func TestDocPagePDF(t *testing.T) {
	ts := newTestServer(t, Config{})
	doc := ts.page(t, "/doc/debate-7?cite=3", http.StatusOK)
	for _, id := range []string{"page-1", "page-2", "page-3"} {
		if doc.Find("h2#"+id).Length() != 1 {
			t.Errorf("no heading #%s", id)
		}
	}
	// Paragraph 3 is on page 2: the heading comes right before it.
	if prev := doc.Find("#p3").Prev(); prev.AttrOr("id", "") != "page-2" {
		t.Errorf("#p3 follows %q, want #page-2", prev.AttrOr("id", ""))
	}
	if got := doc.Find(".passage-loc strong").Text(); got != "p. 2" {
		t.Errorf("PDF locator = %q, want p. 2", got)
	}
	if apa := doc.Find("#cite-passage-apa").Text(); !strings.Contains(apa, "(Metaal & Blickman, 2002, p. 2)") {
		t.Errorf("APA passage = %q", apa)
	}
	if got := metaContents(doc, "citation_pdf_url"); len(got) != 1 || got[0] != "https://example.org/debate/7.pdf" {
		t.Errorf("citation_pdf_url = %q", got)
	}
}

func TestListingAndReferences(t *testing.T) {
	ts := newTestServer(t, Config{})
	doc := ts.page(t, "/doc/briefings-page", http.StatusOK)
	var refs []string
	doc.Find(".refs li a").Each(func(_ int, a *goquery.Selection) { refs = append(refs, a.AttrOr("href", "")) })
	if strings.Join(refs, " ") != "/doc/briefings-page-ref-1 /doc/briefings-page-ref-2" {
		t.Errorf("references = %q", refs)
	}
	ref := ts.page(t, "/doc/briefings-page-ref-1", http.StatusOK)
	if href, _ := ref.Find(".parent a").Attr("href"); href != "/doc/briefings-page" {
		t.Errorf("parent link = %q", href)
	}
	if got := ref.Find(".parent a").Text(); got != "Drug Policy Briefings" {
		t.Errorf("parent title = %q", got)
	}
}

func TestDocNotFound(t *testing.T) {
	ts := newTestServer(t, Config{})
	for _, p := range []string{
		"/doc/nope",
		"/doc/..%2F..%2Fetc%2Fpasswd",
		"/doc/..%2Fserver.go",
		"/doc/%2e%2e",
		"/doc/dpb-11%00",
	} {
		doc := ts.page(t, p, http.StatusNotFound)
		if !strings.Contains(doc.Find("h1").Text(), "No document has this ID") {
			t.Errorf("GET %s: h1 = %q", p, doc.Find("h1").Text())
		}
	}
	doc := ts.page(t, "/no/such/page", http.StatusNotFound)
	if !strings.Contains(doc.Find(".status").Text(), "404") {
		t.Errorf("404 page status = %q", doc.Find(".status").Text())
	}
}

// TestDocPageParts: a text longer than a part is shown in parts, linked
// to each other; paragraph numbers and cite links run on across parts,
// and a search snippet links to the part holding its paragraph.
func TestDocPageParts(t *testing.T) {
	rec := indexer.Record{ID: "long-report", Kind: "briefing", Title: "A long report", Language: "en"}
	for i := range 1200 {
		p := fmt.Sprintf("Paragraph %d. ", i+1) + strings.Repeat("Coca growers and the state met again. ", 25)
		if i == 1100 {
			p += "The needle was found here."
		}
		rec.Paragraphs = append(rec.Paragraphs, p)
	}
	ts := newTestServer(t, Config{Index: mustBuildIndex(t, rec)})

	first := ts.page(t, "/doc/long-report", http.StatusOK)
	nav := first.Find("nav.parts").First()
	if !strings.HasPrefix(nav.Text(), "Part 1 of ") {
		t.Fatalf("part nav = %q", nav.Text())
	}
	next, _ := nav.Find("a[rel=next]").Attr("href")
	if next != "/doc/long-report?part=2" {
		t.Errorf("next part link = %q", next)
	}
	if first.Find("#p1").Length() != 1 || first.Find("#p1100").Length() != 0 {
		t.Error("part 1 should hold paragraph 1 and not 1100")
	}

	res := ts.page(t, "/search?q=needle", http.StatusOK)
	href, _ := res.Find("a.snippet").First().Attr("href")
	if !strings.Contains(href, "part=") || !strings.HasSuffix(href, "#p1101") {
		t.Fatalf("snippet link = %q, want its part and #p1101", href)
	}
	part := ts.page(t, href, http.StatusOK)
	if part.Find("#p1101").Length() != 1 || !strings.Contains(part.Find("#p1101").Text(), "needle") {
		t.Errorf("%s does not show paragraph 1101", href)
	}
	cite, _ := part.Find("#p1101 a.cite-para").Attr("href")
	if !strings.Contains(cite, "part=") {
		t.Errorf("cite link %q loses the part", cite)
	}
	cited := ts.page(t, cite, http.StatusOK)
	if !strings.Contains(cited.Find("#cite").Text()+cited.Find(".passage-loc").Text(), "1101") {
		t.Errorf("citing paragraph 1101 from its part shows no passage citation")
	}
}

// TestDocPageOneHugeLine: a record of megabytes on one line (a pathological
// file) is shown in parts too, split between words: each page is a part's
// worth of HTML with a link to the next, and a search showing the record
// links its snippet to the part holding the match.
func TestDocPageOneHugeLine(t *testing.T) {
	line := strings.Repeat("Coca growers and the state met again. ", (2<<20)/38) + "The needle was found here."
	rec := indexer.Record{ID: "one-line", Kind: "briefing", Title: "One huge line", Language: "en", Paragraphs: []string{line}}
	ts := newTestServer(t, Config{Index: mustBuildIndex(t, rec)})

	resp, body := ts.get(t, "/doc/one-line")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if len(body) > 1<<20 {
		t.Errorf("the first part's page is %d bytes, for a text of %d", len(body), len(line))
	}
	first := ts.page(t, "/doc/one-line", http.StatusOK)
	next, _ := first.Find("nav.parts a[rel=next]").First().Attr("href")
	if next != "/doc/one-line?part=2" {
		t.Errorf("next part link = %q", next)
	}
	res := ts.page(t, "/search?q=needle", http.StatusOK)
	href, _ := res.Find("a.snippet").First().Attr("href")
	if !strings.Contains(href, "part=") {
		t.Fatalf("snippet link = %q, want its part", href)
	}
	if _, body := ts.get(t, href); len(body) > 1<<20 {
		t.Errorf("%s: %d bytes", href, len(body))
	}
	part := ts.page(t, href, http.StatusOK)
	if !strings.Contains(part.Find("#p1").Text(), "needle") {
		t.Errorf("%s: its #p1 does not show the needle", href)
	}
}
