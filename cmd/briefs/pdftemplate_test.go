package main

import (
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/go-pdf/fpdf"
)

// templatePDF builds a one-page report whose information dictionary
// carries meta and whose cover carries cover.
func templatePDF(t *testing.T, meta, cover, country string) []byte {
	t.Helper()
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.SetTitle(meta, false)
	pdf.AddPage()
	pdf.SetFont("Helvetica", "B", 20)
	pdf.Text(72, 130, cover)
	pdf.SetFont("Times", "", 11)
	for i, l := range []string{
		"This memorandum looks at how " + country + " can grow faster and create more jobs,",
		"and at what its public finances can afford over the coming years. Growth in " + country,
		"slowed while the number of people looking for work went up.",
	} {
		pdf.Text(72, 180+14*float64(i), l)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatalf("fpdf: %v", err)
	}
	return buf.Bytes()
}

// TestIngestPDFTemplateTitles runs `briefs ingest` on a folder of reports
// that all carry one template title in their metadata: `briefs search`
// lists each under its cover's title.
func TestIngestPDFTemplateTitles(t *testing.T) {
	folder := t.TempDir()
	covers := map[string]string{
		"Jordan": "Jordan Country Economic Memorandum: Jobs for Young People",
		"Kenya":  "Kenya Country Economic Memorandum: Cities and Growth",
		"Peru":   "Peru Country Economic Memorandum: Beyond Mining",
	}
	for country, cover := range covers {
		writePDFTestFile(t, filepath.Join(folder, country+".pdf"), templatePDF(t, "Country Economic Memorandum", cover, country))
	}
	index := filepath.Join(t.TempDir(), "index")
	ctx := context.Background()
	var out, errOut bytes.Buffer
	if err := run(ctx, []string{"ingest", "--index", index, "--quiet", folder}, &out, &errOut); err != nil {
		t.Fatalf("briefs ingest: %v\n%s", err, errOut.String())
	}
	out.Reset()
	if err := run(ctx, []string{"search", "--index", index, "memorandum"}, &out, &errOut); err != nil {
		t.Fatalf("briefs search: %v\n%s", err, errOut.String())
	}
	for _, cover := range covers {
		if !regexp.MustCompile(`(?m)^ \d\. ` + regexp.QuoteMeta(cover) + `$`).MatchString(out.String()) {
			t.Errorf("briefs search memorandum: no result titled %q in\n%s", cover, out.String())
		}
	}
}
