package indexer

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Plain text (.txt) and Markdown (.md) documents. Both may start with a
// header block of "Key: value" lines ended by a blank line (Markdown may
// use YAML front matter instead); without one the title is the first "#"
// heading or a first paragraph that reads as a title (see textTitle), and
// bylines, datelines and series lines are read from the lines after it.
// A document with no title of its own is titled from its file name by
// extractBytes. Paragraphs are found by textParagraphs.

// textHeaderKeys maps the header keys we read (lower case) to the field.
var textHeaderKeys = map[string]string{
	"title": "title", "título": "title", "titulo": "title",
	"author": "authors", "authors": "authors", "autor": "authors", "autores": "authors", "by": "authors",
	"date": "date", "fecha": "date", "published": "date",
	"year": "year", "año": "year",
	"series": "series", "serie": "series",
	"number": "number", "no": "number", "número": "number", "numero": "number",
	"country": "countries", "countries": "countries", "país": "countries", "países": "countries", "pais": "countries",
	"language": "language", "lang": "language", "idioma": "language",
	"publisher": "publisher", "editorial": "publisher",
	"abstract": "abstract", "summary": "abstract", "resumen": "abstract",
	"url": "url", "link": "url", "pdf": "pdf_url", "pdf_url": "pdf_url",
	"keywords": "keywords", "tags": "keywords",
}

var reHeaderLine = regexp.MustCompile(`^\s*([\p{L}_ ]{1,20}?)\s*:\s*(.*)$`)

// textHeader holds the header block's values by field.
type textHeader map[string]string

// extractText reads a plain-text or Markdown document.
func extractText(src string, markdown bool) Record {
	src = cleanText(src)
	lines := strings.Split(src, "\n")
	hdr, lines := readTextHeader(lines, markdown)

	var rec Record
	titleFirst, titleLast := -1, -1
	rec.Title = collapse(hdr["title"])
	if rec.Title == "" && markdown {
		rec.Title, titleFirst = markdownTitle(lines)
		titleLast = titleFirst
	}
	paras := textParagraphs(lines, titleFirst, markdown)
	if rec.Title == "" {
		if i := textTitle(paras); i >= 0 {
			rec.Title, titleFirst, titleLast = paras[i].text, paras[i].first, paras[i].last
			paras = append(paras[:i:i], paras[i+1:]...)
		}
	}

	// Header values first.
	for _, a := range splitHeaderList(hdr["authors"]) {
		rec.Authors = append(rec.Authors, splitAuthors(a)...)
	}
	rec.Date = parseDate(hdr["date"])
	if y, err := strconv.Atoi(strings.TrimSpace(hdr["year"])); err == nil && rec.Date == "" {
		rec.Date = formatDate(y, 0, 0)
	}
	if s := hdr["series"]; s != "" {
		rec.Series, rec.Number = cleanSeries(s)
	}
	if n := parseNumber(hdr["number"]); n > 0 {
		rec.Number = n
	}
	explicit := splitCountries(hdr["countries"])
	rec.Language = NormalizeLanguage(hdr["language"])
	rec.Publisher = collapse(hdr["publisher"])
	rec.URL = strings.TrimSpace(hdr["url"])
	rec.PDFURL = strings.TrimSpace(hdr["pdf_url"])
	rec.Keywords = splitKeywords(hdr["keywords"])

	// Then what the first lines say.
	alone := map[int]bool{} // lines that are a paragraph of their own
	for _, p := range paras {
		if p.first == p.last {
			alone[p.first] = true
		}
	}
	v := shownMeta{metaLines: map[string]bool{}}
	long := 0
	for i, n := 0, 0; i < len(lines) && n < 12; i++ {
		if i >= titleFirst && i <= titleLast {
			continue
		}
		line := collapse(stripMarkdown(lines[i], markdown))
		if line == "" {
			continue
		}
		n++
		if len(line) >= 150 {
			if long++; long > 2 {
				break
			}
			continue
		}
		date := v.Date
		readMetaLine(&v, line, false)
		readReportNumber(&v, line)
		if v.Date != date && !(alone[i] && isDateline(line)) {
			v.Date = date // a date quoted in a sentence is not the document's
		}
	}
	if len(rec.Authors) == 0 {
		rec.Authors = v.Authors
	}
	rec.Authors = normaliseAuthors(rec.Authors)
	rec.Date = firstNonEmpty(rec.Date, v.Date)
	rec.Year = yearOf(rec.Date)
	if rec.Series == "" {
		rec.Series = v.Series
	}
	if rec.Number == 0 && (hdr["series"] == "" || v.Series == rec.Series) {
		rec.Number = v.Number
	}
	explicit = mergeCountries(explicit, v.countries)

	// Paragraphs, without the title repeated at the top.
	for i, p := range paras {
		if i < 3 && sameText(p.text, rec.Title) {
			continue
		}
		rec.Paragraphs = append(rec.Paragraphs, p.text)
	}
	rec.Abstract = firstNonEmpty(collapse(hdr["abstract"]), firstParagraph(rec.Paragraphs, v.metaLines))
	if rec.Language == "" {
		rec.Language = DetectLanguage(rec.Title + "\n" + rec.Abstract + "\n" + rec.Text())
	}
	rec.Countries = mergeCountries(explicit, Countries(rec.Title, rec.Abstract, rec.Paragraphs))
	rec.Kind = kindFor(rec.Series, v.opinion || isOpinionPrefix(rec.Title))
	return rec
}

// readTextHeader reads a "Key: value" header block (or, in Markdown, YAML
// front matter) and returns it with the remaining lines.
func readTextHeader(lines []string, markdown bool) (textHeader, []string) {
	hdr := textHeader{}
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if markdown && i < len(lines) && strings.TrimSpace(lines[i]) == "---" {
		for j := i + 1; j < len(lines); j++ {
			if t := strings.TrimSpace(lines[j]); t == "---" || t == "..." {
				readFrontMatter(hdr, strings.Join(lines[i+1:j], "\n"))
				return hdr, lines[j+1:]
			}
		}
		return hdr, lines
	}
	if i >= len(lines) {
		return hdr, lines
	}
	m := reHeaderLine.FindStringSubmatch(lines[i])
	if m == nil || textHeaderKeys[strings.ToLower(strings.TrimSpace(m[1]))] == "" {
		return hdr, lines
	}
	last := ""
	for ; i < len(lines); i++ {
		line := lines[i]
		if strings.TrimSpace(line) == "" {
			break
		}
		if m := reHeaderLine.FindStringSubmatch(line); m != nil {
			if f := textHeaderKeys[strings.ToLower(strings.TrimSpace(m[1]))]; f != "" {
				last = f
				if hdr[f] != "" && f == "authors" {
					hdr[f] += "; " + m[2]
				} else {
					hdr[f] = m[2]
				}
				continue
			}
		}
		if last != "" {
			hdr[last] += " " + strings.TrimSpace(line) // a continuation line
		}
	}
	return hdr, lines[i:]
}

// readFrontMatter reads YAML front matter into hdr; broken YAML is ignored
// (the lines are dropped either way: they are not text).
func readFrontMatter(hdr textHeader, src string) {
	var m map[string]any
	if err := yaml.Unmarshal([]byte(src), &m); err != nil {
		return
	}
	for k, v := range m {
		f := textHeaderKeys[strings.ToLower(strings.TrimSpace(k))]
		if f == "" {
			continue
		}
		switch t := v.(type) {
		case []any:
			var parts []string
			for _, e := range t {
				parts = append(parts, yamlScalar(e))
			}
			hdr[f] = strings.Join(parts, "; ")
		default:
			hdr[f] = yamlScalar(t)
		}
	}
}

func yamlScalar(v any) string {
	switch t := v.(type) {
	case nil:
		return ""
	case string:
		return t
	case int:
		return strconv.Itoa(t)
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(t)
	case time.Time: // an unquoted date
		return t.Format("2006-01-02")
	}
	return ""
}

// splitHeaderList splits a header value listing several things on ";" or,
// if there is none, keeps it whole for splitAuthors to read.
func splitHeaderList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

var (
	reMDHeading = regexp.MustCompile(`^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$`)
	reMDSetext  = regexp.MustCompile(`^\s{0,3}(=+|-+)\s*$`)
	reBullet    = regexp.MustCompile(`^\s*(?:[-*+•·▪◦]|\d{1,3}[.)])\s+`)
	reMDImage   = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	reMDLink    = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	reMDRefLink = regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`)
	reMDAuto    = regexp.MustCompile(`<(https?://[^>\s]+)>`)
	reMDRefDef  = regexp.MustCompile(`^\s{0,3}\[[^\]]+\]:\s*\S+`)
	reMDRule    = regexp.MustCompile(`^\s{0,3}([-*_]\s*){3,}$`)
	reMDStrong  = regexp.MustCompile(`(\*\*|__)(\S(?:.*?\S)?)(\*\*|__)`)
	reMDEm      = regexp.MustCompile(`(^|[^\p{L}\p{N}*_])[*_](\S(?:[^*_]*?\S)?)[*_]($|[^\p{L}\p{N}*_])`)
	reMDTag     = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)
)

// textPara is one paragraph of a text document and the lines it spans.
type textPara struct {
	text        string
	first, last int // line indexes, inclusive
}

// markdownTitle returns the first "#" heading of a Markdown document (or
// a setext heading underlined with "=") and the index of its line.
func markdownTitle(lines []string) (string, int) {
	for i, l := range lines {
		if m := reMDHeading.FindStringSubmatch(l); m != nil {
			return collapse(stripMarkdown(m[1], true)), i
		}
		if i+1 < len(lines) && strings.TrimSpace(l) != "" && reMDSetext.MatchString(lines[i+1]) && strings.HasPrefix(strings.TrimSpace(lines[i+1]), "=") {
			return collapse(stripMarkdown(l, true)), i
		}
	}
	return "", -1
}

// maxTextTitle caps a title taken from a text's first lines, in characters
// and words: a longer first paragraph is text, not a title.
const (
	maxTextTitle      = 150
	maxTextTitleWords = 20
)

// textTitle picks the title among the first paragraphs: the first one
// that is not a byline or dateline, if it reads as a title (see
// isTextTitle). It returns the paragraph's index, or -1: then the
// document has no title of its own and the body keeps every paragraph.
func textTitle(paras []textPara) int {
	for i, p := range paras {
		if i >= 3 {
			break
		}
		if _, ok := parseByline(p.text); ok || isDateline(p.text) {
			continue
		}
		if isTextTitle(p.text) {
			return i
		}
		break
	}
	return -1
}

// isTextTitle reports whether a paragraph reads as a title: one or two
// lines' worth (at most 150 characters and 20 words, two words at least),
// shaped like a heading (not starting in lower case, not ending on a
// comma, a hyphen or a word that wants a continuation, not a sentence
// ending in a full stop) and more than a date or a number.
func isTextTitle(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > maxTextTitleWords || utf8.RuneCountInString(s) > maxTextTitle || !headingShaped(s, words) {
		return false
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 4 && !isDateline(s)
}

// isDateline reports whether a line stands as a date: the date and at most
// a few words around it ("London, 3 May 2004", "Published: 2004-05-03",
// "By Ana Lima | May 2004"), not a date quoted in a sentence.
func isDateline(line string) bool {
	d, start, end := findDate(line)
	if d == "" {
		return false
	}
	rest := strings.Fields(line[:start] + " " + line[end:])
	if len(rest) > 5 || start > 0 && !startsParagraph(line) {
		return false
	}
	lower := 0 // words of a sentence around the date, not a label or a place
	for _, w := range rest {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			lower++
		}
	}
	return lower <= 1 && (len(rest) == 0 || !continuationWords[strings.ToLower(rest[len(rest)-1])])
}

// textParagraphs splits lines into paragraphs: at blank lines, and within
// blocks of lines where the layout says a paragraph ends (see
// textLayout); a bullet item or a heading starts a paragraph of its own.
// Lines from skip on, up to the first blank line, are left out (a
// Markdown title); in hard-wrapped text, lines holding only a page number
// are dropped and a paragraph broken by a page break is joined again.
func textParagraphs(lines []string, skip int, markdown bool) []textPara {
	lay := measureLayout(lines)
	var paras []textPara
	var buf []string
	first, last, prev := -1, -1, ""
	flush := func() {
		if t := joinWrapped(buf); t != "" {
			paras = append(paras, textPara{text: t, first: first, last: last})
		}
		buf = buf[:0]
	}
	add := func(i int, l string) {
		if len(buf) == 0 {
			first = i
		}
		buf = append(buf, l)
		prev, last = l, i
	}
	inFence, blank := false, false
	for i, l := range lines {
		if i == skip {
			flush()
			continue
		}
		trim := strings.TrimSpace(l)
		if markdown {
			if strings.HasPrefix(trim, "```") || strings.HasPrefix(trim, "~~~") {
				flush()
				inFence = !inFence
				continue
			}
			if !inFence && (reMDRule.MatchString(l) || reMDRefDef.MatchString(l)) {
				flush()
				continue
			}
		}
		if (markdown && !inFence || !markdown && len(buf) == 1) && reMDSetext.MatchString(l) && (len(buf) > 0 || i == skip+1) {
			flush() // the line before was an underlined heading
			continue
		}
		if trim == "" {
			blank = len(buf) > 0
			continue
		}
		if lay.wrapped && isPageNumber(trim) {
			continue
		}
		if blank {
			blank = false
			if !lay.joinsAcrossBlank(prev, trim) {
				flush()
			}
		}
		if reBullet.MatchString(l) || markdown && reMDHeading.MatchString(l) {
			flush()
			add(i, stripMarkdown(l, markdown))
			if markdown && reMDHeading.MatchString(l) {
				flush()
			}
			continue
		}
		if len(buf) > 0 && !inFence && lay.breaksAfter(prev, trim) {
			flush()
		}
		if markdown && !inFence {
			l = stripMarkdown(l, true)
		}
		add(i, strings.TrimSpace(reBullet.ReplaceAllString(l, "")))
	}
	flush()
	return paras
}

// stripMarkdown removes Markdown markup from one line: heading and quote
// markers, list bullets, emphasis, code ticks, links (keeping their text)
// and images. Plain text lines only lose a leading bullet.
func stripMarkdown(l string, markdown bool) string {
	l = reBullet.ReplaceAllString(l, "")
	if !markdown {
		return l
	}
	if m := reMDHeading.FindStringSubmatch(l); m != nil {
		l = m[1]
	}
	l = strings.TrimLeft(l, " >")
	l = reMDImage.ReplaceAllString(l, "$1")
	l = reMDLink.ReplaceAllString(l, "$1")
	l = reMDRefLink.ReplaceAllString(l, "$1")
	l = reMDAuto.ReplaceAllString(l, "$1")
	l = reMDTag.ReplaceAllString(l, "")
	l = reMDStrong.ReplaceAllString(l, "$2")
	for i := 0; i < 3 && reMDEm.MatchString(l); i++ {
		l = reMDEm.ReplaceAllString(l, "$1$2$3")
	}
	l = strings.ReplaceAll(l, "`", "")
	return l
}
