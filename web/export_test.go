package web

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefs/briefs/indexer"
	"github.com/briefs/briefs/search"
)

// apiResults fetches /api/search for the same parameters, to compare the
// exports with.
func apiResults(t *testing.T, ts *testServer, params string) *search.Results {
	t.Helper()
	resp, body := ts.get(t, "/api/search?"+params)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /api/search?%s = %d %s", params, resp.StatusCode, body)
	}
	var res search.Results
	if err := json.Unmarshal([]byte(body), &res); err != nil {
		t.Fatalf("decode /api/search: %v", err)
	}
	return &res
}

// balanced reports whether the braces of a BibTeX text balance, ignoring
// escaped ones.
func balanced(s string) bool {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++ // skip the escaped character
		case '{':
			depth++
		case '}':
			depth--
			if depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

func TestExports(t *testing.T) {
	ts := newTestServer(t, Config{})
	res := apiResults(t, ts, "q=coca&size=100")
	want := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		want[i] = h.ID
	}
	if len(want) < 5 {
		t.Fatalf("q=coca: %d hits", len(want))
	}

	check := func(format, ctype string) string {
		t.Helper()
		resp, body := ts.get(t, "/export."+format+"?q=coca&size=2&page=2")
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("export %s = %d", format, resp.StatusCode)
		}
		if got := resp.Header.Get("Content-Type"); got != ctype {
			t.Errorf("export %s: Content-Type %q, want %q", format, got, ctype)
		}
		if got := resp.Header.Get("Content-Disposition"); got != `attachment; filename="briefs-coca.`+format+`"` {
			t.Errorf("export %s: Content-Disposition %q", format, got)
		}
		if resp.Header.Get("X-Briefs-Truncated") != "" {
			t.Errorf("export %s says truncated", format)
		}
		return body
	}

	// CSV: header row, one row per hit (all pages, not just page 2 of 2).
	rows, err := csv.NewReader(strings.NewReader(check("csv", "text/csv; charset=utf-8"))).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	// The columns scripts read by position: the older ones first, then
	// kind, publisher and abstract.
	csvHeader := []string{"id", "title", "authors", "date", "year", "series", "number", "countries", "language", "url", "source",
		"kind", "publisher", "abstract"}
	if !slices.Equal(rows[0], csvHeader) {
		t.Errorf("CSV header = %q", rows[0])
	}
	var ids []string
	for _, r := range rows[1:] {
		ids = append(ids, r[0])
		if r[0] == "dpb-12-en" {
			if r[2] != "Ricardo Soberón; Martin Jelsma" || r[7] != "Bolivia; Peru" || r[4] != "2005" || r[6] != "12" {
				t.Errorf("CSV row = %q", r)
			}
			if r[11] != "briefing" || r[12] != "Transnational Institute" || !strings.HasPrefix(r[13], "The coca leaf is not cocaine") {
				t.Errorf("CSV row's kind, publisher, abstract = %q", r[11:])
			}
		}
	}
	if !slices.Equal(ids, want) {
		t.Errorf("CSV ids = %v, want %v", ids, want)
	}

	// JSON Lines: one record per line, in result order.
	ids = nil
	sc := bufio.NewScanner(strings.NewReader(check("jsonl", "application/x-ndjson; charset=utf-8")))
	for sc.Scan() {
		var rec indexer.Record
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("JSON Lines line %q: %v", sc.Text(), err)
		}
		ids = append(ids, rec.ID)
	}
	if !slices.Equal(ids, want) {
		t.Errorf("JSON Lines ids = %v, want %v", ids, want)
	}

	// BibTeX: one entry per hit, braces balanced.
	bib := check("bib", "application/x-bibtex; charset=utf-8")
	entries := regexp.MustCompile(`(?m)^@(techreport|misc)\{`).FindAllString(bib, -1)
	if len(entries) != len(want) {
		t.Errorf("BibTeX has %d entries, want %d", len(entries), len(want))
	}
	if !balanced(bib) {
		t.Error("BibTeX braces do not balance")
	}

	// RIS: TY ... ER blocks, one per hit.
	ris := check("ris", "application/x-research-info-systems; charset=utf-8")
	blocks := 0
	open := false
	for _, line := range strings.Split(ris, "\r\n") {
		switch {
		case strings.HasPrefix(line, "TY  - "):
			if open {
				t.Fatal("RIS: TY inside an open record")
			}
			open, blocks = true, blocks+1
		case line == "ER  - ":
			if !open {
				t.Fatal("RIS: ER without TY")
			}
			open = false
		}
	}
	if open || blocks != len(want) {
		t.Errorf("RIS has %d records (open=%v), want %d", blocks, open, len(want))
	}
}

func TestExportTruncated(t *testing.T) {
	ts := newTestServer(t, Config{})
	ts.srv.exportLimit = 3
	resp, body := ts.get(t, "/export.bib?q=coca")
	if resp.Header.Get("X-Briefs-Truncated") != "true" {
		t.Errorf("X-Briefs-Truncated = %q", resp.Header.Get("X-Briefs-Truncated"))
	}
	if !strings.HasPrefix(body, "% briefs export truncated: the first 3 of ") {
		t.Errorf("BibTeX does not say it is truncated: %.80q", body)
	}
	if n := strings.Count(body, "\n@"); n != 3 {
		t.Errorf("%d entries, want 3", n)
	}
	resp, body = ts.get(t, "/export.csv")
	rows, _ := csv.NewReader(strings.NewReader(body)).ReadAll()
	if resp.Header.Get("X-Briefs-Truncated") != "true" || len(rows) != 4 || resp.Header.Get("X-Briefs-Total") != "10" { // works, not records
		t.Errorf("whole-corpus CSV: %d rows, truncated=%q total=%q", len(rows), resp.Header.Get("X-Briefs-Truncated"), resp.Header.Get("X-Briefs-Total"))
	}
	if resp, _ := ts.get(t, "/export.csv?q=%22open"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("export of a bad query = %d, want 400", resp.StatusCode)
	}
}

func TestFeed(t *testing.T) {
	ts := newTestServer(t, Config{})
	resp, body := ts.get(t, "/feed.atom?q=coca&sort=oldest")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/atom+xml; charset=utf-8" {
		t.Fatalf("GET /feed.atom = %d %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	var feed atomFeed
	if err := xml.Unmarshal([]byte(body), &feed); err != nil {
		t.Fatalf("Atom does not parse: %v", err)
	}
	if feed.XMLName.Space != "http://www.w3.org/2005/Atom" || feed.ID != ts.URL+"/feed.atom?q=coca" || feed.Title != "briefs: coca" {
		t.Errorf("feed head: ns %q id %q title %q", feed.XMLName.Space, feed.ID, feed.Title)
	}
	if len(feed.Entries) < 5 {
		t.Fatalf("%d entries", len(feed.Entries))
	}
	var prev time.Time
	for i, e := range feed.Entries {
		u, err := time.Parse(time.RFC3339, e.Updated)
		if err != nil {
			t.Fatalf("entry %d updated %q: %v", i, e.Updated, err)
		}
		if i > 0 && u.After(prev) {
			t.Errorf("entry %d (%s) is newer than the one before: not newest first", i, e.ID)
		}
		prev = u
		if !strings.HasPrefix(e.ID, ts.URL+"/doc/") || e.Title.Body == "" {
			t.Errorf("entry %d: id %q title %q", i, e.ID, e.Title.Body)
		}
		if e.ID == "undated-note" {
			t.Error("undated record in the feed")
		}
	}
	if feed.Updated != feed.Entries[0].Updated {
		t.Errorf("feed updated %q, want the newest entry's %q", feed.Updated, feed.Entries[0].Updated)
	}
	if feed.Entries[0].ID != ts.URL+"/doc/opinion-2010" || feed.Entries[0].Summary != nil {
		t.Errorf("first entry %q", feed.Entries[0].ID)
	}
	for _, e := range feed.Entries {
		if e.ID == ts.URL+"/doc/dpb-11" && (e.Summary == nil || !strings.HasPrefix(e.Summary.Body, "Aerial spraying")) {
			t.Errorf("summary of dpb-11 = %+v, want its abstract", e.Summary)
		}
	}
}

func TestAPI(t *testing.T) {
	ts := newTestServer(t, Config{})
	res := apiResults(t, ts, "q=coca&country=Bolivia&size=3")
	if res.Total < 3 || len(res.Hits) != 3 || res.Size != 3 || res.SearchedFor == "" {
		t.Errorf("API search: total %d, %d hits, size %d, searched %q", res.Total, len(res.Hits), res.Size, res.SearchedFor)
	}
	if len(res.Facets.Term("country").Values) == 0 || len(res.Facets.Years.Bins) == 0 {
		t.Error("API search has no facets")
	}

	tests := []struct {
		path   string
		status int
		error  string // "" for success
	}{
		{"/api/search?q=%22open", http.StatusBadRequest, "quote"},
		{"/api/search?size=1000", http.StatusBadRequest, "too large"},
		{"/api/search?page=abc", http.StatusBadRequest, "Page must be"},
		{"/api/doc/nope", http.StatusNotFound, "No document has this ID"},
		{"/api/doc/..%2F..%2Fetc%2Fpasswd", http.StatusNotFound, "No document has this ID"},
		{"/api/nope", http.StatusNotFound, "Page not found"},
		{"/api/doc/dpb-11", http.StatusOK, ""},
		{"/api/facets?kind=briefing", http.StatusOK, ""},
	}
	for _, tt := range tests {
		resp, body := ts.get(t, tt.path)
		if resp.StatusCode != tt.status {
			t.Errorf("GET %s = %d, want %d: %s", tt.path, resp.StatusCode, tt.status, body)
		}
		if ct := resp.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
			t.Errorf("GET %s: Content-Type %q", tt.path, ct)
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(body), &m); err != nil {
			t.Errorf("GET %s: not JSON: %v", tt.path, err)
			continue
		}
		msg, _ := m["error"].(string)
		if tt.error == "" && msg != "" || tt.error != "" && !strings.Contains(msg, tt.error) {
			t.Errorf("GET %s: error %q, want %q", tt.path, msg, tt.error)
		}
	}

	_, body := ts.get(t, "/api/doc/dpb-12-en")
	var doc search.Document
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Record.ID != "dpb-12-en" || doc.Prev == nil || doc.Prev.ID != "dpb-11" || len(doc.Translations) != 1 {
		t.Errorf("API doc = %+v", doc)
	}
	_, body = ts.get(t, "/api/facets?kind=briefing")
	var f search.Facets
	if err := json.Unmarshal([]byte(body), &f); err != nil {
		t.Fatal(err)
	}
	if f.Term("kind").Field == "" || len(f.Term("country").Values) == 0 {
		t.Errorf("API facets = %+v", f)
	}
}
