package indexer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Honorifics and titles of address stand before a name but are not part
// of it: "Mr. Ban Ki-moon" and "Ban Ki-moon" are one person, and "H.E. Ms.
// Ana Lima" one author. stripHonorifics takes them off the front,
// several in a row, when a name of two words at least remains; a name
// that is nothing but a title ("Sir") is empty.

// honorifics are compared in lower case, without their final dot.
// Academic degrees ("Dr.", "Prof.", "Ing.") are not among them: German and
// Austrian publishers print them as part of the name (the doctorate is
// entered in German identity papers), and news metadata keeps them.
var honorifics = map[string]bool{}

func init() {
	for _, h := range strings.Split(`mr|mrs|ms|miss|mx|sir|dame|lord|lady|`+
		`h.e|he|his excellency|her excellency|excellency|hon|the hon|honourable|the honourable|honorable|the honorable|`+
		`rev|reverend|the reverend|fr|father|sister|brother|sheikh|shaikh|sheikha|`+
		`ambassador|president|vice-president|vice president|prime minister|minister|secretary-general|senator|judge|justice|`+
		`sr|sra|srta|señor|señora|señorita|dña|mme|mlle|herr|frau`, "|") {
		honorifics[h] = true
	}
}

// stripHonorifics removes honorifics and titles from the front of a name,
// the longest first ("His Excellency" before "His"), and "Sir" or "Dr"
// standing alone. A title before a single word stays ("Frau Sabienes").
func stripHonorifics(s string) string {
	for {
		words := strings.Fields(s)
		cut := 0
		for n := min(3, len(words)); n >= 1; n-- {
			key := strings.ToLower(strings.TrimSuffix(strings.Join(words[:n], " "), "."))
			key = strings.TrimSuffix(key, ",")
			if honorifics[key] {
				cut = n
				break
			}
		}
		switch rest := len(words) - cut; {
		case cut == 0:
			return s
		case rest == 1:
			// "Frau Sabienes", "Mr. Annan": a surname alone is no
			// better an identity than with its title; keep the handle.
			return s
		}
		s = strings.TrimLeft(strings.Join(words[cut:], " "), " ,")
	}
}

// bylinePronouns start a phrase after "by" that is not a name: "by our
// delegation", "by It" in a title.
var bylinePronouns = map[string]bool{
	"i": true, "we": true, "you": true, "he": true, "she": true, "it": true, "they": true,
	"me": true, "us": true, "him": true, "them": true, "my": true, "our": true, "your": true,
	"his": true, "its": true, "their": true, "this": true, "that": true,
	"these": true, "those": true, "all": true, "each": true, "every": true, "means": true,
	"way": true, "far": true, "virtue": true, "contrast": true, "now": true, "then": true,
}

// isVerbPhrase reports whether what follows "by" is a pronoun or a verb
// phrase rather than a name: "by congratulating you", "By Working
// Together", "by our delegation", "by the way".
func isVerbPhrase(s string) bool {
	w, _, _ := strings.Cut(strings.TrimSpace(s), " ")
	w = strings.Trim(w, ",.;:")
	low := strings.ToLower(w)
	if bylinePronouns[low] || low == "the" || low == "a" || low == "an" {
		return true
	}
	if utf8.RuneCountInString(w) < 7 || !strings.HasSuffix(low, "ing") {
		return false
	}
	// A gerund in lower case, or followed by a word in lower case or a
	// pronoun ("By Sterling Hayden" is a name).
	r, _ := utf8.DecodeRuneInString(w)
	next := strings.Fields(s)
	if unicode.IsLower(r) || len(next) < 2 {
		return unicode.IsLower(r)
	}
	r, _ = utf8.DecodeRuneInString(next[1])
	return unicode.IsLower(r) || bylinePronouns[strings.ToLower(next[1])]
}
