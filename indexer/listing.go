package indexer

import (
	"regexp"
	"sort"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A listing page is recognised by its structure, not its file name: its
// main area holds a run of at least minEntries sibling items (li, div,
// article, p, tr...) each carrying a linked or emphasised title and a
// series number or a date.
const minEntries = 3

// Headings of boxes that list other pages in passing ("Recent
// publications", "Related"); such a box is not the page's listing.
var reAsideHeading = regexp.MustCompile(`(?i)\b(recent|latest|related|popular|most read|see also|more from|you may also|also of interest|más recientes|últim[oa]s|relacionad[oa]s|ver también|destacad[oa]s)\b`)

// Link texts that are never a title.
var reNotTitle = regexp.MustCompile(`(?i)^(read more|more|more\.{3}|pdf|\[pdf\]|download|descargar|leer más|ver más|full text|texto completo|english|español|cover|here|aquí|link)$`)

// findListing returns the listing entries of main, grouped by list, in
// document order. Inner lists win over outer ones: three sections each
// holding a list are three lists, not one list of three sections.
func findListing(main *html.Node, textLen map[*html.Node]int) [][]*html.Node {
	if main == nil {
		return nil
	}
	var containers []*html.Node
	walkNodes(main, func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			containers = append(containers, n)
		}
		return true
	})
	// Deepest first.
	depth := func(n *html.Node) int {
		d := 0
		for ; n != nil; n = n.Parent {
			d++
		}
		return d
	}
	depths := make(map[*html.Node]int, len(containers))
	for _, c := range containers {
		depths[c] = depth(c)
	}
	sort.SliceStable(containers, func(i, j int) bool { return depths[containers[i]] > depths[containers[j]] })

	var groups [][]*html.Node
	isEntry := map[*html.Node]bool{}
	for _, c := range containers {
		for _, items := range itemGroups(c) {
			var entries []*html.Node
			for _, it := range items {
				if textLen[it] <= 3000 && qualifies(it) {
					entries = append(entries, it)
				}
			}
			if len(entries) < minEntries || len(entries)*2 < len(items) {
				continue
			}
			if holdsEntries(entries, isEntry) || isAsideList(c) {
				continue
			}
			for _, e := range entries {
				isEntry[e] = true
			}
			groups = append(groups, entries)
		}
	}
	sort.SliceStable(groups, func(i, j int) bool { return before(groups[i][0], groups[j][0]) })
	return groups
}

// itemGroups splits the element children of c into runs of the same kind:
// same tag, and for div-like items the same class.
func itemGroups(c *html.Node) [][]*html.Node {
	byKey := map[string][]*html.Node{}
	var keys []string
	for k := c.FirstChild; k != nil; k = k.NextSibling {
		if k.Type != html.ElementNode {
			continue
		}
		var key string
		switch k.DataAtom {
		case atom.Li, atom.Tr, atom.P, atom.Dd:
			key = k.Data
		case atom.Div, atom.Article, atom.Section:
			key = k.Data + "." + attr(k, "class")
		default:
			continue
		}
		if _, ok := byKey[key]; !ok {
			keys = append(keys, key)
		}
		byKey[key] = append(byKey[key], k)
	}
	var out [][]*html.Node
	for _, k := range keys {
		if len(byKey[k]) >= minEntries {
			out = append(out, byKey[k])
		}
	}
	return out
}

func holdsEntries(items []*html.Node, isEntry map[*html.Node]bool) bool {
	for _, it := range items {
		if findFirst(it, func(n *html.Node) bool { return isEntry[n] }) != nil {
			return true
		}
	}
	return false
}

// isAsideList reports whether the list under c is introduced by a heading
// like "Recent publications".
func isAsideList(c *html.Node) bool {
	for n, hops := c, 0; n != nil && hops < 3; n, hops = n.Parent, hops+1 {
		for s := n.PrevSibling; s != nil; s = s.PrevSibling {
			if s.Type != html.ElementNode {
				continue
			}
			if isHeading(s.DataAtom) || s.DataAtom == atom.P && len(nodeText(s)) < 60 {
				return reAsideHeading.MatchString(nodeText(s))
			}
			break
		}
		if h := findFirst(n, func(x *html.Node) bool { return isHeading(x.DataAtom) }); h != nil && h != c && n != c && isInside(h, n) {
			// A box whose own first heading names it.
			if before(h, c) {
				return reAsideHeading.MatchString(nodeText(h))
			}
		}
	}
	return false
}

// before reports whether a comes before b in document order.
func before(a, b *html.Node) bool {
	pa, pb := pathTo(a), pathTo(b)
	for i := 0; i < len(pa) && i < len(pb); i++ {
		if pa[i] != pb[i] {
			return pa[i] < pb[i]
		}
	}
	return len(pa) < len(pb)
}

// pathTo returns the child indexes from the root down to n.
func pathTo(n *html.Node) []int {
	var rev []int
	for ; n.Parent != nil; n = n.Parent {
		i := 0
		for s := n.PrevSibling; s != nil; s = s.PrevSibling {
			i++
		}
		rev = append(rev, i)
	}
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return rev
}

func flattenGroups(groups [][]*html.Node) []*html.Node {
	var out []*html.Node
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// qualifies reports whether item looks like a publication entry: a title
// and, beside it, a series line or a date.
func qualifies(item *html.Node) bool {
	t := entryTitle(item)
	if t == nil {
		return false
	}
	title := nodeText(t)
	for _, line := range entryLines(item) {
		rest := strings.TrimSpace(strings.Replace(line, title, " ", 1))
		if rest == "" || len(rest) > 300 {
			continue
		}
		if d, _, _ := findDate(rest); d != "" || dateOnly(rest) != "" {
			return true
		}
		if _, n, ok := parseSeries(rest); ok && n > 0 {
			return true
		}
	}
	return findFirst(item, func(n *html.Node) bool { return n.DataAtom == atom.Time && parseDate(attr(n, "datetime")) != "" }) != nil
}

// entryTitle finds the element holding an entry's title: a link inside a
// heading or emphasis, else the longest link, else an emphasised text.
func entryTitle(item *html.Node) *html.Node {
	good := func(n *html.Node) bool {
		t := nodeText(n)
		return len(t) >= 8 && strings.Contains(t, " ") && !reNotTitle.MatchString(t)
	}
	links := findAll(item, func(n *html.Node) bool { return n.DataAtom == atom.A && attr(n, "href") != "" && good(n) })
	for _, l := range links {
		if hasAncestor(l, func(a *html.Node) bool {
			return isInside(a, item) && (isHeading(a.DataAtom) || a.DataAtom == atom.Strong || a.DataAtom == atom.B || a.DataAtom == atom.Em || a.DataAtom == atom.Cite)
		}) {
			return l
		}
	}
	var best *html.Node
	for _, l := range links {
		if best == nil || len(nodeText(l)) > len(nodeText(best)) {
			best = l
		}
	}
	if best != nil {
		return best
	}
	return findFirst(item, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Strong, atom.B, atom.Em, atom.Cite:
			return good(n)
		}
		return false
	})
}

// entryLines splits an entry into lines at block boundaries and <br>.
func entryLines(item *html.Node) []string {
	var lines []string
	var buf strings.Builder
	flush := func() {
		if t := collapse(buf.String()); t != "" {
			lines = append(lines, t)
		}
		buf.Reset()
	}
	type frame struct {
		n    *html.Node
		exit bool
	}
	stack := []frame{{item, false}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := f.n
		if f.exit {
			flush()
			continue
		}
		switch {
		case n.Type == html.TextNode:
			buf.WriteString(n.Data)
			continue
		case n.Type != html.ElementNode:
			continue
		case n.DataAtom == atom.Br:
			flush()
			continue
		case n != item && isBlockTag(n.DataAtom) || isHeading(n.DataAtom):
			flush()
			stack = append(stack, frame{n, true})
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, frame{c, false})
		}
	}
	flush()
	return lines
}

// references turns the page's listing entries into reference records.
func (p *htmlPage) references(pageLang string) []Record {
	var refs []Record
	for _, item := range flattenGroups(p.groups) {
		refs = append(refs, readEntry(item, pageLang))
	}
	return refs
}

// readEntry reads one listing entry: its title (the link text), the names
// before the title, a series line and a date after it, its paragraph as
// abstract and the link as URL.
func readEntry(item *html.Node, pageLang string) Record {
	rec := Record{Kind: KindReference}
	t := entryTitle(item)
	if t == nil {
		return rec
	}
	rec.Title = nodeText(t)
	if t.DataAtom == atom.A {
		rec.URL = strings.TrimSpace(attr(t, "href"))
	} else if a := findFirst(t, func(n *html.Node) bool { return n.DataAtom == atom.A && attr(n, "href") != "" }); a != nil {
		rec.URL = strings.TrimSpace(attr(a, "href"))
	}
	var abstract []string
	for _, line := range entryLines(item) {
		if i := strings.Index(line, rec.Title); i >= 0 {
			if names := entryNames(line[:i]); len(names) > 0 && len(rec.Authors) == 0 {
				rec.Authors = names
			}
			readEntryMeta(&rec, strings.TrimSpace(line[i+len(rec.Title):]))
			continue
		}
		if names, ok := parseByline(line); ok && len(rec.Authors) == 0 {
			rec.Authors = names
			if rec.Date == "" {
				rec.Date, _, _ = findDate(line)
			}
			continue
		}
		if len(line) <= 200 && readEntryMeta(&rec, line) {
			if names := metaLineNames(line); len(names) > 0 && len(rec.Authors) == 0 {
				rec.Authors = names
			}
			continue
		}
		abstract = append(abstract, line)
	}
	if len(rec.Authors) == 0 {
		for _, n := range findAll(item, func(n *html.Node) bool { return hasClassToken(n, "author", "authors", "byline") }) {
			var names []string
			for _, s := range splitAuthors(cutBylineTail(nodeText(n))) {
				if looksLikeName(s) {
					names = append(names, s)
				}
			}
			if len(names) > 0 {
				rec.Authors = normaliseAuthors(names)
				break
			}
		}
	}
	if tm := findFirst(item, func(n *html.Node) bool { return n.DataAtom == atom.Time }); tm != nil {
		if d := parseDate(firstNonEmpty(attr(tm, "datetime"), nodeText(tm))); d != "" {
			rec.Date = d
		}
	}
	finishEntry(&rec, strings.Join(abstract, " "), pageLang)
	return rec
}

// readEntryMeta reads a series line and a date from a short line of an
// entry and reports whether it found either.
func readEntryMeta(rec *Record, line string) bool {
	if line == "" {
		return false
	}
	if t, ok := readEntryTail(line); ok && (t.Date != "" || t.Series != "") {
		// "— Authors. Series N, Month Year.", ", Series N, 1998"
		p := entryParts{Authors: rec.Authors, Series: rec.Series, Number: rec.Number, Publisher: rec.Publisher, Date: rec.Date}
		p.merge(t)
		rec.Authors, rec.Series, rec.Number, rec.Publisher, rec.Date = p.Authors, p.Series, p.Number, p.Publisher, p.Date
		return true
	}
	found := false
	if name, n, ok := parseSeries(line); ok {
		if rec.Series == "" {
			rec.Series, rec.Number = name, n
		}
		found = true
	}
	if d, _, _ := findDate(line); d != "" {
		if rec.Date == "" {
			rec.Date = d
		}
		found = true
	}
	return found
}

// entryNames reads the names written before an entry's title: "Hugo
// Cabieses", "Martin Jelsma and Tom Blickman", dropping a trailing label
// such as "Opinion:".
func entryNames(s string) []string {
	s = strings.TrimSpace(s)
	for {
		t := strings.TrimRight(s, " :-–—,|")
		if i := strings.LastIndexAny(t, " "); i >= 0 && isOpinionLabel(t[i+1:]) {
			t = t[:i]
		} else if isOpinionLabel(t) {
			t = ""
		}
		if t == s {
			break
		}
		s = t
	}
	if s == "" {
		return nil
	}
	if names, ok := parseByline(s); ok {
		return names
	}
	parts := splitAuthors(s)
	for _, n := range parts {
		// Without a "By" to vouch for them, one capitalised word ("Cover",
		// "New") is more likely a label than a person.
		if !looksLikeName(n) || len(strings.Fields(n)) < 2 {
			return nil
		}
	}
	return normaliseAuthors(parts)
}

// metaLineNames reads names leading a meta line: "Fatima Zahra Benali ·
// Drug Policy Briefing 44 · June 2024".
func metaLineNames(line string) []string {
	first := line
	for _, sep := range []string{" · ", " | ", " • ", " – ", " — ", " - "} {
		if i := strings.Index(first, sep); i > 0 {
			first = first[:i]
		}
	}
	if first == line {
		return nil // no separate part for names
	}
	if d, _, _ := findDate(first); d != "" {
		return nil
	}
	if _, _, ok := parseSeries(first); ok {
		return nil
	}
	return entryNames(first)
}
