package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/briefs/briefs/search"
)

// Citations for reference managers: BibTeX, RIS and CSL JSON, built from
// the same record as the styled citations in citation.go.

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
