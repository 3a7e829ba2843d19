package web

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
)

func TestTrendsPage(t *testing.T) {
	ts := newTestServer(t, Config{})
	doc := ts.page(t, "/trends?q=coca&q=eradication", http.StatusOK)
	if n := doc.Find("svg.line-chart g.trend").Length(); n != 2 {
		t.Fatalf("%d lines on the chart, want 2", n)
	}
	if n := doc.Find("svg.line-chart text.axis-label").Length(); n < 4 {
		t.Errorf("%d axis labels, want a year axis and a count scale", n)
	}
	// The table's counts add up to each query's dated hits.
	sums := make([]int, 2)
	doc.Find(".trend-table tbody tr").Each(func(_ int, tr *goquery.Selection) {
		tr.Find("td").Each(func(i int, td *goquery.Selection) {
			if i == 0 {
				return
			}
			n, _ := strconv.Atoi(strings.Fields(td.Text())[0])
			sums[i-1] += n
		})
	})
	for i, q := range []string{"coca", "eradication"} {
		res, body := ts.get(t, "/api/search?q="+q+"&size=1")
		var r struct {
			Facets struct {
				Years struct {
					Bins []struct{ Count int }
				} `json:"year"`
			} `json:"facets"`
		}
		if err := json.Unmarshal([]byte(body), &r); err != nil || res.StatusCode != 200 {
			t.Fatalf("api search %s: %v", q, err)
		}
		want := 0
		for _, b := range r.Facets.Years.Bins {
			want += b.Count
		}
		if sums[i] != want || want == 0 {
			t.Errorf("table column %q sums to %d, want %d", q, sums[i], want)
		}
	}
	// Every results page links here with its query and filters.
	res := ts.page(t, "/search?q=coca&country=Bolivia", http.StatusOK)
	if href := res.Find("a.compare").AttrOr("href", ""); href != "/trends?country=Bolivia&q=coca" {
		t.Errorf("compare over time link = %q", href)
	}
	// Shares: the scale is in percent.
	doc = ts.page(t, "/trends?q=coca&mode=share", http.StatusOK)
	if top := doc.Find("svg.line-chart text.axis-label").First().Text(); top != "0%" {
		t.Errorf("share chart's first y label = %q, want 0%%", top)
	}
	ts.page(t, "/trends?q=a&q=b&q=c&q=d&q=e", http.StatusBadRequest)
	if msg := ts.page(t, "/trends?q=coca&q=%22open", http.StatusBadRequest).Find(".alert").Text(); !strings.Contains(msg, "Query 2") {
		t.Errorf("bad second query: message %q does not say which", msg)
	}
	ts.page(t, "/trends", http.StatusOK) // the empty form
}

func TestTrendsData(t *testing.T) {
	ts := newTestServer(t, Config{})
	_, body := ts.get(t, "/trends.json?q=coca&q=eradication&country=Bolivia")
	var d trendData
	if err := json.Unmarshal([]byte(body), &d); err != nil {
		t.Fatalf("trends.json: %v: %s", err, body)
	}
	if len(d.Series) != 2 || len(d.Years) == 0 || len(d.Totals) != len(d.Years) || len(d.Series[0].Counts) != len(d.Years) {
		t.Fatalf("trends.json = %+v", d)
	}
	for i := range d.Years {
		for _, s := range d.Series {
			if s.Counts[i] > d.Totals[i] {
				t.Errorf("%s in %d: %d hits of %d documents", s.Query, d.Years[i], s.Counts[i], d.Totals[i])
			}
		}
	}
	resp, csvBody := ts.get(t, "/trends.csv?q=coca&q=eradication&country=Bolivia")
	lines := strings.Split(strings.TrimSpace(csvBody), "\n")
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") || lines[0] != "year,documents,coca,coca (share),eradication,eradication (share)" ||
		len(lines) != len(d.Years)+1 {
		t.Errorf("trends.csv = %q", csvBody)
	}
	if resp, _ := ts.get(t, "/trends.csv"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("trends.csv without a query: %d, want 400", resp.StatusCode)
	}
}

func TestNiceScale(t *testing.T) {
	tests := []struct {
		top       float64
		share     bool
		step, max float64
	}{
		{0, false, 1, 4}, {3, false, 1, 3}, {12, false, 5, 15}, {97, false, 20, 100}, {1234, false, 500, 1500},
		{0.37, true, 0.1, 0.4}, {0.04, true, 0.01, 0.04},
	}
	for _, tt := range tests {
		if step, max := niceScale(tt.top, tt.share); step != tt.step || max != tt.max {
			t.Errorf("niceScale(%v, %v) = %v, %v, want %v, %v", tt.top, tt.share, step, max, tt.step, tt.max)
		}
	}
}

func TestYearTickIndexes(t *testing.T) {
	years := func(a, b int) []int {
		var ys []int
		for y := a; y <= b; y++ {
			ys = append(ys, y)
		}
		return ys
	}
	label := func(ys []int, max int) []int {
		var out []int
		for _, i := range yearTickIndexes(ys, max) {
			out = append(out, ys[i])
		}
		return out
	}
	tests := []struct {
		from, to, max int
		want          []int
	}{
		{1990, 2025, 12, []int{1990, 1995, 2000, 2005, 2010, 2015, 2020, 2025}},
		{1990, 2025, 5, []int{1990, 2000, 2010, 2020}},
		{2001, 2004, 5, []int{2001, 2002, 2003, 2004}},
		{2001, 2009, 4, []int{2001, 2005, 2009}}, // one multiple of 5: the ends labelled too
		{2001, 2003, 1, []int{2001, 2003}},
		{2007, 2007, 5, []int{2007}},
	}
	for _, tt := range tests {
		if got := label(years(tt.from, tt.to), tt.max); !slices.Equal(got, tt.want) {
			t.Errorf("yearTickIndexes(%d..%d, %d) = %v, want %v", tt.from, tt.to, tt.max, got, tt.want)
		}
	}
}

// BenchmarkTrends serves the trends page for four queries on the demo
// corpus and reports the 95th percentile latency.
func BenchmarkTrends(b *testing.B) {
	idx, err := demoIndex(b)
	if err != nil {
		b.Skip("no demo corpus: ", err)
	}
	srv, err := NewServer(Config{Index: idx})
	if err != nil {
		b.Fatal(err)
	}
	h := srv.Handler()
	const url = "/trends?q=eradication&q=%22alternative+development%22&q=coca&q=heroin"
	var took []time.Duration
	for b.Loop() {
		start := time.Now()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, url, nil))
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s: %d", url, rec.Code)
		}
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)*95/100].Microseconds())/1000, "p95-ms")
}
