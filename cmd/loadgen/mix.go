package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Request kinds, in report order. Each stands for a way people use the
// site; their weights in kindWeights are a guess at a busy day's traffic.
const (
	kindKeyword  = "keyword"
	kindPhrase   = "phrase"
	kindFacet    = "facet"
	kindSorted   = "sorted"
	kindPaged    = "paged"
	kindWildcard = "wildcard"
	kindLanding  = "landing"
	kindDocument = "document"
	kindExport   = "export"
	kindFeed     = "feed"
)

var kindWeights = []struct {
	kind   string
	weight int
}{
	{kindKeyword, 24}, {kindPhrase, 10}, {kindFacet, 15}, {kindSorted, 9}, {kindPaged, 9},
	{kindWildcard, 4}, {kindLanding, 3}, {kindDocument, 20}, {kindExport, 3}, {kindFeed, 3},
}

// vocab is what the server told us about its corpus.
type vocab struct {
	ids       []string
	words     []string
	phrases   []string // two consecutive title words
	authors   []string
	series    []string
	countries []string
	minYear   int
	maxYear   int
}

// apiHit and apiResults are the parts of /api/search that loadgen reads.
// They are declared here rather than imported so that loadgen drives the
// server as any HTTP client would.
type apiHit struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Authors   []string `json:"authors"`
	Series    string   `json:"series"`
	Countries []string `json:"countries"`
}

type apiResults struct {
	Total  int      `json:"total"`
	Hits   []apiHit `json:"hits"`
	Facets struct {
		Year struct {
			Min int `json:"min"`
			Max int `json:"max"`
		} `json:"year"`
		Author  apiFacet `json:"author"`
		Series  apiFacet `json:"series"`
		Country apiFacet `json:"country"`
	} `json:"facets"`
}

type apiFacet struct {
	Values []struct {
		Value string `json:"value"`
	} `json:"values"`
}

// discover asks the server for a few hundred documents (newest and
// oldest, several pages) and the facet values, and builds the vocabulary
// of the request mix from them.
func discover(ctx context.Context, client *http.Client, base string) (*vocab, error) {
	v := &vocab{}
	seen := map[string]bool{}
	words := map[string]bool{}
	phrases := map[string]bool{}
	for _, q := range []string{"sort=newest", "sort=oldest"} {
		for page := 1; page <= 3; page++ {
			var res apiResults
			path := fmt.Sprintf("/api/search?%s&size=100&page=%d&facet_size=50", q, page)
			if err := getJSON(ctx, client, base+path, &res); err != nil {
				return nil, fmt.Errorf("discover: %w", err)
			}
			if page == 1 && q == "sort=newest" {
				v.minYear, v.maxYear = res.Facets.Year.Min, res.Facets.Year.Max
				v.authors = facetValues(res.Facets.Author)
				v.series = facetValues(res.Facets.Series)
				v.countries = facetValues(res.Facets.Country)
			}
			for _, h := range res.Hits {
				if seen[h.ID] {
					continue
				}
				seen[h.ID] = true
				v.ids = append(v.ids, h.ID)
				ws := titleWords(h.Title)
				for i, w := range ws {
					words[w] = true
					if i > 0 {
						phrases[ws[i-1]+" "+w] = true
					}
				}
			}
			if len(res.Hits) < 100 {
				break
			}
		}
	}
	if len(v.ids) == 0 || len(words) == 0 {
		return nil, fmt.Errorf("discover: %s has no documents to ask for", base)
	}
	v.words = slices.Sorted(mapKeys(words))
	v.phrases = slices.Sorted(mapKeys(phrases))
	return v, nil
}

func mapKeys(m map[string]bool) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func facetValues(f apiFacet) []string {
	var out []string
	for _, v := range f.Values {
		out = append(out, v.Value)
	}
	return out
}

// titleWords returns the words of a title worth searching for: letters
// only, at least four of them, lower case.
func titleWords(title string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(title, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(w)) >= 4 {
			out = append(out, strings.ToLower(w))
		}
	}
	return out
}

func getJSON(ctx context.Context, client *http.Client, u string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 300))
		return fmt.Errorf("GET %s: %s: %s", u, resp.Status, b)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// mix draws requests. Each client has its own, seeded from the run's
// seed and the client number, so runs are repeatable.
type mix struct {
	v     *vocab
	rng   *rand.Rand
	total int
}

func newMix(v *vocab, seed uint64, client int) *mix {
	t := 0
	for _, kw := range kindWeights {
		t += kw.weight
	}
	return &mix{v: v, rng: rand.New(rand.NewPCG(seed, uint64(client))), total: t}
}

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// next returns the kind and the path (with query) of the next request.
func (m *mix) next() (string, string) {
	n := m.rng.IntN(m.total)
	kind := kindWeights[len(kindWeights)-1].kind
	for _, kw := range kindWeights {
		if n < kw.weight {
			kind = kw.kind
			break
		}
		n -= kw.weight
	}
	return kind, m.path(kind)
}

func (m *mix) path(kind string) string {
	r, v := m.rng, m.v
	vals := url.Values{}
	words := func(n int) string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = pick(r, v.words)
		}
		return strings.Join(ws, " ")
	}
	page := "/search"
	if r.IntN(3) == 0 {
		page = "/api/search" // a third of searches come through the API
	}
	switch kind {
	case kindKeyword:
		vals.Set("q", words(1+r.IntN(2)))
	case kindPhrase:
		if len(v.phrases) == 0 {
			vals.Set("q", words(2))
		} else {
			vals.Set("q", strconv.Quote(pick(r, v.phrases)))
		}
	case kindFacet:
		if r.IntN(4) > 0 {
			vals.Set("q", words(1))
		}
		switch r.IntN(4) {
		case 0:
			if len(v.countries) > 0 {
				vals.Add("country", pick(r, v.countries))
			}
		case 1:
			if len(v.series) > 0 {
				vals.Add("series", pick(r, v.series))
			}
		case 2:
			if len(v.authors) > 0 {
				vals.Add("author", pick(r, v.authors))
			}
		case 3:
			if v.minYear > 0 && v.maxYear >= v.minYear {
				from := v.minYear + r.IntN(v.maxYear-v.minYear+1)
				vals.Set("from", strconv.Itoa(from))
				vals.Set("to", strconv.Itoa(min(v.maxYear, from+r.IntN(5))))
			}
		}
		if len(vals) == 0 {
			vals.Set("q", words(1))
		}
	case kindSorted:
		vals.Set("q", words(1))
		vals.Set("sort", pick(r, []string{"newest", "oldest", "number"}))
	case kindPaged:
		vals.Set("q", words(1))
		vals.Set("page", strconv.Itoa(2+r.IntN(4)))
		if r.IntN(2) == 0 {
			vals.Set("size", "50")
		}
	case kindWildcard:
		w := []rune(pick(r, v.words))
		if r.IntN(2) == 0 {
			vals.Set("q", string(w[:min(len(w), 3+r.IntN(2))])+"*")
		} else {
			vals.Set("q", string(w)+"~")
		}
	case kindLanding:
		return "/"
	case kindDocument:
		id := url.PathEscape(pick(r, v.ids))
		switch r.IntN(3) {
		case 0:
			return "/api/doc/" + id
		case 1:
			return "/doc/" + id + "?q=" + url.QueryEscape(words(1))
		}
		return "/doc/" + id
	case kindExport:
		vals.Set("q", words(1))
		return "/export." + pick(r, []string{"csv", "jsonl", "bib", "ris"}) + "?" + vals.Encode()
	case kindFeed:
		vals.Set("q", words(1))
		return "/feed.atom?" + vals.Encode()
	}
	return page + "?" + vals.Encode()
}
