package indexer

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxNesting caps element nesting before parsing. x/net/html refuses
// documents whose open-element stack passes 512 and returns no tree at all,
// so deeper tags are dropped (their text kept) to still read such a page.
const maxNesting = 256

// extractHTML turns an HTML document into its record and, for a listing
// page, one reference record per entry (IDs and hashes are set by the
// caller).
func extractHTML(src string) (Record, []Record) {
	root, err := html.Parse(strings.NewReader(limitNesting(src)))
	if err != nil || root == nil {
		return extractHTMLTokens(src), nil
	}
	p := newPage(root)
	return p.extract()
}

// htmlPage holds one parsed HTML document while it is read.
type htmlPage struct {
	root, body *html.Node
	doc        *goquery.Document
	head       headMeta
	textLen    map[*html.Node]int
	main       *html.Node
	title      *html.Node // the visible title (h1), if any
	blocks     []textBlock
	groups     [][]*html.Node // listing entries, in document order
}

func newPage(root *html.Node) *htmlPage {
	p := &htmlPage{root: root, doc: goquery.NewDocumentFromNode(root)}
	p.body = findFirst(root, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	if p.body == nil {
		p.body = root
	}
	return p
}

func (p *htmlPage) extract() (Record, []Record) {
	p.head = readHead(p.doc)
	p.removeChrome()
	p.textLen = textLengths(p.body)
	p.main = p.chooseMain()
	p.title = p.chooseTitle()
	p.groups = findListing(p.main, p.textLen)
	entryOf := map[*html.Node]int{}
	for i, item := range flattenGroups(p.groups) {
		entryOf[item] = i
	}
	p.blocks = flatten(p.body, p.main, entryOf)

	vis := p.visibleMeta()
	// A <time datetime> outranks a date read from the text.
	rec, opinion := resolve(append(p.head.sources(), metaFields{Date: p.timeElement()}), vis)
	if rec.Title == "" {
		rec.Title = cleanTitle(p.head.titleTag, p.head.siteNames()...)
	}
	rec.Title = trimToHeading(rec.Title, vis.Title)
	rec.Paragraphs = p.paragraphs(rec.Title)
	rec.Abstract = firstNonEmpty(p.head.abstract(), firstParagraph(rec.Paragraphs, vis.metaLines))
	if rec.Language == "" {
		rec.Language = DetectLanguage(rec.Title + "\n" + rec.Abstract + "\n" + rec.Text())
	}
	rec.Countries = mergeCountries(p.head.countries(vis), Countries(rec.Title, rec.Abstract, rec.Paragraphs))
	rec.Kind = kindFor(rec.Series, opinion || p.head.opinion || p.opinionClass())

	var refs []Record
	if len(p.groups) > 0 {
		rec.Kind = KindPage
		// A listing page is an overview, not a publication: a series line
		// near its top names what it lists, not what it is.
		if vis.Series != "" && rec.Series == vis.Series && p.head.series() == "" {
			rec.Series, rec.Number = "", 0
		}
		refs = p.references(rec.Language)
	}
	return rec, refs
}

// ---- DOM helpers ----

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
// recursion; visit returns false to skip a node's children.
func walkNodes(n *html.Node, visit func(*html.Node) bool) {
	if n == nil {
		return
	}
	stack := []*html.Node{n}
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
func nodeText(n *html.Node) string {
	var b strings.Builder
	walkNodes(n, func(c *html.Node) bool {
		switch c.Type {
		case html.TextNode:
			b.WriteString(c.Data)
		case html.ElementNode:
			if c.DataAtom == atom.Br || isBlockTag(c.DataAtom) {
				b.WriteByte(' ')
			}
		}
		return true
	})
	return collapse(b.String())
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
// post-order pass.
func textLengths(root *html.Node) map[*html.Node]int {
	m := map[*html.Node]int{}
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

// ---- nesting limit ----

var (
	voidTags = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
		"img": true, "input": true, "link": true, "meta": true, "param": true, "source": true, "track": true,
		"wbr": true, "keygen": true, "frame": true, "basefont": true, "bgsound": true, "image": true}
	// Elements the parser closes by itself when a sibling starts; counting
	// them would make ordinary <p><p><p> look deep.
	impliedEndTags = map[string]bool{"p": true, "li": true, "dt": true, "dd": true, "option": true,
		"optgroup": true, "tr": true, "td": true, "th": true, "thead": true, "tbody": true, "tfoot": true,
		"rb": true, "rt": true, "rtc": true, "rp": true, "colgroup": true, "caption": true,
		"html": true, "head": true, "body": true}
)

// limitNesting drops start and end tags nested deeper than maxNesting,
// keeping their text, so that the parser accepts the document. Most pages
// are returned unchanged after one tokenizer pass.
func limitNesting(src string) string {
	if !tooDeep(src) {
		return src
	}
	var out strings.Builder
	out.Grow(len(src))
	z := html.NewTokenizer(strings.NewReader(src))
	depth, dropped := 0, 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out.String()
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			if voidTags[string(name)] || impliedEndTags[string(name)] {
				break
			}
			if depth >= maxNesting {
				dropped++
				continue
			}
			depth++
		case html.EndTagToken:
			name, _ := z.TagName()
			if voidTags[string(name)] || impliedEndTags[string(name)] {
				break
			}
			if dropped > 0 {
				dropped--
				continue
			}
			if depth > 0 {
				depth--
			}
		}
		out.Write(raw)
	}
}

func tooDeep(src string) bool {
	z := html.NewTokenizer(strings.NewReader(src))
	depth := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return false
		case html.StartTagToken:
			name, _ := z.TagName()
			if !voidTags[string(name)] && !impliedEndTags[string(name)] {
				depth++
				if depth > maxNesting {
					return true
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if !voidTags[string(name)] && !impliedEndTags[string(name)] && depth > 0 {
				depth--
			}
		}
	}
}

// extractHTMLTokens is the last resort for a document the parser rejects:
// the text between tags, split into paragraphs at block tags.
func extractHTMLTokens(src string) Record {
	var rec Record
	z := html.NewTokenizer(strings.NewReader(src))
	var buf strings.Builder
	skip, inTitle := 0, false
	flush := func() {
		if t := collapse(buf.String()); t != "" {
			rec.Paragraphs = append(rec.Paragraphs, t)
		}
		buf.Reset()
	}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		switch tt {
		case html.TextToken:
			if skip > 0 {
				continue
			}
			if inTitle {
				rec.Title = collapse(string(z.Text()))
				continue
			}
			buf.Write(z.Text())
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch a {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg:
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case atom.Title:
				inTitle = tt == html.StartTagToken
			}
			if isBlockTag(a) || a == atom.Br {
				flush()
			}
		}
	}
	flush()
	if rec.Title == "" && len(rec.Paragraphs) > 0 {
		rec.Title = cutAtWord(rec.Paragraphs[0], 200)
	}
	rec.Language = DetectLanguage(rec.Text())
	rec.Countries = Countries(rec.Title, "", rec.Paragraphs)
	rec.Kind = KindDocument
	return rec
}

// ---- chrome ----

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
// <form> or give the article a "share-enabled" class.
func (p *htmlPage) removeChrome() {
	lengths := textLengths(p.body)
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
		case isChromeClass(n):
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

// ---- main container and title ----

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
			if t == "content" || t == "contenido" || t == "maincontent" || t == "entrycontent" {
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
			if c != best && score[c]*5 >= score[best] {
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

// chooseTitle picks the visible title: the first <h1> in the main
// container, else the first <h1> on the page that is not the site's name.
func (p *htmlPage) chooseTitle() *html.Node {
	sites := p.head.siteNames()
	ok := func(n *html.Node) bool {
		if n.DataAtom != atom.H1 {
			return false
		}
		t := nodeText(n)
		return t != "" && !matchesSite(t, sites)
	}
	if h := findFirst(p.main, ok); h != nil {
		return h
	}
	return findFirst(p.body, ok)
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

// ---- blocks ----

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
		t := collapse(raw)
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
			if isBlockTag(n.DataAtom) && !inlineRow[n.Parent] {
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
		return n != tr && isBlockTag(n.DataAtom) && n.DataAtom != atom.Td && n.DataAtom != atom.Th
	}) != nil
}

// paragraphs returns the text blocks of the main container, without
// listing entries and without the title repeated at the top.
func (p *htmlPage) paragraphs(title string) []string {
	var out []string
	for _, b := range p.blocks {
		if !b.inMain || b.entry >= 0 {
			continue
		}
		if len(out) < 3 && (b.node == p.title || sameText(b.text, title)) {
			continue
		}
		out = append(out, b.text)
	}
	if len(out) == 0 && len(p.groups) == 0 {
		// The main container was a poor guess; fall back to the body.
		for _, b := range p.blocks {
			if b.node != p.title && !sameText(b.text, title) {
				out = append(out, b.text)
			}
		}
	}
	return out
}

// ---- visible metadata ----

// topArea returns the blocks near the visible title and at the top of the
// main text: where bylines, datelines and series lines live. Listing
// entries are left out; so is everything after the second long paragraph.
func (p *htmlPage) topArea() []textBlock {
	var out []textBlock
	seen := map[int]bool{}
	add := func(from, to int) {
		long := 0
		for i := max(from, 0); i < to && i < len(p.blocks); i++ {
			b := p.blocks[i]
			if seen[i] || b.entry >= 0 {
				continue
			}
			seen[i] = true
			if len(b.text) >= 150 {
				long++
				if long > 2 {
					return
				}
			}
			out = append(out, b)
		}
	}
	titleIdx, mainIdx := -1, -1
	for i, b := range p.blocks {
		if titleIdx < 0 && p.title != nil && isInside(b.node, p.title) {
			titleIdx = i
		}
		if mainIdx < 0 && b.inMain {
			mainIdx = i
		}
	}
	if titleIdx >= 0 {
		add(titleIdx, titleIdx+10)
	}
	if mainIdx >= 0 {
		add(mainIdx, mainIdx+10)
	}
	// A kicker above the title ("Drug Policy Briefing 11", "Opinion")
	// counts only inside the title's own container, not a sidebar that
	// happens to come first in the source.
	if titleIdx > 0 && p.title.Parent != nil && p.title.Parent != p.body {
		for i := titleIdx - 1; i >= 0 && i >= titleIdx-3; i-- {
			b := p.blocks[i]
			if !isInside(b.node, p.title.Parent) || seen[i] || b.entry >= 0 {
				break
			}
			seen[i] = true
			out = append(out, b)
		}
	}
	return out
}

// shownMeta is what the page says about itself in its visible text.
type shownMeta struct {
	metaFields
	opinion   bool
	countries []string
	metaLines map[string]bool // blocks read as byline/date/series lines
}

func (p *htmlPage) visibleMeta() shownMeta {
	v := shownMeta{metaLines: map[string]bool{}}
	if p.title != nil {
		v.Title = nodeText(p.title)
	}
	top := p.topArea()
	for _, b := range top {
		if p.title != nil && isInside(b.node, p.title) {
			continue
		}
		if len(b.lines) > 1 {
			for _, l := range b.lines {
				readMetaLine(&v, l, b.heading)
			}
			if v.metaLines[b.lines[0]] {
				v.metaLines[b.text] = true
			}
			continue
		}
		readMetaLine(&v, b.text, b.heading)
	}
	// Names marked up as authors near the top ("<span class=author>").
	if len(v.Authors) == 0 {
		v.Authors = p.markedAuthors(top)
	}
	if p.title != nil && isOpinionPrefix(v.Title) {
		v.opinion = true
	}
	return v
}

// readMetaLine reads one short line near the top of a document: a byline,
// a date, a series line, an opinion label or a "Country:" line.
func readMetaLine(v *shownMeta, line string, heading bool) {
	if len(line) > 200 {
		return
	}
	used := false
	if names, ok := parseByline(line); ok && len(v.Authors) == 0 {
		v.Authors, used = names, true
	}
	if !heading || len(line) < 60 {
		if d, _, _ := findDate(line); d != "" && (len(line) <= 120 || used) {
			if v.Date == "" {
				v.Date = d
			}
			used = true
		}
	}
	if name, n, ok := parseSeries(line); ok && (n > 0 || !heading) {
		if v.Series == "" {
			v.Series, v.Number = name, n
		}
		used = true
	}
	if cs, ok := countryLine(line); ok {
		v.countries = append(v.countries, cs...)
		used = true
	}
	for _, seg := range splitSegments(line) {
		if isOpinionLabel(seg) {
			v.opinion, used = true, true
		}
	}
	if used {
		v.metaLines[line] = true
	}
}

// trimToHeading drops a suffix the visible heading does not have: a
// metadata title "Heading | Section" or "Heading - Site" with an unknown
// site name becomes "Heading".
func trimToHeading(title, heading string) string {
	if heading == "" || len(heading) >= len(title) || !strings.HasPrefix(title, heading) {
		return title
	}
	rest := title[len(heading):]
	for _, sep := range titleSeparators {
		if strings.HasPrefix(rest, sep) {
			return heading
		}
	}
	return title
}

func isOpinionPrefix(title string) bool {
	i := strings.Index(title, ":")
	return i > 0 && isOpinionLabel(title[:i])
}

// countryLine reads "Country: Peru" / "Countries: Peru, Bolivia" /
// "País: Perú".
func countryLine(line string) ([]string, bool) {
	i := strings.Index(line, ":")
	if i <= 0 {
		return nil, false
	}
	switch strings.ToLower(strings.TrimSpace(line[:i])) {
	case "country", "countries", "país", "países", "pais", "paises", "pays":
	default:
		return nil, false
	}
	return splitCountries(line[i+1:]), true
}

// splitCountries maps a ";" or "," separated list of country names to
// canonical names, dropping what is not a country.
func splitCountries(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' || r == '|' || r == '/' }) {
		if c, ok := CountryName(strings.TrimSpace(part)); ok {
			out = append(out, c)
		}
	}
	return out
}

// markedAuthors reads names from elements marked as authors (class author
// or byline, rel=author, itemprop=author) within the top area.
func (p *htmlPage) markedAuthors(top []textBlock) []string {
	inTop := func(n *html.Node) bool {
		for _, b := range top {
			if isInside(n, b.node) {
				return true
			}
		}
		return false
	}
	for _, n := range findAll(p.body, func(n *html.Node) bool {
		if strings.EqualFold(attr(n, "rel"), "author") || strings.EqualFold(attr(n, "itemprop"), "author") {
			return true
		}
		return hasClassToken(n, "author", "authors", "byline", "autor", "autores") && !hasClassToken(n, "bio", "box", "about")
	}) {
		if !inTop(n) || hasAncestor(n, func(a *html.Node) bool { return hasClassToken(a, "bio", "about") }) {
			continue
		}
		t := nodeText(n)
		if names, ok := parseByline(t); ok {
			return names
		}
		var names []string
		for _, s := range splitAuthors(cutBylineTail(t)) {
			if looksLikeName(s) {
				names = append(names, s)
			}
		}
		if len(names) > 0 {
			return normaliseAuthors(names)
		}
	}
	return nil
}

// timeElement reads the first <time datetime> outside listing entries.
func (p *htmlPage) timeElement() string {
	entries := flattenGroups(p.groups)
	for _, t := range findAll(p.body, func(n *html.Node) bool { return n.DataAtom == atom.Time }) {
		inEntry := false
		for _, e := range entries {
			if isInside(t, e) {
				inEntry = true
				break
			}
		}
		if inEntry {
			continue
		}
		if d := parseDate(firstNonEmpty(attr(t, "datetime"), nodeText(t))); d != "" {
			return d
		}
	}
	return ""
}

// firstParagraph picks the abstract fallback: the first paragraph that is
// not a byline, date or series line, cut to about 400 characters.
func firstParagraph(paras []string, metaLines map[string]bool) string {
	for _, para := range paras {
		if metaLines[para] || len(para) < 40 {
			continue
		}
		return cutAtWord(para, 400)
	}
	for _, para := range paras {
		if !metaLines[para] {
			return cutAtWord(para, 400)
		}
	}
	return ""
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// mergeCountries returns explicit countries first, then the detected ones
// not already listed.
func mergeCountries(explicit, detected []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, list := range [][]string{explicit, detected} {
		for _, c := range list {
			if c != "" && !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out
}

// ---- head metadata ----

// headMeta is the machine-readable metadata of a page, by source.
type headMeta struct {
	citation, jsonld, dc, og, basic metaFields
	titleTag                        string
	siteName                        string
	opinion                         bool
	citationAbstract, metaDesc      string
	ogDesc, jsonldDesc, dcDesc      string
	dcCoverage, jsonldSpatial       []string
}

// metaFields are the values one source gives.
type metaFields struct {
	Title, Date, Series, Language, Publisher, URL, PDFURL string
	Authors, Keywords                                     []string
	Number                                                int
}

func (h *headMeta) sources() []metaFields {
	return []metaFields{h.citation, h.jsonld, h.dc, h.og, h.basic}
}

func (h *headMeta) siteNames() []string {
	var out []string
	for _, s := range []string{h.siteName, h.citation.Publisher, h.jsonld.Publisher, h.dc.Publisher} {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (h *headMeta) series() string {
	return firstNonEmpty(h.citation.Series, h.jsonld.Series, h.dc.Series)
}

func (h *headMeta) abstract() string {
	for _, s := range []string{h.citationAbstract, h.metaDesc, h.ogDesc, h.jsonldDesc, h.dcDesc} {
		if s = collapse(stripTags(s)); s != "" {
			return s
		}
	}
	return ""
}

func (h *headMeta) countries(v shownMeta) []string {
	return mergeCountries(append(append([]string{}, h.dcCoverage...), h.jsonldSpatial...), v.countries)
}

// resolve takes each field from the most trusted source that has it; the
// visible text comes last. It also returns the opinion label seen.
func resolve(sources []metaFields, v shownMeta) (Record, bool) {
	all := append(append([]metaFields{}, sources...), v.metaFields)
	var r Record
	for _, f := range all {
		r.Title = firstNonEmpty(r.Title, f.Title)
		r.Date = firstNonEmpty(r.Date, f.Date)
		r.Series = firstNonEmpty(r.Series, f.Series)
		r.Language = firstNonEmpty(r.Language, f.Language)
		r.Publisher = firstNonEmpty(r.Publisher, f.Publisher)
		r.URL = firstNonEmpty(r.URL, f.URL)
		r.PDFURL = firstNonEmpty(r.PDFURL, f.PDFURL)
		if len(r.Authors) == 0 {
			r.Authors = f.Authors
		}
		if len(r.Keywords) == 0 {
			r.Keywords = f.Keywords
		}
		if r.Number == 0 {
			r.Number = f.Number
		}
	}
	// Sources often agree on a date at different precisions (DC.date
	// "2024-06", article:published_time "2024-06-11"): keep the most
	// precise one that agrees with the most trusted.
	for _, f := range all {
		if len(f.Date) > len(r.Date) && r.Date != "" && strings.HasPrefix(f.Date, r.Date) {
			r.Date = f.Date
		}
	}
	r.Authors = normaliseAuthors(r.Authors)
	r.Year = yearOf(r.Date)
	return r, v.opinion
}

// readHead gathers citation_*, JSON-LD, Dublin Core, OpenGraph and plain
// meta tags, <title>, <html lang> and the canonical link.
func readHead(doc *goquery.Document) headMeta {
	var h headMeta
	metas := map[string][]string{}
	doc.Find("meta").Each(func(_ int, s *goquery.Selection) {
		content, ok := s.Attr("content")
		if !ok {
			return
		}
		content = collapse(unescapeAgain(content))
		if content == "" {
			return
		}
		for _, k := range []string{"name", "property", "itemprop", "http-equiv"} {
			if key, ok := s.Attr(k); ok && key != "" {
				key = strings.ToLower(strings.TrimSpace(key))
				key = strings.Replace(key, "dc:", "dc.", 1)
				key = strings.Replace(key, "dcterms:", "dcterms.", 1)
				metas[key] = append(metas[key], content)
			}
		}
	})
	one := func(keys ...string) string {
		for _, k := range keys {
			if v := metas[k]; len(v) > 0 {
				return v[0]
			}
		}
		return ""
	}
	all := func(keys ...string) []string {
		var out []string
		for _, k := range keys {
			out = append(out, metas[k]...)
		}
		return out
	}
	h.siteName = one("og:site_name", "application-name")
	sites := func() []string { return h.siteNames() }

	// (1) Highwire Press citation_* tags.
	c := &h.citation
	c.Publisher = one("citation_publisher")
	c.Title = cleanTitle(one("citation_title"), sites()...)
	for _, a := range all("citation_author") {
		c.Authors = append(c.Authors, invertCitationName(a))
	}
	c.Date = parseDate(one("citation_publication_date", "citation_date", "citation_online_date", "citation_cover_date"))
	c.Series, c.Number = cleanSeries(one("citation_series_title", "citation_journal_title", "citation_conference_title"))
	if n := parseNumber(one("citation_technical_report_number", "citation_issue")); n > 0 {
		c.Number = n
	}
	c.Language = NormalizeLanguage(one("citation_language"))
	c.URL = one("citation_abstract_html_url", "citation_fulltext_html_url")
	c.PDFURL = one("citation_pdf_url")
	c.Keywords = splitKeywords(all("citation_keywords")...)
	h.citationAbstract = one("citation_abstract")

	// (2) schema.org JSON-LD.
	doc.Find(`script[type="application/ld+json"]`).Each(func(_ int, s *goquery.Selection) {
		readJSONLD(&h, s.Text())
	})
	h.jsonld.Title = cleanTitle(h.jsonld.Title, sites()...)

	// (3) Dublin Core, DC.* and dcterms.*, any case.
	dc := func(field ...string) []string {
		var out []string
		for _, f := range field {
			out = append(out, all("dc."+f, "dcterms."+f)...)
		}
		return out
	}
	first := func(vs []string) string {
		if len(vs) > 0 {
			return vs[0]
		}
		return ""
	}
	d := &h.dc
	d.Publisher = first(dc("publisher"))
	d.Title = cleanTitle(first(dc("title")), sites()...)
	for _, a := range dc("creator", "creator.personalname", "contributor.author") {
		d.Authors = append(d.Authors, splitAuthors(a)...)
	}
	d.Date = parseDate(first(dc("date", "date.issued", "issued", "created", "date.created", "available")))
	d.Language = NormalizeLanguage(first(dc("language")))
	d.Keywords = splitKeywords(dc("subject")...)
	d.Series, d.Number = cleanSeries(first(dc("relation.ispartof", "ispartof")))
	for _, cov := range dc("coverage", "coverage.spatial", "spatial") {
		h.dcCoverage = append(h.dcCoverage, splitCountries(cov)...)
	}
	h.dcDesc = first(dc("description", "abstract"))

	// (4) OpenGraph and article:*.
	o := &h.og
	o.Title = cleanTitle(one("og:title"), sites()...)
	o.Language = NormalizeLanguage(one("og:locale"))
	o.Date = parseDate(one("article:published_time"))
	for _, a := range all("article:author") {
		if !strings.Contains(a, "/") {
			o.Authors = append(o.Authors, splitAuthors(a)...)
		}
	}
	o.URL = one("og:url")
	o.Keywords = splitKeywords(all("article:tag")...)
	h.ogDesc = one("og:description")
	if isOpinionLabel(one("article:section")) {
		h.opinion = true
	}

	// (5) Plain meta tags, <html lang>, Content-Language, canonical link.
	b := &h.basic
	for _, a := range all("author") {
		b.Authors = append(b.Authors, splitAuthors(a)...)
	}
	b.Date = parseDate(one("date", "pubdate", "publish-date", "publication_date", "publish_date",
		"datepublished", "article:published:time", "og:published_time", "dcterms.issued", "sailthru.date"))
	b.Language = firstNonEmpty(NormalizeLanguage(doc.Find("html").AttrOr("lang", "")),
		NormalizeLanguage(doc.Find("html").AttrOr("xml:lang", "")), NormalizeLanguage(one("content-language", "language")))
	b.Keywords = splitKeywords(all("keywords")...)
	h.metaDesc = one("description")
	// The address has its own order: the canonical link, og:url, then the
	// citation landing page; a JSON-LD url comes last.
	canon, _ := doc.Find(`link[rel="canonical"]`).Attr("href")
	urls := firstNonEmpty(canon, o.URL, c.URL, h.jsonld.URL)
	c.URL, h.jsonld.URL, o.URL = urls, "", ""
	h.titleTag = collapse(doc.Find("title").First().Text())
	return h
}

// invertCitationName turns "Surname, Given" into "Given Surname": a
// citation_author tag holds one name, so its comma always inverts.
func invertCitationName(s string) string {
	s = collapse(s)
	if strings.Count(s, ",") == 1 {
		i := strings.Index(s, ",")
		if given := strings.TrimSpace(s[i+1:]); given != "" && !isNameSuffix(given) {
			return given + " " + strings.TrimSpace(s[:i])
		}
	}
	return s
}

func splitKeywords(vals ...string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range vals {
		for _, k := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ';' }) {
			k = collapse(k)
			if k != "" && !seen[strings.ToLower(k)] {
				seen[strings.ToLower(k)] = true
				out = append(out, k)
			}
		}
	}
	return out
}

// stripTags removes markup from a description that holds some
// (citation_abstract often does).
func stripTags(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			b.Write(z.Text())
		default:
			b.WriteByte(' ')
		}
	}
}

// ---- JSON-LD ----

// Types we read, best first. An article-like node beats a WebPage.
var jsonldRank = map[string]int{
	"report": 1, "scholarlyarticle": 1, "article": 2, "newsarticle": 2, "blogposting": 2,
	"opinionnewsarticle": 1, "analysisnewsarticle": 2, "reportagenewsarticle": 2, "backgroundnewsarticle": 2,
	"techarticle": 2, "book": 2, "chapter": 2, "thesis": 2, "creativework": 3, "publicationissue": 3,
	"socialmediaposting": 3, "webpage": 4, "itempage": 4, "aboutpage": 4, "collectionpage": 4,
}

// readJSONLD reads one <script type="application/ld+json">: an object, an
// array or an @graph. Broken JSON is ignored: it is common and the page's
// other metadata still counts.
func readJSONLD(h *headMeta, src string) {
	var v any
	dec := json.NewDecoder(bytes.NewReader([]byte(strings.TrimSpace(src))))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return
	}
	var nodes []map[string]any
	byID := map[string]map[string]any{}
	var collect func(v any, depth int)
	collect = func(v any, depth int) {
		if depth > 8 {
			return
		}
		switch t := v.(type) {
		case []any:
			for _, e := range t {
				collect(e, depth+1)
			}
		case map[string]any:
			if id, ok := t["@id"].(string); ok && len(t) > 1 {
				byID[id] = t
			}
			if _, ok := t["@type"]; ok {
				nodes = append(nodes, t)
			}
			if g, ok := t["@graph"]; ok {
				collect(g, depth+1)
			}
		}
	}
	collect(v, 0)
	var best map[string]any
	bestRank := 99
	for _, n := range nodes {
		for _, typ := range jsonStrings(n["@type"]) {
			if r, ok := jsonldRank[strings.ToLower(typ)]; ok && r < bestRank {
				best, bestRank = n, r
			}
		}
	}
	if best == nil || h.jsonld.Title != "" {
		return // nothing to read, or an earlier script already gave us an article
	}
	if bestRank == 4 {
		if me, ok := deref(best["mainEntity"], byID).(map[string]any); ok {
			for _, typ := range jsonStrings(me["@type"]) {
				if r, ok := jsonldRank[strings.ToLower(typ)]; ok && r < 4 {
					best = me
				}
			}
		}
	}
	for _, typ := range jsonStrings(best["@type"]) {
		if strings.EqualFold(typ, "OpinionNewsArticle") {
			h.opinion = true
		}
	}
	if isOpinionLabel(firstString(best["articleSection"])) {
		h.opinion = true
	}
	j := &h.jsonld
	j.Title = collapse(firstNonEmpty(firstString(best["headline"]), firstString(best["name"])))
	j.Authors = jsonPeople(best["author"], byID)
	if len(j.Authors) == 0 {
		j.Authors = jsonPeople(best["creator"], byID)
	}
	j.Date = parseDate(firstNonEmpty(firstString(best["datePublished"]), firstString(best["dateCreated"])))
	for _, part := range jsonList(best["isPartOf"]) {
		part = deref(part, byID)
		switch t := part.(type) {
		case string:
			if !strings.Contains(t, "/") {
				j.Series, j.Number = cleanSeries(t)
			}
		case map[string]any:
			skip := false
			for _, typ := range jsonStrings(t["@type"]) {
				switch strings.ToLower(typ) {
				case "website", "webpage", "organization", "collectionpage":
					skip = true
				}
			}
			if name := firstString(t["name"]); !skip && name != "" && j.Series == "" {
				j.Series, j.Number = cleanSeries(name)
				if n := parseNumber(firstNonEmpty(jsonScalar(t["issueNumber"]), jsonScalar(t["volumeNumber"]))); n > 0 && j.Number == 0 {
					j.Number = n
				}
			}
		}
	}
	if n := parseNumber(firstNonEmpty(jsonScalar(best["reportNumber"]), jsonScalar(best["issueNumber"]))); n > 0 {
		j.Number = n
	}
	switch lang := best["inLanguage"].(type) {
	case map[string]any:
		j.Language = NormalizeLanguage(firstNonEmpty(firstString(lang["alternateName"]), firstString(lang["name"])))
	default:
		j.Language = NormalizeLanguage(firstString(lang))
	}
	h.jsonldDesc = firstNonEmpty(firstString(best["description"]), firstString(best["abstract"]))
	switch pub := deref(best["publisher"], byID).(type) {
	case map[string]any:
		j.Publisher = collapse(firstString(pub["name"]))
	default:
		j.Publisher = collapse(firstString(pub))
	}
	if kw, ok := best["keywords"].(string); ok {
		j.Keywords = splitKeywords(kw)
	} else {
		j.Keywords = splitKeywords(jsonStrings(best["keywords"])...)
	}
	for _, sc := range jsonList(best["spatialCoverage"]) {
		sc = deref(sc, byID)
		var name string
		switch t := sc.(type) {
		case string:
			name = t
		case map[string]any:
			name = firstString(t["name"])
			if name == "" {
				if addr, ok := t["address"].(map[string]any); ok {
					name = firstString(addr["addressCountry"])
				}
			}
		}
		h.jsonldSpatial = append(h.jsonldSpatial, splitCountries(name)...)
	}
	if u := firstString(best["url"]); strings.HasPrefix(u, "http") {
		j.URL = u
	}
}

// jsonPeople reads an author value: a string, an object with a name (or
// given and family names), or an array of either. Objects typed
// Organization are dropped.
func jsonPeople(v any, byID map[string]map[string]any) []string {
	var people []string
	for _, e := range jsonList(v) {
		e = deref(e, byID)
		switch t := e.(type) {
		case string:
			people = append(people, splitAuthors(t)...)
		case map[string]any:
			// An author typed Organization is the publisher speaking, not
			// a person who wrote the piece: Authors lists people.
			isOrg := false
			for _, typ := range jsonStrings(t["@type"]) {
				isOrg = isOrg || strings.Contains(strings.ToLower(typ), "organization")
			}
			name := firstString(t["name"])
			if name == "" {
				name = strings.TrimSpace(firstString(t["givenName"]) + " " + firstString(t["familyName"]))
			}
			if name != "" && !isOrg {
				// One "name" sometimes holds several ("A und B, dpa").
				people = append(people, splitAuthors(name)...)
			}
		}
	}
	return people
}

func deref(v any, byID map[string]map[string]any) any {
	if m, ok := v.(map[string]any); ok && len(m) == 1 {
		if id, ok := m["@id"].(string); ok {
			if n, ok := byID[id]; ok {
				return n
			}
		}
	}
	return v
}

func jsonList(v any) []any {
	switch t := v.(type) {
	case nil:
		return nil
	case []any:
		return t
	default:
		return []any{t}
	}
}

func jsonStrings(v any) []string {
	var out []string
	for _, e := range jsonList(v) {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func firstString(v any) string {
	for _, e := range jsonList(v) {
		if s, ok := e.(string); ok && strings.TrimSpace(s) != "" {
			return strings.TrimSpace(unescapeAgain(s))
		}
	}
	return ""
}

// unescapeAgain decodes HTML entities left in a metadata value. Many CMSs
// escape twice (content="&amp;#8217;"), and JSON-LD strings often carry
// entities; a literal "&quot;" in a title is never meant.
func unescapeAgain(s string) string {
	if !strings.Contains(s, "&") || !strings.Contains(s, ";") {
		return s
	}
	return html.UnescapeString(s)
}

func jsonScalar(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case json.Number:
		return t.String()
	}
	return ""
}
