package web

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// TestPastTheEnd: a page past the last one says so and links to the last
// page, whether it is page 5 of 4 or page 99999 of a small search.
func TestPastTheEnd(t *testing.T) {
	ts := newTestServer(t, Config{})
	first := ts.page(t, "/search?q=coca&size=2", http.StatusOK)
	pages := first.Find(".pager ol li").Last().Text()
	last, err := strconv.Atoi(pages)
	if err != nil || last < 2 {
		t.Fatalf("q=coca&size=2: last page %q, want a number above 1", pages)
	}
	for _, path := range []string{"/search?q=coca&size=2&page=" + strconv.Itoa(last+1), "/search?q=coca&size=2&page=99999"} {
		doc := ts.page(t, path, http.StatusOK)
		alert := doc.Find(".summary .alert").Text()
		if !strings.Contains(alert, "is past the end") || !strings.Contains(alert, "on "+pages+" pages") || strings.Contains(alert, "narrow") {
			t.Errorf("GET %s: message %q, want past the end of %s pages", path, alert, pages)
		}
		if href := doc.Find(".summary .alert a").AttrOr("href", ""); href != "/search?q=coca&page="+pages+"&size=2" {
			t.Errorf("GET %s: last page link %q", path, href)
		}
		if n := doc.Find(".hits .hit").Length(); n != 0 {
			t.Errorf("GET %s: %d hits shown under a page that does not exist", path, n)
		}
		if strings.Contains(doc.Find("h1.count").Text(), "page ") {
			t.Errorf("GET %s: heading %q still claims a page", path, doc.Find("h1.count").Text())
		}
	}
}

// TestDidYouMeanOnce: a suggestion shows once, in the zero-results view
// or in the summary, never both.
func TestDidYouMeanOnce(t *testing.T) {
	ts := newTestServer(t, Config{})
	for _, q := range []string{"cocca", "eradicaton", "cocaine+eradicaton+bolvia"} {
		doc := ts.page(t, "/search?q="+q, http.StatusOK)
		n := 0
		doc.Find("p").Each(func(_ int, p *goquery.Selection) {
			if strings.Contains(p.Text(), "Did you mean") {
				n++
			}
		})
		if n > 1 {
			t.Errorf("q=%s: \"Did you mean\" shown %d times", q, n)
		}
	}
}

// TestErrorHints: the hint on quotes and parentheses follows syntax errors
// only.
func TestErrorHints(t *testing.T) {
	ts := newTestServer(t, Config{})
	const hint = "balance parentheses"
	if doc := ts.page(t, "/search?q=%22coca", http.StatusBadRequest); !strings.Contains(doc.Find(".alert").Text(), hint) {
		t.Errorf("an unclosed quote lacks the syntax hint: %q", doc.Find(".alert").Text())
	}
	for _, path := range []string{"/search?q=coca&size=101", "/search?q=coca&from=2010&to=2000", "/search?q=coca&sort=sideways"} {
		if doc := ts.page(t, path, http.StatusBadRequest); strings.Contains(doc.Find(".alert").Text(), hint) {
			t.Errorf("GET %s: the syntax hint follows an error it does not help with: %q", path, doc.Find(".alert").Text())
		}
	}
}
