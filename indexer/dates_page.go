package indexer

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// This file reads the dates a page shows or marks up in its body, on the
// untouched document: before chrome is removed, an article's own
// header, footer or "post-meta" block still holds its <time datetime>,
// itemprop="datePublished" or "Veröffentlicht am 14.03.2019". Each date
// found is a candidate with a weight for how sure its place and label
// make it; extract uses the best one when the head names no day, to give
// the day of a month-only date, and to put a UTC timestamp on the
// publisher's own calendar day.

// dateCandidate is one day found in the page's body.
type dateCandidate struct {
	date   string // YYYY-MM-DD
	weight int
	// local marks a day as the page shows it or a timestamp with its own
	// offset gives it; a UTC timestamp is no evidence of the local day.
	local bool
	// shown marks a day read from the text a reader sees, not from an
	// attribute.
	shown bool
	node  *html.Node // where it was read
	pos   int        // where it was read, in characters of text from the top of the body
}

// bodyDates is what the body of a page says about its day.
type bodyDates struct {
	cands    []dateCandidate
	title    *html.Node      // the visible title (the first <h1>), or nil
	titlePos int             // pos of title, or -1
	seen     map[string]bool // every day written anywhere in the body's text
}

// Weights, best first.
const (
	weightItemprop  = 100 // itemprop="datePublished" / "dateCreated"
	weightPublished = 90  // <abbr class=published title>, <time pubdate>, class "published" with a machine date
	weightLabel     = 80  // "Veröffentlicht am", "Published:", "Publié le", "Datum:"
	weightTime      = 70  // any other <time datetime>
	weightByline    = 60  // "Von X am 14.03.2019", "by X on March 14, 2019"
	weightDateClass = 55  // a short element whose class names a date ("post-date", "datum")
	weightDateline  = 50  // a paragraph that opens with its day: "29.11.2022 – Mehrfach ...", "Berlin, 3. Mai 2021:"
	weightSelfLink  = 40  // the page's own entry, with its day, in a list of recent or related posts
	weightUpdated   = 30  // "Stand:", "Aktualisiert:", "last edited", dateModified
)

// minPageDateWeight is the least weight that alone names a page's date.
const minPageDateWeight = weightUpdated

// Class words of blocks whose dates are not the page's: comments, related
// and recommended lists, sidebars and widgets, calendars of events.
var otherDateBlockWords = []string{"comment", "comments", "respond", "reply", "replies", "disqus",
	"related", "recommended", "recommendations", "sidebar", "teaser", "teasers",
	"calendar", "event", "events", "termine", "archive", "archiv", "popular", "trending", "more", "nav",
	"navigation", "menu", "breadcrumb", "footer-nav", "caption"}

// dateClassWords mark an element that holds a date.
var dateClassWords = []string{"date", "dates", "datum", "time", "timestamp", "published", "publishdate",
	"pubdate", "postdate", "posted", "dateline", "created", "submitted", "meta", "postmetadata", "byline",
	"info", "entry", "post", "article", "header", "footer", "fecha", "data", "datetime"}

// pageDates collects the day candidates of the body, in document order,
// with where the title is and every day the text shows. The body is as
// authorMarks read it, its text lengths in p.rawLen.
func (p *htmlPage) pageDates() bodyDates {
	lengths := p.rawLen
	offsets, seen := textOffsets(p.body, len(lengths))
	bd := bodyDates{titlePos: -1, seen: seen}
	sites := p.head.siteNames()
	h1 := findFirst(p.body, func(n *html.Node) bool {
		return n.DataAtom == atom.H1 && nodeText(n) != "" && !matchesSite(nodeText(n), sites)
	})
	if h1 == nil {
		h1 = p.titleHeading()
	}
	if h1 != nil {
		bd.title, bd.titlePos = h1, offsets[h1]
	}
	// otherBlock reports whether n holds dates that are not the page's: a
	// comment list, a sidebar. A block with the title, or with most of
	// the page's text, holds the article whatever its class says
	// ("sidebar_content", "with-navigation"), and so does one beside the
	// title just under it (a "teaser-text" lead, a credits "sidebar").
	otherBlock := func(n *html.Node) bool {
		if n == p.body || !hasClassWord(n, otherDateBlockWords...) || isInside(h1, n) || 2*lengths[n] >= lengths[p.body] {
			return false
		}
		under := offsets[n] - bd.titlePos
		beside := h1 != nil && n.Parent != p.body && isInside(h1, n.Parent)
		return !beside || under < 0 || under > nearTitle
	}
	self := urlPath(p.head.citation.URL)
	var out []dateCandidate
	var at *html.Node
	add := func(d string, w int, local, shown bool) {
		if len(d) == len("2006-01-02") {
			out = append(out, dateCandidate{date: d, weight: w, local: local, shown: shown, node: at, pos: offsets[at]})
		}
	}
	// machineDay reads a day from an element: its visible text first (what
	// the reader sees: "June 30, 2026 - 4.34pm" beside a UTC datetime),
	// then its machine-readable attribute.
	machineDay := func(n *html.Node, w int, keys ...string) {
		if d := visibleDay(nodeText(n)); d != "" {
			add(d, w, true, true)
			return
		}
		for _, k := range keys {
			if v := attr(n, k); v != "" {
				add(parseDate(v), w, !reUTCStamp.MatchString(strings.TrimSpace(v)), false)
				return
			}
		}
		add(parseDate(nodeText(n)), w, true, true)
	}
	walkNodes(p.body, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		at = n
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Select, atom.Option, atom.Textarea, atom.Figcaption:
			return false
		}
		if otherBlock(n) {
			for _, d := range selfLinkDays(n, self) {
				add(d, weightSelfLink, true, true)
			}
			return false
		}
		switch prop := strings.ToLower(attr(n, "itemprop")); {
		case prop == "datepublished" || prop == "datecreated" || prop == "uploaddate":
			machineDay(n, weightItemprop, "datetime", "content", "title")
			return false
		case prop == "datemodified":
			machineDay(n, weightUpdated, "datetime", "content", "title")
			return false
		case n.DataAtom == atom.Time:
			w := weightTime
			if hasAttr(n, "pubdate") || hasClassWord(n, "published", "entry-date", "publish", "pubdate") {
				w = weightPublished
			} else if hasClassWord(n, "updated", "modified", "update") {
				w = weightUpdated
			}
			machineDay(n, w, "datetime")
			return false
		case n.DataAtom == atom.Abbr && hasClassWord(n, "published"):
			machineDay(n, weightPublished, "title")
			return false
		}
		// A short element holds a date and its label; in a longer one (a
		// post footer's sentence) only a date its verb follows counts:
		// "wurde am 3. Dezember 2011 veröffentlicht".
		l := lengths[n]
		if l == 0 || !hasDigitText(n) || !mayHoldDate(n) {
			return true
		}
		t := nodeText(n)
		if l > 400 {
			// A paragraph of any length may open with its dateline.
			if d := leadDate(t); d != "" {
				add(d, weightDateline, true, true)
			}
			return true
		}
		short := l <= 200
		// Each full date in the text with the words just before it: "Letzte
		// Änderung: 31.10.2023 Erschienen am: 01.11.2023" gives two.
		for from, k := 0, 0; from < len(t) && k < 4; k++ {
			d, start, end := findDate(t[from:])
			if d == "" {
				break
			}
			before := strings.ToLower(t[from : from+start])
			if from == 0 && strings.TrimSpace(before) == "" {
				before = strings.ToLower(labelBefore(n))
			}
			after := strings.ToLower(t[from+end:])
			from += end
			if len(d) != len("2006-01-02") {
				continue
			}
			switch {
			case !short:
				if hasVerbAfter(after) {
					add(d, weightLabel, true, true)
				} else if k == 0 && leadDate(t) == d {
					add(d, weightDateline, true, true)
				}
			case hasLabel(before, updatedLabels):
				add(d, weightUpdated, true, true)
			case hasLabel(before, publishedLabels) || hasVerbAfter(after):
				add(d, weightLabel, true, true)
			case k == 0 && isBylineBefore(before):
				add(d, weightByline, true, true)
			case k == 0 && (hasClassWord(n, dateClassWords...) || hasClassWord(n.Parent, dateClassWords...) || isInside(n, h1)):
				add(d, weightDateClass, true, true)
			case k == 0 && leadDate(t) == d:
				add(d, weightDateline, true, true)
			}
		}
		return true
	})
	bd.cands = out
	return bd
}

// titleHeading finds the headline of a page without an <h1>: the first
// <h2> or <h3> whose text the page's <title> or og:title holds, letters
// and digits compared ("Kolumne: Queer Royal - Über …" in "Kolumne: Queer
// Royal – Über …").
func (p *htmlPage) titleHeading() *html.Node {
	titles := letterKey(p.head.titleTag) + "|" + letterKey(p.head.og.Title)
	return findFirst(p.body, func(n *html.Node) bool {
		if n.DataAtom != atom.H2 && n.DataAtom != atom.H3 {
			return false
		}
		t := letterKey(nodeText(n))
		return len(t) >= 10 && strings.Contains(titles, t)
	})
}

// letterKey keeps the lower-cased letters and digits of s.
func letterKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// textOffsets gives each node of root the number of characters of text
// before it (scripts and styles do not count), and the days written in
// its text nodes. size is how many nodes root has, or more.
func textOffsets(root *html.Node, size int) (map[*html.Node]int, map[string]bool) {
	offsets, seen := make(map[*html.Node]int, size), map[string]bool{}
	pos := 0
	walkNodes(root, func(n *html.Node) bool {
		offsets[n] = pos
		switch n.Type {
		case html.ElementNode:
			return n.DataAtom != atom.Script && n.DataAtom != atom.Style
		case html.TextNode:
			t := strings.TrimSpace(n.Data)
			pos += len(t)
			for k := 0; k < 8 && strings.ContainsAny(t, "0123456789"); k++ {
				d, _, end := findDate(t)
				if d == "" {
					break
				}
				seen[d] = true
				t = t[end:]
			}
		}
		return true
	})
	return offsets, seen
}

// hasDigitText reports whether n has a text child of its own with a digit.
func hasDigitText(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.ContainsAny(c.Data, "0123456789") {
			return true
		}
	}
	return false
}

// labelBefore returns the short text of the element just before n, the
// label of a date that stands alone: <dt>Datum</dt><dd>12.01.2017</dd>.
func labelBefore(n *html.Node) string {
	for s := n.PrevSibling; s != nil; s = s.PrevSibling {
		switch s.Type {
		case html.ElementNode:
			if t := nodeText(s); len(t) <= 40 {
				return t + " "
			}
			return ""
		case html.TextNode:
			if strings.TrimSpace(s.Data) != "" {
				return ""
			}
		}
	}
	return ""
}

// outsideEntries drops the candidates read inside listing entries: on a
// listing page each entry's date is its own, not the page's (but the
// entry that links to the page itself gives the page's).
func outsideEntries(cands []dateCandidate, entries []*html.Node) []dateCandidate {
	if len(entries) == 0 {
		return cands
	}
	var out []dateCandidate
	for _, c := range cands {
		inEntry := false
		for _, e := range entries {
			if c.weight == weightSelfLink {
				break // the page's own entry
			}
			inEntry = inEntry || isInside(c.node, e)
		}
		if !inEntry {
			out = append(out, c)
		}
	}
	return out
}

// visibleDay reads a day from a <time> element's text.
func visibleDay(t string) string {
	if d, _, _ := findDate(t); len(d) == len("2006-01-02") {
		return d
	}
	return ""
}

// reUTCStamp matches a timestamp given in UTC: "2019-03-14T23:15:00Z",
// "...+00:00", "20200414T00:38:07Z".
var reUTCStamp = regexp.MustCompile(`(?i)(\d{1,2}):\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:z|utc|gmt|[+-]00:?00)$`)

// stamp parses a head date and remembers a day read from a UTC
// timestamp: near midnight it may be a day off the publisher's calendar.
func (h *headMeta) stamp(raw string) string {
	d := parseDate(raw)
	if m := reUTCStamp.FindStringSubmatch(strings.TrimSpace(raw)); d != "" && m != nil {
		if h.utcHours == nil {
			h.utcHours = map[string]int{}
		}
		h.utcHours[d] = atoi(m[1])
	}
	return d
}

// utcHour returns the hour of the UTC timestamp day d was read from, or
// -1.
func (h *headMeta) utcHour(d string) int {
	if hour, ok := h.utcHours[d]; ok {
		return hour
	}
	return -1
}
