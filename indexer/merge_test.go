package indexer

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// linkedPDF makes a small PDF: a title in large type on page 1, then one
// paragraph per entry of pages, each page's paragraphs on that page.
func linkedPDF(t *testing.T, title string, pages ...[]string) []byte {
	t.Helper()
	pdf := newTestPDF()
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	for i, paras := range pages {
		pdf.AddPage()
		y := 100.0
		if i == 0 {
			pdf.SetFont("Helvetica", "B", 20)
			pdf.Text(72, y, tr(title))
			y += 40
		}
		pdf.SetFont("Times", "", 11)
		for _, p := range paras {
			y = lines(pdf, tr, 72, y, 14, p) + 14
		}
	}
	return finish(t, pdf)
}

// landingPage is a web page for a publication: head meta tags, a menu and
// footer with their own links, and body paragraphs.
func landingPage(title, headMeta, body string) []byte {
	return []byte(fmt.Sprintf(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s</title>%s</head>
<body><nav class="main-nav"><a href="/">Home</a> <a href="/files/annual-report.pdf">Annual report (PDF)</a></nav>
<main><article><h1>%s</h1>%s</article></main>
<footer class="site-footer"><a href="/files/annual-report.pdf">Our annual report</a></footer></body></html>`, title, headMeta, title, body))
}

const khatTitle = "Khat Markets in the Horn of Africa"

var khatPages = [][]string{
	{"Khat is a leaf chewed across Kenya, Ethiopia and Somalia, where it is part of daily life."},
	{"Traders fly fresh khat from Kenya to Somalia every morning because the leaf wilts within two days."},
	{"The last page asks donors to fund studies of the trade before any ban is proposed."},
}

const khatSummary = `<p>This briefing follows the khat trade from the highlands of Kenya to the markets of Somalia and Ethiopia.</p>`

// walkRecords walks fsys and returns the records by ID, in walk order.
func walkRecords(t *testing.T, fsys fstest.MapFS) (Report, map[string]Record, []string) {
	t.Helper()
	got := map[string]Record{}
	var order []string
	rep, err := Walk(context.Background(), fsys, Options{}, nil, func(r Record) error {
		if err := r.Validate(); err != nil {
			t.Errorf("record %s: %v", r.ID, err)
		}
		got[r.ID] = r
		order = append(order, r.ID)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return rep, got, order
}

func TestWalkMergesPageAndPDF(t *testing.T) {
	khat := linkedPDF(t, khatTitle, khatPages...)
	other := linkedPDF(t, "Annual Report of the Institute", []string{"Our finances and staff in the year under review."})
	tests := []struct {
		name       string
		files      fstest.MapFS
		wantIDs    string // all records, in walk order
		merged     map[string]string
		wantPDFURL string // of the merged record
	}{
		{
			name: "citation_pdf_url, escaped and in other case, PDF in the same folder",
			files: fstest.MapFS{
				"briefings/khat.html": {Data: landingPage(khatTitle,
					`<meta name="citation_title" content="Khat Markets in the Horn of Africa"><meta name="citation_pdf_url" content="https://example.org/files/Khat%20Markets%20DPB-47.PDF?download=1">`, khatSummary)},
				"briefings/khat markets dpb-47.pdf": {Data: khat},
			},
			wantIDs:    "briefings-khat",
			merged:     map[string]string{"briefings-khat": "briefings/khat markets dpb-47.pdf"},
			wantPDFURL: "https://example.org/files/Khat%20Markets%20DPB-47.PDF?download=1",
		},
		{
			name: "a link in the main text, PDF elsewhere in the walk; menu and footer links are not followed",
			files: fstest.MapFS{
				"pages/khat.html":    {Data: landingPage(khatTitle, "", khatSummary+`<p><a href="/sites/default/files/dpb47-khat.pdf">Download the briefing</a></p>`)},
				"pdf/dpb47-khat.pdf": {Data: khat},
				// Followed, this one would merge: its first page shows the title.
				"pdf/files/annual-report.pdf": {Data: linkedPDF(t, "Annual Report of the Institute",
					[]string{"Khat Markets in the Horn of Africa was our most read briefing this year."})},
			},
			wantIDs:    "pages-khat pdf-files-annual-report",
			merged:     map[string]string{"pages-khat": "pdf/dpb47-khat.pdf"},
			wantPDFURL: "pdf/dpb47-khat.pdf",
		},
		{
			name: "a relative link resolves to its file even when the name is not unique",
			files: fstest.MapFS{
				"site/khat.html":       {Data: landingPage(khatTitle, "", khatSummary+`<p><a href="../files/briefing.pdf">PDF</a></p>`)},
				"files/briefing.pdf":   {Data: khat},
				"archive/briefing.pdf": {Data: other},
			},
			wantIDs:    "site-khat archive-briefing",
			merged:     map[string]string{"site-khat": "files/briefing.pdf"},
			wantPDFURL: "files/briefing.pdf",
		},
		{
			name: "a file name in two other folders is ambiguous",
			files: fstest.MapFS{
				"site/khat.html":       {Data: landingPage(khatTitle, `<meta name="citation_pdf_url" content="https://example.org/briefing.pdf">`, khatSummary)},
				"files/briefing.pdf":   {Data: khat},
				"archive/briefing.pdf": {Data: other},
			},
			wantIDs: "site-khat archive-briefing files-briefing",
		},
		{
			name: "the same folder is preferred when the name is not unique",
			files: fstest.MapFS{
				"b/khat.html":    {Data: landingPage(khatTitle, `<meta name="citation_pdf_url" content="https://example.org/x/briefing.pdf">`, khatSummary)},
				"b/briefing.pdf": {Data: khat},
				"a/briefing.pdf": {Data: other},
			},
			wantIDs:    "b-khat a-briefing",
			merged:     map[string]string{"b-khat": "b/briefing.pdf"},
			wantPDFURL: "https://example.org/x/briefing.pdf",
		},
		{
			name: "clearly different documents stay separate",
			files: fstest.MapFS{
				"khat.html":         {Data: landingPage(khatTitle, `<meta name="citation_pdf_url" content="annual-report.pdf">`, khatSummary)},
				"annual-report.pdf": {Data: other},
			},
			wantIDs: "khat annual-report",
		},
		{
			name: "a PDF linked from two pages merges into the first only",
			files: fstest.MapFS{
				"a-khat.html": {Data: landingPage(khatTitle, `<meta name="citation_pdf_url" content="khat.pdf">`, khatSummary)},
				"b-khat.html": {Data: landingPage("Khat Markets in the Horn of Africa (summary)", `<meta name="citation_pdf_url" content="khat.pdf">`, khatSummary)},
				"khat.pdf":    {Data: khat},
			},
			wantIDs:    "a-khat b-khat",
			merged:     map[string]string{"a-khat": "khat.pdf"},
			wantPDFURL: "khat.pdf",
		},
		{
			name: "a missing PDF: no merge",
			files: fstest.MapFS{
				"khat.html": {Data: landingPage(khatTitle, `<meta name="citation_pdf_url" content="https://example.org/khat.pdf">`, khatSummary)},
				"other.pdf": {Data: other},
				"notes.txt": {Data: []byte("Notes\n\nSee khat.pdf on the website.\n")},
			},
			wantIDs: "khat notes other",
		},
		{
			name: "the title on the first page is enough, whatever the PDF's own title",
			files: fstest.MapFS{
				"khat.html": {Data: landingPage("Khat", `<meta name="citation_pdf_url" content="k.pdf">`, khatSummary)},
				"k.pdf": {Data: linkedPDF(t, "Chewing Leaves Along Trade Routes",
					[]string{"A study of khat in Kenya and Somalia."}, []string{"Second page on the trade."})},
			},
			wantIDs:    "khat",
			merged:     map[string]string{"khat": "k.pdf"},
			wantPDFURL: "k.pdf",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, got, order := walkRecords(t, tt.files)
			if strings.Join(order, " ") != tt.wantIDs {
				t.Errorf("records %q, want %q", order, tt.wantIDs)
			}
			if rep.Merged != len(tt.merged) || len(rep.Skipped) != 0 {
				t.Errorf("Merged = %d, skipped %v; want %d, none", rep.Merged, rep.Skipped, len(tt.merged))
			}
			if rep.Files != len(tt.files) {
				t.Errorf("Files = %d, want %d", rep.Files, len(tt.files))
			}
			for id, pdfPath := range tt.merged {
				r := got[id]
				pageOnly, err := ExtractFile(tt.files, r.Source, Options{})
				if err != nil {
					t.Fatal(err)
				}
				pdfOnly, err := ExtractFile(tt.files, pdfPath, Options{})
				if err != nil {
					t.Fatal(err)
				}
				p := pageOnly[0]
				if r.Title != p.Title || r.Source != p.Source || r.ID != p.ID {
					t.Errorf("%s: title %q source %q, want the page's %q %q", id, r.Title, r.Source, p.Title, p.Source)
				}
				if r.Text() != pdfOnly[0].Text() || len(r.Pages) != len(r.Paragraphs) || len(r.Pages) == 0 {
					t.Errorf("%s: text %q pages %v, want the PDF's text with its pages", id, r.Text(), r.Pages)
				}
				if r.PDFURL != tt.wantPDFURL {
					t.Errorf("%s: PDFURL = %q, want %q", id, r.PDFURL, tt.wantPDFURL)
				}
				if r.Hash == p.Hash || r.Hash == pdfOnly[0].Hash || len(r.Hash) != 64 {
					t.Errorf("%s: hash %q covers one file only", id, r.Hash)
				}
				if _, ok := got[IDFromPath(pdfPath)]; ok && IDFromPath(pdfPath) != id {
					t.Errorf("%s: the merged PDF %s also has its own record", id, pdfPath)
				}
			}
		})
	}
}

func TestWalkMergeBadPDF(t *testing.T) {
	page := landingPage(khatTitle, `<meta name="citation_pdf_url" content="broken.pdf">`, khatSummary)
	fsys := fstest.MapFS{
		"a.html":     {Data: page},
		"b.html":     {Data: page},
		"broken.pdf": {Data: []byte("%PDF-1.4 cut short")},
	}
	var done [][2]int
	got := map[string]Record{}
	rep, err := Walk(context.Background(), fsys, Options{}, func(d, n int) { done = append(done, [2]int{d, n}) },
		func(r Record) error { got[r.ID] = r; return nil })
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got["a"].PDFURL != "broken.pdf" || len(got["a"].Pages) != 0 || !strings.Contains(got["a"].Text(), "follows the khat trade") {
		t.Errorf("records %+v, want both pages unmerged with their own text", got)
	}
	if len(rep.Skipped) != 1 || rep.Skipped[0].Path != "broken.pdf" || !strings.HasPrefix(rep.Skipped[0].Reason, "corrupt PDF") {
		t.Errorf("skipped %v, want broken.pdf once as corrupt", rep.Skipped)
	}
	if rep.Merged != 0 || rep.Documents != 2 {
		t.Errorf("Merged, Documents = %d, %d; want 0, 2", rep.Merged, rep.Documents)
	}
	if last := done[len(done)-1]; last != [2]int{3, 3} {
		t.Errorf("progress ends at %v, want every file done", done)
	}
}

func TestWalkMergeProgressAndReport(t *testing.T) {
	fsys := fstest.MapFS{
		"khat.html": {Data: landingPage(khatTitle, `<meta name="citation_pdf_url" content="khat.pdf">`, khatSummary)},
		"khat.pdf":  {Data: linkedPDF(t, khatTitle, khatPages...)},
		"note.txt":  {Data: []byte("A Note\n\nBody.\n")},
	}
	var done [][2]int
	rep, err := Walk(context.Background(), fsys, Options{}, func(d, n int) { done = append(done, [2]int{d, n}) },
		func(Record) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(done) != "[[2 3] [3 3]]" {
		t.Errorf("progress = %v, want the merged pair counted as two files", done)
	}
	if s := rep.String(); !strings.Contains(s, "2 records read, 0 skipped, 0 warnings, 1 PDF merged into its web page") {
		t.Errorf("String() = %q", s)
	}
}

func TestResolvePDF(t *testing.T) {
	ix := newPDFIndex([]string{"a/Report.pdf", "b/report.pdf", "c/Only One.pdf", "d/zipped.pdf.gz", "e/x.pdf"})
	ix.done["e/x.pdf"] = true
	tests := []struct{ page, link, want string }{
		{"a/p.html", "https://example.org/files/report.pdf", "a/Report.pdf"},
		{"b/p.html", "https://example.org/files/REPORT.PDF#page=2", "b/report.pdf"},
		{"z/p.html", "https://example.org/files/report.pdf", ""}, // two candidates elsewhere
		{"z/p.html", "../a/Report.pdf", "a/Report.pdf"},
		{"z/p.html", "/files/Only%20One.pdf", "c/Only One.pdf"},
		{"z/p.html", "/files/Only%2520One.pdf", "c/Only One.pdf"},
		{"z/p.html", "zipped.pdf", "d/zipped.pdf.gz"},
		{"z/p.html", "x.pdf", ""}, // already merged
		{"z/p.html", "report.html", ""},
		{"z/p.html", "", ""},
		{"z/p.html", "mailto:someone@example.org", ""},
	}
	for _, tt := range tests {
		if got := ix.resolve(tt.page, tt.link); got != tt.want {
			t.Errorf("resolve(%q, %q) = %q, want %q", tt.page, tt.link, got, tt.want)
		}
	}
}

func TestDifferentDocuments(t *testing.T) {
	pdf := func(title string, first ...string) Record {
		r := Record{Title: title, Paragraphs: append(first, "Page two text."), Pages: make([]int, len(first)+1)}
		for i := range first {
			r.Pages[i] = 1
		}
		r.Pages[len(first)] = 2
		return r
	}
	tests := []struct {
		name string
		page string
		pdf  Record
		path string
		want bool
	}{
		{"same title", khatTitle, pdf(khatTitle), "x.pdf", false},
		{"reworded title", "The khat trade in the Horn of Africa", pdf("Khat markets: trade in the Horn of Africa"), "x.pdf", false},
		{"other title, page title on page 1", "Khat", pdf("Chewing leaves", "A study of khat in Kenya."), "x.pdf", false},
		{"other title, page title only on page 2", "Page two text", pdf("Annual report", "Finances."), "x.pdf", true},
		{"clearly different", khatTitle, pdf("Annual Report of the Institute", "Finances and staff."), "x.pdf", true},
		{"file-name title", khatTitle, pdf("dpb47_final_v2"), "dpb47_final_v2.pdf", false},
		{"template title", khatTitle, pdf("Microsoft Word - brief.doc"), "x.pdf", false},
		{"title made from the path", khatTitle, pdf("annual report 2020"), "annual-report-2020.pdf", false},
		{"no page title", "", pdf("Annual Report of the Institute"), "x.pdf", false},
		{"no text layer", khatTitle, Record{Title: "Annual Report of the Institute", Note: noTextLayerMsg}, "x.pdf", false},
	}
	for _, tt := range tests {
		if got := differentDocuments(Record{Title: tt.page}, tt.pdf, tt.path); got != tt.want {
			t.Errorf("%s: differentDocuments(%q, %q) = %v, want %v", tt.name, tt.page, tt.pdf.Title, got, tt.want)
		}
	}
}

func TestMergePDF(t *testing.T) {
	page := Record{ID: "p", Kind: KindDocument, Title: "Khat Markets", Authors: []string{"Amina Warsame"},
		Series: "Drug Policy Briefing", Language: "en", Source: "p.html", Hash: "aa",
		Paragraphs: []string{"A short summary of the briefing.", "Download the PDF."}}
	pdf := Record{Kind: KindBriefing, Title: "Khat markets in the Horn", Authors: []string{"Someone Else"},
		Date: "2022-10-12", Year: 2022, Series: "Drug Policy Briefing", Number: 47, Countries: []string{"Kenya"},
		Language: "en", Abstract: "The PDF's summary.", Keywords: []string{"khat"}, Hash: "bb",
		Paragraphs: []string{"First.", "Second."}, Pages: []int{1, 3}}
	got := mergePDF(page, pdf, "files/khat.pdf")
	checks := []struct {
		name string
		ok   bool
	}{
		{"page's ID, title, authors and source", got.ID == "p" && got.Title == "Khat Markets" && got.Authors[0] == "Amina Warsame" && got.Source == "p.html"},
		{"date, number, countries and keywords filled from the PDF", got.Date == "2022-10-12" && got.Year == 2022 && got.Number == 47 && got.Countries[0] == "Kenya" && got.Keywords[0] == "khat"},
		{"kind from the PDF when the page had none", got.Kind == KindBriefing},
		{"the PDF's text and pages", got.Text() == "First.\n\nSecond." && fmt.Sprint(got.Pages) == "[1 3]"},
		{"the page's own text becomes the abstract", got.Abstract == "A short summary of the briefing. Download the PDF."},
		{"PDFURL names the PDF", got.PDFURL == "files/khat.pdf"},
		{"hash of both", len(got.Hash) == 64},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("mergePDF: %s: got %+v", c.name, got)
		}
	}
	if err := got.Validate(); err != nil {
		t.Errorf("mergePDF gives an invalid record: %v", err)
	}

	// A page abstract stays; another series keeps its own (zero) number;
	// an image-only PDF leaves the page's text.
	page.Abstract, page.Series = "The page's description.", "Occasional Papers"
	scan := Record{Title: "scan", Note: noTextLayerMsg, Hash: "cc", Number: 9, Series: "Other"}
	got = mergePDF(page, scan, "scan.pdf")
	if got.Abstract != "The page's description." || got.Number != 0 || got.Text() != page.Text() || got.Note != "" {
		t.Errorf("mergePDF with a scan: %+v", got)
	}
}

// A listing page links to many publications: it is never merged with one
// of them, even one whose first page shows the page's title.
func TestWalkListingPageNotMerged(t *testing.T) {
	page := strings.Replace(listingPage, `<a href="/p">Broken Promises`, `<a href="/files/dpb-11.pdf">Broken Promises`, 1)
	fsys := fstest.MapFS{
		"pages/bolivia.html": {Data: []byte(page)},
		"files/dpb-11.pdf": {Data: linkedPDF(t, "Broken Promises in the Chapare",
			[]string{"Coca in Bolivia: the growers of the Chapare have lost their income."})},
	}
	rep, got, _ := walkRecords(t, fsys)
	if rep.Merged != 0 || got["files-dpb-11"].Title != "Broken Promises in the Chapare" || got["pages-bolivia"].Kind != KindPage {
		t.Errorf("Merged = %d, records %v; want the listing page and the PDF apart", rep.Merged, slices.Sorted(maps.Keys(got)))
	}
}
