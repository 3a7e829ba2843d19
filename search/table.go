package search

import (
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/briefs/briefs/fields"
)

// This file is where the search package reads the table of fields
// (package fields): which index fields a metadata field gets, how its
// values are put into them, how filters and field queries match them and
// which facets are counted.

// facetYear is the year histogram's name, as a facet and a filter.
const facetYear = "year"

// Facet (and filter) names of the built-in term facets that the engine
// itself relies on: document pages sort translations by language, list a
// series' neighbours and tell kinds apart.
const (
	facetSeries   = "series"
	facetLanguage = "language"
	facetKind     = "kind"
)

// termFacetDef describes a keyword facet: its name (the Query filter key),
// the display field counted, the field filters match and how a value is
// normalised to match it.
type termFacetDef struct {
	name    string
	display string
	match   string
	norm    func(string) string
}

// termFacets lists the keyword facets of the table, in table order. They
// are derived once per version of the table: a query asks for them a few
// times.
func termFacets() []termFacetDef {
	v := fields.Version()
	derived.Lock()
	defer derived.Unlock()
	if derived.defs == nil || derived.version != v {
		derived.defs, derived.version = []termFacetDef{}, v
		for _, f := range fields.Terms() {
			derived.defs = append(derived.defs, termFacetDef{name: f.Name, display: f.Name, match: matchField(f), norm: normOf(f)})
		}
	}
	return derived.defs
}

var derived struct {
	sync.Mutex
	version int
	defs    []termFacetDef
}

// matchField is the index field that filters and exact field queries of f
// match: the folded key for names and keywords, the value itself for codes.
func matchField(f fields.Field) string {
	switch f.Analysis {
	case fields.Name, fields.Keyword:
		return f.IndexKey()
	}
	return f.Name
}

// normOf is how a value of f, in a record or a filter, is normalised to
// meet the values of matchField(f).
func normOf(f fields.Field) func(string) string {
	switch f.Analysis {
	case fields.Language:
		return langCode
	case fields.Code:
		return codeKey
	}
	return normKey
}

// codeKey is a Code value as indexed: trimmed, lower case.
func codeKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// addMetaMappings maps the index fields of the table's facet-like fields:
// display value and key of names and keywords, words of names, the value
// of codes. Facets are counted and sorted from columns read off the
// postings (columns.go), so only the language, which a document's
// translations are sorted by, keeps doc values.
func addMetaMappings(add func(string, *mapping.FieldMapping), keywordField func(docValues bool) *mapping.FieldMapping) {
	for _, f := range fields.All() {
		switch f.Analysis {
		case fields.Language, fields.Code:
			add(f.Name, keywordField(f.Name == FieldLanguage))
		case fields.Keyword:
			add(f.Name, keywordField(false))
			add(f.IndexKey(), keywordField(false))
		case fields.Name:
			add(f.Name, keywordField(false))
			add(f.IndexKey(), keywordField(false))
			add(f.IndexText(), &mapping.FieldMapping{Type: "text", Analyzer: nameAnalyzer, Index: true, IncludeTermVectors: true})
		}
	}
}

// metaFields adds a record's facet-like fields to the field map bleve
// indexes (docFields): for names and keywords the trimmed display values
// and their keys (and, for names, their words); for codes the normalised
// value.
func metaFields(f map[string]any, rec Record) {
	for _, fd := range fields.All() {
		switch fd.Analysis {
		case fields.Name, fields.Keyword:
			var vals, keys []string
			for _, v := range rec.Values(fd.Key) {
				if v = strings.TrimSpace(v); v != "" {
					vals = append(vals, v)
					keys = append(keys, normKey(v))
				}
			}
			if len(vals) == 0 {
				continue
			}
			f[fd.Name] = vals
			f[fd.IndexKey()] = keys
			if fd.Analysis == fields.Name {
				f[fd.IndexText()] = vals
			}
		case fields.Language, fields.Code:
			for _, v := range rec.Values(fd.Key) {
				if v = codeKey(v); v != "" {
					f[fd.Name] = v
				}
			}
		}
	}
}

// fieldQuery translates field:query for a metadata field of the table;
// prose fields (title:, text:) are the translator's own.
func (t *translator) fieldQuery(n Field, f fields.Field) part {
	switch f.Analysis {
	case fields.Name:
		return t.meta(n.Node, f.IndexKey(), f.IndexText())
	case fields.Keyword:
		return t.exact(n.Node, f.IndexKey(), normKey)
	case fields.Language:
		return t.exact(n.Node, f.Name, langCode)
	case fields.Code:
		return t.exact(n.Node, f.Name, codeKey)
	case fields.Year:
		return t.exact(n.Node, FieldYear, nil)
	}
	t.err = errUnknownField(n.Name)
	return nonePart
}
