package web

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"github.com/briefs/briefs/search"
)

// Comparing trends: "/trends?q=eradication&q=%22alternative+development%22"
// counts each query's hits per year (up to maxTrends queries, with the
// search page's filters) and draws them on one chart, as counts or as the
// share of that year's documents, with a table beneath and the numbers as
// CSV and JSON. Each series is one search's year facet, so a trend costs
// what a search costs, and the per-year totals are the filters' own search.

// maxTrends is the number of queries on one chart: more lines than four
// cannot be told apart.
const maxTrends = 4

const (
	paramMode = "mode"
	modeCount = "count"
	modeShare = "share"
)

// trendSeries is one query's hits per year.
type trendSeries struct {
	Query  string `json:"query"`
	Total  uint64 `json:"total"`  // hits in all years, undated ones included
	Counts []int  `json:"counts"` // per year of trendData.Years
	URL    string `json:"-"`      // the search page of this query
	Class  string `json:"-"`      // "s0".."s3": its colour
}

// trendData is the numbers of a trends page, also served as CSV and JSON.
type trendData struct {
	Years  []int         `json:"years"`
	Totals []int         `json:"documents"` // documents per year matching the filters
	Series []trendSeries `json:"series"`
}

// share is a series' count in year i as a share of that year's documents.
func (d *trendData) share(s trendSeries, i int) float64 {
	if d.Totals[i] == 0 {
		return 0
	}
	return float64(s.Counts[i]) / float64(d.Totals[i])
}

// trendsRequest is the parsed URL of a trends page.
type trendsRequest struct {
	Queries []string
	Filters search.Query // the filters and year range; Text unused
	Mode    string
}

func parseTrends(v url.Values) (trendsRequest, error) {
	var tr trendsRequest
	f, err := parseQuery(v)
	if err != nil {
		return tr, err
	}
	f.Text, f.Page, f.Size, f.Sort, f.FacetSize = "", 0, 0, "", 0
	tr.Filters = f
	for _, q := range v[paramQ] {
		if q = strings.TrimSpace(q); q != "" {
			tr.Queries = append(tr.Queries, q)
		}
	}
	if len(tr.Queries) > maxTrends {
		return tr, badRequest(fmt.Sprintf("Compare at most %d queries at once (%d given).", maxTrends, len(tr.Queries)))
	}
	switch m := v.Get(paramMode); m {
	case "", modeCount:
		tr.Mode = modeCount
	case modeShare:
		tr.Mode = modeShare
	default:
		return tr, badRequest(fmt.Sprintf("Unknown mode %q: use count or share.", m))
	}
	return tr, nil
}

// trendsURL is the trends page (ext "") or its numbers (ext ".csv", ".json").
func trendsURL(tr trendsRequest, ext string) string {
	v, _ := url.ParseQuery(encodeQuery(tr.Filters))
	v.Del(paramQ)
	for _, q := range tr.Queries {
		v.Add(paramQ, q)
	}
	if tr.Mode == modeShare {
		v.Set(paramMode, modeShare)
	}
	return withQuery("/trends"+ext, v.Encode())
}

// compareURL is the trends page for a search: its text as the first query,
// with its filters.
func compareURL(q search.Query) string {
	tr := trendsRequest{Filters: q}
	tr.Filters.Text, tr.Filters.Page, tr.Filters.Size, tr.Filters.Sort, tr.Filters.FacetSize = "", 0, 0, "", 0
	if q.Text != "" {
		tr.Queries = []string{q.Text}
	}
	return trendsURL(tr, "")
}

// trends runs the searches: one per query plus one for the per-year
// totals, side by side.
func (s *Server) trends(r *http.Request, tr trendsRequest) (*trendData, error) {
	ctx, cancel := s.searchContext(r)
	defer cancel()
	qs := []search.Query{tr.Filters}
	for _, text := range tr.Queries {
		q := tr.Filters
		q.Text = text
		qs = append(qs, q)
	}
	res := make([]*search.Results, len(qs))
	errs := make([]error, len(qs))
	var wg sync.WaitGroup
	for i, q := range qs {
		q.Size, q.Snippets, q.FacetSize = 1, -1, 1 // only the year facet is used
		wg.Add(1)
		go func() {
			defer wg.Done()
			res[i], errs[i] = s.index.Search(ctx, q)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			if i > 0 {
				// Say which query is wrong: the message alone may not.
				e := asError(err)
				if e.Status == http.StatusBadRequest {
					return nil, badRequest(fmt.Sprintf("Query %d (%s): %s", i, tr.Queries[i-1], e.Message))
				}
			}
			return nil, err
		}
	}
	return buildTrendData(tr, res[0], res[1:]), nil
}

// buildTrendData lines the year facets up over the years of the filters'
// range (the corpus's first to last year when open).
func buildTrendData(tr trendsRequest, totals *search.Results, series []*search.Results) *trendData {
	d := &trendData{}
	yf := totals.Facets.Years
	first, last := yf.Min, yf.Max
	if tr.Filters.YearFrom != 0 {
		first = max(first, tr.Filters.YearFrom)
	}
	if tr.Filters.YearTo != 0 {
		last = min(last, tr.Filters.YearTo)
	}
	for y := first; y <= last && y != 0; y++ {
		d.Years = append(d.Years, y)
	}
	perYear := func(f search.YearFacet) []int {
		counts := make([]int, len(d.Years))
		for _, b := range f.Bins {
			if i := b.Year - first; i >= 0 && i < len(counts) {
				counts[i] = b.Count
			}
		}
		return counts
	}
	d.Totals = perYear(yf)
	for i, res := range series {
		d.Series = append(d.Series, trendSeries{
			Query:  tr.Queries[i],
			Total:  res.Total,
			Counts: perYear(res.Facets.Years),
			URL:    searchURL(withText(tr.Filters, tr.Queries[i])),
			Class:  "s" + strconv.Itoa(i),
		})
	}
	return d
}

func withText(q search.Query, text string) search.Query {
	q.Text = text
	return q
}

// trendsPage is "/trends".
type trendsPage struct {
	basePage
	Request  trendsRequest
	Inputs   []string // the query boxes: the queries plus empty ones up to maxTrends
	Error    string
	Data     *trendData
	Chart    *lineChart
	Rows     []trendRow
	Chips    []chip
	CountURL string
	ShareURL string
	CSVURL   string
	JSONURL  string
	Filters  []hiddenField // the filters the form carries
}

type trendRow struct {
	Year  int
	Total int
	Cells []trendCell
}

type trendCell struct {
	Count int
	Share string // "12.5%"
	URL   string // the search for this query in this year
}

// handleTrends serves "GET /trends?q=…&q=…&mode=count|share&<filters>".
func (s *Server) handleTrends(w http.ResponseWriter, r *http.Request) error {
	page := &trendsPage{basePage: s.base(r, "Trends over time")}
	page.Nav, page.Box = "trends", ""
	tr, err := parseTrends(r.URL.Query())
	page.Request = tr
	page.Inputs = append(append([]string(nil), tr.Queries...), make([]string, maxTrends-min(len(tr.Queries), maxTrends))...)
	if err == nil && len(tr.Queries) > 0 {
		page.Data, err = s.trends(r, tr)
	}
	if err != nil {
		e := asError(err)
		if e.Status != http.StatusBadRequest {
			return err
		}
		page.Error = e.Message
		return s.render(w, r, http.StatusBadRequest, "trends.html", page)
	}
	buildTrendsPage(page)
	return s.render(w, r, http.StatusOK, "trends.html", page)
}

func buildTrendsPage(page *trendsPage) {
	tr := page.Request
	page.Filters = formState(tr.Filters)
	page.Filters = append(page.Filters, headerState(tr.Filters)...)
	page.Chips = chips(tr.Filters)
	if page.Data == nil {
		return
	}
	count, share := tr, tr
	count.Mode, share.Mode = modeCount, modeShare
	page.CountURL, page.ShareURL = trendsURL(count, ""), trendsURL(share, "")
	page.CSVURL, page.JSONURL = trendsURL(tr, ".csv"), trendsURL(tr, ".json")
	d := page.Data
	page.Chart = newLineChart(d, tr.Mode == modeShare)
	for i, y := range d.Years {
		row := trendRow{Year: y, Total: d.Totals[i]}
		for _, s := range d.Series {
			q := withText(tr.Filters, s.Query)
			q.YearFrom, q.YearTo = y, y
			row.Cells = append(row.Cells, trendCell{Count: s.Counts[i], Share: percent(d.share(s, i)), URL: searchURL(q)})
		}
		page.Rows = append(page.Rows, row)
	}
}

func percent(f float64) string {
	return strconv.FormatFloat(math.Round(f*1000)/10, 'f', -1, 64) + "%"
}

// handleTrendsData serves "GET /trends.{csv|json}?…": the numbers.
func (s *Server) handleTrendsData(w http.ResponseWriter, r *http.Request) error {
	tr, err := parseTrends(r.URL.Query())
	if err != nil {
		return err
	}
	if len(tr.Queries) == 0 {
		return badRequest("Give at least one query: /trends.csv?q=coca")
	}
	d, err := s.trends(r, tr)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	ctype := "application/json; charset=utf-8"
	if pathParam(r, "format") == "csv" {
		ctype = "text/csv; charset=utf-8"
		err = writeTrendsCSV(&buf, d)
	} else {
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		err = enc.Encode(d)
	}
	if err != nil {
		return fmt.Errorf("trends data: %w", err)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(buf.Bytes())
	}
	return nil
}

// writeTrendsCSV writes one row per year: the documents, then each query's
// count and share.
func writeTrendsCSV(buf *bytes.Buffer, d *trendData) error {
	cw := csv.NewWriter(buf)
	head := []string{"year", "documents"}
	for _, s := range d.Series {
		head = append(head, csvSafe(s.Query), csvSafe(s.Query)+" (share)")
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for i, y := range d.Years {
		row := []string{strconv.Itoa(y), strconv.Itoa(d.Totals[i])}
		for _, s := range d.Series {
			row = append(row, strconv.Itoa(s.Counts[i]), strconv.FormatFloat(d.share(s, i), 'f', 4, 64))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
