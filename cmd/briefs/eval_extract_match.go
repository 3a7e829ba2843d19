package main

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// How `briefs eval-extract` compares an extracted field with the truth:
// titles and names normalised, dates and years read from either side.

// normTitle collapses whitespace, drops invisible format characters (soft
// hyphens, zero-width spaces) and folds case, after NFC so that an accent
// typed as one code point or two compares equal.
func normTitle(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, norm.NFC.String(s))
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// relaxTitle also drops punctuation, symbols and spaces, so "Iran: the
// deal" matches "Iran - The Deal" and curly quotes match straight ones.
func relaxTitle(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, normTitle(s))
}

// normName is an author name for comparison: NFC, lower-case, whitespace
// collapsed, accents kept, "Surname, Given" turned into "Given Surname".
func normName(s string) string {
	s = normTitle(s)
	if surname, given, ok := strings.Cut(s, ","); ok && !strings.Contains(given, ",") {
		surname, given = strings.TrimSpace(surname), strings.TrimSpace(given)
		if surname != "" && given != "" {
			s = given + " " + surname
		}
	}
	return s
}

// sameAuthors compares two author lists as sets of normalised names.
func sameAuthors(want, got []string) bool {
	set := func(names []string) []string {
		m := make(map[string]bool)
		for _, n := range names {
			if n = normName(n); n != "" {
				m[n] = true
			}
		}
		out := make([]string, 0, len(m))
		for n := range m {
			out = append(out, n)
		}
		sort.Strings(out)
		return out
	}
	w, g := set(want), set(got)
	if len(w) != len(g) {
		return false
	}
	for i := range w {
		if w[i] != g[i] {
			return false
		}
	}
	return true
}

var dayPattern = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})`)

// dayOf returns the YYYY-MM-DD a date or timestamp starts with.
func dayOf(s string) (string, bool) {
	m := dayPattern.FindString(strings.TrimSpace(s))
	return m, m != ""
}

var yearPattern = regexp.MustCompile(`^(\d{4})(?:$|-)`)

// yearOf returns the year a date (YYYY, YYYY-MM, YYYY-MM-DD...) starts with.
func yearOf(s string) (int, bool) {
	m := yearPattern.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, false
	}
	y, _ := strconv.Atoi(m[1])
	return y, true
}

func yearString(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// quoteList prints names as ["A", "B"].
func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return "[" + strings.Join(q, ", ") + "]"
}
