package indexer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Authors written in text: bylines, name lists and what is not a name.

// nameParticles are lower-case words that may sit inside a personal name.
var nameParticles = map[string]bool{
	"de": true, "del": true, "la": true, "las": true, "los": true, "y": true, "e": true,
	"van": true, "von": true, "der": true, "den": true, "ten": true, "ter": true, "het": true,
	"da": true, "das": true, "do": true, "dos": true, "di": true, "du": true, "le": true,
	"al": true, "el": true, "bin": true, "ibn": true, "zu": true, "'t": true,
}

// orgWords mark a name as an organisation rather than a person.
var orgWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`institute institut instituto institution foundation fundación fundacion
		fundação stichting centre center centro programme program programa network red association
		asociación asociacion associação organisation organization organización organizacion
		university universidad universidade college council consejo committee comité comite commission
		comisión comision office oficina ministry ministerio project proyecto group grupo team equipo
		staff editors editor editorial redacción redaccion press prensa trust coalition coalición
		consortium forum foro agency agencia society sociedad union unión department departamento
		collective colectivo alliance alianza campaign campaña unit unidad secretariat secretaría
		observatory observatorio government gobierno ngo platform plataforma movement movimiento
		federation federación federacion international internacional transnational nations
		website web newsroom blog admin administrator webmaster service servicio`) {
		orgWords[w] = true
	}
}

var (
	// "By" in the languages of the collections we meet: von (de), par
	// (fr), por (es, pt), door (nl), af (da), av (sv, no), di (it), przez
	// (pl), od (cs, sk), oleh (id, ms).
	reBylinePrefix = regexp.MustCompile(`^(?i:(?:written\s+|text\s+|texto\s+)?by|por|par|von|door|af|av|di|przez|od|oleh)(?:\s*:)?\s+(.+)$`)
	// "Author:" (and "Text:", "Redaktion:") in English, Spanish, Portuguese, French, German, Italian,
	// Polish, Czech, the Scandinavian languages, Turkish, Indonesian,
	// Russian, Chinese, Japanese and Korean ("작성자", "글": text by), with
	// an ASCII or a full-width colon.
	reAuthorLabel = regexp.MustCompile(`^(?i:authors?|autor(?:es|as|a|en|zy|ka|ři|in|innen)?|text|texte|texto|redaktion|auteurs?|autori|autore|författare|forfatter(?:e)?|yazar(?:lar)?|penulis|автор(?:ы)?|作者|著者|筆者|撰文|작성자|글)\s*[:：]\s*(.+)$`)
	reParenthesis = regexp.MustCompile(`\s*[(\[][^)\]]*[)\]]`)
	// Names are separated by ";", ",", "/", "、" or an "and" word: and,
	// y, e, et, und, og, och, en (nl), i (ca, pl), a (cs), ve (tr), és
	// (hu), ja (fi), dan (id), și (ro), и (ru).
	reNameSplit = regexp.MustCompile(`\s*(?:;|,\s*(?:and|y|e|&|et|und|og|och|en|i|a|ve|és|ja|dan|și|şi|и)\s+|,|、|，|\s+(?:and|y|e|&|et|und|og|och|en|i|a|ve|és|ja|dan|și|şi|и)\s+|\s*/\s*)\s*`)
)

// parseByline reads a byline: "By A and B", "By A, B and C", "Authors: A;
// B", "Author: A", "Por A y B", "Autores: A, B y C". Text after the names
// (a date, "| Institute") is dropped. It returns the names and whether the
// line was a byline.
func parseByline(line string) ([]string, bool) {
	line = collapse(line)
	if line == "" || len(line) > 300 {
		return nil, false
	}
	if names, ok := parseBylineStart(line); ok {
		return names, true
	}
	// A dateline may come first: "Thu 25.04.24 | 14:07 | By Ana Pérez".
	for _, sep := range []string{" | ", " · ", " • "} {
		if i := strings.Index(line, sep); i > 0 {
			for _, seg := range strings.Split(line, sep)[1:] {
				if names, ok := parseBylineStart(strings.TrimSpace(seg)); ok {
					return names, true
				}
			}
		}
	}
	return datedByline(line)
}

// matchAuthorLabel is reAuthorLabel.FindStringSubmatch(s), skipped when s
// has no colon, which every author label ends in.
func matchAuthorLabel(s string) []string {
	if !strings.Contains(s, ":") && !strings.Contains(s, "：") {
		return nil
	}
	return reAuthorLabel.FindStringSubmatch(s)
}

// parseBylineStart reads a line that starts with a byline marker.
func parseBylineStart(line string) ([]string, bool) {
	var rest string
	labelled := false
	if m := matchAuthorLabel(line); m != nil {
		rest, labelled = m[1], true
	} else if m := reBylinePrefix.FindStringSubmatch(line); m != nil && !isVerbPhrase(m[1]) && !isProseSentence(m[1]) {
		rest = m[1]
	} else {
		return nil, false
	}
	rest = dropPlace(cutBylineTail(rest))
	names := splitAuthors(rest)
	var persons []string
	for _, n := range names {
		if looksLikeName(n) || labelled && looksLikeEastAsianName(n) {
			persons = append(persons, n)
		}
	}
	if names = normaliseAuthors(names); len(persons) == 0 || len(names) == 0 {
		return nil, false // "By Sir": a title, no name
	}
	return dropRoles(names), true
}

// cutBylineTail drops what follows the names in a byline: a date, or a
// part after " | ", " · ", " – " and the like.
func cutBylineTail(s string) string {
	if _, start, _ := findDate(s); start >= 0 {
		s = s[:start]
	}
	// "By TPN, in News, Business" and "By Ana Pérez in Lima": what
	// follows " in " is a category or a place.
	for _, sep := range []string{", in ", " in ", " | ", "|", " · ", " • ", " — ", " – ", " - ", "\n"} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	s = strings.TrimSpace(s)
	for {
		t := strings.TrimRight(s, " ,;:-–—")
		low := strings.ToLower(t)
		for _, w := range []string{" on", " el", " published", " publicado", " the"} {
			if strings.HasSuffix(low, w) {
				t = t[:len(t)-len(w)]
			}
		}
		t = dropWeekday(t)
		if t == s {
			return s
		}
		s = t
	}
}

// dropPlace removes a place after the names of a byline: "Ana Pérez,
// Frankfurt" is Ana Pérez writing from Frankfurt. The last comma part is
// read as a place when it is one capitalised word (not an acronym, which
// may be an agency) and the names before it have two words or more.
func dropPlace(s string) string {
	i := strings.LastIndex(s, ",")
	if i <= 0 {
		return s
	}
	tail := strings.TrimSpace(s[i+1:])
	r, _ := utf8.DecodeRuneInString(tail)
	if tail == "" || strings.ContainsAny(tail, " .") || !unicode.IsUpper(r) || isAcronym(tail) || isAllCaps(tail) {
		return s
	}
	head := s[:i]
	for _, n := range splitAuthors(head) {
		if len(strings.Fields(n)) < 2 {
			return s
		}
	}
	if reNameSplit.MatchString(tail) {
		return s
	}
	return head
}

// splitAuthors splits a string naming one or more people: "A; B",
// "A, B and C", "A y B", "Surname, Given".
func splitAuthors(s string) []string {
	s = collapse(reParenthesis.ReplaceAllString(s, ""))
	if s == "" || strings.Contains(s, "://") {
		return nil // an address (a profile page) names no one
	}
	if strings.Contains(s, ";") {
		var out []string
		for _, p := range strings.Split(s, ";") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
		return out
	}
	if isInvertedName(s) {
		return []string{s}
	}
	var out []string
	for _, p := range reNameSplit.Split(protectDeskCodes(s), -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, strings.ReplaceAll(p, deskSlash, "/"))
		}
	}
	return out
}

// isInvertedName reports whether s is one name written "Surname, Given"
// rather than two names separated by a comma. "Jelsma, Martin" and
// "García Márquez, Gabriel" are inverted; "Martin Jelsma, Tom Blickman" is
// a list.
func isInvertedName(s string) bool {
	if strings.Count(s, ",") != 1 || reNameSplit.MatchString(strings.Replace(s, ",", "", 1)) {
		return false
	}
	i := strings.Index(s, ",")
	sur, given := strings.Fields(s[:i]), strings.Fields(s[i+1:])
	if len(sur) == 0 || len(given) == 0 || len(sur) > 3 || len(given) > 3 {
		return false
	}
	if isNameSuffix(strings.Join(given, " ")) {
		return false
	}
	allCaps := isAllCaps(s)
	for _, w := range given {
		if !allCaps && isAcronym(w) || orgWords[strings.ToLower(w)] {
			return false
		}
	}
	return len(sur) == 1 || len(given) == 1
}

func isNameSuffix(s string) bool {
	switch strings.ToLower(strings.TrimSuffix(s, ".")) {
	case "jr", "sr", "ii", "iii", "iv", "phd", "md":
		return true
	}
	return false
}

// normaliseAuthor cleans one name: white space collapsed, a stray "By "
// and honorifics ("Mr.", "H.E.", "Dr") removed, "Surname, Given" turned into "Given Surname", bracketed
// affiliations dropped, and ALL CAPS turned into title case.
func normaliseAuthor(s string) string {
	s = collapse(reParenthesis.ReplaceAllString(s, ""))
	for {
		low := strings.ToLower(s)
		trimmed := false
		for _, p := range []string{"by ", "por ", "par ", "von ", "door ", "author: ", "autor: "} {
			// Only a capitalised name may follow: "von der Leyen" stays.
			if r, _ := utf8.DecodeRuneInString(s[min(len(p), len(s)):]); strings.HasPrefix(low, p) && unicode.IsUpper(r) {
				s = strings.TrimSpace(s[len(p):])
				trimmed = true
				break
			}
		}
		if !trimmed {
			break
		}
	}
	s = strings.Trim(stripHonorifics(dropAtHandles(s)), " ,;:|/-–—*")
	s = trimJobTitle(s)
	if isInvertedName(s) {
		i := strings.Index(s, ",")
		s = strings.TrimSpace(s[i+1:]) + " " + strings.TrimSpace(s[:i])
	}
	if isAllCaps(s) && !isAcronym(s) {
		s = titleCaseName(s)
	}
	return s
}

// jobTitles follow a name in East Asian bylines: "신현주 기자" is reporter
// Shin Hyun-joo, "山田太郎記者" reporter Yamada Taro. Longer titles first.
var jobTitles = []string{"선임기자", "특파원", "기자", "特派員", "記者", "通讯员"}

func trimJobTitle(s string) string {
	for _, t := range jobTitles {
		if rest := strings.TrimSpace(strings.TrimSuffix(s, t)); rest != s && rest != "" {
			return rest
		}
	}
	return s
}

// normaliseAuthors normalises each name, drops empty ones and duplicates
// (keeping the first), and drops organisations when people are present.
func normaliseAuthors(names []string) []string {
	var out []string
	seen := map[string]bool{}
	persons := 0
	for _, n := range names {
		n = normaliseAuthor(n)
		key := strings.ToLower(n)
		if n == "" || seen[key] || utf8.RuneCountInString(n) > 80 || !isNameLike(n) {
			continue
		}
		seen[key] = true
		out = append(out, n)
		if !looksLikeOrg(n) {
			persons++
		}
	}
	if persons > 0 && persons < len(out) {
		kept := out[:0]
		for _, n := range out {
			if !looksLikeOrg(n) {
				kept = append(kept, n)
			}
		}
		out = kept
	}
	return out
}

// isNameLike rejects what is never a name: an address, an e-mail, a
// string without letters, or a slug ("sophie-foster", "jane_doe").
func isNameLike(s string) bool {
	if !hasLetter(s) || strings.Contains(s, "://") || strings.Contains(s, "@") || isDescription(s) {
		return false
	}
	if !strings.ContainsRune(s, ' ') && strings.ContainsAny(s, "-_") && strings.ToLower(s) == s {
		return false
	}
	return true
}

// isDescription reports whether a part of an author field describes the
// author rather than naming them: four words or more, two of them in
// lower case ("professor at the faculty of law"). Names keep their
// particles ("Juan de la Cruz") but not that many common words.
func isDescription(s string) bool {
	words := strings.Fields(s)
	if len(words) < 4 {
		return false
	}
	lower := 0
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) && !nameParticles[w] {
			lower++
		}
	}
	return lower >= 2
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// looksLikeName reports whether s could be a person's name: one to six
// words, capitalised (particles and initials allowed), no digits, not an
// organisation.
func looksLikeName(s string) bool {
	s = collapse(s)
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 6 || len(s) > 60 || looksLikeOrg(s) {
		return false
	}
	caps := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case strings.ContainsAny(w, "0123456789:!?\"“”"):
			return false
		case unicode.IsUpper(r):
			caps++
		case nameParticles[strings.ToLower(w)]:
		default:
			return false
		}
	}
	return caps > 0
}

// looksLikeEastAsianName reports whether s could be a name written in
// Chinese, Japanese or Korean, which have no capitals to go by: one to
// three words of Han, Hangul or Kana, two to eight characters in all
// ("王伟", "佐藤 花子", "김민수"). Alone that says little, so it is asked
// only after an "Author:" label.
func looksLikeEastAsianName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	n := 0
	for _, w := range words {
		for _, r := range w {
			if !unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana) {
				return false
			}
			n++
		}
	}
	return n >= 2 && n <= 8
}

// looksLikeOrg reports whether a name belongs to an organisation: it holds
// an organisation word or is a bare acronym ("TNI").
func looksLikeOrg(s string) bool {
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	if len(words) == 1 && isAcronym(words[0]) && !strings.Contains(s, " ") {
		return true
	}
	for _, w := range words {
		if orgWords[strings.ToLower(w)] {
			return true
		}
	}
	return strings.Contains(s, "&")
}

// isAcronym reports whether w is 2 to 6 capital letters.
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 6
}

// isAllCaps reports whether s has at least two letters and no lower-case.
func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// titleCaseName turns "MARTIN JELSMA" into "Martin Jelsma", "JUAN DE LA
// CRUZ" into "Juan de la Cruz" and "JEAN-PIERRE O'BRIEN" into
// "Jean-Pierre O'Brien".
func titleCaseName(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		if i > 0 && nameParticles[w] {
			continue
		}
		rs := []rune(w)
		up := true
		for j, r := range rs {
			if up && unicode.IsLetter(r) {
				rs[j] = unicode.ToUpper(r)
			}
			up = r == '-' || r == '\'' || r == '’' || r == '.'
		}
		words[i] = string(rs)
	}
	return strings.Join(words, " ")
}
