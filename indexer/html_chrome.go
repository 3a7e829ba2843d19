package indexer

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Chrome: navigation, banners, comments and other page furniture removed before the text is read.

var (
	// Removed wherever they are: never body text.
	junkTags = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
		atom.Svg: true, atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Canvas: true,
		atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Input: true, atom.Dialog: true,
		atom.Head: true, atom.Math: true, atom.Video: true, atom.Audio: true, atom.Map: true}
	// Page furniture, removed unless they hold the page's main content.
	chromeTags = map[atom.Atom]bool{atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
		atom.Form: true, atom.Menu: true}
	chromeRoles = map[string]bool{"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
		"search": true, "dialog": true, "alertdialog": true, "menu": true, "menubar": true, "toolbar": true}
	chromeTokens = map[string]bool{}
	// Pairs of class words that are chrome together but not apart.
	chromePairs = [][2]string{{"read", "more"}, {"skip", "link"}, {"skip", "to"}, {"site", "header"},
		{"page", "header"}, {"site", "footer"}, {"page", "footer"}, {"more", "from"}, {"you", "may"},
		{"see", "also"}, {"most", "read"}, {"top", "bar"}}
	// Class words for page headers: chrome unless they hold the title.
	headerTokens = map[string]bool{"header": true, "masthead": true, "banner": true, "hero": true}
)

func init() {
	for _, w := range strings.Fields(`cookie cookies consent gdpr banner share shares sharing sharethis addthis
		social socials related recommended recommendations newsletter subscribe subscription signup
		breadcrumb breadcrumbs menu navbar nav navigation sidebar widget widgets advert adverts
		advertisement advertising ads comments comment disqus popup modal toolbar pagination pager
		footer colophon readmore skiplink skip tags tagcloud sr screen-reader-text print promo
		masthead header`) {
		chromeTokens[w] = true
	}
}

// isChromeClass reports whether n's class/id/role/aria-label names page
// furniture (cookie banners, share buttons, menus, sidebars...).
func isChromeClass(n *html.Node) bool {
	if chromeRoles[strings.ToLower(strings.TrimSpace(attr(n, "role")))] {
		return true
	}
	toks := classTokens(n)
	for i, t := range toks {
		if t == "sr" && i+1 < len(toks) && toks[i+1] == "only" {
			return true
		}
		if chromeTokens[t] && t != "sr" {
			return true
		}
		if i+1 < len(toks) {
			for _, p := range chromePairs {
				if t == p[0] && toks[i+1] == p[1] {
					return true
				}
			}
		}
	}
	return false
}

func isHidden(n *html.Node) bool {
	if hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true
	}
	st := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden")
}

// removeChrome deletes scripts, styles, navigation, headers, footers,
// sidebars and elements whose class or role marks them as furniture. An
// element that holds most of the page's text, or the main/article element,
// is kept whatever its class says: some sites wrap the whole page in a
// <form> or give the article a "share-enabled" class. lengths holds the
// text lengths of the body as it stands (textLengths).
func (p *htmlPage) removeChrome(lengths map[*html.Node]int) {
	total := lengths[p.body]
	isMainish := func(n *html.Node) bool {
		return n.DataAtom == atom.Article || n.DataAtom == atom.Main || strings.EqualFold(attr(n, "role"), "main")
	}
	holdsContent := func(n *html.Node) bool {
		if n == p.body || n.DataAtom == atom.Html || n.DataAtom == atom.Body || isMainish(n) {
			return true
		}
		if total >= 200 && lengths[n]*2 > total {
			return true
		}
		return findFirst(n, isMainish) != nil
	}
	holdsH1 := func(n *html.Node) bool {
		return findFirst(n, func(c *html.Node) bool { return c.DataAtom == atom.H1 }) != nil
	}
	inArticle := func(n *html.Node) bool { return hasAncestor(n, isMainish) }

	var remove []*html.Node
	walkNodes(p.root, func(n *html.Node) bool {
		switch n.Type {
		case html.CommentNode:
			remove = append(remove, n)
			return false
		case html.ElementNode:
		default:
			return true
		}
		if n.DataAtom == atom.Head {
			return false // read already by readHead; removed below
		}
		drop := false
		switch {
		case junkTags[n.DataAtom]:
			drop = true
		case isHidden(n):
			drop = !holdsContent(n)
		case chromeTags[n.DataAtom]:
			switch n.DataAtom {
			case atom.Header:
				// An article's own header holds its title and byline.
				drop = !inArticle(n) && !holdsContent(n) && !holdsH1(n)
			default:
				drop = !holdsContent(n)
			}
		case isChromeClass(n) && !inHeading(n):
			toks := classTokens(n)
			header := false
			for _, t := range toks {
				header = header || headerTokens[t]
			}
			drop = !holdsContent(n) && !(header && holdsH1(n)) && !(header && inArticle(n))
		}
		if drop {
			remove = append(remove, n)
			return false
		}
		return true
	})
	for _, n := range remove {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}
