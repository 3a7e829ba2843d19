package indexer

import "testing"

// A publisher's template leaves the same metadata title on every PDF it
// makes ("World Bank Document"): it shares no word with the cover's title,
// so the cover's is taken; the cover's report number gives the series.
func TestExtractPDFTemplateTitleAndReportNumber(t *testing.T) {
	pdf := newTestPDF()
	pdf.SetTitle("World Bank Document", false)
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	pdf.AddPage()
	pdf.SetFont("Helvetica", "", 11)
	pdf.Text(72, 80, "Report No. 103433-JO")
	pdf.SetFont("Helvetica", "B", 20)
	pdf.Text(72, 130, "Jordan Public Expenditure Perspectives")
	pdf.SetFont("Times", "", 11)
	lines(pdf, tr, 72, 180, 14,
		"This review looks at how Jordan spends public money on education, health and water,",
		"and at what its budget can afford over the coming years. Jordan has carried the cost",
		"of hosting refugees while its growth slowed.")
	data := finish(t, pdf)
	recs, err := Extract("reports/jordan.pdf", data, Options{})
	if err != nil || len(recs) != 1 {
		t.Fatalf("Extract: %v", err)
	}
	rec := recs[0]
	if rec.Title != "Jordan Public Expenditure Perspectives" {
		t.Errorf("Title = %q, want the cover's", rec.Title)
	}
	if rec.Series != "Report" || rec.Number != 103433 {
		t.Errorf("Series, Number = %q, %d; want Report, 103433", rec.Series, rec.Number)
	}
	if len(rec.Countries) == 0 || rec.Countries[0] != "Jordan" {
		t.Errorf("Countries = %q, want Jordan", rec.Countries)
	}
}
