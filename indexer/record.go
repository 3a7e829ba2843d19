package indexer

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Kinds of record. A listing page yields one KindPage record for itself and
// one KindReference record per publication it lists.
const (
	KindBriefing  = "briefing"  // a numbered briefing or report in a series
	KindPaper     = "paper"     // debate paper, working paper, book chapter
	KindOpinion   = "opinion"   // op-ed, commentary, interview
	KindPage      = "page"      // an overview or listing web page
	KindReference = "reference" // one entry of a listing page
	KindDocument  = "document"  // anything else
)

// Record is one searchable document: the unit the ingester produces and the
// index stores. It is a plain value with JSON tags; golden files, sidecars,
// `briefs extract` and the JSON Lines loader all use this shape.
type Record struct {
	// ID is stable and derived from the source path (see IDFromPath), so that
	// ingesting the same folder twice yields the same records.
	ID   string `json:"id"`
	Kind string `json:"kind"`

	Title   string   `json:"title"`
	Authors []string `json:"authors,omitempty"` // "Given Surname", in document order
	// Families holds, for each author, the family name where the source
	// says which it is ("Quispe Huamán, Mónica" in citation_author); ""
	// where it does not, and nil when no source says it for anyone.
	// ParseName infers the rest.
	Families []string `json:"families,omitempty"`
	// Date is as precise as the source gives: "2005", "2005-03" or "2005-03-14".
	Date      string   `json:"date,omitempty"`
	Year      int      `json:"year,omitempty"`
	Series    string   `json:"series,omitempty"` // "Drug Policy Briefing"
	Number    int      `json:"number,omitempty"` // number within the series, 0 if none
	Countries []string `json:"countries,omitempty"`
	Language  string   `json:"language,omitempty"` // ISO 639-1: "en", "es"
	Abstract  string   `json:"abstract,omitempty"`
	Publisher string   `json:"publisher,omitempty"`
	Keywords  []string `json:"keywords,omitempty"`
	// Extra holds the values of the keyword fields a collection declares
	// in the table of fields (package fields) beyond Record's own: a
	// "topic" or "region" read from sidecars and JSON Lines, keyed by the
	// field's Key. A new facet needs no new struct field.
	Extra map[string][]string `json:"extra,omitempty"`

	Source string `json:"source,omitempty"`  // path of the file, relative to the ingest root
	URL    string `json:"url,omitempty"`     // canonical web address, if known
	PDFURL string `json:"pdf_url,omitempty"` // address of the PDF version, if known
	Parent string `json:"parent,omitempty"`  // for a reference: ID of the listing page

	// Paragraphs hold the main text, one paragraph per element, whitespace
	// normalised. Pages, when set (PDF), gives the page number of each paragraph.
	Paragraphs []string `json:"paragraphs,omitempty"`
	Pages      []int    `json:"pages,omitempty"`
	// Kinds, when set, gives the kind of each paragraph: "" for plain text,
	// "h1"…"h6" for a heading, "item", "numbered", "quote", "code" (line
	// breaks kept), "row" (cells separated by " | "), "term" (see
	// structure.go). Records without structure leave it empty.
	Kinds []string `json:"kinds,omitempty"`

	Hash string `json:"hash,omitempty"` // hex SHA-256 of the source bytes (and sidecar)
	Note string `json:"note,omitempty"` // e.g. "no text layer" for image-only PDFs
}

// Text returns the body as one string, paragraphs separated by blank lines.
func (r Record) Text() string { return strings.Join(r.Paragraphs, "\n\n") }

// Time returns the date as a time.Time (first day of the month or year when
// the date is less precise) and whether there is one.
func (r Record) Time() (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, r.Date); err == nil {
			return t, true
		}
	}
	if r.Year > 0 {
		return time.Date(r.Year, 1, 1, 0, 0, 0, 0, time.UTC), true
	}
	return time.Time{}, false
}

// Validate reports what makes a record unusable for the index.
func (r Record) Validate() error {
	var errs []error
	if r.ID == "" {
		errs = append(errs, errors.New("missing id"))
	}
	if strings.TrimSpace(r.Title) == "" && len(r.Paragraphs) == 0 && r.Abstract == "" {
		errs = append(errs, errors.New("no title and no text"))
	}
	if r.Date != "" {
		if _, ok := r.Time(); !ok {
			errs = append(errs, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", r.Date))
		}
	}
	if len(r.Pages) != 0 && len(r.Pages) != len(r.Paragraphs) {
		errs = append(errs, fmt.Errorf("%d page numbers for %d paragraphs", len(r.Pages), len(r.Paragraphs)))
	}
	if len(r.Kinds) != 0 && len(r.Kinds) != len(r.Paragraphs) {
		errs = append(errs, fmt.Errorf("%d paragraph kinds for %d paragraphs", len(r.Kinds), len(r.Paragraphs)))
	}
	return errors.Join(errs...)
}
