package indexer

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Visible metadata: bylines, datelines, series and country lines shown near the title.

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
