package search

import (
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/portuguese"
	"github.com/blevesearch/snowballstem/spanish"
)

// Token filters of our own, for the language analyzers of mapping.go.
//
// bleve registers Snowball stemmers for English, Spanish, French, German,
// Italian and Dutch, but only a light (plural and gender) stemmer for
// Portuguese; the Snowball Portuguese stemmer is in the snowballstem
// module bleve's other stemmers use, so ptStemName wraps it the same way.
//
// esStemName is bleve's Snowball Spanish stemmer with one rule ahead of
// it. Snowball removes -ación and then an "ic" before it (clasificación
// -> clasif), but leaves the "ic" of the verb (clasificar -> clasific), so
// the noun and its verb never meet: erradicar would not find
// erradicación. A noun in -icación (-icaciones) is therefore stemmed as
// its verb in -icar, which is what the noun is made from.
//
// enStemName is the Snowball (Porter2) English stemmer, chosen over
// Porter by the test collections (docs/quality.md, "Stemmers"), with a
// few overrides where both fold a word into an unrelated one that is
// common in policy writing (enOverrides). It costs about twice Porter's
// time per word (1.2 against 0.6 µs), some 6 s of CPU per 10,000
// briefings at ingest.
//
// foldName removes accents from terms after stemming: a query typed
// without them (erradicacion) meets the text written with them,
// and a word whose accent moves between forms (política, políticas) keeps
// one term. Only the index terms are folded; stored text and snippets
// keep the accents.
const (
	ptStemName = "briefs_stem_pt"
	esStemName = "briefs_stem_es"
	enStemName = "briefs_stem_en"
	foldName   = "briefs_fold"
)

func init() {
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	must(registry.RegisterTokenFilter(ptStemName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return ptStemmer{}, nil
	}))
	must(registry.RegisterTokenFilter(esStemName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return esStemmer{}, nil
	}))
	must(registry.RegisterTokenFilter(enStemName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return enStemmer{}, nil
	}))
	must(registry.RegisterTokenFilter(foldName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return foldFilter{}, nil
	}))
}

// ptStemmer is the Snowball Portuguese stemmer as a token filter.
type ptStemmer struct{}

func (ptStemmer) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		tok.Term = snowball(string(tok.Term), portuguese.Stem)
	}
	return input
}

// enOverrides are English words that Snowball (and Porter) stem into a
// far more common, unrelated word: informality and informal become
// "inform", the stem of information, which nearly every report contains,
// so a search for the informal economy would match every report; university
// and universe both become "univers". Each word listed here gets the stem
// given instead, shared only with its own family.
var enOverrides = map[string]string{
	"informal":      "informal",
	"informally":    "informal",
	"informality":   "informal",
	"informalities": "informal",
	"universe":      "universe",
	"universes":     "universe",
	"universal":     "universal",
	"universally":   "universal",
	"universality":  "universal",
}

// enStemmer is the Snowball English stemmer with enOverrides.
type enStemmer struct{}

func (enStemmer) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		if s, ok := enOverrides[string(tok.Term)]; ok {
			tok.Term = []byte(s)
			continue
		}
		tok.Term = snowball(string(tok.Term), english.Stem)
	}
	return input
}

// esStemmer is the Snowball Spanish stemmer, with -icación read as -icar.
type esStemmer struct{}

func (esStemmer) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		w := string(tok.Term)
		for _, suffix := range []string{"icación", "icaciones", "icacion"} {
			if strings.HasSuffix(w, suffix) && len(w) > len(suffix)+2 {
				w = w[:len(w)-len(suffix)] + "icar"
				break
			}
		}
		tok.Term = snowball(w, spanish.Stem)
	}
	return input
}

// snowball stems one word with a Snowball stemmer of the snowballstem
// module.
func snowball(word string, stem func(*snowballstem.Env) bool) []byte {
	env := snowballstem.NewEnv(word)
	stem(env)
	return []byte(env.Current())
}

// foldFilter folds each term to ASCII with bleve's asciifolding (the
// folder nameAnalyzer and normKey use). Terms that are ASCII already, most
// of them, are left as they are without copying.
type foldFilter struct{}

func (foldFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		if !ascii(tok.Term) {
			tok.Term = folder.Filter(tok.Term)
		}
	}
	return input
}

func ascii(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
