package indexer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The meta*.go files hold the small pure functions that read metadata out
// of strings: dates (meta_dates.go), bylines and author names
// (meta_authors.go), series lines (meta_series.go), titles (meta_titles.go)
// and the text helpers below. They know nothing about HTML; html.go and
// text.go decide which strings to feed them.

// cutAtWord shortens s to at most max bytes, at a word boundary, adding an
// ellipsis when it cut.
func cutAtWord(s string, max int) string {
	if len(s) <= max {
		return s
	}
	cut := s[:max]
	for !utf8.ValidString(cut) {
		cut = cut[:len(cut)-1]
	}
	if i := strings.LastIndexByte(cut, ' '); i > max/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:-") + "…"
}

// sameText compares two strings ignoring case, white space and punctuation.
func sameText(a, b string) bool {
	return foldText(a) == foldText(b) && foldText(a) != ""
}

func foldText(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
