package search

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	index "github.com/blevesearch/bleve_index_api"
)

// suggest respells a query that found nothing ("did you mean"): each word
// the corpus does not contain is replaced by the closest word it does
// contain (FieldSpell: real words, not stems), preferring fewer edits, then
// the more frequent word. The suggestion is offered only if it finds
// something with the same filters.
func (g *generation) suggest(ctx context.Context, p *plan) (string, error) {
	r, err := g.reader()
	if err != nil {
		return "", err
	}
	defer r.Close()
	s := &speller{r: r, cache: map[string]string{}}
	tree, changed := s.respell(p.tree)
	if s.err != nil {
		return "", s.err
	}
	if !changed {
		return "", nil
	}
	t := newTranslator(g, g.matching(p))
	defer t.close()
	text, none, err := t.text(tree)
	if err != nil || none {
		return "", err
	}
	req := bleve.NewSearchRequestOptions(withFilters(text, p.filters(), ""), 0, 0, false)
	res, err := g.idx.SearchInContext(ctx, req)
	if err != nil {
		return "", err
	}
	if res.Total == 0 {
		return "", nil
	}
	return tree.String(), nil
}

type speller struct {
	r     index.IndexReader
	cache map[string]string
	err   error
}

// respell returns the tree with unknown words replaced, and whether any was.
func (s *speller) respell(n Node) (Node, bool) {
	switch n := n.(type) {
	case Term:
		w := s.word(n.Text)
		return Term{Text: w}, w != n.Text
	case Phrase:
		words := strings.Fields(n.Text)
		changed := false
		for i, w := range words {
			if nw := s.word(w); nw != w {
				words[i], changed = nw, true
			}
		}
		if !changed {
			return n, false
		}
		return Phrase{Text: strings.Join(words, " ")}, true
	case Field:
		if n.Name != "title" && n.Name != "text" {
			return n, false
		}
		c, changed := s.respell(n.Node)
		return Field{Name: n.Name, Node: c}, changed
	case And:
		nodes, changed := s.all(n.Nodes)
		return And{Nodes: nodes}, changed
	case Or:
		nodes, changed := s.all(n.Nodes)
		return Or{Nodes: nodes}, changed
	}
	return n, false // Not, Prefix, Fuzzy, Range: left as typed
}

func (s *speller) all(nodes []Node) ([]Node, bool) {
	out := make([]Node, len(nodes))
	any := false
	for i, c := range nodes {
		var changed bool
		out[i], changed = s.respell(c)
		any = any || changed
	}
	return out, any
}

// word returns w, or the closest corpus word if the corpus lacks w.
func (s *speller) word(w string) string {
	lower := strings.ToLower(w)
	if r, ok := s.cache[lower]; ok {
		return keepCase(w, r)
	}
	best := lower
	d := fuzziness(Fuzzy{Text: lower})
	if d > 0 && s.err == nil && docFreq(s.r, FieldSpell, lower) == 0 {
		if fr, ok := s.r.(index.IndexReaderFuzzy); ok {
			best = s.closest(fr, lower, d)
		}
	}
	s.cache[lower] = best
	return keepCase(w, best)
}

func (s *speller) closest(fr index.IndexReaderFuzzy, w string, d int) string {
	dict, err := fr.FieldDictFuzzy(FieldSpell, w, d, "")
	if err != nil {
		s.err = err
		return w
	}
	defer dict.Close()
	best, bestDist, bestCount := w, d+1, uint64(0)
	for {
		e, err := dict.Next()
		if err != nil {
			s.err = err
			return w
		}
		if e == nil {
			break
		}
		dist := editDistance(w, e.Term)
		if dist > bestDist {
			continue
		}
		count := docFreq(s.r, FieldSpell, e.Term)
		if dist < bestDist || count > bestCount || count == bestCount && e.Term < best {
			best, bestDist, bestCount = e.Term, dist, count
		}
	}
	return best
}

// keepCase capitalises the replacement like the word typed: Bolivya ->
// Bolivia.
func keepCase(typed, word string) string {
	if strings.EqualFold(typed, word) {
		return typed
	}
	r, _ := utf8.DecodeRuneInString(typed)
	if unicode.IsUpper(r) {
		w, size := utf8.DecodeRuneInString(word)
		return string(unicode.ToUpper(w)) + word[size:]
	}
	return word
}

// editDistance is the Levenshtein distance between a and b in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
