package indexer

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// headNodes are the elements readHead reads, found in one walk of the
// document instead of one goquery selector pass each. Each list holds what
// the selector in its comment finds, in document order.
type headNodes struct {
	metas  []*html.Node // meta
	jsonLD []*html.Node // script[type="application/ld+json"]
	html   *html.Node   // the first html
	canon  *html.Node   // the first link[rel="canonical"]
	title  *html.Node   // the first title
}

func findHeadNodes(doc *goquery.Document) headNodes {
	var h headNodes
	for _, root := range doc.Nodes {
		for c := root.FirstChild; c != nil; c = c.NextSibling {
			walkNodes(c, func(n *html.Node) bool {
				if n.Type != html.ElementNode {
					return true
				}
				switch n.Data {
				case "meta":
					h.metas = append(h.metas, n)
				case "script":
					if hasAttrValue(n, "type", "application/ld+json") {
						h.jsonLD = append(h.jsonLD, n)
					}
				case "html":
					h.html = firstOf(h.html, n)
				case "link":
					if hasAttrValue(n, "rel", "canonical") {
						h.canon = firstOf(h.canon, n)
					}
				case "title":
					h.title = firstOf(h.title, n)
				}
				return true
			})
		}
	}
	return h
}

func firstOf(seen, n *html.Node) *html.Node {
	if seen != nil {
		return seen
	}
	return n
}

// hasAttrValue reports whether one of n's attributes named key has the
// value val (a selector's [key="val"]).
func hasAttrValue(n *html.Node, key, val string) bool {
	for _, a := range n.Attr {
		if a.Key == key && a.Val == val {
			return true
		}
	}
	return false
}

// lookupAttr returns the value of n's first attribute named key, and
// whether there is one (goquery's Attr); n may be nil.
func lookupAttr(n *html.Node, key string) (string, bool) {
	if n == nil {
		return "", false
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// rawText is the text of n's text nodes as they are, joined (goquery's
// Text); n may be nil.
func rawText(n *html.Node) string {
	var b strings.Builder
	walkNodes(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return true
	})
	return b.String()
}
