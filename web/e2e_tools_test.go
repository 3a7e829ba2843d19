package web

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// toolsBrowser serves the demo corpus and starts a browser; shot saves a
// screenshot into $BRIEFS_SCREENSHOT_DIR (default: the test's temp dir).
func toolsBrowser(t *testing.T) (ctx context.Context, base string, shot func(string, chromedp.Action[[]byte])) {
	t.Helper()
	if os.Getenv("BRIEFS_SKIP_BROWSER") == "1" {
		t.Skip("BRIEFS_SKIP_BROWSER=1")
	}
	idx, err := demoIndex(t)
	if err != nil {
		t.Fatalf("demo corpus: %v", err)
	}
	srv, err := NewServer(Config{Index: idx})
	if err != nil {
		t.Fatal(err)
	}
	base = startServer(t, srv)
	ctx = newBrowser(t)
	shotDir := os.Getenv("BRIEFS_SCREENSHOT_DIR")
	if shotDir == "" {
		shotDir = t.TempDir()
	}
	shot = func(name string, a chromedp.Action[[]byte]) {
		t.Helper()
		png := run(t, ctx, "screenshot "+name, a)
		if err := os.WriteFile(filepath.Join(shotDir, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return ctx, base, shot
}

var blur = chromedp.Evaluate[chromedp.Void](`document.activeElement && document.activeElement.blur()`)

// TestBrowserCite drives chromium over the demo corpus: the Cite panel of
// a hit (rich text in italics, copy), selecting hits for export, and on a
// phone the landing cards and the Filters toggle, with screenshots desktop
// and 390 px wide.
func TestBrowserCite(t *testing.T) {
	ctx, base, shot := toolsBrowser(t)

	// Desktop: open the first hit's Cite panel.
	do(t, ctx, "search", chromedp.EmulateViewport(1280, 900), chromedp.Navigate(base+"/search?q=coca+leaf&size=5"),
		chromedp.WaitVisible(chromedp.CSS(".summary .count")), blur)
	shot("results-desktop.png", chromedp.CaptureScreenshot())
	do(t, ctx, "open Cite", chromedp.Click(chromedp.CSS(".hit:first-child details.hit-cite > summary")),
		chromedp.WaitVisible(chromedp.CSS(".hit:first-child details.hit-cite .cite-rich")))
	italic := run(t, ctx, "APA italics", chromedp.Evaluate[string](
		`document.querySelector('.hit:first-child .cite-rich i') ? document.querySelector('.hit:first-child .cite-rich i').textContent : ''`))
	title := run(t, ctx, "hit title", chromedp.Text(chromedp.CSS(".hit:first-child .hit-title a")))
	if italic == "" || !strings.HasPrefix(title, strings.TrimSpace(italic)) && !strings.HasPrefix(strings.TrimSpace(italic), title) {
		t.Errorf("Cite panel's APA italic run = %q, want the title %q", italic, title)
	}
	// Copy as rich text: "Copied", or without clipboard access the text
	// selected.
	do(t, ctx, "copy APA",
		chromedp.Click(chromedp.CSS(".hit:first-child button.copy[data-rich]")),
		chromedp.Poll[chromedp.Void](`document.querySelector('.hit:first-child button.copy[data-rich]').textContent !== 'Copy'`,
			chromedp.WithPollingTimeout(5*time.Second)))
	label := run(t, ctx, "copy label", chromedp.Text(chromedp.CSS(".hit:first-child button.copy[data-rich]")))
	if label != "Copied" && !strings.HasPrefix(label, "Selected") {
		t.Errorf("copy button says %q", label)
	}
	shot("cite-panel-desktop.png", chromedp.Screenshot(chromedp.CSS(".hit:first-child")))

	// Select two hits and keep the selection: the URL carries it and the
	// select bar exports just those.
	do(t, ctx, "tick two", chromedp.Click(chromedp.CSS(".hit:nth-child(1) input.hit-select")),
		chromedp.Click(chromedp.CSS(".hit:nth-child(2) input.hit-select")))
	load(t, ctx, "update selection", chromedp.Click(chromedp.CSS("#select button.select-apply")))
	loc := run(t, ctx, "location", chromedp.Location())
	if strings.Count(loc, "sel=") != 2 {
		t.Errorf("location after selecting = %s, want two sel=", loc)
	}
	if got := run(t, ctx, "select bar", chromedp.Text(chromedp.CSS(".select-bar strong"))); got != "2 selected documents" {
		t.Errorf("select bar says %q", got)
	}
	bib := run(t, ctx, "bib link", chromedp.Evaluate[string](
		`Array.from(document.querySelectorAll('.select-bar a')).find(a => a.textContent === 'BibTeX').getAttribute('href')`))
	if strings.Count(bib, "sel=") != 2 {
		t.Errorf("selection BibTeX link = %q", bib)
	}

	// Phone: the landing page's number cards do not clip ("1990–2025").
	do(t, ctx, "phone landing", chromedp.EmulateViewport(390, 844), chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS(".stats")))
	if clipped := run(t, ctx, "stats clipped", chromedp.Evaluate[string](
		`Array.from(document.querySelectorAll('.stats dd')).filter(d => d.scrollWidth > d.clientWidth).map(d => d.textContent).join(', ')`)); clipped != "" {
		t.Errorf("landing cards clip at 390 px: %s", clipped)
	}

	// Phone: the Filters toggle sits above the results and opens the sidebar.
	do(t, ctx, "phone", chromedp.EmulateViewport(390, 844), chromedp.Navigate(base+"/search?q=coca+leaf&size=5"),
		chromedp.WaitVisible(chromedp.CSS("label.filters-toggle")), blur)
	if vis := run(t, ctx, "sidebar hidden", chromedp.Evaluate[bool](`getComputedStyle(document.querySelector('.sidebar')).display !== 'none'`)); vis {
		t.Error("on a phone the sidebar shows before the Filters toggle is used")
	}
	shot("results-390.png", chromedp.CaptureScreenshot())
	do(t, ctx, "open filters", chromedp.Click(chromedp.CSS("label.filters-toggle")), chromedp.WaitVisible(chromedp.CSS(".sidebar")))
	above := run(t, ctx, "sidebar above results", chromedp.Evaluate[bool](
		`document.querySelector('.sidebar').getBoundingClientRect().top < document.querySelector('.results').getBoundingClientRect().top`))
	if !above {
		t.Error("the opened filters are not above the results")
	}
	do(t, ctx, "close filters", chromedp.Click(chromedp.CSS("label.filters-toggle")),
		chromedp.Click(chromedp.CSS(".hit:first-child details.hit-cite > summary")),
		chromedp.WaitVisible(chromedp.CSS(".hit:first-child .cite-rich")))
	shot("cite-panel-390.png", chromedp.Screenshot(chromedp.CSS(".hit:first-child")))

}

// TestBrowserTrends draws the trends chart over the demo corpus, desktop and
// 390 px wide, in counts then shares.
func TestBrowserTrends(t *testing.T) {
	ctx, base, shot := toolsBrowser(t)
	for _, vp := range []struct {
		w, h int64
		name string
	}{{1280, 900, "desktop"}, {390, 844, "390"}} {
		do(t, ctx, "trends", chromedp.EmulateViewport(vp.w, vp.h),
			chromedp.Navigate(base+"/trends?q=eradication&q=%22alternative+development%22"),
			chromedp.WaitVisible(chromedp.CSS("svg.line-chart")), blur)
		if n := run(t, ctx, "lines", chromedp.Evaluate[int](`document.querySelectorAll('svg.line-chart g.trend').length`)); n != 2 {
			t.Errorf("trends chart has %d lines, want 2", n)
		}
		shot("trends-"+vp.name+".png", chromedp.CaptureScreenshot())
	}
	load(t, ctx, "switch to shares", chromedp.Click(chromedp.CSS(`.trend-switch a[href*="mode=share"]`)))
	do(t, ctx, "share chart", chromedp.WaitVisible(chromedp.CSS("svg.line-chart")))
	top := run(t, ctx, "y labels", chromedp.Evaluate[string](
		`Array.from(document.querySelectorAll('svg.line-chart text.axis-label')).map(t => t.textContent).join(' ')`))
	if !strings.Contains(top, "%") {
		t.Errorf("share chart's labels %q have no percentages", top)
	}
}
