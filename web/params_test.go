package web

import (
	"errors"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/briefs/briefs/search"
)

func TestParseQuery(t *testing.T) {
	tests := []struct {
		name    string
		raw     string
		want    search.Query
		wantErr string // substring of the user-facing message; "" = no error
	}{
		{name: "empty", raw: "", want: search.Query{}},
		{name: "text trimmed", raw: "q=+coca+leaf+", want: search.Query{Text: "coca leaf"}},
		{name: "first q wins", raw: "q=coca&q=heroin", want: search.Query{Text: "coca"}},
		{name: "unknown params ignored", raw: "q=coca&utm_source=x&foo=bar", want: search.Query{Text: "coca"}},
		{
			name: "filters sorted, deduplicated, trimmed",
			raw:  "country=Peru&country=Bolivia&country=+Peru+&country=&author=Martin+Jelsma&kind=briefing&language=es&series=Drug+Policy+Briefing",
			want: search.Query{Filters: map[string][]string{
				"country": {"Bolivia", "Peru"}, "author": {"Martin Jelsma"},
				"kind": {"briefing"}, "language": {"es"}, "series": {"Drug Policy Briefing"},
			}},
		},
		{name: "years", raw: "from=1998&to=2005", want: search.Query{YearFrom: 1998, YearTo: 2005}},
		{name: "same year", raw: "from=2005&to=2005", want: search.Query{YearFrom: 2005, YearTo: 2005}},
		{name: "open year range", raw: "to=2005", want: search.Query{YearTo: 2005}},
		{name: "empty years ignored", raw: "from=&to=", want: search.Query{}},
		{name: "year not a number", raw: "from=abc", wantErr: `"abc" is not a year`},
		{name: "year five digits", raw: "to=20055", wantErr: "is not a year"},
		{name: "year reversed", raw: "from=2010&to=2005", wantErr: "from 2010 is after to 2005"},
		{name: "sort newest", raw: "sort=newest", want: search.Query{Sort: search.SortNewest}},
		{name: "sort number", raw: "sort=number", want: search.Query{Sort: search.SortNumber}},
		{name: "sort relevance is the default", raw: "sort=relevance", want: search.Query{}},
		{name: "sort first wins", raw: "sort=oldest&sort=bogus", want: search.Query{Sort: search.SortOldest}},
		{name: "sort unknown", raw: "sort=random", wantErr: `Unknown sort order "random"`},
		{name: "page", raw: "q=x&page=3", want: search.Query{Text: "x", Page: 3}},
		{name: "page 1 is the default", raw: "page=1", want: search.Query{}},
		{name: "page zero", raw: "page=0", wantErr: "Page must be a whole number from 1"},
		{name: "page negative", raw: "page=-2", wantErr: "Page must be"},
		{name: "page not a number", raw: "page=two", wantErr: "Page must be"},
		{name: "page beyond window", raw: "page=1001", wantErr: "beyond the first 10000 results"},
		{name: "last page in window", raw: "page=100&size=100", want: search.Query{Page: 100, Size: 100}},
		{name: "size", raw: "size=25", want: search.Query{Size: 25}},
		{name: "size default", raw: "size=10", want: search.Query{}},
		{name: "size at cap", raw: "size=100", want: search.Query{Size: 100}},
		{name: "size over cap", raw: "size=101", wantErr: "Page size 101 is too large; the limit is 100"},
		{name: "facet size", raw: "facet_size=50", want: search.Query{FacetSize: 50}},
		{name: "facet size clamped", raw: "facet_size=100000", want: search.Query{FacetSize: search.MaxFacetSize}},
		{name: "facet size bad", raw: "facet_size=-1", wantErr: "Facet size must be"},
		{name: "query too long", raw: "q=" + strings.Repeat("a", search.MaxQueryLength+1), wantErr: "The query is too long"},
		{name: "query at the limit", raw: "q=" + strings.Repeat("a", search.MaxQueryLength), want: search.Query{Text: strings.Repeat("a", search.MaxQueryLength)}},
		{name: "syntax error from the search parser", raw: "q=%22unterminated", wantErr: "quote"},
		{name: "too many filter values", raw: manyValues("country", maxFilterValues+1), wantErr: "Too many country filters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := url.ParseQuery(tt.raw)
			if err != nil {
				t.Fatal(err)
			}
			got, err := parseQuery(v)
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("parseQuery(%q) = %+v, want error containing %q", tt.raw, got, tt.wantErr)
				}
				e := asError(err)
				if e.Status != http.StatusBadRequest || !strings.Contains(e.Message, tt.wantErr) {
					t.Fatalf("parseQuery(%q) error = %d %q, want 400 containing %q", tt.raw, e.Status, e.Message, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("parseQuery(%q) error: %v", tt.raw, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("parseQuery(%q) =\n %+v\nwant\n %+v", tt.raw, got, tt.want)
			}
		})
	}
}

func manyValues(key string, n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = key + "=v" + strings.Repeat("x", i)
	}
	return strings.Join(parts, "&")
}

// TestSyntaxErrorIsTyped checks that the parser's own error type comes
// through, so the page can show its position.
func TestSyntaxErrorIsTyped(t *testing.T) {
	_, err := parseQuery(url.Values{"q": {"(coca"}})
	var se *search.SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("parseQuery(%q) error = %v (%T), want *search.SyntaxError", "(coca", err, err)
	}
}

func TestURLRoundTrip(t *testing.T) {
	queries := []search.Query{
		{},
		{Text: "coca"},
		{Text: `"harm reduction" OR coca & leaf?`},
		{Text: "café", Filters: map[string][]string{"country": {"Bolivia", "Perú"}, "kind": {"briefing"}}},
		{Filters: map[string][]string{"author": {"Martin Jelsma", "Tom Blickman"}, "series": {"Drug Policy Briefing"}, "language": {"en", "es"}}},
		{Text: "x", YearFrom: 1998, YearTo: 2005, Sort: search.SortOldest, Page: 3, Size: 25, FacetSize: 50},
		{YearTo: 2001, Sort: search.SortNumber},
	}
	for _, q := range queries {
		u := searchURL(q)
		parsed, err := url.Parse(u)
		if err != nil {
			t.Fatalf("searchURL(%+v) = %q: %v", q, u, err)
		}
		got, err := parseQuery(parsed.Query())
		if err != nil {
			t.Fatalf("parseQuery(searchURL(%+v)) error: %v", q, err)
		}
		if !reflect.DeepEqual(got, q) {
			t.Errorf("parseQuery(searchURL(q)) = %+v, want %+v (url %s)", got, q, u)
		}
		if again := searchURL(got); again != u {
			t.Errorf("searchURL not stable: %q then %q", u, again)
		}
	}
}

func TestURLBuilders(t *testing.T) {
	q := search.Query{Text: "coca leaf", Filters: map[string][]string{"country": {"Peru"}}, Page: 3, Sort: search.SortNewest}
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"search canonical order", searchURL(search.Query{
			Filters: map[string][]string{"kind": {"paper", "briefing"}, "country": {"Peru", "Bolivia"}, "author": {"B", "A"}},
			Text:    "a", YearTo: 2005, YearFrom: 2000, Size: 20, Page: 2, Sort: search.SortOldest, FacetSize: 50,
		}), "/search?q=a&author=A&author=B&country=Bolivia&country=Peru&kind=briefing&kind=paper&from=2000&to=2005&sort=oldest&page=2&size=20&facet_size=50"},
		{"empty search", searchURL(search.Query{}), "/search"},
		{"toggle adds and resets page", facetToggleURL(q, paramCountry, "Bolivia"),
			"/search?q=coca+leaf&country=Bolivia&country=Peru&sort=newest"},
		{"toggle removes", facetToggleURL(q, paramCountry, "Peru"), "/search?q=coca+leaf&sort=newest"},
		{"toggle other field", facetToggleURL(q, paramLanguage, "es"),
			"/search?q=coca+leaf&country=Peru&language=es&sort=newest"},
		{"remove filter", removeFilterURL(q, paramCountry, "Peru"), "/search?q=coca+leaf&sort=newest"},
		{"remove years", removeFilterURL(search.Query{Text: "x", YearFrom: 1, YearTo: 2}, "year", ""), "/search?q=x"},
		{"remove text", removeFilterURL(q, paramQ, ""), "/search?country=Peru&sort=newest"},
		{"page", pageURL(q, 4), "/search?q=coca+leaf&country=Peru&sort=newest&page=4"},
		{"page 1 has no param", pageURL(q, 1), "/search?q=coca+leaf&country=Peru&sort=newest"},
		{"sort resets page", sortURL(q, search.SortOldest), "/search?q=coca+leaf&country=Peru&sort=oldest"},
		{"sort relevance has no param", sortURL(q, search.SortRelevance), "/search?q=coca+leaf&country=Peru"},
		{"year", yearURL(q, 2005), "/search?q=coca+leaf&country=Peru&from=2005&to=2005&sort=newest"},
		{"doc with query", docURL("tni-2005-coca", q), "/doc/tni-2005-coca?q=coca+leaf"},
		{"doc without query", docURL("a", search.Query{}), "/doc/a"},
		{"doc id escaped", docURL("../x y/z", search.Query{}), "/doc/..%2Fx%20y%2Fz"},
		{"export drops paging", exportURL(q, "csv"), "/export.csv?q=coca+leaf&country=Peru&sort=newest"},
		{"feed drops sort", feedURL(q), "/feed.atom?q=coca+leaf&country=Peru"},
		{"respell", respellURL(q, "coca leaves"), "/search?q=coca+leaves&country=Peru&sort=newest"},
		{"facet size capped", facetSizeURL(search.Query{}, 1000), "/search?facet_size=200"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
	// Builders never modify the query they are given.
	if len(q.Filters["country"]) != 1 || q.Page != 3 {
		t.Errorf("builders changed their input: %+v", q)
	}
}
