package indexer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Titles: a metadata title cleaned of site names, sections and separators.

var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " / "}

// cleanTitle drops a site name from the ends of a title: "Title |
// Institute", "Title - IDPR", "Institute: Title". A part is dropped only
// if it matches one of sites (site name, publisher) or, at the end, is a
// short acronym; "Coca: a human issue" keeps its colon.
func cleanTitle(title string, sites ...string) string {
	t := collapse(title)
	for changed := true; changed; {
		changed = false
		for _, sep := range append(titleSeparators, "|") {
			i := strings.LastIndex(t, sep)
			if i <= 0 {
				continue
			}
			tail := strings.TrimSpace(t[i+len(sep):])
			if matchesSite(tail, sites) || (sep == " | " || sep == " - " || sep == " – ") && isAcronym(tail) {
				t, changed = strings.TrimSpace(t[:i]), true
				break
			}
		}
		for _, sep := range append([]string{": ", "|"}, titleSeparators...) {
			i := strings.Index(t, sep)
			if i <= 0 {
				continue
			}
			if head := strings.TrimSpace(t[:i]); matchesSite(head, sites) && len(t) > i+len(sep) {
				t, changed = strings.TrimSpace(t[i+len(sep):]), true
				break
			}
		}
	}
	return t
}

// matchesSite reports whether seg names the site: equal to a site name
// (ignoring case and a leading "The"), to its acronym, or to a site name's
// form "Name (ACR)".
func matchesSite(seg string, sites []string) bool {
	n := normSite(seg)
	if n == "" {
		return false
	}
	for _, s := range sites {
		s = normSite(s)
		if s == "" {
			continue
		}
		if n == s || n == strings.ToLower(acronymOf(s)) && len(n) >= 2 {
			return true
		}
		if strings.HasPrefix(s, n+" (") || strings.HasPrefix(n, s+" (") {
			return true
		}
		if k := strings.Index(s, " ("); k > 0 && (n == s[:k] || n == strings.Trim(s[k+1:], "() ")) {
			return true
		}
	}
	return false
}

func normSite(s string) string {
	s = strings.ToLower(collapse(s))
	s = strings.TrimPrefix(s, "the ")
	return strings.TrimSpace(s)
}

// acronymOf returns the initials of the significant words of s:
// "international drug policy research" gives "idpr".
func acronymOf(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		if connectors[strings.ToLower(w)] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLetter(r) {
			b.WriteRune(r)
		}
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}
