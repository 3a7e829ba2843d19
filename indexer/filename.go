package indexer

import (
	"path"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// What a file's name says, used only when the document says nothing:
// plain-text speeches and notes often carry no title or date line, while
// their names ("TUR_79_2024.txt", "2019-03-14 note.txt") were chosen to
// say what and when they are.

// titleFromName makes a title from a file name: the stem with "_" and "-"
// as spaces, the first letter in capitals ("TUR_79_2024.txt" gives
// "TUR 79 2024", "dpb-11-broken-promises.txt" "Dpb 11 broken promises").
func titleFromName(p string) string {
	base := path.Base(p)
	if strings.HasSuffix(strings.ToLower(base), ".gz") {
		base = base[:len(base)-3]
	}
	base = strings.TrimSuffix(base, path.Ext(base))
	t := collapse(strings.NewReplacer("_", " ", "-", " ").Replace(base))
	r, n := utf8.DecodeRuneInString(t)
	return string(unicode.ToUpper(r)) + t[n:]
}

var (
	reNameDate   = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?:[^0-9]|$)`)
	reNameDigits = regexp.MustCompile(`\d+`)
)

// dateFromPath reads a date from a file's name or, failing that, from the
// names of its folders, nearest first: a full date ("2019-03-14",
// "20190314") or a year standing alone between non-digits ("XXX_55_2000",
// "2019 annual report"). A name holding two different years says nothing.
func dateFromPath(p string) string {
	if strings.HasSuffix(strings.ToLower(p), ".gz") {
		p = p[:len(p)-3]
	}
	parts := strings.Split(strings.TrimSuffix(p, path.Ext(p)), "/")
	for i := len(parts) - 1; i >= 0; i-- {
		if d := dateFromName(parts[i]); d != "" {
			return d
		}
	}
	return ""
}

func dateFromName(name string) string {
	if m := reNameDate.FindStringSubmatch(name); m != nil {
		if d := formatDate(atoi(m[1]), atoi(m[2]), atoi(m[3])); d != "" {
			return d
		}
	}
	year := 0
	for _, m := range reNameDigits.FindAllString(name, -1) {
		y := atoi(m)
		if len(m) != 4 || !validYear(y) {
			continue
		}
		if year != 0 && y != year {
			return ""
		}
		year = y
	}
	return formatDate(year, 0, 0)
}

// fromName fills what a text or PDF document leaves empty from its path:
// a title from the file name, a date from the file or folder names; a
// country code in the file name puts that country first, unless the
// countries were given (a sidecar).
func fromName(rec *Record, p string, guessCountries bool) {
	if c := countryFromName(p); c != "" && guessCountries {
		rec.Countries = withFirst(c, rec.Countries)
	}
	if strings.TrimSpace(rec.Title) == "" {
		rec.Title = titleFromName(p)
	}
	if rec.Date == "" && rec.Year == 0 {
		rec.Date = dateFromPath(p)
		rec.Year = yearOf(rec.Date)
	}
}

// countryFromName reads a country code from a file name: a token of the
// stem that is an ISO 3166-1 alpha-3 code in capitals ("BRN_55_2000.txt",
// "report PER 2019.pdf"), as collections of country documents name their
// files. A stem that is only the code, or that holds two different codes,
// says nothing.
func countryFromName(p string) string {
	base := path.Base(p)
	if strings.HasSuffix(strings.ToLower(base), ".gz") {
		base = base[:len(base)-3]
	}
	base = strings.TrimSuffix(base, path.Ext(base))
	tokens := strings.FieldsFunc(base, func(r rune) bool { return r == '_' || r == '-' || r == ' ' || r == '.' })
	if len(tokens) < 2 {
		return ""
	}
	found := ""
	for _, t := range tokens {
		if len(t) != 3 || strings.ToUpper(t) != t || !isASCIIUpper(t) {
			continue
		}
		c, ok := CountryName(t)
		if !ok {
			continue
		}
		if found != "" && found != c {
			return ""
		}
		found = c
	}
	return found
}

func isASCIIUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// withFirst returns countries with c first, once, at most maxCountries.
func withFirst(c string, countries []string) []string {
	out := []string{c}
	for _, x := range countries {
		if x != c && len(out) < maxCountries {
			out = append(out, x)
		}
	}
	return out
}
