package web

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/briefs/briefs/search"
)

// demoServer serves the demo corpus, or skips the test without it.
func demoServer(t *testing.T) *testServer {
	t.Helper()
	idx := demoServerIndex(t)
	return newTestServer(t, Config{Index: idx})
}

var reBibKey = regexp.MustCompile(`(?m)^@\w+\{([^,]+),`)

// TestExportBibUniqueKeys: the BibTeX export of a search gives one entry
// per work (a listing entry naming a briefing is not a second entry) and
// no two entries share a citation key.
func TestExportBibUniqueKeys(t *testing.T) {
	ts := demoServer(t)
	for _, q := range []string{"coca", "opium", "cannabis", ""} {
		_, body := ts.get(t, "/export.bib?q="+q)
		keys := reBibKey.FindAllStringSubmatch(body, -1)
		if len(keys) == 0 {
			t.Fatalf("/export.bib?q=%s: no entries", q)
		}
		seen := map[string]bool{}
		for _, k := range keys {
			if seen[k[1]] {
				t.Errorf("/export.bib?q=%s: key %s twice", q, k[1])
			}
			seen[k[1]] = true
		}
		if q == "coca" && strings.Count(body, "title = {Broken Promises") != 1 {
			t.Errorf("/export.bib?q=coca: %d entries for DPB 11, want 1 (one per work)", strings.Count(body, "title = {Broken Promises"))
		}
	}
}

// TestHitShowsVersions: a briefing listed on a page and translated is one
// hit, with its translation and its listing reachable from it.
func TestHitShowsVersions(t *testing.T) {
	ts := demoServer(t)
	doc := ts.page(t, "/search?q=%22broken+promises%22&size=50", http.StatusOK)
	hits := doc.Find(".hit")
	n := 0
	hits.Each(func(_ int, h *goquery.Selection) {
		if strings.HasPrefix(strings.TrimSpace(h.Find(".hit-title").Text()), "Broken Promises") {
			n++
		}
	})
	if n != 1 {
		t.Fatalf("%d hits titled Broken Promises, want 1", n)
	}
	line := doc.Find(".hit .versions").First().Text()
	for _, want := range []string{"also in Spanish", "listed on 1 page"} {
		if !strings.Contains(line, want) {
			t.Errorf("versions line %q lacks %q", line, want)
		}
	}
}

// TestListedPublicationLeadsToFullText: the page of a listing entry whose
// publication is in the index links to that full text, and the full text's
// page says where it was listed.
func TestListedPublicationLeadsToFullText(t *testing.T) {
	ts := demoServer(t)
	ref := ts.page(t, "/doc/pages-peru-coca-and-conflict-ref-1", http.StatusOK)
	href, ok := ref.Find(".full-text a").Attr("href")
	if !ok || href != "/doc/briefings-dpb-11-broken-promises" {
		t.Errorf("listing entry's full-text link = %q, want /doc/briefings-dpb-11-broken-promises", href)
	}
	if strings.Contains(ref.Text(), "This record has no text of its own") {
		t.Error("a listing entry with its full text in the index says it has no text")
	}
	full := ts.page(t, href, http.StatusOK)
	listed := full.Find("#listed a")
	if listed.Length() == 0 || listed.First().AttrOr("href", "") != "/doc/pages-peru-coca-and-conflict" {
		t.Errorf("full text's 'Listed on' = %q, want a link to the Peru page", listed.Text())
	}
	// An entry whose publication is not in the index stays a record of its
	// own, with no full-text link.
	alone := ts.page(t, "/doc/pages-peru-coca-and-conflict-ref-4", http.StatusOK)
	if alone.Find(".full-text").Length() != 0 {
		t.Error("an entry without full text in the index links to one")
	}
}

func TestHitVersionsLine(t *testing.T) {
	h := search.Hit{Record: search.Record{ID: "dpb-11", Kind: "briefing", Language: "en", PDFURL: "https://example.org/dpb11.pdf"},
		Versions: []search.Version{
			{ID: "dpb-11-es", Kind: "briefing", Language: "es"},
			{ID: "dpb-11-txt", Kind: "briefing", Language: "en", Source: "text/dpb-11.txt"},
			{ID: "a-ref-1", Kind: "reference", Parent: "a"},
			{ID: "b-ref-3", Kind: "reference", Parent: "b"},
			{ID: "b-ref-4", Kind: "reference", Parent: "b"},
		}}
	var got []string
	for _, l := range hitVersions(h, search.Query{}) {
		got = append(got, l.Label+" "+l.URL)
	}
	want := "also in Spanish /doc/dpb-11-es | text /doc/dpb-11-txt | PDF https://example.org/dpb11.pdf | listed on 2 pages /doc/dpb-11#listed"
	if strings.Join(got, " | ") != want {
		t.Errorf("hitVersions = %q\nwant %q", strings.Join(got, " | "), want)
	}
}

// TestListedPublicationWithoutFullText: an entry naming a publication the
// index does not hold stays a record of its own, links to its original
// address and, listed on two pages, is one hit reachable from both.
func TestListedPublicationWithoutFullText(t *testing.T) {
	recs := []search.Record{
		{ID: "a", Kind: "page", Title: "Coca in the Andes", Year: 2010, Language: "en", Paragraphs: []string{"An overview of coca."}},
		{ID: "a-ref-1", Kind: "reference", Parent: "a", Title: "The Coca Markets of the Apurímac Valley", Date: "2000-05", Year: 2000,
			Series: "Coca Bulletin", Number: 14, URL: "https://example.org/bulletin-14", Language: "en"},
		{ID: "b", Kind: "page", Title: "Peru Publications", Year: 2011, Language: "en", Paragraphs: []string{"What we wrote on Peru."}},
		{ID: "b-ref-2", Kind: "reference", Parent: "b", Title: "The Coca Markets of the Apurímac Valley", Date: "2000", Year: 2000, Language: "en"},
	}
	idx, err := buildIndex(t.TempDir(), recs)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	ts := newTestServer(t, Config{Index: idx})
	doc := ts.page(t, "/doc/a-ref-1", http.StatusOK)
	if href, _ := doc.Find(".doc-body .muted a, .muted a[href^='https://example.org']").First().Attr("href"); href != "https://example.org/bulletin-14" {
		t.Errorf("entry without full text links to %q, want its original address", href)
	}
	if doc.Find(".full-text").Length() != 0 {
		t.Error("entry without full text in the index links to one")
	}
	res := ts.page(t, "/search?q=coca+markets", http.StatusOK)
	if n := res.Find("ol.hits:not(.partial) .hit").Length(); n != 1 { // the page that names coca alone is a partial match
		t.Fatalf("%d hits for one publication listed on two pages, want 1", n)
	}
	if line := res.Find(".hit .versions").Text(); !strings.Contains(line, "also listed on 1 page") {
		t.Errorf("versions line %q, want it to say where else it is listed", line)
	}
}
