package indexer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Listing pages saved as plain text or Markdown are split like HTML ones:
// an overview record (KindPage) and one KindReference record per entry of
// a bulleted or numbered list of at least minEntries publications, each
// entry with a date or a numbered series. An entry is its bullet line
// plus the lines continuing it (indented, or running on without a blank
// line): a series line and an abstract below a title, or the whole
// citation on one line (entry.go reads its parts). A list introduced by a
// heading like "Recent publications" is a sidebar, not the page's list.

// reBibliographyHeading introduces a document's own sources: a briefing
// with a reference list is a briefing, not a listing page.
var reBibliographyHeading = regexp.MustCompile(`(?i)^\W*(references|bibliography|sources|notes|endnotes|footnotes|works cited|further reading|referencias|bibliografía|fuentes|notas)\b`)

// listingShare reports whether the list is a good part of the document
// (a quarter of its text or more), as on a listing page, rather than a
// list of publications cited in passing by a long text.
func listingShare(items []textItem, src string) bool {
	n := 0
	for _, it := range items {
		n += len(it.head)
		for _, l := range it.more {
			n += len(l)
		}
	}
	return n*4 >= len(strings.Join(strings.Fields(src), " "))
}

// textItem is one bullet of a text list.
type textItem struct {
	head  string   // the bullet's line, without the bullet
	more  []string // lines continuing it
	title string   // a Markdown link's text, when the head has one
	url   string
	// Text before and after the link.
	before, after string
}

var reMDLinkFull = regexp.MustCompile(`\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)`)

// extractTextDoc reads a plain-text or Markdown document and, for a
// listing page, its entries.
func extractTextDoc(src string, markdown bool) (Record, []Record) {
	rec := extractText(src, markdown)
	src = cleanText(src)
	items := textListing(strings.Split(src, "\n"), markdown)
	if len(items) == 0 || !listingShare(items, src) {
		return rec, nil
	}
	common := lowerWords(src)
	// Names that something other than their length ended vouch for the
	// same names in entries where only position tells (entry.go).
	known := map[string]bool{}
	for _, it := range items {
		if it.title == "" && len(it.more) == 0 {
			if p := readEntryLine(it.head, common, nil); !p.capped {
				for _, a := range p.Authors {
					known[a] = true
				}
			}
		}
	}
	var refs []Record
	for _, it := range items {
		if ref, ok := it.record(common, known, rec.Language); ok {
			refs = append(refs, ref)
		}
	}
	if len(refs) < minEntries || len(refs)*2 < len(items) {
		return rec, nil
	}
	rec.Kind = KindPage
	dropAside(&rec, items[len(items)-1].head)
	// A series line near the top of a listing names what it lists.
	for _, r := range refs {
		if rec.Series != "" && r.Series != "" && strings.HasSuffix(rec.Series, r.Series) && r.Number == rec.Number {
			rec.Series, rec.Number = "", 0
		}
	}
	return rec, refs
}

// textListing finds the longest run of list items not introduced by a
// sidebar heading.
func textListing(lines []string, markdown bool) []textItem {
	var best, cur []textItem
	heading := ""
	lastText := ""
	blank := false
	flush := func() {
		if len(cur) > len(best) && !reAsideHeading.MatchString(heading) && !reBibliographyHeading.MatchString(heading) {
			best = cur
		}
		cur = nil
	}
	for _, raw := range lines {
		line := strings.TrimRight(raw, " \t")
		trim := strings.TrimSpace(line)
		switch {
		case trim == "":
			blank = true
		case reBullet.MatchString(line):
			if len(cur) == 0 {
				heading = lastText
			}
			cur = append(cur, newTextItem(reBullet.ReplaceAllString(line, ""), markdown))
			blank = false
		case len(cur) > 0 && (!blank || line != trim):
			it := &cur[len(cur)-1]
			it.more = append(it.more, collapse(stripMarkdown(trim, markdown)))
			blank = false
		default:
			flush()
			lastText = trim
			blank = false
		}
	}
	flush()
	return best
}

func newTextItem(head string, markdown bool) textItem {
	it := textItem{}
	if markdown {
		if m := reMDLinkFull.FindStringSubmatchIndex(head); m != nil {
			text := collapse(stripMarkdown(head[m[2]:m[3]], true))
			if len(text) >= 8 && strings.Contains(text, " ") && !reNotTitle.MatchString(text) {
				it.title, it.url = text, head[m[4]:m[5]]
				it.before = collapse(stripMarkdown(head[:m[0]], true))
				it.after = collapse(stripMarkdown(head[m[1]:], true))
			}
		}
		head = stripMarkdown(head, true)
	}
	it.head = collapse(head)
	return it
}

// record reads an item as a listing entry and reports whether it is one:
// it has a date or a numbered series.
func (it textItem) record(common, known map[string]bool, pageLang string) (Record, bool) {
	var p entryParts
	switch {
	case it.title != "":
		p.Title, p.Authors = it.title, entryNames(it.before)
		t, _ := readEntryTail(it.after)
		p.merge(t)
	case len(it.more) > 0 && dateOnly(it.head) == "":
		// A title alone on its line, the series and date below it.
		p.Title = cleanEntryTitle(dropCoverLabel(it.head))
	default:
		p = readEntryLine(it.head, common, known)
	}
	var abstract []string
	for _, l := range it.more {
		if len(l) <= 200 {
			if t, _ := readEntryTail(l); t.Date != "" || t.Series != "" {
				p.merge(t)
				continue
			}
		}
		abstract = append(abstract, l)
	}
	if p.Title == "" || p.Date == "" && (p.Series == "" || p.Number == 0) {
		return Record{}, false
	}
	rec := Record{Kind: KindReference, Title: p.Title, Authors: p.Authors, Series: p.Series, Number: p.Number,
		Date: p.Date, Publisher: p.Publisher, URL: it.url}
	finishEntry(&rec, strings.Join(abstract, " "), pageLang)
	return rec, true
}

// dateOnly returns the date closing s, if any.
func dateOnly(s string) string {
	_, d := cutEntryDate(s)
	return d
}

// merge fills p's empty fields from q.
func (p *entryParts) merge(q entryParts) {
	if len(p.Authors) == 0 {
		p.Authors = q.Authors
	}
	if p.Series == "" {
		p.Series, p.Number = q.Series, q.Number
	}
	if p.Publisher == "" {
		p.Publisher = q.Publisher
	}
	if p.Date == "" {
		p.Date = q.Date
	}
}

// finishEntry sets what every listing entry derives from its parts: year,
// abstract, countries (from its own title and abstract) and language (the
// page's, unless the entry is evidently in another).
func finishEntry(rec *Record, abstract, pageLang string) {
	// The link's address may date the entry, or make its date more
	// precise ("March 2019" and /2019/03/14/).
	if d := dateFromURL(rec.URL); d != "" && (rec.Date == "" || refinesDate(rec.Date, d)) {
		rec.Date = d
	}
	rec.Year = yearOf(rec.Date)
	rec.Abstract = cutAtWord(abstract, 1000)
	rec.Countries = Countries(rec.Title, rec.Abstract, nil)
	rec.Language = pageLang
	if l := DetectLanguage(rec.Title + "\n" + rec.Abstract); l != "" && l != pageLang && len(strings.Fields(rec.Title+" "+rec.Abstract)) >= 12 {
		rec.Language = l
	}
}

// lowerWords returns the words a text writes in lower case at least once.
func lowerWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			out[w] = true
		}
	}
	return out
}

// dropAside removes from a listing page's text a sidebar saved after its
// list ("Recent publications from …" and what follows): other pages'
// teasers, which would make the page about their countries.
func dropAside(rec *Record, lastEntry string) {
	after := false
	for i, p := range rec.Paragraphs {
		if strings.Contains(p, lastEntry) {
			after = true
			continue
		}
		if after && len(p) <= 80 && reAsideHeading.MatchString(p) {
			rec.Paragraphs = rec.Paragraphs[:i]
			rec.Countries = Countries(rec.Title, rec.Abstract, rec.Paragraphs)
			return
		}
	}
}
