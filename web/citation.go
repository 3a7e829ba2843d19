package web

import (
	"html"
	"html/template"
	"strconv"
	"strings"

	"github.com/briefs/briefs/search"
)

// Citations of one record in common styles. Every function here is pure:
// Record in, text out. APA, Chicago and MLA set titles in italics: their
// builders mark the italic runs (italic), and citeAPA & co. return plain
// text while richCite turns the marks into <i> for copying as rich text.
//
// Styles: APA 7th edition, Chicago 17th edition author-date, MLA 9th
// edition here; BibTeX, RIS and CSL-JSON in citation_bib.go. Records are publications of
// organisations, so "no author" falls back to the publisher as group author
// and then to the title, as the style guides prescribe.

// personName is an author split into given and family names: from the
// family names the source gave (Record.Families) where it did, inferred by
// search.AuthorNames (indexer.ParseName) where it did not.
type personName = search.Name

// initials abbreviates given names: "Jean-Paul Marie" -> "J.-P. M.".
func initials(given string) string {
	var parts []string
	for _, w := range strings.Fields(given) {
		var hy []string
		for _, h := range strings.Split(w, "-") {
			r := []rune(strings.TrimSuffix(h, "."))
			if len(r) == 0 {
				continue
			}
			hy = append(hy, string(r[0])+".")
		}
		if len(hy) > 0 {
			parts = append(parts, strings.Join(hy, "-"))
		}
	}
	return strings.Join(parts, " ")
}

// inverted is "Family, Given" (or the name as written when it has no
// given part or puts the family first: "Kyaw Zin Htun", "Nguyen Thi Mai").
func inverted(n personName) string {
	switch {
	case n.Given == "":
		return joinNonEmpty(", ", n.Family, n.Suffix)
	case n.FamilyFirst:
		return n.Family + " " + n.Given
	}
	return joinNonEmpty(", ", n.Family+", "+n.Given, n.Suffix)
}

// direct is the name in reading order.
func direct(n personName) string {
	switch {
	case n.Given == "":
		return joinNonEmpty(" ", n.Family, n.Suffix)
	case n.FamilyFirst:
		return n.Family + " " + n.Given
	}
	return joinNonEmpty(" ", n.Given, n.Family, n.Suffix)
}

func names(rec search.Record) []personName {
	return search.AuthorNames(rec.Authors, rec.Families)
}

// datePrecision splits Record.Date ("2005", "2005-03", "2005-03-14") into
// its parts; zero parts are unknown. Year falls back to Record.Year.
func dateParts(rec search.Record) (year, month, day int) {
	parts := strings.Split(rec.Date, "-")
	nums := make([]int, 0, 3)
	for _, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil {
			break
		}
		nums = append(nums, n)
	}
	if len(nums) > 0 {
		year = nums[0]
	}
	if len(nums) > 1 && nums[1] >= 1 && nums[1] <= 12 {
		month = nums[1]
	}
	if len(nums) > 2 && month != 0 {
		day = nums[2]
	}
	if year == 0 {
		year = rec.Year
	}
	return year, month, day
}

var monthNames = []string{"", "January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// mlaMonths are MLA 9's abbreviations (May, June and July stay whole).
var mlaMonths = []string{"", "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July",
	"Aug.", "Sept.", "Oct.", "Nov.", "Dec."}

// isWebKind reports kinds cited like web content (exact date, title in
// quotes) rather than like reports (year, title as a work).
func isWebKind(kind string) bool {
	return kind == "opinion" || kind == "page" || kind == "reference"
}

// period ends s with a full stop unless it already ends with punctuation
// that closes a sentence.
func period(s string) string {
	s = strings.TrimSpace(s)
	end := strings.TrimRight(s, itClose)
	if end == "" || strings.HasSuffix(end, ".") || strings.HasSuffix(end, "?") || strings.HasSuffix(end, "!") {
		return s
	}
	return s + "."
}

// Marks around an italic run inside a citation; control characters that
// no record field contains (collapse drops them).
const itOpen, itClose = "\x01", "\x02"

func italic(s string) string { return itOpen + s + itClose }

// italicOr is s in italics, or "" for none.
func italicOr(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return italic(s)
}

// plainCite drops the italic marks.
func plainCite(s string) string {
	return strings.NewReplacer(itOpen, "", itClose, "").Replace(s)
}

// richCite escapes s and sets its marked runs in <i>: the HTML that the
// copy button puts on the clipboard beside the plain text.
func richCite(s string) template.HTML {
	e := html.EscapeString(s)
	// Trusted: escaped text with only <i> and </i> added.
	return template.HTML(strings.NewReplacer(itOpen, "<i>", itClose, "</i>").Replace(e))
}

// quoted puts a title in quotes with the full stop inside, as Chicago and
// MLA do: "Why?" stays "Why?", "Coca" becomes "Coca."
func quoted(title string) string {
	return "\u201c" + period(title) + "\u201d"
}

// seriesLabel is "Drug Policy Briefing No. 12", or just the series.
func seriesLabel(rec search.Record, sep string) string {
	switch {
	case rec.Series != "" && rec.Number > 0:
		return rec.Series + sep + strconv.Itoa(rec.Number)
	case rec.Series != "":
		return rec.Series
	case rec.Number > 0:
		return "No. " + strconv.Itoa(rec.Number)
	}
	return ""
}

func title(rec search.Record) string {
	if t := strings.TrimSpace(rec.Title); t != "" {
		return strings.Join(strings.Fields(t), " ")
	}
	return "Untitled"
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// citeAPA formats rec in APA 7th edition reference-list style.
func citeAPA(rec search.Record) string { return plainCite(apaMarked(rec)) }

func apaMarked(rec search.Record) string {
	ns := names(rec)
	year, month, day := dateParts(rec)
	date := "n.d."
	if year > 0 {
		date = strconv.Itoa(year)
		if isWebKind(rec.Kind) && month > 0 {
			date += ", " + monthNames[month]
			if day > 0 {
				date += " " + strconv.Itoa(day)
			}
		}
	}
	t := italic(title(rec))
	if s := seriesLabel(rec, " No. "); s != "" {
		t += " (" + s + ")"
	}
	publisher := strings.TrimSpace(rec.Publisher)

	var b []string
	switch {
	case len(ns) > 0:
		b = append(b, apaAuthors(ns), "("+date+").", period(t))
	case publisher != "":
		// A group author: the publisher, which is then not repeated.
		b = append(b, period(publisher), "("+date+").", period(t))
		publisher = ""
	default:
		b = append(b, period(t), "("+date+").")
	}
	if publisher != "" {
		b = append(b, period(publisher))
	}
	if rec.URL != "" {
		b = append(b, rec.URL)
	}
	return strings.Join(b, " ")
}

func apaName(n personName) string {
	if n.Given == "" {
		return joinNonEmpty(", ", n.Family, n.Suffix)
	}
	return joinNonEmpty(", ", n.Family, initials(n.Given), n.Suffix)
}

// apaAuthors lists up to 20 authors with "&" before the last; from 21 on,
// the first 19, an ellipsis and the last.
func apaAuthors(ns []personName) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = apaName(n)
	}
	var s string
	switch {
	case len(parts) == 1:
		s = parts[0]
	case len(parts) == 2:
		s = parts[0] + ", & " + parts[1]
	case len(parts) <= 20:
		s = strings.Join(parts[:len(parts)-1], ", ") + ", & " + parts[len(parts)-1]
	default:
		s = strings.Join(parts[:19], ", ") + ", . . . " + parts[len(parts)-1]
	}
	return period(s)
}

// citeChicago formats rec in Chicago 17th edition author-date
// reference-list style.
func citeChicago(rec search.Record) string { return plainCite(chicagoMarked(rec)) }

func chicagoMarked(rec search.Record) string {
	ns := names(rec)
	year, month, day := dateParts(rec)
	date := "n.d."
	if year > 0 {
		date = strconv.Itoa(year)
	}
	publisher := strings.TrimSpace(rec.Publisher)
	t := period(italic(title(rec)))
	if isWebKind(rec.Kind) {
		t = quoted(title(rec))
	}

	var b []string
	switch {
	case len(ns) > 0:
		b = append(b, chicagoAuthors(ns), period(date), t)
	case publisher != "":
		b = append(b, period(publisher), period(date), t)
		publisher = ""
	default:
		b = append(b, t, period(date))
	}
	if s := seriesLabel(rec, " "); s != "" {
		b = append(b, period(s))
	}
	if isWebKind(rec.Kind) && month > 0 {
		// Web content gives its full date after the publisher.
		full := monthNames[month]
		if day > 0 {
			full += " " + strconv.Itoa(day)
		}
		full += ", " + strconv.Itoa(year)
		b = append(b, period(joinNonEmpty(", ", italicOr(publisher), full)))
	} else if publisher != "" {
		b = append(b, period(publisher))
	}
	if rec.URL != "" {
		b = append(b, period(rec.URL))
	}
	return strings.Join(b, " ")
}

// chicagoAuthors inverts the first name only; up to ten authors are listed,
// more than ten give the first seven and "et al.".
func chicagoAuthors(ns []personName) string {
	etAl := false
	if len(ns) > 10 {
		ns, etAl = ns[:7], true
	}
	parts := make([]string, len(ns))
	for i, n := range ns {
		if i == 0 {
			parts[i] = inverted(n)
		} else {
			parts[i] = direct(n)
		}
	}
	var s string
	switch {
	case etAl:
		s = strings.Join(parts, ", ") + ", et al"
	case len(parts) == 1:
		s = parts[0]
	case len(parts) == 2:
		s = parts[0] + ", and " + parts[1]
	default:
		s = strings.Join(parts[:len(parts)-1], ", ") + ", and " + parts[len(parts)-1]
	}
	return period(s)
}

// citeMLA formats rec in MLA 9th edition works-cited style.
func citeMLA(rec search.Record) string { return plainCite(mlaMarked(rec)) }

func mlaMarked(rec search.Record) string {
	ns := names(rec)
	year, month, day := dateParts(rec)
	var date string
	if year > 0 {
		date = strconv.Itoa(year)
		if month > 0 {
			date = mlaMonths[month] + " " + date
			if day > 0 {
				date = strconv.Itoa(day) + " " + date
			}
		}
	}
	var b []string
	if len(ns) > 0 {
		b = append(b, mlaAuthors(ns))
	}
	if isWebKind(rec.Kind) {
		b = append(b, quoted(title(rec)))
	} else {
		b = append(b, period(italic(title(rec))))
	}
	loc := strings.TrimPrefix(strings.TrimPrefix(rec.URL, "https://"), "http://")
	container := strings.TrimSpace(rec.Publisher)
	if isWebKind(rec.Kind) {
		container = italicOr(container) // the site or paper holding the piece
	}
	if c := joinNonEmpty(", ", container, date, loc); c != "" {
		b = append(b, period(c))
	}
	if s := seriesLabel(rec, " "); s != "" {
		b = append(b, period(s))
	}
	return strings.Join(b, " ")
}

func mlaAuthors(ns []personName) string {
	switch len(ns) {
	case 1:
		return period(inverted(ns[0]))
	case 2:
		return period(inverted(ns[0]) + ", and " + direct(ns[1]))
	}
	return inverted(ns[0]) + ", et al."
}
