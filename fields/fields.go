// Package fields is the one declared table of a record's fields: for each
// field its name, its key in records, sidecars and JSON Lines, the names
// users may write before a colon in a query, whether it is a facet (and
// what the facet is called), whether it is a CSV column, and how the index
// analyses it. The index mapping, the query parser and its translator,
// facet counting, the web filters and chips, the CLI's filter flags, the
// exports and the sidecar and JSON Lines readers all read this table, so
// a new keyword facet (a collection's "topic" or "region") is one entry
// here and nothing else.
//
// The package imports nothing of the project: indexer, search/syntax,
// search, web and cmd/briefs all import it.
package fields

import (
	"slices"
	"strings"
	"sync"
)

// Analysis says how the index holds a field and how a query matches it.
type Analysis int

const (
	// Stored fields are kept with the record and exported, not indexed.
	Stored Analysis = iota
	// Prose is text analysed per language (stemmed, stop words removed):
	// title, abstract, body.
	Prose
	// Name values are indexed whole (display value and folded key, for
	// facets and exact filters) and by their words, so author:soberon
	// finds "Ricardo Soberón Garrido".
	Name
	// Keyword values are indexed whole: the display value, counted by
	// facets, and the folded key (accents and case removed) that filters
	// and field queries match. A field that is not one of Record's struct
	// fields is held in Record.Extra: the kind a collection adds.
	Keyword
	// Code values are short codes matched exactly after lower-casing
	// (kind: "briefing").
	Code
	// Language is an ISO 639-1 code; filters also accept language names
	// ("Spanish", "español").
	Language
	// Year is a number that queries match as a year or range
	// (year:1998..2005) and the year facet counts as a histogram.
	Year
	// Number is a number, sorted on but not queried (number in a series).
	Number
	// Date is a date, sorted on.
	Date
)

// Field is one entry of the table.
type Field struct {
	// Name is the field's name in the index, in URL filter parameters
	// (?author=…), in facets and in the CLI's filter flags (--author);
	// singular: "author".
	Name string
	// Key is the field's key in Record's JSON, sidecars and JSON Lines
	// lines: "authors". A key that is not one of Record's JSON keys puts
	// the values in Record.Extra.
	Key string
	// Query lists the names users may write before a colon, the canonical
	// one first; none: the field cannot be queried by name.
	Query []string
	// Example is a value to show in help and error messages.
	Example string
	// Analysis is how the index holds the field.
	Analysis Analysis
	// Facet is the facet's label ("Author"); "" when the field is not a
	// facet. Every facet is also a filter.
	Facet string
	// FacetOrder places the facet in the default set a search page shows
	// (1 first); 0 leaves it out of the default set (it can still be
	// chosen, filtered on and counted).
	FacetOrder int
	// CSV makes the field a column of the CSV export, in table order.
	CSV bool
}

// IsFacet reports whether the field is a facet and a filter.
func (f Field) IsFacet() bool { return f.Facet != "" }

// Queryable reports whether the field has a name in the query language.
func (f Field) Queryable() bool { return len(f.Query) > 0 }

// IndexKey is the field holding the folded value (see Analysis Name and
// Keyword): "author_key".
func (f Field) IndexKey() string { return f.Name + "_key" }

// IndexText is the field holding the words of a Name value: "author_text".
func (f Field) IndexText() string { return f.Name + "_text" }

// declared is the table. Its order is the order of the CSV columns (kind,
// publisher and abstract come after the older columns so that scripts
// reading them by position keep working) and of facets and filters that
// are not in the default set.
var declared = []Field{
	{Name: "id", Key: "id", CSV: true},
	{Name: "title", Key: "title", Query: []string{"title"}, Example: "coca", Analysis: Prose, CSV: true},
	{Name: "author", Key: "authors", Query: []string{"author", "authors", "by"}, Example: "Soberón",
		Analysis: Name, Facet: "Author", FacetOrder: 5, CSV: true},
	{Name: "date", Key: "date", Analysis: Date, CSV: true},
	{Name: "year", Key: "year", Query: []string{"year"}, Example: "2005", Analysis: Year, Facet: "Year", FacetOrder: 6, CSV: true},
	{Name: "series", Key: "series", Query: []string{"series"}, Example: `"Drug Policy Briefing"`,
		Analysis: Name, Facet: "Series", FacetOrder: 2, CSV: true},
	{Name: "number", Key: "number", Analysis: Number, CSV: true},
	{Name: "country", Key: "countries", Query: []string{"country", "countries"}, Example: "Bolivia",
		Analysis: Name, Facet: "Country", FacetOrder: 3, CSV: true},
	{Name: "language", Key: "language", Query: []string{"language", "lang"}, Example: "es",
		Analysis: Language, Facet: "Language", FacetOrder: 4, CSV: true},
	{Name: "url", Key: "url", CSV: true},
	{Name: "source", Key: "source", CSV: true},
	{Name: "kind", Key: "kind", Query: []string{"kind", "type"}, Example: "briefing",
		Analysis: Code, Facet: "Type", FacetOrder: 1, CSV: true},
	{Name: "publisher", Key: "publisher", Query: []string{"publisher"}, Example: "TNI",
		Analysis: Name, Facet: "Publisher", CSV: true},
	{Name: "abstract", Key: "abstract", Analysis: Prose, CSV: true},
	{Name: "keyword", Key: "keywords", Query: []string{"keyword", "keywords"}, Example: "harm-reduction",
		Analysis: Keyword, Facet: "Keyword"},
	{Name: "text", Key: "paragraphs", Query: []string{"text", "body"}, Example: "coca", Analysis: Prose},
	{Name: "pdf_url", Key: "pdf_url"},
}

// The table in use, and the lists derived from it, rebuilt by Declare.
var (
	mu      sync.RWMutex
	table   = declared
	facets  = facetsOf(declared)
	version int
)

// All returns the table, in order. The caller may not modify it.
func All() []Field {
	mu.RLock()
	defer mu.RUnlock()
	return table
}

// Version changes whenever Declare changes the table, so that what a
// package derives from the table can be cached.
func Version() int {
	mu.RLock()
	defer mu.RUnlock()
	return version
}

// Declare adds a field to the table, for a collection's own fields and for
// tests; it returns a function that removes it again. Declare fields
// before building or opening an index: the mapping, the facet columns and
// the parser read the table when they start.
func Declare(f Field) (undo func()) {
	change := func(edit func([]Field) []Field) {
		mu.Lock()
		defer mu.Unlock()
		table = edit(table)
		facets = facetsOf(table)
		version++
	}
	change(func(t []Field) []Field { return append(slices.Clip(t), f) })
	return func() {
		change(func(t []Field) []Field {
			return slices.DeleteFunc(slices.Clone(t), func(g Field) bool { return g.Name == f.Name })
		})
	}
}

func facetsOf(t []Field) []Field {
	var out []Field
	for _, f := range t {
		if f.IsFacet() {
			out = append(out, f)
		}
	}
	return out
}

// ByName returns the field called name (as in Field.Name).
func ByName(name string) (Field, bool) {
	for _, f := range All() {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// ByKey returns the field whose Key is key.
func ByKey(key string) (Field, bool) {
	for _, f := range All() {
		if f.Key == key {
			return f, true
		}
	}
	return Field{}, false
}

// ByQueryName returns the field a query may name before a colon; the name
// is case-insensitive.
func ByQueryName(name string) (Field, bool) {
	name = strings.ToLower(name)
	for _, f := range All() {
		if slices.Contains(f.Query, name) {
			return f, true
		}
	}
	return Field{}, false
}

// Facets returns the facet fields in table order, the year included. The
// caller may not modify it.
func Facets() []Field {
	mu.RLock()
	defer mu.RUnlock()
	return facets
}

// Terms returns the facets that count values (every facet but the year
// histogram), in table order: the filters a URL, the CLI and the API
// accept.
func Terms() []Field {
	var out []Field
	for _, f := range Facets() {
		if f.Analysis != Year {
			out = append(out, f)
		}
	}
	return out
}

// DefaultFacets returns the names of the facets a search page shows when
// the collection chooses none, in FacetOrder.
func DefaultFacets() []string {
	var fs []Field
	for _, f := range Facets() {
		if f.FacetOrder > 0 {
			fs = append(fs, f)
		}
	}
	slices.SortStableFunc(fs, func(a, b Field) int { return a.FacetOrder - b.FacetOrder })
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Name
	}
	return out
}
