package search

import (
	"slices"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/briefs/briefs/search/docstore"
)

// The occurrences of a term too frequent in a hit to be decoded from the
// index (see maxOccurrences) are found by analysing the start of the
// hit's text: scanChunk bytes at a time, and only until the paragraphs
// found can give the best passages a longer scan could (every query term
// the document holds, and a phrase of the query if it has phrases), or
// scanBytes have been read. In a long report made of common words the
// first chunk is usually enough.

// scanned is the start of a body that was analysed for its frequent terms.
type scanned struct {
	end  int    // the scan read the body's first end bytes, cut between words
	text []byte // those bytes, kept when the query has phrases
}

// scanFrequent adds to occs (decoded from the index, in order) the
// occurrences of the frequent terms in the start of d's body, and returns
// them in order with the text scanned. n is the number of passages
// wanted.
func (h *highlighter) scanFrequent(d *docstore.Doc, g string, occs []occurrence, frequent map[string]bool, n int) ([]occurrence, *scanned, error) {
	present := len(frequent) + distinctOccurring(occs)
	limit := min(d.Len(), scanBytes)
	sc := &scanned{}
	phrased := len(h.seqsFor(g)) > 0
	var found []occurrence // in order, as the chunks are
	for sc.end < limit {
		from := sc.end
		end := min(from+scanChunk, limit)
		b, err := d.Text(from, end)
		if err != nil {
			return nil, nil, err
		}
		if end < d.Len() {
			// Cut between words: after the last white space; else this is
			// the end of one word running past the scan's bound (not
			// scanned), or a chunk without a space (cut between characters).
			switch k := afterLastSpace(b); {
			case k > 0:
				b = b[:k]
			case end == limit:
				b = nil
			default:
				b = b[:runeCut(b)]
			}
		}
		if len(b) == 0 {
			break
		}
		sc.end += len(b)
		if phrased {
			sc.text = append(sc.text, b...)
		}
		for _, m := range h.matches(string(b), g) {
			if frequent[m.term] {
				found = append(found, occurrence{start: from + m.start, end: from + m.end, pos: -1, term: m.term})
			}
		}
		if sc.end < limit {
			in := merged(occs[:sortedPrefix(occs, sc.end)], found)
			done, err := h.enough(d, in, sc, g, present, n)
			if err != nil {
				return nil, nil, err
			}
			if done {
				break
			}
		}
	}
	return merged(occs, found), sc, nil
}

// merged merges two lists of occurrences in order of their offsets.
func merged(a, b []occurrence) []occurrence {
	out := make([]occurrence, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if b[0].start < a[0].start {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}

// enough reports whether the occurrences in the scanned text (in) make n
// paragraphs holding every query term the document holds (present) and,
// if the query has phrases, one of them: more text cannot give better
// passages.
func (h *highlighter) enough(d *docstore.Doc, in []occurrence, sc *scanned, g string, present, n int) (bool, error) {
	paras, err := paragraphs(d, in, h.phraseStarts(in, sc, g), maxParagraphs)
	if err != nil {
		return false, err
	}
	phrased := len(h.seqsFor(g)) > 0
	full := 0
	for _, p := range paras {
		if p.distinct == present && (!phrased || p.phrases > 0) {
			full++
		}
	}
	return full >= n, nil
}

// sortedPrefix returns how many of occs (in order) start before end.
func sortedPrefix(occs []occurrence, end int) int {
	i, _ := slices.BinarySearchFunc(occs, end, func(o occurrence, end int) int { return o.start - end })
	return i
}

func distinctOccurring(occs []occurrence) int {
	seen := map[string]bool{}
	for _, o := range occs {
		seen[o.term] = true
	}
	return len(seen)
}

// afterLastSpace returns the offset just after the last ASCII white space
// in b, 0 if it has none.
func afterLastSpace(b []byte) int {
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < utf8.RuneSelf && wbClass[b[i]] == wbSpace {
			return i + 1
		}
	}
	return 0
}

// runeCut returns where the last character of b starts, or len(b) when
// that is 0 (b holds one character or part of one).
func runeCut(b []byte) int {
	i := len(b) - 1
	for i > 0 && !utf8.RuneStart(b[i]) {
		i--
	}
	if i <= 0 {
		return len(b)
	}
	return i
}

// phraseStarts returns the offsets of the occurrences that start one of
// the query's phrases: the phrase's other terms follow at their positions.
// In the scanned start of the text (sc, nil if none), where the frequent
// terms' occurrences have no positions, it is enough that the phrase's
// terms follow one another with as many words between them as the
// phrase's positions leave (a stop word leaves a gap): what the positions
// would say.
func (h *highlighter) phraseStarts(occs []occurrence, sc *scanned, g string) map[int]bool {
	seqs := h.seqsFor(g)
	if len(seqs) == 0 {
		return nil
	}
	at := make(map[int]string, len(occs))
	for _, o := range occs {
		if o.pos >= 0 {
			at[o.pos] = o.term
		}
	}
	out := map[int]bool{}
	for k, o := range occs {
		for _, s := range seqs {
			if o.term != s.terms[0] {
				continue
			}
			all := o.pos >= 0
			for k := 1; k < len(s.terms) && all; k++ {
				all = at[o.pos+s.offs[k]] == s.terms[k]
			}
			if all || sc != nil && o.start < len(sc.text) && h.followsInText(occs[k+1:], o, s, sc, g) {
				out[o.start] = true
			}
		}
	}
	return out
}

// maxPhraseGap is the longest text between two words of a phrase looked
// at: a few stop words.
const maxPhraseGap = 120

// followsInText reports whether the rest of phrase s follows o, the
// occurrence of its first term, in the scanned text: each next term is
// the next occurrence of it in after (the occurrences following o), with
// as many words between it and the previous one as the phrase's positions
// leave.
func (h *highlighter) followsInText(after []occurrence, o occurrence, s phraseSeq, sc *scanned, g string) bool {
	tok := h.tokenizer(g)
	if tok == nil {
		return false
	}
	prev := o
	for k := 1; k < len(s.terms); k++ {
		next := -1
		for j, q := range after {
			if q.start-prev.end > maxPhraseGap || q.end > len(sc.text) {
				break
			}
			if q.start >= prev.end && q.term == s.terms[k] {
				next = j
				break
			}
		}
		if next < 0 {
			return false
		}
		q := after[next]
		if len(tok.Tokenize(sc.text[prev.end:q.start])) != s.offs[k]-s.offs[k-1]-1 {
			return false
		}
		prev, after = q, after[next+1:]
	}
	return true
}

// tokenizer returns the tokenizer of group g's analyzer, or nil if it has
// character filters (offsets would not be the text's).
func (h *highlighter) tokenizer(g string) analysis.Tokenizer {
	da, ok := h.g.analyzer(g).(*analysis.DefaultAnalyzer)
	if !ok || len(da.CharFilters) > 0 {
		return nil
	}
	return da.Tokenizer
}
