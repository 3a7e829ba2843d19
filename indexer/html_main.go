package indexer

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The main container: the element that holds the page's own text.

var contentTokens = map[string]bool{"content": true, "entry": true, "post": true, "article": true,
	"story": true, "body": true, "text": true, "main": true, "primary": true, "contenido": true}

// chooseMain picks the element holding the page's main text: a single
// <article>, else <main> or [role=main], else a content-classed element,
// else the element with the most paragraph text.
func (p *htmlPage) chooseMain() *html.Node {
	total := p.textLen[p.body]
	if total == 0 {
		return p.body
	}
	var articles []*html.Node
	walkNodes(p.body, func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.Article {
			articles = append(articles, n)
			return false
		}
		return true
	})
	mainEl := findFirst(p.body, func(n *html.Node) bool {
		return n.DataAtom == atom.Main || strings.EqualFold(attr(n, "role"), "main")
	})
	scope := total
	if mainEl != nil && p.textLen[mainEl] > 0 {
		scope = p.textLen[mainEl]
	}
	if len(articles) == 1 && p.textLen[articles[0]]*10 >= scope*4 {
		return articles[0]
	}
	if mainEl != nil && p.textLen[mainEl]*5 >= total {
		return mainEl
	}
	if n := p.contentClassed(total); n != nil {
		return n
	}
	return p.densest()
}

// contentClassed finds the most specific element classed like a content
// container ("entry-content", "post-body", "article-body", id="content")
// that still holds most of the text such containers hold.
func (p *htmlPage) contentClassed(total int) *html.Node {
	var cands []*html.Node
	best := 0
	walkNodes(p.body, func(n *html.Node) bool {
		if n.Type != html.ElementNode || n == p.body {
			return true
		}
		toks := classTokens(n)
		content := false
		for i, t := range toks {
			if t == "content" || t == "contenido" || t == "maincontent" || t == "entrycontent" || manualDivisions[t] {
				content = true
			}
			if i+1 < len(toks) && contentTokens[t] && (toks[i+1] == "content" || toks[i+1] == "body" || toks[i+1] == "text") {
				content = true
			}
		}
		if content && p.textLen[n]*5 >= total {
			cands = append(cands, n)
			if p.textLen[n] > best {
				best = p.textLen[n]
			}
		}
		return true
	})
	var chosen *html.Node
	for _, c := range cands {
		// Candidates come in document order, outer before inner, so the
		// last one good enough is the most specific.
		if p.textLen[c]*10 >= best*7 {
			chosen = c
		}
	}
	return chosen
}

// densest scores each element by the paragraph text of its children (and
// half that of its grandchildren), readability-style, then widens the
// winner to its parent while the parent's other children also score well.
func (p *htmlPage) densest() *html.Node {
	score := map[*html.Node]int{}
	walkNodes(p.body, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.P, atom.Li, atom.Pre, atom.Blockquote, atom.H2, atom.H3:
		default:
			if !hasDirectText(n) {
				return true
			}
		}
		l := p.textLen[n]
		if l < 25 {
			return true
		}
		if par := n.Parent; par != nil {
			score[par] += l
			if g := par.Parent; g != nil {
				score[g] += l / 2
			}
		}
		return true
	})
	var best *html.Node
	for n, s := range score {
		if best == nil || s > score[best] || s == score[best] && isInside(best, n) {
			best = n
		}
	}
	if best == nil {
		return p.body
	}
	for i := 0; i < 3 && best != p.body && best.Parent != nil; i++ {
		par := best.Parent
		others := 0
		for c := par.FirstChild; c != nil; c = c.NextSibling {
			if c != best && (score[c]*5 >= score[best] || samePart(c, best, p.textLen)) {
				others++
			}
		}
		if others == 0 {
			break
		}
		best = par
	}
	return best
}

func hasDirectText(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && len(strings.TrimSpace(c.Data)) >= 25 {
			return true
		}
	}
	return false
}

func (p *htmlPage) opinionClass() bool {
	for _, n := range []*html.Node{p.body, p.main} {
		for ; n != nil; n = n.Parent {
			if n.Type == html.ElementNode && hasClassToken(n, "opinion", "commentary", "oped", "opinión") {
				return true
			}
		}
	}
	return false
}
