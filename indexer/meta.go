package indexer

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// This file holds the small pure functions that read metadata out of
// strings: dates, bylines and author names, series lines, titles,
// languages. They know nothing about HTML; html.go and text.go decide which
// strings to feed them.

// ---- dates ----

var monthNames = map[string]int{}

func init() {
	// English, Spanish, Portuguese, French, German, Dutch, then Italian,
	// the Scandinavian languages, Indonesian, Romanian, Turkish, Polish,
	// Czech and Russian (both the nominative and the genitive a date uses:
	// "marzec", "14 marca"; "март", "14 марта").
	for i, names := range [12]string{
		"january jan enero ene janeiro janvier januar januari" +
			" gennaio ianuarie ocak styczeń stycznia leden ledna январь января янв",
		"february feb febrero fevereiro février fevrier februar februari" +
			" febbraio februarie şubat luty lutego únor února февраль февраля фев",
		"march mar marzo março marco mars märz maerz maart" +
			" maret martie mart marzec marca březen března март марта",
		"april apr abril avril" +
			" aprile aprilie nisan kwiecień kwietnia duben dubna апрель апреля апр",
		"may mayo maio mai mei" +
			" maggio maj mayıs maja květen května май мая",
		"june jun junio junho juin juni" +
			" giugno iunie haziran czerwiec czerwca červen června июнь июня",
		"july jul julio julho juillet juli" +
			" luglio iulie temmuz lipiec lipca červenec července июль июля",
		"august aug agosto août aout augustus" +
			" augusti agustus ağustos sierpień sierpnia srpen srpna август августа авг",
		"september sep sept septiembre setiembre set setembro septembre" +
			" settembre septembrie eylül wrzesień września září сентябрь сентября сен",
		"october oct octubre outubro octobre oktober" +
			" ottobre octombrie ekim październik października říjen října октябрь октября окт",
		"november nov noviembre novembro novembre" +
			" noiembrie kasım listopad listopada listopadu ноябрь ноября ноя",
		"december dec diciembre dic dezembro décembre decembre dezember" +
			" dicembre desember decembrie aralık grudzień grudnia prosinec prosince декабрь декабря дек",
	} {
		for _, n := range strings.Fields(names) {
			monthNames[n] = i + 1
		}
	}
}

func monthNumber(word string) int {
	return monthNames[strings.ToLower(strings.TrimSuffix(word, "."))]
}

// maxYear is the latest year a document may carry: next year, to allow
// for pre-dated publications.
func maxYear() int { return time.Now().Year() + 1 }

func validYear(y int) bool { return y >= 1900 && y <= maxYear() }

// formatDate returns "YYYY", "YYYY-MM" or "YYYY-MM-DD" (m and d 0 when
// unknown), or "" if the parts do not make a real date.
func formatDate(y, m, d int) string {
	if !validYear(y) || m < 0 || m > 12 || d < 0 || d > 31 || (m == 0 && d != 0) {
		return ""
	}
	switch {
	case m == 0:
		return strconv.Itoa(y)
	case d == 0:
		return strconv.Itoa(y) + "-" + pad2(m)
	}
	if t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC); t.Day() != d {
		return "" // 31 February and the like
	}
	return strconv.Itoa(y) + "-" + pad2(m) + "-" + pad2(d)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// yearOf returns the year of a date made by formatDate, or 0.
func yearOf(date string) int {
	if len(date) < 4 {
		return 0
	}
	y, err := strconv.Atoi(date[:4])
	if err != nil || !validYear(y) {
		return 0
	}
	return y
}

var (
	// Machine dates: 2005, 2005-03, 2005-03-14, 2005/03/14, with an
	// optional time and offset that we ignore: a datetime is cut to its day
	// in its own offset, which is what its author saw on the calendar.
	reMachineDate = regexp.MustCompile(`^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T ]\d{1,2}:\d{2}.*)?$`)
	reCompactDate = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})(?:T?\d{2,6}.*)?$`)

	// Dates in running text, with month names in the languages above.
	reDayMonthYear = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th|er|º|°|o)?\.?\s+(?:de\s+)?(\p{L}+)\.?,?\s+(?:de\s+|del\s+)?(\d{4})\b`)
	reMonthDayYear = regexp.MustCompile(`(?i)\b(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	reMonthYear    = regexp.MustCompile(`(?i)\b(\p{L}+)\.?,?\s+(?:de\s+|del\s+)?(\d{4})\b`)
	reISODate      = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	reSlashYMD     = regexp.MustCompile(`\b(\d{4})/(\d{1,2})/(\d{1,2})\b`)
	reNumericDMY   = regexp.MustCompile(`\b(\d{1,2})([/.])(\d{1,2})[/.](\d{4})\b`)
	// Chinese, Japanese and Korean: 2020年3月14日, 2020년 3월 14일, 2020年3月.
	reCJKDate = regexp.MustCompile(`(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월](?:\s*(\d{1,2})\s*[日일])?`)
	// "25.04.24": day, month and a two-digit year, the short form of
	// German and Scandinavian datelines. Only with dots and two digits each
	// (not a version number "1.2.10"), only when nothing longer matched.
	reDottedShort = regexp.MustCompile(`(?:^|[^\d.\pL])(\d{2})\.(\d{2})\.(\d{2})(?:$|[^\d.])`)
)

// refinesDate reports whether fine is the date coarse more precisely:
// "2024-06-11" refines "2024-06" and "2024", not "2024-07" or "".
func refinesDate(coarse, fine string) bool {
	return coarse != "" && len(fine) > len(coarse) && strings.HasPrefix(fine, coarse)
}

// parseDate reads a date given as a metadata value: a machine date or
// datetime, or a date in words. It returns "" when s holds no date.
func parseDate(s string) string {
	s = strings.TrimSpace(s)
	if m := reMachineDate.FindStringSubmatch(s); m != nil {
		return formatDate(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if m := reCompactDate.FindStringSubmatch(s); m != nil {
		return formatDate(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if d, _, _ := findDate(s); d != "" {
		return d
	}
	return ""
}

// findDate finds the first date written in running text ("17 November
// 2005", "November 17, 2005", "March 2005", "14 de marzo de 2005",
// "2005-03-14", "17/11/2005" when the day is unambiguous) and returns it
// with the byte span of the match. A bare year is not a date here: titles
// and sentences are full of years.
func findDate(s string) (date string, start, end int) {
	best, bs, be := "", -1, -1
	var invalid [][2]int // spans that read as a date but are not one
	try := func(d string, loc []int) {
		for _, sp := range invalid {
			if loc[0] < sp[1] && loc[1] > sp[0] {
				return // "February 2005" inside "31 February 2005"
			}
		}
		if d == "" {
			invalid = append(invalid, [2]int{loc[0], loc[1]})
			return
		}
		if bs < 0 || loc[0] < bs || loc[0] == bs && loc[1] > be {
			best, bs, be = d, loc[0], loc[1]
		}
	}
	for _, m := range reDayMonthYear.FindAllStringSubmatchIndex(s, -1) {
		if mo := monthNumber(s[m[4]:m[5]]); mo > 0 {
			try(formatDate(atoi(s[m[6]:m[7]]), mo, atoi(s[m[2]:m[3]])), m)
			break
		}
	}
	for _, m := range reMonthDayYear.FindAllStringSubmatchIndex(s, -1) {
		if mo := monthNumber(s[m[2]:m[3]]); mo > 0 {
			try(formatDate(atoi(s[m[6]:m[7]]), mo, atoi(s[m[4]:m[5]])), m)
			break
		}
	}
	for _, m := range reMonthYear.FindAllStringSubmatchIndex(s, -1) {
		if mo := monthNumber(s[m[2]:m[3]]); mo > 0 {
			try(formatDate(atoi(s[m[4]:m[5]]), mo, 0), m)
			break
		}
	}
	if m := reCJKDate.FindStringSubmatchIndex(s); m != nil {
		day := 0
		if m[6] >= 0 {
			day = atoi(s[m[6]:m[7]])
		}
		try(formatDate(atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), day), m)
	}
	if m := reISODate.FindStringSubmatchIndex(s); m != nil {
		try(formatDate(atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]])), m)
	}
	if m := reSlashYMD.FindStringSubmatchIndex(s); m != nil {
		try(formatDate(atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]])), m)
	}
	for _, m := range reNumericDMY.FindAllStringSubmatchIndex(s, -1) {
		a, b, y := atoi(s[m[2]:m[3]]), atoi(s[m[6]:m[7]]), atoi(s[m[8]:m[9]])
		switch {
		case a > 12 && b <= 12: // 14/03/2005
			try(formatDate(y, b, a), m)
		case b > 12 && a <= 12: // 03/14/2005
			try(formatDate(y, a, b), m)
		case s[m[4]:m[5]] == ".": // 03.04.2005: dots are day-first wherever they are used
			try(formatDate(y, b, a), m)
		default:
			continue // 03/04/2005 could be either
		}
		break
	}
	if bs < 0 {
		if m := reDottedShort.FindStringSubmatchIndex(s); m != nil {
			y := 2000 + atoi(s[m[6]:m[7]])
			if y > maxYear() {
				y -= 100
			}
			try(formatDate(y, atoi(s[m[4]:m[5]]), atoi(s[m[2]:m[3]])), []int{m[2], m[7]})
		}
	}
	return best, bs, be
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// ---- authors ----

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

// parseBylineStart reads a line that starts with a byline marker.
func parseBylineStart(line string) ([]string, bool) {
	var rest string
	labelled := false
	if m := reAuthorLabel.FindStringSubmatch(line); m != nil {
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

// ---- series ----

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

// ---- titles ----

var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " / "}

// cleanTitle drops a site name from the ends of a title: "Title |
// Institute", "Title - IDPR", "Institute: Title". A part is dropped only
// if it matches one of sites (site name, publisher) or, at the end, is a
// short acronym; "Coca: a human issue" keeps its colon.
func cleanTitle(title string, sites ...string) string {
	t := collapse(title)
	for changed := true; changed; {
		changed = false
		for _, sep := range append(titleSeparators, "|") {
			i := strings.LastIndex(t, sep)
			if i <= 0 {
				continue
			}
			tail := strings.TrimSpace(t[i+len(sep):])
			if matchesSite(tail, sites) || (sep == " | " || sep == " - " || sep == " – ") && isAcronym(tail) {
				t, changed = strings.TrimSpace(t[:i]), true
				break
			}
		}
		for _, sep := range append([]string{": ", "|"}, titleSeparators...) {
			i := strings.Index(t, sep)
			if i <= 0 {
				continue
			}
			if head := strings.TrimSpace(t[:i]); matchesSite(head, sites) && len(t) > i+len(sep) {
				t, changed = strings.TrimSpace(t[i+len(sep):]), true
				break
			}
		}
	}
	return t
}

// matchesSite reports whether seg names the site: equal to a site name
// (ignoring case and a leading "The"), to its acronym, or to a site name's
// form "Name (ACR)".
func matchesSite(seg string, sites []string) bool {
	n := normSite(seg)
	if n == "" {
		return false
	}
	for _, s := range sites {
		s = normSite(s)
		if s == "" {
			continue
		}
		if n == s || n == strings.ToLower(acronymOf(s)) && len(n) >= 2 {
			return true
		}
		if strings.HasPrefix(s, n+" (") || strings.HasPrefix(n, s+" (") {
			return true
		}
		if k := strings.Index(s, " ("); k > 0 && (n == s[:k] || n == strings.Trim(s[k+1:], "() ")) {
			return true
		}
	}
	return false
}

func normSite(s string) string {
	s = strings.ToLower(collapse(s))
	s = strings.TrimPrefix(s, "the ")
	return strings.TrimSpace(s)
}

// acronymOf returns the initials of the significant words of s:
// "international drug policy research" gives "idpr".
func acronymOf(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		if connectors[strings.ToLower(w)] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLetter(r) {
			b.WriteRune(r)
		}
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}

// ---- text helpers ----

// cutAtWord shortens s to at most max bytes, at a word boundary, adding an
// ellipsis when it cut.
func cutAtWord(s string, max int) string {
	if len(s) <= max {
		return s
	}
	cut := s[:max]
	for !utf8.ValidString(cut) {
		cut = cut[:len(cut)-1]
	}
	if i := strings.LastIndexByte(cut, ' '); i > max/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:-") + "…"
}

// sameText compares two strings ignoring case, white space and punctuation.
func sameText(a, b string) bool {
	return foldText(a) == foldText(b) && foldText(a) != ""
}

func foldText(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
