package indexer

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// Tests of the PDF page layout (pdf_layout.go), fonts and ToUnicode maps
// (pdf_font.go, pdf_cmap.go) and metadata (pdf_meta.go), on small
// hand-made inputs.

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
