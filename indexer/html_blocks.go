package indexer

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Blocks: the main container flattened into paragraphs, each with its kind.

// textBlock is one paragraph-level piece of text in document order.
type textBlock struct {
	text    string
	node    *html.Node // the innermost block element holding the text
	inMain  bool
	entry   int // index of the listing entry holding it, or -1
	heading bool
	lines   []string // the text split at single <br>s, if it has any
}

// lineBreak stands for a <br> in a block's text until it is split into
// lines; collapse reads it as white space.
const lineBreak = '\u2028'

var blockTags = map[atom.Atom]bool{}

func init() {
	for _, a := range []atom.Atom{atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body,
		atom.Caption, atom.Center, atom.Dd, atom.Details, atom.Dialog, atom.Div, atom.Dl, atom.Dt,
		atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.H1, atom.H2, atom.H3,
		atom.H4, atom.H5, atom.H6, atom.Header, atom.Hgroup, atom.Hr, atom.Html, atom.Legend, atom.Li,
		atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Pre, atom.Section, atom.Summary,
		atom.Table, atom.Tbody, atom.Td, atom.Tfoot, atom.Th, atom.Thead, atom.Tr, atom.Ul, atom.Option} {
		blockTags[a] = true
	}
}

func isBlockTag(a atom.Atom) bool { return blockTags[a] }

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// flatten turns the body into blocks: each p, li, heading, blockquote,
// pre, table row and run of text between blocks becomes one, and a double
// <br> ends a block. A table row whose cells hold only inline content is
// one block with its cells separated by " | ".
func flatten(root, main *html.Node, entryOf map[*html.Node]int) []textBlock {
	var blocks []textBlock
	var buf strings.Builder
	type ctx struct {
		node  *html.Node
		entry int
	}
	ctxs := []ctx{{root, -1}}
	inMain := 0
	if isInside(root, main) {
		inMain = 1
	}
	brs := 0
	flush := func() {
		brs = 0
		raw := buf.String()
		t := blockText(raw, ctxs[len(ctxs)-1].node)
		buf.Reset()
		if t == "" {
			return
		}
		c := ctxs[len(ctxs)-1]
		b := textBlock{text: t, node: c.node, inMain: inMain > 0, entry: c.entry, heading: isHeading(c.node.DataAtom)}
		if strings.ContainsRune(raw, lineBreak) {
			for _, l := range strings.Split(raw, string(lineBreak)) {
				if l = collapse(l); l != "" {
					b.lines = append(b.lines, l)
				}
			}
		}
		blocks = append(blocks, b)
	}
	inlineRow := map[*html.Node]bool{}
	// inRow: n is read inline as part of its table row's one block: a
	// cell, or a paragraph directly in a cell (Sphinx writes <td><p>).
	inRow := func(n *html.Node) bool {
		return n.Parent != nil && (inlineRow[n.Parent] ||
			n.DataAtom == atom.P && n.Parent.Parent != nil && inlineRow[n.Parent.Parent])
	}
	type frame struct {
		n    *html.Node
		exit bool
	}
	stack := []frame{{root, false}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := f.n
		if f.exit {
			if isBlockTag(n.DataAtom) && !inRow(n) {
				flush()
				ctxs = ctxs[:len(ctxs)-1]
			}
			if n == main {
				inMain--
			}
			continue
		}
		switch n.Type {
		case html.TextNode:
			buf.WriteString(n.Data)
			if strings.TrimSpace(n.Data) != "" {
				brs = 0
			}
			continue
		case html.ElementNode, html.DocumentNode:
		default:
			continue
		}
		if n == main {
			inMain++
		}
		switch {
		case n.DataAtom == atom.Br:
			brs++
			buf.WriteRune(lineBreak)
			if brs >= 2 {
				flush()
			}
		case n.DataAtom == atom.Img:
		case inlineRow[n.Parent] && (n.DataAtom == atom.Td || n.DataAtom == atom.Th):
			if strings.TrimSpace(buf.String()) != "" {
				buf.WriteString(" | ")
			}
		case inRow(n): // a <p> in a cell
			buf.WriteString(" ")
		case isBlockTag(n.DataAtom):
			flush()
			e := ctxs[len(ctxs)-1].entry
			if i, ok := entryOf[n]; ok {
				e = i
			}
			ctxs = append(ctxs, ctx{n, e})
			if n.DataAtom == atom.Tr && !hasBlockDescendant(n) {
				inlineRow[n] = true
			}
		}
		stack = append(stack, frame{n, true})
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, frame{c, false})
		}
	}
	flush()
	return blocks
}

func hasBlockDescendant(tr *html.Node) bool {
	return findFirst(tr, func(n *html.Node) bool {
		return n != tr && isBlockTag(n.DataAtom) && n.DataAtom != atom.Td && n.DataAtom != atom.Th &&
			!(n.DataAtom == atom.P && n.Parent != nil && (n.Parent.DataAtom == atom.Td || n.Parent.DataAtom == atom.Th))
	}) != nil
}

// paragraphs returns the text blocks of the main container, without
// listing entries and without the title repeated at the top, and their
// kinds (nil when all are plain paragraphs; see structure.go).
func (p *htmlPage) paragraphs(title string) ([]string, []string) {
	var out, kinds []string
	for _, b := range p.blocks {
		if !b.inMain || b.entry >= 0 {
			continue
		}
		if len(out) < 3 && (b.node == p.title || sameText(b.text, title)) {
			continue
		}
		out, kinds = append(out, b.text), append(kinds, blockKind(b.node))
	}
	if len(out) == 0 && len(p.groups) == 0 {
		// The main container was a poor guess; fall back to the body.
		for _, b := range p.blocks {
			if b.node != p.title && !sameText(b.text, title) {
				out, kinds = append(out, b.text), append(kinds, blockKind(b.node))
			}
		}
	}
	return out, compactKinds(kinds)
}
