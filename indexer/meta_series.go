package indexer

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Series and numbers: "Drug Policy Briefing No. 12" and its kin.

// seriesWords mark a publication series.
var seriesWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`briefing briefings brief briefs paper papers report reports series
		informe informes documento documentos serie boletín boletin cuaderno cuadernos bulletin
		notebook notebooks studies`) {
		seriesWords[w] = true
	}
}

// connectors may appear in lower case inside a series name.
var connectors = map[string]bool{
	"of": true, "on": true, "and": true, "&": true, "for": true, "the": true, "in": true, "to": true,
	"de": true, "del": true, "la": true, "las": true, "los": true, "el": true, "y": true, "sobre": true,
	"en": true, "e": true, "da": true, "do": true, "des": true, "et": true, "sur": true, "du": true,
	"-": true, "–": true,
}

var (
	// A number at the end of a series line, with or without a marker:
	// "11", "No. 11", "Nr. 11", "n.º 12", "nº 12", "n° 12", "núm. 12", "#11".
	reSeriesNumber = regexp.MustCompile(`(?i)^(.*?)[\s,]*(?:(\b(?:no|nr|nro|num|núm|number|número|numero|issue)\b\.?|\bn\.?\s?[º°o]\.?|#)\s*)?(\d{1,4})\.?$`)
	reSeriesLabel  = regexp.MustCompile(`^(?i:series|serie|collection|colección|coleccion)\s*:\s*`)
)

// parseSeries reads a series line: "Drug Policy Briefing 11", "IDPR Drug
// Policy Briefing No. 11", "Debate Papers No. 10", "Briefing Series",
// "Informe sobre Políticas de Drogas n.º 12", "TNI Drug Policy Briefing
// 11, March 2005". It returns the series name without a leading publisher
// acronym and without the number, and the number (0 if none).
func parseSeries(line string) (name string, number int, ok bool) {
	line = collapse(line)
	if line == "" || len(line) > 200 {
		return "", 0, false
	}
	line = strings.Trim(line, "()[] ")
	labeled := reSeriesLabel.MatchString(line)
	line = reSeriesLabel.ReplaceAllString(line, "")
	for _, seg := range splitSegments(line) {
		if name, number, ok = parseSeriesSegment(seg, labeled); ok {
			return name, number, true
		}
	}
	return "", 0, false
}

// splitSegments cuts a line at ", ", " | ", " – ", " - ", " · ", ": ".
func splitSegments(s string) []string {
	f := func(r rune) bool {
		return r == '|' || r == '·' || r == '•' || r == ',' || r == '–' || r == '—' || r == ';'
	}
	var out []string
	for _, p := range strings.FieldsFunc(s, f) {
		for _, q := range strings.Split(p, " - ") {
			if q = strings.TrimSpace(q); q != "" {
				out = append(out, q)
			}
		}
	}
	return out
}

func parseSeriesSegment(seg string, labeled bool) (string, int, bool) {
	seg = strings.Trim(strings.TrimSpace(seg), ".:()")
	namePart, number, marked := seg, 0, false
	if m := reSeriesNumber.FindStringSubmatch(seg); m != nil {
		namePart, number, marked = strings.TrimSpace(m[1]), atoi(m[3]), m[2] != ""
		if !marked && number >= 1900 && number <= 2100 {
			return "", 0, false // a year, not a number in the series
		}
	}
	namePart = strings.TrimRight(namePart, " ,:-–")
	words := strings.Fields(namePart)
	if len(words) > 1 && isAcronym(strings.Trim(words[0], ":")) {
		words = words[1:]
	}
	if len(words) == 0 || len(words) > 10 {
		return "", 0, false
	}
	first, _ := utf8.DecodeRuneInString(words[0])
	if !unicode.IsUpper(first) {
		return "", 0, false
	}
	hasKeyword, titled := false, true
	for i, w := range words {
		bare := strings.ToLower(strings.Trim(w, ".,:;()\"'“”"))
		if seriesWords[bare] {
			hasKeyword = true
		}
		if strings.ContainsAny(w, "0123456789") || monthNumber(bare) > 0 && i == len(words)-1 {
			return "", 0, false
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !connectors[bare] {
			titled = false
		}
	}
	// Spanish keeps later words in lower case ("Informe sobre políticas de
	// drogas"), so a line that starts with a series word may do so too.
	leadKeyword := seriesWords[strings.ToLower(words[0])]
	switch {
	case hasKeyword && (titled || leadKeyword) && (number > 0 || labeled || isSeriesNameOnly(words)):
	case labeled && titled:
	case !hasKeyword && marked && titled && number > 0 && len(words) <= 6:
	default:
		return "", 0, false
	}
	return strings.Join(words, " "), number, true
}

// isSeriesNameOnly accepts a series named without a number only when the
// line ends in "Series" ("Briefing Series"): a bare "Policy Briefings" is
// more often a section heading than a series line.
func isSeriesNameOnly(words []string) bool {
	last := strings.ToLower(strings.Trim(words[len(words)-1], ".,:;"))
	return (last == "series" || last == "serie") && len(words) <= 6
}

// cleanSeries tidies a series name given by metadata: a leading publisher
// acronym and a trailing number are removed; the number is returned.
func cleanSeries(s string) (string, int) {
	s = collapse(s)
	if s == "" {
		return "", 0
	}
	if name, n, ok := parseSeries(s); ok {
		return name, n
	}
	words := strings.Fields(s)
	if len(words) > 1 && isAcronym(words[0]) {
		words = words[1:]
	}
	return strings.Join(words, " "), 0
}

// parseNumber reads a report number given by metadata: "11", "No. 11",
// "Drug Policy Briefing 11".
func parseNumber(s string) int {
	s = collapse(s)
	if n, err := strconv.Atoi(s); err == nil && n > 0 {
		return n
	}
	if m := reSeriesNumber.FindStringSubmatch(s); m != nil {
		return atoi(m[3])
	}
	return 0
}

// kindFor decides a document's kind from its series and opinion label.
func kindFor(series string, opinion bool) string {
	if k := seriesKind(series); k != "" {
		return k
	}
	if opinion {
		return KindOpinion
	}
	return KindDocument
}

// isOpinionLabel reports whether a short label marks an opinion piece.
func isOpinionLabel(s string) bool {
	s = strings.ToLower(strings.Trim(collapse(s), " :.|»›>"))
	switch s {
	case "opinion", "opinión", "opinião", "commentary", "comment", "op-ed", "oped", "op ed",
		"column", "columna", "columnist", "comentario", "tribuna", "tribune", "opinion piece", "viewpoint", "punto de vista":
		return true
	}
	return false
}
