package web

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/briefs/briefs/indexer"
	"github.com/briefs/briefs/search"
)

// mustBuildIndex builds recs into a fresh index under t.TempDir() and
// opens it; the index is closed when the test ends.
func mustBuildIndex(t testing.TB, recs ...indexer.Record) *search.Index {
	t.Helper()
	idx, err := buildIndex(t.TempDir(), recs)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	return idx
}

func buildIndex(dir string, recs []indexer.Record) (*search.Index, error) {
	b, err := search.NewBuilder(dir, search.BuildOptions{Rebuild: true})
	if err != nil {
		return nil, err
	}
	defer b.Abort()
	for _, rec := range recs {
		if err := b.Add(rec); err != nil {
			return nil, fmt.Errorf("add %s: %w", rec.ID, err)
		}
	}
	if _, err := b.Commit(); err != nil {
		return nil, err
	}
	return search.Open(dir)
}

// shared is one index over testRecords for the whole package: building it
// once keeps the suite fast. Tests only read it; TestMain removes it.
var shared struct {
	once sync.Once
	dir  string
	idx  *search.Index
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.idx != nil {
		shared.idx.Close()
	}
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

func sharedIndex(t *testing.T) *search.Index {
	t.Helper()
	shared.once.Do(func() {
		if shared.dir, shared.err = os.MkdirTemp("", "briefs-web-test-"); shared.err != nil {
			return
		}
		shared.idx, shared.err = buildIndex(shared.dir, testRecords())
	})
	if shared.err != nil {
		t.Fatalf("build the shared index: %v", shared.err)
	}
	return shared.idx
}

// testServer serves the shared index on loopback. logs collects the log.
type testServer struct {
	*httptest.Server
	srv  *Server
	logs *syncBuffer
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func newTestServer(t *testing.T, cfg Config) *testServer {
	t.Helper()
	if cfg.Index == nil {
		cfg.Index = sharedIndex(t)
	}
	logs := &syncBuffer{}
	cfg.Log = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	srv, err := NewServer(cfg)
	if err != nil {
		t.Fatalf("NewServer: %v", err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return &testServer{Server: ts, srv: srv, logs: logs}
}

// get fetches path and returns the response with its body read.
func (ts *testServer) get(t *testing.T, path string) (*http.Response, string) {
	t.Helper()
	return ts.do(t, http.MethodGet, path)
}

func (ts *testServer) do(t *testing.T, method, path string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Keep escaped paths such as %2F exactly as written.
	if i := strings.IndexByte(path, '?'); i >= 0 {
		req.URL.RawPath = path[:i]
	} else {
		req.URL.RawPath = path
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: read body: %v", method, path, err)
	}
	return resp, string(body)
}

// page fetches path, checks the status and parses the HTML.
func (ts *testServer) page(t *testing.T, path string, wantStatus int) *goquery.Document {
	t.Helper()
	resp, body := ts.get(t, path)
	if resp.StatusCode != wantStatus {
		t.Fatalf("GET %s: status %d, want %d\n%s", path, resp.StatusCode, wantStatus, excerpt(body))
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("GET %s: Content-Type %q", path, ct)
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		t.Fatalf("GET %s: parse HTML: %v", path, err)
	}
	return doc
}

func excerpt(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "…"
	}
	return s
}

func TestNewServerNeedsIndex(t *testing.T) {
	if _, err := NewServer(Config{}); err == nil {
		t.Error("NewServer(Config{}) succeeded without an index")
	}
}

func TestHealthz(t *testing.T) {
	ts := newTestServer(t, Config{})
	resp, body := ts.get(t, "/healthz")
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(body, "ok\n") {
		t.Fatalf("GET /healthz = %d %q, want 200 ok", resp.StatusCode, body)
	}
	if want := "documents 13"; !strings.Contains(body, want) {
		t.Errorf("GET /healthz = %q, want it to contain %q", body, want)
	}
}

func TestRequestLog(t *testing.T) {
	ts := newTestServer(t, Config{})
	ts.get(t, "/search?q=coca")
	ts.get(t, "/nope")
	logs := ts.logs.String()
	for _, want := range []string{"method=GET path=/search status=200 duration=", "path=/nope status=404"} {
		if !strings.Contains(logs, want) {
			t.Errorf("log lacks %q:\n%s", want, logs)
		}
	}
}

func TestMethodsAndUnknownRoutes(t *testing.T) {
	ts := newTestServer(t, Config{})
	tests := []struct {
		method, path string
		status       int
	}{
		{http.MethodPost, "/search?q=coca", http.StatusMethodNotAllowed},
		{http.MethodDelete, "/doc/dpb-11", http.StatusMethodNotAllowed},
		{http.MethodPost, "/api/search", http.StatusMethodNotAllowed},
		{http.MethodGet, "/nope", http.StatusNotFound},
		{http.MethodGet, "/doc/", http.StatusNotFound},
		{http.MethodGet, "/static/", http.StatusNotFound},
		{http.MethodGet, "/export.pdf", http.StatusNotFound},
		{http.MethodHead, "/search?q=coca", http.StatusOK},
		{http.MethodHead, "/", http.StatusOK},
	}
	for _, tt := range tests {
		resp, body := ts.do(t, tt.method, tt.path)
		if resp.StatusCode != tt.status {
			t.Errorf("%s %s = %d, want %d", tt.method, tt.path, resp.StatusCode, tt.status)
		}
		if tt.method == http.MethodHead && body != "" {
			t.Errorf("HEAD %s has a body of %d bytes", tt.path, len(body))
		}
		if tt.status == http.StatusMethodNotAllowed && resp.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s %s: Allow = %q", tt.method, tt.path, resp.Header.Get("Allow"))
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	ts := newTestServer(t, Config{})
	css, _ := ts.srv.assets.url("style.css")
	paths := []string{
		"/", "/search?q=coca", "/search?q=%22open", "/doc/dpb-11", "/doc/nope", "/nope",
		css, "/static/nope.js", "/api/search?q=coca", "/api/doc/nope", "/api/search?page=0",
		"/export.csv?q=coca", "/feed.atom?q=coca", "/healthz",
	}
	for _, p := range paths {
		resp, _ := ts.get(t, p)
		for k, want := range securityHeaders {
			if got := resp.Header.Get(k); got != want {
				t.Errorf("GET %s: %s = %q, want %q", p, k, got, want)
			}
		}
	}
	csp := securityHeaders["Content-Security-Policy"]
	if strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("CSP %q must allow only same-origin scripts", csp)
	}
}

func TestStatic(t *testing.T) {
	ts := newTestServer(t, Config{})
	css, err := ts.srv.assets.url("style.css")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(css, "/static/style.css?v=") || len(css) < len("/static/style.css?v=")+8 {
		t.Fatalf("static URL %q has no content hash", css)
	}
	resp, body := ts.get(t, css)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "--accent") {
		t.Fatalf("GET %s = %d", css, resp.StatusCode)
	}
	if cc := resp.Header.Get("Cache-Control"); !strings.Contains(cc, "max-age=31536000") {
		t.Errorf("GET %s: Cache-Control %q, want a year", css, cc)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/css") {
		t.Errorf("GET %s: Content-Type %q", css, ct)
	}
	resp, _ = ts.get(t, "/static/style.css?v=old")
	if cc := resp.Header.Get("Cache-Control"); cc != "no-cache" {
		t.Errorf("stale hash: Cache-Control %q, want no-cache", cc)
	}
	resp, body = ts.get(t, "/static/app.js")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "clipboard") {
		t.Errorf("GET /static/app.js = %d", resp.StatusCode)
	}
	for _, p := range []string{"/static/nope.css", "/static/..%2Fserver.go", "/static/../server.go", "/static/%2e%2e/render.go"} {
		if resp, _ := ts.get(t, p); resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", p, resp.StatusCode)
		}
	}
	// Pages link the hashed URLs.
	doc := ts.page(t, "/", http.StatusOK)
	if href, _ := doc.Find(`link[rel=stylesheet]`).Attr("href"); href != css {
		t.Errorf("stylesheet link %q, want %q", href, css)
	}
}

func TestInternalErrorPage(t *testing.T) {
	idx := mustBuildIndex(t, testRecords()[:2]...)
	ts := newTestServer(t, Config{Index: idx})
	idx.Close() // every search now fails with an error that is not the user's
	resp, body := ts.get(t, "/search?q=coca")
	if resp.StatusCode != http.StatusInternalServerError {
		t.Fatalf("GET /search on a closed index = %d, want 500", resp.StatusCode)
	}
	if !strings.Contains(body, "Something went wrong on our side") {
		t.Errorf("500 page lacks the apology:\n%s", excerpt(body))
	}
	if strings.Contains(body, "closed") || strings.Contains(body, ".go") {
		t.Errorf("500 page leaks the cause:\n%s", excerpt(body))
	}
	resp, body = ts.get(t, "/api/search?q=coca")
	if resp.StatusCode != http.StatusInternalServerError || strings.TrimSpace(body) != `{"error":"internal error"}` {
		t.Errorf("GET /api/search on a closed index = %d %s", resp.StatusCode, body)
	}
	if logs := ts.logs.String(); !strings.Contains(logs, "level=ERROR") || !strings.Contains(logs, "closed") {
		t.Errorf("the cause is not logged:\n%s", logs)
	}
}

func TestSearchTimeout(t *testing.T) {
	// A timeout of one nanosecond expires before any search can finish.
	ts := newTestServer(t, Config{SearchTimeout: 1})
	resp, body := ts.get(t, "/search?q=coca")
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "took too long") {
		t.Errorf("GET /search with an expired timeout = %d\n%s", resp.StatusCode, excerpt(body))
	}
	resp, body = ts.get(t, "/api/search?q=coca")
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, `"error"`) {
		t.Errorf("GET /api/search with an expired timeout = %d %s", resp.StatusCode, body)
	}
}

func TestServeShutsDown(t *testing.T) {
	srv, err := NewServer(Config{Index: sharedIndex(t)})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET /healthz = %d", resp.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Serve after cancel = %v, want nil", err)
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/healthz"); err == nil {
		t.Error("the server still answers after shutdown")
	}
}
