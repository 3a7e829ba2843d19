package web

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/briefs/briefs/search"
)

// Machine-readable metadata of the document page, for reference managers
// (Zotero reads Highwire and Dublin Core tags) and search engines
// (schema.org JSON-LD).

// docMeta returns the Highwire Press citation_* tags and the Dublin Core
// tags for <head>.
func docMeta(rec search.Record, permalink string) []metaTag {
	var tags []metaTag
	add := func(name, content string) {
		if content != "" {
			tags = append(tags, metaTag{name, content})
		}
	}
	y, m, d := dateParts(rec)
	var hwDate, dcDate string
	switch {
	case y > 0 && d > 0:
		hwDate, dcDate = fmt.Sprintf("%04d/%02d/%02d", y, m, d), fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	case y > 0 && m > 0:
		hwDate, dcDate = fmt.Sprintf("%04d/%02d", y, m), fmt.Sprintf("%04d-%02d", y, m)
	case y > 0:
		hwDate, dcDate = strconv.Itoa(y), strconv.Itoa(y)
	}

	add("citation_title", title(rec))
	for _, a := range rec.Authors {
		add("citation_author", a)
	}
	add("citation_publication_date", hwDate)
	add("citation_series_title", rec.Series)
	if rec.Number > 0 {
		add("citation_technical_report_number", strconv.Itoa(rec.Number))
	}
	add("citation_publisher", rec.Publisher)
	if rec.Kind == "briefing" || rec.Kind == "paper" {
		add("citation_technical_report_institution", rec.Publisher)
	}
	add("citation_language", rec.Language)
	add("citation_pdf_url", rec.PDFURL)
	add("citation_abstract_html_url", permalink)
	for _, k := range rec.Keywords {
		add("citation_keywords", k)
	}

	add("DC.title", title(rec))
	for _, a := range rec.Authors {
		add("DC.creator", a)
	}
	add("DC.date", dcDate)
	add("DC.language", rec.Language)
	for _, c := range rec.Countries {
		add("DC.coverage", c)
	}
	add("DC.publisher", rec.Publisher)
	add("DC.identifier", permalink)
	add("description", truncateWords(rec.Abstract, 50))
	return tags
}

// JSON-LD shapes (schema.org). html/template marshals the value inside
// <script type="application/ld+json"> and escapes <, > and & there, so a
// title holding "</script>" cannot end the element.
type ldDoc struct {
	Context         string    `json:"@context"`
	Type            string    `json:"@type"`
	ID              string    `json:"@id"`
	Headline        string    `json:"headline"`
	Name            string    `json:"name"`
	Author          []ldThing `json:"author,omitempty"`
	DatePublished   string    `json:"datePublished,omitempty"`
	IsPartOf        *ldThing  `json:"isPartOf,omitempty"`
	ReportNumber    string    `json:"reportNumber,omitempty"`
	SpatialCoverage []ldThing `json:"spatialCoverage,omitempty"`
	InLanguage      string    `json:"inLanguage,omitempty"`
	Publisher       *ldThing  `json:"publisher,omitempty"`
	Abstract        string    `json:"abstract,omitempty"`
	URL             string    `json:"url,omitempty"`
	Encoding        *ldMedia  `json:"encoding,omitempty"`
}

type ldThing struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

type ldMedia struct {
	Type           string `json:"@type"`
	EncodingFormat string `json:"encodingFormat"`
	ContentURL     string `json:"contentUrl"`
}

func ldType(kind string) string {
	switch kind {
	case "briefing", "document":
		return "Report"
	case "paper":
		return "ScholarlyArticle"
	case "opinion":
		return "OpinionNewsArticle"
	case "page", "reference":
		return "WebPage"
	}
	return "CreativeWork"
}

func docJSONLD(rec search.Record, permalink string) ldDoc {
	ld := ldDoc{
		Context:    "https://schema.org",
		Type:       ldType(rec.Kind),
		ID:         permalink,
		Headline:   title(rec),
		Name:       title(rec),
		InLanguage: rec.Language,
		Abstract:   rec.Abstract,
		URL:        rec.URL,
	}
	if ld.URL == "" {
		ld.URL = permalink
	}
	for _, a := range rec.Authors {
		ld.Author = append(ld.Author, ldThing{"Person", a})
	}
	if y, m, d := dateParts(rec); y > 0 {
		ld.DatePublished = strconv.Itoa(y)
		if m > 0 {
			ld.DatePublished += fmt.Sprintf("-%02d", m)
			if d > 0 {
				ld.DatePublished += fmt.Sprintf("-%02d", d)
			}
		}
	}
	if rec.Series != "" {
		ld.IsPartOf = &ldThing{"CreativeWorkSeries", rec.Series}
	}
	if rec.Number > 0 && ld.Type == "Report" {
		ld.ReportNumber = strconv.Itoa(rec.Number)
	}
	for _, c := range rec.Countries {
		ld.SpatialCoverage = append(ld.SpatialCoverage, ldThing{"Place", c})
	}
	if rec.Publisher != "" {
		ld.Publisher = &ldThing{"Organization", rec.Publisher}
	}
	if rec.PDFURL != "" {
		ld.Encoding = &ldMedia{"MediaObject", "application/pdf", rec.PDFURL}
	}
	return ld
}

// truncateWords keeps the first n words of s, adding an ellipsis when cut.
func truncateWords(s string, n int) string {
	w := strings.Fields(s)
	if len(w) <= n {
		return strings.Join(w, " ")
	}
	return strings.Join(w[:n], " ") + " \u2026"
}
