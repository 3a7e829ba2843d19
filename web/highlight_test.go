package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/briefs/briefs/indexer"
)

// TestDocMarksAsSnippets: on the demo corpus, the document page marks the
// words the result list's snippets mark, from the same analysis:
// "eradicate" marks every "eradication" of the text, and each word a
// snippet marks is marked in its paragraph on the document page.
func TestDocMarksAsSnippets(t *testing.T) {
	idx := demoServerIndex(t)
	ts := newTestServer(t, Config{Index: idx})
	results := ts.page(t, "/search?q=eradicate", http.StatusOK)
	checked := 0
	results.Find("a.snippet").Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		u, err := url.Parse(href)
		if err != nil || !strings.HasPrefix(u.Path, "/doc/") || !strings.HasPrefix(u.Fragment, "p") {
			t.Errorf("snippet link %q: want /doc/…#pN", href)
			return
		}
		var want []string
		a.Find("mark").Each(func(_ int, m *goquery.Selection) { want = append(want, strings.ToLower(m.Text())) })
		if len(want) == 0 {
			return
		}
		q := u.Query()
		q.Set("q", "eradicate")
		u.RawQuery, u.Fragment = q.Encode(), ""
		doc := ts.page(t, u.String(), http.StatusOK)
		para := doc.Find("#" + strings.Split(href, "#")[1])
		got := map[string]bool{}
		para.Find("mark").Each(func(_ int, m *goquery.Selection) { got[strings.ToLower(m.Text())] = true })
		for _, w := range want {
			if !got[w] {
				t.Errorf("%s: the snippet marks %q, its paragraph on the document page does not (marks %v)", href, w, got)
			}
		}
		// Every "eradication" of the text is marked, none left out.
		word := regexp.MustCompile(`(?i)\beradication\b`)
		text := doc.Find(".fulltext")
		all := len(word.FindAllString(text.Text(), -1))
		marked := 0
		text.Find("mark").Each(func(_ int, m *goquery.Selection) {
			if strings.EqualFold(m.Text(), "eradication") {
				marked++
			}
		})
		if marked != all {
			t.Errorf("%s: %d of %d eradication marked", u.Path, marked, all)
		}
		if all > 0 {
			checked++
		}
	})
	if checked == 0 {
		t.Fatal("no result of eradicate led to a document page holding eradication")
	}
}

// TestDocPageMarks: what the document page marks for a query, as the
// search package analyses it: stems, folded accents and table cells, but
// not the start of another word, excluded words or metadata fields.
func TestDocPageMarks(t *testing.T) {
	rec := indexer.Record{ID: "marks", Kind: "briefing", Title: "Marks", Language: "en",
		Paragraphs: []string{
			"The context of contextlib and contexts.",
			"Policies and a policy.",
			"Soberón wrote on coca.",
			"heroin and coca",
			"coca leaf chewing, cocaine",
			"<script>alert(1)</script>",
			"Country | Eradication | Year",
		},
		Kinds: []string{"", "", "", "", "", "", indexer.ParaRow},
	}
	ts := newTestServer(t, Config{Index: mustBuildIndex(t, rec)})
	tests := []struct {
		query string
		want  map[int][]string // paragraph number -> marked words
	}{
		{"context", map[int][]string{1: {"context", "contexts"}}},
		{"policies", map[int][]string{2: {"Policies", "policy"}}},
		{"soberon", map[int][]string{3: {"Soberón"}}},
		{"coca -heroin", map[int][]string{3: {"coca"}, 4: {"coca"}, 5: {"coca"}}},
		{"author:jelsma coca", map[int][]string{3: {"coca"}, 4: {"coca"}, 5: {"coca"}}},
		{`"coca leaf" OR chew*`, map[int][]string{3: {"coca"}, 4: {"coca"}, 5: {"coca", "leaf", "chewing"}}},
		{"script", map[int][]string{6: {"script", "script"}}},
		{"eradicate", map[int][]string{7: {"Eradication"}}},
		{"(coca", nil}, // does not parse: nothing marked, the page still shown
	}
	for _, tt := range tests {
		doc := ts.page(t, "/doc/marks?q="+url.QueryEscape(tt.query), http.StatusOK)
		for n := 1; n <= len(rec.Paragraphs); n++ {
			var got []string
			doc.Find("#p" + string(rune('0'+n)) + " mark").Each(func(_ int, m *goquery.Selection) {
				got = append(got, m.Text())
			})
			if strings.Join(got, ",") != strings.Join(tt.want[n], ",") {
				t.Errorf("q=%s: paragraph %d marks %q, want %q", tt.query, n, got, tt.want[n])
			}
		}
	}
	// The marked table row keeps its cells, and markup from the text stays text.
	doc := ts.page(t, "/doc/marks?q=eradicate", http.StatusOK)
	if cells := doc.Find("#p7 td, #p7 th").Length(); cells != 3 {
		t.Errorf("the table row has %d cells, want 3", cells)
	}
	if doc.Find(".fulltext script").Length() != 0 {
		t.Error("a <script> in the text became markup")
	}
}
