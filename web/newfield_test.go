package web

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefs/briefs/fields"
	"github.com/briefs/briefs/indexer"
	"github.com/briefs/briefs/search"
)

// topicField is a keyword facet a collection might add: the one entry
// TestNewKeywordFacet declares, and nothing else.
var topicField = fields.Field{
	Name: "topic", Key: "topic", Query: []string{"topic", "topics"}, Example: "land",
	Analysis: fields.Keyword, Facet: "Topic", FacetOrder: 7, CSV: true,
}

// topicCorpus is a small collection with topics: a web page whose sidecar
// gives its topics, and a JSON Lines export whose lines do.
var topicCorpus = fstest.MapFS{
	"briefs/land-and-coca.html": {Data: []byte(`<!DOCTYPE html><html lang="en"><head>
<title>Land, coca and the Chapare</title><meta name="citation_title" content="Land, coca and the Chapare">
<meta name="citation_publication_date" content="2011/05/02"></head><body><article>
<h1>Land, coca and the Chapare</h1>
<p>Coca growers in the Chapare hold small plots of land, and the titles to them are contested.</p>
<p>The land reform of 2006 changed who may grow coca and where.</p>
</article></body></html>`)},
	"briefs/land-and-coca.yaml": {Data: []byte("topic: [Land rights, Alternative development]\n")},
	// One record per file: records of one JSON Lines file share their
	// Source, which search/work.go takes for one work (noted in the report
	// of issue 18), and would show as versions of each other.
	"export/a.jsonl": {Data: []byte(`{"id": "exp-1", "title": "Coca markets after eradication", "text": "Coca prices rose after the eradication campaign.", "language": "en", "year": 2012, "topic": ["Markets", "land rights"]}` + "\n")},
	"export/b.jsonl": {Data: []byte(`{"id": "exp-2", "title": "Prisons and coca", "text": "Small coca traders fill the prisons.", "language": "en", "year": 2013, "topic": "Prisons; Human rights"}` + "\n")},
	"export/c.jsonl": {Data: []byte(`{"id": "exp-3", "title": "Coca without topics", "text": "A coca record with no topic.", "language": "en", "year": 2014}` + "\n")},
}

// TestNewKeywordFacet: a keyword facet declared with one entry in the table
// of fields is ingested from a sidecar and from JSON Lines, queried
// (topic:x), filtered (?topic=), shown and counted as a facet (page and
// API), shown on the document page, and exported (CSV and JSON Lines).
func TestNewKeywordFacet(t *testing.T) {
	t.Cleanup(fields.Declare(topicField))

	// Ingested: from the sidecar and from both shapes of a JSON Lines value.
	var recs []indexer.Record
	rep, err := indexer.Walk(context.Background(), topicCorpus, indexer.Options{}, nil, func(r indexer.Record) error {
		recs = append(recs, r)
		return nil
	})
	if err != nil || len(rep.Skipped) > 0 || len(recs) != 4 {
		t.Fatalf("Walk: %d records, report %+v, err %v", len(recs), rep, err)
	}
	want := map[string][]string{
		"briefs-land-and-coca": {"Land rights", "Alternative development"},
		"exp-1":                {"Markets", "land rights"},
		"exp-2":                {"Prisons", "Human rights"},
		"exp-3":                nil,
	}
	for _, r := range recs {
		if got := r.Values("topic"); !slices.Equal(got, want[r.ID]) {
			t.Errorf("%s: topic %q, want %q", r.ID, got, want[r.ID])
		}
	}
	idx := mustBuildIndex(t, recs...)
	ts := newTestServer(t, Config{Index: idx})

	// Queried: topic: matches whole values, case- and accent-insensitive.
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{`topic:"land rights"`, []string{"briefs-land-and-coca", "exp-1"}},
		{`coca topics:prisons`, []string{"exp-2"}},
		{`coca -topic:"LAND RIGHTS"`, []string{"exp-2", "exp-3"}},
	} {
		res := apiResults(t, ts, "q="+url.QueryEscape(tc.q))
		if got := resultIDs(res); !slices.Equal(got, tc.want) {
			t.Errorf("q=%s: hits %v, want %v", tc.q, got, tc.want)
		}
	}

	// Filtered, counted and shown: the facet counts the hits, and the
	// filter keeps the other facets' counts disjunctive.
	res := apiResults(t, ts, "q=coca&topic=Land+rights")
	if got := resultIDs(res); !slices.Equal(got, []string{"briefs-land-and-coca", "exp-1"}) {
		t.Errorf("topic=Land rights: hits %v", got)
	}
	tf := res.Facets.Term("topic")
	counts := map[string]int{}
	for _, v := range tf.Values {
		counts[v.Value] = v.Count
	}
	if counts["Prisons"] != 1 || counts["Markets"] != 1 || counts["Land rights"] != 1 || tf.Missing != 1 || len(tf.Values) != 6 {
		t.Errorf("topic facet = %+v", tf)
	}
	if len(res.Hits) > 0 && len(res.Hits[0].Extra["topic"]) != 2 {
		t.Errorf("hit record lacks its topics: %+v", res.Hits[0].Record)
	}
	doc := ts.page(t, "/search?q=coca&topic=Prisons", http.StatusOK)
	if n := doc.Find(".hits .hit").Length(); n != 1 {
		t.Errorf("page with topic=Prisons: %d hits, want 1", n)
	}
	if !strings.Contains(doc.Find(".chips").Text(), "Topic: Prisons") {
		t.Errorf("no Topic chip in %q", doc.Find(".chips").Text())
	}
	group := doc.Find("#facet-topic")
	if group.Length() != 1 || !strings.Contains(group.Text(), "Topic") || !strings.Contains(group.Text(), "Markets") {
		t.Errorf("topic facet on the page: %q", group.Text())
	}

	// Shown on the document page, as links that filter.
	doc = ts.page(t, "/doc/exp-2", http.StatusOK)
	if link := doc.Find(`a[href*="topic=Human+rights"]`); link.Length() == 0 {
		t.Errorf("document page has no topic link")
	}

	// Exported: a CSV column and a JSON Lines key.
	_, body := ts.get(t, "/export.csv?q=coca&topic=Prisons")
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("CSV: %v rows, err %v:\n%s", len(rows), err, body)
	}
	col := slices.Index(rows[0], "topic")
	if col < 0 || rows[1][col] != "Prisons; Human rights" {
		t.Errorf("CSV header %q, row %q", rows[0], rows[1])
	}
	_, body = ts.get(t, "/export.jsonl?q=coca&topic=Markets")
	var line map[string]any
	if err := json.Unmarshal([]byte(body), &line); err != nil {
		t.Fatalf("JSON Lines export: %v\n%s", err, body)
	}
	if got, _ := json.Marshal(line["topic"]); string(got) != `["Markets","land rights"]` {
		t.Errorf("JSON Lines export topic = %s in %s", got, body)
	}
}

func resultIDs(res *search.Results) []string {
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	slices.Sort(ids)
	return ids
}

// TestFieldTable walks the table of fields and checks each field against
// one record that fills them all: a field with query names is queryable
// by each name, a facet is filtered and counted, a CSV field is a column
// of the CSV export (and no other field is), and every field but the text
// is a key of the JSON Lines export.
func TestFieldTable(t *testing.T) {
	rec := indexer.Record{
		ID: "all-fields", Kind: "briefing", Title: "Wombats of the Chapare", Authors: []string{"Ana Ruiz"},
		Date: "2005-03-14", Year: 2005, Series: "Drug Policy Briefing", Number: 11, Countries: []string{"Bolivia"},
		Language: "en", Abstract: "Numbats and coca.", Publisher: "Transnational Institute", Keywords: []string{"crop substitution"},
		URL: "https://example.org/dpb-11", PDFURL: "https://example.org/dpb-11.pdf", Source: "briefings/dpb-11.html",
		Paragraphs: []string{"Quokkas and coca growers."},
	}
	other := indexer.Record{ID: "other", Kind: "paper", Title: "Coca elsewhere", Language: "es", Year: 1999,
		Paragraphs: []string{"Otra cosa."}}
	ts := newTestServer(t, Config{Index: mustBuildIndex(t, rec, other)})
	_, csvBody := ts.get(t, "/export.csv?q=wombats")
	rows, err := csv.NewReader(strings.NewReader(csvBody)).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("CSV export: %d rows, %v", len(rows), err)
	}
	_, jsonBody := ts.get(t, "/export.jsonl?q=wombats")
	var line map[string]any
	if err := json.Unmarshal([]byte(jsonBody), &line); err != nil {
		t.Fatalf("JSON Lines export: %v", err)
	}

	for _, f := range fields.All() {
		vals := rec.Values(f.Key)
		if len(vals) == 0 {
			t.Errorf("%s: the test record has no value for key %q", f.Name, f.Key)
			continue
		}
		value := vals[0]
		if f.Analysis == fields.Prose {
			value = strings.Fields(value)[0] // a word of it
		}
		for _, name := range f.Query {
			q := name + `:"` + value + `"`
			if f.Analysis == fields.Year {
				q = name + ":" + value
			}
			if got := resultIDs(apiResults(t, ts, "q="+url.QueryEscape(q))); !slices.Equal(got, []string{rec.ID}) {
				t.Errorf("%s: query %s found %v", f.Name, q, got)
			}
		}
		if f.IsFacet() {
			params := f.Name + "=" + url.QueryEscape(value)
			if f.Analysis == fields.Year {
				params = "from=" + value + "&to=" + value
			}
			res := apiResults(t, ts, params)
			if got := resultIDs(res); !slices.Equal(got, []string{rec.ID}) {
				t.Errorf("%s: filter %s found %v", f.Name, params, got)
			}
			if f.Analysis == fields.Year {
				if res.Facets.Years.Max != 2005 {
					t.Errorf("year facet = %+v", res.Facets.Years)
				}
			} else if tf := res.Facets.Term(f.Name); len(tf.Values) == 0 || tf.Values[0].Count != 1 {
				t.Errorf("%s: facet %+v", f.Name, tf)
			}
		}
		col := slices.Index(rows[0], f.Key)
		switch {
		case f.CSV && col < 0:
			t.Errorf("%s: no CSV column %q in %q", f.Name, f.Key, rows[0])
		case f.CSV && rows[1][col] != strings.Join(vals, "; "):
			t.Errorf("%s: CSV cell %q, want %q", f.Name, rows[1][col], strings.Join(vals, "; "))
		case !f.CSV && col >= 0:
			t.Errorf("%s: a CSV column, though not declared one", f.Name)
		}
		if _, ok := line[f.Key]; !ok && f.Key != "paragraphs" {
			t.Errorf("%s: no key %q in the JSON Lines export %s", f.Name, f.Key, jsonBody)
		}
	}
}
