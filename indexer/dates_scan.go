package indexer

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// mayHoldDate reports whether nodeText(n) may hold a date findDate reads:
// four digits in a row, or two digits and ".dd.dd" (dateShapeOf's year
// and dotted). It reads the text nodes in place, as collapse would see
// them, instead of building the text: most elements with a digit hold
// none of these, and building their text was most of pageDates' work.
func mayHoldDate(n *html.Node) bool {
	var sc dateScan
	walkNodes(n, func(c *html.Node) bool {
		switch {
		case sc.found:
			return false
		case c.Type == html.TextNode:
			sc.feed(c.Data)
		case c.Type == html.ElementNode && (c.DataAtom == atom.Br || isBlockTag(c.DataAtom)):
			sc.push(' ') // textSkipping's separator
		}
		return true
	})
	return sc.found
}

// dateScan follows text as collapse leaves it, one character class at a
// time: a digit 'd', a dot, a space ' ' (any run of white space) or
// anything else 'x'; what collapse drops is skipped.
type dateScan struct {
	last  uint64 // the last eight classes, one byte each, newest lowest
	run   int    // digits in a row at the end
	found bool
}

// dottedClasses is "dd.dd.dd" in dateScan.last.
const dottedClasses = uint64('d')<<56 | uint64('d')<<48 | uint64('.')<<40 | uint64('d')<<32 |
	uint64('d')<<24 | uint64('.')<<16 | uint64('d')<<8 | uint64('d')

func (sc *dateScan) push(class byte) {
	sc.last = sc.last<<8 | uint64(class)
	if class == 'd' {
		sc.run++
	} else {
		sc.run = 0
	}
	if sc.run >= 4 || sc.last == dottedClasses {
		sc.found = true
	}
}

func (sc *dateScan) feed(s string) {
	for i := 0; i < len(s) && !sc.found; {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case '0' <= c && c <= '9':
				sc.push('d')
			case c == '.':
				sc.push('.')
			case c == ' ' || c == '\n' || c == '\t' || c == '\r':
				sc.push(' ')
			case c < 0x20 || c == 0x7F: // dropped by cleanText, \f and \v too
			default:
				sc.push('x')
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1, dropRune(r):
		case unicode.IsSpace(r):
			sc.push(' ')
		default:
			sc.push('x')
		}
	}
}
