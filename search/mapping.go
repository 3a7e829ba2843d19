package search

import (
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/mapping"

	// Language packages register their analyzers and filters with bleve's
	// registry when imported.
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/es"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/analysis/lang/it"
	"github.com/blevesearch/bleve/v2/analysis/lang/nl"
	"github.com/blevesearch/bleve/v2/analysis/lang/pt"
)

// MappingVersion is stored in every index. Bump it whenever the mapping or
// the way records are turned into documents changes: an index built with
// another version is refused by Open (a *VersionError) instead of giving
// quietly wrong answers.
const MappingVersion = 6 // 4: keyword, keyword_key (the keywords facet); 5: no file work key for JSON Lines records; 6: zap version 15 segments, written by zapwrite

// Index field names. Prose fields exist once per language group
// (title_en, title_es, ..., title_xx; see proseField); a record fills only
// the group of its own language, so each field has one analyzer and query
// text is analysed the way the documents in that field were.
const (
	FieldTitle    = "title"    // prose, boosted by TitleBoost
	FieldAbstract = "abstract" // prose (abstract and keywords), boosted by AbstractBoost
	FieldBody     = "body"     // prose, one array element per paragraph

	// FieldLangGroup holds the language group whose prose fields a record
	// uses ("en", ..., "xx"), so a query branch for one group can be limited
	// to the records of that group.
	FieldLangGroup = "lang_group"

	// The metadata fields (author, series, country, language, kind,
	// publisher, keyword, and any a collection declares) are named by the
	// table of fields (package fields; table.go): NAME holds the display
	// values, keyword-analysed, that facets count; NAME_key the whole
	// value folded by normKey ("Ricardo Soberón Garrido" -> "ricardo
	// soberon garrido") for exact, case- and accent-insensitive filters
	// and field queries; NAME_text, for names, its words (nameAnalyzer),
	// so author:soberon finds a part of a name.
	FieldLanguage = "language" // ISO 639-1 code as the record gives it, lower-cased

	FieldYear   = "year"   // number; absent when the record has no date
	FieldNumber = "number" // number within the series; absent when 0
	FieldDate   = "date"   // datetime, for sorting
	FieldParent = "parent" // keyword: ID of the listing page of a reference
	FieldWork   = "work"   // keyword: keys naming the work a record is a version of (work.go)

	// FieldSpell holds every word of title, abstract and body, lower-cased
	// but not stemmed, in all languages. Its term dictionary is where
	// prefix and fuzzy queries are expanded and where "did you mean" looks
	// for respellings: real words, not stems.
	FieldSpell = "spell"

	// Stored only (not indexed). The record itself (metadata and text) is
	// in the generation's document store (docstore), not in bleve, so that
	// segment merges do not copy the text again and a window of a long
	// text is read without decoding all of it.
	FieldHash = "hash" // the record's Hash, to skip unchanged records
	FieldRoot = "root" // the ingest root the record came from (keyword, also indexed)
)

// Weights of the prose fields relative to the body in BM25F (bm25.go): a
// word in the title says more about what a briefing is about than one in
// the body, so its frequency counts three times. On the test collection
// (titles and abstracts of articles, docs/quality.md) a title weight of 1,
// 2, 3 and 5 gave MAP 0.328, 0.347, 0.351 and 0.354: the gain flattens
// after 3, and a heavier title lets one title word outweigh a body about
// the subject. The abstract (summary and keywords) sits between the two.
const (
	TitleBoost    = 3.0
	AbstractBoost = 2.0
	BodyBoost     = 1.0
)

// Analyzer names defined in the mapping.
const (
	// nameAnalyzer splits names into folded lower-case words: "Soberón" and
	// "soberon" meet.
	nameAnalyzer = "briefs_name"
	// plainAnalyzer lower-cases words and does nothing else; for FieldSpell.
	plainAnalyzer = "briefs_plain"
)

// langGroups are the languages with their own prose fields and bleve
// analyzer; records in any other (or no) language go to "xx", analysed by
// bleve's standard analyzer (no stemming).
var langGroups = []string{"en", "es", "fr", "pt", "de", "it", "nl", "xx"}

// langAnalyzer maps a language group to the analyzer of its prose fields.
var langAnalyzer = map[string]string{}

// langFilters are the token filters of each language group's analyzer, in
// order, after wordTokenizer (tokenizer.go): lower case, the language's
// stop words, its Snowball stemmer (stem.go for English, Spanish and
// Portuguese; bleve's for the others), then accent folding, so a query
// typed without accents meets the text written with them. "xx", records
// in any other language or none, is not stemmed: a stemmer for the wrong
// language does more harm than none. TestLangAnalyzersMatchBleve checks
// that wordTokenizer gives the same terms as bleve's unicode tokenizer
// under each group's filters.
var langFilters = map[string][]string{
	"en": {en.PossessiveName, lowercase.Name, en.StopName, enStemName, foldName},
	"es": {lowercase.Name, es.StopName, esStemName, foldName},
	"fr": {lowercase.Name, fr.ElisionName, fr.StopName, fr.SnowballStemmerName, foldName},
	"pt": {lowercase.Name, pt.StopName, ptStemName, foldName},
	"de": {lowercase.Name, de.StopName, de.NormalizeName, de.SnowballStemmerName, foldName},
	"it": {lowercase.Name, it.ElisionName, it.StopName, it.SnowballStemmerName, foldName},
	"nl": {lowercase.Name, nl.StopName, nl.SnowballStemmerName, foldName},
	"xx": {lowercase.Name, en.StopName, foldName},
}

func init() {
	for _, g := range langGroups {
		langAnalyzer[g] = "briefs_" + g
	}
}

// langGroup returns the language group for a record's Language.
func langGroup(lang string) string {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i] // "en-GB" -> "en"
	}
	if _, ok := langAnalyzer[lang]; ok {
		return lang
	}
	return "xx"
}

// proseField names the per-language variant of a prose field: title_es.
func proseField(base, group string) string { return base + "_" + group }

// newMapping returns the index mapping: static (nothing is indexed unless
// listed here), BM25 scoring, one set of prose fields per language group.
func newMapping() *mapping.IndexMappingImpl {
	im := mapping.NewIndexMapping()
	im.ScoringModel = "bm25"
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false
	im.DefaultAnalyzer = standard.Name

	mustAdd := func(err error) {
		if err != nil {
			panic(err) // the definitions below are constants; a failure is a bug caught by every test
		}
	}
	mustAdd(im.AddCustomAnalyzer(nameAnalyzer, map[string]interface{}{
		"type":          custom.Name,
		"char_filters":  []interface{}{asciifolding.Name},
		"tokenizer":     wordTokenizerName,
		"token_filters": []interface{}{lowercase.Name},
	}))
	mustAdd(im.AddCustomAnalyzer(plainAnalyzer, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     wordTokenizerName,
		"token_filters": []interface{}{lowercase.Name},
	}))
	for _, g := range langGroups {
		var filters []interface{}
		for _, f := range langFilters[g] {
			filters = append(filters, f)
		}
		mustAdd(im.AddCustomAnalyzer(langAnalyzer[g], map[string]interface{}{
			"type":          custom.Name,
			"tokenizer":     wordTokenizerName,
			"token_filters": filters,
		}))
	}

	dm := mapping.NewDocumentStaticMapping()
	add := func(name string, fm *mapping.FieldMapping) {
		fm.Name = name
		dm.AddFieldMappingsAt(name, fm)
	}

	// Prose: indexed with term vectors (phrase queries need positions, and
	// snippets find their passages from the byte offsets), not stored (the
	// text is in the document store), no doc values (never sorted or
	// faceted on).
	for _, g := range langGroups {
		for _, base := range []string{FieldTitle, FieldAbstract, FieldBody} {
			add(proseField(base, g), &mapping.FieldMapping{
				Type:               "text",
				Analyzer:           langAnalyzer[g],
				Index:              true,
				IncludeTermVectors: true,
			})
		}
	}
	add(FieldSpell, &mapping.FieldMapping{
		Type: "text", Analyzer: plainAnalyzer, Index: true, SkipFreqNorm: true,
	})

	keywordField := func(docValues bool) *mapping.FieldMapping {
		return &mapping.FieldMapping{Type: "text", Analyzer: keyword.Name, Index: true, DocValues: docValues}
	}
	// The metadata fields of the table of fields (table.go).
	addMetaMappings(add, keywordField)
	for _, f := range []string{FieldLangGroup, FieldParent, FieldWork} {
		add(f, keywordField(false))
	}

	add(FieldYear, &mapping.FieldMapping{Type: "number", Index: true, DocValues: true, Store: true}) // stored for the corpus year span
	add(FieldNumber, &mapping.FieldMapping{Type: "number", Index: true, DocValues: true})
	add(FieldDate, &mapping.FieldMapping{Type: "datetime", Index: true, DocValues: true})

	stored := func() *mapping.FieldMapping {
		return &mapping.FieldMapping{Type: "text", Analyzer: keyword.Name, Store: true}
	}
	add(FieldHash, stored())
	root := keywordField(false)
	root.Store = true
	add(FieldRoot, root)

	// No "_all" field: every query names its fields, and bleve would
	// otherwise build a composite of all fields for each document (7% of
	// ingest CPU) only to index nothing into it.
	dm.AddSubDocumentMapping("_all", mapping.NewDocumentDisabledMapping())
	im.DefaultMapping = dm
	return im
}

// folder folds accents to ASCII (bleve's asciifolding char filter, the
// same one nameAnalyzer uses). It keeps no state, so one value is shared.
var folder = asciifolding.New()

// normKey folds a facet value for matching: accents removed, lower case,
// inner whitespace collapsed. "  Perú " and "peru" give the same key.
func normKey(s string) string {
	s = string(folder.Filter([]byte(s)))
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), unicode.IsSpace), " ")
}
