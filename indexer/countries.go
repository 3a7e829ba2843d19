package indexer

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Weights of a mention by where it occurs, and the limits of Countries.
const (
	titleWeight    = 5
	abstractWeight = 3
	bodyWeight     = 1
	// A single passing mention in the body ("as in Colombia, ...") does not
	// make a country central; two do.
	minBodyMentions = 2
	// Facets list a handful of countries per document; a document naming
	// more than eight is about a region, not about each of them.
	maxCountries = 8
	// The lead, the first 1/leadShare of the body, is where a text says
	// what it is about: a mention there weighs leadWeight
	// (paragraphs starting there, in a body of minLeadParagraphs at least).
	leadShare         = 10
	leadWeight        = 2
	minLeadParagraphs = 5
	// A long text names many countries in passing: a country named only
	// in the body needs a mention per bytesPerMention bytes of it, and at
	// least 1/topShare of the mentions of the most named country.
	bytesPerMention = 15000
	topShare        = 10
)

// Countries returns the central countries of a document as canonical English
// short names (see CountryName), most central first.
//
// Rule: every name, alternative name and demonym in the gazetteer is counted
// where it occurs as whole words, case-sensitively as written with a capital
// ("Peru", "Peruvian", "Costa Rica"), in full capitals ("PERU") or, for
// multi-word names, with capitalised connectors ("Trinidad And Tobago");
// Spanish demonyms are also counted in lower case ("peruanos"), except
// "china" and "chinos". So "turkey" the bird and "china" the porcelain do
// not count. Accents are ignored ("Peru" = "Perú"). The longest name wins
// and its words are used up:
// "Papua New Guinea" is not also "Guinea", "South Sudan" not "Sudan",
// "Dominican Republic" not "Dominica", "Democratic Republic of the Congo" not
// "Republic of the Congo". Each country scores 5 per mention in the title,
// 3 per mention in the abstract and 1 per mention in the body, and is kept
// if it is named in the title or the abstract or at least twice in the body.
// Ties keep the order of first appearance; at most 8 are returned.
//
// Deliberately not counted: "American", "Indian", "Spanish", "French",
// "German", "English", "Korean", "Dominican" alone (ambiguous), names inside
// other places ("New Mexico", "New Guinea", "Gulf of Guinea", "Niger Delta",
// "South China Sea", "New South Wales"), the currency ("US$", "US dollars",
// "dólares estadounidenses"), "US" in capitals right after a verb that takes
// the pronoun ("CONTACT US"). "Georgia" and "Georgian" count only if the
// document also names Tbilisi, the Caucasus, Abkhazia or Ossetia (the US
// state is as frequent). "Congo" alone means the Republic of the Congo
// (UN usage). Known risks: "Chad", "Jordan", "Israel" and "Francia" are also
// given names, "Armenia" a Colombian city.
func Countries(title, abstract string, paragraphs []string) []string {
	g := gaz()
	var t tally
	scratch := spanScratch.Get().(*[]span)
	defer spanScratch.Put(scratch)
	toks := (*scratch)[:0]
	defer func() { *scratch = toks[:0] }()
	toks = g.count(title, inTitle, &t, toks)
	toks = g.count(abstract, inAbstract, &t, toks)
	paragraphs = beforeReferences(paragraphs)
	size := 0
	for _, p := range paragraphs {
		size += len(p)
	}
	t.bodyBytes = size
	for i, off := 0, 0; i < len(paragraphs); i++ {
		f := inBody
		if off*leadShare < size && len(paragraphs) >= minLeadParagraphs {
			f = inLead
		}
		toks = g.count(paragraphs[i], f, &t, toks)
		off += len(paragraphs[i])
	}
	return t.result(g)
}

// spanScratch holds the word spans Countries reuses from one call to the
// next: a long paragraph needs thousands.
var spanScratch = sync.Pool{New: func() any { s := make([]span, 0, 256); return &s }}

// referenceHeadings end a document's text for Countries: what follows
// cites other works, whose titles name countries in passing.
var referenceHeadings = map[string]bool{
	"references": true, "bibliography": true, "works cited": true, "sources": true,
	"literature": true, "endnotes": true, "notes": true, "further reading": true,
	"referencias": true, "bibliografía": true, "bibliografia": true, "notas": true, "fuentes": true,
	"références": true, "bibliographie": true, "literatur": true, "literaturverzeichnis": true,
}

// beforeReferences returns the paragraphs before a references heading in
// the second half of the text (a heading near the top is more likely a
// table of contents).
func beforeReferences(paras []string) []string {
	for i := len(paras) / 2; i < len(paras); i++ {
		h := strings.Trim(strings.TrimSpace(paras[i]), ".:0123456789 ")
		if len(h) >= 3*30 {
			continue // lower case is at least a third as long (K, the Kelvin sign, is 3 bytes, k 1)
		}
		if h = strings.ToLower(h); len(h) < 30 && referenceHeadings[h] {
			return paras[:i]
		}
	}
	return paras
}

// CountryName maps a country name, alternative name, demonym or ISO 3166-1
// alpha-2/alpha-3 code to its canonical English short name: "Perú",
// "Peruvian", "peruanos", "PE" and "PER" all give "Peru"; "Burma" gives
// "Myanmar", "USA" and "U.S." "United States", "Ivory Coast" "Côte d'Ivoire",
// "the Netherlands" and "Holland" "Netherlands". Case, accents, punctuation
// and a leading "the" are ignored, since it is meant for whole metadata
// fields, not running text. The ambiguous words Countries skips ("American",
// "Indian", "Spanish", ...) are unknown here too.
func CountryName(s string) (string, bool) {
	g := gaz()
	i, ok := g.byKey[nameKey(s)]
	if !ok {
		return "", false
	}
	return g.countries[i].name, true
}

// field is the part of a document a mention is in.
type field int

const (
	inTitle field = iota
	inAbstract
	inBody
	inLead // the start of the body
)

var fieldWeight = [...]int{inTitle: titleWeight, inAbstract: abstractWeight, inBody: bodyWeight, inLead: leadWeight}

// tally accumulates the mentions of one document.
type tally struct {
	counts    []countryCount // in order of first appearance
	signalled []int
	bodyBytes int // the length of the body
}

type countryCount struct {
	country  int
	mentions [4]int // by field
	score    int
}

// body is the number of mentions in the body, the lead included.
func (c countryCount) body() int { return c.mentions[inBody] + c.mentions[inLead] }

func (t *tally) add(country int, f field) {
	i := 0
	for i < len(t.counts) && t.counts[i].country != country {
		i++
	}
	if i == len(t.counts) {
		t.counts = append(t.counts, countryCount{country: country})
	}
	t.counts[i].mentions[f]++
	t.counts[i].score += fieldWeight[f]
}

func (t *tally) result(g *gazetteer) []string {
	minBody := max(minBodyMentions, t.bodyBytes/bytesPerMention)
	top := 0
	for _, c := range t.counts {
		top = max(top, c.body())
	}
	minBody = max(minBody, (top+topShare-1)/topShare)
	kept := t.counts[:0]
	for _, c := range t.counts {
		if g.needs[c.country] && !containsInt(t.signalled, c.country) {
			continue
		}
		if c.mentions[inTitle] > 0 || c.mentions[inAbstract] > 0 || c.body() >= minBody {
			kept = append(kept, c)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].score > kept[j].score })
	if len(kept) > maxCountries {
		kept = kept[:maxCountries]
	}
	if len(kept) == 0 {
		return nil
	}
	out := make([]string, len(kept))
	for i, c := range kept {
		out[i] = g.countries[c.country].name
	}
	return out
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// count scans s, which is in field f, for phrases and tallies the mentions.
// toks is scratch space, returned for reuse.
func (g *gazetteer) count(s string, f field, t *tally, toks []span) []span {
	toks = appendSpans(toks[:0], s)
	var buf [maxWordLen]byte // folding never lengthens a word
	for i := 0; i < len(toks); i++ {
		var cands []phrase
		switch w := s[toks[i].start:toks[i].end]; {
		case toks[i].ascii:
			if g.mayStart(w) {
				cands = g.first[w]
			}
		case len(w) <= maxWordLen:
			cands = g.first[string(foldAppend(buf[:0], w))] // no allocation
		}
		for _, p := range cands {
			if !p.matches(s, toks[i+1:]) {
				continue
			}
			if p.pronoun && i > 0 && toks[i-1].ascii && usPronounVerbs[s[toks[i-1].start:toks[i-1].end]] {
				break
			}
			if p.currency && dollarSign(s, toks[i+len(p.rest)].end) {
				break
			}
			switch p.kind {
			case mention:
				t.add(p.country, f)
			case signal:
				if !containsInt(t.signalled, p.country) {
					t.signalled = append(t.signalled, p.country)
				}
			}
			i += len(p.rest)
			break
		}
	}
	return toks
}

// maxWordLen bounds the words worth looking up: no name in the gazetteer has
// a longer word once folded.
const maxWordLen = 48

// dollarSign reports whether s has a "$" at i, after any dots ("US$",
// "U.S.$").
func dollarSign(s string, i int) bool {
	for i < len(s) && s[i] == '.' {
		i++
	}
	return i < len(s) && s[i] == '$'
}

func (p phrase) matches(s string, toks []span) bool {
	if len(p.rest) > len(toks) {
		return false
	}
	var buf [maxWordLen]byte
	for j, want := range p.rest {
		t := toks[j]
		w := s[t.start:t.end]
		if t.ascii {
			if w != want {
				return false
			}
			continue
		}
		if len(w) > maxWordLen || string(foldAppend(buf[:0], w)) != want {
			return false
		}
	}
	return true
}

// span is one word of a text: a run of letters, digits and combining marks.
// Everything else, apostrophes, hyphens and dots included, separates words,
// so "U.S." is the two words "U S" and "Côte d'Ivoire" is "Côte d Ivoire",
// in the text and in the gazetteer alike.
type span struct {
	start, end int
	ascii      bool
}

func appendSpans(dst []span, s string) []span {
	for i := 0; ; {
		t, ok := nextSpan(s, i)
		if !ok {
			return dst
		}
		dst = append(dst, t)
		i = t.end
	}
}

// nextSpan returns the first word of s at or after byte i. ASCII bytes,
// most of any text, are told apart by table in loops of their own.
func nextSpan(s string, i int) (span, bool) {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiWord[c] {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			break
		}
		i += size
	}
	if i >= len(s) {
		return span{}, false
	}
	start, ascii := i, true
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if !asciiWord[c] {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			break
		}
		ascii = false
		i += size
	}
	return span{start, i, ascii}, true
}

// isWordRune reports whether a non-ASCII rune belongs to a word: a letter,
// a digit or a combining mark.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// foldAppend appends w to dst with Latin accents removed ("Perú" → "Peru",
// "São" → "Sao") and combining marks dropped, keeping case.
func foldAppend(dst []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		i += size
		switch {
		case r < rune(len(foldTable)) && foldTable[r] != 0:
			dst = append(dst, foldTable[r])
		case unicode.Is(unicode.Mn, r):
		default:
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}

// foldTable maps Latin-1 and Latin Extended-A letters to their base letter.
var foldTable = func() (t [0x180]byte) {
	const pairs = "ÀAÁAÂAÃAÄAÅAÇCÈEÉEÊEËEÌIÍIÎIÏIÑNÒOÓOÔOÕOÖOØOÙUÚUÛUÜUÝY" +
		"àaáaâaãaäaåaçcèeéeêeëeìiíiîiïiñnòoóoôoõoöoøoùuúuûuüuýyÿy" +
		"ĀAāaĂAăaĄAąaĆCćcČCčcĎDďdĒEēeĖEėeĘEęeĚEěeĞGğgĪIīiĮIįiİIıiŁLłlŃNńnŇNňnŌOōoŐOőoŘRřrŚSśsŞSşsŠSšsŢTţtŤTťtŪUūuŮUůuŰUűuŲUųuŹZźzŻZżzŽZžz"
	rs := []rune(pairs)
	for i := 0; i+1 < len(rs); i += 2 {
		t[rs[i]] = byte(rs[i+1])
	}
	return t
}()
