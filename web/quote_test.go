package web

import (
	"net/http"
	"strings"
	"testing"
)

func TestQuotePage(t *testing.T) {
	ts := newTestServer(t, Config{})
	ts.page(t, "/quote", http.StatusOK)
	// Misquoted: "the" dropped, "chewed" changed, other punctuation.
	doc := ts.page(t, "/quote?text="+strings.ReplaceAll("coca leaf has been CHEWED, in Andes for thousands of years!!", " ", "+"), http.StatusOK)
	first := doc.Find(".passage-hit").First()
	if href := first.Find("h3 a").AttrOr("href", ""); href != "/doc/dpb-12-en#p1" {
		t.Fatalf("first passage links to %q, want /doc/dpb-12-en#p1", href)
	}
	if cite := first.Find("a.button").AttrOr("href", ""); cite != "/doc/dpb-12-en?cite=1#cite" {
		t.Errorf("cite this passage = %q", cite)
	}
	if apa := first.Find(".passage-cite").Text(); !strings.Contains(apa, "(Soberón & Jelsma, 2005, para. 1)") {
		t.Errorf("passage citation = %q", apa)
	}
	if m := first.Find(".passage-text mark").First().Text(); !strings.HasPrefix(m, "coca leaf has been") {
		t.Errorf("first marked run = %q, want the quoted words", m)
	}
	doc = ts.page(t, "/quote?text=coca+leaf", http.StatusBadRequest)
	if !strings.Contains(doc.Find(".alert").Text(), "at least three words") {
		t.Errorf("short quote message = %q", doc.Find(".alert").Text())
	}
	if n := ts.page(t, "/quote?text=zzyzx+qwerty+plugh+xyzzy", http.StatusOK).Find(".passage-hit").Length(); n != 0 {
		t.Errorf("a quote found nowhere lists %d passages", n)
	}
}

func TestQuoteModeRedirects(t *testing.T) {
	ts := newTestServer(t, Config{})
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(ts.URL + "/search?q=quote:+the+coca+leaf+is+chewed")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || loc != "/quote?text=the+coca+leaf+is+chewed" {
		t.Errorf("quote: search = %d %q, want 303 to /quote?text=the+coca+leaf+is+chewed", resp.StatusCode, loc)
	}
}
