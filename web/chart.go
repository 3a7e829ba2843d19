package web

import (
	"fmt"
	"strconv"

	"github.com/briefs/briefs/search"
)

// yearChart is the year histogram drawn as inline SVG on the server: no
// script and no style attributes (the CSP forbids inline styles), only
// geometry attributes and classes.
type yearChart struct {
	Width, Height int // the viewBox; CSS scales it to the sidebar width
	BaseY         int // y of the baseline
	Bars          []yearBar
	First, Last   int
	Max           int
	Label         string // aria-label summarising the chart
	LabelY        int    // y of the year labels
	// XLabels are the years labelled, at readable intervals (1990, 1995…);
	// ScaleY and ScaleLabel the count scale: a grid line at the tallest
	// bar, labelled with its count.
	XLabels    []tick
	ScaleY     int
	ScaleLabel string
	// Range is the selected from/to range, drawn as a band behind the
	// bars with its label ("2005–2010"); nil when no range is selected.
	Range *chartRange
}

// chartRange is the band behind the selected years.
type chartRange struct {
	X, W  string
	Label string
}

// yearBar is one year. Bars with hits link to a filter on that year.
type yearBar struct {
	Year     int
	Count    int
	X, Y     string // formatted with one decimal: "12.5"
	W, H     string
	HitX     string // a full-height transparent target, easier to hover and click
	HitW     string
	URL      string // empty for years without hits
	Selected bool   // inside the active from/to range
	Title    string // tooltip: "2005: 12 documents"
}

// Chart geometry in viewBox units. The width is fixed so that a corpus of
// three years and one of fifty both fill the sidebar.
const (
	chartWidth      = 300
	chartBarsH      = 60 // tallest bar
	chartTop        = 4
	chartLabelsH    = 14
	chartGapFrac    = 0.2 // share of each slot left empty between bars
	chartMinBarH    = 1.5 // a year with one hit is still visible next to one with 500
	chartZeroBarH   = 0.5 // a hairline marks years with no hits
	chartMaxSlotsW  = 24  // bars no wider than this however few years there are
	chartMaxLabels  = 6   // year labels at most: four digits need about 40 units
	chartLabelHalfW = 12  // half a four-digit label at the label font size
)

// newYearChart draws f for query q; nil when there is nothing to draw.
func newYearChart(f search.YearFacet, q search.Query) *yearChart {
	if len(f.Bins) == 0 {
		return nil
	}
	top, total := 0, 0
	for _, b := range f.Bins {
		top = max(top, b.Count)
		total += b.Count
	}
	c := &yearChart{
		Width:  chartWidth,
		Height: chartTop + chartBarsH + chartLabelsH,
		BaseY:  chartTop + chartBarsH,
		LabelY: chartTop + chartBarsH + chartLabelsH - 2,
		First:  f.Bins[0].Year,
		Last:   f.Bins[len(f.Bins)-1].Year,
		Max:    top,
	}
	c.Label = fmt.Sprintf("Documents per year, %d to %d: %s in all, at most %s in one year",
		c.First, c.Last, plural(total, "document"), commas(top))
	slot := min(float64(chartWidth)/float64(len(f.Bins)), chartMaxSlotsW)
	offset := (float64(chartWidth) - slot*float64(len(f.Bins))) / 2
	for i, b := range f.Bins {
		h := chartZeroBarH
		if b.Count > 0 {
			h = max(float64(b.Count)/float64(top)*chartBarsH, chartMinBarH)
		}
		x := offset + float64(i)*slot
		bar := yearBar{
			Year:  b.Year,
			Count: b.Count,
			X:     fmtF(x + slot*chartGapFrac/2),
			W:     fmtF(slot * (1 - chartGapFrac)),
			Y:     fmtF(float64(c.BaseY) - h),
			H:     fmtF(h),
			HitX:  fmtF(x),
			HitW:  fmtF(slot),
			Title: fmt.Sprintf("%d: %s", b.Year, plural(b.Count, "document")),
			Selected: (q.YearFrom != 0 || q.YearTo != 0) &&
				(q.YearFrom == 0 || b.Year >= q.YearFrom) && (q.YearTo == 0 || b.Year <= q.YearTo),
		}
		if b.Count > 0 {
			bar.URL = yearURL(q, b.Year)
		}
		c.Bars = append(c.Bars, bar)
	}
	years := make([]int, len(f.Bins))
	for i, b := range f.Bins {
		years[i] = b.Year
	}
	for _, i := range yearTickIndexes(years, chartMaxLabels) {
		x := offset + (float64(i)+0.5)*slot
		t := tick{Pos: fmtF(x), Label: strconv.Itoa(years[i]), Anchor: "middle"}
		// A label centred on an edge bar would be cut in half.
		if x < chartLabelHalfW {
			t.Pos, t.Anchor = "0", "start"
		} else if x > chartWidth-chartLabelHalfW {
			t.Pos, t.Anchor = strconv.Itoa(chartWidth), "end"
		}
		c.XLabels = append(c.XLabels, t)
	}
	if top > 0 {
		c.ScaleY, c.ScaleLabel = chartTop, commas(top)
	}
	c.Range = selectedRange(c, q, offset, slot)
	return c
}

// selectedRange is the band of the selected years, clipped to the chart.
func selectedRange(c *yearChart, q search.Query, offset, slot float64) *chartRange {
	if q.YearFrom == 0 && q.YearTo == 0 {
		return nil
	}
	from, to := max(q.YearFrom, c.First), c.Last
	if q.YearTo != 0 {
		to = min(q.YearTo, c.Last)
	}
	if from > to {
		return nil
	}
	label := fmt.Sprintf("%d\u2013%d", from, to)
	if from == to {
		label = strconv.Itoa(from)
	}
	return &chartRange{
		X:     fmtF(offset + float64(from-c.First)*slot),
		W:     fmtF(float64(to-from+1) * slot),
		Label: label,
	}
}

func fmtF(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }
