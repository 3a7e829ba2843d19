package search

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

// quoteCase is a passage of the demo corpus, misquoted.
type quoteCase struct {
	id        string
	paragraph int // 1-based
	quote     string
}

// quoteWindow is how many words of a paragraph a case quotes.
const quoteWindow = 25

// quoteCases builds n cases from the demo corpus, deterministically: every
// k-th paragraph (in ID order) of at least 15 words whose quoted window is
// found nowhere else, quoted with one word changed, the punctuation
// removed and other punctuation and capitals added.
func quoteCases(t testing.TB, n int) []quoteCase {
	t.Helper()
	recs := demoRecords(t)
	sort.Slice(recs, func(i, j int) bool { return recs[i].ID < recs[j].ID })
	var all []string // every paragraph, folded, for the uniqueness check
	for _, r := range recs {
		for _, p := range r.Paragraphs {
			all = append(all, " "+strings.Join(quoteWords(p), " ")+" ")
		}
	}
	var cands []quoteCase
	for _, r := range recs {
		for i, p := range r.Paragraphs {
			words := strings.Fields(p)
			if len(words) < 15 {
				continue
			}
			start := max(0, (len(words)-quoteWindow)/2)
			window := words[start:min(len(words), start+quoteWindow)]
			key := " " + strings.Join(quoteWords(strings.Join(window, " ")), " ") + " "
			seen := 0
			for _, a := range all {
				if strings.Contains(a, key) {
					seen++
				}
			}
			if seen != 1 {
				continue // the same words elsewhere: a translation's quote, a PDF twin
			}
			cands = append(cands, quoteCase{id: r.ID, paragraph: i + 1, quote: misquote(window)})
		}
	}
	if len(cands) < n {
		t.Fatalf("only %d quotable paragraphs in the demo corpus, want %d", len(cands), n)
	}
	var out []quoteCase
	step := float64(len(cands)) / float64(n)
	for i := range n {
		out = append(out, cands[int(float64(i)*step)])
	}
	return out
}

// misquote changes one word (the first of four letters or more after the
// middle), strips the punctuation, lower-cases the first word, and adds a
// comma and an exclamation mark.
func misquote(window []string) string {
	words := make([]string, 0, len(window))
	for _, w := range window {
		if w = strings.Trim(w, ".,;:!?\"'()\u201c\u201d\u2018\u2019\u2013\u2014"); w != "" {
			words = append(words, w)
		}
	}
	for i := len(words) / 2; i < len(words); i++ {
		if len([]rune(words[i])) >= 4 {
			if strings.EqualFold(words[i], "important") {
				words[i] = "notable"
			} else {
				words[i] = "important"
			}
			break
		}
	}
	words[0] = strings.ToLower(words[0])
	if len(words) > 6 {
		words[5] += ","
	}
	return strings.Join(words, " ") + "!"
}

// TestTraceQuote: for 30 misquoted passages of the demo corpus, the right
// document and paragraph comes first for at least 28.
func TestTraceQuote(t *testing.T) {
	idx := corpusIndex(t)
	cases := quoteCases(t, 30)
	right := 0
	for _, c := range cases {
		res, err := idx.TraceQuote(t.Context(), c.quote, 5)
		if err != nil {
			t.Fatalf("TraceQuote(%q): %v", c.quote, err)
		}
		if len(res.Passages) > 0 && res.Passages[0].Record.ID == c.id && res.Passages[0].Paragraph == c.paragraph {
			right++
			continue
		}
		var got []string
		for _, p := range res.Passages {
			got = append(got, fmt.Sprintf("%s#p%d (%.2f)", p.Record.ID, p.Paragraph, p.Score))
		}
		t.Logf("TraceQuote(%q) = %v, want %s#p%d first", c.quote, got, c.id, c.paragraph)
	}
	t.Logf("%d of %d misquoted passages traced to the right paragraph first", right, len(cases))
	if right < 28 {
		t.Errorf("%d of %d passages first, want at least 28", right, len(cases))
	}
}

func TestTraceQuoteRefusesShortQuotes(t *testing.T) {
	idx := corpusIndex(t)
	if _, err := idx.TraceQuote(t.Context(), "coca (leaf)", 5); err != ErrShortQuote {
		t.Errorf("TraceQuote of two words: err = %v, want ErrShortQuote", err)
	}
	// Query syntax in a quote is text: no parse error.
	if _, err := idx.TraceQuote(t.Context(), `"coca OR (leaf -is year:2005 not* cocaine~`, 5); err != nil {
		t.Errorf("TraceQuote with query syntax: %v", err)
	}
}

func TestScorePassage(t *testing.T) {
	pairs := wordPairs(quoteWords("The coca leaf is not cocaine"))
	p, ok := scorePassage("Indeed, the coca leaf is NOT cocaine.", pairs)
	if !ok || p.Score != 1 || !slices.Equal(p.Matched, []bool{false, true, true, true, true, true, true}) {
		t.Errorf("scorePassage exact = %+v, %v", p, ok)
	}
	if p, ok := scorePassage("Is cocaine not leaf, the coca?", pairs); ok {
		t.Errorf("scorePassage of the same words in another order = %.2f, want below %.2f", p.Score, minPassageScore)
	}
}

// BenchmarkTraceQuote traces the 30 misquoted passages in turn and reports
// the 95th percentile latency.
func BenchmarkTraceQuote(b *testing.B) {
	idx := corpusIndex(b)
	cases := quoteCases(b, 30)
	var took []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		if _, err := idx.TraceQuote(context.Background(), cases[i%len(cases)].quote, 10); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)*95/100].Microseconds())/1000, "p95-ms")
}
