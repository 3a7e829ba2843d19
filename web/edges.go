package web

import (
	"errors"
	"net/url"
	"strconv"
	"strings"

	"github.com/briefs/briefs/search"
)

// Rough edges of the search page, decided here and tested without HTTP.

// pastEnd is a page number past the last page of a search: the page says
// so and links to the last page instead of showing nothing.
type pastEnd struct {
	Requested int
	Last      int
	Total     uint64
	URL       string // the last page
	// Capped: the search has more results than the pages we serve.
	Capped bool
	Window int
}

// beyondWindow handles a page number refused by parseQuery for lying past
// the results we serve at all (page=99999): when the rest of the URL parses,
// it returns the query without the page and the page asked for, so the
// page can tell how many pages there really are rather than asking the user
// to narrow a search of 33 hits.
func beyondWindow(v url.Values) (search.Query, int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(v.Get(paramPage)))
	if err != nil || n <= 1 {
		return search.Query{}, 0, false
	}
	rest := url.Values{}
	for k, vs := range v {
		if k != paramPage {
			rest[k] = vs
		}
	}
	q, err := parseQuery(rest)
	if err != nil {
		return search.Query{}, 0, false
	}
	return q, n, true
}

// checkPastEnd sets page.PastEnd when the page asked for (requested, or the
// query's own page) lies past the last page of res, and drops the hits of
// a stand-in page so that none are shown under a wrong page number.
func checkPastEnd(page *searchPage, res *search.Results, requested int) {
	if requested == 0 {
		requested = res.Page
	}
	if res.Total == 0 || requested <= res.Pages {
		return
	}
	page.PastEnd = &pastEnd{
		Requested: requested, Last: res.Pages, Total: res.Total, URL: pageURL(page.Query, res.Pages),
		Capped: res.Total > uint64(res.Pages*max(res.Size, 1)), Window: search.MaxResultWindow,
	}
	page.Hits = nil
	page.Pager = newPager(page.Query, res.Pages, res.Pages)
}

// isSyntaxError reports errors of the query language, the only ones that
// the hint on quoting and parentheses helps with.
func isSyntaxError(err error) bool {
	var se *search.SyntaxError
	return errors.As(err, &se)
}
