package indexer

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/go-pdf/fpdf"
)

// The PDF fixtures under testdata/pdf are made by the functions below
// with go-pdf/fpdf; `go test ./indexer -run PDF -update` rewrites them and
// their goldens. The encrypted ones are not byte-for-byte reproducible
// (fpdf salts the key with the time), which is why the files are kept.

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

func TestExtractPDFGolden(t *testing.T) {
	for _, name := range []string{"briefing-en.pdf", "briefing-es.pdf", "scanned-briefing.pdf", "owner-password.pdf"} {
		t.Run(name, func(t *testing.T) {
			got := goldenOf(mustExtractPDF(t, name))
			gp := filepath.Join(pdfDir, strings.TrimSuffix(name, ".pdf")+".golden.json")
			if updating() {
				b, _ := json.MarshalIndent(got, "", "  ")
				if err := os.WriteFile(gp, append(b, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			b, err := os.ReadFile(gp)
			if err != nil {
				t.Fatal(err)
			}
			var want pdfGolden
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			gb, _ := json.MarshalIndent(got, "", "  ")
			wb, _ := json.MarshalIndent(want, "", "  ")
			if !bytes.Equal(gb, wb) {
				t.Errorf("extractPDF(%s) differs from %s:\ngot:\n%s\nwant:\n%s", name, gp, gb, wb)
			}
		})
	}
}

// TestExtractPDFEnglish asserts the layout rules one by one, so that a
// regenerated golden cannot hide a regression.
func TestExtractPDFEnglish(t *testing.T) {
	rec := mustExtractPDF(t, "briefing-en.pdf")
	text := rec.Text()
	checks := []struct {
		name string
		ok   bool
	}{
		{"title from the first page, not the Word file name", rec.Title == "Coca Eradication in the Andes"},
		{"authors from the byline", strings.Join(rec.Authors, "; ") == "Martin Jelsma; Pien Metaal"},
		{"dateline", rec.Date == "2005-03" && rec.Year == 2005},
		{"series from the running header", rec.Number == 11 && strings.Contains(rec.Series, "Drug Policy Briefing")},
		{"keywords from the info dictionary", strings.Join(rec.Keywords, "|") == "coca|eradication|alternative development"},
		{"language", rec.Language == "en"},
		{"countries", strings.Contains(strings.Join(rec.Countries, ","), "Bolivia")},
		{"abstract from the summary", strings.HasPrefix(rec.Abstract, "Forced eradication of coca crops")},
		{"no running header left", !strings.Contains(text, "IDPR Drug Policy Briefing")},
		{"no page numbers left", !strings.Contains(text, "Page 2 of") && !strings.Contains(text, " of 4")},
		{"hyphen at line end joined", strings.Contains(text, "decade of crop eradication and argues")},
		{"real hyphen kept", strings.Contains(text, "The cross-border trade")},
		{"no hyphen fragments", !strings.Contains(text, "eradi-") && !strings.Contains(text, "eradi cation")},
		{"left column before right column", strings.Index(text, "Left column:") < strings.Index(text, "Right column:") && strings.Index(text, "Right column:") < strings.Index(text, "Below both columns")},
		{"columns not interleaved", strings.Contains(text, "in Bolivia the government agreed to a cato of coca per family")},
		{"paragraph runs on across pages", strings.Contains(text, "support the policy of gradual reduction rather than forced eradication.")},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("extractPDF(briefing-en.pdf): %s: failed\nrecord: %+v", c.name, goldenOf(rec))
		}
	}
	wantPages := map[string]int{
		"Farmers in the Chapare":    1,
		"Eradication also hurts":    1,
		"Left column:":              2,
		"Right column:":             2,
		"The first recommendation":  3,
		"The second recommendation": 3,
		"Further reading":           4,
	}
	for prefix, page := range wantPages {
		found := false
		for i, p := range rec.Paragraphs {
			if strings.HasPrefix(p, prefix) {
				found = true
				if rec.Pages[i] != page {
					t.Errorf("extractPDF(briefing-en.pdf): paragraph %q on page %d, want %d", prefix, rec.Pages[i], page)
				}
			}
		}
		if !found {
			t.Errorf("extractPDF(briefing-en.pdf): no paragraph starts with %q", prefix)
		}
	}
}

func TestExtractPDFSpanish(t *testing.T) {
	rec := mustExtractPDF(t, "briefing-es.pdf")
	text := rec.Text()
	if rec.Title != "¿Erradicación o desarrollo alternativo?" {
		t.Errorf("extractPDF(briefing-es.pdf).Title = %q", rec.Title)
	}
	if rec.Date != "2005-03-14" || rec.Language != "es" {
		t.Errorf("extractPDF(briefing-es.pdf): date %q language %q, want 2005-03-14 es", rec.Date, rec.Language)
	}
	for _, want := range []string{"situación", "compañía", "¿Qué alternativas", "está", "año", "diálogo"} {
		if !strings.Contains(text, want) {
			t.Errorf("extractPDF(briefing-es.pdf): text lacks %q:\n%s", want, text)
		}
	}
	for _, bad := range []string{"- 1 -", "- 2 -", "Serie Drogas"} {
		if strings.Contains(text, bad) {
			t.Errorf("extractPDF(briefing-es.pdf): running header or footer %q left in text", bad)
		}
	}
}

func TestExtractPDFBad(t *testing.T) {
	good := fixture(t, "briefing-en.pdf")
	tests := []struct {
		name string
		data []byte
		opts Options
		want string // prefix of the skip reason
	}{
		{"encrypted", fixture(t, "encrypted.pdf"), Options{}, "encrypted PDF"},
		{"truncated", good[:400], Options{}, "corrupt PDF: "},
		{"not a PDF", []byte("<html><body>not a pdf</body></html>"), Options{}, "corrupt PDF: "},
		{"empty", nil, Options{}, "corrupt PDF: "},
		{"too large", good, Options{MaxFileSize: 1000}, "too large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := extractPDF(tt.name+".pdf", tt.data, tt.opts)
			var skip *skipError
			if !errors.As(err, &skip) || !strings.HasPrefix(skip.reason, tt.want) {
				t.Errorf("extractPDF(%s) = %v, want a skip starting %q", tt.name, err, tt.want)
			}
		})
	}
}

func TestExtractPDFTimeBudget(t *testing.T) {
	data := fixture(t, "briefing-en.pdf")
	defer func(d time.Duration) { pdfTimeBudget = d }(pdfTimeBudget)
	pdfTimeBudget = time.Nanosecond
	_, err := extractPDF("slow.pdf", data, Options{})
	var skip *skipError
	if !errors.As(err, &skip) || !strings.HasPrefix(skip.reason, "PDF took longer than") {
		t.Errorf("extractPDF with a spent time budget = %v, want a skip", err)
	}
}

// Walk may extract several files at once.
func TestExtractPDFConcurrent(t *testing.T) {
	data := fixture(t, "briefing-en.pdf")
	want := mustExtractPDF(t, "briefing-en.pdf").Text()
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			rec, err := extractPDF("briefing-en.pdf", data, Options{})
			if err == nil && rec.Text() != want {
				err = errors.New("different text")
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Errorf("concurrent extractPDF: %v", err)
		}
	}
}

func TestExtractPDFScan(t *testing.T) {
	rec := mustExtractPDF(t, "scanned-briefing.pdf")
	if rec.Note != noTextLayerMsg || len(rec.Paragraphs) != 0 || rec.Title != "scanned briefing" {
		t.Errorf("extractPDF(scanned-briefing.pdf) = note %q, %d paragraphs, title %q; want %q, none, the file name",
			rec.Note, len(rec.Paragraphs), rec.Title, noTextLayerMsg)
	}
}

// An owner password only restricts printing or copying; the file opens
// without one. (fpdf encrypts the information dictionary wrongly, so its
// title is byte soup and the first line serves instead.)
func TestExtractPDFOwnerPasswordOnly(t *testing.T) {
	rec := mustExtractPDF(t, "owner-password.pdf")
	if rec.Title != "Crop substitution needs markets for the new products." || !strings.Contains(rec.Text(), "Crop substitution needs markets") {
		t.Errorf("extractPDF(owner-password.pdf) = title %q, text %q", rec.Title, rec.Text())
	}
}

func TestJoinLine(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"crop eradi-", "cation and", "crop eradication and"},
		{"the anti-", "American line", "the anti-American line"},
		{"in 1990-", "2000 prices", "in 1990-2000 prices"},
		{"a pause -", "then more", "a pause - then more"},
		{"soft\u00ad", "ware", "software"},
		{"end of line", "next line", "end of line next line"},
	}
	for _, tt := range tests {
		if got := strings.Join(joinLine([]string{tt.a}, tt.b), ""); got != tt.want {
			t.Errorf("joinLine(%q, %q) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestPDFRunningLines(t *testing.T) {
	page := func(n int) []pdfLine {
		return []pdfLine{
			{y: 800, size: 8, text: "Drug Policy Briefing 11"},
			{y: 700, size: 11, text: []string{"Coca prices fell.", "Farmers protested.", "Talks resumed."}[n-1]},
			{y: 690, size: 11, text: strings.Repeat("More body text. ", n)},
			{y: 680, size: 11, text: strings.Repeat("Even more body text. ", n)},
			{y: 670, size: 11, text: strings.Repeat("The end of the body. ", n)},
			{y: 40, size: 8, text: fmt.Sprintf("Page %d of 3", n)},
		}
	}
	pages, running := dropRunning([][]pdfLine{page(1), page(2), page(3)})
	for i, lines := range pages {
		if len(lines) != 4 || lines[3].text != strings.Repeat("The end of the body. ", i+1) {
			t.Errorf("dropRunning: page %d keeps %+v", i+1, lines)
		}
	}
	if strings.Join(running, "|") != "Drug Policy Briefing 11|Page 1 of 3" {
		t.Errorf("dropRunning: running lines of page 1 = %q", running)
	}
}

func TestGlyphText(t *testing.T) {
	tests := map[string]string{
		"eacute": "é", "ntilde": "ñ", "Oacute": "Ó", "questiondown": "¿", "fi": "fi",
		"f_f_i": "ffi", "uni00E9": "é", "u1F600": "😀", "a.sc": "a", "g123": "", "quoteright": "’",
	}
	for name, want := range tests {
		if got := glyphText(name); got != want {
			t.Errorf("glyphText(%q) = %q, want %q", name, got, want)
		}
	}
}

// handPDF assembles a PDF from numbered object bodies (object i+1 is
// objs[i]), computing the cross-reference table.
func handPDF(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func stream(dict, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// TestExtractPDFFonts covers what word processors and typesetters write
// and fpdf does not: a two-byte (Type0) font with a ToUnicode map and a
// ligature, words spaced by TJ kerning, a simple font with /Differences,
// text inside a form XObject, and fake bold (each glyph printed twice).
func TestExtractPDFFonts(t *testing.T) {
	toUni := `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0004> <FB01> <0008> <0073> endbfchar
1 beginbfrange <0001> <0003> [<0063> <006F> <0061>] endbfrange
1 beginbfrange <0005> <0007> <0065> endbfrange
endcmap`
	// <0005>-<0007> map to e, f, g: the test text uses e only.
	content := "BT /F1 12 Tf 72 700 Td [<0001000200010003> -350 <000400050006>] TJ ET\n" +
		"/X1 Do\n" +
		"BT /F3 12 Tf 72 660 Td (Bold) Tj ET BT /F3 12 Tf 72.3 660 Td (Bold) Tj ET"
	data := handPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F3 10 0 R >> /XObject << /X1 8 0 R >> >> >>",
		stream("", content),
		"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Minion /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Minion /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 /W [1 [500 520 500 480 560 450 300]] >>",
		stream("", toUni),
		stream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F2 9 0 R >> >>", "BT /F2 11 Tf 72 680 Td (\\001nal caf\\002) Tj ET"),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /fi /eacute] >> >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	)
	rec, err := extractPDF("fonts.pdf", data, Options{})
	if err != nil {
		t.Fatalf("extractPDF(fonts.pdf): %v", err)
	}
	text := rec.Title + "\n" + rec.Text()
	for _, want := range []string{"coca fie", "final café", "Bold"} {
		if !strings.Contains(text, want) {
			t.Errorf("extractPDF(fonts.pdf) lacks %q in %q", want, text)
		}
	}
	if strings.Contains(text, "Bold Bold") || strings.Contains(text, "BBo") {
		t.Errorf("extractPDF(fonts.pdf): fake bold doubled: %q", text)
	}
}

func TestParseToUnicode(t *testing.T) {
	src := `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Adobe-Identity-UCS def
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar
<0003> <FB01>
<0004> <00660066>
<0005> <00E9>
endbfchar
2 beginbfrange
<0010> <0012> <0041>
<0020> <0021> [<00F1> <00BF>]
endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`
	m := parseToUnicode([]byte(src))
	want := map[int]string{3: "fi", 4: "ff", 5: "é", 0x10: "A", 0x11: "B", 0x12: "C", 0x20: "ñ", 0x21: "¿"}
	for code, w := range want {
		if m[code] != w {
			t.Errorf("parseToUnicode: code %#x = %q, want %q", code, m[code], w)
		}
	}
	if len(m) != len(want) {
		t.Errorf("parseToUnicode: %d codes, want %d: %v", len(m), len(want), m)
	}
}

func TestReadXMP(t *testing.T) {
	src := `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmp:CreateDate="2005-03-14T10:00:00+01:00" pdf:Keywords="coca; Bolivia">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Coca Myths</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>Martin Jelsma</rdf:li><rdf:li>Pien Metaal</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">A short abstract.</rdf:li></rdf:Alt></dc:description>
</rdf:Description></rdf:RDF></x:xmpmeta>`
	x := readXMP(strings.NewReader(src))
	if x.title != "Coca Myths" || strings.Join(x.creators, ";") != "Martin Jelsma;Pien Metaal" ||
		x.description != "A short abstract." || x.keywords != "coca; Bolivia" || !strings.HasPrefix(x.created, "2005-03-14") {
		t.Errorf("readXMP = %+v", x)
	}
}

func TestPDFDate(t *testing.T) {
	for in, want := range map[string]string{
		"D:20050314103000+01'00'": "2005-03-14", "D:200503": "2005-03", "D:2005": "2005", "junk": "", "D:20051399": "",
	} {
		if got := pdfDate(in); got != want {
			t.Errorf("pdfDate(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzExtractPDF feeds mutated fixtures to extractPDF: it must return a
// record or an error, never panic or hang.
func FuzzExtractPDF(f *testing.F) {
	for _, name := range []string{"briefing-en.pdf", "briefing-es.pdf", "scanned-briefing.pdf", "owner-password.pdf"} {
		data, err := os.ReadFile(filepath.Join(pdfDir, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rec, err := extractPDF("fuzz.pdf", data, Options{})
		if err != nil {
			return
		}
		rec.ID = "fuzz"
		if verr := rec.Validate(); verr != nil {
			t.Errorf("extractPDF gives an invalid record: %v", verr)
		}
	})
}

// TestExtractPDFMutations is the fuzzer's property on a fixed set of
// random byte mutations, so that every test run checks it.
func TestExtractPDFMutations(t *testing.T) {
	good := fixture(t, "briefing-en.pdf")
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 60; i++ {
		data := append([]byte(nil), good...)
		for k := 0; k < 1+rng.Intn(20); k++ {
			data[rng.Intn(len(data))] = byte(rng.Intn(256))
		}
		if i%3 == 0 {
			data = data[:rng.Intn(len(data))]
		}
		rec, err := extractPDF("mutant.pdf", data, Options{})
		if err != nil {
			var skip *skipError
			if !errors.As(err, &skip) {
				t.Errorf("mutation %d: error %v is not a skip", i, err)
			}
			continue
		}
		rec.ID = "mutant"
		if verr := rec.Validate(); verr != nil {
			t.Errorf("mutation %d: invalid record: %v", i, verr)
		}
	}
}

// BenchmarkExtractPDF reports pages per second on the English fixture.
func BenchmarkExtractPDF(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(pdfDir, "briefing-en.pdf"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	pages := 0
	for b.Loop() {
		rec, err := extractPDF("briefing-en.pdf", data, Options{})
		if err != nil {
			b.Fatal(err)
		}
		pages += rec.Pages[len(rec.Pages)-1]
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}

// A PDF larger than MaxFileSize is skipped as too large through the file
// path too: read only up to the cap it would look corrupt.
func TestExtractFilePDFTooLarge(t *testing.T) {
	data, err := os.ReadFile("testdata/pdf/briefing-en.pdf")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{"big.pdf": {Data: data}}
	_, err = ExtractFile(fsys, "big.pdf", Options{MaxFileSize: int64(len(data) / 2)})
	if err == nil || !strings.Contains(err.Error(), "too large") {
		t.Fatalf("err = %v, want a too-large skip", err)
	}
}
