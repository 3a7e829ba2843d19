package search

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	unicodetok "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/briefs/briefs/search/zapwrite"
)

// wordTokenizer splits text into the same tokens as bleve's unicode
// tokenizer (Unicode word segmentation, UAX #29), faster. The unicode
// tokenizer runs a general state machine over every byte; it was a fifth
// of the CPU of ingest. Briefings are mostly ASCII, where the rules of
// UAX #29 come down to a few (wordBreakASCII), so chunks of text between
// ASCII white space that are pure ASCII are split here and any other chunk
// is handed to the unicode tokenizer. White space always separates words,
// so the chunks can be split apart. tokenizer_test.go checks that both
// give identical tokens (terms, offsets, positions and types) on random
// and real text.
type wordTokenizer struct {
	slow *unicodetok.UnicodeTokenizer
}

// wordTokenizerName is the tokenizer's name in bleve's registry.
const wordTokenizerName = "briefs_words"

func init() {
	err := registry.RegisterTokenizer(wordTokenizerName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return &wordTokenizer{slow: unicodetok.NewUnicodeTokenizer()}, nil
	})
	if err != nil {
		panic(err)
	}
}

// ASCII character classes of UAX #29.
const (
	wbOther     = iota
	wbSpace     // ends a chunk
	wbLetter    // ALetter
	wbNumber    // Numeric
	wbExtend    // ExtendNumLet: "_"
	wbMidLetter // MidLetter: ":"
	wbMidNumLet // MidNumLet and Single_Quote: "." and "'"
	wbMidNum    // MidNum: "," and ";"
)

var wbClass [128]uint8

func init() {
	for c := 0; c < 128; c++ {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
			wbClass[c] = wbLetter
		case c >= '0' && c <= '9':
			wbClass[c] = wbNumber
		}
	}
	for _, c := range " \t\n\r\v\f" {
		wbClass[c] = wbSpace
	}
	wbClass['_'] = wbExtend
	wbClass[':'] = wbMidLetter
	wbClass['.'] = wbMidNumLet
	wbClass['\''] = wbMidNumLet
	wbClass[','] = wbMidNum
	wbClass[';'] = wbMidNum
}

func (t *wordTokenizer) Tokenize(input []byte) analysis.TokenStream {
	n := len(input)/6 + 1
	return t.tokenize(input, make(analysis.TokenStream, 0, n), tokenSlab{cur: make([]analysis.Token, 0, n)})
}

// tokenize appends the tokens of input to out, taking them from slab.
func (t *wordTokenizer) tokenize(input []byte, out analysis.TokenStream, slab tokenSlab) analysis.TokenStream {
	if !utf8.Valid(input) {
		// The unicode tokenizer stops at the first invalid byte; so do we.
		return append(out, t.slow.Tokenize(input)...)
	}
	pos := 1
	for i := 0; i < len(input); {
		if c := input[i]; c < 128 && wbClass[c] == wbSpace {
			i++
			continue
		}
		end, ascii := i, true
		for end < len(input) && !(input[end] < 128 && wbClass[input[end]] == wbSpace) {
			if input[end] >= 128 {
				ascii = false
			}
			end++
		}
		if ascii {
			out, pos = tokenizeASCII(input, i, end, pos, out, &slab)
		} else {
			for _, tok := range t.slow.Tokenize(input[i:end]) {
				tok.Start += i
				tok.End += i
				tok.Position = pos
				pos++
				out = append(out, tok)
			}
		}
		i = end
	}
	return out
}

// tokenSlab hands out the tokens of one Tokenize call from a few large
// allocations rather than one per word, or from a tokenBuf's, which are
// used again for record after record.
type tokenSlab struct {
	cur []analysis.Token
	buf *tokenBuf
}

func (s *tokenSlab) next() *analysis.Token {
	if s.buf != nil {
		return s.buf.next()
	}
	if len(s.cur) == cap(s.cur) {
		s.cur = make([]analysis.Token, 0, 256) // never grown in place: earlier tokens stay where they are
	}
	s.cur = s.cur[:len(s.cur)+1]
	return &s.cur[len(s.cur)-1]
}

// tokenBuf holds what the analysis of one record allocates (tokens,
// their memo entries, its FieldSpell words) for the next record to use
// again: a build from empty (bulk.go) hands each record's tokens to the
// segment writer and then the buffer back to tokenBufs.
type tokenBuf struct {
	out    analysis.TokenStream
	terms  []*memoTerm
	refs   []*zapwrite.TermRef // each kept token's term, for the segment writer
	words  [][]byte
	wrefs  []*zapwrite.TermRef // FieldSpell's words
	chunks [][]analysis.Token
	chunk  int // next token: chunks[chunk][used]
	used   int
}

const tokenChunk = 512

func (b *tokenBuf) next() *analysis.Token {
	if b.chunk == len(b.chunks) {
		b.chunks = append(b.chunks, make([]analysis.Token, tokenChunk))
	}
	t := &b.chunks[b.chunk][b.used]
	if b.used++; b.used == tokenChunk {
		b.chunk, b.used = b.chunk+1, 0
	}
	return t
}

func (b *tokenBuf) reset() {
	clear(b.out) // drop the references to the last record's tokens
	b.out, b.terms, b.words = b.out[:0], b.terms[:0], b.words[:0]
	b.refs, b.wrefs = b.refs[:0], b.wrefs[:0]
	b.chunk, b.used = 0, 0
}

// tokenizeASCII appends the words of input[from:to], pure ASCII without
// white space.
func tokenizeASCII(input []byte, from, to, pos int, out analysis.TokenStream, slab *tokenSlab) (analysis.TokenStream, int) {
	word := func(c uint8) bool { return c == wbLetter || c == wbNumber || c == wbExtend }
	for i := from; i < to; {
		if !word(wbClass[input[i]]) {
			i++
			continue
		}
		start := i
		letters, digits := false, false
		for i < to {
			c := wbClass[input[i]]
			if word(c) {
				letters = letters || c == wbLetter
				digits = digits || c == wbNumber
				i++
				continue
			}
			if i+1 < to && i > start {
				prev, next := wbClass[input[i-1]], wbClass[input[i+1]]
				if prev == wbLetter && next == wbLetter && (c == wbMidLetter || c == wbMidNumLet) {
					i += 2 // WB6, WB7: "don't", "U.S"
					letters = true
					continue
				}
				if prev == wbNumber && next == wbNumber && (c == wbMidNum || c == wbMidNumLet) {
					i += 2 // WB11, WB12: "1,000", "3.5"
					continue
				}
			}
			break
		}
		// The segmenter calls a word of digits (and "_") a number, and
		// anything else, "_" alone included, a letter word.
		typ := analysis.AlphaNumeric
		if digits && !letters {
			typ = analysis.Numeric
		}
		tok := slab.next()
		*tok = analysis.Token{Term: input[start:i], Start: start, End: i, Position: pos, Type: typ}
		out = append(out, tok)
		pos++
	}
	return out, pos
}
