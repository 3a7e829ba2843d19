package search

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/briefs/briefs/search/docstore"
)

// Tracing a quote: given a sentence or a paragraph, perhaps misquoted (a
// word or two changed, other punctuation, other capitals), find the
// paragraphs that contain it. Two steps:
//
//  1. The quote's words, stripped of all query syntax, run as an ordinary
//     search: with four or more words it is ranked "any word" matching, so
//     a changed word costs a little score, not the match. The best
//     quoteCandidates records are kept.
//  2. Each paragraph of those records is scored by the share of the
//     quote's word pairs (bigrams, in order) it contains: order matters, so
//     a paragraph that merely shares the words scores low, and one changed
//     word only loses the two pairs it is part of.

// Limits of a quote trace, and why.
const (
	// quoteCandidates is how many records of the search are read whole: the
	// right one is almost always first, but a short quote of common words
	// may rank a record that merely shares them higher.
	quoteCandidates = 20
	// maxQuoteWords is how much of a pasted quote is used: a paragraph's
	// worth identifies a passage, and the search query stays short.
	maxQuoteWords = 80
	// minQuoteWords: fewer words are a search, not a quote.
	minQuoteWords = 3
	// minPassageScore is the share of word pairs a paragraph must contain
	// to be shown at all.
	minPassageScore = 0.25
	// A candidate up to quoteWholeBytes long is read whole and each of its
	// paragraphs scored. Of a longer one (a 300-page report, a huge file
	// on one line) only the quoteParagraphs paragraphs holding the most of
	// the quote's quoteTerms rarest terms in it are scored, found by the
	// index's positions as snippets are, each read from a window of
	// quoteReadWindow bytes around the first of those terms: a trace then
	// costs the same whatever the length of its candidates.
	quoteWholeBytes = partBytes
	quoteTerms      = 8
	quoteParagraphs = 40
	quoteReadWindow = 8 << 10
)

// ErrShortQuote is returned for a quote of fewer than minQuoteWords words.
var ErrShortQuote = errors.New("a quote needs at least 3 words")

// Passage is one paragraph that contains the quote, more or less.
type Passage struct {
	// Record is the record, for its citation, with only this paragraph
	// (and its page) as Paragraphs.
	Record    Record `json:"record"`
	Paragraph int    `json:"paragraph"` // 1-based
	Part      int    `json:"part"`      // of the document page holding it; 0: the document has one
	// Text is the paragraph, or of a very long one the window read of it.
	Text  string  `json:"text"`
	Score float64 `json:"score"` // share of the quote's word pairs found, 0..1
	// Matched marks, for each word of Text (strings.Fields), whether it is
	// part of a word pair of the quote.
	Matched []bool `json:"-"`
}

// QuoteResults is the answer to TraceQuote.
type QuoteResults struct {
	Words    int           `json:"words"` // words of the quote used
	Passages []Passage     `json:"passages"`
	Took     time.Duration `json:"took_ns"`
}

// TraceQuote returns up to n paragraphs containing text, best first.
func (x *Index) TraceQuote(ctx context.Context, text string, n int) (*QuoteResults, error) {
	start := time.Now()
	words := quoteWords(text)
	if len(words) < minQuoteWords {
		return nil, ErrShortQuote
	}
	if len(words) > maxQuoteWords {
		words = words[:maxQuoteWords]
	}
	res, err := x.Search(ctx, Query{Text: strings.Join(words, " "), Size: quoteCandidates, Snippets: -1, FacetSize: 1})
	if err != nil {
		return nil, err
	}
	g, err := x.acquire()
	if err != nil {
		return nil, err
	}
	defer x.keepResident() // after the release: deferred calls run last first
	defer g.release()
	r, err := g.reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	pairs := wordPairs(words)
	var out []Passage
	for _, h := range res.Hits {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		ps, err := g.quotePassages(ctx, r, h.ID, words, pairs)
		if err != nil {
			return nil, fmt.Errorf("record %s: %w", h.ID, err)
		}
		out = append(out, ps...)
	}
	// Best first; among equals, the search's order (stable sort).
	slices.SortStableFunc(out, func(a, b Passage) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return 0
	})
	if len(out) > n {
		out = out[:n]
	}
	return &QuoteResults{Words: len(words), Passages: out, Took: time.Since(start)}, nil
}

// quoteWords are text's words, folded (lower case, no accents), with every
// character that is not a letter or digit dropped: query syntax, quotes
// and punctuation mean nothing in a quote.
func quoteWords(text string) []string {
	return strings.FieldsFunc(fold(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

type wordPair struct{ a, b string }

func wordPairs(words []string) map[wordPair]bool {
	ps := make(map[wordPair]bool, len(words))
	for i := 1; i < len(words); i++ {
		ps[wordPair{words[i-1], words[i]}] = true
	}
	return ps
}

// scorePassage scores one paragraph against the quote's word pairs.
func scorePassage(para string, pairs map[wordPair]bool) (Passage, bool) {
	if len(pairs) == 0 {
		return Passage{}, false
	}
	fields := strings.Fields(para)
	// Each word remembers its field, so "coca/cocaine" gives two words
	// marked in one field.
	type word struct {
		w     string
		field int
	}
	var words []word
	for i, f := range fields {
		for _, w := range quoteWords(f) {
			words = append(words, word{w, i})
		}
	}
	found := map[wordPair]bool{}
	matched := make([]bool, len(fields))
	for i := 1; i < len(words); i++ {
		if p := (wordPair{words[i-1].w, words[i].w}); pairs[p] {
			found[p] = true
			matched[words[i-1].field], matched[words[i].field] = true, true
		}
	}
	score := float64(len(found)) / float64(len(pairs))
	if score < minPassageScore {
		return Passage{}, false
	}
	return Passage{Text: para, Score: score, Matched: matched}, true
}

// quotePassages scores the paragraphs of one candidate record against
// the quote's word pairs: all of them in a record up to quoteWholeBytes
// long, else those where the index finds the most of its rarest words.
func (g *generation) quotePassages(ctx context.Context, r index.IndexReader, id string, words []string, pairs map[wordPair]bool) ([]Passage, error) {
	d, rec, err := g.stored(id)
	if err != nil {
		return nil, err
	}
	rec.Paragraphs, rec.Pages = nil, nil
	parts, err := countParts(d)
	if err != nil {
		return nil, err
	}
	var out []Passage
	// add scores text, paragraph i or a window of it starting at body
	// offset at.
	add := func(i, at int, text []byte) error {
		p, ok := scorePassage(string(text), pairs)
		if !ok {
			return nil
		}
		_, _, page, err := d.Paragraph(i)
		if err != nil {
			return err
		}
		if p.Part, err = partOf(d, at, parts); err != nil {
			return err
		}
		p.Record, p.Paragraph = rec, i+1
		p.Record.Paragraphs = []string{p.Text}
		if page > 0 {
			p.Record.Pages = []int{page}
		}
		out = append(out, p)
		return nil
	}
	cands, err := g.quoteCandidates(ctx, r, id, d, langGroup(rec.Language), words)
	if err != nil {
		return nil, err
	}
	if cands == nil {
		// Short, or none of the quote's words is rare enough in it to be
		// located: its paragraphs up to quoteWholeBytes.
		text, err := d.Text(0, quoteWholeBytes)
		if err != nil {
			return nil, err
		}
		for i := 0; i < d.Paragraphs(); i++ {
			start, end, _, err := d.Paragraph(i)
			if err != nil {
				return nil, err
			}
			if start >= len(text) {
				break
			}
			if err := add(i, start, text[start:min(end, len(text))]); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	for _, c := range cands {
		lo, hi := c.start, c.end
		if hi-lo > quoteReadWindow {
			lo = max(lo, c.spans[0].start+c.start-quoteReadWindow/2)
			hi = min(hi, lo+quoteReadWindow)
		}
		text, err := d.Text(lo, hi)
		if err != nil {
			return nil, err
		}
		if hi < c.end { // end between words, or at least characters
			if k := afterLastSpace(text); k > 0 {
				text = text[:k]
			} else {
				text = text[:runeCut(text)]
			}
		}
		if lo > c.start {
			k := bytes.IndexAny(text, " \n\t")
			text = text[k+1:]
			lo += k + 1
		}
		if err := add(c.i, lo, text); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// quoteCandidates returns the paragraphs of a record longer than
// quoteWholeBytes where the index finds the most of the quote's
// quoteTerms rarest terms in it, at most quoteParagraphs of them in
// document order; nil for a shorter record or when none of its terms is
// found (each occurring there more than maxOccurrences times).
func (g *generation) quoteCandidates(ctx context.Context, r index.IndexReader, id string, d *docstore.Doc, group string, words []string) ([]para, error) {
	if d.Len() <= quoteWholeBytes {
		return nil, nil
	}
	doc, err := r.InternalID(id)
	if err != nil || doc == nil {
		return nil, err
	}
	field := proseField(FieldBody, group)
	type termFreq struct {
		term string
		freq uint64
	}
	var tfs []termFreq
	for term := range newHighlighter(g, words, nil).termsFor(group) {
		td, err := termDoc(ctx, r, doc, term, field, false)
		if err != nil {
			return nil, err
		}
		if td != nil && td.Freq <= maxOccurrences {
			tfs = append(tfs, termFreq{term, td.Freq})
		}
	}
	slices.SortFunc(tfs, func(a, b termFreq) int { return cmp.Or(cmp.Compare(a.freq, b.freq), strings.Compare(a.term, b.term)) })
	hl := newHighlighter(g, nil, nil)
	hl.terms[group] = map[string]bool{}
	for _, tf := range tfs[:min(quoteTerms, len(tfs))] {
		hl.terms[group][tf.term] = true
	}
	occs, _, err := hl.occurrences(ctx, r, doc, field, group)
	if err != nil || len(occs) == 0 {
		return nil, err
	}
	paras, err := paragraphs(d, occs, nil, len(occs))
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(paras, func(a, b para) int {
		return cmp.Or(b.distinct-a.distinct, len(b.spans)-len(a.spans))
	})
	paras = paras[:min(quoteParagraphs, len(paras))]
	slices.SortFunc(paras, func(a, b para) int { return a.i - b.i })
	return paras, nil
}
