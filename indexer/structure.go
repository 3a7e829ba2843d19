package indexer

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Documentation sites and CMS pages have structure that plain paragraphs
// lose: headings, lists, quotations, tables and code. A record keeps it as
// one kind per paragraph (Record.Kinds, parallel to Paragraphs), so that the
// document page can show a heading as a heading and code as code, while
// search, snippets and paragraph anchors work on paragraphs as before.
//
// They also put a permalink anchor in every heading: Sphinx's
// <a class="headerlink" title="Permalink to this headline">¶</a>, MkDocs'
// "¶", Hugo's and GitHub's "#" or "🔗" (class anchor, heading-anchor,
// anchor-link...), WordPress plugins' "§". These are navigation, not text:
// removeNavigation deletes them before anything is read, so that no title
// ends in "¶".

// Paragraph kinds (Record.Kinds). The empty kind is a plain paragraph; a
// heading's kind is its tag in the source, "h1" to "h6".
const (
	ParaText     = ""
	ParaItem     = "item"     // an item of a bulleted list
	ParaNumbered = "numbered" // an item of a numbered list
	ParaQuote    = "quote"    // a block quotation
	ParaCode     = "code"     // preformatted text: line breaks and indents kept
	ParaRow      = "row"      // a table row, cells separated by " | "
	ParaTerm     = "term"     // a term of a definition list (an API signature in Sphinx)
)

// permalinkClasses are class words of heading anchors in site generators
// and CMS themes.
var permalinkClasses = map[string]bool{
	"headerlink": true, "anchor": true, "heading-anchor": true, "header-anchor": true,
	"anchor-link": true, "anchorjs-link": true, "hash-link": true, "permalink": true,
	"zola-anchor": true, "heading-link": true, "anchor-heading": true, "autolink": true,
}

// permalinkSigns are the texts such an anchor shows.
var permalinkSigns = map[string]bool{"¶": true, "#": true, "§": true, "🔗": true, "⚓": true,
	"🔗︎": true, "⚓︎": true, "#️⃣": true, "link": true, "": true}

// isPermalink reports whether n is a heading permalink: a link to an
// anchor of the same page, marked as one by its class or title, or showing
// only a permalink sign.
func isPermalink(n *html.Node) bool {
	if n.Type != html.ElementNode || n.DataAtom != atom.A {
		return false
	}
	href := strings.TrimSpace(attr(n, "href"))
	if !strings.HasPrefix(href, "#") {
		return false
	}
	text := strings.TrimSpace(nodeText(n))
	for _, c := range strings.Fields(strings.ToLower(attr(n, "class"))) {
		if permalinkClasses[c] && (permalinkSigns[strings.ToLower(text)] || len([]rune(text)) <= 2) {
			return true
		}
	}
	label := strings.ToLower(attr(n, "title") + " " + attr(n, "aria-label"))
	if strings.Contains(label, "permalink") || strings.Contains(label, "permanent link") ||
		strings.Contains(label, "link to this") || strings.Contains(label, "anchor") {
		return permalinkSigns[strings.ToLower(text)] || len([]rune(text)) <= 2
	}
	// A bare sign linking to the heading it sits in.
	return text != "" && permalinkSigns[text] && hasAncestor(n, func(a *html.Node) bool {
		return isHeading(a.DataAtom) || a.DataAtom == atom.Dt || a.DataAtom == atom.Caption
	})
}

// docTitle cleans a picked title of what documentation generators leave
// in it: a trailing permalink sign, and Sphinx's "<no title>" placeholder
// (a page without a heading: its first paragraph stands for the title).
func docTitle(title string, paras []string) string {
	title = trimPermalinkSigns(title)
	if strings.HasPrefix(title, "<no title>") {
		title = ""
		if len(paras) > 0 {
			title = cutAtWord(strings.SplitN(paras[0], "\n", 2)[0], 200)
		}
	}
	return title
}

// trimPermalinkSigns drops a permalink sign left at the end of a title
// (a page whose anchor had no link, a title copied from such a heading).
// "#" and "§" are kept: "C#" and "§ 3" are text.
func trimPermalinkSigns(s string) string {
	for {
		t := strings.TrimSpace(s)
		for _, sign := range []string{"¶", "🔗︎", "🔗", "⚓︎", "⚓"} {
			t = strings.TrimSuffix(t, sign)
		}
		t = strings.TrimSpace(t)
		if t == s {
			return s
		}
		s = t
	}
}

// blockText is the text of a block as a paragraph: white space collapsed,
// except in preformatted text, which keeps its lines and indentation
// (trailing spaces and blank lines at either end dropped).
func blockText(raw string, n *html.Node) string {
	if n == nil || !isPreformatted(n) {
		return collapse(raw)
	}
	raw = strings.ReplaceAll(cleanText(raw), string(lineBreak), "\n")
	raw = strings.ReplaceAll(raw, "\r\n", "\n")
	lines := strings.Split(raw, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(strings.ReplaceAll(l, "\t", "    "), " \u00a0\r")
	}
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

func isPreformatted(n *html.Node) bool {
	return n.DataAtom == atom.Pre || hasAncestor(n, func(a *html.Node) bool { return a.DataAtom == atom.Pre })
}

// blockKind is the paragraph kind of a text block whose innermost block
// element is n.
func blockKind(n *html.Node) string {
	if n == nil || n.Type != html.ElementNode {
		return ParaText
	}
	if isHeading(n.DataAtom) {
		return n.Data // "h1" … "h6"
	}
	if isPreformatted(n) {
		return ParaCode
	}
	switch n.DataAtom {
	case atom.Tr:
		return ParaRow
	case atom.Dt:
		return ParaTerm
	}
	// The nearest list item or quotation around the block decides.
	for a := n; a != nil; a = a.Parent {
		switch a.DataAtom {
		case atom.Li:
			if a.Parent != nil && a.Parent.DataAtom == atom.Ol {
				return ParaNumbered
			}
			return ParaItem
		case atom.Blockquote:
			return ParaQuote
		case atom.Td, atom.Th, atom.Dd, atom.Article, atom.Main, atom.Body, atom.Section:
			return ParaText
		}
	}
	return ParaText
}

// isTOC reports whether n is a manual's in-page table of contents
// (DocBook's div.toc, WordPress plugins' ez-toc-container): a block with
// such a class, made mostly of links. It is navigation, like a menu. A
// class that merely starts with "toc" (Sphinx's a.toc-backref wraps
// heading text) is not one.
func isTOC(n *html.Node) bool {
	if n.Type != html.ElementNode || !isBlockTag(n.DataAtom) {
		return false
	}
	named := false
	for _, c := range strings.Fields(strings.ToLower(attr(n, "class"))) {
		named = named || c == "toc" || c == "table-of-contents" || c == "ez-toc-container"
	}
	if !named {
		return false
	}
	all, linked := len(strings.TrimSpace(nodeText(n))), 0
	for _, a := range findAll(n, func(c *html.Node) bool { return c.DataAtom == atom.A }) {
		linked += len(strings.TrimSpace(nodeText(a)))
	}
	return all > 0 && linked*10 >= all*6
}

// removeNavigation deletes what documentation pages carry for navigation
// inside their text: heading permalinks and in-page tables of contents.
func removeNavigation(root *html.Node) {
	for _, n := range findAll(root, func(n *html.Node) bool { return isPermalink(n) || isTOC(n) }) {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

// manualDivisions are the class words DocBook (and tools modelled on it)
// gives the element holding a whole chapter of a manual: content
// containers, since the densest element of a chapter made of tables and
// lists is one list.
var manualDivisions = map[string]bool{"chapter": true, "appendix": true, "preface": true, "refentry": true}

// samePart reports whether c is another part of the text best is part of:
// an element of the same tag and class beside it, with a fair share of
// text (DocBook and other manuals nest a chapter's text in sibling
// <div class="section">s, each with sub-sections, so the section with the
// most paragraphs of its own wins the density count and its siblings,
// whose paragraphs sit one level deeper, score little).
func samePart(c, best *html.Node, textLen map[*html.Node]int) bool {
	return c.Type == html.ElementNode && c.DataAtom == best.DataAtom && c.DataAtom != atom.Li &&
		attr(c, "class") != "" && attr(c, "class") == attr(best, "class") && textLen[c]*5 >= textLen[best]
}

// inHeading reports whether n sits inside a heading. Its class or id then
// names the heading, not page furniture: DocBook anchors each heading as
// <a id="_sharing_copying_and_archiving"/>, and "sharing" would otherwise
// take the heading for share buttons.
func inHeading(n *html.Node) bool {
	return hasAncestor(n, func(a *html.Node) bool { return isHeading(a.DataAtom) })
}

// isDataRow reports whether a block is a row of a data table (three cells
// or more): its words are data, not a byline, date or label. A manual's
// table with a "comment" column is not an opinion piece.
func isDataRow(b textBlock) bool {
	return b.node != nil && b.node.DataAtom == atom.Tr && strings.Count(b.text, " | ") >= 2
}

// compactKinds returns kinds, or nil when every paragraph is plain text:
// most records have no structure worth storing.
func compactKinds(kinds []string) []string {
	for _, k := range kinds {
		if k != ParaText {
			return kinds
		}
	}
	return nil
}
