package indexer

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A list of recent, related or teased posts is not the page's, but its
// entry for the page itself is: a link to the page's own address with
// the day beside it ("Letzte Beiträge: Wahlzensur … 26/10/2018").

// urlPath returns the path of an address without its trailing slash, or
// "" for none or the site's root.
func urlPath(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(u.Path, "/")
}

// selfLinkDays returns the days of the entries in block that link to
// the page's own path self: the day in the smallest element around the
// link, up to three levels up, whose text is one entry's (under 300
// characters) or opens with the day (a teaser the link wraps).
func selfLinkDays(block *html.Node, self string) []string {
	if self == "" {
		return nil
	}
	var days []string
	// The block may itself be the teaser a link to the page wraps.
	for up, n := 0, block.Parent; up < 3 && n != nil; up, n = up+1, n.Parent {
		if n.DataAtom == atom.A && urlPath(attr(n, "href")) == self {
			if d := entryDay(block); d != "" {
				days = append(days, d)
			}
			break
		}
	}
	for _, a := range findAll(block, func(n *html.Node) bool { return n.DataAtom == atom.A }) {
		if urlPath(attr(a, "href")) != self {
			continue
		}
		for up, n := 0, a; up < 4 && n != nil && n != block.Parent; up, n = up+1, n.Parent {
			if d := entryDay(n); d != "" {
				days = append(days, d)
				break
			}
			if len(nodeText(n)) > 300 {
				break
			}
		}
	}
	return days
}

// entryDay returns the day of one entry of a list: the full date in a
// short text, or the one a longer teaser opens with.
func entryDay(n *html.Node) string {
	t := nodeText(n)
	if d, start, _ := findDate(t); len(d) == len("2006-01-02") && (len(t) <= 300 || start < 100) {
		return d
	}
	return ""
}
