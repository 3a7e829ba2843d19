package indexer

import (
	"strings"
	"unicode/utf8"
)

// Series and byline lines at the top of a document ("Drug Policy Briefing
// No. 11", "By Kyaw Zin Htun · June 1993", "Authors: A and B") are the
// metadata the record already holds, not its text: left in, they were
// paragraphs 1 and 2 of the document page, of snippets and of quotes.

// maxLeadLines is how many leading paragraphs may be metadata lines;
// further down, a short line naming the series is text.
const maxLeadLines = 3

// maxMetaLineWords bounds a metadata line: a sentence that merely names the
// series or an author is longer.
const maxMetaLineWords = 16

// dropLeadMetaLines removes the metadata lines that open rec's text, and
// their page numbers; it never removes the last paragraph.
func dropLeadMetaLines(rec *Record) {
	n := 0
	for n < maxLeadLines && n < len(rec.Paragraphs)-1 && isLeadMetaLine(rec.Paragraphs[n], rec) {
		n++
	}
	if n == 0 {
		return
	}
	rec.Paragraphs = rec.Paragraphs[n:]
	if len(rec.Pages) > n {
		rec.Pages = rec.Pages[n:]
	}
	if len(rec.Kinds) > n {
		rec.Kinds = rec.Kinds[n:]
	}
}

// isLeadMetaLine reports a short line, not ending a sentence, that is a byline
// or names the record's series or one of its authors.
func isLeadMetaLine(line string, rec *Record) bool {
	line = collapse(line)
	if line == "" || len(strings.Fields(line)) > maxMetaLineWords || utf8.RuneCountInString(line) > 160 {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(line); strings.ContainsRune(".!?:;", r) && !endsWithAbbrev(line) {
		return false
	}
	low := strings.ToLower(line)
	if _, ok := parseByline(line); ok {
		return true
	}
	if isSectionLabel(line) || strings.HasPrefix(low, "series ") || strings.HasPrefix(low, "serie ") {
		return true // "Opinion · Commentary", "Series on Legislative Reform…"
	}
	if s := strings.ToLower(rec.Series); len(s) >= 6 && strings.Contains(low, s) {
		return true
	}
	for _, a := range rec.Authors {
		if a = strings.ToLower(a); len(a) >= 4 && strings.Contains(low, a) {
			return true
		}
	}
	return false
}

// isSectionLabel reports a line made of section labels only: "Opinion",
// "Opinion · Commentary".
func isSectionLabel(line string) bool {
	for _, part := range strings.FieldsFunc(line, func(r rune) bool { return r == '·' || r == '|' || r == '/' }) {
		if !isOpinionLabel(part) {
			return false
		}
	}
	return true
}

// endsWithAbbrev: "No." and "Vol." end a series line, not a sentence.
func endsWithAbbrev(line string) bool {
	f := strings.Fields(line)
	switch strings.ToLower(f[len(f)-1]) {
	case "no.", "nr.", "vol.", "núm.", "n.":
		return true
	}
	return false
}
