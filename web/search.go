package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/briefs/briefs/fields"
	"github.com/briefs/briefs/search"
)

// recentCount is how many documents the landing page lists.
const recentCount = 10

// handleSearch serves "GET /" and "GET /search?q=…&country=…": the result
// list with facets, or the landing view for an empty search. A malformed
// query renders the page with the parser's message and status 400.
func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) error {
	if u := quoteRedirect(r.URL.Query().Get(paramQ)); u != "" {
		http.Redirect(w, r, u, http.StatusSeeOther)
		return nil
	}
	q, qerr := parseQuery(r.URL.Query())
	requested := 0
	if qerr != nil {
		if bq, n, ok := beyondWindow(r.URL.Query()); ok {
			q, qerr, requested = bq, nil, n
		}
	}
	page := &searchPage{basePage: s.base(r, "Search"), Query: q, facets: s.cfg.Facets}
	page.Nav = "search"
	if qerr != nil {
		return s.renderQueryError(w, r, page, qerr)
	}
	ctx, cancel := s.searchContext(r)
	defer cancel()
	if isEmpty(q) {
		lq := q
		lq.Sort, lq.Size, lq.Snippets, lq.Page = search.SortNewest, recentCount, -1, 0
		res, err := s.index.Search(ctx, lq)
		if err != nil {
			return err
		}
		buildLanding(page, res)
		return s.render(w, r, http.StatusOK, "search.html", page)
	}
	res, err := s.index.Search(ctx, q)
	if err != nil {
		return s.renderQueryError(w, r, page, err)
	}
	buildResults(page, res)
	checkPastEnd(page, res, requested)
	applySelection(page, r.URL.Query(), s.baseURL(r))
	return s.render(w, r, http.StatusOK, "search.html", page)
}

// renderQueryError shows a 400 on the search page itself, the query kept in
// the box; any other error goes to the error page.
func (s *Server) renderQueryError(w http.ResponseWriter, r *http.Request, page *searchPage, err error) error {
	e := asError(err)
	if e.Status != http.StatusBadRequest {
		return err
	}
	s.logError(r, e)
	page.QueryError = e.Message
	page.SyntaxHint = isSyntaxError(err)
	page.Title = "Invalid search"
	return s.render(w, r, http.StatusBadRequest, "search.html", page)
}

// buildLanding fills the landing view: corpus statistics, the facets over
// everything and the most recent documents.
func buildLanding(page *searchPage, res *search.Results) {
	page.Landing = true
	page.Results = res
	f := res.Facets
	page.Stats = &corpusStats{
		Documents: res.Total,
		FirstYear: f.Years.Min,
		LastYear:  f.Years.Max,
		Series:    f.Term(paramSeries).Distinct,
		Countries: f.Term(paramCountry).Distinct,
		Authors:   f.Term(paramAuthor).Distinct,
		Languages: f.Term(paramLanguage).Distinct,
	}
	for _, h := range res.Hits {
		page.Recent = append(page.Recent, newHitView(h, page.Query))
	}
	page.Facets = facetGroups(page.Query, f, page.facetOrder())
	if page.showsYear() {
		page.Chart = newYearChart(f.Years, page.Query)
	}
	page.FormState = formState(page.Query)
}

// buildResults fills the result view from res. It is pure, so the page
// model is tested without HTTP.
func buildResults(page *searchPage, res *search.Results) {
	q := page.Query
	page.Results = res
	page.Title = searchTitle(q)
	page.Hidden = headerState(q)
	for _, h := range res.Hits {
		if h.Partial {
			page.PartialHits = append(page.PartialHits, newHitView(h, q))
		} else {
			page.Hits = append(page.Hits, newHitView(h, q))
		}
	}
	if res.More > 0 {
		page.PartialHeading = partialHeading(res.More)
	}
	page.Facets = facetGroups(q, res.Facets, page.facetOrder())
	page.Chips = chips(q)
	if len(page.Chips) > 0 {
		cq := search.Query{Text: q.Text, Sort: q.Sort, Size: q.Size, FacetSize: q.FacetSize}
		page.ClearURL = searchURL(cq)
	}
	if page.showsYear() {
		page.Chart = newYearChart(res.Facets.Years, q)
	}
	if q.YearFrom != 0 {
		page.YearFrom = strconv.Itoa(q.YearFrom)
	}
	if q.YearTo != 0 {
		page.YearTo = strconv.Itoa(q.YearTo)
	}
	page.Pager = newPager(q, res.Page, res.Pages)
	for _, o := range []struct{ sort, label string }{
		{search.SortRelevance, "Relevance"}, {search.SortNewest, "Newest"},
		{search.SortOldest, "Oldest"}, {search.SortNumber, "Series number"},
	} {
		cur := q.Sort == o.sort || (q.Sort == "" && o.sort == search.SortRelevance)
		page.Sorts = append(page.Sorts, sortLink{Label: o.label, URL: sortURL(q, o.sort), Current: cur})
	}
	page.Exports = []link{
		{"CSV", exportURL(q, "csv")}, {"JSON Lines", exportURL(q, "jsonl")},
		{"BibTeX", exportURL(q, "bib")}, {"RIS", exportURL(q, "ris")},
	}
	page.FeedURL = feedURL(q)
	page.CompareURL = compareURL(q)
	page.APIURL = apiSearchURL(q)
	if res.Suggestion != "" {
		page.Suggestion = &link{Label: res.Suggestion, URL: respellURL(q, res.Suggestion)}
	}
	if res.Total == 0 && res.More == 0 {
		page.Relax = relaxLinks(q)
	}
	page.FormState = formState(q)
}

// partialHeading introduces the partial matches: "12 more documents
// match some of the words".
func partialHeading(n uint64) string {
	if n == 1 {
		return "1 more document matches some of the words"
	}
	return commas(n) + " more documents match some of the words"
}

func searchTitle(q search.Query) string {
	if q.Text != "" {
		return q.Text + " \u2013 Search"
	}
	return "Search"
}

func newHitView(h search.Hit, q search.Query) hitView {
	v := hitView{
		Hit:          h,
		URL:          docURL(h.ID, q),
		KindLabel:    kindLabel(h.Kind),
		SeriesLabel:  seriesLabel(h.Record, " No. "),
		LanguageName: languageName(h.Language),
	}
	v.DateLabel = displayDate(h.Record)
	if h.Series != "" && !slices.Contains(q.Filters[paramSeries], h.Series) {
		v.SeriesURL = facetToggleURL(q, paramSeries, h.Series)
	}
	for _, c := range h.Countries {
		l := link{Label: c}
		if !slices.Contains(q.Filters[paramCountry], c) {
			l.URL = facetToggleURL(q, paramCountry, c)
		}
		v.CountryLinks = append(v.CountryLinks, l)
	}
	if h.TitleHTML == "" && h.Title == "" {
		v.Title = "Untitled"
	}
	if h.Parent != "" {
		v.ParentURL = docURL(h.Parent, search.Query{})
	}
	v.Versions = hitVersions(h, q)
	for _, sn := range h.Snippets {
		u := docURL(h.ID, q)
		if sn.Part > 1 {
			u += partParam(u, sn.Part)
		}
		if sn.Paragraph > 0 {
			u += "#p" + strconv.Itoa(sn.Paragraph)
		}
		v.Snippets = append(v.Snippets, snippetView{HTML: sn.HTML, URL: u, Page: sn.Page})
	}
	return v
}

// languageNames covers the languages of the corpus; others show their code.
var languageNames = map[string]string{
	"en": "English", "es": "Spanish", "fr": "French", "pt": "Portuguese", "nl": "Dutch",
	"de": "German", "it": "Italian", "my": "Burmese", "th": "Thai", "ru": "Russian",
}

func languageName(code string) string {
	if n, ok := languageNames[strings.ToLower(code)]; ok {
		return n
	}
	return code
}

// facetLabel names a facet for people, from the table of fields ("Type").
func facetLabel(name string) string {
	f, _ := fields.ByName(name)
	return f.Facet
}

// facetOrder returns the facets the page shows, in order: the
// collection's choice (Config.Facets), else the table's default set.
func (p *searchPage) facetOrder() []string {
	if p.facets == nil {
		return fields.DefaultFacets()
	}
	return p.facets
}

// showsYear reports whether the page shows the year chart: when the
// facets shown name it.
func (p *searchPage) showsYear() bool {
	return slices.Contains(p.facetOrder(), paramYear)
}

// checkFacets validates a collection's choice of facets (Config.Facets):
// facets of the table of fields, each once.
func checkFacets(names []string) error {
	seen := map[string]bool{}
	for _, n := range names {
		if f, ok := fields.ByName(n); !ok || !f.IsFacet() {
			var known []string
			for _, f := range fields.Facets() {
				known = append(known, f.Name)
			}
			return fmt.Errorf("unknown facet %q (known: %s)", n, strings.Join(known, ", "))
		}
		if seen[n] {
			return fmt.Errorf("facet %q named twice", n)
		}
		seen[n] = true
	}
	return nil
}

// chipOrder orders the chips of active filters: every filter a URL can
// set, whether or not its facet is shown: the default facets first, then
// the others in table order.
func chipOrder() []string {
	order := fields.DefaultFacets()
	for _, f := range filterFields() {
		if !slices.Contains(order, f) {
			order = append(order, f)
		}
	}
	return order
}

func valueLabel(field, value string) string {
	switch field {
	case paramKind:
		return kindLabel(value)
	case paramLanguage:
		return languageName(value)
	}
	return value
}

// facetGroups turns the term facets named in order into sidebar groups;
// empty facets are left out.
func facetGroups(q search.Query, f search.Facets, order []string) []facetGroup {
	var groups []facetGroup
	for _, field := range order {
		if field == paramYear {
			continue // the year chart, not a sidebar group
		}
		tf := f.Term(field)
		if len(tf.Values) == 0 {
			continue
		}
		g := facetGroup{Field: field, Label: facetLabel(field), Missing: tf.Missing}
		for i, v := range tf.Values {
			g.Values = append(g.Values, facetItem{
				Value:    v.Value,
				Label:    valueLabel(field, v.Value),
				Count:    v.Count,
				Selected: v.Selected,
				ID:       fmt.Sprintf("f-%s-%d", field, i),
			})
		}
		if size := facetSizeOf(q); tf.Distinct > len(tf.Values) && size < search.MaxFacetSize {
			g.MoreURL = facetSizeURL(q, size*5) + "#facet-" + field
		}
		groups = append(groups, g)
	}
	return groups
}

// chips are the active filters, each with a link removing it.
func chips(q search.Query) []chip {
	var cs []chip
	for _, field := range chipOrder() {
		if field == paramYear {
			continue // the year range's chip comes last
		}
		for _, v := range q.Filters[field] {
			cs = append(cs, chip{
				Label:     facetLabel(field) + ": " + valueLabel(field, v),
				RemoveURL: removeFilterURL(q, field, v),
			})
		}
	}
	if y := yearLabel(q); y != "" {
		cs = append(cs, chip{Label: y, RemoveURL: removeFilterURL(q, "year", "")})
	}
	return cs
}

func yearLabel(q search.Query) string {
	switch {
	case q.YearFrom != 0 && q.YearFrom == q.YearTo:
		return "Year: " + strconv.Itoa(q.YearFrom)
	case q.YearFrom != 0 && q.YearTo != 0:
		return fmt.Sprintf("Years: %d\u2013%d", q.YearFrom, q.YearTo)
	case q.YearFrom != 0:
		return "Years: from " + strconv.Itoa(q.YearFrom)
	case q.YearTo != 0:
		return "Years: until " + strconv.Itoa(q.YearTo)
	}
	return ""
}

// relaxLinks offers, for a search that found nothing, one link per active
// filter that drops it.
func relaxLinks(q search.Query) []chip {
	cs := chips(q)
	for i := range cs {
		cs[i].Label = "Remove " + cs[i].Label
	}
	return cs
}

// pagerWindow is how many page numbers are shown on each side of the
// current one; the first and last are always shown.
const pagerWindow = 2

// newPager builds prev/next and a numbered window; nil for one page.
func newPager(q search.Query, cur, last int) *pager {
	if last <= 1 {
		return nil
	}
	cur = max(1, min(cur, last))
	p := &pager{Current: cur, Last: last}
	if cur > 1 {
		p.Prev = pageURL(q, cur-1)
	}
	if cur < last {
		p.Next = pageURL(q, cur+1)
	}
	prev := 0
	for n := 1; n <= last; n++ {
		if n != 1 && n != last && (n < cur-pagerWindow || n > cur+pagerWindow) {
			continue
		}
		if prev != 0 && n > prev+1 {
			p.Pages = append(p.Pages, pageLink{Gap: true})
		}
		p.Pages = append(p.Pages, pageLink{N: n, URL: pageURL(q, n), Current: n == cur})
		prev = n
	}
	return p
}

// headerState is what the header's search box carries besides the text: a
// new query keeps the filters and the order.
func headerState(q search.Query) []hiddenField {
	var hs []hiddenField
	for _, field := range filterFields() {
		for _, v := range q.Filters[field] {
			hs = append(hs, hiddenField{field, v})
		}
	}
	if q.YearFrom != 0 {
		hs = append(hs, hiddenField{paramFrom, strconv.Itoa(q.YearFrom)})
	}
	if q.YearTo != 0 {
		hs = append(hs, hiddenField{paramTo, strconv.Itoa(q.YearTo)})
	}
	if q.Sort != "" {
		hs = append(hs, hiddenField{paramSort, q.Sort})
	}
	return hs
}

// formState is what the facet form carries besides its checkboxes and
// year inputs: the text, order and sizes (the page resets to 1).
func formState(q search.Query) []hiddenField {
	var hs []hiddenField
	if q.Text != "" {
		hs = append(hs, hiddenField{paramQ, q.Text})
	}
	if q.Sort != "" {
		hs = append(hs, hiddenField{paramSort, q.Sort})
	}
	if q.Size != 0 {
		hs = append(hs, hiddenField{paramSize, strconv.Itoa(q.Size)})
	}
	if q.FacetSize != 0 {
		hs = append(hs, hiddenField{paramFacetSize, strconv.Itoa(q.FacetSize)})
	}
	return hs
}
