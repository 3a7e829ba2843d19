package web

import (
	"net/http"
	"strconv"
	"testing"

	"github.com/briefs/briefs/search"
)

// TestYearChartLabelsScaleRange: the sidebar's year chart labels years at
// readable intervals, has a count scale and shows the selected range.
func TestYearChartLabelsScaleRange(t *testing.T) {
	var f search.YearFacet
	for y := 1990; y <= 2025; y++ {
		f.Bins = append(f.Bins, search.YearBin{Year: y, Count: y % 7})
	}
	c := newYearChart(f, search.Query{YearFrom: 2004, YearTo: 2010})
	var labels []string
	for _, l := range c.XLabels {
		labels = append(labels, l.Label)
	}
	if len(labels) < 3 || len(labels) > chartMaxLabels || labels[0] != "1990" {
		t.Errorf("year labels = %v, want 3 to %d from 1990", labels, chartMaxLabels)
	}
	for i := 1; i < len(labels); i++ {
		a, _ := strconv.Atoi(labels[i-1])
		b, _ := strconv.Atoi(labels[i])
		if b-a != 10 {
			t.Errorf("year labels %v are not evenly spaced", labels)
			break
		}
	}
	if c.ScaleLabel != "6" {
		t.Errorf("scale label = %q, want the tallest bar's count 6", c.ScaleLabel)
	}
	if c.Range == nil || c.Range.Label != "2004\u20132010" {
		t.Errorf("range = %+v, want 2004–2010", c.Range)
	}
	if c := newYearChart(f, search.Query{}); c.Range != nil {
		t.Errorf("no range selected, but Range = %+v", c.Range)
	}
}

func TestSearchPageChartAndFiltersToggle(t *testing.T) {
	ts := newTestServer(t, Config{})
	doc := ts.page(t, "/search?q=coca&from=2004&to=2006", http.StatusOK)
	if got := doc.Find(".chart-range strong").Text(); got != "2004\u20132006" {
		t.Errorf("selected range label = %q", got)
	}
	if doc.Find("svg.chart rect.range-band").Length() != 1 || doc.Find("svg.chart text.scale-label").Length() != 1 {
		t.Error("the year chart lacks its range band or count scale")
	}
	// The phone layout's Filters toggle comes before the results.
	toggle := doc.Find("main > label.filters-toggle[for=filters-toggle]")
	if toggle.Length() != 1 || doc.Find("main > input#filters-toggle + label.filters-toggle + .layout").Length() != 1 {
		t.Errorf("no Filters toggle above the results")
	}
	if toggle.Text() != "Filters (1)" {
		t.Errorf("toggle says %q, want Filters (1)", toggle.Text())
	}
}
