package indexer

import (
	"io"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// ToUnicode CMaps: the tables a PDF font carries from its character codes
// to Unicode text, parsed by a small tokenizer of their PostScript syntax.

// readToUnicode parses a ToUnicode CMap: its bfchar and bfrange sections.
// A CMap is PostScript, which pdf.Interpret only half runs (findresource
// needs a dictionary it cannot make), so the few forms used are read here.
func readToUnicode(v pdf.Value) (m map[int]string) {
	defer func() {
		if recover() != nil && len(m) == 0 {
			m = nil // unreadable: fall back to the encoding
		}
	}()
	data, err := io.ReadAll(io.LimitReader(v.Reader(), 4<<20))
	if err != nil && len(data) == 0 {
		return nil
	}
	return parseToUnicode(data)
}

// parseToUnicode reads the code -> text pairs of CMap source.
func parseToUnicode(data []byte) map[int]string {
	m := map[int]string{}
	toks := cmapTokens(data)
	for i := 0; i < len(toks); i++ {
		switch toks[i].kw {
		case "beginbfchar":
			for i++; i+1 < len(toks) && toks[i].kw == ""; i += 2 {
				src, dst := toks[i], toks[i+1]
				if src.hex && dst.kw == "" {
					m[codeOf(src.s)] = cmapText(dst)
				}
			}
		case "beginbfrange":
			for i++; i+2 < len(toks) && toks[i].kw == ""; i += 3 {
				lo, hi, dst := toks[i], toks[i+1], toks[i+2]
				if !lo.hex || !hi.hex {
					continue
				}
				a, b := codeOf(lo.s), codeOf(hi.s)
				if b < a || b-a > 1<<16 || len(m) > 1<<17 {
					continue
				}
				if dst.arr != nil {
					for k := 0; k <= b-a && k < len(dst.arr); k++ {
						m[a+k] = cmapText(dst.arr[k])
					}
					continue
				}
				units := utf16Units(dst.s)
				if len(units) == 0 {
					continue
				}
				for k := 0; k <= b-a; k++ {
					u := append([]uint16(nil), units...)
					u[len(u)-1] += uint16(k)
					m[a+k] = cleanGlyph(string(utf16.Decode(u)))
				}
			}
			i-- // the loop stopped on the section's end keyword
		}
	}
	return m
}

// cmapToken is a hex string, a name, an array of them, or a keyword.
type cmapToken struct {
	kw   string // keyword; "" for operands
	s    string // bytes of a hex string, or a name
	hex  bool
	name bool
	arr  []cmapToken
}

func cmapText(t cmapToken) string {
	if t.name {
		return glyphText(t.s)
	}
	return cleanGlyph(string(utf16.Decode(utf16Units(t.s))))
}

// cmapTokens splits CMap source into the tokens readToUnicode needs;
// numbers and literal strings become keywords, which end a section.
func cmapTokens(data []byte) []cmapToken {
	var toks []cmapToken
	var stack [][]cmapToken // open arrays
	push := func(t cmapToken) {
		if n := len(stack); n > 0 {
			stack[n-1] = append(stack[n-1], t)
			return
		}
		toks = append(toks, t)
	}
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c == '%':
			for i < len(data) && data[i] != '\n' && data[i] != '\r' {
				i++
			}
		case c == '<' && i+1 < len(data) && data[i+1] == '<', c == '>' && i+1 < len(data) && data[i+1] == '>':
			i += 2
		case c == '<':
			j := i + 1
			var hexd []byte
			for ; j < len(data) && data[j] != '>'; j++ {
				if h := unhexDigit(data[j]); h >= 0 {
					hexd = append(hexd, byte(h))
				}
			}
			if len(hexd)%2 == 1 {
				hexd = append(hexd, 0)
			}
			b := make([]byte, len(hexd)/2)
			for k := range b {
				b[k] = hexd[2*k]<<4 | hexd[2*k+1]
			}
			push(cmapToken{s: string(b), hex: true})
			i = j + 1
		case c == '[':
			stack = append(stack, nil)
			i++
		case c == ']':
			if n := len(stack); n > 0 {
				arr := stack[n-1]
				stack = stack[:n-1]
				push(cmapToken{arr: arr})
			}
			i++
		case c == '/':
			j := i + 1
			for j < len(data) && !isCMapDelim(data[j]) {
				j++
			}
			push(cmapToken{s: string(data[i+1 : j]), name: true})
			i = j
		case c == '(':
			depth := 0
			j := i
			for ; j < len(data); j++ {
				if data[j] == '\\' {
					j++
					continue
				}
				if data[j] == '(' {
					depth++
				} else if data[j] == ')' {
					if depth--; depth == 0 {
						break
					}
				}
			}
			toks = append(toks, cmapToken{kw: "string"})
			i = j + 1
		case isCMapDelim(c):
			i++
		default:
			j := i
			for j < len(data) && !isCMapDelim(data[j]) {
				j++
			}
			stack = nil
			toks = append(toks, cmapToken{kw: string(data[i:j])})
			i = j
		}
	}
	return toks
}

func isCMapDelim(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\f', 0, '<', '>', '[', ']', '/', '(', ')', '%', '{', '}':
		return true
	}
	return false
}

func unhexDigit(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func codeOf(s string) int {
	c := 0
	for i := 0; i < len(s) && i < 4; i++ {
		c = c<<8 | int(s[i])
	}
	return c
}

func utf16Units(s string) []uint16 {
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return u
}
