package web

import (
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/briefs/briefs/indexer"
)

func publisherIndexRecords() []indexer.Record {
	rec := func(id, publisher, country string) indexer.Record {
		return indexer.Record{ID: id, Kind: "briefing", Language: "en", Year: 2001, Title: "Coca report " + id,
			Publisher: publisher, Authors: []string{"Ana Ruiz"}, Series: "Drug Policy Briefing",
			Countries: []string{country}, Keywords: []string{country + " policy"},
			Paragraphs: []string{"Coca growers in " + country + "."}}
	}
	return []indexer.Record{
		rec("a", "Transnational Institute", "Bolivia"),
		rec("b", "Transnational Institute", "Peru"),
		rec("c", "WOLA", "Peru"),
	}
}

func facetIDs(doc *goquery.Document) []string {
	var ids []string
	doc.Find("form.facets fieldset.facet").Each(func(_ int, s *goquery.Selection) {
		id, _ := s.Attr("id")
		ids = append(ids, id)
	})
	return ids
}

// TestFacetsChosen: a collection's --facets choose the sidebar's facets
// and their order; publisher is one of them, counted and filtered.
func TestFacetsChosen(t *testing.T) {
	idx := mustBuildIndex(t, publisherIndexRecords()...)
	ts := newTestServer(t, Config{Index: idx, Facets: []string{"publisher", "country", "keyword", "author"}})
	doc := ts.page(t, "/search?q=coca", http.StatusOK)
	if got, want := strings.Join(facetIDs(doc), ","), "facet-publisher,facet-country,facet-keyword,facet-author"; got != want {
		t.Errorf("facets shown %s, want %s", got, want)
	}
	if doc.Find("#facet-year").Length() != 0 {
		t.Error("the year chart is shown though year is not among the facets")
	}
	if got := doc.Find("#facet-publisher .facet-value").First().Text(); got != "Transnational Institute" {
		t.Errorf("first publisher %q, want Transnational Institute (2 hits)", got)
	}

	doc = ts.page(t, "/search?q=coca&publisher=WOLA", http.StatusOK)
	if n := doc.Find(".hits .hit").Length(); n != 1 {
		t.Errorf("publisher=WOLA: %d hits, want 1", n)
	}
	if !strings.Contains(doc.Find(".chips").Text(), "Publisher: WOLA") {
		t.Errorf("no Publisher chip in %q", doc.Find(".chips").Text())
	}

	doc = ts.page(t, "/search?q=coca&keyword=peru+policy", http.StatusOK)
	if n := doc.Find(".hits .hit").Length(); n != 2 {
		t.Errorf("keyword=peru policy: %d hits, want 2", n)
	}

	// The default: today's facets and the year chart, no publisher.
	def := newTestServer(t, Config{Index: idx})
	doc = def.page(t, "/search?q=coca", http.StatusOK)
	if got, want := strings.Join(facetIDs(doc), ","), "facet-kind,facet-series,facet-country,facet-language,facet-author"; got != want {
		t.Errorf("default facets %s, want %s", got, want)
	}
	if doc.Find("#facet-year").Length() != 1 {
		t.Error("the default page has no year chart")
	}

	for _, bad := range [][]string{{"colour"}, {"country", "country"}} {
		if _, err := NewServer(Config{Index: idx, Facets: bad}); err == nil {
			t.Errorf("NewServer accepted facets %q", bad)
		}
	}
}
