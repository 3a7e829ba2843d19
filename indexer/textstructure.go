package indexer

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Plain text comes in three layouts, and paragraphs are found differently
// in each:
//
//   - paragraphs separated by blank lines, each wrapped or not;
//   - hard-wrapped lines with no blank line between paragraphs (text saved
//     from a PDF or a typewriter): a paragraph ends on a line that ends a
//     sentence and stops short of the wrap width by more than the next
//     line's first word, since a wrapping editor would have pulled that
//     word up;
//   - one paragraph per line, no blank lines (text saved from a word
//     processor or a web page).
//
// textLayout tells them apart by how lines end: wrapped lines mostly end
// mid-sentence, unwrapped ones end a sentence. A document with too few
// lines in blocks to tell keeps each block as one paragraph.

// textLayout is what the whole document says about its lines.
type textLayout struct {
	wrapped bool // lines are hard-wrapped at about width characters
	perLine bool // each line is a paragraph
	width   int  // the wrap width: a high percentile of line lengths
}

// minLayoutLines is how many lines followed by another line it takes to
// call a document hard-wrapped; fewer say nothing either way.
const minLayoutLines = 3

// measureLayout looks at the lines that are followed by another non-blank
// line (a paragraph's last line ends a sentence in every layout).
func measureLayout(lines []string) textLayout {
	var lengths []int
	inner, open := 0, 0
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		lengths = append(lengths, utf8.RuneCountInString(t))
		if i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "" {
			inner++
			if !endsSentence(t) {
				open++
			}
		}
	}
	if len(lengths) == 0 {
		return textLayout{}
	}
	sort.Ints(lengths)
	width := lengths[len(lengths)*95/100]
	// Wrapped text leaves most lines open; a per-line layout closes most.
	wrapped := inner >= minLayoutLines && 2*open >= inner && width <= 160
	perLine := inner >= minLayoutLines && 2*open < inner
	return textLayout{wrapped: wrapped, perLine: perLine, width: width}
}

// endsSentence reports whether a line ends a sentence: with a full stop,
// question or exclamation mark, colon, or one of them before a closing
// quote or bracket.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"'”’»)]*_")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:;…。！？", r)
}

// startsParagraph reports whether a line can start a paragraph: with a
// capital, a digit, a quote, a bracket or a bullet, not in lower case.
func startsParagraph(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(s))
	return !unicode.IsLower(r)
}

// breaksAfter reports whether the paragraph ends between line a and the
// non-blank line b that follows it in the same block.
func (lay textLayout) breaksAfter(a, b string) bool {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if !startsParagraph(b) {
		return false // b goes on with a's sentence
	}
	if isCapsHeading(a) || isCapsHeading(b) || isMetaLine(a) || isMetaLine(b) {
		return true
	}
	if lay.perLine {
		// One paragraph per line, unless a stops mid-sentence.
		return endsSentence(a) || isHeadingLine(a)
	}
	if !lay.wrapped {
		return false // a block is a paragraph
	}
	first, _, _ := strings.Cut(b, " ")
	short := utf8.RuneCountInString(a)+1+utf8.RuneCountInString(first) <= lay.width
	return short && (endsSentence(a) || isHeadingLine(a))
}

// isMetaLine reports whether a line is a byline or a dateline, which
// stand on their own line.
func isMetaLine(s string) bool {
	if _, ok := parseByline(s); ok {
		return true
	}
	return isDateline(s)
}

// joinsAcrossBlank reports whether a blank line between a and b (both
// non-blank) is a page break inside a paragraph, not a paragraph break:
// a stops mid-sentence and b goes on in lower case. Outside wrapped text,
// a must be more than a heading; a byline or dateline stands alone.
func (lay textLayout) joinsAcrossBlank(a, b string) bool {
	a = strings.TrimSpace(a)
	return !endsSentence(a) && !startsParagraph(b) && !isMetaLine(a) && !isMetaLine(b) &&
		(lay.wrapped || !isHeadingLine(a))
}

// isPageNumber reports whether a line is only a page number, as text saved
// from a printed page keeps them: "12", "- 12 -", "Page 12".
func isPageNumber(s string) bool {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "-–— "))
	s = strings.TrimPrefix(strings.TrimPrefix(s, "Page "), "page ")
	if s == "" || len(s) > 4 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// maxHeadingWords caps a heading's length in words.
const maxHeadingWords = 12

// isHeadingLine reports whether a line reads as a heading rather than a
// piece of running text: short, starting with a capital or a number, not
// ending a sentence with a full stop, not ending on a comma, hyphen or a
// word that needs a continuation ("the", "of", "and").
func isHeadingLine(s string) bool {
	s = strings.TrimSpace(s)
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > maxHeadingWords || utf8.RuneCountInString(s) > 120 {
		return false
	}
	return headingShaped(s, words)
}

// headingShaped reports whether a line (and its words) is shaped like a
// heading: not starting in lower case, not ending on a comma, a hyphen or
// a word that wants a continuation, not a sentence ending in a full stop
// (a numbered heading may end in one).
func headingShaped(s string, words []string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(",;-–(", last) || last == '.' && !isNumberedHeading(s) {
		return false
	}
	return !continuationWords[strings.ToLower(strings.Trim(words[len(words)-1], `"'“”‘’`))]
}

// isNumberedHeading reports whether a line is a numbered heading: "1.",
// "2.3", "IV." or "A." followed by a few words.
func isNumberedHeading(s string) bool {
	num, rest, ok := strings.Cut(s, " ")
	if !ok || len(strings.Fields(rest)) > maxHeadingWords-1 {
		return false
	}
	num = strings.TrimRight(num, ".)")
	if num == "" {
		return false
	}
	for _, r := range num {
		if !(r >= '0' && r <= '9' || r == '.' || strings.ContainsRune("IVXLC", r)) {
			return len(num) == 1 && r >= 'A' && r <= 'Z'
		}
	}
	return true
}

// isCapsHeading reports whether a line is a heading in capitals:
// "INTRODUCTION", "II. THE DEBATE" (two letters at least, no lower case,
// a few words).
func isCapsHeading(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			letters++
		}
	}
	return letters >= 4 && len(strings.Fields(s)) <= maxHeadingWords && !endsSentence(s)
}

// continuationWords are words a heading or title does not end with: a line
// ending in one is cut from a sentence ("It is my", "On behalf of the").
var continuationWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the of to in on at by for with from and or but nor as
		that which who whom whose this these those is are was were be been has have had will would shall
		should can could may might must my our your his her its their i we you he she it they me us them
		not very also than then so if into onto upon about over under between among
		de la le les des du et el los las y en del al una un o que`) {
		continuationWords[w] = true
	}
}

// joinWrapped joins a wrapped line to the text before it: a word split
// with a hyphen at the line end ("fifty-" + "sixth") keeps the hyphen and
// no space, other lines join with a space.
func joinWrapped(buf []string) string {
	var b strings.Builder
	for i, l := range buf {
		l = strings.TrimSpace(l)
		if i > 0 {
			prev := buf[i-1]
			prev = strings.TrimSpace(prev)
			if !(strings.HasSuffix(prev, "-") && len(prev) > 1 && isLetterBefore(prev)) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return collapse(b.String())
}

// isLetterBefore reports whether the hyphen ending s follows a letter (a
// word broken at the line end, not a dash standing alone).
func isLetterBefore(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(s, "-"))
	return unicode.IsLetter(r)
}
