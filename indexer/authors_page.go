package indexer

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

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
// stands, with the raw text length of every element (p.rawLen) for
// placing them later.
func (p *htmlPage) authorMarks() []authorMark {
	p.rawLen = textLengths(p.body)
	p.rawText = visibleText(p.body)
	small := func(n *html.Node) bool { return p.rawLen[n] > 0 && p.rawLen[n] <= maxMarkText }
	var marks []authorMark
	walkNodes(p.body, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		if junkTags[n.DataAtom] || isHidden(n) {
			return false
		}
		if !isAuthorMarked(n) || !small(n) {
			return true
		}
		names := marksNames(n)
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
	var b strings.Builder
	walkNodes(n, func(c *html.Node) bool {
		switch c.Type {
		case html.TextNode:
			b.WriteString(c.Data)
		case html.ElementNode:
			if junkTags[c.DataAtom] || isScreenReaderOnly(c) {
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

// reBylineLabel matches the labels that introduce a byline: "Posted by",
// "Veröffentlicht von", "Eingestellt von", "Text:", "Autorin:".
var reBylineLabel = regexp.MustCompile(`^(?i:(?:posted|written|published|created|article|geschrieben|verfasst|veröffentlicht|eingestellt|gespeichert|erstellt|artikel|beitrag|publié|écrit|article|publicado|escrito|artículo)\s+(?:by|von|par|por)|über\s+(?:den|die)\s+autor(?:in)?|about\s+the\s+author|über|about|by|von|par|por|text|texte|texto|redaktion|autor(?:in)?|author)(?:\s*:\s*|\s+)`)

// isSentence reports text that reads as a sentence rather than names
// before its date: two or more lower-case words that are not particles
// ("Made in Bolivia with Drupal by X").
func isSentence(t string) bool {
	if _, start, _ := findDate(t); start >= 0 {
		t = t[:start]
	}
	lower := 0
	for _, w := range strings.Fields(t) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) && !nameParticles[w] && !beforeDate[w] {
			lower++
		}
	}
	return lower >= 2
}

// beforeDate are the words between a byline's name and its date: "von X
// am 12. März", "by X on March 12", "par X le 12 mars".
var beforeDate = map[string]bool{"am": true, "um": true, "on": true, "at": true, "le": true, "el": true, "il": true}

// reGluedLabel matches a "by" label a template glued to the name.
var reGluedLabel = regexp.MustCompile(`^(?:(?:Geschrieben|Veröffentlicht|Eingestellt|Verfasst|Erstellt) von|(?:Posted|Written|Published) by|By|Von)`)

// reCreditLabel matches the labels of a source or picture credit.
var reCreditLabel = regexp.MustCompile(`^(?i:quelle|quellen|source|sources|fuente|foto|fotos|bild|bilder|photo|photos|image)\s*:`)

// dropBylineLabel removes byline labels from the start of t, also one
// glued to the name ("Geschrieben vonElisa Beispiel"); a label alone
// leaves nothing.
func dropBylineLabel(t string) string {
	for {
		t = strings.TrimSpace(t)
		loc := reBylineLabel.FindStringIndex(t + " ")
		if loc == nil {
			loc = reGluedLabel.FindStringIndex(t)
			if loc == nil {
				return t
			}
			if r, _ := utf8.DecodeRuneInString(t[loc[1]:]); !unicode.IsUpper(r) {
				return t
			}
		}
		t = t[min(loc[1], len(t)):]
	}
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
	authorClassWords    = []string{"author", "authors", "byline", "bylines", "autor", "autores", "autoren", "auteur", "auteurs"}
	notAuthorClassWords = []string{"bio", "box", "about", "avatar", "image", "img", "photo", "picture", "social",
		"twitter", "facebook", "linkedin", "instagram", "mail", "email", "follow"}
)

// namesIn reads the names in a byline element's text: a byline with its
// marker, or bare names.
func namesIn(t string) []string {
	if names, ok := parseByline(t); ok {
		return names
	}
	var names []string
	for _, s := range splitAuthors(dropPlace(cutBylineTail(t))) {
		if looksLikeName(s) {
			names = append(names, s)
		}
	}
	return names
}

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
	scholarly := len(p.head.citation.Authors)+len(p.head.dc.Authors) > 0 || series != ""
	if len(authors) == 0 || p.rawText == "" || p.head.news || scholarly {
		return authors
	}
	for _, a := range authors {
		if shownIn(a, p.rawText) || p.typedPerson(a) {
			return authors
		}
	}
	return shown
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

// visibleText is the lower-cased text a reader sees on the page: no
// scripts, styles, templates or elements styled invisible. Elements with
// the hidden attribute count: script frameworks stream the page's content
// into them and show it once loaded.
func visibleText(root *html.Node) string {
	var b strings.Builder
	walkNodes(root, func(n *html.Node) bool {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			b.WriteByte(' ')
		case html.ElementNode:
			st := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
			if junkTags[n.DataAtom] || strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
				return false
			}
		}
		return true
	})
	return strings.ToLower(collapse(b.String()))
}
