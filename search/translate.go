package search

import (
	"fmt"
	"maps"

	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/briefs/briefs/search/syntax"
)

// This file translates the parsed query tree into bleve queries.
//
// Records of different languages live in different prose fields (title_en,
// title_es, ...), each with its own analyzer. A query is therefore
// translated once per language group present in the index, every branch
// limited to the records of its group, and the branches are ORed. Within a
// branch the query text is analysed by that group's analyzer, so an English
// query stems the English way and a word that is a stop word in one
// language ("the") is dropped from that branch only, instead of making the
// whole AND unmatchable there.

// maxExpansions caps the words one prefix or fuzzy term expands to. Each
// word becomes a clause per field and language; beyond this the query gets
// slow and the extra words are rare ones. The most frequent are kept and
// Results.Notes says so.
const maxExpansions = 64

// scope is the set of prose fields a text node searches.
type scope int

const (
	scopeAll   scope = iota // title, abstract and body
	scopeTitle              // title only (title:...)
)

// part is a translated node. A vacuous part constrains nothing (its words
// all analysed away, e.g. stop words) and is dropped by its parent; a none
// part matches nothing (a prefix no word starts with). A filter part (a
// year range, a language or kind) restricts without saying anything about
// relevance: inside an AND it becomes a non-scoring filter clause, so
// year:2015..2018 alone lists by date instead of by accidents of numeric
// term scoring.
type part struct {
	q       query.Query
	vacuous bool
	none    bool
	filter  bool
}

// query returns the part as a query that can stand alone.
func (p part) query() query.Query {
	if !p.filter {
		return p.q
	}
	b := query.NewBooleanQuery([]query.Query{conj(query.NewMatchAllQuery())}, nil, nil)
	b.AddFilter(p.q)
	return b
}

var (
	vacuousPart = part{vacuous: true}
	nonePart    = part{none: true}
)

// translator translates one query against one generation. It caches the
// expansions of prefix and fuzzy terms (also needed for highlighting) and
// collects notes for the user.
type translator struct {
	g     *generation
	match syntax.Matching // how the plain words of the top level combine
	r     index.IndexReader
	stats *corpusStats
	exp   map[string][]string
	// surface maps a group and one of its terms ("es\x00remittanc") to
	// the word of the query it came from ("remittances"), so that bm25 can
	// look the same word up in the other groups' fields (bm25Query.alt).
	surface map[string]string
	notes   []string
	err     error
}

func newTranslator(g *generation, m syntax.Matching) *translator {
	return &translator{g: g, match: m, exp: map[string][]string{}, surface: map[string]string{}}
}

// analyze returns the terms of text under group g's analyzer and
// remembers the word each came from.
func (t *translator) analyze(g, text string) []string {
	toks := t.g.analyzer(g).Analyze([]byte(text))
	out := make([]string, len(toks))
	for i, tok := range toks {
		out[i] = string(tok.Term)
		t.surface[g+"\x00"+out[i]] = text[tok.Start:tok.End]
	}
	return out
}

func (t *translator) close() {
	if t.r != nil {
		t.r.Close()
		t.r = nil
	}
}

// text translates the whole tree. none reports a query that cannot match,
// which callers must not wrap in a BooleanQuery: bleve turns a MatchNone
// "must" clause next to a filter into "match everything filtered".
func (t *translator) text(tree Node) (q query.Query, none bool, err error) {
	if tree == nil {
		return query.NewMatchAllQuery(), false, nil
	}
	var branches []query.Query
	vacuous := 0
	groups := t.g.groups
	if !textual(tree) {
		groups = []string{""} // metadata only: one branch serves every language
	}
	for _, g := range groups {
		p := t.node(tree, g, scopeAll, true)
		if t.err != nil {
			return nil, false, t.err
		}
		switch {
		case p.vacuous:
			vacuous++
		case p.none:
		case g == "" || len(t.g.groups) == 1 || requiresProse(tree):
			// A branch that can only match through group g's prose fields
			// holds only records of group g already: the filter would
			// cost a step per match (a tenth of a query) for nothing.
			branches = append(branches, p.query())
		default:
			b := query.NewBooleanQuery([]query.Query{conj(p.query())}, nil, nil)
			b.AddFilter(termQuery(g, FieldLangGroup))
			branches = append(branches, b)
		}
	}
	switch {
	case len(branches) == 1:
		return branches[0], false, nil
	case len(branches) > 1:
		return &groupsQuery{branches: branches}, false, nil
	case vacuous > 0:
		t.notes = append(t.notes, "your query has only very common words, which are not indexed")
	}
	return nil, true, nil
}

// textual reports whether a tree searches prose (and so depends on the
// language of the records).
func textual(n Node) bool {
	switch n := n.(type) {
	case Term, Phrase, Prefix, Fuzzy:
		return true
	case Field:
		return n.Name == "title" || n.Name == "text"
	case And:
		for _, c := range n.Nodes {
			if textual(c) {
				return true
			}
		}
	case Or:
		for _, c := range n.Nodes {
			if textual(c) {
				return true
			}
		}
	case Not:
		return textual(n.Node)
	}
	return false
}

// requiresProse reports whether every record a tree matches must match
// one of its prose words (a term, phrase, prefix or fuzzy word, or a
// title: or text: field). Such a tree, translated for language group g,
// matches only records of that group, whose prose fields are the only
// ones g's branch searches; any other tree (a negation, a metadata field,
// a year range) could match records of every group in every branch.
func requiresProse(n Node) bool {
	switch n := n.(type) {
	case Term, Phrase, Prefix, Fuzzy:
		return true
	case Field:
		return (n.Name == "title" || n.Name == "text") && requiresProse(n.Node)
	case And:
		positive := 0
		for _, c := range n.Nodes {
			if _, not := c.(Not); not {
				continue
			}
			if !requiresProse(c) {
				return false
			}
			positive++
		}
		return positive > 0
	case Or:
		for _, c := range n.Nodes {
			if !requiresProse(c) {
				return false
			}
		}
		return len(n.Nodes) > 0
	}
	return false
}

// node translates n for language group g ("" when n has no prose).
func (t *translator) node(n Node, g string, sc scope, top bool) part {
	switch n := n.(type) {
	case Term:
		return t.word(n.Text, g, sc)
	case Phrase:
		return t.phrase(n.Text, g, sc)
	case Prefix:
		return t.words(t.expandPrefix(n), g, sc)
	case Fuzzy:
		return t.words(t.expandFuzzy(n), g, sc)
	case Field:
		return t.field(n, g, sc)
	case Range:
		if n.Field != "year" {
			t.err = fmt.Errorf("range on %s: only year ranges are supported", n.Field)
			return nonePart
		}
		return part{q: yearRange(n.From, n.To), filter: true}
	case And:
		return t.and(n, g, sc, top)
	case Or:
		if p, ok := t.anyWord(n, g, sc); ok {
			return p
		}
		return t.or(n.Nodes, func(c Node) part { return t.node(c, g, sc, false) })
	case Not:
		return negate(t.node(n.Node, g, sc, false))
	case nil:
		return vacuousPart
	}
	t.err = fmt.Errorf("unsupported query node %T", n)
	return nonePart
}

// and requires all of its children; Not children become must-not clauses.
// At the top level the default matching rule (syntax.DefaultMatching) decides how plain
// words combine: matchAll requires each, matchAny requires one of them
// (ranking those with more first), matchRanked goes to ranked.
func (t *translator) and(n And, g string, sc scope, top bool) part {
	if top && t.match.Mode == syntax.MatchRanked {
		return t.ranked(n, g, sc)
	}
	var must, mustNot, filters, words []query.Query
	relaxed := top && t.match.Mode == syntax.MatchAny
	for _, c := range n.Nodes {
		if not, ok := c.(Not); ok {
			p := t.node(not.Node, g, sc, false)
			if !p.vacuous && !p.none {
				mustNot = append(mustNot, p.q)
			}
			continue
		}
		term, isWord := c.(Term)
		isWord = isWord && relaxed && !syntax.Required(term)
		p := t.node(c, g, sc, false)
		switch {
		case p.vacuous:
			continue
		case p.none && !isWord:
			return nonePart
		case p.none:
			continue // a relaxed word that matches nothing just does not count
		case p.filter:
			filters = append(filters, p.q)
		case isWord:
			words = append(words, p.q)
		default:
			must = append(must, p.q)
		}
	}
	if len(words) > 0 {
		must = append(must, anyWords(words))
	}
	return combine(must, nil, mustNot, filters)
}

// ranked translates the top level of a long query (matchRanked): its plain
// content words (minus request words, unless there is nothing else), the
// words of its phrases and the
// expansions of its prefix and fuzzy words form one bag of words scored by
// BM25F, which records must match at least once; a phrase found exactly
// adds its words' score again. +word, +"phrase", field:x, (a OR b) and
// year ranges are required and -x excluded, as in any query; when such a
// clause is present the bag only ranks.
func (t *translator) ranked(n And, g string, sc scope) part {
	var must, mustNot, filters, bonus []query.Query
	var bag, requests []string
	for _, c := range n.Nodes {
		switch c := c.(type) {
		case Not:
			if p := t.node(c.Node, g, sc, false); !p.vacuous && !p.none {
				mustNot = append(mustNot, p.q)
			}
			continue
		case Term:
			if !syntax.Required(c) {
				switch {
				case g == "" || !t.g.content(c.Text):
				case syntax.RequestWord(c.Text):
					requests = append(requests, c.Text)
				default:
					// A word the analyzer splits (hidden-line) adds
					// each part.
					bag = append(bag, t.analyze(g, c.Text)...)
				}
				continue
			}
		case Phrase:
			if !t.match.Plus[c.Text] {
				if g != "" {
					bag = append(bag, t.analyze(g, c.Text)...)
					if p := t.phrase(c.Text, g, sc); !p.vacuous && !p.none {
						bonus = append(bonus, p.q)
					}
				}
				continue
			}
		case Prefix:
			bag = append(bag, t.terms(t.expandPrefix(c), g)...)
			continue
		case Fuzzy:
			bag = append(bag, t.terms(t.expandFuzzy(c), g)...)
			continue
		}
		p := t.node(c, g, sc, false)
		switch {
		case p.vacuous:
		case p.none:
			return nonePart
		case p.filter:
			filters = append(filters, p.q)
		default:
			must = append(must, p.q)
		}
	}
	if len(bag) == 0 {
		// Nothing but request words ("find articles"): search them after all.
		bag = t.terms(requests, g)
	}
	var should []query.Query
	if len(bag) > 0 {
		q := t.bm25(bag, g, sc, 1)
		if bq, ok := q.(*bm25Query); ok {
			// Each language's records score in proportion to how much of
			// the query its vocabulary has (bm25Query.cover).
			bq.cover = true
		}
		if len(must) == 0 {
			must = append(must, q)
		} else {
			should = append(should, q)
		}
		should = append(should, bonus...)
	}
	if t.err != nil {
		return nonePart
	}
	return combine(must, should, mustNot, filters)
}

// combine builds the query requiring must, ranking by should, excluding
// mustNot and filtering (without scoring) by filters.
func combine(must, should, mustNot, filters []query.Query) part {
	if len(must) == 0 && len(should) > 0 {
		must, should = []query.Query{query.NewDisjunctionQuery(should)}, nil
	}
	switch {
	case len(must) == 0 && len(should) == 0 && len(mustNot) == 0 && len(filters) == 0:
		return vacuousPart
	case len(should) == 0 && len(mustNot) == 0 && len(filters) == 0 && len(must) == 1:
		return part{q: must[0]}
	case len(should) == 0 && len(mustNot) == 0 && len(filters) == 0:
		return part{q: query.NewConjunctionQuery(must)}
	case len(must) == 0 && len(mustNot) == 0:
		return part{q: conj(filters...), filter: true}
	case len(must) == 0:
		must = []query.Query{query.NewMatchAllQuery()}
	}
	b := query.NewBooleanQuery([]query.Query{conj(must...)}, should, mustNot)
	if len(filters) > 0 {
		b.AddFilter(conj(filters...))
	}
	return part{q: b}
}

// or requires at least one child. Vacuous and none children are dropped:
// "the OR coca" searches coca.
func (t *translator) or(nodes []Node, tr func(Node) part) part {
	var parts []part
	vacuous, filters := false, true
	for _, c := range nodes {
		p := tr(c)
		switch {
		case p.vacuous:
			vacuous = true
		case p.none:
		default:
			parts = append(parts, p)
			filters = filters && p.filter
		}
	}
	qs := make([]query.Query, len(parts))
	for i, p := range parts {
		if filters {
			qs[i] = p.q // an OR of filters is a filter
		} else {
			qs[i] = p.query()
		}
	}
	switch {
	case len(qs) == 1:
		return parts[0]
	case len(qs) > 1:
		return part{q: query.NewDisjunctionQuery(qs), filter: filters}
	case vacuous:
		return vacuousPart
	}
	return nonePart
}

// anyWord translates an OR of plain words (coca OR cocaine OR crack) as one
// BM25F bag of words matching any of them. It finds the same records as
// the general OR, but sums the words' scores instead of multiplying them
// by the share of words found (bleve's disjunction), which on the test
// collection ranked worse. ok is false when a child is anything but a
// one-term word.
func (t *translator) anyWord(n Or, g string, sc scope) (p part, ok bool) {
	if g == "" {
		return part{}, false
	}
	words := make([]string, 0, len(n.Nodes))
	for _, c := range n.Nodes {
		w, isWord := c.(Term)
		if !isWord || len(analyze(t.g.analyzer(g), w.Text)) > 1 {
			return part{}, false
		}
		words = append(words, w.Text)
	}
	terms := t.terms(words, g)
	if len(terms) == 0 {
		return vacuousPart, true
	}
	return t.check(part{q: t.bm25(terms, g, sc, 1)}), true
}

// anyWords requires any of the words of a matchAny query (each translated
// on its own), records with more of them first. When every word is one
// BM25F term the words become one bm25Query scaled by the share of words
// found (bm25Query.coord): the same matches and scores as bleve's
// disjunction of the words' queries, without a searcher per word under a
// disjunction's bookkeeping for every match, which made the walk over a
// query's partial matches dearer than the walk over its full matches.
func anyWords(words []query.Query) query.Query {
	var one *bm25Query
	for _, w := range words {
		b, ok := w.(*bm25Query)
		if !ok || len(b.terms) != 1 || b.min > 1 || b.cover || b.coord {
			one = nil
			break
		}
		if one == nil {
			c := *b
			c.terms, c.alt = nil, map[string][]string{}
			one = &c
		}
		one.terms = append(one.terms, b.terms[0])
		maps.Copy(one.alt, b.alt)
	}
	if one != nil {
		one.coord = true
		return one
	}
	d := query.NewDisjunctionQuery(words)
	d.SetMin(1)
	return d
}

// negate turns a part into "everything but it".
func negate(p part) part {
	switch {
	case p.vacuous:
		return vacuousPart
	case p.none:
		return part{q: query.NewMatchAllQuery()}
	}
	return part{q: query.NewBooleanQuery([]query.Query{conj(query.NewMatchAllQuery())}, nil, []query.Query{p.q})}
}

// conj wraps must clauses in a ConjunctionQuery even when there is one:
// bleve's BooleanQuery drops a must clause whose searcher is MatchNone and
// then matches everything not excluded; a conjunction never is one.
func conj(qs ...query.Query) query.Query { return query.NewConjunctionQuery(qs) }

// check turns a part built while t.err was set into nonePart, so the
// error, not a half-built query, is what the caller sees.
func (t *translator) check(p part) part {
	if t.err != nil {
		return nonePart
	}
	return p
}

// positive returns the words and phrases of the query that a matching
// record contains (not those under NOT, not metadata fields, not the
// request words a ranked query ignores), with prefix and fuzzy terms
// expanded: what snippets and titles highlight. Phrases are also listed
// among the words, so their words are marked too.
func (t *translator) positive(n Node) (words, phrases []string) {
	for _, n := range syntax.Positive(n, t.match) {
		switch n := n.(type) {
		case Term:
			words = append(words, n.Text)
		case Phrase:
			words = append(words, n.Text)
			phrases = append(phrases, n.Text)
		case Prefix:
			words = append(words, t.expandPrefix(n)...)
		case Fuzzy:
			words = append(words, t.expandFuzzy(n)...)
		}
	}
	return words, phrases
}
