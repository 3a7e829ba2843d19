package indexer

import (
	"strings"
	"unicode"

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
	titleText  string     // its text without kicker and hidden parts
	logos      []string   // the site's names its logo headings give
	newsTyped  bool       // a JSON-LD node calls the page a news article
	blocks     []textBlock
	groups     [][]*html.Node // listing entries, in document order
	marks      []authorMark   // author-marked elements, read before chrome removal
	rawLen     map[*html.Node]int
	rawText    string // the visible text, lower case, before chrome removal
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
	p.newsTyped = p.typedNews()
	removeNavigation(p.body)
	p.marks = p.authorMarks()
	pageDates := p.pageDates()
	p.removeChrome()
	p.textLen = textLengths(p.body)
	p.main = p.chooseMain()
	p.title, p.titleText, p.logos = p.chooseHeading(p.head.metaTitles())
	p.groups = findListing(p.main, p.textLen)
	entryOf := map[*html.Node]int{}
	for i, item := range flattenGroups(p.groups) {
		entryOf[item] = i
	}
	p.blocks = flatten(p.body, p.main, entryOf)

	vis := p.visibleMeta()
	rec, opinion := resolve(p.head.sources(), vis)
	head, _ := resolve(p.head.sources(), shownMeta{})
	pageDates.cands = outsideEntries(pageDates.cands, flattenGroups(p.groups))
	rec.Date = pageDates.choose(dateSources{head: head.Date, utcHour: p.head.utcHour(head.Date),
		url: dateFromURL(p.head.citation.URL), time: p.timeElement(), shown: vis.Date, image: imageDay(&p.head)})
	rec.Year = yearOf(rec.Date)
	rec.Authors = pickAuthors(append(p.head.sources(), vis.metaFields), vis.nameLine,
		append(p.head.siteNames(), p.head.otherSites...), p.head.news)
	rec.Authors = p.unseenAuthors(rec.Authors, vis.Authors, rec.Series)
	rec.Families = authorFamilies(rec.Authors, metaFamilies(p.doc))
	rec.Title = p.titleSources(vis.Title, rec.URL).pick()
	rec.Paragraphs, rec.Kinds = p.paragraphs(rec.Title)
	rec.Title = docTitle(rec.Title, rec.Paragraphs)
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
func nodeText(n *html.Node) string { return textSkipping(n, nil) }

// textSkipping is nodeText without the elements skip reports.
func textSkipping(n *html.Node, skip func(*html.Node) bool) string {
	var b strings.Builder
	walkNodes(n, func(c *html.Node) bool {
		switch c.Type {
		case html.TextNode:
			b.WriteString(c.Data)
		case html.ElementNode:
			if skip != nil && skip(c) {
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
	nameLine  []string        // names alone on a line just above the text
}

func (p *htmlPage) visibleMeta() shownMeta {
	v := shownMeta{metaLines: map[string]bool{}}
	v.Title = p.titleText
	top := p.topArea()
	for _, b := range top {
		if p.title != nil && isInside(b.node, p.title) || isDataRow(b) {
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
	// They also replace a byline read from text that runs them into a
	// neighbour's text ("By Sarah ExampleTwitter").
	if marked := p.markedNames(top); len(v.Authors) == 0 || runsInto(v.Authors, marked) {
		v.Authors = marked
	}
	if len(v.Authors) == 0 {
		v.Authors = p.closingByline()
	}
	if len(v.Authors) == 0 {
		v.Authors = p.datelineAgency()
	}
	if p.title != nil && isOpinionPrefix(nodeText(p.title)) {
		v.opinion = true
	}
	v.nameLine = p.nameLine(v.metaLines)
	return v
}

// runsInto reports whether every name read from a byline's text holds a
// marked name and more, which the text ran into it.
func runsInto(fromText, marked []string) bool {
	if len(marked) == 0 {
		return false
	}
	for _, n := range fromText {
		found := false
		for _, m := range marked {
			found = found || len(n) > len(m) && strings.Contains(n, m)
		}
		if !found {
			return false
		}
	}
	return true
}

// nameLine finds a line of names and nothing else in the main container,
// among its first short blocks, before the first long paragraph: the
// byline of sites whose CMS signs every piece with the site's account.
// It is read only when the metadata name nobody but the site (see
// pickAuthors): alone it is too weak, since a short subheading can look
// like a name.
func (p *htmlPage) nameLine(metaLines map[string]bool) []string {
	var prev *textBlock
	seen := 0
	for i := range p.blocks {
		b := &p.blocks[i]
		if !b.inMain || b.entry >= 0 || (p.title != nil && isInside(b.node, p.title)) || metaLines[b.text] {
			continue
		}
		if len(b.text) >= 150 {
			// The line is a paragraph of its own, right before the text.
			if prev == nil || prev.node.DataAtom != atom.P || len(prev.text) > 100 {
				return nil
			}
			return namesOnly(prev.text)
		}
		if seen++; seen > 6 {
			return nil
		}
		prev = b
	}
	return nil
}

// namesOnly returns the names a line consists of, or nil if it holds
// anything else: one to four names of two to four words each.
func namesOnly(line string) []string {
	parts := splitAuthors(line)
	if len(parts) == 0 || len(parts) > 4 {
		return nil
	}
	for _, n := range parts {
		if k := len(strings.Fields(n)); k < 2 || k > 4 || !looksLikeName(n) {
			return nil
		}
	}
	return normaliseAuthors(parts)
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

// hasClassWord is hasClassToken that also splits camelCase class names:
// "metaInfoAuthorList" holds the word "author".
func hasClassWord(n *html.Node, words ...string) bool {
	for _, v := range []string{attr(n, "class"), attr(n, "id")} {
		for _, tok := range strings.FieldsFunc(v, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			for _, w := range splitCamel(tok) {
				for _, want := range words {
					if strings.EqualFold(w, want) {
						return true
					}
				}
			}
		}
	}
	return false
}

// splitCamel cuts "metaInfoAuthorList" into meta, Info, Author, List.
func splitCamel(s string) []string {
	var out []string
	start := 0
	prevLower := false
	for i, r := range s {
		if unicode.IsUpper(r) && prevLower {
			out = append(out, s[start:i])
			start = i
		}
		prevLower = unicode.IsLower(r)
	}
	return append(out, s[start:])
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
