package main

import (
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefs/briefs/indexer"
)

// Country and plain-text checks of `eval extract`. A truth line may name a
// document's subject country ("country_code": ISO 3166-1 alpha-3, and
// "countries": its English name(s), the first the main one); text
// collections carry no title, so their titles are checked for shape
// instead, and their bodies for being split into paragraphs at all.

const (
	fieldCountryFirst = "country (first)"
	fieldCountryAmong = "country (among)"
	fieldTitleLength  = "title ≤ 200 chars"
	fieldTitleWhole   = "title not a fragment"
)

// maxTitleChars is the longest title a text document should get.
const maxTitleChars = 200

// textStats are the figures on plain-text pages (.txt, .md).
type textStats struct {
	Pages            int     `json:"pages"`
	MedianParagraphs float64 `json:"median_paragraphs"`
	paragraphs       []int   // per page, to take the median
}

// isTextPage reports whether a collection file is plain text or Markdown.
func isTextPage(file string) bool {
	f := strings.ToLower(strings.TrimSuffix(file, ".gz"))
	return strings.HasSuffix(f, ".txt") || strings.HasSuffix(f, ".md")
}

// judgeCountries scores the record's countries against the truth's first
// country: the record's first country, and any of its countries.
func (ev *extractEval) judgeCountries(tp truthPage, rec indexer.Record, count func(string, bool) bool, miss func(string, string, string)) {
	if tp.Countries == nil || len(*tp.Countries) == 0 {
		return
	}
	want := canonicalCountry((*tp.Countries)[0])
	var got []string
	for _, c := range rec.Countries {
		got = append(got, canonicalCountry(c))
	}
	first := len(got) > 0 && got[0] == want
	among := first
	for _, c := range got {
		among = among || c == want
	}
	if !count(fieldCountryFirst, first) {
		miss(fieldCountryFirst, strconv.Quote(want), quoteList(got))
	}
	if !count(fieldCountryAmong, among) {
		miss(fieldCountryAmong, strconv.Quote(want), quoteList(got))
	}
}

// canonicalCountry maps a name to the gazetteer's, so that "Cape Verde"
// and "Cabo Verde" compare equal; unknown names are kept as they are.
func canonicalCountry(s string) string {
	if c, ok := indexer.CountryName(s); ok {
		return c
	}
	return strings.TrimSpace(s)
}

// judgeText checks a text page's title shape and counts its paragraphs.
func (ev *extractEval) judgeText(tp truthPage, rec indexer.Record, count func(string, bool) bool, miss func(string, string, string)) {
	if !isTextPage(tp.File) {
		return
	}
	if ev.Text == nil {
		ev.Text = &textStats{}
	}
	ev.Text.Pages++
	ev.Text.paragraphs = append(ev.Text.paragraphs, len(rec.Paragraphs))
	if tp.Title != nil {
		return // judged against the truth instead
	}
	if n := utf8.RuneCountInString(rec.Title); !count(fieldTitleLength, n <= maxTitleChars) {
		miss(fieldTitleLength, "≤ "+strconv.Itoa(maxTitleChars), strconv.Itoa(n)+" chars")
	}
	whole := rec.Title != "" && (isFileTitle(rec.Title, tp.File) || !isFragment(rec.Title, rec.Paragraphs))
	if !count(fieldTitleWhole, whole) {
		miss(fieldTitleWhole, "a heading or name", strconv.Quote(cutRunes(rec.Title, 80)))
	}
}

// finish computes the median paragraph count.
func (s *textStats) finish() {
	if s == nil || len(s.paragraphs) == 0 {
		return
	}
	p := append([]int(nil), s.paragraphs...)
	sort.Ints(p)
	n := len(p)
	if n%2 == 1 {
		s.MedianParagraphs = float64(p[n/2])
	} else {
		s.MedianParagraphs = float64(p[n/2-1]+p[n/2]) / 2
	}
}

// fragmentEnds are words a heading does not end with: a title ending in
// one was cut from a sentence ("It is my", "At the outset, on").
var fragmentEnds = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the of to in on at by for with from and or but nor as
		that which who whom whose this these those is are was were be been has have had
		my our your his her its their i we you he she it they me us them not very also
		than then so if into onto upon about over under between among de la le les des du et el los las y en del al`) {
		fragmentEnds[w] = true
	}
}

// isFragment reports whether a title is a piece of a sentence rather than
// a heading: it starts in lower case, ends on a comma, hyphen or function
// word, or is the start of a longer paragraph of the body, or the body
// starts in lower case where the title was cut from it.
func isFragment(title string, paras []string) bool {
	t := strings.TrimSpace(title)
	r, _ := utf8.DecodeRuneInString(t)
	if unicode.IsLower(r) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(",;-–(", last) {
		return true
	}
	words := strings.Fields(strings.ToLower(t))
	if len(words) > 1 && fragmentEnds[strings.Trim(words[len(words)-1], `"'“”‘’`)] {
		return true
	}
	if len(paras) > 0 {
		if r, _ := utf8.DecodeRuneInString(paras[0]); unicode.IsLower(r) {
			return true
		}
	}
	nt := normTitle(t)
	for i, p := range paras {
		if i >= 3 {
			break
		}
		if np := normTitle(p); len(np) > len(nt) && strings.HasPrefix(np, nt) {
			return true
		}
	}
	return false
}

// isFileTitle reports whether a title is made of the file name's words
// ("TUR 79 2024" for TUR_79_2024.txt): a name, not a piece of the text.
func isFileTitle(title, file string) bool {
	base := filepath.Base(strings.TrimSuffix(file, ".gz"))
	return relaxTitle(title) == relaxTitle(strings.TrimSuffix(base, filepath.Ext(base)))
}

func cutRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// optionalField are fields reported only when some page is judged on them.
var optionalField = map[string]bool{fieldCountryFirst: true, fieldCountryAmong: true, fieldTitleLength: true, fieldTitleWhole: true}

// dropUnjudged leaves out the optional fields no page was judged on.
func dropUnjudged(fields []fieldScore) []fieldScore {
	out := fields[:0]
	for _, f := range fields {
		if f.Judged > 0 || !optionalField[f.Field] {
			out = append(out, f)
		}
	}
	return out
}
