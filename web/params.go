package web

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/briefs/briefs/fields"
	"github.com/briefs/briefs/search"
)

// URL parameters of a search. Every page state lives in the URL, so these
// names are part of the public interface: permalinks, exports, the feed and
// the JSON API all take the same ones.
const (
	paramQ         = "q"
	paramAuthor    = "author"
	paramSeries    = "series"
	paramCountry   = "country"
	paramLanguage  = "language"
	paramKind      = "kind"
	paramYear      = "year" // a facet name (the year chart), not a URL parameter
	paramFrom      = "from"
	paramTo        = "to"
	paramSort      = "sort"
	paramPage      = "page"
	paramSize      = "size"
	paramFacetSize = "facet_size"
)

// Limits that web adds to search's own caps.
const (
	// maxFilterValues bounds the values of one repeatable filter: each one
	// becomes a term query, and no human ticks more than a few dozen boxes.
	maxFilterValues = 50
	// minYear and maxYear bound the year inputs to four digits so that a
	// typo like 20055 is reported instead of silently matching nothing.
	minYear = 1
	maxYear = 9999
)

// filterFields lists the repeatable keyword filters in canonical URL
// order: the term facets of the table of fields (fields.Terms).
func filterFields() []string {
	var out []string
	for _, f := range fields.Terms() {
		out = append(out, f.Name)
	}
	return out
}

// isFilter reports whether name is a keyword filter.
func isFilter(name string) bool {
	f, ok := fields.ByName(name)
	return ok && f.IsFacet() && f.Analysis != fields.Year
}

// parseQuery turns URL parameters into a search.Query. It is pure: no index,
// no HTTP. Its output is normalised (filter values trimmed, deduplicated and
// sorted; defaults stored as zero values) so that the URL builders below
// produce one canonical URL per search, and parseQuery(searchURL(q)) == q.
// Unknown parameters are ignored; for single-valued parameters given twice
// the first one wins. Invalid values give an *Error with status 400 whose
// Message is written for the user.
func parseQuery(v url.Values) (search.Query, error) {
	var q search.Query
	q.Text = strings.TrimSpace(first(v, paramQ))
	if !utf8.ValidString(q.Text) {
		return q, badRequest("The query is not valid UTF-8 text.")
	}
	for _, field := range filterFields() {
		vals, err := parseFilter(v[field], field)
		if err != nil {
			return q, err
		}
		if len(vals) > 0 {
			q = q.WithFilter(field, vals...)
		}
	}

	var err error
	if q.YearFrom, err = parseYear(v, paramFrom); err != nil {
		return q, err
	}
	if q.YearTo, err = parseYear(v, paramTo); err != nil {
		return q, err
	}
	q.Sort = strings.TrimSpace(first(v, paramSort))
	if q.Sort == search.SortRelevance {
		q.Sort = "" // relevance is the default; keep one spelling for permalinks
	}

	if q.Page, err = parsePositive(v, paramPage, "Page"); err != nil {
		return q, err
	}
	if q.Size, err = parsePositive(v, paramSize, "Page size"); err != nil {
		return q, err
	}
	if q.FacetSize, err = parsePositive(v, paramFacetSize, "Facet size"); err != nil {
		return q, err
	}
	if q.FacetSize > search.MaxFacetSize {
		// Clamped, not refused: "show more" links may overshoot.
		q.FacetSize = search.MaxFacetSize
	}
	if q.Page == 1 {
		q.Page = 0
	}
	if q.Size == search.DefaultSize {
		q.Size = 0
	}
	if q.FacetSize == search.DefaultFacetSize {
		q.FacetSize = 0
	}
	// The caps (query length, page size, result window), the sort orders
	// and the year range are search's rules: it checks them, once.
	if err := q.Validate(); err != nil {
		return q, err
	}
	return q, nil
}

// first returns the first value of key: for repeated single-valued
// parameters the first one wins.
func first(v url.Values, key string) string {
	if vals := v[key]; len(vals) > 0 {
		return vals[0]
	}
	return ""
}

func parseFilter(raw []string, field string) ([]string, error) {
	var vals []string
	for _, s := range raw {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if !utf8.ValidString(s) || len(s) > 500 {
			return nil, badRequest(fmt.Sprintf("The %s filter has an invalid value.", field))
		}
		vals = append(vals, s)
	}
	slices.Sort(vals)
	vals = slices.Compact(vals)
	if len(vals) > maxFilterValues {
		return nil, badRequest(fmt.Sprintf("Too many %s filters (%d); the limit is %d.", field, len(vals), maxFilterValues))
	}
	return vals, nil
}

func parseYear(v url.Values, key string) (int, error) {
	s := strings.TrimSpace(first(v, key))
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < minYear || n > maxYear {
		return 0, badRequest(fmt.Sprintf("%q is not a year (parameter %q); use four digits like 2005.", s, key))
	}
	return n, nil
}

func parsePositive(v url.Values, key, label string) (int, error) {
	s := strings.TrimSpace(first(v, key))
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, badRequest(fmt.Sprintf("%s must be a whole number from 1 (got %q).", label, s))
	}
	return n, nil
}

func facetSizeOf(q search.Query) int {
	if q.FacetSize < 1 {
		return search.DefaultFacetSize
	}
	return q.FacetSize
}

// isEmpty reports whether q has neither text nor filters: the landing view.
func isEmpty(q search.Query) bool {
	return q.Text == "" && !hasFilters(q)
}

func hasFilters(q search.Query) bool {
	for _, vals := range q.Filters {
		if len(vals) > 0 {
			return true
		}
	}
	return q.YearFrom != 0 || q.YearTo != 0
}

// encodeQuery writes q as a query string in canonical order: q, the filters
// in filterFields order (values sorted), from, to, sort, page, size,
// facet_size. Defaults are left out, so equal searches have equal URLs.
func encodeQuery(q search.Query) string {
	var b strings.Builder
	add := func(k, v string) {
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(url.QueryEscape(k))
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(v))
	}
	if q.Text != "" {
		add(paramQ, q.Text)
	}
	for _, field := range filterFields() {
		vals := slices.Clone(q.Filters[field])
		slices.Sort(vals)
		for _, v := range slices.Compact(vals) {
			add(field, v)
		}
	}
	if q.YearFrom != 0 {
		add(paramFrom, strconv.Itoa(q.YearFrom))
	}
	if q.YearTo != 0 {
		add(paramTo, strconv.Itoa(q.YearTo))
	}
	if q.Sort != "" && q.Sort != search.SortRelevance {
		add(paramSort, q.Sort)
	}
	if q.Page > 1 {
		add(paramPage, strconv.Itoa(q.Page))
	}
	if q.Size > 0 && q.Size != search.DefaultSize {
		add(paramSize, strconv.Itoa(q.Size))
	}
	if q.FacetSize > 0 && q.FacetSize != search.DefaultFacetSize {
		add(paramFacetSize, strconv.Itoa(q.FacetSize))
	}
	return b.String()
}

// withQuery joins a path and an encoded query string.
func withQuery(path, query string) string {
	if query == "" {
		return path
	}
	return path + "?" + query
}

// searchURL is the permalink of q.
func searchURL(q search.Query) string {
	return withQuery("/search", encodeQuery(q))
}

// facetToggleURL adds value to field's filter, or removes it when present,
// and goes back to page 1 since the result set changes.
func facetToggleURL(q search.Query, field, value string) string {
	q.Page = 0
	if !isFilter(field) {
		return searchURL(q)
	}
	vals := slices.Clone(q.Filters[field])
	if i := slices.Index(vals, value); i >= 0 {
		vals = slices.Delete(vals, i, i+1)
	} else {
		vals = append(vals, value)
	}
	return searchURL(q.WithFilter(field, vals...))
}

// removeFilterURL drops one active filter: a value of a keyword field, the
// year range (field "year"), or the query text (field "q").
func removeFilterURL(q search.Query, field, value string) string {
	q.Page = 0
	switch field {
	case "year":
		q.YearFrom, q.YearTo = 0, 0
	case paramFrom:
		q.YearFrom = 0
	case paramTo:
		q.YearTo = 0
	case paramQ:
		q.Text = ""
	default:
		if isFilter(field) {
			q = q.WithFilter(field, slices.DeleteFunc(slices.Clone(q.Filters[field]), func(s string) bool { return s == value })...)
		}
	}
	return searchURL(q)
}

// yearURL filters q to the single year y.
func yearURL(q search.Query, y int) string {
	q.YearFrom, q.YearTo, q.Page = y, y, 0
	return searchURL(q)
}

// pageURL is q's page n.
func pageURL(q search.Query, n int) string {
	q.Page = n
	return searchURL(q)
}

// sortURL is q in another order, from page 1.
func sortURL(q search.Query, sort string) string {
	q.Sort, q.Page = sort, 0
	return searchURL(q)
}

// facetSizeURL shows n values per facet on the same page.
func facetSizeURL(q search.Query, n int) string {
	q.FacetSize = min(n, search.MaxFacetSize)
	return searchURL(q)
}

// respellURL is q with its text replaced by a suggested spelling.
func respellURL(q search.Query, text string) string {
	q.Text, q.Page = text, 0
	return searchURL(q)
}

// docURL is the document page of id; it carries the query text so the page
// can highlight it. IDs are opaque and may contain slashes, so they are
// path-escaped as one segment.
func docURL(id string, q search.Query) string {
	u := "/doc/" + url.PathEscape(id)
	if q.Text != "" {
		u += "?" + paramQ + "=" + url.QueryEscape(q.Text)
	}
	return u
}

// exportURL and feedURL take the current search to another format; paging
// is dropped since they cover the whole result set.
func exportURL(q search.Query, format string) string {
	q.Page, q.Size = 0, 0
	return withQuery("/export."+format, encodeQuery(q))
}

func feedURL(q search.Query) string {
	q.Page, q.Size, q.Sort = 0, 0, ""
	return withQuery("/feed.atom", encodeQuery(q))
}

func apiSearchURL(q search.Query) string {
	return withQuery("/api/search", encodeQuery(q))
}
