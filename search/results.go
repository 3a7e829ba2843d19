package search

import (
	"html/template"
	"time"

	"github.com/briefs/briefs/indexer"
	"github.com/briefs/briefs/search/syntax"
)

// This file fixes the shapes that the search package hands to its callers
// (the CLI, the web UI and the JSON API). They are our own types, never
// bleve's, so that nothing above this package imports bleve.

// Sort orders accepted in Query.Sort.
const (
	SortRelevance = "relevance" // default; ties broken by newest, then ID
	SortNewest    = "newest"
	SortOldest    = "oldest"
	SortNumber    = "number" // series, then number within the series
)

// Caps on what one request may ask for; larger values are refused with an
// error (page, size) or clamped (facet size), never silently served.
const (
	DefaultSize      = 10
	MaxSize          = 100
	MaxResultWindow  = 10000 // (page-1)*size+size may not exceed this
	DefaultFacetSize = 10
	MaxFacetSize     = 200
	MaxQueryLength   = syntax.MaxLength // bytes of query text
)

// Query is one search: the user's query text plus facet filters, sort and
// paging. The zero value (empty text, no filters) matches every document.
type Query struct {
	Text string `json:"q"`
	// Filters holds the selected values of each term facet, by its name
	// in the table of fields (fields.Terms): {"country": {"Peru",
	// "Bolivia"}}. Values of one facet are ORed, facets ANDed. In JSON
	// each facet is a key of its own ("country": [...]), see filters.go.
	Filters   map[string][]string `json:"-"`
	YearFrom  int                 `json:"year_from,omitempty"` // inclusive; 0 = open
	YearTo    int                 `json:"year_to,omitempty"`   // inclusive; 0 = open
	Sort      string              `json:"sort,omitempty"`
	Page      int                 `json:"page,omitempty"` // 1-based; 0 means 1
	Size      int                 `json:"size,omitempty"` // 0 means DefaultSize
	FacetSize int                 `json:"facet_size,omitempty"`
	// Snippets is the number of highlighted passages per hit (0 means 3,
	// negative means none).
	Snippets int `json:"snippets,omitempty"`
}

// Results is the answer to a Query.
type Results struct {
	Query       Query  `json:"query"`
	SearchedFor string `json:"searched_for"` // the parsed query printed back
	// Total counts the full matches: for a query of two or three words,
	// the records holding every word. Facets count the same records.
	Total uint64 `json:"total"`
	// More counts the partial matches that follow the full ones in Hits
	// (marked Partial): records holding most of the words but not all.
	More   uint64        `json:"more,omitempty"`
	Took   time.Duration `json:"took_ns"`
	Page   int           `json:"page"`
	Size   int           `json:"size"`
	Pages  int           `json:"pages"` // number of pages, within MaxResultWindow
	Hits   []Hit         `json:"hits"`
	Facets Facets        `json:"facets"`
	// Notes tell the user what was adjusted: a clamped facet size, a capped
	// wildcard expansion, a query that fell back to "any word".
	Notes []string `json:"notes,omitempty"`
	// Suggestion is a respelled query when nothing matched ("did you mean").
	Suggestion string `json:"suggestion,omitempty"`
}

// Hit is one matching record with what a result list shows.
type Hit struct {
	// Record is the record's metadata, as the document store holds it,
	// without its text (Paragraphs, Pages, Kinds) and hash; in JSON its
	// keys sit beside the hit's own.
	Record
	Score     float64       `json:"score"`
	TitleHTML template.HTML `json:"title_html"` // escaped, matches in <mark>
	Snippets  []Snippet     `json:"snippets,omitempty"`
	// Partial marks a hit holding only some of the query's words (see
	// Results.More); it comes after every full match.
	Partial bool `json:"partial,omitempty"`
	// Versions are the other records of the same work (work.go): its
	// translations, other copies, and the listing entries naming it.
	Versions []Version `json:"versions,omitempty"`
}

// Version is one record of a work shown under another: a translation, a
// copy in another file or format, or an entry of a listing page.
type Version struct {
	ID       string `json:"id"`
	Kind     string `json:"kind"`
	Title    string `json:"title"`
	Language string `json:"language,omitempty"`
	Year     int    `json:"year,omitempty"`
	Source   string `json:"source,omitempty"`
	URL      string `json:"url,omitempty"`
	// For a listing entry: the listing page it is on.
	Parent      string `json:"parent,omitempty"`
	ParentTitle string `json:"parent_title,omitempty"`
}

// Snippet is one highlighted passage. HTML is the only trusted HTML the
// search package produces: it is built from escaped text with <mark> tags
// added around matches, so templates may print it as is.
type Snippet struct {
	HTML      template.HTML `json:"html"`
	Paragraph int           `json:"paragraph"`      // 1-based paragraph number (anchor #pN); 0 = abstract
	Page      int           `json:"page,omitempty"` // page number for PDFs
	// Part is the part of the document page holding the paragraph
	// (Index.DocumentPart); 0 when the text comes in one part.
	Part int `json:"part,omitempty"`
}

// Facets holds the disjunctive facet counts: each facet is counted with
// every filter applied except its own.
type Facets struct {
	Years YearFacet `json:"year"`
	// Terms holds the term facets by name (fields.Terms): "author",
	// "country", .... In JSON each is a key of its own beside "year".
	Terms map[string]TermFacet `json:"-"`
}

// TermFacet counts the values of one keyword field, most frequent first
// (ties by value), at most the query's facet size, with selected values
// always included.
type TermFacet struct {
	Field    string       `json:"field"`
	Values   []FacetValue `json:"values"`
	Distinct int          `json:"distinct"` // distinct values among the hits
	Missing  int          `json:"missing"`  // hits without a value
}

// FacetValue is one value with its count.
type FacetValue struct {
	Value    string `json:"value"`
	Count    int    `json:"count"`
	Selected bool   `json:"selected,omitempty"`
}

// YearFacet is a complete histogram from the corpus's first to last year,
// zero-filled and sorted by year, plus the hits without a date.
type YearFacet struct {
	Bins   []YearBin `json:"bins"`
	NoDate int       `json:"no_date"`
	Min    int       `json:"min"` // first year in the corpus
	Max    int       `json:"max"` // last year in the corpus
}

// YearBin is the count of hits in one year.
type YearBin struct {
	Year  int `json:"year"`
	Count int `json:"count"`
}

// Document is one record with its neighbours, for the document page.
type Document struct {
	// Record is the record with the paragraphs of one part of its text
	// (all of it unless it is longer than a part, about 256 KiB). A paragraph longer
	// than a part is split between parts.
	Record Record `json:"record"`
	// Part is the number of the part shown (1-based) of Parts;
	// FirstParagraph is the number (1-based) of Record.Paragraphs[0] in
	// the whole text.
	Part           int `json:"part"`
	Parts          int `json:"parts"`
	FirstParagraph int `json:"first_paragraph"`

	Prev         *Ref  `json:"prev,omitempty"` // previous number in the same series
	Next         *Ref  `json:"next,omitempty"`
	Translations []Ref `json:"translations,omitempty"` // same series and number, other language
	References   []Ref `json:"references,omitempty"`   // for a listing page: its entries
	// Versions are the other records of the same work (see Hit.Versions).
	Versions []Version `json:"versions,omitempty"`
}

// Ref is a short pointer to another record.
type Ref struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Number   int    `json:"number,omitempty"`
	Language string `json:"language,omitempty"`
	Year     int    `json:"year,omitempty"`
}

// Record is the ingester's record; aliased so callers of search need not
// import indexer for the document page.
type Record = indexer.Record
