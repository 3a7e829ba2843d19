package web

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/briefs/briefs/indexer"
)

// A PDF from the ingested folder to the page a reader cites: a folder with
// a PDF briefing, a web page merged with its PDF, another page and a text
// note is walked by the real indexer, indexed, and served on loopback.

const (
	khatPDF   = "../testdata/corpus/pdf/dpb-47-khat-horn-of-africa.pdf"
	kratomPDF = "../testdata/corpus/pdf/op09-kratom.pdf"
	khatID    = "pdf-dpb-47-khat-horn-of-africa"
	kratomID  = "papers-kratom"
)

// pdfFolder writes the mixed folder and returns it.
func pdfFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write := func(name string, data []byte) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	read := func(p string) []byte {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Skipf("no demo corpus PDF: %v", err)
		}
		return data
	}
	write("pdf/dpb-47-khat-horn-of-africa.pdf", read(khatPDF))
	write("files/op09-kratom.pdf", read(kratomPDF))
	// The landing page names its PDF only by a link in its text.
	write("papers/kratom.html", []byte(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Kratom between Medicine and Market</title>
<meta name="citation_author" content="Ismail, Siti Rahmah"><meta name="citation_publication_date" content="2021/03/08"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Kratom between Medicine and Market</h1>
<p>Kratom leaves have been chewed in southern Thailand and northern Malaysia for generations.</p>
<p><a href="../files/op09-kratom.pdf">Download the paper (PDF)</a></p></article></body></html>`))
	write("pages/khat-trade.html", []byte(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>The khat trade</title></head><body><article><h1>The khat trade</h1>
<p>Khat reaches the markets of Mogadishu within a day of the harvest, flown from the highlands.</p>
</article></body></html>`))
	write("notes/khat-note.txt", []byte("Notes on khat\n\nKhat is chewed in the Horn of Africa and in Yemen.\n"))
	return dir
}

// pdfTestServer ingests the folder with indexer.Walk and serves it.
func pdfTestServer(t *testing.T) (*testServer, map[string]indexer.Record) {
	t.Helper()
	dir := pdfFolder(t)
	recs := map[string]indexer.Record{}
	var all []indexer.Record
	rep, err := indexer.Walk(t.Context(), os.DirFS(dir), indexer.Options{}, nil, func(r indexer.Record) error {
		recs[r.ID] = r
		all = append(all, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Skipped) != 0 || rep.Merged != 1 || len(all) != 4 {
		t.Fatalf("walk: %s; want 4 records and the kratom PDF merged", rep)
	}
	return newTestServer(t, Config{Index: mustBuildIndex(t, all...)}), recs
}

// paragraphWith returns the 1-based number of rec's paragraph holding s.
func paragraphWith(t *testing.T, rec indexer.Record, s string) int {
	t.Helper()
	for i, p := range rec.Paragraphs {
		if strings.Contains(p, s) {
			return i + 1
		}
	}
	t.Fatalf("%s has no paragraph with %q", rec.ID, s)
	return 0
}

// hitFor returns the search hit for the document id.
func hitFor(doc *goquery.Document, id string) *goquery.Selection {
	return doc.Find(".hits .hit").FilterFunction(func(_ int, s *goquery.Selection) bool {
		href, _ := s.Find(".hit-title a").Attr("href")
		u, err := url.Parse(href)
		return err == nil && u.Path == "/doc/"+id
	})
}

func TestPDFPassageFromSearchToCitation(t *testing.T) {
	ts, recs := pdfTestServer(t)
	tests := []struct {
		name, query, id, phrase string
		page                    int
		apa                     string
	}{
		{"PDF alone, page 2", `"miraa auctions at dawn"`, khatID, "miraa auctions at dawn", 2, "(Warsame & Lindqvist, 2022, p. 2)"},
		{"PDF alone, page 4", `"diaspora communities"`, khatID, "diaspora communities", 4, "(Warsame & Lindqvist, 2022, p. 4)"},
		{"web page merged with its PDF, page 3", `pharmacologists alkaloids`, kratomID, "Pharmacologists in Malaysia", 3, "(Ismail, 2021, p. 3)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := recs[tt.id]
			n := paragraphWith(t, rec, tt.phrase)
			if rec.Pages[n-1] != tt.page {
				t.Fatalf("the indexer puts %q on page %d, want %d", tt.phrase, rec.Pages[n-1], tt.page)
			}

			res := ts.page(t, "/search?q="+url.QueryEscape(tt.query), http.StatusOK)
			hit := hitFor(res, tt.id)
			if hit.Length() != 1 {
				t.Fatalf("search %s: no hit for %s", tt.query, tt.id)
			}
			// Every snippet shows the page of the paragraph it links to.
			var href string
			hit.Find("a.snippet").Each(func(_ int, sn *goquery.Selection) {
				h, _ := sn.Attr("href")
				u, err := url.Parse(h)
				k, _ := strconv.Atoi(strings.TrimPrefix(u.Fragment, "p"))
				if err != nil || u.Path != "/doc/"+tt.id || k < 1 || k > len(rec.Pages) {
					t.Errorf("search %s: snippet links to %q", tt.query, h)
					return
				}
				if got, want := sn.Find(".loc").Text(), "p. "+strconv.Itoa(rec.Pages[k-1]); got != want {
					t.Errorf("search %s: snippet of #p%d shows %q, want %q", tt.query, k, got, want)
				}
				if strings.Contains(sn.Text(), tt.phrase) {
					href = h
					if k != n {
						t.Errorf("search %s: the snippet with the phrase links to #p%d, want #p%d", tt.query, k, n)
					}
				}
			})
			if href == "" {
				t.Fatalf("search %s: no snippet holds %q", tt.query, tt.phrase)
			}

			doc := ts.page(t, href, http.StatusOK)
			last := rec.Pages[len(rec.Pages)-1]
			for p := 1; p <= last; p++ {
				if doc.Find(`[id="page-`+strconv.Itoa(p)+`"]`).Length() != 1 {
					t.Errorf("GET %s: no element with id page-%d", href, p)
				}
			}
			para := doc.Find("#p" + strconv.Itoa(n))
			if got := para.PrevAllFiltered(".page-head").First().AttrOr("id", ""); got != "page-"+strconv.Itoa(tt.page) {
				t.Errorf("GET %s: #p%d is under %q, want page-%d", href, n, got, tt.page)
			}
			if !strings.Contains(para.Text(), tt.phrase) {
				t.Errorf("GET %s: #p%d = %q, want the passage", href, n, para.Text())
			}

			cite, _ := para.Find("a.cite-para").Attr("href")
			if !strings.Contains(cite, "cite="+strconv.Itoa(n)) || !strings.HasSuffix(cite, "#cite") {
				t.Fatalf("GET %s: cite link %q, want ?cite=%d#cite", href, cite, n)
			}
			cited := ts.page(t, cite, http.StatusOK)
			if got := cited.Find("#cite .passage-loc strong").Text(); got != "p. "+strconv.Itoa(tt.page) {
				t.Errorf("GET %s: locator %q, want p. %d", cite, got, tt.page)
			}
			if apa := cited.Find("#cite-passage-apa").Text(); !strings.Contains(apa, tt.apa) {
				t.Errorf("GET %s: APA passage %q, want %q", cite, apa, tt.apa)
			}
			want := ", " + strconv.Itoa(tt.page) + ")"
			if chi := cited.Find("#cite-passage-chicago").Text(); !strings.Contains(chi, want) {
				t.Errorf("GET %s: Chicago passage %q, want the page as %q", cite, chi, want)
			}
		})
	}
}

func TestPDFMergedAndPlainHits(t *testing.T) {
	ts, recs := pdfTestServer(t)
	if _, ok := recs["files-op09-kratom"]; ok {
		t.Error("the merged PDF also has a record of its own")
	}
	// "khat" is in the PDF, a web page and a text note: only the PDF's
	// snippets carry a page.
	res := ts.page(t, "/search?q=khat", http.StatusOK)
	for _, id := range []string{khatID, "pages-khat-trade", "notes-khat-note"} {
		hit := hitFor(res, id)
		if hit.Length() != 1 {
			t.Errorf("search khat: no hit for %s", id)
			continue
		}
		locs := hit.Find("a.snippet .loc").Length()
		if id == khatID && locs == 0 {
			t.Errorf("search khat: the PDF's snippets have no page")
		}
		if id != khatID && locs != 0 {
			t.Errorf("search khat: %s's snippets show a page", id)
		}
	}
	// The merged record shows where its pages come from.
	doc := ts.page(t, "/doc/"+kratomID, http.StatusOK)
	found := false
	doc.Find("table.info tr").Each(func(_ int, tr *goquery.Selection) {
		if tr.Find("th").Text() == "PDF file" && tr.Find("td").Text() == "files/op09-kratom.pdf" {
			found = true
		}
	})
	if !found {
		t.Errorf("GET /doc/%s: no PDF file row in the info table", kratomID)
	}
	if doc.Find("h1").Text() != "Kratom between Medicine and Market" || doc.Find(".page-head").Length() != 3 {
		t.Errorf("GET /doc/%s: title %q, %d page headings; want the page's title and the PDF's 3 pages",
			kratomID, doc.Find("h1").Text(), doc.Find(".page-head").Length())
	}
}
