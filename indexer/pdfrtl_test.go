package indexer

import "testing"

// glyphsLTR lays out text's runes left to right as a PDF would print them
// in visual order, one unit per rune, a gap of two at spaces.
func glyphsLTR(visual string) []pdfGlyph {
	var gs []pdfGlyph
	x := 0.0
	for _, r := range visual {
		if r == ' ' {
			x += 3
			continue
		}
		gs = append(gs, pdfGlyph{x0: x, x1: x + 1, y: 100, size: 10, text: string(r)})
		x += 1
	}
	return gs
}

// An Arabic line printed right to left comes out in logical order, with
// its number and Latin name kept left to right.
func TestRowTextRTL(t *testing.T) {
	// Logical: "تقرير البنك الدولي 2019 World Bank عن الأردن"
	// Visual (left to right on the page): the words in reverse order,
	// each Arabic word's letters reversed, "2019 World Bank" as is.
	logical := "تقرير البنك الدولي 2019 World Bank عن الأردن"
	visual := "ندرألا نع 2019 World Bank يلودلا كنبلا ريرقت"
	if got := rowText(glyphsLTR(visual)); got != logical {
		t.Errorf("rowText(RTL) = %q, want %q", got, logical)
	}
	he := "דוח על מצב הכלכלה"
	if got := rowText(glyphsLTR("הלכלכה בצמ לע חוד")); got != he {
		t.Errorf("rowText(Hebrew) = %q, want %q", got, he)
	}
	if got := rowText(glyphsLTR("Report on Jordan 2019")); got != "Report on Jordan 2019" {
		t.Errorf("rowText(LTR) = %q", got)
	}
}
