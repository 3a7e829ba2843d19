package syntax

import (
	"strings"
	"unicode"
)

// The lexer: the query box's text, repaired, cut into tokens (words,
// phrases, operators, brackets) for the parser in parse.go.

// repair makes any input parseable: invalid UTF-8 is dropped, white space
// becomes ' ', and invisible runes are dropped. Dropping every non-printable
// rune is also what makes Phrase.String, which escapes them, parse back.
func repair(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	s = strings.ToValidUTF8(s, "")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		case !unicode.IsPrint(r):
			// control, format (soft hyphen, zero-width space, BOM), private use
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

type tokKind int

const (
	tEOF tokKind = iota
	tWord
	tPhrase
	tLParen
	tRParen
	tOr
	tAnd
	tNot
	tMinus
)

type token struct {
	kind     tokKind
	text     string // word text, or phrase text with escapes decoded
	pos, end int    // byte offsets in the query
}

// lex splits the repaired query into tokens. Only ' ' is white space after
// repair.
func lex(q string) ([]token, error) {
	var toks []token
	i := 0
	for i < len(q) {
		c := q[i]
		switch {
		case c == ' ':
			i++
		case c == '(':
			toks = append(toks, token{kind: tLParen, pos: i, end: i + 1})
			i++
		case c == ')':
			toks = append(toks, token{kind: tRParen, pos: i, end: i + 1})
			i++
		case c == '|':
			j := i + 1
			if j < len(q) && q[j] == '|' {
				j++
			}
			toks = append(toks, token{kind: tOr, pos: i, end: j})
			i = j
		case isAndAt(q, i):
			toks = append(toks, token{kind: tAnd, pos: i, end: i + 2})
			i += 2
		case c == '"':
			t, err := lexPhrase(q, i)
			if err != nil {
				return nil, err
			}
			toks = append(toks, t)
			i = t.end
		case c == '-':
			j := i
			for j < len(q) && q[j] == '-' {
				j++
			}
			// Dashes standing alone ("Bolivia - Peru", "a -- b") are
			// punctuation, not an exclusion; "--x" excludes x once.
			if j < len(q) && !isDelimAt(q, j) {
				toks = append(toks, token{kind: tMinus, pos: i, end: j})
			}
			i = j
		default:
			j := i
			for j < len(q) && !isDelimAt(q, j) && q[j] != '"' && q[j] != '(' {
				j++
			}
			t := token{kind: tWord, text: q[i:j], pos: i, end: j}
			switch t.text {
			case "OR":
				t.kind = tOr
			case "AND":
				t.kind = tAnd
			case "NOT":
				t.kind = tNot
			}
			toks = append(toks, t)
			i = j
		}
	}
	return append(toks, token{kind: tEOF, pos: len(q), end: len(q)}), nil
}

func isAndAt(q string, i int) bool { return q[i] == '&' && i+1 < len(q) && q[i+1] == '&' }

// isDelimAt reports whether a bare word ends at q[i] (quotes and opening
// parentheses end a word too, but may follow a minus).
func isDelimAt(q string, i int) bool {
	switch q[i] {
	case ' ', ')', '|':
		return true
	}
	return isAndAt(q, i)
}

// lexPhrase reads the quoted phrase starting at q[i] == '"'.
func lexPhrase(q string, i int) (token, error) {
	var b strings.Builder
	j := i + 1
	for {
		if j >= len(q) {
			return token{}, &SyntaxError{Pos: i, Query: q, Msg: `unterminated quote — add a closing "`}
		}
		c := q[j]
		if c == '\\' && j+1 < len(q) && (q[j+1] == '"' || q[j+1] == '\\') {
			b.WriteByte(q[j+1])
			j += 2
			continue
		}
		j++
		if c == '"' {
			break
		}
		b.WriteByte(c)
	}
	text := strings.Join(strings.Fields(b.String()), " ")
	if text == "" {
		return token{}, &SyntaxError{Pos: i, Query: q, Msg: "empty quotes — put words between them or remove them"}
	}
	// "phrase"~N is proximity in other engines; we accept it and search the
	// exact phrase, which is the stricter reading.
	if j < len(q) && q[j] == '~' {
		j++
		for j < len(q) && '0' <= q[j] && q[j] <= '9' {
			j++
		}
	}
	return token{kind: tPhrase, text: text, pos: i, end: j}, nil
}
