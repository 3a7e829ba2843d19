package indexer

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// checkMayHoldDate parses src and checks mayHoldDate on every element
// against dateShapeOf of its built text: it must never miss a year or a
// dotted date (pageDates would lose it), and on valid UTF-8 it must agree.
func checkMayHoldDate(t *testing.T, src string) {
	t.Helper()
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return
	}
	walkNodes(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		text := nodeText(n)
		sh := dateShapeOf(text)
		want, got := sh.year || sh.dotted, mayHoldDate(n)
		if want && !got || got != want && utf8.ValidString(src) {
			t.Errorf("mayHoldDate(<%s> %q) = %v, want %v (from %q)", n.Data, text, got, want, src)
		}
		return true
	})
}

func TestMayHoldDate(t *testing.T) {
	for _, src := range []string{
		"<p>Published 14 March 2005</p>",
		"<p>47 per cent and 19 per cent</p>",
		"<p>20<b>05</b></p>",
		"<div>20<p>05</p></div>",
		"<p>20\u00AD05, 20\f05 and 20\u200B05</p>",
		"<p>Do 25.04.24 | 14:07</p>",
		"<p>25.<i>04</i>.24</p>",
		"<p>25. 04.24</p>",
		"<p>12.345.67 and 1.2.10</p>",
		"<p>19 99</p><p>20&#173;05</p>",
		"<p>2005</p>",
		"<p>no digits at all</p>",
	} {
		checkMayHoldDate(t, src)
	}
}

func FuzzMayHoldDate(f *testing.F) {
	for _, s := range []string{"<p>20<b>05</b></p>", "<div>25.04<br>.24</div>", "<p>1\u00A02\u00AD345</p>", "<p>\xc3<b>\xa9</b>2005</p>"} {
		f.Add(s)
	}
	f.Fuzz(checkMayHoldDate)
}
