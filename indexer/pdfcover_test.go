package indexer

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

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

// coverPDF builds a one-page report whose information dictionary says
// meta and whose cover says cover.
func coverPDF(t *testing.T, meta, cover, country string) []byte {
	t.Helper()
	pdf := newTestPDF()
	pdf.SetTitle(meta, false)
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	pdf.AddPage()
	pdf.SetFont("Helvetica", "B", 20)
	pdf.Text(72, 130, cover)
	pdf.SetFont("Times", "", 11)
	lines(pdf, tr, 72, 180, 14,
		"This memorandum looks at how "+country+" can grow faster and create more jobs,",
		"and at what its public finances can afford over the coming years. Growth in "+country,
		"slowed while the number of people looking for work went up.")
	return finish(t, pdf)
}

// walkTitles walks fsys and returns each record's title by ID.
func walkTitles(t *testing.T, fsys fs.FS) map[string]string {
	t.Helper()
	titles := map[string]string{}
	if _, err := Walk(context.Background(), fsys, Options{}, nil, func(r Record) error {
		titles[r.ID] = r.Title
		return nil
	}); err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return titles
}

// A template's metadata title that shares words with each cover ("Country
// Economic Memorandum" on every report of a series) passes the one-file
// check; that several files of one walk carry it marks it as the
// template's, and every record takes its cover's title.
func TestWalkPDFTemplateTitleAcrossFolder(t *testing.T) {
	const meta = "Country Economic Memorandum"
	covers := map[string][2]string{
		"reports/jordan.pdf":  {"Jordan Country Economic Memorandum: Jobs for Young People", "Jordan"},
		"reports/kenya.pdf":   {"Kenya Country Economic Memorandum: Cities and Growth", "Kenya"},
		"reports/peru.pdf":    {"Peru Country Economic Memorandum: Beyond Mining", "Peru"},
		"reports/vietnam.pdf": {"Vietnam Country Economic Memorandum: Exports and Skills", "Vietnam"},
	}
	fsys := fstest.MapFS{}
	for p, c := range covers {
		fsys[p] = &fstest.MapFile{Data: coverPDF(t, meta, c[0], c[1])}
	}
	// Three copies of one file with a good title are one document, not
	// a template.
	own := coverPDF(t, "Peru Fiscal Review", "Peru Fiscal Review 2019", "Peru")
	for _, p := range []string{"copies/a.pdf", "copies/b.pdf", "copies/c.pdf"} {
		fsys[p] = &fstest.MapFile{Data: own}
	}
	titles := walkTitles(t, fsys)
	for p, c := range covers {
		if got := titles[IDFromPath(p)]; got != c[0] {
			t.Errorf("%s: Title = %q, want the cover's %q", p, got, c[0])
		}
	}
	for _, p := range []string{"copies/a.pdf", "copies/b.pdf", "copies/c.pdf"} {
		if got := titles[IDFromPath(p)]; got != "Peru Fiscal Review" {
			t.Errorf("%s: Title = %q, want the metadata's", p, got)
		}
	}

	// Alone in its folder, a report keeps a good metadata title.
	one := fstest.MapFS{"jordan.pdf": fsys["reports/jordan.pdf"]}
	if got := walkTitles(t, one)["jordan"]; got != meta {
		t.Errorf("single PDF: Title = %q, want the metadata's %q", got, meta)
	}
}

// Metadata titles that name a file or a template are never titles.
func TestUsableInfoTitle(t *testing.T) {
	for _, s := range []string{"Microsoft Word - brief 12.doc", "brief_final.pdf", "untitled", "Untitled-3", "Document1", "Title", "op09", ""} {
		if usableInfoTitle(s) {
			t.Errorf("usableInfoTitle(%q) = true, want false", s)
		}
	}
	for _, s := range []string{"Peru Fiscal Review", "Jobs for Young People in Jordan"} {
		if !usableInfoTitle(s) {
			t.Errorf("usableInfoTitle(%q) = false, want true", s)
		}
	}
}

// benchPDFFolder writes n twenty-page reports, all with one metadata
// title, into a folder on disk.
func benchPDFFolder(b *testing.B, n int) fs.FS {
	b.Helper()
	dir := b.TempDir()
	for i := range n {
		pdf := newTestPDF()
		pdf.SetTitle("Country Economic Memorandum", false)
		tr := pdf.UnicodeTranslatorFromDescriptor("")
		for pg := range 20 {
			pdf.AddPage()
			pdf.SetFont("Times", "", 11)
			y := 72.0
			for l := range 45 {
				y = lines(pdf, tr, 72, y, 14, fmt.Sprintf("Report %d, page %d, line %d: growth, jobs and public finances over the coming years.", i, pg, l))
			}
		}
		var buf bytes.Buffer
		if err := pdf.Output(&buf); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%02d.pdf", i)), buf.Bytes(), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return os.DirFS(dir)
}

// The pre-pass that finds template titles, beside the walk it precedes,
// on a folder of 50 PDFs.
func BenchmarkTemplateTitles(b *testing.B) {
	fsys := benchPDFFolder(b, 50)
	var pdfs []string
	for i := range 50 {
		pdfs = append(pdfs, fmt.Sprintf("r%02d.pdf", i))
	}
	b.Run("prepass", func(b *testing.B) {
		for b.Loop() {
			if len(templateTitles(context.Background(), fsys, pdfs, defaultMaxFileSize)) != 1 {
				b.Fatal("template title not found")
			}
		}
	})
	b.Run("walk", func(b *testing.B) {
		for b.Loop() {
			if _, err := Walk(context.Background(), fsys, Options{}, nil, func(Record) error { return nil }); err != nil {
				b.Fatal(err)
			}
		}
	})
}
