package indexer

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// DOM helpers: attributes, walks, text and class tokens of parsed HTML nodes.

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// walkNodes visits n and its descendants in document order without
// recursion; visit returns false to skip a node's children. Its stack
// starts in an array of its own, so that most walks allocate nothing.
func walkNodes(n *html.Node, visit func(*html.Node) bool) {
	if n == nil {
		return
	}
	var buf [64]*html.Node
	stack := append(buf[:0], n)
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !visit(c) {
			continue
		}
		for k := c.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, k)
		}
	}
}

func findFirst(n *html.Node, match func(*html.Node) bool) *html.Node {
	var found *html.Node
	walkNodes(n, func(c *html.Node) bool {
		if found != nil {
			return false
		}
		if c.Type == html.ElementNode && match(c) {
			found = c
			return false
		}
		return true
	})
	return found
}

func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	walkNodes(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode && match(c) {
			out = append(out, c)
		}
		return true
	})
	return out
}

// nodeText is the collapsed text of n (alt texts and comments excluded).
func nodeText(n *html.Node) string { return textSkipping(n, nil) }

// textSkipping is nodeText without the elements skip reports.
func textSkipping(n *html.Node, skip func(*html.Node) bool) string {
	var b strings.Builder
	walkNodes(n, func(c *html.Node) bool {
		switch c.Type {
		case html.TextNode:
			b.WriteString(c.Data)
		case html.ElementNode:
			if skip != nil && skip(c) {
				return false
			}
			if c.DataAtom == atom.Br || isBlockTag(c.DataAtom) {
				b.WriteByte(' ')
			}
		}
		return true
	})
	return collapse(b.String())
}

// hasTextWith reports whether a text node under n holds one of subs.
func hasTextWith(n *html.Node, subs ...string) bool {
	found := false
	walkNodes(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			for _, s := range subs {
				found = found || strings.Contains(c.Data, s)
			}
		}
		return !found
	})
	return found
}

func isInside(n, ancestor *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == ancestor {
			return true
		}
	}
	return false
}

func hasAncestor(n *html.Node, match func(*html.Node) bool) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		if a.Type == html.ElementNode && match(a) {
			return true
		}
	}
	return false
}

// textLengths maps every node under root to the length of its text, in one
// post-order pass. size is how many nodes root has, or more (0: count them
// first), so that the map is made at its size once.
func textLengths(root *html.Node, size int) map[*html.Node]int {
	if size <= 0 {
		walkNodes(root, func(*html.Node) bool { size++; return true })
	}
	m := make(map[*html.Node]int, size)
	type frame struct {
		n    *html.Node
		done bool
	}
	stack := []frame{{root, false}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if f.n.Type == html.TextNode {
			m[f.n] = len(strings.TrimSpace(f.n.Data))
			continue
		}
		if f.done {
			sum := 0
			for c := f.n.FirstChild; c != nil; c = c.NextSibling {
				sum += m[c]
			}
			m[f.n] = sum
			continue
		}
		stack = append(stack, frame{f.n, true})
		for c := f.n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, frame{c, false})
		}
	}
	return m
}

// classTokens returns the lower-case words of n's class, id, role and
// aria-label: "share-buttons col" gives share, buttons, col.
func classTokens(n *html.Node) []string {
	s := strings.ToLower(attr(n, "class") + " " + attr(n, "id") + " " + attr(n, "role") + " " + attr(n, "aria-label"))
	return strings.FieldsFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') })
}

func hasClassToken(n *html.Node, words ...string) bool {
	for _, t := range classTokens(n) {
		for _, w := range words {
			if t == w {
				return true
			}
		}
	}
	return false
}
