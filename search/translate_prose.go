package search

import (
	"github.com/blevesearch/bleve/v2/search/query"
)

// Prose: words, phrases and bags of words matched in the title, abstract
// and body fields of one language group, scored by BM25F (bm25.go).

// boostedField is a prose field with its query-time weight.
type boostedField struct {
	name  string
	boost float64
}

// proseFields lists the prose fields of a scope in group g with their boosts.
func proseFields(g string, sc scope) []boostedField {
	out := []boostedField{{proseField(FieldTitle, g), TitleBoost}}
	if sc == scopeAll {
		out = append(out,
			boostedField{proseField(FieldAbstract, g), AbstractBoost},
			boostedField{proseField(FieldBody, g), BodyBoost})
	}
	return out
}

// word matches one word in the prose fields of group g. A "word" the
// analyzer splits in several terms (drug-policy, U.S.) is matched as a
// phrase, as a user typing it means.
func (t *translator) word(text, g string, sc scope) part {
	if g == "" {
		return vacuousPart
	}
	terms := t.analyze(g, text)
	switch len(terms) {
	case 0:
		return vacuousPart
	case 1:
		return t.check(part{q: t.bm25(terms, g, sc, 1)})
	}
	return t.phrase(text, g, sc)
}

// phrase matches the words of text next to each other, in order. Stop
// words the analyzer removes leave gaps that match any word. bleve's
// phrase query only selects the records (a non-scoring filter); they are
// scored by BM25F over the phrase's words, like every other prose match.
func (t *translator) phrase(text, g string, sc scope) part {
	if g == "" {
		return vacuousPart
	}
	toks := t.g.analyzer(g).Analyze([]byte(text))
	if len(toks) == 0 {
		return vacuousPart
	}
	for _, tok := range toks {
		t.surface[g+"\x00"+string(tok.Term)] = text[tok.Start:tok.End]
	}
	var names []string
	for _, f := range proseFields(g, sc) {
		names = append(names, f.name)
	}
	pq := newPhraseQuery(toks, names)
	distinct := map[string]bool{}
	for _, term := range pq.terms {
		distinct[term] = true
	}
	b := query.NewBooleanQuery([]query.Query{conj(t.bm25(pq.terms, g, sc, len(distinct)))}, nil, nil)
	b.AddFilter(pq)
	return t.check(part{q: b})
}

// words matches any of the given (expanded) words: records with several
// of them score higher, as BM25F sums over terms.
func (t *translator) words(words []string, g string, sc scope) part {
	if len(words) == 0 {
		return nonePart
	}
	if g == "" {
		return vacuousPart
	}
	terms := t.terms(words, g)
	if len(terms) == 0 {
		return vacuousPart
	}
	return t.check(part{q: t.bm25(terms, g, sc, 1)})
}

// terms analyses words with group g's analyzer, each term once.
func (t *translator) terms(words []string, g string) []string {
	if g == "" {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	for _, w := range words {
		for _, term := range t.analyze(g, w) {
			if !seen[term] {
				seen[term] = true
				out = append(out, term)
			}
		}
	}
	return out
}

// bm25 is a BM25F query (bm25.go) for analysed terms of group g over the
// prose fields of scope sc, matching records with at least min distinct
// terms. A failure to read the collection statistics is kept in t.err.
func (t *translator) bm25(terms []string, g string, sc scope, min int) query.Query {
	if t.stats == nil && t.err == nil {
		t.stats, t.err = t.g.stats()
	}
	if t.err != nil {
		return query.NewMatchNoneQuery()
	}
	q := &bm25Query{terms: terms, fields: proseFields(g, sc), min: min, stats: t.stats, alt: map[string][]string{}}
	var others []string
	for _, other := range t.g.groups {
		q.docs += t.stats.GroupDocs[other]
		if other != g {
			others = append(others, other)
			var names []string
			for _, f := range proseFields(other, sc) {
				names = append(names, f.name)
			}
			q.others = append(q.others, names)
		}
	}
	for _, term := range terms {
		w, ok := t.surface[g+"\x00"+term]
		if !ok || len(others) == 0 {
			continue
		}
		alt := make([]string, len(others))
		for i, other := range others {
			if ts := analyze(t.g.analyzer(other), w); len(ts) == 1 {
				alt[i] = ts[0]
			}
		}
		q.alt[term] = alt
	}
	return q
}
