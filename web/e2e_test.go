package web

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/briefs/briefs/search"
)

// The browser test drives Debian's chromium over the real server on
// loopback. It is skipped only when BRIEFS_SKIP_BROWSER=1; CI installs
// chromium, so a missing browser is a failure, not a skip.
//
// BRIEFS_SCREENSHOT_DIR keeps the screenshots (default: the test's temp
// dir); BRIEFS_UPDATE_SCREENSHOT=1 also writes docs/screenshot.png, over
// the demo corpus when it is there.

// chromiumPath finds the browser: $BRIEFS_CHROMIUM, else chromium or
// chromium-browser on PATH, else Debian's /usr/bin/chromium.
func chromiumPath(t *testing.T) string {
	if p := os.Getenv("BRIEFS_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "/usr/bin/chromium"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("chromium not found: install it (apt-get install chromium), set BRIEFS_CHROMIUM to its path, " +
		"or set BRIEFS_SKIP_BROWSER=1 to skip the browser test")
	return ""
}

// startServer serves srv on 127.0.0.1:0 until the test ends, through
// srv.Serve as `briefs serve` does, so that the http.Server's own limits
// (header size, timeouts) apply. It returns the base URL.
func startServer(t *testing.T, srv *Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}

// newBrowser starts a headless chromium with a fresh profile.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
	t.Cleanup(cancel)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	return bctx
}

func run[T any](t *testing.T, ctx context.Context, step string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	return v
}

func do(t *testing.T, ctx context.Context, step string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", step, err)
	}
}

// load runs trigger (a click or a submit) and waits for the page it
// navigates to.
func load[T any](t *testing.T, ctx context.Context, step string, trigger chromedp.Action[T]) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, trigger)); err != nil {
		t.Fatalf("%s: %v", step, err)
	}
}

// shownCount reads "8 results" from the page.
func shownCount(t *testing.T, ctx context.Context) int {
	t.Helper()
	txt := run(t, ctx, "read the count", chromedp.Text(chromedp.CSS(".summary .count strong")))
	n, err := strconv.Atoi(strings.ReplaceAll(strings.Fields(txt)[0], ",", ""))
	if err != nil {
		t.Fatalf("count %q: %v", txt, err)
	}
	return n
}

func TestBrowser(t *testing.T) {
	if os.Getenv("BRIEFS_SKIP_BROWSER") == "1" {
		t.Skip("BRIEFS_SKIP_BROWSER=1")
	}
	idx := sharedIndex(t)
	srv, err := NewServer(Config{Index: idx})
	if err != nil {
		t.Fatal(err)
	}
	base := startServer(t, srv)
	ctx := newBrowser(t)

	// The landing page autofocuses the box; type a query and submit.
	do(t, ctx, "open /", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS(".landing")))
	if _, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
		Permission: &browser.PermissionDescriptor{Name: "clipboard-write"},
		Setting:    browser.PermissionSettingGranted, Origin: base,
	}); err != nil {
		t.Logf("grant clipboard permission: %v (the copy button falls back to selecting)", err)
	}
	do(t, ctx, "type coca", chromedp.SendKeys(chromedp.CSS("#q"), "coca"))
	load(t, ctx, "submit", chromedp.Submit(chromedp.CSS("#q")))
	do(t, ctx, "results", chromedp.WaitVisible(chromedp.CSS(".summary .count")))
	before := shownCount(t, ctx)
	if want := total(t, search.Query{Text: "coca"}); before != want {
		t.Fatalf("count after searching coca = %d, want %d", before, want)
	}
	if loc := run(t, ctx, "location", chromedp.Location()); !strings.HasSuffix(loc, "/search?q=coca") {
		t.Errorf("location after submit = %s", loc)
	}

	// Tick two countries; each tick submits the facet form by script.
	countries := []string{"Bolivia", "Colombia"}
	for i, c := range countries {
		load(t, ctx, "tick "+c, chromedp.Click(chromedp.CSS(`#facets input[name=country][value="`+c+`"]`)))
		do(t, ctx, "chips after ticking "+c,
			chromedp.Poll[chromedp.Void](fmt.Sprintf(`document.querySelectorAll('.chips .chip').length === %d`, i+1),
				chromedp.WithPollingTimeout(10*time.Second)),
			chromedp.WaitVisible(chromedp.CSS(".summary .count")),
		)
	}
	q := search.Query{Text: "coca", Filters: map[string][]string{"country": countries}}
	res, err := idx.Search(t.Context(), q)
	if err != nil {
		t.Fatal(err)
	}
	after := shownCount(t, ctx)
	if after != int(res.Total) || after >= before {
		t.Errorf("count with two countries = %d, want %d (fewer than %d)", after, res.Total, before)
	}
	if loc := run(t, ctx, "location", chromedp.Location()); !strings.Contains(loc, "country=Bolivia") || !strings.Contains(loc, "country=Colombia") {
		t.Errorf("location after ticking = %s", loc)
	}
	// The facet counts on the page are those of the filtered search.
	for _, v := range res.Facets.Term("language").Values {
		got := run(t, ctx, "language count", chromedp.Text(chromedp.CSS(`#facet-language input[value="`+v.Value+`"] + label .facet-count`)))
		if got != strconv.Itoa(v.Count) {
			t.Errorf("language %s count on the page = %s, want %d", v.Value, got, v.Count)
		}
	}
	do(t, ctx, "marks visible", chromedp.WaitVisible(chromedp.CSS(".snippet mark")))

	shotDir := os.Getenv("BRIEFS_SCREENSHOT_DIR")
	if shotDir == "" {
		shotDir = t.TempDir()
	}
	saveScreenshot(t, ctx, filepath.Join(shotDir, "search.png"))

	// Open a document from a snippet that points at a paragraph.
	href := run(t, ctx, "snippet link", chromedp.Evaluate[string](
		`Array.from(document.querySelectorAll('a.snippet')).map(a => a.getAttribute('href')).find(h => h.includes('#p')) || ''`))
	if href == "" {
		t.Fatal("no snippet links to a paragraph")
	}
	load(t, ctx, "open the snippet", chromedp.Click(chromedp.CSS(`a.snippet[href="`+href+`"]`)))
	do(t, ctx, "document", chromedp.WaitVisible(chromedp.CSS(".doc-main")))
	hash := run(t, ctx, "hash", chromedp.Evaluate[string](`location.hash`))
	if !strings.HasPrefix(hash, "#p") || !strings.HasSuffix(href, hash) {
		t.Errorf("document URL fragment %q, want the snippet's %q", hash, href)
	}
	if ok := run(t, ctx, "paragraph", chromedp.Evaluate[bool](`!!document.getElementById(location.hash.slice(1))`)); !ok {
		t.Errorf("no element for %s", hash)
	}
	do(t, ctx, "marks on the document", chromedp.WaitVisible(chromedp.CSS(".fulltext mark")))

	// Copy a citation: the button says "Copied", or, without clipboard
	// access, the citation text is selected.
	do(t, ctx, "copy APA",
		chromedp.Click(chromedp.CSS(`button.copy[data-copy="cite-apa"]`)),
		chromedp.Poll[chromedp.Void](`document.querySelector('button.copy[data-copy="cite-apa"]').textContent !== 'Copy'`,
			chromedp.WithPollingTimeout(5*time.Second)),
	)
	label := run(t, ctx, "button label", chromedp.Text(chromedp.CSS(`button.copy[data-copy="cite-apa"]`)))
	t.Logf("copy button after click: %q", label)
	if label != "Copied" {
		sel := run(t, ctx, "selection", chromedp.Evaluate[string](`window.getSelection().toString()`))
		apa := run(t, ctx, "apa", chromedp.TextContent(chromedp.CSS(`#cite-apa`)))
		if sel == "" || sel != apa {
			t.Errorf("copy button says %q and the selection is %q, want Copied or the APA text selected", label, sel)
		}
	}

	// "/" focuses the search box from anywhere but a text field.
	do(t, ctx, "press /",
		chromedp.Evaluate[chromedp.Void](`document.activeElement && document.activeElement.blur()`),
		chromedp.KeyEvent("/"),
	)
	if id := run(t, ctx, "focused", chromedp.Evaluate[string](`document.activeElement ? document.activeElement.id : ''`)); id != "q" {
		t.Errorf("after pressing /, the focus is on %q, want the search box", id)
	}

	if os.Getenv("BRIEFS_UPDATE_SCREENSHOT") == "1" {
		updateDocsScreenshot(t, ctx)
	}
}

func total(t *testing.T, q search.Query) int {
	t.Helper()
	res, err := sharedIndex(t).Search(t.Context(), q)
	if err != nil {
		t.Fatal(err)
	}
	return int(res.Total)
}

func saveScreenshot(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	png := run(t, ctx, "screenshot", chromedp.FullScreenshot(100))
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// updateDocsScreenshot writes docs/screenshot.png: a search over the demo
// corpus when it can be indexed, else over the test records.
func updateDocsScreenshot(t *testing.T, ctx context.Context) {
	idx := sharedIndex(t)
	query := "/search?q=coca&country=Bolivia&country=Colombia"
	if demo, err := demoIndex(t); err == nil {
		idx = demo
		query = "/search?q=coca&size=5"
	} else {
		t.Logf("demo corpus not used: %v", err)
	}
	srv, err := NewServer(Config{Index: idx})
	if err != nil {
		t.Fatal(err)
	}
	base := startServer(t, srv)
	do(t, ctx, "open the demo search",
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(base+query),
		chromedp.WaitVisible(chromedp.CSS(".summary .count")),
		chromedp.Evaluate[chromedp.Void](`document.activeElement && document.activeElement.blur()`),
	)
	saveScreenshot(t, ctx, filepath.Join("..", "docs", "screenshot.png"))
}
