package web

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/briefs/briefs/search"
)

// In-text citations for "cite this passage": (Author Year) in each style,
// and the citation of a quoted passage with its page.

// apaInText is the author part of an APA parenthetical citation:
// "Soberón", "Soberón & Jelsma", "Soberón et al.", or the group author or
// a short title.
func apaInText(rec search.Record) string {
	return inTextAuthors(rec, " & ")
}

func chicagoInText(rec search.Record) string {
	return inTextAuthors(rec, " and ")
}

func inTextAuthors(rec search.Record, and string) string {
	ns := names(rec)
	switch {
	case len(ns) == 1:
		return ns[0].Family
	case len(ns) == 2:
		return ns[0].Family + and + ns[1].Family
	case len(ns) > 2:
		return ns[0].Family + " et al."
	case strings.TrimSpace(rec.Publisher) != "":
		return strings.TrimSpace(rec.Publisher)
	}
	return quoted(shortTitle(title(rec)))
}

// shortTitle keeps the first four words of a title for in-text citations of
// works without an author.
func shortTitle(t string) string {
	w := strings.Fields(t)
	if len(w) > 4 {
		w = w[:4]
	}
	return strings.TrimRight(strings.Join(w, " "), ".,:;")
}

// passageCitation is a quote from one paragraph with its locator.
type passageCitation struct {
	Paragraph int
	Quote     string
	Locator   string // "para. 12" or "p. 7"
	Permalink string
	APA       string
	Chicago   string
}

// maxQuoteWords bounds the quoted passage: a citation quotes, it does not
// reproduce whole pages.
const maxQuoteWords = 60

// citePassage builds the APA and Chicago citations of paragraph n (1-based)
// of rec, whose Paragraphs start with paragraph number first (a part of a
// long document). permalink is the absolute URL of the paragraph. ok is
// false when n is not among them.
func citePassage(rec search.Record, n, first int, permalink string) (passageCitation, bool) {
	i := n - max(first, 1)
	if n < 1 || i < 0 || i >= len(rec.Paragraphs) {
		return passageCitation{}, false
	}
	words := strings.Fields(rec.Paragraphs[i])
	quote := strings.Join(words, " ")
	if len(words) > maxQuoteWords {
		quote = strings.TrimRight(strings.Join(words[:maxQuoteWords], " "), ".,;:") + " \u2026"
	}
	apaLoc, chiLoc := "para. "+strconv.Itoa(n), "par. "+strconv.Itoa(n)
	locator := apaLoc
	if len(rec.Pages) == len(rec.Paragraphs) && rec.Pages[i] > 0 {
		p := strconv.Itoa(rec.Pages[i])
		apaLoc, chiLoc, locator = "p. "+p, p, "p. "+p
	}
	year, _, _ := dateParts(rec)
	date := "n.d."
	if year > 0 {
		date = strconv.Itoa(year)
	}
	q := "\u201c" + quote + "\u201d"
	return passageCitation{
		Paragraph: n,
		Quote:     quote,
		Locator:   locator,
		Permalink: permalink,
		APA:       fmt.Sprintf("%s (%s, %s, %s)\n\n%s", q, apaInText(rec), date, apaLoc, citeAPA(rec)),
		Chicago:   fmt.Sprintf("%s (%s %s, %s)\n\n%s", q, chicagoInText(rec), date, chiLoc, citeChicago(rec)),
	}, true
}
