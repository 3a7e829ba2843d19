package indexer

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// unseenAuthors drops the authors the page names only in its metadata,
// when none of them appears anywhere in its visible text: a site owner's
// or publisher's name that a template writes into every page's head
// (meta author, JSON-LD), while the page shows no byline. People who
// label such pages judge that they have no author. The byline the page
// shows, if any, takes their place. A publication in a series and one
// with scholarly metadata (citation_author, DC.creator) name their authors
// whether or not the page repeats them, and news pages are left alone
// too: a newsroom's byline is often drawn by script from the metadata.
func (p *htmlPage) unseenAuthors(authors, shown []string, series string) []string {
	if len(authors) == 0 || !p.headLetsDropUnseen() || series != "" {
		return authors
	}
	text := joinVisible(p.rawTexts)
	if text == "" {
		return authors
	}
	for _, a := range authors {
		if shownIn(a, text) || p.typedPerson(a) {
			return authors
		}
	}
	return shown
}

// headLetsDropUnseen reports whether the page's head leaves unseenAuthors
// anything to do: not a news page, no scholarly authors. Otherwise the
// visible text it compares names with need not be read at all.
func (p *htmlPage) headLetsDropUnseen() bool {
	return !p.head.news && len(p.head.citation.Authors)+len(p.head.dc.Authors) == 0
}

// typedPerson reports whether a name reads as a person's full name and
// comes from metadata that types it as an author (JSON-LD, OpenGraph
// article:author, citation_author, DC.creator): such a name stands even
// unseen. A plain meta author, a user name or an organisation does not.
func (p *htmlPage) typedPerson(name string) bool {
	if len(strings.Fields(name)) < 2 || !looksLikeName(name) || isSiteName(name, p.head.siteNames(), false) {
		return false
	}
	for _, f := range []metaFields{p.head.jsonld, p.head.og, p.head.citation, p.head.dc} {
		for _, a := range f.Authors {
			if strings.EqualFold(normaliseAuthor(a), name) {
				return true
			}
		}
	}
	return false
}

// shownIn reports whether every word of a name appears in text (folded
// to lower case): "Jelsma, Martin" is shown by "Martin Jelsma".
func shownIn(name, text string) bool {
	n := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !strings.Contains(text, w) {
			return false
		}
		n++
	}
	return n > 0
}

// visibleTexts returns the texts a reader sees on the page, its text nodes
// in order: no scripts, styles, templates or elements styled invisible.
// Elements with the hidden attribute count: script frameworks stream the
// page's content into them and show it once loaded. The texts are read
// before chrome removal and joined only if unseenAuthors needs them.
func visibleTexts(root *html.Node) []string {
	var out []string
	walkNodes(root, func(n *html.Node) bool {
		switch n.Type {
		case html.TextNode:
			out = append(out, n.Data)
		case html.ElementNode:
			st := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
			if junkTags[n.DataAtom] || strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
				return false
			}
		}
		return true
	})
	return out
}

// joinVisible makes the lower-cased visible text of the page from
// visibleTexts: the texts one space apart, white space collapsed.
func joinVisible(texts []string) string {
	size := 0
	for _, t := range texts {
		size += len(t) + 1
	}
	var b strings.Builder
	b.Grow(size)
	for _, t := range texts {
		b.WriteString(t)
		b.WriteByte(' ')
	}
	return strings.ToLower(collapse(b.String()))
}
