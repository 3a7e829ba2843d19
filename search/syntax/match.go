package syntax

import "strings"

// This file decides how the plain words of a query combine: the default
// matching rule (see package search's doc.go, "Default matching").
//
// Short keyword queries and long natural-language questions need opposite
// rules. Someone typing "coca eradication Peru" expects every word to
// count, and adding a word to narrow the results. Someone pasting "What
// articles exist which deal with coca eradication in the Andes?" gets
// nothing if every word is required: no document says all of that. So a
// query with few content words requires them all; a longer one ranks
// every document having any of them, best first by BM25F (bm25.go), whose
// sum over words already puts documents with more of the words first.

// Mode is how the plain words of a query's top level combine.
type Mode int

const (
	// MatchAll requires every plain word: short keyword queries.
	MatchAll Mode = iota
	// MatchAny requires any one of the plain words: the partial matches
	// of a MatchAll query (Partial), which come after its full matches.
	MatchAny
	// MatchRanked requires none of the words in particular: records with
	// any of them are ranked by BM25F over all of them, request words
	// ("find", "articles", ...) dropped. Long, natural-language queries.
	MatchRanked
)

// Matching is what the default matching rule decided for one query.
type Matching struct {
	Mode Mode
	// Plus holds the phrases written +"...": required in a ranked query,
	// where other phrases only rank.
	Plus map[string]bool
	// And is set when the query has an explicit AND: every word is
	// required and a query finding nothing is not relaxed.
	And bool
}

// rankedFrom is the number of content words from which a query is matched
// as ranked: three words still read as keywords ("coca eradication Peru"),
// four or more are a phrase or a question. Counting only content words
// keeps "the war on drugs" a two-word keyword query.
const rankedFrom = 4

// DefaultMatching is the default matching rule, applied to a query's text
// and its parsed tree. It counts the plain words at the top level of the
// tree (Term nodes directly in the top-level AND, or the tree itself when
// it is one Term) that are content words (content reports whether the
// analyzers keep a word, i.e. it is not a stop word):
//
//   - fewer than rankedFrom: MatchAll, every word required;
//   - rankedFrom or more: MatchRanked, unless the text has an explicit AND
//     (or &&), which asks for every word however long the query.
//
// In a ranked query words, "phrases", prefix* and fuzzy~ words rank the
// results; +word and +"phrase" are required; -x, field:x and (a OR b)
// groups keep their boolean meaning (translator.ranked).
func DefaultMatching(text string, tree Node, content func(string) bool) Matching {
	m := Matching{Mode: MatchAll}
	toks, err := lex(repair(text))
	if err != nil {
		return m // cannot happen for a text that parsed
	}
	for i, t := range toks {
		switch {
		case t.kind == tAnd:
			m.And = true
		case t.kind == tPhrase && i > 0 && toks[i-1].kind == tWord &&
			toks[i-1].end == t.pos && strings.HasSuffix(toks[i-1].text, "+"):
			if m.Plus == nil {
				m.Plus = map[string]bool{}
			}
			m.Plus[t.text] = true
		}
	}
	n := 0
	for _, w := range plainWords(tree) {
		if content(w) {
			n++
		}
	}
	if n >= rankedFrom && !m.And {
		m.Mode = MatchRanked
	}
	return m
}

// plainWords lists the plain words at the top level of tree, +words
// included: the words the matching rule counts.
func plainWords(tree Node) []string {
	var nodes []Node
	switch n := tree.(type) {
	case Term:
		nodes = []Node{n}
	case And:
		nodes = n.Nodes
	}
	var out []string
	for _, n := range nodes {
		if t, ok := n.(Term); ok {
			out = append(out, t.Text)
		}
	}
	return out
}

// Required reports whether a word was written +word: required in a ranked
// query. The parser keeps the + in the word's text (the analyzer drops it).
func Required(t Term) bool { return strings.HasPrefix(t.Text, "+") && len(t.Text) > 1 }

// Partial reports whether a MatchAll query is followed by its partial
// matches: records holding some of its plain words but not all, listed
// after those holding all of them (in package search), those with more of
// the words first. It needs at least two plain words and no explicit AND.
// Phrases, fields and operators stay required in the partial matches.
//
// Any one word makes a partial match, not "two of three": the partial
// matches only ever follow the full ones, so they can add recall but not
// push a full match down, and bleve's disjunction scales each score by
// the share of the words found, so records with two of three words rank
// above those with one. On CACM any word gave MAP 0.3568 against 0.3566
// for all but one, on the demo judgements 0.9435 against 0.9302.
func Partial(m Matching, tree Node) bool {
	return m.Mode == MatchAll && !m.And && len(plainWords(tree)) >= 2
}

// RequestWord reports whether a word of a ranked query only says that the
// user is asking for something ("find", "articles", "interested",
// "especially"), not what about. In a ranked query such a word would only
// favour records that happen to use it ("this article", "we find"). The
// list holds common English request phrasing that is not already in the
// analyzers' stop lists and is almost never the subject of a search; other
// languages' request words are searched like any word. A word typed as
// +word or inside quotes is always searched.
func RequestWord(w string) bool {
	return requestWords[strings.ToLower(strings.Trim(w, ".,;:!?'\""))]
}

var requestWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		find finding show list give tell want wanted need like looking look
		search searching seek seeking interested wondering know
		exist exists existing deal deals dealing regarding concerning
		pertaining relating
		article articles papers publications discussions discussing
		describing describe
		particular particularly especially specifically mainly
		etc e.g i.e eg ie please
	`) {
		m[w] = true
	}
	return m
}()

// Positive lists the leaves of tree that a matching record contains, in
// query order: its Term, Phrase, Prefix and Fuzzy nodes, leaving out those
// under a Not and those in a metadata field (only title: and text: count).
// In a ranked query the request words of the top level are left out too
// (RequestWord), unless written +word: the ranking ignores them. These are
// the words snippets and titles highlight.
func Positive(tree Node, m Matching) []Node {
	var out []Node
	var walk func(Node)
	walk = func(n Node) {
		switch n := n.(type) {
		case Term, Phrase, Prefix, Fuzzy:
			out = append(out, n)
		case Field:
			if n.Name == "title" || n.Name == "text" {
				walk(n.Node)
			}
		case And:
			for _, c := range n.Nodes {
				walk(c)
			}
		case Or:
			for _, c := range n.Nodes {
				walk(c)
			}
		}
	}
	if and, ok := tree.(And); ok && m.Mode == MatchRanked {
		for _, c := range and.Nodes {
			if w, ok := c.(Term); !ok || Required(w) || !RequestWord(w.Text) {
				walk(c)
			}
		}
		return out
	}
	walk(tree)
	return out
}
