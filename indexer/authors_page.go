package indexer

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// This file reads the names a page marks up as its authors: rel=author,
// itemprop=author, "author" and "byline" classes. They are collected on
// the untouched page, before chrome removal, because blog and CMS themes
// put the byline in the article's own header or in a post footer after
// the text (<footer class="entry-footer">, "post-footer"), which chrome
// removal deletes with the site's footer. Which marks count is decided
// once the main text is known: a mark counts when it sits next to the
// title, or when the smallest element holding both it and the main text
// is not much more than the main text (the article with its header and
// footer), never in comments, related-article lists or sidebars.

// authorMark is one author-marked element of the untouched page.
type authorMark struct {
	node *html.Node
	// anc are the node's ancestors before chrome removal, nearest first.
	anc []*html.Node
	// names are read through inner marks ("von <span class=fn>X</span>").
	names []string
}

// maxMarkText bounds a marked element's text: a byline or an author's
// name, not a container that a theme classed after its author ("single-
// author" on <body>, an "author-box" with a biography).
const maxMarkText = 200

// authorMarks collects the author-marked elements of the page as it
// stands (p.rawLen holds its text lengths) and, when unseenAuthors may
// need it, the visible texts (p.rawTexts).
func (p *htmlPage) authorMarks() []authorMark {
	if p.headLetsDropUnseen() {
		p.rawTexts = visibleTexts(p.body)
	}
	small := func(n *html.Node) bool { return p.rawLen[n] > 0 && p.rawLen[n] <= maxMarkText }
	var marks []authorMark
	walkNodes(p.body, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		if junkTags[n.DataAtom] || isHidden(n) {
			return false
		}
		var names []string
		switch {
		case !small(n):
			return true
		case isAuthorMarked(n):
			names = marksNames(n)
		case isBlockTag(n.DataAtom) && !hasBlockChild(n):
			// A labelled byline in unmarked markup ("Author: X" in a
			// post footer) counts like a mark. Its label ends in a
			// colon; without one the text need not be built.
			if !hasTextWith(n, ":", "：") {
				return true
			}
			if names = labelledField(markText(n)); len(names) == 0 {
				return true
			}
		default:
			return true
		}
		if len(names) > 0 {
			var anc []*html.Node
			for a := n.Parent; a != nil; a = a.Parent {
				anc = append(anc, a)
			}
			marks = append(marks, authorMark{node: n, anc: anc, names: names})
		}
		return false
	})
	return marks
}

// elsewhereClassWords mark blocks whose names are not the page's authors:
// comments, lists of other articles, sidebars and widgets.
var elsewhereClassWords = []string{"comment", "comments", "respond", "reply", "replies", "related", "sidebar",
	"widget", "teaser", "recommended", "popular", "trending", "similar"}

// layoutWords before an elsewhere word make a class describe the page's
// layout ("right-sidebar", "has-sidebar", "no-comments"), not the block.
var layoutWords = map[string]bool{"has": true, "no": true, "with": true, "without": true, "left": true,
	"right": true, "one": true, "two": true, "three": true, "full": true, "single": true}

// isElsewhereClassed reports a block whose class or id names it a comment
// thread, a related list, a sidebar or a widget.
func isElsewhereClassed(n *html.Node) bool {
	for _, v := range []string{attr(n, "class"), attr(n, "id")} {
		for _, tok := range strings.Fields(v) {
			var words []string
			for _, part := range strings.FieldsFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) }) {
				words = append(words, splitCamel(part)...)
			}
			for i, w := range words {
				w = strings.ToLower(w)
				if slices.Contains(elsewhereClassWords, w) && (i == 0 || !layoutWords[strings.ToLower(words[i-1])]) {
					return true
				}
			}
		}
	}
	return false
}

// isAuthorMarked reports an element marked as a byline or an author's
// name (the parts of an author box that are not the name excluded).
func isAuthorMarked(n *html.Node) bool {
	if strings.EqualFold(attr(n, "rel"), "author") || strings.EqualFold(attr(n, "itemprop"), "author") {
		return true
	}
	// Script-built pages name their parts in data-testid: "prism-byline".
	for _, w := range strings.FieldsFunc(strings.ToLower(attr(n, "data-testid")), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if w == "byline" || w == "author" {
			return true
		}
	}
	return hasClassWord(n, authorClassWords...) && !hasClassWord(n, notAuthorClassWords...)
}

// markedNames returns the names of the marks that belong to the page's
// own text: next to the title (in top, the blocks around it) or in the
// article around the main text.
func (p *htmlPage) markedNames(top []textBlock) []string {
	inTop := func(n *html.Node) bool {
		for _, b := range top {
			// Inside a top block, or a small list of authors holding one.
			if isInside(n, b.node) || isInside(b.node, n) && p.textLen[n] < 300 {
				return true
			}
		}
		return false
	}
	// Marks next to the title are joined (one per author); failing those,
	// the first mark in the article counts with the marks beside it (an
	// author box after the text), not every name further down.
	var names, after []string
	var first *html.Node
	for _, m := range p.marks {
		switch {
		case p.elsewhere(m):
		case inTop(m.node):
			names = append(names, m.names...)
		case p.inArticle(m) && (first == nil || m.node.Parent == first.Parent):
			if first == nil {
				first = m.node
			}
			after = append(after, m.names...)
		}
		if len(names) >= 10 {
			break
		}
	}
	if len(names) == 0 {
		names = after
	}
	return normaliseAuthors(names)
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && isBlockTag(c.DataAtom) {
			return true
		}
	}
	return false
}

// marksNames reads the names in a marked element: through the elements
// that hold a name alone (a byline's "fn" or rel=author link), failing
// those through the outermost marked elements inside it, so that its
// other text (a date, "Twitter") does not run into a name; failing
// those, from its own text.
func marksNames(n *html.Node) []string {
	var names []string
	for _, sel := range []func(*html.Node) bool{isNameElement, isAuthorMarked} {
		inner := findAll(n, func(c *html.Node) bool { return c != n && sel(c) })
		for _, c := range inner {
			if !hasAncestor(c, func(a *html.Node) bool { return a != n && isInside(a, n) && sel(a) }) {
				names = append(names, namesInMark(markText(c), isNameElement(c))...)
			}
		}
		if len(names) > 0 {
			return names
		}
	}
	return namesInMark(markText(n), isNameElement(n))
}

// elsewhere reports a mark inside comments, a related list, a sidebar, a
// widget or navigation: a block of that kind that does not hold the main
// text (Blogger classes the post's own container "widget Blog", and
// themes class page-wide wrappers "has-sidebar").
func (p *htmlPage) elsewhere(m authorMark) bool {
	for _, a := range m.anc {
		if (a.DataAtom == atom.Nav || a.DataAtom == atom.Aside || isElsewhereClassed(a)) && !isInside(p.main, a) {
			return true
		}
	}
	return false
}

// isNameElement reports an element that holds an author's name alone, by
// its markup: a rel=author link, itemprop=name inside itemprop=author,
// class fn or author-name.
func isNameElement(n *html.Node) bool {
	if strings.EqualFold(attr(n, "rel"), "author") {
		return true
	}
	if strings.EqualFold(attr(n, "itemprop"), "name") {
		// The author's name, not the publisher's beside it.
		return hasAncestor(n, func(a *html.Node) bool { return strings.EqualFold(attr(a, "itemprop"), "author") })
	}
	for _, t := range strings.Fields(attr(n, "class")) {
		switch strings.ToLower(t) {
		case "fn", "author-name", "authorname", "author_name", "username":
			return true
		}
	}
	return false
}

// markText is an element's text without the labels written for screen
// readers only ("Post author"), which would run into the name.
func markText(n *html.Node) string {
	return textSkipping(n, func(c *html.Node) bool { return junkTags[c.DataAtom] || isScreenReaderOnly(c) })
}

func isScreenReaderOnly(n *html.Node) bool {
	for _, c := range strings.Fields(strings.ToLower(attr(n, "class"))) {
		switch c {
		case "screen-reader-text", "sr-only", "visually-hidden", "visuallyhidden", "screenreader", "u-sronly":
			return true
		}
	}
	return false
}

// inArticle reports whether a mark sat, before chrome removal, in the
// article around the main text: the smallest element holding both is
// not much more than the main text itself.
func (p *htmlPage) inArticle(m authorMark) bool {
	if p.main == nil {
		return false
	}
	if isInside(m.node, p.main) && m.node.Parent != nil {
		return true
	}
	mainLen := p.rawLen[p.main]
	for _, a := range m.anc {
		if isInside(p.main, a) {
			return p.rawLen[a] <= mainLen+mainLen/4+500
		}
	}
	return false
}

// namesInMark reads the names in an author-marked element's text: a
// byline with its label ("von X", "Posted by X", "Text: X"), or bare names.
// A mark may hold a user name ("gizzmo", "freeman1984"), which the
// element's markup makes a name where free text would not.
func namesInMark(t string, nameElement bool) []string {
	t = dropAtHandles(collapse(t))
	t = authorField(t)
	if reCreditLabel.MatchString(t) {
		return nil // "Quelle: dpa", "Foto: X": a source or a picture credit
	}
	if names, ok := parseByline(t); ok {
		return names
	}
	if t = dropBylineLabel(t); t == "" || isSentence(t) {
		return nil
	}
	// Every part must be a name: a mark's text that is a sentence (an
	// author's biography, "Made in Bolivia with Drupal by X") names no
	// author of its own.
	var names []string
	for _, s := range splitAuthors(dropPlace(cutBylineTail(t))) {
		// An element that holds a name alone may hold any: "IWB",
		// "revamp-it Webteam".
		if nameElement && len(strings.Fields(s)) <= 4 {
			names = append(names, s)
			continue
		}
		if !looksLikeName(s) && !isHandle(s) && !isDeskByline(s) {
			return nil
		}
		names = append(names, s)
	}
	return names
}

// isHandle reports a user name as blog and forum software shows it: one
// word of Latin letters, digits, dots, dashes or underscores, with a
// letter, four to thirty characters long or holding a digit. Shorter
// ones are a newsroom's initials ("amw", "red"), which sign for the desk.
func isHandle(s string) bool {
	n := 0
	letter, digit := false, false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Latin, r):
			letter = true
		case unicode.IsDigit(r):
			digit = true
		case r == '.' || r == '_' || r == '-':
		default:
			return false
		}
		n++
	}
	return letter && (n >= 4 || digit && n >= 2) && n <= 30 && !notNames[strings.ToLower(s)]
}

// authorClassWords mark an element as a byline or an author's name;
// notAuthorClassWords mark the parts of an author box that are not the
// name (the biography, the photo, links to social media).
var (
	authorClassWords    = []string{"author", "authors", "authorname", "byline", "bylines", "autor", "autores", "autoren", "auteur", "auteurs"}
	notAuthorClassWords = []string{"bio", "box", "about", "avatar", "image", "img", "photo", "picture", "social",
		"twitter", "facebook", "linkedin", "instagram", "mail", "email", "follow"}
)
