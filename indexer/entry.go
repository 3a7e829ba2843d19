package indexer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Listing entries are written in several ways, on web pages and in text:
//
//	Title — Authors. Series N, Month Year.
//	Authors, Title, Series N, Month Year
//	Authors Title Series N, Date          (the title a link on the web page;
//	                                       in text only position tells)
//	Title, Year                           (a year only, or no series at all)
//
// This file reads the parts of such a line. On a web page the link gives
// the title and only the text around it is read (readEntryTail); in text
// the whole line is (readEntryLine).

// entryParts is what an entry's text says about its publication.
type entryParts struct {
	Authors   []string
	Title     string
	Series    string
	Number    int
	Publisher string // a venue that is not a numbered series: "TNI Website"
	Date      string
	// capped: the names were cut at maxNameWords, not ended by anything.
	capped bool
}

// reTrailingYear is a bare year closing an entry after a separator:
// "Series 4, 1998.", "Author (1998)". A year inside a title ("The Scenario
// for 1998") has no separator before it and is not a date.
var reTrailingYear = regexp.MustCompile(`(?:[,(]|\.\s)\s*((?:1[89]|20)\d{2})\)?[.;]?\s*$`)

// cutEntryDate removes the date closing s ("…, March 2005", "…, 22 June
// 2005.", "…, 1998") and returns what is left and the date.
func cutEntryDate(s string) (string, string) {
	s = strings.TrimSpace(s)
	if d, start, end := findDate(s); d != "" && strings.Trim(s[end:], " .,;)]") == "" {
		return trimEntrySep(s[:start]), d
	}
	if m := reTrailingYear.FindStringSubmatchIndex(s); m != nil {
		if y := atoi(s[m[2]:m[3]]); validYear(y) {
			return trimEntrySep(s[:m[0]]), formatDate(y, 0, 0)
		}
	}
	return s, ""
}

// trimEntrySep trims separators and spaces from both ends.
func trimEntrySep(s string) string {
	return strings.Trim(s, " ,;:|·•–—-(")
}

// readEntryTail reads what follows an entry's title on its line: "—
// Carlos Mejía Rivas. Central America Briefing 3, May 2010.", ", Debate
// Papers 7, 2003", "TNI Drug Policy Briefing 11, March 2005". It reports
// whether it found a date, a series or names.
func readEntryTail(s string) (entryParts, bool) {
	var p entryParts
	rest, date := cutEntryDate(s)
	p.Date = date
	rest = trimEntrySep(rest)
	// Names first, ended by a full stop: "Carlos Mejía Rivas. Central…".
	if i := strings.Index(rest, ". "); i > 0 {
		if names := entryNameList(rest[:i]); len(names) > 0 {
			p.Authors = names
			rest = trimEntrySep(rest[i+2:])
		}
	} else if names := entryNameList(strings.TrimRight(rest, ".")); len(names) > 0 {
		p.Authors, rest = names, ""
	}
	p.readVenue(strings.TrimRight(rest, ". "))
	return p, p.Date != "" || p.Series != "" || len(p.Authors) > 0
}

// readVenue reads a venue: a series with its number, a series named as
// such ("WOLA Briefing Series: Issues in …"), else a publisher.
func (p *entryParts) readVenue(v string) {
	v = trimEntrySep(v)
	if v == "" {
		return
	}
	if name, n, ok := parseSeries(v); ok {
		p.Series, p.Number = name, n
		// "Peru Solidarity Forum, Bulletin 21": who publishes the series.
		if i := strings.LastIndex(v, ", "); i > 0 {
			if _, _, ok := parseSeries(v[:i]); !ok && isPublisher(v[:i]) {
				p.Publisher = v[:i]
			}
		}
		return
	}
	words := strings.Fields(v)
	if len(words) > 1 && isAcronym(words[0]) {
		words = words[1:]
	}
	for _, w := range words {
		if strings.EqualFold(strings.Trim(w, ":,."), "series") {
			p.Series = strings.Join(words, " ")
			return
		}
	}
	if len(v) <= 80 && isPublisher(v) {
		p.Publisher = v
	}
}

// isPublisher reports whether a venue names who published: it starts
// with an acronym ("TNI Website", "TNI/Acción Andina") or holds an
// organisation word ("Peru Solidarity Forum"). A genre label such as
// "Commentary" is neither.
func isPublisher(v string) bool {
	return isAcronymLed(v) || looksLikeOrg(v)
}

// entryNameList reads s as a list of personal names ("Martin Jelsma and
// Tom Blickman", "Ricardo Soberón"), each of two words or more; nil when
// any part is not a name.
func entryNameList(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, "0123456789") {
		return nil
	}
	parts := splitAuthors(s)
	if len(parts) == 0 {
		return nil
	}
	for _, n := range parts {
		if !looksLikeName(n) || len(strings.Fields(n)) < 2 || len(strings.Fields(n)) > 5 {
			return nil
		}
	}
	return normaliseAuthors(parts)
}

// readEntryLine reads a whole entry line of a text listing, where no link
// marks the title. common holds the words the document also writes in
// lower case: such a word starts a title, not a name ("Hugo Cabieses Coca
// and Drugs": coca is a common word of the page, Cabieses is not).
func readEntryLine(line string, common, known map[string]bool) entryParts {
	line = dropCoverLabel(line)
	rest, date := cutEntryDate(line)
	var p entryParts
	p.Date = date
	rest = strings.TrimSpace(rest)

	// "Title — Authors. Series N"
	for _, dash := range []string{" — ", " – ", " -- "} {
		if i := strings.Index(rest, dash); i > 0 {
			t, _ := readEntryTail(rest[i+len(dash):])
			t.Title, t.Date = cleanEntryTitle(rest[:i]), firstNonEmpty(p.Date, t.Date)
			return t
		}
	}
	// "Authors, Title, Series N"
	if segs := strings.Split(rest, ", "); len(segs) >= 3 {
		if names := entryNameList(segs[0]); len(names) > 0 && !anyCommon(segs[0], common) {
			p.Authors = names
			last := segs[len(segs)-1]
			var v entryParts
			v.readVenue(last)
			if v.Series != "" || v.Publisher != "" && isAcronymLed(last) {
				p.Series, p.Number, p.Publisher = v.Series, v.Number, v.Publisher
				segs = segs[:len(segs)-1]
			}
			p.Title = cleanEntryTitle(strings.Join(segs[1:], ", "))
			return p
		}
	}
	// "Authors Title Venue N": position only.
	names, rest, capped := leadingNames(rest, common, known)
	p.Authors, p.capped = names, capped
	title, venue := splitVenue(rest)
	p.readVenue(venue)
	p.Title = cleanEntryTitle(chapterTitle(title))
	return p
}

// dropCoverLabel removes an image's "Cover" label and a title written
// twice where a cover image's text ran into the link's ("Cover Coca or
// Death?Coca or Death? Cocalero movements" -> "Coca or Death? Cocalero
// movements").
func dropCoverLabel(s string) string {
	s = strings.TrimSpace(s)
	rest := s
	if w, r, ok := strings.Cut(s, " "); ok && strings.EqualFold(w, "cover") {
		rest = r
	}
	for i := 1; i < len(rest)/2; i++ {
		if strings.ContainsRune(".?!", rune(rest[i-1])) && rest[i] != ' ' && strings.HasPrefix(rest[i:], rest[:i]) {
			return rest[i:]
		}
	}
	return s
}

// leadingNames takes the names leading a line: runs of two to four
// capitalised words (joined by "and", "y", "&" or ", ") that are not
// common words of the document, not acronyms and not labels.
//
// known holds names read elsewhere in the same list where something ended
// them: "Pedro Ruiz The Chapare …" vouches for "Pedro Ruiz" in "Pedro Ruiz
// Yungas Growers …". capped reports a name cut at maxNameWords with no
// such help.
func leadingNames(s string, common, known map[string]bool) ([]string, string, bool) {
	words := strings.Fields(s)
	var names []string
	end := 0 // words before end are names
	capped := false
	for i := 0; ; {
		j := i
		for j < len(words) && j-i < maxNameWords && isNameWord(words[j], common) && !(j-i >= 2 && isGerund(words[j])) {
			j++
			if strings.HasSuffix(words[j-1], ",") {
				break
			}
		}
		if j-i < 2 || j >= len(words) {
			break
		}
		if j-i >= maxNameWords && !endsName(words[j]) {
			// Cut by length or by a common word, not by a label or a
			// function word: a shorter name known from the list wins.
			capped = isNameWord(words[j], common)
			for k := j - 1; k-i >= 2; k-- {
				if known[strings.Join(words[i:k], " ")] {
					j, capped = k, false
					break
				}
			}
		}
		names = append(names, strings.TrimRight(strings.Join(words[i:j], " "), ","))
		end = j
		if conj := strings.ToLower(words[j]); (conj == "and" || conj == "y" || conj == "&") && j+1 < len(words) {
			i = j + 1
			continue
		}
		if strings.HasSuffix(words[j-1], ",") {
			i = j
			continue
		}
		break
	}
	if len(names) == 0 {
		return nil, s, false
	}
	rest := strings.Join(words[end:], " ")
	// "Opinion:" between the names and the title labels the piece.
	if w, r, ok := strings.Cut(rest, " "); ok && isOpinionLabel(strings.TrimRight(w, ":")) {
		rest = r
	}
	return normaliseAuthors(names), rest, capped
}

// maxNameWords is the most words a name is taken to have when only
// position separates it from a title: "Mónica Quispe Huamán Social
// Control of Coca" is read as three words of name. Longer names are
// read right where something else ends them (a label, a comma, "and").
const maxNameWords = 3

// isGerund reports whether w reads as an English -ing form ("Counting
// Hectares in Bolivia"): one starts a title far more often than it ends a
// name. Asked only from a name's third word on, where given names such as
// Xiaoming do not stand.
func isGerund(w string) bool {
	return len(w) >= 6 && strings.HasSuffix(w, "ing")
}

// endsName reports whether w surely ends a name before it: a label
// ("Opinion:"), a function word or an acronym.
func endsName(w string) bool {
	bare := strings.Trim(w, ",")
	return strings.HasSuffix(bare, ":") || isStopWordAny(strings.ToLower(bare)) || isAcronym(bare)
}

// isNameWord reports whether w can be part of a name in running text.
func isNameWord(w string, common map[string]bool) bool {
	bare := strings.Trim(w, ",")
	r, _ := utf8.DecodeRuneInString(bare)
	switch {
	case !unicode.IsUpper(r), strings.HasSuffix(bare, ":"), strings.ContainsAny(bare, "0123456789.?!\"“”"),
		isAcronym(bare), common[strings.ToLower(bare)], len(bare) < 2 && !strings.HasSuffix(w, "."):
		return false
	}
	return !isStopWordAny(strings.ToLower(bare))
}

// isStopWordAny reports whether w is a function word that starts titles
// ("The", "A", "El", "La") and never a name.
func isStopWordAny(w string) bool {
	switch w {
	case "the", "a", "an", "on", "in", "of", "and", "for", "from", "to", "el", "la", "los", "las", "un", "una", "le", "les", "der", "die", "das":
		return true
	}
	return false
}

// anyCommon reports whether a capitalised word of s is one the document
// also writes in lower case.
func anyCommon(s string, common map[string]bool) bool {
	for _, w := range strings.Fields(s) {
		if startsUpper(w) && common[strings.ToLower(strings.Trim(w, ",."))] {
			return true
		}
	}
	return false
}

func isAcronymLed(s string) bool {
	w, _, _ := strings.Cut(strings.TrimSpace(s), " ")
	a, _, _ := strings.Cut(w, "/")
	return isAcronym(a)
}

// splitVenue cuts "Title Venue N" where the venue starts: at the last
// comma when what follows reads as a series ("…, Bulletin 21") or starts
// with an acronym ("…, TNI/Acción Andina"), else at the last acronym
// ("… San Antonio WOLA Briefing Series: …", "… Issue TNI Website"). A
// publisher named in words before ", Series N" ("… for 1998 Peru
// Solidarity Forum, Bulletin 21") is kept with the venue: the capitalised
// words after the last word that is not.
func splitVenue(s string) (title, venue string) {
	s = strings.TrimSpace(s)
	if i := strings.LastIndex(s, ", "); i > 0 {
		last := s[i+2:]
		if _, n, ok := parseSeries(last); ok && n > 0 {
			head := s[:i]
			words := strings.Fields(head)
			j := len(words)
			for j > 0 && startsUpper(words[j-1]) && !strings.ContainsAny(words[j-1], ".?!") {
				j--
			}
			// Words after "in", "of", "the" continue the title ("Services
			// in Northern Shan State"); after a number or a full stop they
			// may name the publisher.
			if j > 0 && j < len(words) && len(words)-j <= 4 && !connectors[strings.ToLower(words[j-1])] {
				return strings.Join(words[:j], " "), strings.Join(words[j:], " ") + ", " + last
			}
			return head, last
		}
		if isAcronymLed(last) {
			return s[:i] + ",", last
		}
	}
	words := strings.Fields(s)
	for j := len(words) - 1; j > 0; j-- {
		a, _, _ := strings.Cut(strings.Trim(words[j], ",:"), "/")
		if isAcronym(a) {
			return strings.Join(words[:j], " "), strings.Join(words[j:], " ")
		}
	}
	return s, ""
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// reChapterIn finds " in " followed by a capitalised book title.
var reChapterIn = regexp.MustCompile(` in \p{Lu}`)

// chapterTitle cuts a chapter's title from the book it appeared in: a
// title part ending in a comma before the publisher ("Between Garrisons
// and Borders in Democracy, Human Rights …, TNI") holds "Chapter in Book".
func chapterTitle(s string) string {
	s = strings.TrimSpace(s)
	if !strings.HasSuffix(s, ",") {
		return s
	}
	s = strings.TrimRight(s, ", ")
	if loc := reChapterIn.FindStringIndex(s); loc != nil && loc[0] > 0 {
		return s[:loc[0]]
	}
	return s
}

// cleanEntryTitle trims separators and quotes around a title and a
// leading "Opinion:" label.
func cleanEntryTitle(s string) string {
	s = strings.TrimSpace(s)
	s = strings.Trim(s, " ,;:|·•–—")
	s = strings.TrimSuffix(s, ".")
	if w, r, ok := strings.Cut(s, ": "); ok && isOpinionLabel(w) {
		s = r
	}
	if strings.HasPrefix(s, "\"") && strings.HasSuffix(s, "\"") || strings.HasPrefix(s, "“") && strings.HasSuffix(s, "”") {
		s = strings.Trim(s, "\"“”")
	}
	return collapse(s)
}
