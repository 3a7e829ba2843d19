package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"html/template"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/briefs/briefs/search"
)

// Citations of one record in common styles. Every function here is pure:
// Record in, text out. APA, Chicago and MLA set titles in italics: their
// builders mark the italic runs (italic), and citeAPA & co. return plain
// text while richCite turns the marks into <i> for copying as rich text.
//
// Styles: APA 7th edition, Chicago 17th edition author-date, MLA 9th
// edition, BibTeX, RIS and CSL-JSON. Records are publications of
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

// bibtexEscaper escapes the characters special to (La)TeX. Accents stay as
// UTF-8, which biber and modern BibTeX read.
var bibtexEscaper = strings.NewReplacer(
	`\`, `\textbackslash{}`,
	`{`, `\{`, `}`, `\}`,
	`%`, `\%`, `&`, `\&`, `$`, `\$`, `#`, `\#`, `_`, `\_`,
	`~`, `\textasciitilde{}`, `^`, `\textasciicircum{}`,
)

func bibEscape(s string) string {
	return bibtexEscaper.Replace(strings.Join(strings.Fields(s), " "))
}

// bibURL keeps a URL verbatim (url fields are read verbatim by biblatex and
// hyperref) except for braces and spaces, which are percent-encoded so the
// entry's braces stay balanced.
func bibURL(u string) string {
	return strings.NewReplacer("{", "%7B", "}", "%7D", " ", "%20").Replace(strings.TrimSpace(u))
}

// asciiFold lower-cases s and keeps only ASCII letters and digits, dropping
// accents: "Soberón" -> "soberon".
func asciiFold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// keyStopwords are skipped when picking the title word of a BibTeX key.
var keyStopwords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "on": true, "in": true, "and": true, "for": true, "to": true,
	"el": true, "la": true, "los": true, "las": true, "un": true, "una": true, "de": true, "del": true, "y": true,
}

// bibKey is author + year + first significant title word: "soberon2005coca".
func bibKey(rec search.Record) string {
	var who string
	if ns := names(rec); len(ns) > 0 {
		who = asciiFold(keyWord(ns[0].Family))
	} else if f := strings.Fields(rec.Publisher); len(f) > 0 {
		who = asciiFold(f[0])
	}
	if who == "" {
		who = "anon"
	}
	year, _, _ := dateParts(rec)
	key := who
	if year > 0 {
		key += strconv.Itoa(year)
	}
	for _, w := range strings.Fields(rec.Title) {
		if f := asciiFold(w); f != "" && !keyStopwords[f] {
			key += f
			break
		}
	}
	return key
}

// keyWord is the family name's first capitalised word: "Quispe Huamán" ->
// "Quispe", "van Beethoven" -> "Beethoven"; the last word if none is.
func keyWord(family string) string {
	f := strings.Fields(family)
	for _, w := range f {
		if r := []rune(w); unicode.IsUpper(r[0]) {
			return w
		}
	}
	return f[len(f)-1]
}

var bibMonths = []string{"", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// citeBibTeX formats rec as one BibTeX entry: @techreport for briefings and
// papers (institution, type = series, number), @misc for everything else.
func citeBibTeX(rec search.Record) string {
	report := rec.Kind == "briefing" || rec.Kind == "paper"
	typ := "misc"
	if report {
		typ = "techreport"
	}
	var fields [][2]string
	add := func(k, v string) {
		if strings.TrimSpace(v) != "" {
			fields = append(fields, [2]string{k, v})
		}
	}
	ns := names(rec)
	authors := make([]string, len(ns))
	for i, n := range ns {
		authors[i] = "{" + bibEscape(n.Family) + "}" // cited whole: braced so BibTeX keeps it
		if n.Given != "" {
			// BibTeX's "Family, Suffix, Given": everything before the
			// first comma is the family name, so "Quispe Huamán" stays whole.
			authors[i] = bibEscape(joinNonEmpty(", ", n.Family, n.Suffix, n.Given))
		}
	}
	add("author", strings.Join(authors, " and "))
	add("title", bibEscape(title(rec)))
	if report {
		add("institution", bibEscape(rec.Publisher))
		add("type", bibEscape(rec.Series))
		if rec.Number > 0 {
			add("number", strconv.Itoa(rec.Number))
		}
	} else {
		add("howpublished", bibEscape(rec.Publisher))
		add("note", bibEscape(seriesLabel(rec, " No. ")))
	}
	year, month, _ := dateParts(rec)
	if year > 0 {
		add("year", strconv.Itoa(year))
	}
	if month > 0 {
		add("month", bibMonths[month])
	}
	add("language", bibEscape(rec.Language))
	add("url", bibURL(rec.URL))

	var b strings.Builder
	fmt.Fprintf(&b, "@%s{%s,\n", typ, bibKey(rec))
	for i, f := range fields {
		v := "{" + f[1] + "}"
		if f[0] == "month" {
			v = f[1] // a BibTeX macro, unbraced, so styles can localise it
		}
		sep := ","
		if i == len(fields)-1 {
			sep = ""
		}
		fmt.Fprintf(&b, "  %s = %s%s\n", f[0], v, sep)
	}
	b.WriteString("}\n")
	return b.String()
}

// risType maps a kind to a RIS reference type.
func risType(kind string) string {
	switch kind {
	case "briefing", "paper":
		return "RPRT"
	case "page", "reference":
		return "ELEC"
	}
	return "GEN"
}

// citeRIS formats rec as one RIS record. Lines end in CRLF as the RIS
// specification requires; T3 holds the series and IS its number.
func citeRIS(rec search.Record) string {
	var b strings.Builder
	tag := func(t, v string) {
		v = strings.Join(strings.Fields(v), " ")
		if v != "" {
			b.WriteString(t + "  - " + v + "\r\n")
		}
	}
	tag("TY", risType(rec.Kind))
	for _, n := range names(rec) {
		tag("AU", joinNonEmpty(", ", n.Family, n.Given, n.Suffix))
	}
	tag("TI", title(rec))
	tag("T3", rec.Series)
	if rec.Number > 0 {
		tag("IS", strconv.Itoa(rec.Number))
	}
	year, month, day := dateParts(rec)
	if year > 0 {
		tag("PY", strconv.Itoa(year))
		da := fmt.Sprintf("%04d/", year)
		if month > 0 {
			da += fmt.Sprintf("%02d/", month)
			if day > 0 {
				da += fmt.Sprintf("%02d/", day)
			} else {
				da += "/"
			}
		} else {
			da += "//"
		}
		tag("DA", da)
	}
	tag("PB", rec.Publisher)
	tag("LA", rec.Language)
	for _, c := range rec.Countries {
		tag("KW", c)
	}
	tag("AB", rec.Abstract)
	tag("UR", rec.URL)
	tag("L1", rec.PDFURL)
	b.WriteString("ER  - \r\n")
	return b.String()
}

// cslItem is one CSL-JSON item (the format citeproc, Zotero and Pandoc read).
type cslItem struct {
	ID             string    `json:"id"`
	Type           string    `json:"type"`
	Title          string    `json:"title"`
	Author         []cslName `json:"author,omitempty"`
	Issued         *cslDate  `json:"issued,omitempty"`
	CollectionName string    `json:"collection-title,omitempty"`
	Number         string    `json:"number,omitempty"`
	Publisher      string    `json:"publisher,omitempty"`
	Language       string    `json:"language,omitempty"`
	Abstract       string    `json:"abstract,omitempty"`
	URL            string    `json:"URL,omitempty"`
	Keyword        string    `json:"keyword,omitempty"`
}

type cslName struct {
	Family  string `json:"family,omitempty"`
	Given   string `json:"given,omitempty"`
	Suffix  string `json:"suffix,omitempty"`
	Literal string `json:"literal,omitempty"`
}

type cslDate struct {
	DateParts [][]int `json:"date-parts"`
}

func cslType(kind string) string {
	switch kind {
	case "briefing", "paper":
		return "report"
	case "opinion":
		return "article"
	case "page", "reference":
		return "webpage"
	}
	return "document"
}

// citeCSL formats rec as a CSL-JSON array with one item, indented.
func citeCSL(rec search.Record) string {
	var buf bytes.Buffer
	_ = encodeCSL(&buf, []cslItem{cslOf(rec)}) // cannot fail: plain strings and ints
	return buf.String()
}

// writeCSL writes recs as one CSL-JSON array.
func writeCSL(buf *bytes.Buffer, recs []search.Record) error {
	items := make([]cslItem, len(recs))
	for i, r := range recs {
		items[i] = cslOf(r)
	}
	return encodeCSL(buf, items)
}

func encodeCSL(buf *bytes.Buffer, items []cslItem) error {
	enc := json.NewEncoder(buf)
	// The text is shown escaped by html/template; \u003c escapes would only
	// make the copied JSON harder to read.
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(items)
}

func cslOf(rec search.Record) cslItem {
	it := cslItem{
		ID:             bibKey(rec),
		Type:           cslType(rec.Kind),
		Title:          title(rec),
		CollectionName: rec.Series,
		Publisher:      rec.Publisher,
		Language:       rec.Language,
		Abstract:       rec.Abstract,
		URL:            rec.URL,
		Keyword:        strings.Join(rec.Countries, ", "),
	}
	for _, n := range names(rec) {
		if n.Given == "" {
			it.Author = append(it.Author, cslName{Literal: n.Family})
		} else {
			it.Author = append(it.Author, cslName{Family: n.Family, Given: n.Given, Suffix: n.Suffix})
		}
	}
	if rec.Number > 0 {
		it.Number = strconv.Itoa(rec.Number)
	}
	if y, m, d := dateParts(rec); y > 0 {
		parts := []int{y}
		if m > 0 {
			parts = append(parts, m)
			if d > 0 {
				parts = append(parts, d)
			}
		}
		it.Issued = &cslDate{DateParts: [][]int{parts}}
	}
	return it
}

// In-text citations for "cite this passage".

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
