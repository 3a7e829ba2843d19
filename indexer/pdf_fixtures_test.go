package indexer

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"
)

// The PDF fixtures under testdata/pdf, made with go-pdf/fpdf (see
// pdf_test.go for -update), and the helpers that read them.

// The -update flag may also be declared by another test file of the
// package; whichever comes first defines it and both read it.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite fixtures and golden files")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

const pdfDir = "testdata/pdf"

// pdfFixtures are the generated test documents, by file name.
var pdfFixtures = map[string]func(t *testing.T) []byte{
	"briefing-en.pdf":      makeEnglishBriefing,
	"briefing-es.pdf":      makeSpanishBriefing,
	"scanned-briefing.pdf": makeScan,
	"encrypted.pdf":        func(t *testing.T) []byte { return makeProtected(t, "secret") },
	"owner-password.pdf":   func(t *testing.T) []byte { return makeProtected(t, "") },
}

var fixtureDate = time.Date(2005, 3, 14, 10, 30, 0, 0, time.UTC)

func newTestPDF() *fpdf.Fpdf {
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.SetCreationDate(fixtureDate)
	pdf.SetModificationDate(fixtureDate)
	pdf.SetCatalogSort(true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetProducer("briefs test", false)
	return pdf
}

func finish(t *testing.T, pdf *fpdf.Fpdf) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatalf("fpdf: %v", err)
	}
	return buf.Bytes()
}

// lines writes one line per entry from baseline y down, lead points apart,
// and returns the baseline after the last line.
func lines(pdf *fpdf.Fpdf, tr func(string) string, x, y, lead float64, ls ...string) float64 {
	for _, l := range ls {
		indent := 0.0
		if strings.HasPrefix(l, ">") { // a first-line indent
			l, indent = l[1:], 18
		}
		pdf.Text(x+indent, y, tr(l))
		y += lead
	}
	return y
}

func makeEnglishBriefing(t *testing.T) []byte {
	pdf := newTestPDF()
	pdf.SetTitle("Microsoft Word - dpb11.doc", false)
	pdf.SetAuthor("Martin Jelsma; Pien Metaal", false)
	pdf.SetSubject("Why forced eradication of coca fails and what to do instead", false)
	pdf.SetKeywords("coca, eradication; alternative development", false)
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	pdf.AliasNbPages("{nb}")
	pdf.SetHeaderFunc(func() {
		pdf.SetFont("Helvetica", "", 8)
		pdf.Text(72, 40, "IDPR Drug Policy Briefing 11")
	})
	pdf.SetFooterFunc(func() {
		pdf.SetFont("Helvetica", "", 8)
		pdf.Text(270, 810, fmt.Sprintf("Page %d of {nb}", pdf.PageNo()))
	})
	body := func() { pdf.SetFont("Times", "", 11) }

	// Page 1: title, byline, dateline, summary, a word hyphenated at a
	// line end, a real hyphen inside a line.
	pdf.AddPage()
	pdf.SetFont("Helvetica", "B", 20)
	pdf.Text(72, 110, "Coca Eradication in the Andes")
	pdf.SetFont("Helvetica", "", 11)
	pdf.Text(72, 140, "By Martin Jelsma and Pien Metaal")
	pdf.Text(72, 156, "March 2005")
	pdf.SetFont("Helvetica", "B", 12)
	pdf.Text(72, 196, "Summary")
	body()
	y := lines(pdf, tr, 72, 216, 14,
		"Forced eradication of coca crops in Bolivia, Peru and Colombia has not reduced the",
		"supply of cocaine. This briefing reviews a decade of crop eradi-",
		"cation and argues for alternative development.")
	pdf.SetFont("Helvetica", "B", 12)
	pdf.Text(72, y+14, "Introduction")
	body()
	lines(pdf, tr, 72, y+34, 14,
		"Farmers in the Chapare grow coca because no other crop pays. The cross-border trade",
		"in leaf and paste moves with every campaign, and the balloon effect is well known to",
		"everyone who has watched the figures over the last twenty years.",
		">Eradication also hurts the poorest families first. They lose their income from one",
		"season to the next and many move deeper into the forest.")

	// Page 2: a full-width heading, two columns, a full-width closing line.
	pdf.AddPage()
	pdf.SetFont("Helvetica", "B", 12)
	pdf.Text(72, 100, "Two countries compared")
	pdf.SetFont("Times", "", 10)
	lines(pdf, tr, 72, 124, 13,
		"Left column: in Bolivia the",
		"government agreed to a cato",
		"of coca per family, which",
		"ended the violent clashes of",
		"the previous years and gave",
		"the unions a say in control.")
	lines(pdf, tr, 320, 124, 13,
		"Right column: in Peru the",
		"eradication teams went back",
		"to the valleys each year and",
		"the planted area hardly fell,",
		"while the growers organised",
		"strikes against the policy.")
	pdf.SetFont("Times", "", 11)
	lines(pdf, tr, 72, 230, 14,
		"Below both columns: the two paths show that negotiated reduction works better than force.")

	// Page 3: indented paragraphs without gaps; the last one runs on to
	// the next page.
	pdf.AddPage()
	body()
	lines(pdf, tr, 72, 100, 14,
		">The first recommendation is to stop aerial spraying, which damages food crops",
		"and water sources and drives farmers away from the state.",
		">The second recommendation is to fund development before reducing coca, not",
		"after, so that families have an income when the coca is gone and can support",
		"the policy of")

	// Page 4: the paragraph goes on, then a last one.
	pdf.AddPage()
	body()
	lines(pdf, tr, 72, 100, 14,
		"gradual reduction rather than forced eradication.",
		"",
		"Further reading is listed on the website of the Transnational Institute.")
	return finish(t, pdf)
}

func makeSpanishBriefing(t *testing.T) []byte {
	pdf := newTestPDF()
	pdf.SetTitle("¿Erradicación o desarrollo alternativo?", true)
	pdf.SetAuthor("Pien Metaal", false)
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	pdf.SetHeaderFunc(func() {
		pdf.SetFont("Helvetica", "", 8)
		pdf.Text(72, 40, tr("TNI Serie Drogas y Conflicto"))
	})
	pdf.SetFooterFunc(func() {
		pdf.SetFont("Helvetica", "", 8)
		pdf.Text(290, 810, fmt.Sprintf("- %d -", pdf.PageNo()))
	})
	pdf.AddPage()
	pdf.SetFont("Helvetica", "B", 18)
	pdf.Text(72, 110, tr("¿Erradicación o desarrollo alternativo?"))
	pdf.SetFont("Helvetica", "", 11)
	pdf.Text(72, 140, tr("Por Pien Metaal"))
	pdf.Text(72, 156, tr("Ámsterdam, 14 de marzo de 2005"))
	pdf.SetFont("Times", "", 11)
	lines(pdf, tr, 72, 196, 14,
		"La situación de los campesinos cocaleros en el Perú y en Bolivia empeoró este año.",
		"Muchas familias perdieron sus cultivos y la compañía estatal no compró la hoja.",
		"",
		"¿Qué alternativas tienen? La respuesta está en el desarrollo rural y en el diálogo",
		"con las organizaciones de productores.")
	pdf.AddPage()
	pdf.SetFont("Times", "", 11)
	lines(pdf, tr, 72, 100, 14,
		"En la segunda página seguimos con las recomendaciones para los gobiernos andinos.")
	return finish(t, pdf)
}

func makeScan(t *testing.T) []byte {
	pdf := newTestPDF()
	img := image.NewGray(image.Rect(0, 0, 60, 80))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 7)
	}
	img.Set(1, 1, color.Gray{Y: 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	pdf.AddPage()
	pdf.RegisterImageOptionsReader("page", fpdf.ImageOptions{ImageType: "PNG"}, &buf)
	pdf.ImageOptions("page", 36, 36, 523, 770, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	return finish(t, pdf)
}

func makeProtected(t *testing.T, userPassword string) []byte {
	pdf := newTestPDF()
	pdf.SetTitle("Protected Briefing on Crop Substitution", false)
	pdf.SetProtection(fpdf.CnProtectPrint, userPassword, "owner-secret")
	pdf.AddPage()
	pdf.SetFont("Times", "", 11)
	pdf.Text(72, 100, "Crop substitution needs markets for the new products.")
	return finish(t, pdf)
}

// fixture returns a committed fixture, writing it first under -update.
func fixture(t *testing.T, name string) []byte {
	t.Helper()
	p := filepath.Join(pdfDir, name)
	if updating() {
		if err := os.MkdirAll(pdfDir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, pdfFixtures[name](t), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run with -update to create the fixtures)", err)
	}
	return data
}

// pdfGolden is what a golden file pins: the record's fields and its text
// per page.
type pdfGolden struct {
	Title     string           `json:"title"`
	Kind      string           `json:"kind,omitempty"`
	Authors   []string         `json:"authors,omitempty"`
	Date      string           `json:"date,omitempty"`
	Year      int              `json:"year,omitempty"`
	Series    string           `json:"series,omitempty"`
	Number    int              `json:"number,omitempty"`
	Countries []string         `json:"countries,omitempty"`
	Language  string           `json:"language,omitempty"`
	Abstract  string           `json:"abstract,omitempty"`
	Keywords  []string         `json:"keywords,omitempty"`
	Note      string           `json:"note,omitempty"`
	Pages     map[int][]string `json:"pages,omitempty"` // page -> paragraphs starting there
}

func goldenOf(r Record) pdfGolden {
	g := pdfGolden{Title: r.Title, Kind: r.Kind, Authors: r.Authors, Date: r.Date, Year: r.Year,
		Series: r.Series, Number: r.Number, Countries: r.Countries, Language: r.Language,
		Abstract: r.Abstract, Keywords: r.Keywords, Note: r.Note}
	for i, p := range r.Paragraphs {
		if g.Pages == nil {
			g.Pages = map[int][]string{}
		}
		g.Pages[r.Pages[i]] = append(g.Pages[r.Pages[i]], p)
	}
	return g
}

func mustExtractPDF(t *testing.T, name string) Record {
	t.Helper()
	rec, err := extractPDF(name, fixture(t, name), Options{})
	if err != nil {
		t.Fatalf("extractPDF(%s): %v", name, err)
	}
	rec.ID = IDFromPath(name)
	if err := rec.Validate(); err != nil {
		t.Fatalf("extractPDF(%s) gives an invalid record: %v", name, err)
	}
	return rec
}
