package web

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/briefs/briefs/indexer"
)

// leakMarkers must never appear in a response to a hostile request: they
// would mean a file path, a Go source position or a stack trace got out.
var leakMarkers = []string{"/work/", "/home/", "/root/", ".go:", "goroutine ", "runtime.", "panic("}

// hostileLimit is how long any hostile request may take. The search
// timeout is 5 s; everything here must be refused or answered well
// before it, so 5 s only catches a hang.
const hostileLimit = defaultSearchTimeout

// repeatJoin joins n copies of s with sep.
func repeatJoin(s, sep string, n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = s
	}
	return strings.Join(parts, sep)
}

// prefixStorm is n distinct two-letter prefix terms: "aa* ab* ac* ...".
func prefixStorm(n int) string {
	var terms []string
	for i := 0; len(terms) < n; i++ {
		terms = append(terms, fmt.Sprintf("%c%c*", 'a'+i/26%26, 'a'+i%26))
	}
	return strings.Join(terms, " ")
}

// TestHostileRequests sends what a scanner, a fuzzer or a confused client
// sends and pins the answer: a 4xx with a message saying what to change,
// or a normal 200; never a 500, never a hang, never a leaked path.
func TestHostileRequests(t *testing.T) {
	ts := newTestServer(t, Config{})
	q := url.QueryEscape
	tests := []struct {
		name   string
		path   string
		status int
		msg    string // the body contains it (HTML-escaped in pages)
	}{
		// Size.
		{"100 KB query", "/search?q=" + strings.Repeat("x", 100<<10), 400, "The query is too long (102400 bytes; the limit is 2000)"},
		{"100 KB query, API", "/api/search?q=" + strings.Repeat("x", 100<<10), 400, `"error":"The query is too long`},
		{"100 KB query, export", "/export.csv?q=" + strings.Repeat("x", 100<<10), 400, "too long"},
		{"100 KB query, feed", "/feed.atom?q=" + strings.Repeat("x", 100<<10), 400, "too long"},
		{"100 KB query on a document page is ignored", "/doc/dpb-11?q=" + strings.Repeat("x", 100<<10), 200, "Crop eradication"},
		{"10 KB filter value", "/search?q=coca&country=" + strings.Repeat("x", 10<<10), 400, "The country filter has an invalid value."},
		{"10 KB document ID", "/doc/" + strings.Repeat("x", 10<<10), 404, msgNoDocument},

		// Encoding.
		{"invalid UTF-8", "/search?q=%FF%FEcoca", 400, "The query is not valid UTF-8 text."},
		{"invalid UTF-8, API", "/api/search?q=%C3%28", 400, "not valid UTF-8"},
		{"invalid UTF-8 in a filter", "/search?q=coca&author=%FF", 400, "The author filter has an invalid value."},
		{"NUL byte between words is dropped", "/api/search?q=coca%00", 200, `"searched_for":"coca"`},
		{"NUL-only query searches everything", "/api/search?q=%00%00", 200, `"searched_for":"everything"`},
		{"NUL in a filter matches nothing", "/api/search?q=coca&country=%00", 200, `"total":0`},
		{"NUL in a document ID", "/doc/%00", 404, msgNoDocument},
		{"control characters", "/api/search?q=" + q("coca\x01\x02\x1b[31m"), 200, `"total":`},
		{"overlong UTF-8 slash", "/search?q=%C0%AF", 400, "not valid UTF-8"},

		// Term and expansion storms.
		{"300 OR terms", "/search?q=" + q(repeatJoin("w", " OR ", 300)), 400, "too many words — a query can have at most 64"},
		{"3,000 OR terms", "/search?q=" + q(repeatJoin("w", " OR ", 3000)), 400, "too long"},
		{"one-letter wildcard storm", "/search?q=" + q("a* b* c* d* e* f* g* h* i* j* k* l* m*"), 400, "a wildcard needs at least 2 letters before the *"},
		{"64 two-letter wildcards", "/api/search?q=" + q(prefixStorm(64)), 200, `"total":`},
		{"65 two-letter wildcards", "/api/search?q=" + q(prefixStorm(65)), 400, "at most 64"},
		{"64 OR-ed wildcards", "/api/search?q=" + q(strings.ReplaceAll(prefixStorm(64), " ", " OR ")), 200, `"total":`},
		{"bare star", "/search?q=*", 400, "a wildcard needs at least 2 letters"},
		{"stars only", "/search?q=" + q("* ** ***"), 400, "a wildcard needs at least 2 letters"},
		{"leading wildcard", "/search?q=" + q("*coca"), 400, "a wildcard needs at least 2 letters"},
		{"inner wildcard", "/search?q=" + q("co*ca"), 400, "wildcards are only allowed at the end of a word"},
		{"regex", "/search?q=" + q("/.*.*.*/"), 400, "a wildcard needs at least 2 letters"},
		{"regex with letters", "/api/search?q=" + q("/co.*a.*/"), 400, "wildcards are only allowed at the end of a word"},
		{"question marks", "/api/search?q=" + q("c?c? ????"), 200, `"total":`},
		{"fuzzy storm", "/api/search?q=" + q(repeatJoin("coca~2", " ", 64)), 200, `"total":`},
		{"fuzzy OR storm", "/api/search?q=" + q(repeatJoin("leaf~2 OR cocaine~2", " OR ", 32)), 200, `"total":`},
		{"huge fuzzy distance", "/api/search?q=" + q("coca~99999999999999999999"), 400, `"error":`},
		{"wildcard and fuzzy", "/search?q=" + q("coca*~2"), 400, "a word can&#39;t have both * and ~"},
		{"huge phrase slop is ignored", "/api/search?q=" + q(`"coca leaf"~99999`), 200, `"searched_for":"\"coca leaf\""`},

		// Structure.
		{"21 nested parentheses", "/search?q=" + q(strings.Repeat("(", 21)+"coca"+strings.Repeat(")", 21)), 400, "too many nested parentheses — at most 20 levels"},
		{"1,500 open parentheses", "/search?q=" + q(strings.Repeat("(", 1500)+"coca"), 400, "too many nested parentheses"},
		{"unbalanced", "/search?q=" + q("coca))"), 400, "unmatched )"},
		{"exclusions only", "/search?q=" + q("-coca -leaf"), 400, "add at least one word"},
		{"unterminated quote", "/api/search?q=" + q(`"coca`), 400, "unterminated quote"},
		{"unknown field is text", "/api/search?q=" + q("nosuchfield:coca"), 200, `"searched_for":"\"nosuchfield:coca\""`},
		{"field without value", "/search?q=" + q("author:"), 400, "author: needs a value"},
		{"year out of range", "/search?q=" + q("year:0..99999999999"), 400, "years go from 1000 to 9999"},
		{"negative year", "/search?q=" + q("year:>=-5"), 400, "takes a year or a range"},

		// Paging and sizes.
		{"negative page", "/search?q=coca&page=-1", 400, "Page must be a whole number from 1"},
		{"zero page", "/api/search?q=coca&page=0", 400, "Page must be a whole number from 1"},
		{"huge page", "/search?q=coca&page=99999999999999999999", 400, "Page must be a whole number from 1"},
		{"page beyond the result window", "/search?q=coca&page=101&size=100", 200, "Page 101 is past the end"},
		{"page as text", "/search?q=coca&page=two", 400, "Page must be a whole number"},
		{"negative size", "/api/search?q=coca&size=-5", 400, "Page size must be a whole number from 1"},
		{"huge size", "/search?q=coca&size=1000000", 400, "Page size 1000000 is too large; the limit is 100."},
		{"huge size, export", "/export.jsonl?q=coca&size=1000000", 400, "too large"},
		{"huge facet size is clamped", "/api/search?q=coca&facet_size=999999", 200, `"facet_size":200`},
		{"negative facet size", "/api/facets?q=coca&facet_size=-1", 400, "Facet size must be"},
		{"year filter overflow", "/search?q=coca&from=99999999999999999999", 400, "is not a year"},
		{"reversed years", "/search?q=coca&from=2010&to=2000", 400, "The year range is reversed"},
		{"unknown sort", "/search?q=coca&sort=" + q("_id desc"), 400, "Unknown sort order"},

		// Unknown and repeated parameters.
		{"unknown parameters are ignored", "/api/search?q=coca&nosuch=1&facet=x&fields=*", 200, `"total":7`}, // works: a translation folds into its original
		{"unknown facet value", "/search?q=coca&country=Atlantis", 200, "0 results"},
		{"repeated q: the first wins", "/api/search?q=coca&q=%FF", 200, `"q":"coca"`},
		{"repeated page: the first wins", "/api/search?q=coca&page=1&page=-1", 200, `"page":1`},
		{"51 author filters", "/search?q=coca&" + manyValues("author", 51), 400, "Too many author filters (51); the limit is 50."},
		{"repeated filter values count once", "/api/search?q=coca&" + strings.Repeat("country=Peru&", 200), 200, `"country":["Peru"]`},

		// Paths.
		{"traversal in a document ID", "/doc/..%2F..%2Fetc%2Fpasswd", 404, msgNoDocument},
		{"traversal in a document ID, API", "/api/doc/..%2F..%2Fetc%2Fpasswd", 404, `{"error":"No document has this ID"}`},
		{"dot segments after /doc/", "/doc/../../etc/passwd", 404, msgNotFound},
		{"dot segments after /static/", "/static/../go.mod", 404, msgNotFound},
		{"escaped dot segments after /static/", "/static/..%2F..%2Fgo.mod", 404, msgNotFound},
		{"encoded dots after /static/", "/static/%2e%2e%2fserver.go", 404, msgNotFound},
		{"double-encoded traversal", "/doc/%252e%252e%252fetc%252fpasswd", 404, msgNoDocument},
		{"no listing of /static/", "/static/", 404, msgNotFound},
		{"no listing of /static", "/static", 404, msgNotFound},
		{"no templates", "/templates/search.html", 404, msgNotFound},
		{"no source", "/server.go", 404, msgNotFound},
		{"no dot files", "/.git/config", 404, msgNotFound},
		{"unknown export format", "/export.exe?q=coca", 404, msgNotFound},
		{"unknown API route", "/api/../../etc/passwd", 404, `{"error":"Page not found"}`},
	}
	client := &http.Client{
		Timeout:       2 * hostileLimit,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			resp, body := getRaw(t, client, ts.URL, tt.path)
			took := time.Since(start)
			if resp.StatusCode != tt.status {
				t.Errorf("GET %.80s = %d, want %d\n%s", tt.path, resp.StatusCode, tt.status, excerpt(body))
			}
			if !strings.Contains(body, tt.msg) {
				t.Errorf("GET %.80s: body lacks %q\n%s", tt.path, tt.msg, excerpt(body))
			}
			if took > hostileLimit {
				t.Errorf("GET %.80s took %s", tt.path, took)
			}
			checkNoLeak(t, tt.path, body)
			if strings.HasPrefix(tt.path, "/api/") {
				if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
					t.Errorf("GET %.80s: Content-Type %q, want JSON", tt.path, ct)
				}
				if resp.StatusCode != http.StatusOK {
					var e apiError
					if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error == "" {
						t.Errorf("GET %.80s: error body %q is not {\"error\": ...}", tt.path, body)
					}
				}
			}
		})
	}
}

// getRaw fetches path exactly as written (escapes and dot segments kept).
func getRaw(t *testing.T, client *http.Client, base, path string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, base+"/", nil)
	if err != nil {
		t.Fatal(err)
	}
	// Opaque sends the request target verbatim: no cleaning, no re-escaping.
	req.URL.Opaque = path
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("GET %.80s: %v", path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %.80s: read body: %v", path, err)
	}
	return resp, string(b)
}

func checkNoLeak(t *testing.T, path, body string) {
	t.Helper()
	for _, m := range leakMarkers {
		if strings.Contains(body, m) {
			i := strings.Index(body, m)
			t.Errorf("GET %.80s: response leaks %q: …%s…", path, m, body[max(0, i-60):min(len(body), i+60)])
		}
	}
	if strings.ContainsRune(body, 0) {
		t.Errorf("GET %.80s: raw NUL byte in the response", path)
	}
	if strings.Contains(body, "root:x:0:0") || strings.Contains(body, "module github.com/briefs") {
		t.Errorf("GET %.80s: served a file from outside the site", path)
	}
}

// TestExpansionCapIsShown builds a corpus with more words sharing a prefix
// than a wildcard may expand to and checks that the page and the API say
// the search was cut, and that it still answers in time.
func TestExpansionCapIsShown(t *testing.T) {
	var recs []indexer.Record
	for i := range 120 {
		word := fmt.Sprintf("zorb%c%c", 'a'+i/26, 'a'+i%26)
		recs = append(recs, indexer.Record{
			ID: fmt.Sprintf("z-%03d", i), Kind: indexer.KindDocument, Title: "Note " + word,
			Language: "en", Paragraphs: []string{"The word " + word + " appears here."},
		})
	}
	ts := newTestServer(t, Config{Index: mustBuildIndex(t, recs...)})
	const note = "zorb* matches 120 words; only the 64 most frequent were searched"

	doc := ts.page(t, "/search?q=zorb*", http.StatusOK)
	if got := doc.Find(".note").Text(); !strings.Contains(got, note) {
		t.Errorf("search page notes = %q, want %q", got, note)
	}
	// Stemming folds a few words together, so a little more than 64 of
	// the 120 documents match; the point is that not all of them do.
	if n := count(t, doc); n < 64 || n >= 120 {
		t.Errorf("zorb* found %d documents, want those of the 64 searched words", n)
	}
	res := apiResults(t, ts, "q=zorb*")
	if !containsString(res.Notes, note) {
		t.Errorf("API notes = %q, want %q", res.Notes, note)
	}
	// Fuzzy expansion is capped the same way.
	res = apiResults(t, ts, "q="+url.QueryEscape("zorbaa~2"))
	found := false
	for _, n := range res.Notes {
		found = found || strings.Contains(n, "only the 64 most frequent were searched")
	}
	if !found {
		t.Errorf("fuzzy notes = %q, want the cap", res.Notes)
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestOversizedRequests: a request line or header block beyond
// maxHeaderBytes is refused with 431 before any handler runs.
func TestOversizedRequests(t *testing.T) {
	srv, err := NewServer(Config{Index: sharedIndex(t)})
	if err != nil {
		t.Fatal(err)
	}
	addr := strings.TrimPrefix(startServer(t, srv), "http://")
	tests := []struct {
		name    string
		request string
		status  string
	}{
		{"1 MB URL", "GET /search?q=" + strings.Repeat("a", 1<<20) + " HTTP/1.1\r\nHost: x\r\n\r\n", "431"},
		{"URL just over the limit", "GET /search?q=" + strings.Repeat("a", maxHeaderBytes+4096) + " HTTP/1.1\r\nHost: x\r\n\r\n", "431"},
		{"1 MB header", "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("b", 1<<20) + "\r\n\r\n", "431"},
		{"10,000 small headers", "GET / HTTP/1.1\r\nHost: x\r\n" + strings.Repeat("X-A: b\r\n", 10000) + "\r\n", "431"},
		{"a long query within the limit", "GET /search?q=" + strings.Repeat("a", 40<<10) + " HTTP/1.1\r\nHost: x\r\n\r\n", "400"},
		{"garbage", "\x00\x01\x02 / HTTP/1.1\r\n\r\n", "400"},
		{"HTTP/0.9", "GET /\r\n\r\n", "400"},
		{"CONNECT", "CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n", "404"},
		{"absolute URI to another host", "GET http://example.org/etc/passwd HTTP/1.1\r\nHost: example.org\r\n\r\n", "404"},
		{"bad Host header", "GET /doc/dpb-11 HTTP/1.1\r\nHost: <script>\r\n\r\n", "400"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn, err := net.DialTimeout("tcp", addr, time.Second)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			conn.SetDeadline(time.Now().Add(hostileLimit))
			// The server may answer and close before reading everything, so
			// a write error after the answer is fine.
			go func() { io.WriteString(conn, tt.request) }()
			line, err := bufio.NewReader(conn).ReadString('\n')
			if err != nil {
				t.Fatalf("no status line: %v", err)
			}
			if f := strings.Fields(line); len(f) < 2 || f[1] != tt.status {
				t.Errorf("status line %q, want %s", strings.TrimSpace(line), tt.status)
			}
		})
	}
}

// TestSlowClients: a client that dribbles its headers is cut off once the
// read-header timeout passes, and an idle keep-alive connection is closed
// after the idle timeout, so slow or stalled clients cannot pin
// connections.
func TestSlowClients(t *testing.T) {
	srv, err := NewServer(Config{Index: sharedIndex(t)})
	if err != nil {
		t.Fatal(err)
	}
	srv.readHeaderTimeout = 300 * time.Millisecond
	srv.idleTimeout = 300 * time.Millisecond
	addr := strings.TrimPrefix(startServer(t, srv), "http://")

	t.Run("headers byte by byte", func(t *testing.T) {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		start := time.Now()
		req := "GET /healthz HTTP/1.1\r\nHost: x\r\nUser-Agent: slowloris\r\nAccept: */*\r\n\r\n"
		// One byte every 50 ms: the headers would take 3.5 s.
		var werr error
		for i := 0; i < len(req) && werr == nil; i++ {
			_, werr = conn.Write([]byte{req[i]})
			time.Sleep(50 * time.Millisecond)
			if time.Since(start) > 3*time.Second {
				break
			}
		}
		conn.SetReadDeadline(time.Now().Add(2 * time.Second))
		b, rerr := io.ReadAll(conn)
		took := time.Since(start)
		if strings.Contains(string(b), "200 OK") {
			t.Fatalf("the slow request was served after %s", took)
		}
		var ne net.Error
		if errors.As(rerr, &ne) && ne.Timeout() {
			t.Fatalf("the connection was still open after %s", took)
		}
		if werr == nil && took > 3*time.Second {
			t.Errorf("cut off only after %s, want about %s", took, srv.readHeaderTimeout)
		}
		t.Logf("cut off after %s (write error: %v, read %q)", took.Round(time.Millisecond), werr, b)
	})

	t.Run("idle keep-alive", func(t *testing.T) {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		io.WriteString(conn, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
		br := bufio.NewReader(conn)
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("first request = %d", resp.StatusCode)
		}
		start := time.Now()
		conn.SetReadDeadline(time.Now().Add(3 * time.Second))
		_, err = br.ReadByte()
		if err != io.EOF {
			t.Fatalf("idle connection: read = %v after %s, want EOF (closed by the server)", err, time.Since(start))
		}
		if took := time.Since(start); took > 2*time.Second {
			t.Errorf("idle connection closed after %s, want about %s", took, srv.idleTimeout)
		}
	})
}

// TestPanicPageLeaksNothing: a handler that panics gives the generic 500
// page; the panic value and the stack go to the log only.
func TestPanicPageLeaksNothing(t *testing.T) {
	srv, err := NewServer(Config{Index: sharedIndex(t)})
	if err != nil {
		t.Fatal(err)
	}
	var logs syncBuffer
	srv.log = slog.New(slog.NewTextHandler(&logs, nil))
	h := srv.middleware(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		panic(fmt.Sprintf("secret at %s/web/x.go:12", "/work/main"))
	}))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/boom", nil))
	if rec.Code != http.StatusInternalServerError {
		t.Errorf("status %d, want 500", rec.Code)
	}
	body := rec.Body.String()
	if !strings.Contains(body, "Something went wrong") {
		t.Errorf("500 body lacks the apology: %q", body)
	}
	checkNoLeak(t, "/boom", body)
	if strings.Contains(body, "secret") {
		t.Errorf("500 body leaks the panic: %q", body)
	}
	if !strings.Contains(logs.String(), "secret at") {
		t.Errorf("the panic is not logged: %q", logs.String())
	}
	for k, want := range securityHeaders {
		if got := rec.Header().Get(k); got != want {
			t.Errorf("500 after panic: %s = %q", k, got)
		}
	}
}

// TestSearchDeadlineEverywhere: with a deadline that has always passed,
// every route that searches answers 503 with the "narrow it" message
// rather than running on.
func TestSearchDeadlineEverywhere(t *testing.T) {
	ts := newTestServer(t, Config{SearchTimeout: 1})
	for _, p := range []string{
		"/", "/search?q=coca", "/search?q=co*", "/doc/dpb-11", "/export.csv?q=coca", "/feed.atom?q=coca",
		"/api/search?q=coca", "/api/doc/dpb-11", "/api/facets?q=coca",
	} {
		resp, body := ts.get(t, p)
		if resp.StatusCode != http.StatusServiceUnavailable {
			t.Errorf("GET %s with an expired deadline = %d, want 503", p, resp.StatusCode)
			continue
		}
		if !strings.Contains(body, "took too long") {
			t.Errorf("GET %s: 503 without the message: %s", p, excerpt(body))
		}
		if resp.Header.Get("Retry-After") == "" {
			t.Errorf("GET %s: 503 without Retry-After", p)
		}
		checkNoLeak(t, p, body)
	}
	// The health check does not search, so it answers however slow
	// searches are.
	if resp, body := ts.get(t, "/healthz"); resp.StatusCode != http.StatusOK || !strings.Contains(body, "documents 13") {
		t.Errorf("GET /healthz with an expired search deadline = %d %q", resp.StatusCode, body)
	}
}
