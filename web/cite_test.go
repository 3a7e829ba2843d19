package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// TestCiteFromResults: every hit has a Cite panel with the rich formats in
// italics, downloads of its own record and a link to the page with all six.
func TestCiteFromResults(t *testing.T) {
	ts := newTestServer(t, Config{})
	doc := ts.page(t, "/search?q=coca", http.StatusOK)
	ids := hitIDs(doc)
	if len(ids) < 3 {
		t.Fatalf("q=coca: %d hits, want at least 3", len(ids))
	}
	doc.Find(".hits .hit").Each(func(i int, hit *goquery.Selection) {
		id := ids[i]
		panel := hit.Find("details.hit-cite")
		if panel.Length() != 1 || panel.Find("summary").First().Text() != "Cite" {
			t.Errorf("hit %s: no Cite panel", id)
			return
		}
		for _, f := range []string{"apa", "chicago", "mla"} {
			sel := "#cite-" + id + "-" + f
			if panel.Find(sel+" i").Length() != 1 {
				t.Errorf("hit %s: %s has no italic title: %q", id, sel, panel.Find(sel).Text())
			}
			if panel.Find(`button.copy[data-rich][data-copy="cite-`+id+`-`+f+`"]`).Length() != 1 {
				t.Errorf("hit %s: no rich copy button for %s", id, f)
			}
			if strings.TrimSpace(panel.Find("pre#cite-"+id+"-"+f+"-plain").Text()) == "" {
				t.Errorf("hit %s: no plain text of %s", id, f)
			}
		}
		want := map[string]bool{"/export.bib?sel=" + url.QueryEscape(id): true, "/export.ris?sel=" + url.QueryEscape(id): true,
			"/export.json?sel=" + url.QueryEscape(id): true, "/cite/" + url.PathEscape(id) + "?q=coca": true}
		panel.Find(".hit-cite-links a").Each(func(_ int, a *goquery.Selection) {
			delete(want, a.AttrOr("href", ""))
		})
		if len(want) > 0 {
			t.Errorf("hit %s: Cite panel lacks links %v", id, want)
		}
		if v, _ := hit.Find(`input.hit-select[form="select"][name="sel"]`).Attr("value"); v != id {
			t.Errorf("hit %s: select checkbox value %q", id, v)
		}
	})
}

func TestCitePage(t *testing.T) {
	ts := newTestServer(t, Config{})
	doc := ts.page(t, "/cite/dpb-12-en?q=coca", http.StatusOK)
	if n := doc.Find(".cite-block").Length(); n != 6 {
		t.Errorf("/cite/dpb-12-en: %d citation blocks, want 6", n)
	}
	if got := doc.Find("#cite-apa-plain").Text(); !strings.HasPrefix(got, "Soberón, R., & Jelsma, M. (2005). Coca yes") {
		t.Errorf("/cite/dpb-12-en APA = %q", got)
	}
	if href := doc.Find(".crumbs a").AttrOr("href", ""); href != "/search?q=coca" {
		t.Errorf("back link = %q, want /search?q=coca", href)
	}
	// A record without a web address of its own cites its permalink here.
	doc = ts.page(t, "/cite/dpb-12-es", http.StatusOK)
	for _, f := range []string{"#cite-apa-plain", "#cite-chicago-plain", "#cite-bibtex", "#cite-ris", "#cite-csl"} {
		if got := doc.Find(f).Text(); !strings.Contains(got, ts.URL+"/doc/dpb-12-es") {
			t.Errorf("/cite/dpb-12-es %s = %q, want the permalink as its source", f, got)
		}
	}
	ts.page(t, "/cite/no-such-record", http.StatusNotFound)
}

// TestSelectionExport: selected hits stay selected across pages and export
// just themselves in every format.
func TestSelectionExport(t *testing.T) {
	ts := newTestServer(t, Config{})
	doc := ts.page(t, "/search?q=coca&size=2&sel=dpb-11&sel=dpb-12-es", http.StatusOK)
	if n := doc.Find(".select-bar strong").Text(); n != "2 selected documents" {
		t.Errorf("select bar says %q, want 2 selected documents", n)
	}
	if next := doc.Find(".pager a.next").AttrOr("href", ""); !strings.Contains(next, "sel=dpb-11") || !strings.Contains(next, "sel=dpb-12-es") {
		t.Errorf("next page link %q drops the selection", next)
	}
	checked := doc.Find("input.hit-select[checked]").Length()
	carried := doc.Find(`#select input[type=hidden][name=sel]`).Length()
	if checked+carried != 2 {
		t.Errorf("%d checked + %d carried selections, want 2", checked, carried)
	}
	var bib string
	doc.Find(".select-bar a").Each(func(_ int, a *goquery.Selection) {
		if a.Text() == "BibTeX" {
			bib = a.AttrOr("href", "")
		}
	})
	_, body := ts.get(t, bib)
	if n := strings.Count(body, "\n@"); n+boolInt(strings.HasPrefix(body, "@")) != 2 ||
		!strings.Contains(body, "Crop eradication") || !strings.Contains(body, "Coca sí") {
		t.Errorf("GET %s = %q, want the 2 selected entries", bib, body)
	}
	resp, body := ts.get(t, "/export.json?sel=dpb-12-en&sel=missing")
	var items []map[string]any
	if err := json.Unmarshal([]byte(body), &items); err != nil || len(items) != 1 || items[0]["title"] != "Coca yes, cocaine no? Legal options for the coca leaf" {
		t.Errorf("CSL-JSON export of one selection = %q (%v)", body, err)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/vnd.citationstyles.csl+json") {
		t.Errorf("CSL-JSON content type %q", ct)
	}
	if resp, _ := ts.get(t, "/export.ris?sel=missing"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("export of a selection not in the index: %d, want 404", resp.StatusCode)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
