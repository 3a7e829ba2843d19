package indexer

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"
)

// The demo corpus's PDFs (../testdata/corpus/pdf) are made here, from text
// written for the corpus, so that they can be regenerated:
//
//	go test ./indexer -run TestMakeCorpusPDF -make-corpus-pdf
//
// Without the flag the test only checks that the committed files are
// there. Their goldens are in ../testdata/golden/corpus like every other
// document's.
var makeCorpusPDF = flag.Bool("make-corpus-pdf", false, "rewrite the PDFs of the demo corpus")

var corpusPDFs = map[string]func(t *testing.T) []byte{
	"pdf/dpb-47-khat-horn-of-africa.pdf": makeKhatBriefing,
	"pdf/op09-kratom.pdf":                makeKratomPaper,
}

func TestMakeCorpusPDF(t *testing.T) {
	for name, make := range corpusPDFs {
		p := filepath.Join(corpusDir, filepath.FromSlash(name))
		if *makeCorpusPDF {
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, make(t), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%v (run with -make-corpus-pdf to create it)", err)
		}
	}
}

// newCorpusPDF starts an A4 document with the given dates and no
// automatic page breaks: every line is placed by hand, as a layout
// program would.
func newCorpusPDF(created time.Time) *fpdf.Fpdf {
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.SetCatalogSort(true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetProducer("briefs corpus generator", false)
	return pdf
}

// makeKhatBriefing is a four-page numbered briefing as a desktop layout
// exports it: an info-dictionary title that names the Word file, a series
// line above a title set over two lines, byline and dateline, a summary,
// a running header and a page footer, a word hyphenated at a line end, and
// a paragraph running on to the next page.
func makeKhatBriefing(t *testing.T) []byte {
	pdf := newCorpusPDF(time.Date(2022, 10, 11, 16, 5, 0, 0, time.UTC))
	pdf.SetTitle("Microsoft Word - DPB47_khat_final.docx", false)
	pdf.SetAuthor("IDPR", false)
	pdf.SetKeywords("khat, miraa, trade, regulation", false)
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	pdf.AliasNbPages("{nb}")
	pdf.SetHeaderFunc(func() {
		if pdf.PageNo() == 1 {
			return
		}
		pdf.SetFont("Helvetica", "", 8)
		pdf.Text(72, 40, "IDPR Drug Policy Briefing 47")
	})
	pdf.SetFooterFunc(func() {
		pdf.SetFont("Helvetica", "", 8)
		pdf.Text(270, 810, fmt.Sprintf("Page %d of {nb}", pdf.PageNo()))
	})
	heading := func(y float64, s string) {
		pdf.SetFont("Helvetica", "B", 12)
		pdf.Text(72, y, tr(s))
		pdf.SetFont("Times", "", 11)
	}

	pdf.AddPage()
	pdf.SetFont("Helvetica", "", 10)
	pdf.Text(72, 70, "IDPR Drug Policy Briefing No. 47")
	pdf.SetFont("Helvetica", "B", 22)
	pdf.Text(72, 112, "Khat Markets in the Horn of Africa:")
	pdf.Text(72, 140, "Trade, Livelihoods and Regulation")
	pdf.SetFont("Helvetica", "", 11)
	pdf.Text(72, 172, "By Amina Warsame and Tobias Lindqvist")
	pdf.Text(72, 188, "Amsterdam, 12 October 2022")
	heading(228, "Summary")
	y := lines(pdf, tr, 72, 248, 14,
		"Khat is grown in the highlands of Kenya and Ethiopia and chewed every day by millions",
		"of people in Somalia, Kenya and Ethiopia. This briefing follows the leaf from farm to",
		"market and argues that regulation of the trade serves growers and consumers better",
		"than the bans adopted in Europe.")
	heading(y+14, "Introduction")
	lines(pdf, tr, 72, y+34, 14,
		"Few plants move as fast as khat. The leaves lose their effect within two days of the",
		"harvest, so the whole chain from the farm to the chewer is built for speed: pickers start",
		"before sunrise, lorries race to the airstrips, and small planes land in Mogadishu before",
		"noon.",
		"",
		"The trade is legal in Kenya, Ethiopia and Somalia, and it is taxed. It pays school fees",
		"in the hills east of Mount Kenya and it feeds the budgets of regional governments that",
		"have few other sources of revenue.")

	pdf.AddPage()
	heading(90, "A daily trade")
	lines(pdf, tr, 72, 112, 14,
		"Around Maua, on the slopes of the Nyambene hills, most households grow some khat,",
		"which Kenyans call miraa. A smallholder can earn more from a quarter of a hectare of",
		"miraa than from coffee or tea, and the income arrives every week rather than once a",
		"year. Cooperatives have tried to improve the agri-",
		"cultural practices of their members, with mixed results.",
		"",
		"The cross-border trade is dominated by a few large wholesalers. In Maua, the miraa",
		"auctions at dawn set the price for the whole region, and the brokers who attend them",
		"know by nine o'clock how much Somali buyers will pay that day.",
		"",
		"Ethiopia is the largest producer. Its khat travels by road to Djibouti and by air to",
		"the Gulf, and it has become one of the country's main export earnings after coffee.")

	pdf.AddPage()
	heading(90, "Bans abroad")
	lines(pdf, tr, 72, 112, 14,
		"The Netherlands banned khat in 2013 and the United Kingdom followed a year later. The",
		"bans were adopted against the advice of the expert committees that had reviewed the",
		"evidence, and they hit the growers in Kenya hard: the London market had taken a large",
		"share of the exports from the Nyambene hills.",
		"",
		"Prices in Maua fell by half within months. Some farmers uprooted their trees and turned",
		"to maize, but most kept the khat and sold it for less in Somalia, where demand rose",
		"again after the end of the drought. The bans changed where the leaf went, not how much",
		"of it was grown, and left the farmers with a smaller share of the price paid by the",
		"consumers, because the traders who took the new routes")

	pdf.AddPage()
	lines(pdf, tr, 72, 90, 14,
		"to Mogadishu and Hargeisa charged more for the risk.")
	heading(132, "Recommendations")
	lines(pdf, tr, 72, 154, 14,
		"Governments in the region should register khat as an agricultural crop, collect data",
		"on its production and trade, and set quality standards for the pesticides used on it.",
		"",
		"Importing countries should review their bans in the light of the evidence and involve",
		"the diaspora communities that chew khat in any new rules.")
	return finish(t, pdf)
}

// makeKratomPaper is the PDF behind the web page
// papers/occasional-paper-09-kratom.html, which links to it: the walk
// merges the two. It has its own running header and centred page numbers.
func makeKratomPaper(t *testing.T) []byte {
	pdf := newCorpusPDF(time.Date(2021, 3, 8, 9, 0, 0, 0, time.UTC))
	pdf.SetTitle("op09", false)
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	pdf.SetHeaderFunc(func() {
		pdf.SetFont("Helvetica", "I", 8)
		pdf.Text(72, 40, "Institute for Drug Policy Research | Occasional Papers 9")
	})
	pdf.SetFooterFunc(func() {
		pdf.SetFont("Helvetica", "", 8)
		pdf.Text(292, 810, fmt.Sprintf("– %d –", pdf.PageNo()))
	})
	heading := func(y float64, s string) {
		pdf.SetFont("Helvetica", "B", 12)
		pdf.Text(72, y, tr(s))
		pdf.SetFont("Times", "", 11)
	}

	pdf.AddPage()
	pdf.SetFont("Helvetica", "B", 20)
	pdf.Text(72, 110, "Kratom between Medicine and Market")
	pdf.SetFont("Helvetica", "", 11)
	pdf.Text(72, 140, tr("By Siti Rahmah Ismail and Anong Chaiyasit"))
	pdf.Text(72, 156, "March 2021")
	pdf.SetFont("Times", "", 11)
	lines(pdf, tr, 72, 196, 14,
		"Kratom is a tree of the coffee family that grows wild in the south of Thailand and in",
		"the north of Malaysia. Farmers and labourers have chewed its leaves for generations",
		"to work through long days in the heat.")

	pdf.AddPage()
	heading(90, "Village customs")
	lines(pdf, tr, 72, 112, 14,
		"In Malaysia the leaf is called ketum, and in the villages of Kedah a glass of ketum",
		"tea boiled with lime is offered to guests in the evening. Selling the leaf has been an",
		"offence in Malaysia since 2003, yet the tea is sold openly along the roads.",
		"",
		"In Thailand the rubber tappers of the south chew fresh leaves before dawn. Elders in",
		"Thailand remember when every garden had a kratom tree and the leaf was a remedy for",
		"coughs and diarrhoea.")

	pdf.AddPage()
	heading(90, "A medicine in waiting")
	lines(pdf, tr, 72, 112, 14,
		"Pharmacologists in Malaysia and Thailand now study the alkaloids of the leaf as pain",
		"relievers. Their work depends on legal access to the plant, which the current laws",
		"make slow and costly.",
		"",
		"Both governments should allow the cultivation of kratom under licence, protect the",
		"customary use of the leaf in villages, and fund clinical research on its alkaloids.")
	return finish(t, pdf)
}

// The kratom PDF's information dictionary names the layout job ("op09"):
// read alone, the PDF takes its title from the first page.
func TestCorpusPDFJobNameTitle(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(corpusDir, "pdf", "op09-kratom.pdf"))
	if err != nil {
		t.Skip(err)
	}
	rec, err := extractPDF("pdf/op09-kratom.pdf", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rec.Title != "Kratom between Medicine and Market" {
		t.Errorf("extractPDF(op09-kratom.pdf).Title = %q, want the first page's title", rec.Title)
	}
	for _, tt := range []struct {
		title string
		want  bool
	}{
		{"op09", true}, {"DPB47_final", true}, {"brief.v2", true},
		{"Afghanistan", false}, {"Drug Policy Briefing 11", false}, {"UNGASS 2016", false},
	} {
		if got := fileNameLike(tt.title); got != tt.want {
			t.Errorf("fileNameLike(%q) = %v, want %v", tt.title, got, tt.want)
		}
	}
}
