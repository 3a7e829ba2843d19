package indexer

import (
	"strings"
	"unicode"
)

// PDF content gives each glyph its position on the page, and lines are
// read by position, left to right. Arabic and Hebrew are written right to
// left: read left to right, their letters come out reversed. rowText puts
// such a line back into logical order: words from right to left, the
// letters of each right-to-left word reversed, while runs of left-to-right
// words (numbers, Latin names) inside keep their own order, as a bidi
// display would show them.

// rowText joins the glyphs of one line, in visual order left to right,
// into text: a space where the gap between two glyphs is wider than a
// fraction of the font size.
func rowText(gs []pdfGlyph) string {
	words := rowWords(gs)
	if !isRTLRow(gs) {
		return collapse(strings.Join(words, " "))
	}
	// Logical order: right to left, a run of left-to-right words kept in
	// order.
	var out []string
	for i := len(words) - 1; i >= 0; {
		if hasRTL(words[i]) {
			out = append(out, reverseRunes(words[i]))
			i--
			continue
		}
		j := i
		for j > 0 && !hasRTL(words[j-1]) {
			j--
		}
		out = append(out, words[j:i+1]...)
		i = j - 1
	}
	return collapse(strings.Join(out, " "))
}

// rowWords cuts a line's glyphs into words at gaps.
func rowWords(gs []pdfGlyph) []string {
	var words []string
	var b strings.Builder
	for i, g := range gs {
		if i > 0 {
			prev := gs[i-1]
			if g.x0-prev.x1 > 0.18*max(g.size, prev.size, 1) {
				words = append(words, b.String())
				b.Reset()
			}
		}
		b.WriteString(g.text)
	}
	return append(words, b.String())
}

// isRTLRow reports whether most letters of a line are Arabic or Hebrew.
func isRTLRow(gs []pdfGlyph) bool {
	rtl, letters := 0, 0
	for _, g := range gs {
		for _, r := range g.text {
			if unicode.IsLetter(r) {
				letters++
				if isRTLRune(r) {
					rtl++
				}
			}
		}
	}
	return letters > 0 && 2*rtl > letters
}

func isRTLRune(r rune) bool {
	return unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana)
}

func hasRTL(s string) bool {
	for _, r := range s {
		if isRTLRune(r) {
			return true
		}
	}
	return false
}

// reverseRunes reverses a right-to-left word read left to right; combining
// marks (Arabic vowel signs) stay after the letter they belong to.
func reverseRunes(s string) string {
	var clusters []string
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) && len(clusters) > 0 {
			clusters[len(clusters)-1] += string(r)
			continue
		}
		clusters = append(clusters, string(r))
	}
	var b strings.Builder
	for i := len(clusters) - 1; i >= 0; i-- {
		b.WriteString(clusters[i])
	}
	return b.String()
}

// sharesWords reports whether two titles have a word of four letters or
// more in common, case folded.
func sharesWords(a, b string) bool {
	split := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	words := map[string]bool{}
	for _, w := range split(a) {
		if len([]rune(w)) >= 4 {
			words[w] = true
		}
	}
	for _, w := range split(b) {
		if words[w] {
			return true
		}
	}
	return false
}
