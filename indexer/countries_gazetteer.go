package indexer

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The gazetteer Countries matches against: every country's names and
// demonyms in English and Spanish with the spellings running text uses,
// built once from the country list (countries_data.go).

// gazetteer is built once, on first use (some milliseconds): Countries runs
// on every ingested document, but programs that never call it do not pay.
var gaz = sync.OnceValue(mustBuildGazetteer)

func mustBuildGazetteer() *gazetteer {
	g, err := buildGazetteer(countryTable)
	if err != nil {
		panic(err) // the table is a constant: a test pins it
	}
	return g
}

type country struct {
	name, alpha2, alpha3 string
	// aliases holds every name and demonym form, generated forms included,
	// as written (not folded).
	aliases []string
}

// gazetteer holds the countries, a whole-string index for CountryName and a
// phrase matcher for running text.
type gazetteer struct {
	countries []country
	byKey     map[string]int // nameKey → country index
	// first maps the first word of every phrase, accent-folded but with its
	// case, to the phrases starting with it, longest first. Countries looks
	// up each word of a text once and compares the following words only on
	// a hit.
	first map[string][]phrase
	// firstShapes has the bit of wordShape set for every key of first:
	// most words of a text are no first word, and one bit test rules them
	// out before any map lookup.
	// firstShapes2 does the same with the second and the last but one
	// byte, for words of three bytes or more.
	firstShapes, firstShapes2 *[1 << wordShapeBits / 64]uint64
	needs                     map[int]bool // countries that need a signal word (countrySignals)
	conflicts                 []string     // aliases claimed by two countries; a test keeps it empty
}

type phraseKind uint8

const (
	mention phraseKind = iota // a name or demonym of country
	block                     // a place containing a country name: counts nothing
	signal                    // corroborates an ambiguous country
)

type phrase struct {
	rest    []string // words after the first, folded
	country int
	kind    phraseKind
	// currency marks "US" and "U.S.", which are skipped in "US$"; pronoun
	// marks "US", also skipped after a verb that takes "us".
	currency, pronoun bool
}

// usPronounVerbs precede "US" the pronoun in all-capitals headings and
// buttons ("CONTACT US", "FOLLOW US").
var usPronounVerbs = map[string]bool{
	"ABOUT": true, "CONTACT": true, "FOLLOW": true, "JOIN": true, "SUPPORT": true, "HELP": true,
	"LET": true, "GIVE": true, "TELL": true, "EMAIL": true, "CALL": true, "WRITE": true, "AMONG": true,
}

// buildGazetteer parses table (the format of countryTable). It fails only on
// a malformed line; aliases claimed by two countries are recorded in
// conflicts, the first claim winning.
func buildGazetteer(table string) (*gazetteer, error) {
	g := &gazetteer{byKey: map[string]int{}, first: map[string][]phrase{}, needs: map[int]bool{}}
	notText := map[string]bool{}
	for _, n := range notInText {
		notText[nameKey(n)] = true
	}
	notLower := map[string]bool{}
	for _, w := range notLowerCase {
		notLower[w] = true
	}
	seenPhrase := map[string]bool{}
	addPhrase := func(form string, p phrase) {
		for _, v := range textVariants(form) {
			words := foldedWords(v)
			if len(words) == 0 {
				continue
			}
			k := strings.Join(words, " ")
			if seenPhrase[k] {
				continue
			}
			seenPhrase[k] = true
			p := p
			p.rest = words[1:]
			p.pronoun = k == "US"
			p.currency = k == "US" || k == "U S"
			g.first[words[0]] = append(g.first[words[0]], p)
		}
	}

	for n, line := range strings.Split(table, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "|")
		if len(f) != 5 {
			return nil, fmt.Errorf("build gazetteer: line %d: %d fields, want 5", n, len(f))
		}
		codes := strings.Fields(f[0])
		name := strings.TrimSpace(f[1])
		if len(codes) != 2 || len(codes[0]) != 2 || len(codes[1]) != 3 || name == "" {
			return nil, fmt.Errorf("build gazetteer: line %d: want \"AA AAA | Name | ...\"", n)
		}
		c := country{name: name, alpha2: codes[0], alpha3: codes[1]}
		c.aliases = append(c.aliases, name)
		c.aliases = append(c.aliases, splitList(f[2])...)
		for _, d := range splitList(f[3]) {
			c.aliases = append(c.aliases, englishForms(d)...)
		}
		for _, d := range splitList(f[4]) {
			c.aliases = append(c.aliases, spanishForms(d)...)
		}
		idx := len(g.countries)
		g.countries = append(g.countries, c)

		claim := func(key, alias string) {
			if prev, ok := g.byKey[key]; ok {
				if prev != idx {
					g.conflicts = append(g.conflicts, fmt.Sprintf("%q: %s and %s", alias, g.countries[prev].name, name))
				}
				return
			}
			g.byKey[key] = idx
		}
		claim(strings.ToLower(c.alpha2), c.alpha2)
		claim(strings.ToLower(c.alpha3), c.alpha3)
		for _, a := range c.aliases {
			key := nameKey(a)
			claim(key, a)
			if notText[key] || g.byKey[key] != idx {
				continue
			}
			if notLower[a] {
				a = strings.ToUpper(a[:1]) + a[1:]
			}
			addPhrase(a, phrase{country: idx, kind: mention})
		}
	}

	for _, b := range blockedPhrases {
		addPhrase(b, phrase{country: -1, kind: block})
	}
	for name, words := range countrySignals {
		idx, ok := g.byKey[nameKey(name)]
		if !ok {
			continue // not in this table; TestGazetteer checks the real one
		}
		g.needs[idx] = true
		for _, w := range words {
			addPhrase(w, phrase{country: idx, kind: signal})
		}
	}
	g.firstShapes, g.firstShapes2 = new([1 << wordShapeBits / 64]uint64), new([1 << wordShapeBits / 64]uint64)
	for w, ps := range g.first {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].rest) > len(ps[j].rest) })
		k := wordShape(w, 0)
		g.firstShapes[k/64] |= 1 << (k % 64)
		if len(w) >= 3 {
			k = wordShape(w, 1)
			g.firstShapes2[k/64] |= 1 << (k % 64)
		}
	}
	return g, nil
}

// wordShapeBits is the size of wordShape's values: five bits of length,
// seven each of the first and last byte.
const wordShapeBits = 19

// wordShape sums up a word longer than 2*d bytes by its length (up to 31)
// and its bytes d from the start and from the end: few words of a text
// share both shapes (d = 0 and 1) with a first word of the gazetteer.
func wordShape(w string, d int) uint32 {
	return uint32(min(len(w), 31))<<14 | uint32(w[d]&0x7F)<<7 | uint32(w[len(w)-1-d]&0x7F)
}

// mayStart reports whether w, a non-empty word of a text, may be the first
// word of a phrase: false means it is not a key of first.
func (g *gazetteer) mayStart(w string) bool {
	k := wordShape(w, 0)
	if g.firstShapes[k/64]&(1<<(k%64)) == 0 {
		return false
	}
	if len(w) < 3 {
		return true
	}
	k = wordShape(w, 1)
	return g.firstShapes2[k/64]&(1<<(k%64)) != 0
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// englishForms returns an English demonym and its plural.
func englishForms(d string) []string {
	for _, suf := range []string{"ese", "s", "sh", "ch", "y", "z", "x", "man"} {
		if strings.HasSuffix(d, suf) {
			return []string{d}
		}
	}
	return []string{d, d + "s"}
}

// spanishForms returns the masculine singular Spanish demonym d with its
// feminine and plural forms; with a leading "~", only the latter.
func spanishForms(d string) []string {
	bare := strings.HasPrefix(d, "~")
	d = strings.TrimPrefix(d, "~")
	var forms []string
	swap := func(suffix string, repl ...string) bool {
		if !strings.HasSuffix(d, suffix) {
			return false
		}
		stem := strings.TrimSuffix(d, suffix)
		for _, r := range repl {
			forms = append(forms, stem+r)
		}
		return true
	}
	switch {
	case swap("o", "a", "os", "as"): // peruano
	case swap("és", "esa", "eses", "esas"): // francés
	case swap("án", "ana", "anes", "anas"): // alemán
	case swap("ón", "ona", "ones", "onas"): // letón
	case swap("ol", "ola", "oles", "olas"): // español
	case swap("í", "íes", "ís"), swap("ú", "úes", "ús"): // marroquí
	case strings.HasSuffix(d, "s"), strings.HasSuffix(d, "z"): // kirguís
	default:
		last, _ := utf8.DecodeLastRuneInString(d)
		if strings.ContainsRune("aeiu", last) {
			forms = append(forms, d+"s") // estadounidense, belga
		} else {
			forms = append(forms, d+"es") // kosovar
		}
	}
	if bare {
		return forms
	}
	return append([]string{d}, forms...)
}

// textVariants returns the spellings of a name looked for in running text:
// as written, in full capitals, and with every word capitalised (a title,
// "Trinidad And Tobago", or a Spanish demonym opening a sentence).
func textVariants(s string) []string {
	out := []string{s, strings.ToUpper(s)}
	words := strings.Fields(s)
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	if t := strings.Join(words, " "); t != s {
		out = append(out, t)
	}
	return out
}

// foldedWords splits s into words and folds their accents, keeping case.
func foldedWords(s string) []string {
	var out []string
	for _, t := range appendSpans(nil, s) {
		out = append(out, string(foldAppend(nil, s[t.start:t.end])))
	}
	return out
}

// nameKey is the whole-string lookup key of CountryName: words folded,
// lower-cased and joined by single spaces, a leading "the" dropped.
func nameKey(s string) string {
	words := foldedWords(s)
	if len(words) > 1 && strings.EqualFold(words[0], "the") {
		words = words[1:]
	}
	return strings.ToLower(strings.Join(words, " "))
}
