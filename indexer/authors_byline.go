package indexer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file reads bylines written as text: the labels that introduce a
// name ("Posted by", "Geschrieben von", "Text:", "Autorin:"), in an
// author-marked element or signing a piece at the end of its text, and
// tells them from prose that happens to start with "Von" or "By".

// reBylineLabel matches the labels that introduce a byline: "Posted by",
// "Veröffentlicht von", "Eingestellt von", "Text:", "Autorin:".
var reBylineLabel = regexp.MustCompile(`^(?i:(?:posted|written|published|created|article|geschrieben|verfasst|veröffentlicht|eingestellt|gespeichert|erstellt|artikel|beitrag|blog\s+beitrag|blogbeitrag|gastbeitrag|publié|écrit|article|publicado|escrito|artículo)\s+(?:by|von|par|por)|über\s+(?:den|die)\s+autor(?:in)?|about\s+the\s+author|über|about|by|von|par|por|text|texte|texto|redaktion|autor(?:in)?|author)(?:\s*:\s*|\s+)`)

// isSentence reports text that reads as a sentence rather than names
// before its date: two or more lower-case words that are not particles
// ("Made in Bolivia with Drupal by X").
func isSentence(t string) bool {
	if _, start, _ := findDate(t); start >= 0 {
		t = t[:start]
	}
	return lowerCaseWords(t, beforeDate) >= 2
}

// lowerCaseWords counts the words of s that start in lower case and are
// neither name particles nor in also.
func lowerCaseWords(s string, also map[string]bool) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) && !nameParticles[w] && !also[w] {
			n++
		}
	}
	return n
}

// isProseSentence reports a sentence of prose that happens to start with
// "Von" or "By": it ends with a full stop and holds three lower-case words
// or more ("Von den Höfen ringsum kaufte der Verein noch Erde.").
func isProseSentence(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, ".") && lowerCaseWords(s, nil) >= 3
}

// beforeDate are the words between a byline's name and its date: "von X
// am 12. März", "by X on March 12", "par X le 12 mars".
var beforeDate = map[string]bool{"am": true, "um": true, "on": true, "at": true, "le": true, "el": true, "il": true}

var (
	// reAuthorField finds an author label inside a block of labelled
	// fields: "Datum: 19.11.2021 Autor: Ana Beispiel Quelle: Hofblatt".
	reAuthorField = regexp.MustCompile(`(?i)\s(?:autor|autorin|author|text|redaktion)\s*:\s*`)
	// reNextField finds the label of the field after it.
	reNextField = regexp.MustCompile(`\s\p{L}+\s*:`)
)

// authorField returns the value of the author field when t is a block of
// labelled fields with one; otherwise t.
func authorField(t string) string {
	if !strings.Contains(t, ":") {
		return t // every label ends in a colon
	}
	loc := reAuthorField.FindStringIndex(" " + t)
	if loc == nil || loc[0] == 0 {
		return t
	}
	v := t[loc[1]-1:]
	if next := reNextField.FindStringIndex(v); next != nil {
		v = v[:next[0]]
	}
	return strings.TrimSpace(v)
}

// reGluedLabel matches a "by" label a template glued to the name.
var reGluedLabel = regexp.MustCompile(`^(?:(?:Geschrieben|Veröffentlicht|Eingestellt|Verfasst|Erstellt) von|(?:Posted|Written|Published) by|By|Von)`)

// reCreditLabel matches the labels of a source or picture credit.
var reCreditLabel = regexp.MustCompile(`^(?i:quelle|quellen|source|sources|fuente|foto|fotos|bild|bilder|photo|photos|image)\s*:`)

// dropBylineLabel removes byline labels from the start of t, also one
// glued to the name ("Geschrieben vonElisa Beispiel"); a label alone
// leaves nothing.
func dropBylineLabel(t string) string {
	for {
		t = strings.TrimSpace(t)
		loc := reBylineLabel.FindStringIndex(t + " ")
		if loc == nil {
			loc = reGluedLabel.FindStringIndex(t)
			if loc == nil {
				return t
			}
			if r, _ := utf8.DecodeRuneInString(t[loc[1]:]); !unicode.IsUpper(r) {
				return t
			}
		}
		t = t[min(loc[1], len(t)):]
	}
}

// closingByline reads a byline among the last blocks of the main text,
// where many sites sign a piece ("Text: Ana Beispiel", "Autorin: …",
// "Blog Beitrag von …"): a line with a byline label and names after it.
func (p *htmlPage) closingByline() []string {
	seen := 0
	for i := len(p.blocks) - 1; i >= 0 && seen < 10; i-- {
		b := p.blocks[i]
		if !b.inMain || b.entry >= 0 {
			continue
		}
		seen++
		lines := b.lines
		if len(lines) == 0 {
			lines = []string{b.text}
		}
		for _, l := range lines {
			if names := labelledNames(l); len(names) > 0 {
				return names
			}
		}
	}
	return nil
}

// labelledNames reads a line that starts with a byline label and holds
// names only after it.
func labelledNames(line string) []string {
	if len(line) > 150 || isSentence(dropBylineLabel(line)) {
		return nil
	}
	if names, ok := parseByline(line); ok {
		return names
	}
	if reBylineLabel.FindStringIndex(line+" ") == nil {
		return nil
	}
	parts := splitAuthors(dropPlace(cutBylineTail(dropBylineLabel(line))))
	for _, n := range parts {
		if !looksLikeName(n) {
			return nil
		}
	}
	return normaliseAuthors(parts)
}

// reTimeOfDay matches a time after a date: "13:30", "13:10 Uhr", "2:35 pm".
var reTimeOfDay = regexp.MustCompile(`^(?i:\d{1,2}[:.]\d{2}(?:\s*(?:uhr|h|am|pm))?)`)

// datedByline reads a dateline that leads into a byline: the date (and
// time) first, then a labelled byline or the names alone: "06.11.2023
// 13:30 von Olga", "05.02.2020 - Redaktion: Eberhard Beispiel",
// "04.02.2022 | 13:10 Uhr | Uta Beispiel".
func datedByline(line string) ([]string, bool) {
	d, start, end := findDate(line)
	if d == "" || start > 3 {
		return nil, false
	}
	rest := strings.TrimLeft(line[end:], " ,|·•–—-")
	if loc := reTimeOfDay.FindStringIndex(rest); loc != nil {
		rest = rest[loc[1]:]
	}
	rest = strings.TrimSpace(strings.TrimLeft(rest, " ,|·•–—-"))
	if rest == "" {
		return nil, false
	}
	if names, ok := parseBylineStart(rest); ok {
		return names, true
	}
	if names := namesOnly(rest); len(names) > 0 {
		return names, true
	}
	return nil, false
}

// labelledField reads the names of a line that is an author field: an
// author label ("Author:", "Autorin:", "Text:") and names alone after it,
// or such a field among others ("Datum: … Autor: X Quelle: …").
func labelledField(t string) []string {
	var value string
	if v := authorField(t); v != t {
		value = v
	} else if m := matchAuthorLabel(t); m != nil {
		value = m[1]
	} else {
		return nil
	}
	parts := splitAuthors(dropPlace(cutBylineTail(value)))
	for _, n := range parts {
		if !looksLikeName(n) {
			return nil
		}
	}
	return dropRoles(normaliseAuthors(parts))
}

// dayNames are the day names a dateline puts before its date, which a
// byline's tail keeps once the date is cut ("By Ana Example Thursday").
var dayNames = wordSet(`monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun
	montag dienstag mittwoch donnerstag freitag samstag sonntag mo di mi do fr sa so
	lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles jueves viernes sábado domingo`)

// dropWeekday removes a day name at the end of a byline's names.
func dropWeekday(s string) string {
	i := strings.LastIndex(s, " ")
	if i < 0 || !dayNames[strings.ToLower(strings.Trim(s[i+1:], ".,"))] {
		return s
	}
	return strings.TrimRight(s[:i], " ,")
}

// reAgencyDateline matches a news dateline naming the agency that wrote
// the piece: "Hamburg (dpa/lno) – ", "Warendorf (fn-press). ".
var reAgencyDateline = regexp.MustCompile(`^\p{Lu}[\p{L}. -]{1,30}?\s*\(([^()]{2,20})\)\s*[–—-]\s`)

// datelineAgency reads the agency of a dateline that opens the main text,
// when its codes are an agency's or a desk's ("dpa/lno", "AFP").
func (p *htmlPage) datelineAgency() []string {
	seen := 0
	for _, b := range p.blocks {
		if !b.inMain || b.entry >= 0 || len(b.text) < 100 {
			continue
		}
		if seen++; seen > 3 {
			return nil // the dateline opens the text: a caption may come first
		}
		m := reAgencyDateline.FindStringSubmatch(b.text)
		if m == nil {
			continue
		}
		if code := strings.TrimSpace(m[1]); isDeskByline(code) || isAcronym(code) {
			return []string{code}
		}
		return nil
	}
	return nil
}

// roleLinks join a role to its organisation: "Projektleiterin der HSS",
// "director of the institute".
var roleLinks = map[string]bool{"der": true, "des": true, "of": true, "at": true, "bei": true, "für": true, "beim": true}

// dropRoles drops the role written after a name in a byline ("Autorin: Uta
// Example, Projektleiterin der HSS"): a part of three words or more whose
// second word links a role to an organisation.
func dropRoles(names []string) []string {
	var out []string
	for _, n := range names {
		if w := strings.Fields(n); len(w) >= 3 && roleLinks[strings.ToLower(w[1])] {
			continue
		}
		out = append(out, n)
	}
	if len(out) == 0 {
		return names
	}
	return out
}
