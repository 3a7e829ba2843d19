package indexer

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/text/unicode/norm"
)

// This file splits a personal name into its given and family parts, the
// way citations need it: "Quispe Huamán, M." and not "Huamán, M. Q.".
//
// When the source says which part is the family name ("Quispe Huamán,
// Mónica" in citation_author, DC.creator, a sidecar or JSON Lines), the
// record keeps it in Record.Families and NameWithFamily uses it. Otherwise
// ParseName infers it from the shape of the name:
//
//   - "Family, Given" is inverted already;
//   - family names written in capitals ("QUISPE HUAMÁN Mónica") are the family;
//   - Burmese names have no family name and are cited whole ("Kyaw Zin Htun");
//   - Vietnamese names put the family first ("Nguyen Thi Mai");
//   - Chinese, Korean and Japanese names in their own script put it first,
//     and so do romanised ones whose first word is a common family name and
//     whose last word is not ("Xi Jinping", "Kim Jong-un");
//   - Spanish names usually carry two family names ("Mónica Quispe Huamán"),
//     so a three-word Hispanic name has one given name and two family names
//     unless the second word is itself a given name ("María José Pérez");
//   - particles join the family name ("van Gogh", "von der Leyen", "da Silva",
//     "bin Laden", "Al Maktoum", "Ortega y Gasset");
//   - "Jr.", "III" and the like are a suffix, not the family name.
//
// It is a heuristic and says so: a name that fits none of the rules is
// "Given … Family", which is right for most names in the corpus's languages.

// Name is a personal name split for citing. A name with no Given part (a
// mononym, a Burmese name or an organisation) is cited whole, as Family.
type Name struct {
	Given  string `json:"given,omitempty"`
	Family string `json:"family"`
	Suffix string `json:"suffix,omitempty"` // "Jr.", "III"
	// FamilyFirst marks names whose tradition writes the family name
	// first ("Nguyen Thi Mai", "Xi Jinping"): styles that invert names
	// leave these as they are.
	FamilyFirst bool `json:"family_first,omitempty"`
}

// Whole reports whether the name is cited as written, without inversion.
func (n Name) Whole() bool { return n.Given == "" }

// NameWithFamily splits full using the family name the source gave, when
// it is a part of full; otherwise it infers the split like ParseName.
func NameWithFamily(full, family string) Name {
	full, family = collapse(full), collapse(family)
	if family == "" {
		return ParseName(full)
	}
	if given, _, ok := strings.Cut(full, ","); ok && strings.EqualFold(strings.TrimSpace(given), family) {
		return ParseName(full)
	}
	switch {
	case strings.EqualFold(full, family):
		return Name{Family: full}
	case hasWordSuffix(full, family):
		return Name{Given: strings.TrimSpace(full[:len(full)-len(family)]), Family: full[len(full)-len(family):]}
	case hasWordPrefix(full, family):
		return Name{Given: strings.TrimSpace(full[len(family):]), Family: full[:len(family)], FamilyFirst: true}
	}
	return ParseName(full)
}

func hasWordSuffix(s, w string) bool {
	return len(s) > len(w) && strings.EqualFold(s[len(s)-len(w):], w) && s[len(s)-len(w)-1] == ' '
}

func hasWordPrefix(s, w string) bool {
	return len(s) > len(w) && strings.EqualFold(s[:len(w)], w) && s[len(w)] == ' '
}

// ParseName splits a personal name into given and family parts (see the
// rules at the top of this file).
func ParseName(full string) Name {
	full = collapse(full)
	if full == "" {
		return Name{}
	}
	if family, given, ok := strings.Cut(full, ","); ok {
		given, family = strings.TrimSpace(given), strings.TrimSpace(family)
		switch {
		case given == "":
			return ParseName(family)
		case isNameSuffix(given): // "Martin Luther King, Jr."
			n := ParseName(family)
			n.Suffix = given
			return n
		}
		n := Name{Given: given, Family: family}
		// "King, Martin Luther, Jr."
		if g, suf, ok := strings.Cut(given, ","); ok && isNameSuffix(strings.TrimSpace(suf)) {
			n.Given, n.Suffix = strings.TrimSpace(g), strings.TrimSpace(suf)
		}
		return n
	}
	words := strings.Fields(full)
	var suffix string
	if len(words) > 2 && isNameSuffix(words[len(words)-1]) {
		suffix, words = words[len(words)-1], words[:len(words)-1]
	}
	n := splitWords(words)
	n.Suffix = suffix
	return n
}

func splitWords(words []string) Name {
	whole := strings.Join(words, " ")
	switch {
	case len(words) == 0:
		return Name{}
	case len(words) == 1:
		if r := []rune(words[0]); len(r) >= 2 && len(r) <= 4 && allHanOrHangul(r) {
			k := 1
			if len(r) >= 3 && compoundHanSurnames[string(r[:2])] {
				k = 2
			}
			return Name{Family: string(r[:k]), Given: string(r[k:]), FamilyFirst: true}
		}
		return Name{Family: whole} // a mononym: "Sukarno"
	case allEastAsianScript(whole):
		return Name{Family: words[0], Given: strings.Join(words[1:], " "), FamilyFirst: true}
	case isBurmese(words):
		return Name{Family: whole}
	}
	if capsFamily(words) >= 0 {
		return capsSplit(words)
	}
	if isVietnamese(words) || isEastAsianFamilyFirst(words) {
		return Name{Family: words[0], Given: strings.Join(words[1:], " "), FamilyFirst: true}
	}
	start := len(words) - 1
	if isHispanic(words) && !isPortuguese(words) {
		switch {
		case len(words) >= 4 && (words[len(words)-2] == "y" || words[len(words)-2] == "i"):
			// "Ortega y Gasset": the conjunction joins two family names.
			start = len(words) - 3
		case len(words) == 3 && !hispanicGiven[foldWord(words[1])] && !isParticle(words[1]):
			start = 1
		case len(words) >= 4 && !isParticle(words[len(words)-2]):
			start = len(words) - 2
		}
	}
	for start > 1 && isParticle(words[start-1]) {
		start--
	}
	return Name{Given: strings.Join(words[:start], " "), Family: strings.Join(words[start:], " ")}
}

// capsFamily is the index of the first word written in capitals when some
// but not all words are: "QUISPE HUAMÁN Mónica", "Mónica QUISPE HUAMÁN";
// -1 when there is none.
func capsFamily(words []string) int {
	first, n := -1, 0
	for i, w := range words {
		if isCapsWord(w) {
			if first < 0 {
				first = i
			}
			n++
		}
	}
	if n == 0 || n == len(words) {
		return -1
	}
	return first
}

func capsSplit(words []string) Name {
	var fam, given []string
	for _, w := range words {
		if isCapsWord(w) {
			fam = append(fam, titleCaseName(w))
		} else {
			given = append(given, w)
		}
	}
	return Name{Given: strings.Join(given, " "), Family: strings.Join(fam, " ")}
}

// isCapsWord is a word of two or more letters, all capitals: "HUAMÁN", not
// "A." or "J.-P.".
func isCapsWord(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			letters++
		case r != '-' && r != '\'':
			return false
		}
	}
	return letters >= 2
}

// familyParticles join the family name that follows them (nameParticles,
// in meta.go, are the words that may sit inside a name at all; "y" and "e"
// join two family names instead, and "san" is capitalised).
var familyParticles = map[string]bool{
	"van": true, "von": true, "der": true, "den": true, "de": true, "del": true, "della": true, "dello": true,
	"di": true, "da": true, "das": true, "do": true, "dos": true, "du": true, "des": true, "la": true, "le": true,
	"ten": true, "ter": true, "zu": true, "vom": true, "het": true, "'t": true,
	"bin": true, "bint": true, "ibn": true, "al": true, "el": true, "ben": true, "abu": true, "ould": true,
	"st.": true, "san": true, "santa": true,
}

func isParticle(w string) bool { return familyParticles[strings.ToLower(w)] }

// burmeseSyllables are the words Burmese names are made of; a name made
// only of them, with at least one that no other naming tradition of the
// corpus uses, has no family name.
var burmeseSyllables = wordSet(`aung san suu kyi kyaw zin htun tun thein sein min hlaing win myint maung thant
	khin nyunt soe ko naing zaw htet hla myo lwin moe thura phyo thiha wai yan ye nyein thida su mya than
	shwe htay nu ne thu aye chit tin ohn pyae naung sandar thet ei mon thwe zar nandar oo khaing hnin
	wint yadanar swe kyu thwin lay pyi tint sanda`)

var burmeseOnly = wordSet(`aung suu thein kyaw htun hlaing myint maung thant nyunt naing zaw htet hla myo lwin thura phyo thiha
	nyein thida htay aye ohn pyae naung thwe hnin khaing yadanar`)

func isBurmese(words []string) bool {
	distinct := false
	for _, w := range words {
		f := foldWord(w)
		if !burmeseSyllables[f] {
			return false
		}
		distinct = distinct || burmeseOnly[f]
	}
	return distinct
}

// vietFamilies are the common Vietnamese family names; vietMiddles the
// middle names that mark a Vietnamese name when the family name alone is
// ambiguous.
var vietFamilies = wordSet(`nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh truong
	trinh luong lam mai cao ha ta doan quach`)

var vietStrong = wordSet(`nguyen tran pham huynh phan vu vo dang bui ngo duong dinh truong trinh luong quach doan`)

var vietMiddles = wordSet(`thi van duc ngoc minh quoc huu xuan thanh kim hong thu anh cong manh tuan hai bao dieu`)

func isVietnamese(words []string) bool {
	first := foldWord(words[0])
	if !vietFamilies[first] {
		return false
	}
	if len(words) >= 3 && vietMiddles[foldWord(words[1])] {
		return true
	}
	return vietStrong[first] && len(words) >= 3
}

// eastAsianFamilies are common Chinese, Korean and Japanese family names in
// romanisation. A name starting with one and not ending with one puts the
// family first ("Xi Jinping"); "Wei Zhang", ending with one, keeps the
// given-first order it is written in.
var eastAsianFamilies = wordSet(`wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo
	zheng liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei
	su lu ding shen ren yao jin fu zhong xi mao
	kim lee park choi jung kang cho yoon jang lim shin han oh seo kwon hwang ahn song hong jeon moon
	sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida yamada sasaki
	yamaguchi matsumoto inoue kimura hayashi shimizu abe mori ikeda hashimoto ishikawa ogawa okada`)

func isEastAsianFamilyFirst(words []string) bool {
	if len(words) > 3 || !eastAsianFamilies[foldWord(words[0])] {
		return false
	}
	last := words[len(words)-1]
	if eastAsianFamilies[foldWord(last)] {
		return false
	}
	// The given name must read as romanised Chinese or Korean (one or two
	// syllables per part: "Jinping", "Jong-un") or Japanese ("Hiroshi"):
	// "Lee Carter" and "Lee Harvey Oswald" keep the Western order.
	given := strings.ToLower(strings.Join(words[1:], "-"))
	for _, part := range strings.Split(given, "-") {
		f := foldWord(part)
		if !reSinoKoreanGiven.MatchString(f) && !reJapaneseGiven.MatchString(f) {
			return false
		}
	}
	return true
}

var (
	reSinoKoreanGiven = regexp.MustCompile(`^(?:(?:zh|ch|sh|ts|[bcdfghjklmnpqrstwxyz])?[aeiouy]{1,3}(?:ng|n|k|p|m|l)?){1,2}$`)
	reJapaneseGiven   = regexp.MustCompile(`^(?:(?:sh|ch|ts|ky|ry|ny|hy|my|gy|by|py|[kgsztdnhbpmyrwfj])?[aeiou]n?){2,4}$`)
)

// compoundHanSurnames are the two-character family names.
var compoundHanSurnames = map[string]bool{"欧阳": true, "司马": true, "诸葛": true, "上官": true, "司徒": true, "歐陽": true, "諸葛": true, "東方": true}

func allHanOrHangul(rs []rune) bool {
	for _, r := range rs {
		if !unicode.Is(unicode.Han, r) && !unicode.Is(unicode.Hangul, r) {
			return false
		}
	}
	return true
}

// allEastAsianScript reports a name written in Han, Hangul or Kana only
// (spaces apart): the family name comes first.
func allEastAsianScript(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case r == ' ' || r == '・':
		case unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana):
			n++
		default:
			return false
		}
	}
	return n > 0
}

// hispanicGiven are given names common in Spanish and Portuguese, used to
// tell "Mónica Quispe Huamán" (one given, two family) from "María José
// Pérez" (two given, one family).
var hispanicGiven = wordSet(`maria jose juan carlos luis antonio manuel angel miguel jesus francisco javier pedro
	pablo andres alberto eduardo ignacio fernando rafael ricardo roberto sergio jorge alejandro diego daniel
	mario enrique ramon vicente felipe tomas gabriel hector oscar raul ruben victor hugo martin cesar
	ana lucia monica isabel elena teresa carmen rosa paula laura marta cristina ines beatriz patricia
	claudia sofia gabriela fernanda eugenia mercedes pilar dolores angela veronica silvia sonia susana
	adriana alejandra andrea carolina catalina daniela diana esperanza gloria josefina julia leticia
	lourdes luisa marcela margarita mariana natalia pamela raquel rocio sandra soledad valeria ximena
	joao luiz inacio goncalo conceicao fatima graca jaime evo alvaro ivan cristobal emilio gustavo
	julio marcos nicolas rodrigo santiago sebastian agustin armando arturo camilo esteban facundo`)

// hispanicFamilies are family names common in Spanish-speaking countries
// and among the Andean peoples the corpus writes about.
var hispanicFamilies = wordSet(`garcia rodriguez gonzalez fernandez lopez martinez sanchez perez gomez martin
	jimenez ruiz hernandez diaz moreno alvarez romero alonso gutierrez navarro torres dominguez vazquez ramos
	gil ramirez serrano blanco suarez molina morales ortega delgado castro ortiz rubio marin sanz nunez
	iglesias medina garrido cortes castillo santos lozano guerrero cano prieto mendez cruz calvo gallego
	vidal leon marquez herrera pena flores cabrera campos vega fuentes carrasco diez caballero reyes nieto
	aguilar pascual santana herrero montero lorenzo hidalgo gimenez ibanez ferrer duran santiago benitez
	mora vargas quispe huaman mamani choque condori flores apaza chambi ticona huanca cordoba nanez
	soberon rojas salazar valencia mejia orozco zapata arias paredes espinoza cardenas villanueva`)

// isHispanic reports a name that reads as Spanish or Portuguese: a common
// family name after the first word, or a letter these languages use and
// English, French and German names rarely do (the given name alone does not
// tell: "Laura Ingalls Wilder", "Martin Luther King").
func isHispanic(words []string) bool {
	for i, w := range words {
		if strings.ContainsAny(w, "ñÑáíóúÁÍÓÚ") || i > 0 && hispanicFamilies[foldWord(w)] {
			return true
		}
	}
	return false
}

// isPortuguese reports a Portuguese name: Portuguese cites the last family
// name ("Cardoso, Fernando Henrique"), not two.
func isPortuguese(words []string) bool {
	for _, w := range words {
		if strings.ContainsAny(w, "ãõçÃÕÇ") || portugueseWords[foldWord(w)] {
			return true
		}
	}
	return false
}

var portugueseWords = wordSet(`joao luiz goncalo conceicao silva souza oliveira pereira ferreira almeida
	carvalho ribeiro rodrigues costa cardoso barbosa araujo cavalcanti dos das`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// foldWord lower-cases w and drops accents and punctuation: "Huamán" ->
// "huaman", "Nguyễn" -> "nguyen".
func foldWord(w string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(w)) {
		switch {
		case r == 'đ':
			b.WriteRune('d')
		case r < 0x80 && (unicode.IsLetter(r) || r == '-'):
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// invertedFamilies maps each name written "Family, Given" among raw (as a
// source gives them, before normaliseAuthor) to its family name, keyed by
// the normalised name in lower case.
func invertedFamilies(raw []string) map[string]string {
	fams := map[string]string{}
	for _, r := range raw {
		for _, piece := range splitAuthors(r) {
			if !isInvertedName(piece) {
				continue
			}
			family := collapse(piece[:strings.Index(piece, ",")])
			if isAllCaps(family) && !isAcronym(family) {
				family = titleCaseName(family)
			}
			if family != "" {
				fams[strings.ToLower(normaliseAuthor(piece))] = family
			}
		}
	}
	return fams
}

// metaFamilies reads the family names a page's head gives by inverting a
// name: citation_author, DC.creator and their kin.
func metaFamilies(doc *goquery.Document) map[string]string {
	var raw []string
	doc.Find("meta[name][content]").Each(func(_ int, s *goquery.Selection) {
		switch strings.ToLower(s.AttrOr("name", "")) {
		case "citation_author", "dc.creator", "dcterms.creator", "dc.creator.personalname",
			"dc.contributor.author", "author":
			raw = append(raw, s.AttrOr("content", ""))
		}
	})
	return invertedFamilies(raw)
}

// authorFamilies lines the known family names up with authors: nil when
// the sources name none of them, so most records carry nothing extra.
func authorFamilies(authors []string, fams map[string]string) []string {
	if len(fams) == 0 {
		return nil
	}
	out := make([]string, len(authors))
	any := false
	for i, a := range authors {
		f, ok := fams[strings.ToLower(a)]
		if !ok {
			continue
		}
		if n := NameWithFamily(a, f); strings.EqualFold(n.Family, f) {
			out[i], any = n.Family, true
		}
	}
	if !any {
		return nil
	}
	return out
}
