package indexer

import (
	"regexp"
	"strings"
	"unicode"
)

// The words around a date that say what it is: labels ("Veröffentlicht
// am", "Stand:"), the small words and weekdays between a label and its
// date, and bylines that end in the day ("Von X am").

// Label words, lower-case, that introduce a date. A label is looked for in
// the few words before the date.
var (
	publishedLabels = []string{"published", "publication date", "posted", "posted on", "date", "dated",
		"veröffentlicht", "publiziert", "erschienen", "erstellt", "datum", "eingestellt", "gepostet", "geschrieben",
		"publié", "publiée", "publie", "mis en ligne", "mise en ligne", "publicado", "publicada", "fecha", "pubblicato",
		"pubblicata", "gepubliceerd", "opublikowano", "data", "release date", "released", "issued", "created",
		"notizia del", "pressemitteilung", "presseinformation", "press release", "communiqué", "comunicado"}
	updatedLabels = []string{"stand", "aktualisiert", "zuletzt", "geändert", "änderung", "letzte änderung", "updated", "last updated",
		"last modified", "modified", "last edited", "edited", "mis à jour", "actualizado", "aggiornato",
		"bijgewerkt", "revised", "reviewed"}
	// Words a byline puts between the name and the date.
	bylineDateWords = []string{"am", "on", "le", "el", "il", "op", "dnia", "»", "|", "-", "–", ","}
	bylineStarts    = []string{"von", "by", "par", "por", "di", "door", "autor", "author", "posted by",
		"geschrieben von", "eingestellt von", "veröffentlicht von", "gespeichert von", "verfasst von"}
)

// publishedVerbs end a German sentence that dates a post: "Dieser Artikel
// wurde am 14. Dezember 2015 um 14:48 von Heiner geschrieben".
var publishedVerbs = []string{"veröffentlicht", "geschrieben", "erstellt", "publiziert", "verfasst",
	"eingestellt", "gepostet", "online gestellt"}

// hasVerbAfter reports whether the few words after a date end its
// sentence with a verb of publishing.
func hasVerbAfter(after string) bool {
	words := labelWords(after)
	if len(words) > 7 {
		words = words[:7]
	}
	tail := " " + strings.Join(words, " ") + " "
	for _, v := range publishedVerbs {
		if strings.Contains(tail, " "+v+" ") {
			return true
		}
	}
	return false
}

// leadDate returns the day a paragraph opens with, as a dateline: the
// date in its first words, perhaps after a place and a comma, a label or a
// parenthesis, and then a dash, colon, bar or closing parenthesis before
// the text: "29.11.2022 – Mehrfach hatte ...", "(21. November 2022)
// Energieverbraucher ...", "Berlin, 3. Mai 2021: Die ...", "Pressemitteilung
// vom 25. Januar 2022 | Berlin – ...".
func leadDate(t string) string {
	d, start, end := findDate(t)
	if len(d) != len("2006-01-02") || start > 60 {
		return ""
	}
	before := strings.TrimSpace(t[:start])
	switch {
	case before == "", before == "(", strings.HasSuffix(before, ","), hasLabel(strings.ToLower(before), publishedLabels):
	default:
		return ""
	}
	after := strings.TrimSpace(t[end:])
	// A time may follow the date: "29.11.2022, 11:51 Uhr –".
	after = strings.TrimSpace(reLeadTime.ReplaceAllString(after, ""))
	for _, sep := range []string{"–", "—", "-", ":", "|", ")", "/"} {
		if strings.HasPrefix(after, sep) {
			return d
		}
	}
	return ""
}

// reLeadTime matches a time just after a dateline's date.
var reLeadTime = regexp.MustCompile(`(?i)^,?\s*(?:um\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:uhr|h|am|pm|a\.\s?m\.|p\.\s?m\.))?`)

// hasLabel reports whether the text before a date ends in one of labels,
// perhaps followed by a colon, "am", "le", "on", "el" or a weekday:
// "Veröffentlicht am Freitag,", "Stand:", "Posted on".
func hasLabel(before string, labels []string) bool {
	words := labelWords(before)
	if len(words) == 0 {
		return false
	}
	// Only the last five words count: a label belongs to its date.
	if len(words) > 5 {
		words = words[len(words)-5:]
	}
	tail := strings.Join(words, " ")
	for _, l := range labels {
		if i := strings.LastIndex(tail, l); i >= 0 && (i == 0 || tail[i-1] == ' ') {
			rest := strings.Fields(tail[i+len(l):])
			if len(rest) <= 2 && allFiller(rest) {
				return true
			}
		}
	}
	return false
}

// labelWords splits text into lower-case words, dropping punctuation.
func labelWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != 'à'
	})
}

// allFiller reports whether words are only the small words and weekdays
// between a label and its date.
func allFiller(words []string) bool {
	for _, w := range words {
		if !isFillerWord(w) {
			return false
		}
	}
	return true
}

func isFillerWord(w string) bool {
	switch w {
	case "am", "on", "le", "el", "il", "op", "the", "at", "den", "der", "dem", "de", "del", "du", "on:", "um", "vom", "since", "seit":
		return true
	}
	return isWeekday(w)
}

// isWeekday reports whether w names a day of the week in a supported
// language, in full or abbreviated: "Freitag", "Fri", "vendredi", "Do".
func isWeekday(w string) bool {
	return weekdays[strings.ToLower(strings.TrimSuffix(w, "."))]
}

var weekdays = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`monday tuesday wednesday thursday friday saturday sunday
		mon tue tues wed thu thur thurs fri sat sun
		montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag mo di mi do fr sa so
		lundi mardi mercredi jeudi vendredi samedi dimanche lun mar mer jeu ven sam dim
		lunes martes miércoles miercoles jueves viernes sábado sabado domingo
		lunedì martedì mercoledì giovedì venerdì sabato domenica
		maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
		poniedziałek wtorek środa czwartek piątek sobota niedziela`) {
		weekdays[w] = true
	}
}

// isBylineBefore reports whether the text before a date is a byline that
// names someone and then the day: "Von Christian am", "by Jane Doe on",
// "par Marie Dupont le", "Author: X am".
func isBylineBefore(before string) bool {
	b := strings.TrimSpace(before)
	if b == "" || len(b) > 120 {
		return false
	}
	words := strings.Fields(b)
	last := strings.ToLower(strings.Trim(words[len(words)-1], ":"))
	for isWeekday(strings.Trim(last, ",")) && len(words) > 1 {
		words = words[:len(words)-1]
		last = strings.ToLower(strings.Trim(words[len(words)-1], ":"))
	}
	near := false
	for _, w := range bylineDateWords {
		near = near || last == w || strings.HasSuffix(last, w) && !unicode.IsLetter(rune(w[0]))
	}
	if !near {
		return false
	}
	lower := strings.ToLower(b)
	for _, s := range bylineStarts {
		if strings.HasPrefix(lower, s+" ") || strings.HasPrefix(lower, s+":") || strings.Contains(lower, " "+s+" ") {
			return true
		}
	}
	return false
}
