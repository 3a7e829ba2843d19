package web

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// lineChart is the trends chart, drawn as inline SVG on the server like the
// year chart: geometry attributes and classes only (the CSP forbids inline
// styles), a <title> on every point for its number, and the same numbers
// in the table beneath for screen readers and copying.
type lineChart struct {
	Width, Height int
	Left, Right   int // x of the plot area
	Top, Bottom   int // y of the plot area
	XTicks        []tick
	YTicks        []tick
	Lines         []chartLine
	Label         string // aria-label
	YLabel        string // "Documents" or "Share of the year's documents"
}

type tick struct {
	Pos    string // x or y, formatted
	Label  string
	Anchor string // text-anchor: "middle", or "start"/"end" at the edges
}

type chartLine struct {
	Class  string // "s0".."s3"
	Query  string
	Points string // the polyline's "x,y x,y …"
	Dots   []chartDot
}

type chartDot struct {
	X, Y  string
	Title string // "eradication, 2005: 12 documents (8.1%)"
}

// Geometry in viewBox units; CSS scales the SVG to the page width.
const (
	lineW       = 720
	lineH       = 320
	lineLeft    = 52 // room for the y labels
	lineRight   = 28 // room for half of the last year label
	lineTop     = 12
	lineBottom  = 30 // room for the x labels
	lineMaxXLbl = 12 // x labels at most, so that four-digit years never touch
)

func newLineChart(d *trendData, share bool) *lineChart {
	c := &lineChart{
		Width: lineW, Height: lineH,
		Left: lineLeft, Right: lineW - lineRight,
		Top: lineTop, Bottom: lineH - lineBottom,
		YLabel: "Documents",
	}
	if share {
		c.YLabel = "Share of the year's documents"
	}
	if len(d.Years) == 0 {
		return c
	}
	value := func(s trendSeries, i int) float64 {
		if share {
			return d.share(s, i)
		}
		return float64(s.Counts[i])
	}
	top := 0.0
	for _, s := range d.Series {
		for i := range d.Years {
			top = math.Max(top, value(s, i))
		}
	}
	step, ymax := niceScale(top, share)
	plotW, plotH := float64(c.Right-c.Left), float64(c.Bottom-c.Top)
	x := func(i int) float64 {
		if len(d.Years) == 1 {
			return float64(c.Left) + plotW/2
		}
		return float64(c.Left) + plotW*float64(i)/float64(len(d.Years)-1)
	}
	y := func(v float64) float64 { return float64(c.Bottom) - plotH*v/ymax }
	for v := 0.0; v <= ymax+step/2; v += step {
		label := commas(int(math.Round(v)))
		if share {
			label = percent(v)
		}
		c.YTicks = append(c.YTicks, tick{Pos: fmtF(y(v)), Label: label})
	}
	for _, i := range yearTickIndexes(d.Years, lineMaxXLbl) {
		c.XTicks = append(c.XTicks, tick{Pos: fmtF(x(i)), Label: strconv.Itoa(d.Years[i])})
	}
	var names []string
	for _, s := range d.Series {
		l := chartLine{Class: s.Class, Query: s.Query}
		var pts []string
		for i, yr := range d.Years {
			px, py := fmtF(x(i)), fmtF(y(value(s, i)))
			pts = append(pts, px+","+py)
			l.Dots = append(l.Dots, chartDot{X: px, Y: py, Title: fmt.Sprintf("%s, %d: %s (%s of %s)",
				s.Query, yr, plural(s.Counts[i], "document"), percent(d.share(s, i)), commas(d.Totals[i]))})
		}
		l.Points = strings.Join(pts, " ")
		c.Lines = append(c.Lines, l)
		names = append(names, fmt.Sprintf("%s (%s)", s.Query, plural(s.Total, "hit")))
	}
	c.Label = fmt.Sprintf("%s per year, %d to %d, for %s", c.YLabel, d.Years[0], d.Years[len(d.Years)-1],
		strings.Join(names, ", "))
	return c
}

// niceScale picks a tick step of 1, 2 or 5 times a power of ten giving at
// most five steps up to top, and the scale's maximum. Shares step in
// hundredths at least; counts in whole documents.
func niceScale(top float64, share bool) (step, max float64) {
	minStep := 1.0
	if share {
		minStep = 0.01
	}
	if top <= 0 {
		return minStep, minStep * 4
	}
	raw := top / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step = mag * 10
	for _, m := range []float64{1, 2, 5, 10} {
		if mag*m >= raw {
			step = mag * m
			break
		}
	}
	step = math.Max(step, minStep)
	return step, math.Ceil(top/step-1e-9) * step
}

// yearTickIndexes picks the years to label: every 1, 2, 5, 10, 20, 25, 50
// or 100 years (the first step giving at most maxLabels), on years
// divisible by the step, so the labels read 1990, 1995, 2000.
func yearTickIndexes(years []int, maxLabels int) []int {
	if len(years) == 0 {
		return nil
	}
	step := 100
	for _, s := range []int{1, 2, 5, 10, 20, 25, 50, 100} {
		if (len(years)+s-1)/s <= maxLabels {
			step = s
			break
		}
	}
	var idx []int
	for i, y := range years {
		if y%step == 0 {
			idx = append(idx, i)
		}
	}
	if len(idx) < 2 && len(years) > 1 {
		// A short range with one multiple or none: label its ends too.
		if len(idx) == 0 || idx[0] != 0 {
			idx = append([]int{0}, idx...)
		}
		if idx[len(idx)-1] != len(years)-1 {
			idx = append(idx, len(years)-1)
		}
	}
	return idx
}
