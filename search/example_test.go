package search_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"

	"github.com/briefs/briefs/search"
)

var briefings = []search.Record{
	{ID: "dpb-10", Kind: "briefing", Title: "Coca eradication in Peru", Language: "en",
		Series: "Drug Policy Briefing", Number: 10, Date: "2004-05", Year: 2004,
		Countries: []string{"Peru"}, Authors: []string{"Ricardo Soberón Garrido"}, Hash: "a1",
		Paragraphs: []string{
			"Forced eradication of coca fields in the Upper Huallaga has failed.",
			"Farmers replanted within months.",
		}},
	{ID: "dpb-11", Kind: "briefing", Title: "Aerial spraying in Colombia", Language: "en",
		Series: "Drug Policy Briefing", Number: 11, Date: "2005-02", Year: 2005,
		Countries: []string{"Colombia", "Ecuador"}, Hash: "b1",
		Paragraphs: []string{"Spraying did not eradicate coca: cultivation moved to Peru and Bolivia."}},
	{ID: "dpb-11-es", Kind: "briefing", Title: "Fumigaciones aéreas en Colombia", Language: "es",
		Series: "Drug Policy Briefing", Number: 11, Date: "2005-02", Year: 2005,
		Countries: []string{"Colombia"}, Hash: "c1",
		Paragraphs: []string{"Las fumigaciones no erradicaron la coca."}},
}

// build writes recs into a new index directory (a temporary one here).
func build(recs []search.Record) string {
	dir, err := os.MkdirTemp("", "briefs-example-")
	if err != nil {
		log.Fatal(err)
	}
	b, err := search.NewBuilder(dir, search.BuildOptions{Root: "/corpus"})
	if err != nil {
		log.Fatal(err)
	}
	defer b.Abort() // a no-op after Commit
	for _, r := range recs {
		if err := b.Add(r); err != nil {
			log.Fatal(err)
		}
	}
	if _, err := b.Commit(); err != nil {
		log.Fatal(err)
	}
	return dir
}

func ExampleIndex_Search() {
	dir := build(briefings)
	defer os.RemoveAll(dir)
	idx, err := search.Open(dir)
	if err != nil {
		log.Fatal(err)
	}
	defer idx.Close()

	// "eradicate" also finds "eradication": English records are stemmed.
	res, err := idx.Search(context.Background(), search.Query{Text: "eradicate coca", Filters: map[string][]string{"language": {"en"}}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: %d hits\n", res.SearchedFor, res.Total)
	for _, h := range res.Hits {
		fmt.Println(h.ID, h.TitleHTML)
		for _, s := range h.Snippets {
			fmt.Printf("  ¶%d %s\n", s.Paragraph, s.HTML)
		}
	}
	// Output:
	// eradicate coca; language: en: 2 hits
	// dpb-10 <mark>Coca</mark> <mark>eradication</mark> in Peru
	//   ¶1 Forced <mark>eradication</mark> of <mark>coca</mark> fields in the Upper Huallaga has failed.
	// dpb-11 Aerial spraying in Colombia
	//   ¶1 Spraying did not <mark>eradicate</mark> <mark>coca</mark>: cultivation moved to Peru and Bolivia.
}

func ExampleIndex_Search_facets() {
	dir := build(briefings)
	defer os.RemoveAll(dir)
	idx, err := search.Open(dir)
	if err != nil {
		log.Fatal(err)
	}
	defer idx.Close()

	res, err := idx.Search(context.Background(), search.Query{Text: "coca", Filters: map[string][]string{"country": {"Peru"}}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Total, "hit")
	// Facets are disjunctive: the country facet ignores the country filter,
	// so it shows what selecting another country would add. They count
	// works: dpb-11 and its Spanish translation are one.
	for _, v := range res.Facets.Term("country").Values {
		fmt.Printf("%s %d %v\n", v.Value, v.Count, v.Selected)
	}
	// Output:
	// 1 hit
	// Colombia 1 false
	// Ecuador 1 false
	// Peru 1 true
}

func ExampleIndex_Search_yearFacet() {
	dir := build(briefings)
	defer os.RemoveAll(dir)
	idx, err := search.Open(dir)
	if err != nil {
		log.Fatal(err)
	}
	defer idx.Close()

	res, err := idx.Search(context.Background(), search.Query{Text: "country:colombia"})
	if err != nil {
		log.Fatal(err)
	}
	for _, b := range res.Facets.Years.Bins {
		fmt.Println(b.Year, b.Count)
	}
	// Output:
	// 2004 0
	// 2005 1
}

func ExampleIndex_Search_versions() {
	dir := build(briefings)
	defer os.RemoveAll(dir)
	idx, err := search.Open(dir)
	if err != nil {
		log.Fatal(err)
	}
	defer idx.Close()

	// A work is one hit, however many versions of it match: the version
	// matching best is shown, the others are listed under it.
	res, err := idx.Search(context.Background(), search.Query{Text: "colombia"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Total, "hit")
	for _, h := range res.Hits {
		fmt.Println(h.ID, h.Language)
		for _, v := range h.Versions {
			fmt.Println("  also", v.ID, v.Language)
		}
	}
	// Output:
	// 1 hit
	// dpb-11 en
	//   also dpb-11-es es
}

func ExampleIndex_Document() {
	dir := build(briefings)
	defer os.RemoveAll(dir)
	idx, err := search.Open(dir)
	if err != nil {
		log.Fatal(err)
	}
	defer idx.Close()

	doc, err := idx.Document(context.Background(), "dpb-11")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(doc.Record.Title)
	fmt.Println("previous:", doc.Prev.ID, doc.Prev.Title)
	for _, t := range doc.Translations {
		fmt.Println("translation:", t.Language, t.Title)
	}
	_, err = idx.Document(context.Background(), "no-such-id")
	fmt.Println(errors.Is(err, search.ErrNotFound))
	// Output:
	// Aerial spraying in Colombia
	// previous: dpb-10 Coca eradication in Peru
	// translation: es Fumigaciones aéreas en Colombia
	// true
}

func ExampleNewBuilder() {
	dir := build(briefings)
	defer os.RemoveAll(dir)

	// A second ingest of the same root: one record changed, one gone.
	b, err := search.NewBuilder(dir, search.BuildOptions{Root: "/corpus"})
	if err != nil {
		log.Fatal(err)
	}
	defer b.Abort()
	changed := briefings[0]
	changed.Hash = "a2"
	for _, r := range []search.Record{changed, briefings[1]} {
		if err := b.Add(r); err != nil {
			log.Fatal(err)
		}
	}
	stats, err := b.Commit()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(stats)
	// Output:
	// 2 records in gen-000002: 0 added, 1 updated, 1 unchanged, 1 deleted
}

func ExampleQuery_Validate() {
	for _, q := range []search.Query{
		{Text: `coca "unclosed`},
		{Text: "coca", Page: 2000},
	} {
		err := q.Validate()
		var se *search.SyntaxError
		var re *search.RequestError
		switch {
		case errors.As(err, &se):
			fmt.Println("syntax error:", se.Msg)
		case errors.As(err, &re):
			fmt.Println("bad request:", re.Msg)
		}
	}
	// Output:
	// syntax error: unterminated quote — add a closing "
	// bad request: page 2000 is beyond the first 10000 results; narrow the search instead
}
