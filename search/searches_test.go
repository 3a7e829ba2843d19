package search

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/briefs/briefs/indexer"
)

// corpusDir is the demo corpus the data-driven suite runs against.
const corpusDir = "../testdata/corpus"

var (
	corpusOnce sync.Once
	corpusIdx  *Index
	corpusPath string
	corpusErr  error
)

// corpusIndex ingests testdata/corpus with indexer.Walk, once per test
// binary.
func corpusIndex(t testing.TB) *Index {
	t.Helper()
	corpusOnce.Do(func() {
		corpusPath, corpusErr = mkdirTemp()
		if corpusErr != nil {
			return
		}
		b, err := NewBuilder(corpusPath, BuildOptions{Root: corpusDir})
		if err != nil {
			corpusErr = err
			return
		}
		defer b.Abort()
		rep, err := indexer.Walk(context.Background(), os.DirFS(corpusDir), indexer.Options{}, nil, b.Add)
		if err != nil {
			corpusErr = fmt.Errorf("walk %s: %w", corpusDir, err)
			return
		}
		if len(rep.Skipped) > 0 {
			corpusErr = fmt.Errorf("walk %s skipped files: %v", corpusDir, rep.Skipped)
			return
		}
		if _, err := b.Commit(); err != nil {
			corpusErr = err
			return
		}
		corpusIdx, corpusErr = Open(corpusPath)
	})
	if corpusErr != nil {
		t.Fatalf("build corpus index: %v", corpusErr)
	}
	return corpusIdx
}

// searchCase is one entry of testdata/searches.json.
type searchCase struct {
	Name  string `json:"name"`
	Query Query  `json:"query"` // text in "q", filters, sort, paging
	// WantIDs is the complete set of hits, in any order; WantTop the first
	// hits in this order. WantTotal is checked when not -1 (default: the
	// length of WantIDs when given).
	WantIDs    []string `json:"want_ids"`
	WantTop    []string `json:"want_top"`
	WantAbsent []string `json:"want_absent"` // IDs that must not be among the hits
	WantTotal  *int     `json:"want_total"`
	// WantFacets: facet -> value -> count, for the values listed (a count of
	// 0 also asserts the value is not listed, unless selected). Facet "year"
	// takes years and "no_date".
	WantFacets map[string]map[string]int `json:"want_facets"`
	// WantError is a substring of the error Search must return.
	WantError string `json:"want_error"`
	// WantNote and WantSuggestion check Results.Notes and Suggestion.
	WantNote       string  `json:"want_note"`
	WantSuggestion *string `json:"want_suggestion"`
	// WantSnippet is a substring of the first hit's first snippet.
	WantSnippet string `json:"want_snippet"`
}

func TestSearches(t *testing.T) {
	data, err := os.ReadFile("testdata/searches.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []searchCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatalf("testdata/searches.json: %v", err)
	}
	idx := corpusIndex(t)
	work := worksOf(allRecords(t, acquired(t, idx)))
	names := map[string]bool{}
	for _, tc := range cases {
		if names[tc.Name] {
			t.Errorf("duplicate case name %q", tc.Name)
		}
		names[tc.Name] = true
		t.Run(tc.Name, func(t *testing.T) {
			q := tc.Query
			if q.Size == 0 {
				q.Size = MaxSize // see every hit
			}
			res, err := idx.Search(context.Background(), q)
			if tc.WantError != "" {
				if err == nil || !strings.Contains(err.Error(), tc.WantError) {
					t.Fatalf("Search(%+v) error = %v, want one containing %q", q, err, tc.WantError)
				}
				if verr := q.Validate(); verr == nil || verr.Error() != err.Error() {
					t.Errorf("Validate() = %v, want the same error as Search", verr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Search(%+v): %v", q, err)
			}
			checkSearch(t, tc, res)
			checkOneHitPerWork(t, work, res)
		})
	}
}

func checkSearch(t *testing.T, tc searchCase, res *Results) {
	t.Helper()
	got := ids(res)
	show := func() string {
		var b strings.Builder
		for _, h := range res.Hits {
			fmt.Fprintf(&b, "\n  %-45s %.3f %s", h.ID, h.Score, h.Title)
		}
		return fmt.Sprintf("searched for %q, %d hits:%s", res.SearchedFor, res.Total, b.String())
	}
	if tc.WantIDs != nil {
		sorted := slices.Clone(got)
		slices.Sort(sorted)
		want := slices.Clone(tc.WantIDs)
		slices.Sort(want)
		if !slices.Equal(sorted, want) {
			t.Errorf("hits = %v\nwant %v\n%s", sorted, want, show())
		}
	}
	if len(tc.WantTop) > 0 && (len(got) < len(tc.WantTop) || !slices.Equal(got[:len(tc.WantTop)], tc.WantTop)) {
		t.Errorf("top hits = %v, want %v first\n%s", got, tc.WantTop, show())
	}
	for _, id := range tc.WantAbsent {
		if slices.Contains(got, id) {
			t.Errorf("hits include %s, which must be absent\n%s", id, show())
		}
	}
	wantTotal := -1
	switch {
	case tc.WantTotal != nil:
		wantTotal = *tc.WantTotal
	case tc.WantIDs != nil:
		wantTotal = len(tc.WantIDs)
	}
	if wantTotal >= 0 && res.Total != uint64(wantTotal) {
		t.Errorf("total = %d, want %d\n%s", res.Total, wantTotal, show())
	}
	for facet, want := range tc.WantFacets {
		counts, ok := facetCounts(res.Facets, facet)
		if !ok {
			t.Errorf("unknown facet %q in the case", facet)
			continue
		}
		for value, n := range want {
			if got, listed := counts[value]; got != n || (n > 0 && !listed) {
				t.Errorf("facet %s: %s = %d (listed %v), want %d; all: %v", facet, value, got, listed, n, counts)
			}
		}
	}
	if tc.WantNote != "" && !slices.ContainsFunc(res.Notes, func(n string) bool { return strings.Contains(n, tc.WantNote) }) {
		t.Errorf("notes = %q, want one containing %q", res.Notes, tc.WantNote)
	}
	if tc.WantSuggestion != nil && res.Suggestion != *tc.WantSuggestion {
		t.Errorf("suggestion = %q, want %q", res.Suggestion, *tc.WantSuggestion)
	}
	if tc.WantSnippet != "" {
		if len(res.Hits) == 0 || len(res.Hits[0].Snippets) == 0 {
			t.Errorf("no snippet, want one containing %q", tc.WantSnippet)
		} else if s := string(res.Hits[0].Snippets[0].HTML); !strings.Contains(s, tc.WantSnippet) {
			t.Errorf("snippet = %q, want it to contain %q", s, tc.WantSnippet)
		}
	}
}

// facetCounts maps a facet's values to counts ("year" also has "no_date").
func facetCounts(f Facets, name string) (map[string]int, bool) {
	out := map[string]int{}
	var tf TermFacet
	switch name {
	case "year":
		for _, b := range f.Years.Bins {
			out[strconv.Itoa(b.Year)] = b.Count
		}
		out["no_date"] = f.Years.NoDate
		return out, true
	default:
		var ok bool
		if tf, ok = f.Terms[name]; !ok {
			return nil, false
		}
	}
	for _, v := range tf.Values {
		out[v.Value] = v.Count
	}
	return out, true
}

// checkOneHitPerWork fails when two hits of a result are versions of one
// work (work maps record IDs to works, as worksOf does).
func checkOneHitPerWork(t *testing.T, work map[string]string, res *Results) {
	t.Helper()
	seen := map[string]string{}
	for _, h := range res.Hits {
		if other, dup := seen[work[h.ID]]; dup {
			t.Errorf("%s and %s are versions of one work, both hits of %q", other, h.ID, res.SearchedFor)
		}
		seen[work[h.ID]] = h.ID
	}
}

// TestReadmeQueriesOneHitPerWork runs every example query of the README's
// query-language table over the demo corpus: none returns two versions
// of one work.
func TestReadmeQueriesOneHitPerWork(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(data), "## The query language")
	if !ok {
		t.Fatal("README.md has no query-language section")
	}
	table, _, _ = strings.Cut(table, "\n## ")
	var queries []string
	for _, line := range strings.Split(table, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 3 || !strings.Contains(cells[1], "`") {
			continue
		}
		parts := strings.Split(cells[1], "`")
		for i := 1; i < len(parts); i += 2 {
			queries = append(queries, parts[i])
		}
	}
	queries = append(queries, "coca", "coca eradication", "cannabis", "opium", "harm reduction")
	if len(queries) < 20 {
		t.Fatalf("found only %d queries in README.md: %q", len(queries), queries)
	}
	idx := corpusIndex(t)
	work := worksOf(allRecords(t, acquired(t, idx)))
	for _, q := range queries {
		res, err := idx.Search(context.Background(), Query{Text: q, Size: MaxSize})
		if err != nil {
			t.Errorf("Search(%q): %v", q, err)
			continue
		}
		checkOneHitPerWork(t, work, res)
	}
}
