package indexer

import (
	"reflect"
	"strings"
	"testing"
)

func TestExtractTextHeader(t *testing.T) {
	src := `Title: Coca Markets in the Andes
Authors: Ana Pérez; Luis Gómez
Date: 14 March 2005
Series: IDPR Drug Policy Briefing
Number: 12
Country: Peru, Bolivia
Language: English
Publisher: International Drug Policy Research
Abstract: Markets for coca leaf have grown
  in both countries.
URL: https://example.org/coca-markets

Coca Markets in the Andes

The market for coca leaf is older than the market for cocaine.

Farmers sell to legal buyers and to traffickers.
`
	rec := extractText(src, false)
	want := Record{
		Kind: KindBriefing, Title: "Coca Markets in the Andes",
		Authors: []string{"Ana Pérez", "Luis Gómez"}, Date: "2005-03-14", Year: 2005,
		Series: "Drug Policy Briefing", Number: 12, Countries: []string{"Peru", "Bolivia"},
		Language: "en", Abstract: "Markets for coca leaf have grown in both countries.",
		Publisher: "International Drug Policy Research", URL: "https://example.org/coca-markets",
		Paragraphs: []string{
			"The market for coca leaf is older than the market for cocaine.",
			"Farmers sell to legal buyers and to traffickers.",
		},
	}
	if !reflect.DeepEqual(rec, want) {
		t.Errorf("extractText(header) =\n%+v\nwant\n%+v", rec, want)
	}
}

func TestExtractTextFirstLines(t *testing.T) {
	src := "Drugs and Conflict in Bolivia\r\n\r\n17 November 2005\r\n\r\nBy Rosa Vargas and Hugo Mamani\r\n\r\n" +
		"TNI Drug Policy Briefing 15\r\n\r\n" +
		"Bolivia is the third largest producer of coca leaf. The government of Bolivia has promised a new policy.\r\n" +
		"It is based on the rights of the growers.\r\n\r\n  • First point of a list\r\n  • Second point\r\n    continued here\r\n"
	rec := extractText(src, false)
	if rec.Title != "Drugs and Conflict in Bolivia" {
		t.Errorf("Title = %q", rec.Title)
	}
	if rec.Date != "2005-11-17" || rec.Year != 2005 {
		t.Errorf("Date, Year = %q, %d; want 2005-11-17, 2005", rec.Date, rec.Year)
	}
	if !reflect.DeepEqual(rec.Authors, []string{"Rosa Vargas", "Hugo Mamani"}) {
		t.Errorf("Authors = %q", rec.Authors)
	}
	if rec.Series != "Drug Policy Briefing" || rec.Number != 15 || rec.Kind != KindBriefing {
		t.Errorf("Series, Number, Kind = %q, %d, %q", rec.Series, rec.Number, rec.Kind)
	}
	if !reflect.DeepEqual(rec.Countries, []string{"Bolivia"}) {
		t.Errorf("Countries = %q", rec.Countries)
	}
	wantParas := []string{
		"17 November 2005",
		"By Rosa Vargas and Hugo Mamani",
		"TNI Drug Policy Briefing 15",
		"Bolivia is the third largest producer of coca leaf. The government of Bolivia has promised a new policy. It is based on the rights of the growers.",
		"First point of a list",
		"Second point continued here",
	}
	if !reflect.DeepEqual(rec.Paragraphs, wantParas) {
		t.Errorf("Paragraphs =\n%q\nwant\n%q", rec.Paragraphs, wantParas)
	}
	if !strings.HasPrefix(rec.Abstract, "Bolivia is the third") {
		t.Errorf("Abstract = %q, want the first real paragraph", rec.Abstract)
	}
}

func TestExtractMarkdown(t *testing.T) {
	src := `---
title: "Cannabis Regulation: A Primer"
authors: [Jelsma, Martin]
date: 2014-05-02
---

# This heading is not the title

*Opinion*

By **Martin Jelsma**

Regulating [cannabis](https://example.org/cannabis) markets in _Uruguay_ is a test.
The ` + "`law`" + ` passed in 2013.

- first item
- second item with a ![chart](c.png) image

## Next steps

1. Watch the market.
`
	rec := extractText(src, true)
	if rec.Title != "Cannabis Regulation: A Primer" {
		t.Errorf("Title = %q", rec.Title)
	}
	// A YAML list of two strings is two authors, not one inverted name.
	if !reflect.DeepEqual(rec.Authors, []string{"Jelsma", "Martin"}) {
		t.Errorf("Authors = %q", rec.Authors)
	}
	if rec.Date != "2014-05-02" || rec.Kind != KindOpinion {
		t.Errorf("Date, Kind = %q, %q", rec.Date, rec.Kind)
	}
	want := []string{
		"This heading is not the title",
		"Opinion",
		"By Martin Jelsma",
		"Regulating cannabis markets in Uruguay is a test. The law passed in 2013.",
		"first item",
		"second item with a chart image",
		"Next steps",
		"Watch the market.",
	}
	if !reflect.DeepEqual(rec.Paragraphs, want) {
		t.Errorf("Paragraphs =\n%q\nwant\n%q", rec.Paragraphs, want)
	}
}

func TestExtractMarkdownHeadingTitle(t *testing.T) {
	rec := extractText("Some intro line\n\n# Real Title #\n\nBody text here.\n", true)
	if rec.Title != "Real Title" {
		t.Errorf("Title = %q, want the first # heading", rec.Title)
	}
	if !reflect.DeepEqual(rec.Paragraphs, []string{"Some intro line", "Body text here."}) {
		t.Errorf("Paragraphs = %q", rec.Paragraphs)
	}
	rec = extractText("Setext Title\n============\n\nBody.\n", true)
	if rec.Title != "Setext Title" || !reflect.DeepEqual(rec.Paragraphs, []string{"Body."}) {
		t.Errorf("setext: Title, Paragraphs = %q, %q", rec.Title, rec.Paragraphs)
	}
}

func TestStripMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"## Heading ##", "Heading"},
		{"> quoted", "quoted"},
		{"* item", "item"},
		{"1. item", "item"},
		{"**bold** and __strong__", "bold and strong"},
		{"*em* and _em_ but snake_case_name", "em and em but snake_case_name"},
		{"[text](http://x) and [ref][1] and <https://y.org>", "text and ref and https://y.org"},
		{"a `code` span", "a code span"},
		{"2 * 3 * 4", "2 * 3 * 4"},
	}
	for _, tt := range tests {
		if got := stripMarkdown(tt.in, true); got != tt.want {
			t.Errorf("stripMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestExtractTextSpanish(t *testing.T) {
	src := "Informe sobre Políticas de Drogas n.º 12\n\nLa coca en el Perú\n\nPor Ana Pérez y Luis Gómez\n\nmarzo de 2005\n\n" +
		"El cultivo de la coca en el Perú no es un delito según la ley nacional, pero las familias campesinas sufren la erradicación forzosa.\n"
	rec := extractText(src, false)
	// The first non-empty line is the title, even when it is a series line.
	if rec.Title != "Informe sobre Políticas de Drogas n.º 12" {
		t.Errorf("Title = %q", rec.Title)
	}
	if rec.Date != "2005-03" || !reflect.DeepEqual(rec.Authors, []string{"Ana Pérez", "Luis Gómez"}) {
		t.Errorf("Date, Authors = %q, %q", rec.Date, rec.Authors)
	}
	if rec.Language != "es" {
		t.Errorf("Language = %q, want es", rec.Language)
	}
	if !reflect.DeepEqual(rec.Countries, []string{"Peru"}) {
		t.Errorf("Countries = %q", rec.Countries)
	}
}
