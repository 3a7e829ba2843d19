package indexer

import (
	"regexp"
	"testing"
)

// dateShapePatterns pairs each pattern findDate runs with the shape flag
// that lets it run: the flag must be set whenever the pattern matches, or
// findDate would miss a date.
func dateShapePatterns(sh dateShape) []struct {
	name string
	re   *regexp.Regexp
	ok   bool
} {
	return []struct {
		name string
		re   *regexp.Regexp
		ok   bool
	}{
		{"day month year", reDayMonthYear, sh.spacedYear},
		{"month day year", reMonthDayYear, sh.spacedYear},
		{"month year", reMonthYear, sh.spacedYear},
		{"CJK", reCJKDate, sh.cjk},
		{"ISO", reISODate, sh.yearDash},
		{"slash YMD", reSlashYMD, sh.yearSlash},
		{"numeric DMY", reNumericDMY, sh.sepYear},
		{"dotted short", reDottedShort, sh.dotted},
	}
}

func checkDateShape(t *testing.T, s string) {
	t.Helper()
	for _, p := range dateShapePatterns(dateShapeOf(s)) {
		if !p.ok && p.re.MatchString(s) {
			t.Errorf("dateShapeOf(%q) rules out the %s pattern, which matches", s, p.name)
		}
	}
}

func TestDateShape(t *testing.T) {
	for _, s := range []string{
		"17 November 2005", "November 17, 2005", "March\t2005", "marzo de\n2005",
		"2005-03-14", "x2005-03-14", "2005/03/14", "14/03/2005", "03.04.2005",
		"2020年3月14日", "2020 年 3 月", "2020년 3월 14일", "Do 25.04.24 | 14:07",
		"(25.04.24)", "20250.04.24", "Version 1.2.10", "Peru in 2005 and 2006",
		"12345 67890", "", "2005", "a 2005b",
	} {
		checkDateShape(t, s)
	}
	if sh := dateShapeOf("The 47 per cent of 1.5 million"); sh.year || sh.dotted {
		t.Errorf("dateShapeOf found a year or a dotted date in a text without one: %+v", sh)
	}
}

func FuzzDateShape(f *testing.F) {
	for _, s := range []string{"17 November 2005", "2005-03-14", "14/03/2005", "25.04.24", "2020年3月14日", "x 1999/1/2"} {
		f.Add(s)
	}
	f.Fuzz(checkDateShape)
}
