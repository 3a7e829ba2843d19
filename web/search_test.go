package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/briefs/briefs/search"
)

// count reads the result count from the page heading: "8 results".
func count(t *testing.T, doc *goquery.Document) int {
	t.Helper()
	txt := strings.TrimSpace(doc.Find(".summary .count strong").Text())
	n, err := strconv.Atoi(strings.ReplaceAll(strings.Fields(txt + " x")[0], ",", ""))
	if err != nil {
		t.Fatalf("result count %q: %v", txt, err)
	}
	return n
}

// facetCounts maps each value of a facet to its count.
func facetCounts(doc *goquery.Document, field string) map[string]int {
	m := map[string]int{}
	doc.Find("#facet-" + field + " li").Each(func(_ int, li *goquery.Selection) {
		v, _ := li.Find("input").Attr("value")
		n, _ := strconv.Atoi(strings.ReplaceAll(li.Find(".facet-count").Text(), ",", ""))
		m[v] = n
	})
	return m
}

func hitIDs(doc *goquery.Document) []string {
	var ids []string
	doc.Find(".hits .hit-title a").Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		u, _ := url.Parse(href)
		ids = append(ids, strings.TrimPrefix(u.Path, "/doc/"))
	})
	return ids
}

func TestSearchPage(t *testing.T) {
	ts := newTestServer(t, Config{})
	doc := ts.page(t, "/search?q=coca", http.StatusOK)

	if v, _ := doc.Find("#q").Attr("value"); v != "coca" {
		t.Errorf("search box value = %q, want coca", v)
	}
	total := count(t, doc)
	if total < 5 {
		t.Fatalf("q=coca found %d results, want at least 5", total)
	}
	if got := doc.Find(".hits .hit").Length(); got != min(total, search.DefaultSize) {
		t.Errorf("%d hits on page 1, want %d", got, min(total, search.DefaultSize))
	}
	if got := doc.Find(".searched code").Text(); got != "coca" {
		t.Errorf("searched for = %q, want coca", got)
	}
	if doc.Find(".took").Length() != 1 {
		t.Error("no time taken")
	}
	// Each hit shows its kind and metadata; snippets are marked and link
	// to their paragraph with the query.
	first := doc.Find(".hits .hit").First()
	if first.Find(".kind").Length() != 1 || first.Find(".hit-meta").Length() != 1 {
		t.Error("hit without kind label or metadata")
	}
	if doc.Find(".snippet mark").Length() == 0 {
		t.Error("no <mark> in any snippet")
	}
	doc.Find("a.snippet").Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		u, err := url.Parse(href)
		if err != nil || !strings.HasPrefix(u.Path, "/doc/") || u.Query().Get("q") != "coca" {
			t.Errorf("snippet link %q, want /doc/{id}?q=coca", href)
		}
		if u.Fragment != "" && !strings.HasPrefix(u.Fragment, "p") {
			t.Errorf("snippet link %q: fragment should be #pN", href)
		}
	})
	// Facets with counts, as checkboxes in a GET form with an Apply button.
	countries := facetCounts(doc, "country")
	if countries["Bolivia"] < 3 || countries["Peru"] < 2 {
		t.Errorf("country facet = %v, want Bolivia >= 3 and Peru >= 2", countries)
	}
	for _, f := range []string{"kind", "series", "language", "author"} {
		if len(facetCounts(doc, f)) == 0 {
			t.Errorf("facet %s is empty", f)
		}
	}
	form := doc.Find("form#facets")
	if m, _ := form.Attr("method"); m != "get" {
		t.Errorf("facet form method %q, want get", m)
	}
	if v, _ := form.Find(`input[type=hidden][name=q]`).Attr("value"); v != "coca" {
		t.Errorf("facet form carries q=%q, want coca", v)
	}
	if form.Find(`button[type=submit]`).Length() == 0 {
		t.Error("facet form has no Apply button")
	}
	// Year chart: one bar per year, bars with hits link to that year.
	bars := doc.Find("svg.chart rect.bar")
	if bars.Length() < 5 {
		t.Errorf("%d year bars, want one per year 2002..2010", bars.Length())
	}
	links := doc.Find("svg.chart a.bar-link")
	if links.Length() == 0 {
		t.Fatal("no year bar links")
	}
	links.Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		u, _ := url.Parse(href)
		if u.Query().Get("from") == "" || u.Query().Get("from") != u.Query().Get("to") || u.Query().Get("q") != "coca" {
			t.Errorf("year link %q, want q=coca&from=Y&to=Y", href)
		}
		if a.Find("title").Length() == 0 {
			t.Errorf("year bar %q has no <title> tooltip", href)
		}
	})
	if label, _ := doc.Find("svg.chart").Attr("aria-label"); !strings.Contains(label, "Documents per year") {
		t.Errorf("chart aria-label = %q", label)
	}
	if doc.Find(".chart-table tbody tr").Length() != bars.Length() {
		t.Error("the chart's table fallback does not list every year")
	}
	// No style attributes anywhere: the CSP forbids them.
	if n := doc.Find("[style]").Length(); n != 0 {
		t.Errorf("%d elements with a style attribute", n)
	}
	if n := doc.Find("script:not([src])").Length(); n != 0 {
		t.Errorf("%d inline scripts", n)
	}
	// Export and feed links carry the search.
	for _, f := range []string{"csv", "jsonl", "bib", "ris"} {
		if doc.Find(`.export a[href="/export.`+f+`?q=coca"]`).Length() != 1 {
			t.Errorf("no export link for %s", f)
		}
	}
	if doc.Find(`a[href="/feed.atom?q=coca"]`).Length() != 1 {
		t.Error("no feed link")
	}
}

func TestFacetFilterAndChips(t *testing.T) {
	ts := newTestServer(t, Config{})
	all := ts.page(t, "/search?q=coca", http.StatusOK)
	doc := ts.page(t, "/search?q=coca&country=Bolivia", http.StatusOK)
	if got, want := count(t, doc), facetCounts(all, "country")["Bolivia"]; got != want {
		t.Errorf("q=coca&country=Bolivia: %d results, want the facet's count %d", got, want)
	}
	chip := doc.Find(".chips .chip")
	if chip.Length() != 1 || !strings.Contains(chip.Text(), "Country: Bolivia") {
		t.Fatalf("chips = %q, want Country: Bolivia", chip.Text())
	}
	if href, _ := chip.Find("a.chip-x").Attr("href"); href != "/search?q=coca" {
		t.Errorf("chip remove link %q, want /search?q=coca", href)
	}
	if _, ok := doc.Find(`#facet-country input[value="Bolivia"]`).Attr("checked"); !ok {
		t.Error("selected country is not checked")
	}
	// The header form keeps the filter for a new query.
	if v, _ := doc.Find(`form.searchbox input[type=hidden][name=country]`).Attr("value"); v != "Bolivia" {
		t.Errorf("header form carries country=%q", v)
	}
	// Two countries are ORed within the facet: at least as many results.
	two := ts.page(t, "/search?q=coca&country=Bolivia&country=Colombia", http.StatusOK)
	if count(t, two) < count(t, doc) {
		t.Errorf("adding a second country reduced the results: %d < %d", count(t, two), count(t, doc))
	}
	if two.Find(".chips .chip").Length() != 2 {
		t.Errorf("%d chips, want 2", two.Find(".chips .chip").Length())
	}
	// Year filter chip and selected bars.
	yr := ts.page(t, "/search?q=coca&from=2005&to=2006", http.StatusOK)
	if !strings.Contains(yr.Find(".chips").Text(), "Years: 2005–2006") {
		t.Errorf("year chip = %q", yr.Find(".chips").Text())
	}
	if yr.Find("svg.chart rect.bar.selected").Length() != 2 {
		t.Errorf("%d selected bars, want 2", yr.Find("svg.chart rect.bar.selected").Length())
	}
	if v, _ := yr.Find(`input[name=from]`).Attr("value"); v != "2005" {
		t.Errorf("from input = %q", v)
	}
	// "Show more" raises facet_size on the same page.
	small := ts.page(t, "/search?facet_size=1&kind=briefing", http.StatusOK)
	more, ok := small.Find("#facet-country a.more").Attr("href")
	if !ok || !strings.Contains(more, "facet_size=5") || !strings.Contains(more, "kind=briefing") {
		t.Errorf("show more link %q, want facet_size=5 keeping kind", more)
	}
}

func TestPaginationAndPermalinks(t *testing.T) {
	ts := newTestServer(t, Config{})
	doc := ts.page(t, "/search?q=coca&size=2", http.StatusOK)
	total := count(t, doc)
	pages := (total + 1) / 2
	pager := doc.Find("nav.pager")
	if pager.Length() != 1 {
		t.Fatal("no pager")
	}
	if pager.Find(".prev.disabled").Length() != 1 {
		t.Error("page 1 has an active Previous link")
	}
	next, _ := pager.Find("a[rel=next]").Attr("href")
	if next != "/search?q=coca&page=2&size=2" {
		t.Errorf("next = %q", next)
	}
	if got := pager.Find(`[aria-current=page]`).Text(); got != "1" {
		t.Errorf("current page = %q", got)
	}
	last, _ := pager.Find("ol li a").Last().Attr("href")
	if want := "/search?q=coca&page=" + strconv.Itoa(pages) + "&size=2"; last != want {
		t.Errorf("last page link %q, want %q", last, want)
	}
	seen := map[string]bool{}
	for p := 1; p <= pages; p++ {
		d := ts.page(t, pageURL(search.Query{Text: "coca", Size: 2}, p), http.StatusOK)
		for _, id := range hitIDs(d) {
			if seen[id] {
				t.Errorf("%s appears on two pages", id)
			}
			seen[id] = true
		}
	}
	if len(seen) != total {
		t.Errorf("pages hold %d distinct hits, want %d", len(seen), total)
	}
	// A URL reproduces the same page.
	p2 := ts.page(t, next, http.StatusOK)
	again := ts.page(t, next, http.StatusOK)
	a, _ := p2.Find(".hits").Html()
	b, _ := again.Find(".hits").Html()
	if a != b || a == "" {
		t.Error("the same URL rendered different hits")
	}
	if p2.Find("a[rel=prev]").Length() != 1 {
		t.Error("page 2 has no Previous link")
	}
}

func TestSort(t *testing.T) {
	ts := newTestServer(t, Config{})
	doc := ts.page(t, "/search?q=coca&sort=newest&size=50", http.StatusOK)
	if got := doc.Find(".sort .current").Text(); got != "Newest" {
		t.Errorf("current sort = %q", got)
	}
	var years []int
	for _, id := range hitIDs(doc) {
		for _, r := range testRecords() {
			if r.ID == id && r.Year > 0 {
				years = append(years, r.Year)
			}
		}
	}
	if len(years) < 3 || !slices.IsSortedFunc(years, func(a, b int) int { return b - a }) {
		t.Errorf("sort=newest years = %v, want descending", years)
	}
	if href, _ := doc.Find(`.sort a:contains("Oldest")`).Attr("href"); href != "/search?q=coca&sort=oldest&size=50" {
		t.Errorf("oldest link = %q", href)
	}
	if href, _ := doc.Find(`.sort a:contains("Relevance")`).Attr("href"); href != "/search?q=coca&size=50" {
		t.Errorf("relevance link = %q", href)
	}
}

func TestBadQueries(t *testing.T) {
	ts := newTestServer(t, Config{})
	tests := []struct {
		path, box, msg string
	}{
		{"/search?q=%22coca+leaf", `"coca leaf`, "quote"},
		{"/search?q=(coca", "(coca", ")"},
		{"/search?q=coca&from=abc", "coca", `"abc" is not a year`},
		{"/search?q=coca&sort=best", "coca", "Unknown sort order"},
		{"/search?q=coca&page=0", "coca", "Page must be"},
		{"/search?q=coca&size=5000", "coca", "too large"},
		{"/search?q=" + strings.Repeat("x", search.MaxQueryLength+1), strings.Repeat("x", search.MaxQueryLength+1), "too long"},
	}
	for _, tt := range tests {
		doc := ts.page(t, tt.path, http.StatusBadRequest)
		if msg := doc.Find(".alert").Text(); !strings.Contains(msg, tt.msg) {
			t.Errorf("GET %.60s: message %q, want it to contain %q", tt.path, msg, tt.msg)
		}
		if v, _ := doc.Find("#q").Attr("value"); v != tt.box {
			t.Errorf("GET %.60s: box = %.60q, want %.60q", tt.path, v, tt.box)
		}
	}
}

func TestZeroResults(t *testing.T) {
	ts := newTestServer(t, Config{})
	doc := ts.page(t, "/search?q=coca&country=Myanmar&kind=paper", http.StatusOK)
	if count(t, doc) != 0 || doc.Find(".empty").Length() != 1 {
		t.Fatal("want the zero-results view")
	}
	var relax []string
	doc.Find(".relax a").Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		relax = append(relax, a.Text()+" "+href)
	})
	want := []string{
		"Remove Type: Paper /search?q=coca&country=Myanmar",
		"Remove Country: Myanmar /search?q=coca&kind=paper",
	}
	if !slices.Equal(relax, want) {
		t.Errorf("relax links = %q, want %q", relax, want)
	}
	if !strings.Contains(doc.Find(".tips").Text(), "OR") {
		t.Error("no OR tip")
	}
	// A misspelling gets a suggestion when the index offers one.
	res, err := sharedIndex(t).Search(t.Context(), search.Query{Text: "cocca"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Suggestion != "" {
		doc := ts.page(t, "/search?q=cocca", http.StatusOK)
		href, _ := doc.Find(".suggest a").Attr("href")
		if href != searchURL(search.Query{Text: res.Suggestion}) {
			t.Errorf("suggestion link %q for %q", href, res.Suggestion)
		}
	}
}

func TestLanding(t *testing.T) {
	ts := newTestServer(t, Config{})
	for _, p := range []string{"/", "/search", "/search?q=+"} {
		doc := ts.page(t, p, http.StatusOK)
		if doc.Find(".landing .stats").Length() != 1 {
			t.Fatalf("GET %s: no corpus statistics", p)
		}
		// 13 records, 10 works: two translations and a listing entry
		// naming a briefing are versions of works counted once.
		if got := doc.Find(".stats div:first-child dd").Text(); got != "10" {
			t.Errorf("GET %s: documents = %q, want 10", p, got)
		}
		if n := doc.Find(".landing .hits .hit").Length(); n != recentCount {
			t.Errorf("GET %s: %d recent documents, want %d", p, n, recentCount)
		}
		if first := hitIDs(doc); len(first) == 0 || first[0] != "opinion-2010" {
			t.Errorf("GET %s: recent documents start %v, want the 2010 opinion first", p, first)
		}
		if len(facetCounts(doc, "country")) == 0 || doc.Find("svg.chart").Length() != 1 {
			t.Errorf("GET %s: no facets or chart over the corpus", p)
		}
		if _, ok := doc.Find("#q").Attr("autofocus"); !ok {
			t.Errorf("GET %s: search box not autofocused", p)
		}
	}
	// Filters without text list the filtered documents, not the landing view.
	doc := ts.page(t, "/search?country=Myanmar", http.StatusOK)
	if doc.Find(".landing").Length() != 0 || count(t, doc) != 1 {
		t.Errorf("country=Myanmar: want 1 result, got landing=%d", doc.Find(".landing").Length())
	}
}

func TestBuildResultsPager(t *testing.T) {
	q := search.Query{Text: "x"}
	tests := []struct {
		cur, last int
		want      string
	}{
		{1, 1, ""},
		{1, 3, "[1] 2 3"},
		{5, 10, "1 … 3 4 [5] 6 7 … 10"},
		{1, 10, "[1] 2 3 … 10"},
		{10, 10, "1 … 8 9 [10]"},
		{4, 10, "1 2 3 [4] 5 6 … 10"},
	}
	for _, tt := range tests {
		p := newPager(q, tt.cur, tt.last)
		var parts []string
		if p != nil {
			for _, l := range p.Pages {
				switch {
				case l.Gap:
					parts = append(parts, "…")
				case l.Current:
					parts = append(parts, "["+strconv.Itoa(l.N)+"]")
				default:
					parts = append(parts, strconv.Itoa(l.N))
				}
			}
		}
		if got := strings.Join(parts, " "); got != tt.want {
			t.Errorf("newPager(%d, %d) = %q, want %q", tt.cur, tt.last, got, tt.want)
		}
	}
}

// TestPartialMatchesPage checks that a short query lists the documents
// holding every word, counted in the heading, and after them, under a
// heading giving their number, those holding some of the words; the API
// gives the same count in "more" and marks those hits "partial".
func TestPartialMatchesPage(t *testing.T) {
	ts := newTestServer(t, Config{})
	res := apiResults(t, ts, "q=coca+peru&size=100")
	if res.Total == 0 || res.More == 0 {
		t.Fatalf("coca peru: total %d, more %d; want both", res.Total, res.More)
	}
	partial := 0
	for _, h := range res.Hits {
		if h.Partial {
			partial++
		}
	}
	if uint64(partial) != res.More || uint64(len(res.Hits)-partial) != res.Total {
		t.Errorf("API: %d partial hits of %d, want %d of %d", partial, len(res.Hits), res.More, res.Total+res.More)
	}

	doc := ts.page(t, "/search?q=coca+peru&size=100", http.StatusOK)
	if got := count(t, doc); uint64(got) != res.Total {
		t.Errorf("heading counts %d results, want the %d full matches", got, res.Total)
	}
	want := strconv.FormatUint(res.More, 10) + " more documents match some of the words"
	if got := strings.TrimSpace(doc.Find("h2.partial-heading").Text()); got != want {
		t.Errorf("partial heading = %q, want %q", got, want)
	}
	if got := doc.Find(".hits.partial .hit").Length(); got != partial {
		t.Errorf("%d hits under the partial heading, want %d", got, partial)
	}
	if got := doc.Find(".hits:not(.partial) .hit").Length(); uint64(got) != res.Total {
		t.Errorf("%d hits before the partial heading, want %d", got, res.Total)
	}
}
