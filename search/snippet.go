package search

import (
	"html"

	"github.com/blevesearch/bleve/v2/analysis"
	"html/template"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Snippets are built at query time for the hits on the page only, from
// where the index found the query's terms in the hit's body (their
// positions and byte offsets, passages.go), so they mark what the index
// matched ("eradicate" marks "eradication": both stem to "eradic") and
// cost the same whatever the length of the document. Titles and
// abstracts, short, are analysed here with the record's analyzer.

// snippetLen is the target length of a passage in characters: about two
// lines of a result list, enough for the sentence around a match.
const snippetLen = 240

// highlighter marks one query's words in the records of a result page.
type highlighter struct {
	g       *generation
	words   []string                       // query words and phrases, as typed or expanded
	phrases []string                       // the phrases among them
	terms   map[string]map[string]bool     // analysed words per language group
	probes  map[string][]string            // per group: what a matching text must contain
	seqs    map[string][]phraseSeq         // analysed phrases per language group
	seen    map[string]map[string][]string // group -> word -> its terms (termOf)
}

// phraseSeq is an analysed phrase: its terms and their position offsets
// (stop words leave gaps).
type phraseSeq struct {
	terms []string
	offs  []int
}

func newHighlighter(g *generation, words, phrases []string) *highlighter {
	return &highlighter{g: g, words: words, phrases: phrases,
		terms: map[string]map[string]bool{}, probes: map[string][]string{}, seqs: map[string][]phraseSeq{}}
}

// mayMatch is a cheap test run before analysing a paragraph, which costs
// far more: a text can only hold a token whose term is t if its folded,
// lower-cased form contains the start of t (a probe, see probesFor).
func (h *highlighter) mayMatch(text, g string) bool {
	probes := h.probesFor(g)
	if len(probes) == 0 {
		return false
	}
	folded := fold(text)
	for _, p := range probes {
		if strings.Contains(folded, p) {
			return true
		}
	}
	return false
}

// probesFor returns the starts of group g's query terms that any word
// giving one of those terms contains. Stemmers of the languages we index
// change the ends of words, and accents are folded on both sides, so the
// first characters of a term (all but the last of a short one, for
// Porter's toy -> toi) are in the word it came from.
func (h *highlighter) probesFor(g string) []string {
	probes, ok := h.probes[g]
	if !ok {
		for term := range h.termsFor(g) {
			r := []rune(fold(term))
			n := min(3, len(r)-1)
			if n < 1 {
				n = len(r)
			}
			probes = append(probes, string(r[:n]))
		}
		h.probes[g] = probes
	}
	return probes
}

// fold lower-cases text and folds its accents. Most text is ASCII, where
// folding changes nothing and lower-casing is all there is to do: the
// folding filter copies and examines every character, and was a tenth of
// the CPU of a query.
func fold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	return strings.ToLower(string(folder.Filter([]byte(s))))
}

// seqsFor returns the query phrases as group g's analyzer indexes them.
func (h *highlighter) seqsFor(g string) []phraseSeq {
	if s, ok := h.seqs[g]; ok {
		return s
	}
	var out []phraseSeq
	for _, p := range h.phrases {
		toks := h.g.analyzer(g).Analyze([]byte(p))
		if len(toks) < 2 {
			continue
		}
		var seq phraseSeq
		for _, t := range toks {
			seq.terms = append(seq.terms, string(t.Term))
			seq.offs = append(seq.offs, t.Position-toks[0].Position)
		}
		out = append(out, seq)
	}
	h.seqs[g] = out
	return out
}

// termsFor returns the query words as the analyzer of group g indexes them.
func (h *highlighter) termsFor(g string) map[string]bool {
	if t, ok := h.terms[g]; ok {
		return t
	}
	t := map[string]bool{}
	a := h.g.analyzer(g)
	for _, w := range h.words {
		for _, term := range analyze(a, w) {
			t[term] = true
		}
	}
	h.terms[g] = t
	return t
}

// span is a matched token: byte offsets in its text and the term.
type span struct {
	start, end int
	term       string
}

// probeSafe lists the language groups whose analyzers only lower-case,
// fold accents and change the ends of words, so that the start of a term
// (a probe, see mayMatch) is always in the text it came from. The French
// light stemmer drops doubled letters anywhere in a word ("erradicación"
// gives "eradicacion") and the German normaliser turns "ae" into "a", so
// there a word can yield a term whose start it does not contain.
// TestMatchesAgreeWithAnalysis checks every group against plain analysis.
var probeSafe = map[string]bool{"en": true, "es": true, "pt": true, "it": true, "nl": true, "xx": true}

// matches finds the tokens of text that are query terms for group g:
// exactly what analysing all of text and keeping the tokens whose term is
// a query term gives, with less work.
func (h *highlighter) matches(text, g string) []span {
	terms := h.termsFor(g)
	if len(terms) == 0 || text == "" {
		return nil
	}
	a := h.g.analyzer(g)
	da, ok := a.(*analysis.DefaultAnalyzer)
	if !ok || len(da.CharFilters) > 0 {
		var out []span
		for _, tok := range a.Analyze([]byte(text)) {
			if terms[string(tok.Term)] {
				out = append(out, span{tok.Start, tok.End, string(tok.Term)})
			}
		}
		return out
	}
	if probeSafe[g] {
		if isASCII(text) {
			// Looks for the probes itself, in the one lower-cased copy.
			return h.asciiMatches(text, g, da, terms, h.probesFor(g))
		}
		if _, ok := da.Tokenizer.(*wordTokenizer); ok && utf8.ValidString(text) {
			return h.chunkMatches(text, g, da, terms, h.probesFor(g))
		}
		if !h.mayMatch(text, g) {
			return nil
		}
	}
	// The token filters of our analyzers (possessive, elision, lower case,
	// stop words, stemmers) each work on one token at a time, so a token
	// gives the same term alone as in its stream, and a word seen before
	// gives the term it gave then: stemming every word of every paragraph
	// was the larger part of cutting snippets.
	var out []span
	for _, tok := range da.Tokenizer.Tokenize([]byte(text)) {
		for _, term := range h.termOf(g, da, tok) {
			if terms[term] {
				out = append(out, span{tok.Start, tok.End, term})
			}
		}
	}
	return out
}

// termOf returns what the token filters of group g make of one token,
// remembered per word.
func (h *highlighter) termOf(g string, da *analysis.DefaultAnalyzer, tok *analysis.Token) []string {
	seen := h.seen[g]
	if t, ok := seen[string(tok.Term)]; ok {
		return t
	}
	one := analysis.TokenStream{&analysis.Token{
		Term: append([]byte(nil), tok.Term...), Start: tok.Start, End: tok.End,
		Position: tok.Position, Type: tok.Type, KeyWord: tok.KeyWord,
	}}
	for _, tf := range da.TokenFilters {
		one = tf.Filter(one)
	}
	var out []string
	for _, t := range one {
		out = append(out, string(t.Term))
	}
	if seen == nil {
		if h.seen == nil {
			h.seen = map[string]map[string][]string{}
		}
		seen = map[string][]string{}
		h.seen[g] = seen
	}
	seen[string(tok.Term)] = out
	return out
}

// asciiMatches finds the query terms of an ASCII text without tokenising
// all of it: a token can become a query term only where the lower-cased
// text holds a probe (see mayMatch), so only the words around the probes'
// occurrences are analysed. In ASCII, Unicode word segmentation (UAX #29,
// what the unicode tokenizer follows) joins letters and digits only across
// the characters wordJoiner accepts; any other character ends a word, so a
// run of letters, digits and those characters is analysed alone exactly as
// it is within its paragraph. Segmenting whole paragraphs was a quarter of
// the CPU of a query.
func (h *highlighter) asciiMatches(text, g string, da *analysis.DefaultAnalyzer, terms map[string]bool, probes []string) []span {
	low := strings.ToLower(text)
	runs := map[int]int{}
	for _, p := range probes {
		for i := 0; i < len(low); {
			j := strings.Index(low[i:], p)
			if j < 0 {
				break
			}
			start, end := i+j, i+j+len(p)
			for start > 0 && wordJoiner(low[start-1]) {
				start--
			}
			for end < len(low) && wordJoiner(low[end]) {
				end++
			}
			runs[start] = end
			i = end
		}
	}
	var out []span
	for start, end := range runs {
		for _, tok := range da.Tokenizer.Tokenize([]byte(text[start:end])) {
			for _, term := range h.termOf(g, da, tok) {
				if terms[term] {
					out = append(out, span{start + tok.Start, start + tok.End, term})
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// chunkMatches is asciiMatches for a valid UTF-8 text that is not all
// ASCII (accented Spanish, say). Our tokenizer splits a text at ASCII
// white space and tokenises each chunk alone (wordTokenizer), so only the
// chunks whose folded, lower-cased form holds a probe are tokenised, not
// the whole text: a scan of a long Spanish report for a frequent word
// tokenised every word of it.
func (h *highlighter) chunkMatches(text, g string, da *analysis.DefaultAnalyzer, terms map[string]bool, probes []string) []span {
	var out []span
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf && wbClass[text[i]] == wbSpace {
			i++
			continue
		}
		j := i
		for j < len(text) && !(text[j] < utf8.RuneSelf && wbClass[text[j]] == wbSpace) {
			j++
		}
		if folded := fold(text[i:j]); slices.ContainsFunc(probes, func(p string) bool { return strings.Contains(folded, p) }) {
			for _, tok := range da.Tokenizer.Tokenize([]byte(text[i:j])) {
				for _, term := range h.termOf(g, da, tok) {
					if terms[term] {
						out = append(out, span{i + tok.Start, i + tok.End, term})
					}
				}
			}
		}
		i = j
	}
	return out
}

// wordJoiner reports whether an ASCII byte can be inside a word: letters,
// digits, the connector "_" and the characters that join letters or digits
// on both sides of them ("don't", "U.S", "1,000", "3.5").
func wordJoiner(b byte) bool {
	switch {
	case b >= 'a' && b <= 'z', b >= 'A' && b <= 'Z', b >= '0' && b <= '9':
		return true
	}
	return strings.IndexByte("_.',;:", b) >= 0
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// title returns the record's title, escaped, with query words marked.
func (h *highlighter) title(rec Record) template.HTML {
	t := strings.ToValidUTF8(rec.Title, "\uFFFD")
	return markup(t, h.matches(t, langGroup(rec.Language)), 0, len(t))
}

func distinctTerms(spans []span) int {
	seen := map[string]bool{}
	for _, s := range spans {
		seen[s.term] = true
	}
	return len(seen)
}

// passage cuts text to about snippetLen characters around its densest run
// of matches, at sentence or word boundaries, "…" marking each cut.
func passage(text string, spans []span) template.HTML {
	return passageOf(text, spans, false, false)
}

// passageOf is passage for a text that may itself be cut from a longer
// one: cutBefore and cutAfter say whether it was, for the "…" marks.
func passageOf(text string, spans []span, cutBefore, cutAfter bool) template.HTML {
	start, end := window(text, spans, snippetLen)
	var b strings.Builder
	if start > 0 || cutBefore {
		b.WriteString("…")
	}
	b.WriteString(string(markup(text, spans, start, end)))
	// A cut after a full stop needs no "…": "century.…" reads as a typo.
	if (end < len(text) || cutAfter) && !endsSentence(text[start:end]) {
		b.WriteString("…")
	}
	// Safe: markup escaped all text; only "…" and <mark> tags were added.
	return template.HTML(b.String())
}

// endsSentence reports whether s ends with a sentence's closing
// punctuation (a closing quote or bracket may follow it).
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \t\n\"'\u201d\u2019)]")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "…")
}

// markup escapes text[start:end] and wraps the spans inside it in <mark>.
// This is the one place the search package makes HTML: every byte of the
// record goes through html.EscapeString (so <script> or onerror= in a
// document arrive as inert text) and the only markup added is the constant
// <mark> and </mark>, which is why the result may be typed template.HTML.
func markup(text string, spans []span, start, end int) template.HTML {
	var b strings.Builder
	pos := start
	for _, s := range spans {
		if s.start < pos || s.end > end {
			continue // outside the window, or overlapping the previous span
		}
		b.WriteString(escape(text[pos:s.start]))
		b.WriteString("<mark>")
		b.WriteString(escape(text[s.start:s.end]))
		b.WriteString("</mark>")
		pos = s.end
	}
	b.WriteString(escape(text[pos:end]))
	return template.HTML(b.String())
}

// escape escapes text for HTML, replacing invalid UTF-8 (a stored text is
// shown as the index saw it, so offsets stay true; only here is it made
// valid).
func escape(text string) string {
	return html.EscapeString(strings.ToValidUTF8(text, "\uFFFD"))
}

// window chooses the byte range [start, end) of text to show: all of it
// when short, else about limit characters holding as many different
// matches as possible, starting at a sentence (or at least a word) and
// ending after a sentence (or at least a whole word).
func window(text string, spans []span, limit int) (int, int) {
	if utf8.RuneCountInString(text) <= limit {
		return 0, len(text)
	}
	// Best anchor: the match starting the window with the most distinct
	// terms, then the most matches; the earliest wins ties.
	anchor, bestD, bestN := -1, -1, -1
	for i, s := range spans {
		winEnd := advance(text, s.start, limit*3/4)
		var in []span
		for _, t := range spans[i:] {
			if t.end > winEnd {
				break
			}
			in = append(in, t)
		}
		if d := distinctTerms(in); d > bestD || d == bestD && len(in) > bestN {
			anchor, bestD, bestN = i, d, len(in)
		}
	}
	start := 0
	if anchor >= 0 {
		start = startBefore(text, spans[anchor].start, limit/4)
	}
	end := advance(text, start, limit)
	if end >= len(text) {
		// Near the end: show the last limit characters, from a boundary.
		return forwardToBoundary(text, back(text, len(text), limit), limit/4), len(text)
	}
	minEnd := start
	if anchor >= 0 {
		minEnd = spans[anchor].end
	}
	return start, endBefore(text, start, end, minEnd, limit)
}

// startBefore picks where a passage ending around pos begins: the start of
// the sentence holding pos if it is at most lead*2 characters back, else a
// word start about lead characters back.
func startBefore(text string, pos, lead int) int {
	if pos <= 0 {
		return 0
	}
	earliest := back(text, pos, lead*2)
	for i := pos; i > earliest; {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		i -= size
		if unicode.IsSpace(r) && sentenceEnd(text[:i]) {
			return i + size
		}
	}
	if earliest == 0 && back(text, pos, lead) == 0 {
		return 0
	}
	i := back(text, pos, lead)
	// Move forward to the start of a word.
	for i < pos {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			return i + size
		}
		i += size
	}
	return pos
}

// forwardToBoundary moves pos forward to the next sentence start within
// the next within characters, or else to the next word start.
func forwardToBoundary(text string, pos, within int) int {
	if pos <= 0 {
		return 0
	}
	limit := advance(text, pos, within)
	word := -1
	for i := pos; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if !unicode.IsSpace(r) {
			continue
		}
		if sentenceEnd(text[:i-size]) {
			return i
		}
		if word < 0 {
			word = i
		}
		if i >= limit {
			break
		}
	}
	if word < 0 {
		return pos
	}
	return word
}

// endBefore picks where a passage starting at start ends, at most at max:
// after the last sentence end in its second half, else before the last
// space; never before minEnd (the end of its first match).
func endBefore(text string, start, max, minEnd, limit int) int {
	half := advance(text, start, limit/2)
	for i := max; i > half && i > minEnd; {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsSpace(r) && sentenceEnd(text[:i-size]) {
			return i - size
		}
		i -= size
	}
	for i := max; i > minEnd; {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsSpace(r) {
			return i - size
		}
		i -= size
	}
	return max
}

// sentenceEnd reports whether s ends a sentence (., ! or ?, possibly
// followed by a closing quote or bracket).
func sentenceEnd(s string) bool {
	s = strings.TrimRight(s, "\"'”’)]")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?'
}

// advance returns the byte offset n characters after pos (or len(text)).
func advance(text string, pos, n int) int {
	for ; n > 0 && pos < len(text); n-- {
		_, size := utf8.DecodeRuneInString(text[pos:])
		pos += size
	}
	return pos
}

// back returns the byte offset n characters before pos (or 0).
func back(text string, pos, n int) int {
	for ; n > 0 && pos > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(text[:pos])
		pos -= size
	}
	return pos
}
