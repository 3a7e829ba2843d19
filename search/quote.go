package search

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"
	"unicode"
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
)

// ErrShortQuote is returned for a quote of fewer than minQuoteWords words.
var ErrShortQuote = errors.New("a quote needs at least 3 words")

// Passage is one paragraph that contains the quote, more or less.
type Passage struct {
	Record    Record  `json:"record"`    // the whole record, for its citation
	Paragraph int     `json:"paragraph"` // 1-based
	Text      string  `json:"text"`
	Score     float64 `json:"score"` // share of the quote's word pairs found, 0..1
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
	pairs := wordPairs(words)
	var out []Passage
	for _, h := range res.Hits {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rec, err := g.record(h.ID)
		if err != nil {
			return nil, err
		}
		for i, para := range rec.Paragraphs {
			if p, ok := scorePassage(para, pairs); ok {
				p.Record, p.Paragraph = rec, i+1
				out = append(out, p)
			}
		}
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

// record loads a record from the document store with all its paragraphs,
// for passages that may lie anywhere in the text.
func (g *generation) record(id string) (Record, error) {
	d, rec, err := g.stored(id)
	if err != nil {
		return Record{}, err
	}
	text, err := d.Text(0, d.Len())
	if err != nil {
		return Record{}, err
	}
	paged := false
	for i := 0; i < d.Paragraphs(); i++ {
		start, end, page, err := d.Paragraph(i)
		if err != nil {
			return Record{}, err
		}
		rec.Paragraphs = append(rec.Paragraphs, string(text[start:end]))
		rec.Pages = append(rec.Pages, page)
		paged = paged || page > 0
	}
	if !paged {
		rec.Pages = nil
	}
	return rec, nil
}
