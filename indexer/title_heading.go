package indexer

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The visible title is the heading a reader sees above the text. Pages
// have several <h1>s or none: the site's logo, a blog's name, a category
// or a sidebar box may be one, and the post's title is then an <h2>. And
// a heading may hold more than its title: a kicker above it ("Klimaschutz",
// set apart by a visually hidden ": "), a reading aid (<rt>) or a
// separator only screen readers hear. This file finds that heading and
// reads its text as shown.

// headingCandidate is a heading that may be the page's title.
type headingCandidate struct {
	node  *html.Node
	text  string // the text without kicker and hidden parts
	score int
}

// chooseHeading returns the visible title heading (an <h1>; nil for an
// <h2> or <h3>, see below) and its text, and the names of the site's logo
// headings. An <h1> is the title unless the
// evidence is against it: hidden, the logo, the site's name, a box label.
// An <h2> or <h3> stands for the title when the metadata name it (its
// text is a metadata title, perhaps signed with a short site name) or its
// markup does (itemprop=headline); one the metadata name beats an <h1>
// they do not (a section name, a sidebar box). metaTitles are the page's
// metadata titles.
func (p *htmlPage) chooseHeading(metaTitles []string) (*html.Node, string, []string) {
	sites := p.head.siteNames()
	hosts := hostNames(firstNonEmpty(p.head.citation.URL, p.head.og.URL, p.head.basic.URL))
	var best *headingCandidate
	var logos []string
	for _, n := range findAll(p.body, func(n *html.Node) bool {
		return n.DataAtom == atom.H1 || n.DataAtom == atom.H2 || n.DataAtom == atom.H3
	}) {
		if isHiddenPart(n) {
			continue
		}
		if isLogoHeading(n) {
			if n.DataAtom == atom.H1 {
				logos = append(logos, logoNames(n)...)
			}
			continue
		}
		text := headingText(n)
		if !plausibleHeading(text) || matchesSite(text, sites) {
			continue
		}
		agrees := agreesWithAny(text, metaTitles)
		if namesHost(text, hosts) && !agrees {
			continue
		}
		c := headingCandidate{node: n, text: text}
		switch {
		case n.DataAtom == atom.H1:
			c.score = 3
			if agrees {
				c.score += 4
			}
		case namedByMeta(text, metaTitles):
			c.score = 4
		case strings.EqualFold(attr(n, "itemprop"), "headline"):
			c.score = 1
		default:
			continue
		}
		if isInside(n, p.main) {
			c.score += 2
		}
		if isTitleMarked(n) {
			c.score++
		}
		if best == nil || c.score > best.score {
			best = &c
		}
	}
	if best == nil {
		return nil, "", logos
	}
	if best.node.DataAtom != atom.H1 {
		// The text is the title, but the byline and date are looked for
		// from the main container's start, as on pages without an <h1>:
		// blog templates print them above such an <h2>, and the blocks
		// after it are the post and its comments.
		return nil, best.text, logos
	}
	return best.node, best.text, logos
}

// logoNames are the names a logo heading gives the site: its text and
// its link's title.
func logoNames(n *html.Node) []string {
	var out []string
	if t := nodeText(n); t != "" {
		out = append(out, t)
	}
	for _, a := range findAll(n, func(c *html.Node) bool { return c.DataAtom == atom.A || c.DataAtom == atom.Img }) {
		for _, k := range []string{"title", "alt"} {
			if t := collapse(attr(a, k)); t != "" {
				out = append(out, t)
			}
		}
	}
	return out
}

// namedByMeta reports whether a heading's text is a metadata title,
// perhaps signed with a site name of at most four words ("Headline :
// Blog Name", "Author's Home | Headline").
func namedByMeta(text string, metaTitles []string) bool {
	for _, m := range metaTitles {
		if m == "" {
			continue
		}
		if sameText(m, text) {
			return true
		}
		if hasSiteTail(m, text) || hasSignature(m, text) {
			rest := strings.Replace(strings.ToLower(m), strings.ToLower(text), "", 1)
			if countWords(rest) <= 4 {
				return true
			}
		}
	}
	return false
}

// plausibleHeading reports whether a heading's text can be a title, not a
// box label ("Read also:", "Share", "While you are here…").
func plausibleHeading(text string) bool {
	t := strings.TrimSpace(text)
	if t == "" || len([]rune(t)) > 300 {
		return false
	}
	return !strings.HasSuffix(t, ":") && !strings.HasSuffix(t, "…") && !strings.HasSuffix(t, "...")
}

// agreesWithAny reports whether a heading is one of the metadata titles,
// perhaps with a site name or a kicker on either side.
func agreesWithAny(text string, metaTitles []string) bool {
	for _, m := range metaTitles {
		if m != "" && (sameHeadline(m, text) || hasTopicLabel(m, text) || hasTopicLabel(text, m) ||
			hasSignature(m, text) || hasSiteTail(m, text) || extends(text, m) || extends(m, text)) {
			return true
		}
	}
	return false
}

// extends reports whether long is short with more words after it, short
// being three words or more: "Headline in Place" extends "Headline".
func extends(long, short string) bool {
	return len(strings.Fields(short)) >= 3 && len(long) > len(short)+1 &&
		strings.EqualFold(long[:len(short)], short) && long[len(short)] == ' '
}

// hasSignature reports whether long is short with a site's name in front
// ("Site Name | Headline", "Blog » Archive » Headline").
func hasSignature(long, short string) bool {
	if len(short) == 0 || len(long) <= len(short) || !strings.EqualFold(long[len(long)-len(short):], short) {
		return false
	}
	head := strings.TrimRight(long[:len(long)-len(short)], " ")
	for _, sep := range hostSeparators {
		if s := strings.TrimSpace(sep); s != "" && strings.HasSuffix(head, s) {
			return true
		}
	}
	return false
}

// hasSiteTail reports whether long is short with a site's name or a
// section after it, behind any separator ("Headline : Blog Name").
func hasSiteTail(long, short string) bool {
	return hasTailAfter(long, short, hostSeparators)
}

// hiddenTokens are class words of text only screen readers get.
var hiddenTokens = map[string]bool{"hidden": true, "hiddenelement": true, "invisible": true, "aural": true,
	"visuallyhidden": true, "offscreen": true, "assistive": true, "hide": true, "screenreader": true}

// isHiddenPart reports whether an element is hidden from sight: by
// attribute or style, or by a class that screen-reader text uses
// ("sr-only", "visually-hidden", "screen-reader-text", "element-invisible").
func isHiddenPart(n *html.Node) bool {
	if isHidden(n) {
		return true
	}
	toks := classTokens(n)
	for i, t := range toks {
		if hiddenTokens[t] {
			return true
		}
		if i+1 < len(toks) && (t == "sr" && toks[i+1] == "only" || t == "screen" && toks[i+1] == "reader" ||
			t == "visually" && toks[i+1] == "hidden") {
			return true
		}
	}
	return false
}

// isLogoHeading reports whether a heading is the site's logo or name: its
// class says so, or all it holds is a link to the site's home page.
func isLogoHeading(n *html.Node) bool {
	if hasClassToken(n, "logo", "branding", "brand") || hasPairToken(n, "site", "title") ||
		hasPairToken(n, "site", "name") || hasPairToken(n, "blog", "title") {
		return true
	}
	links := findAll(n, func(c *html.Node) bool { return c.DataAtom == atom.A })
	if len(links) != 1 {
		return false
	}
	href := strings.TrimSpace(attr(links[0], "href"))
	home := href == "/" || href == "./" || href == "../" || strings.EqualFold(attr(links[0], "rel"), "home")
	if !home && strings.Contains(href, "://") {
		rest := href[strings.Index(href, "://")+3:]
		rest = strings.TrimSuffix(rest, "/")
		home = !strings.Contains(rest, "/")
	}
	return home && nodeText(links[0]) == nodeText(n)
}

// hasPairToken reports whether n's class words hold a then b
// ("site-title", "site_name").
func hasPairToken(n *html.Node, a, b string) bool {
	toks := classTokens(n)
	for i := 0; i+1 < len(toks); i++ {
		if toks[i] == a && toks[i+1] == b {
			return true
		}
	}
	return false
}

// isTitleMarked reports whether a heading's markup names it the title:
// itemprop=headline or a title class ("entry-title", "post-title",
// "page-title", "article-title", "headline").
func isTitleMarked(n *html.Node) bool {
	if strings.EqualFold(attr(n, "itemprop"), "headline") || strings.EqualFold(attr(n, "itemprop"), "name") {
		return true
	}
	return hasClassToken(n, "headline") || hasPairToken(n, "entry", "title") || hasPairToken(n, "post", "title") ||
		hasPairToken(n, "page", "title") || hasPairToken(n, "article", "title")
}

// kickerTokens are class words of a label printed above a headline.
var kickerTokens = map[string]bool{"kicker": true, "dachzeile": true, "overline": true, "eyebrow": true,
	"topline": true, "roofline": true, "spitzmarke": true, "label": true}

// headingText is a heading's text as a reader sees its title: without
// parts hidden from sight, ruby readings, and a kicker (an element marked
// as one, or the text before a hidden separator: "<span>Topic</span><span
// class=sr-only>: </span>Headline"); adjacent boxes are kept apart
// ("<span>Topic</span><span>Headline</span>" is "Topic Headline").
func headingText(h *html.Node) string {
	var b strings.Builder
	kickerEnd := -1 // length of b where a kicker ended
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				b.WriteString(c.Data)
				continue
			case html.ElementNode:
			default:
				continue
			}
			switch c.DataAtom {
			case atom.Rt, atom.Rp, atom.Script, atom.Style, atom.Template, atom.Noscript:
				continue
			case atom.Br:
				b.WriteByte(' ')
				continue
			}
			if isHiddenPart(c) {
				if sep := strings.TrimSpace(nodeText(c)); b.Len() > 0 && (sep == "" || isSeparatorSign(sep)) && strings.TrimSpace(b.String()) != "" {
					kickerEnd = b.Len()
				}
				continue
			}
			if strings.TrimSpace(b.String()) == "" || isLeadingPart(c) {
				if hasKickerClass(c) && c.NextSibling != nil {
					b.WriteString(nodeText(c))
					kickerEnd = b.Len()
					continue
				}
			}
			if isBlockTag(c.DataAtom) || isBox(c) && isBox(c.PrevSibling) {
				b.WriteByte(' ')
			}
			walk(c)
			if isBlockTag(c.DataAtom) {
				b.WriteByte(' ')
			}
		}
	}
	walk(h)
	full := b.String()
	if kickerEnd > 0 {
		kicker, rest := collapse(full[:kickerEnd]), collapse(full[kickerEnd:])
		if rest != "" && len(strings.Fields(kicker)) <= 10 {
			return strings.TrimLeft(rest, ":|–—-·• ")
		}
	}
	return collapse(full)
}

// isBox reports whether n is an element with a class of its own, which
// templates use for the parts of a heading; ruby text is no box.
func isBox(n *html.Node) bool {
	return n != nil && n.Type == html.ElementNode && n.DataAtom != atom.Ruby && attr(n, "class") != ""
}

// isLeadingPart reports whether only white space comes before n in its
// parent.
func isLeadingPart(n *html.Node) bool {
	for s := n.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type == html.ElementNode || s.Type == html.TextNode && strings.TrimSpace(s.Data) != "" {
			return false
		}
	}
	return true
}

func hasKickerClass(n *html.Node) bool {
	for _, t := range classTokens(n) {
		if kickerTokens[t] {
			return true
		}
	}
	return false
}

// isSeparatorSign reports whether s is a title separator sign alone.
func isSeparatorSign(s string) bool {
	switch s {
	case ":", "-", "–", "—", "|", "/", "·", "•", ",", ".", "»", "›", "::":
		return true
	}
	return false
}

// titleSources gathers the page's titles for pick, each without the
// site's signature (named by the metadata, the address or the logo), and
// whether its metadata are authoritative.
func (p *htmlPage) titleSources(heading, url string) titleSources {
	hosts := append(hostNames(firstNonEmpty(p.head.citation.URL, url)), foldAll(p.logos)...)
	h := p.head
	return titleSources{
		citation: h.citation.Title, jsonld: dropHostParts(h.jsonld.Title, hosts),
		dc: dropHostParts(h.dc.Title, hosts), og: dropHostParts(h.og.Title, hosts),
		twitter:       dropHostParts(h.twitterTitle, hosts),
		heading:       heading,
		titleTag:      dropHostParts(cleanTitle(h.titleTag, h.siteNames()...), hosts),
		authoritative: h.news || p.newsTyped || h.newsTagged || p.kickerInMeta(h.metaTitles()) || h.jsonldRank == 1 || h.dc.Title != "",
	}
}

// metaTitles are the titles the page's metadata give, for comparing
// headings with.
func (h headMeta) metaTitles() []string {
	return []string{h.citation.Title, h.jsonld.Title, h.dc.Title, h.og.Title, h.twitterTitle,
		cleanTitle(h.titleTag, h.siteNames()...)}
}

// countWords counts the words of s that hold a letter or digit: "| iPhone
// | Forum" has two.
func countWords(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

// newsTypeRE finds a schema.org news type named anywhere in a page's
// JSON-LD, also in nodes readJSONLD does not take the article from (a
// live blog's updates, a graph it cannot parse).
var newsTypeRE = regexp.MustCompile(`"@type"\s*:\s*\[?\s*"(?:NewsArticle|LiveBlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle)"`)

// typedNews reports whether the page's JSON-LD calls it a news article.
func (p *htmlPage) typedNews() bool {
	found := false
	p.doc.Find(`script[type="application/ld+json"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		found = newsTypeRE.MatchString(s.Text())
		return !found
	})
	return found
}

// kickerInMeta reports whether a metadata title leads with the kicker the
// visible heading shows above its title ("Topic" over "Headline", and
// "Topic: Other words" in og:title) but goes on with other words: the
// newsroom filed the piece under its own headline, kicker and all.
func (p *htmlPage) kickerInMeta(metaTitles []string) bool {
	if p.title == nil || p.titleText == "" {
		return false
	}
	full := collapse(nodeText(p.title))
	i := strings.LastIndex(full, p.titleText)
	if i <= 0 {
		return false
	}
	kicker := strings.TrimRight(full[:i], ":|–—-·•/ ")
	if kicker == "" || countWords(kicker) > 8 {
		return false
	}
	for _, m := range metaTitles {
		if len(m) <= len(kicker) || !strings.EqualFold(m[:len(kicker)], kicker) {
			continue
		}
		rest := m[len(kicker):]
		for _, sep := range topicSeparators {
			if strings.HasPrefix(rest, sep) && !agreesWithAny(p.titleText, []string{rest[len(sep):]}) {
				return true
			}
		}
	}
	return false
}
