package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/briefs/briefs/fields"
	"github.com/briefs/briefs/search"
)

func runSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var q search.Query
	filters := map[string]*listFlag{}
	fs := newFlagSet("search", stderr, "briefs search [flags] QUERY...",
		`Search the index and print the best hits: title, authors, year, series and
number, countries and source path, with highlighted passages. With up to three
words the documents holding every word come first (the count of hits), then,
for two or three words, those holding some of them; longer questions rank
documents with most of their words first. See the README for the query language ("phrases", OR, -exclude,
field:value, year:1998..2005, prefix*, fuzzy~). Filters may repeat: values of
one filter are ORed, different filters are ANDed.`,
		`briefs search coca`,
		`briefs search --country Peru --country Bolivia --from 2000 --facets "forced eradication"`,
		`briefs search --json 'author:quispe coca' | jq '.hits[].title'`)
	fs.StringVar(&q.Sort, "sort", search.SortRelevance, "relevance, newest, oldest or number")
	fs.IntVar(&q.Page, "page", 1, "page of results")
	fs.IntVar(&q.Size, "size", search.DefaultSize, fmt.Sprintf("hits per page (at most %d)", search.MaxSize))
	fs.IntVar(&q.YearFrom, "from", 0, "only documents from this year on")
	fs.IntVar(&q.YearTo, "to", 0, "only documents up to this year")
	// One repeatable flag per term facet of the table of fields:
	// --author, --series, --country, --language, --kind, --publisher, ...
	for _, f := range fields.Terms() {
		filters[f.Name] = new(listFlag)
		fs.Var(filters[f.Name], f.Name, fmt.Sprintf("filter by %s, e.g. %s (repeatable)", strings.ToLower(f.Facet), f.Example))
	}
	fs.IntVar(&q.FacetSize, "facet-size", search.DefaultFacetSize, "values shown per facet")
	showFacets := fs.Bool("facets", false, "print the facet counts ("+strings.Join(facetNames(), ", ")+")")
	asJSON := fs.Bool("json", false, "print the results as JSON (the structure of the web API's /api/search)")
	indexDir := fs.String("index", defaultIndexDir(), "index directory ($BRIEFS_INDEX)")
	timeout := fs.Duration("timeout", 10*time.Second, "give up after this long")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	q.Text = strings.Join(fs.Args(), " ")
	for name, vals := range filters {
		if len(*vals) > 0 {
			q = q.WithFilter(name, *vals...)
		}
	}
	if err := q.Validate(); err != nil {
		return usageError{fmt.Sprintf("search: %v", err)}
	}

	ix, err := search.Open(*indexDir)
	if err != nil {
		return err
	}
	defer ix.Close()
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	res, err := ix.Search(ctx, q)
	if err != nil {
		var se *search.SyntaxError
		if errors.As(err, &se) {
			return usageError{fmt.Sprintf("search: %v", err)}
		}
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	printResults(stdout, res, *showFacets)
	return nil
}

// markTags finds the <mark> tags and entities of snippet HTML, which the
// terminal shows as plain text with the match in [brackets].
var markTags = regexp.MustCompile(`</?mark>`)

func plain(html string) string {
	s := markTags.ReplaceAllStringFunc(html, func(tag string) string {
		if tag == "<mark>" {
			return "["
		}
		return "]"
	})
	r := strings.NewReplacer("&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'", "&quot;", `"`, "&amp;", "&")
	return r.Replace(s)
}

func printResults(w io.Writer, res *search.Results, facets bool) {
	fmt.Fprintf(w, "searched for: %s\n", res.SearchedFor)
	fmt.Fprintf(w, "%d hits in %s (page %d of %d)\n", res.Total, res.Took.Round(time.Microsecond), res.Page, res.Pages)
	for _, n := range res.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
	if res.Suggestion != "" {
		fmt.Fprintf(w, "did you mean: %s\n", res.Suggestion)
	}
	for i, h := range res.Hits {
		if h.Partial && (i == 0 || !res.Hits[i-1].Partial) {
			fmt.Fprintf(w, "\n%d more documents match some of the words:\n", res.More)
		}
		fmt.Fprintf(w, "\n%2d. %s\n", (res.Page-1)*res.Size+i+1, h.Title)
		var meta []string
		if len(h.Authors) > 0 {
			meta = append(meta, strings.Join(h.Authors, ", "))
		}
		if h.Date != "" {
			meta = append(meta, h.Date)
		}
		if h.Series != "" {
			s := h.Series
			if h.Number > 0 {
				s = fmt.Sprintf("%s %d", s, h.Number)
			}
			meta = append(meta, s)
		}
		if len(h.Countries) > 0 {
			meta = append(meta, strings.Join(h.Countries, ", "))
		}
		if h.Language != "" {
			meta = append(meta, h.Language)
		}
		fmt.Fprintf(w, "    %s\n", strings.Join(meta, " · "))
		fmt.Fprintf(w, "    %s  [%s, id %s]\n", h.Source, h.Kind, h.ID)
		if len(h.Versions) > 0 {
			// The other versions of the work: translations, copies and
			// the listing entries naming it (one hit per work).
			var ids []string
			for _, v := range h.Versions {
				ids = append(ids, v.ID)
			}
			fmt.Fprintf(w, "    also: %s\n", strings.Join(ids, ", "))
		}
		for _, s := range h.Snippets {
			loc := fmt.Sprintf("¶%d", s.Paragraph)
			if s.Page > 0 {
				loc = fmt.Sprintf("p. %d", s.Page)
			}
			fmt.Fprintf(w, "    %-6s %s\n", loc, plain(string(s.HTML)))
		}
	}
	if facets {
		printFacets(w, res.Facets)
	}
}

// facetNames lists the facets of the table of fields, the year first.
func facetNames() []string {
	names := []string{"year"}
	for _, f := range fields.Terms() {
		names = append(names, f.Name)
	}
	return names
}

func printFacets(w io.Writer, f search.Facets) {
	fmt.Fprintln(w, "\nfacets:")
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	var years []string
	for _, b := range f.Years.Bins {
		if b.Count > 0 {
			years = append(years, fmt.Sprintf("%d:%d", b.Year, b.Count))
		}
	}
	if f.Years.NoDate > 0 {
		years = append(years, fmt.Sprintf("no date:%d", f.Years.NoDate))
	}
	fmt.Fprintf(tw, "  year\t%s\n", strings.Join(years, " "))
	for _, fd := range fields.Terms() {
		tf := struct {
			name string
			f    search.TermFacet
		}{fd.Name, f.Term(fd.Name)}
		var vals []string
		for _, v := range tf.f.Values {
			mark := ""
			if v.Selected {
				mark = "*"
			}
			vals = append(vals, fmt.Sprintf("%s%s (%d)", mark, v.Value, v.Count))
		}
		more := ""
		if tf.f.Distinct > len(tf.f.Values) {
			more = fmt.Sprintf(" … %d values in all", tf.f.Distinct)
		}
		fmt.Fprintf(tw, "  %s\t%s%s\n", tf.name, strings.Join(vals, "; "), more)
	}
	tw.Flush()
}
