package indexer

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Dates written in text: the forms and languages a dateline or label may take.

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
	shape := dateShapeOf(s)
	if !shape.year && !shape.dotted {
		return "", -1, -1
	}
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
	for _, m := range findAllIf(shape.spacedYear, reDayMonthYear, s) {
		if mo := monthNumber(s[m[4]:m[5]]); mo > 0 {
			try(formatDate(atoi(s[m[6]:m[7]]), mo, atoi(s[m[2]:m[3]])), m)
			break
		}
	}
	for _, m := range findAllIf(shape.spacedYear, reMonthDayYear, s) {
		if mo := monthNumber(s[m[2]:m[3]]); mo > 0 {
			try(formatDate(atoi(s[m[6]:m[7]]), mo, atoi(s[m[4]:m[5]])), m)
			break
		}
	}
	for _, m := range findAllIf(shape.spacedYear, reMonthYear, s) {
		if mo := monthNumber(s[m[2]:m[3]]); mo > 0 {
			try(formatDate(atoi(s[m[4]:m[5]]), mo, 0), m)
			break
		}
	}
	if m := findIf(shape.cjk, reCJKDate, s); m != nil {
		day := 0
		if m[6] >= 0 {
			day = atoi(s[m[6]:m[7]])
		}
		try(formatDate(atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), day), m)
	}
	if m := findIf(shape.yearDash, reISODate, s); m != nil {
		try(formatDate(atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]])), m)
	}
	if m := findIf(shape.yearSlash, reSlashYMD, s); m != nil {
		try(formatDate(atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]])), m)
	}
	for _, m := range findAllIf(shape.sepYear, reNumericDMY, s) {
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
		if m := findIf(shape.dotted, reDottedShort, s); m != nil {
			y := 2000 + atoi(s[m[6]:m[7]])
			if y > maxYear() {
				y -= 100
			}
			try(formatDate(y, atoi(s[m[4]:m[5]]), atoi(s[m[2]:m[3]])), []int{m[2], m[7]})
		}
	}
	return best, bs, be
}

// dateShape tells which of findDate's patterns can match a text at all, from
// one pass over its bytes: every one needs a year of four digits in a row
// with a space, a separator or a dash next to it in a given place, except
// the short dotted form "25.04.24". Most text holds no year, and most years
// are no date: running only the patterns that can match gives findDate the
// same result for a fraction of the work.
type dateShape struct {
	year       bool // four digits or more in a row
	spacedYear bool // ... after a space: "14 March 2005", "March 2005"
	sepYear    bool // ... after a slash or a dot: "14/03/2005"
	yearDash   bool // ... before a dash: "2005-03-14"
	yearSlash  bool // ... before a slash: "2005/03/14"
	cjk        bool // a year and 年 or 년: "2020年3月14日"
	dotted     bool // two digits, then ".dd.dd": "25.04.24"
}

func dateShapeOf(s string) dateShape {
	var sh dateShape
	for i := 0; i < len(s); {
		if !isASCIIDigit(s[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && isASCIIDigit(s[j]) {
			j++
		}
		if j-i >= 4 {
			sh.year = true
			if i > 0 {
				switch s[i-1] {
				case ' ', '\t', '\n', '\f', '\r':
					sh.spacedYear = true
				case '/', '.':
					sh.sepYear = true
				}
			}
			if j < len(s) {
				switch s[j] {
				case '-':
					sh.yearDash = true
				case '/':
					sh.yearSlash = true
				}
			}
		}
		if j-i >= 2 && j+5 < len(s) && s[j] == '.' && isASCIIDigit(s[j+1]) && isASCIIDigit(s[j+2]) &&
			s[j+3] == '.' && isASCIIDigit(s[j+4]) && isASCIIDigit(s[j+5]) {
			sh.dotted = true
		}
		i = j
	}
	sh.cjk = sh.year && (strings.Contains(s, "年") || strings.Contains(s, "년"))
	return sh
}

func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }

// findAllIf and findIf run re over s only when ok says it can match.
func findAllIf(ok bool, re *regexp.Regexp, s string) [][]int {
	if !ok {
		return nil
	}
	return re.FindAllStringSubmatchIndex(s, -1)
}

func findIf(ok bool, re *regexp.Regexp, s string) []int {
	if !ok {
		return nil
	}
	return re.FindStringSubmatchIndex(s)
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
