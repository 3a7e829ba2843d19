package web

import (
	"encoding/csv"
	"errors"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/briefs/briefs/indexer"
	"github.com/briefs/briefs/search"
)

// demoCorpus is the project's demo corpus, written by us in the shape of
// real briefings.
const demoCorpus = "../testdata/corpus"

// demoIndex ingests the demo corpus with indexer.Walk into a fresh index.
func demoIndex(t testing.TB) (*search.Index, error) {
	t.Helper()
	if _, err := os.Stat(demoCorpus); err != nil {
		return nil, err
	}
	var recs []indexer.Record
	rep, err := indexer.Walk(t.Context(), os.DirFS(demoCorpus), indexer.Options{}, nil, func(r indexer.Record) error {
		recs = append(recs, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, errors.New("the demo corpus has no records: " + rep.String())
	}
	idx, err := buildIndex(t.TempDir(), recs)
	if err != nil {
		return nil, err
	}
	t.Cleanup(func() { idx.Close() })
	return idx, nil
}

// demoServerIndex is demoIndex for a test that needs it: skipped when
// the demo corpus is absent, failed on any other error.
func demoServerIndex(t *testing.T) *search.Index {
	t.Helper()
	idx, err := demoIndex(t)
	if os.IsNotExist(err) {
		t.Skip("no demo corpus at " + demoCorpus)
	}
	if err != nil {
		t.Fatal(err)
	}
	return idx
}

// TestDemoCorpus serves the demo corpus and follows its links: the landing
// page, a search, every hit's document page and the exports.
func TestDemoCorpus(t *testing.T) {
	idx := demoServerIndex(t)
	ts := newTestServer(t, Config{Index: idx})
	landing := ts.page(t, "/", http.StatusOK)
	if landing.Find(".landing .hits .hit").Length() == 0 {
		t.Error("landing page lists no recent documents")
	}
	doc := ts.page(t, "/search?q=coca&size=50", http.StatusOK)
	n := doc.Find(".hits .hit").Length()
	if n == 0 {
		t.Fatal("the demo corpus has no hit for coca")
	}
	doc.Find(".hits .hit-title a").Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		d := ts.page(t, href, http.StatusOK)
		if d.Find("h1").Length() != 1 || d.Find("#cite-apa").Length() != 1 {
			t.Errorf("GET %s: no title or citation", href)
		}
	})
	_, body := ts.get(t, "/export.csv?q=coca")
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil || len(rows) != n+1 {
		t.Errorf("CSV export of coca: %d rows (%v), want %d", len(rows), err, n+1)
	}
	// Every facet value links to a search that finds that many documents.
	ts.page(t, "/search?q=coca", http.StatusOK).Find("#facet-country li").Each(func(_ int, li *goquery.Selection) {
		v, _ := li.Find("input").Attr("value")
		want := strings.TrimSpace(li.Find(".facet-count").Text())
		d := ts.page(t, facetToggleURL(search.Query{Text: "coca"}, paramCountry, v), http.StatusOK)
		if got := strings.Fields(d.Find(".summary .count strong").Text())[0]; got != want {
			t.Errorf("country %s: facet says %s, search finds %s", v, want, got)
		}
	})
}
