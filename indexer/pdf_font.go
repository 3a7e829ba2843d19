package indexer

import (
	"math"
	"strconv"
	"strings"

	"github.com/ledongthuc/pdf"
	"github.com/pdfcpu/pdfcpu/pkg/font"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// The fonts of a PDF page (pdftext.go): character codes decoded to text by
// ToUnicode map (pdf_cmap.go), encoding or glyph name, and their widths.

// pdfFont decodes a font's character codes and gives their widths.
type pdfFont struct {
	twoByte bool            // Type0 (composite) font: two-byte codes
	toUni   map[int]string  // from the ToUnicode CMap
	enc     *[256]string    // simple fonts: code -> text by encoding
	first   int             // simple fonts: Widths start at this code
	widths  []float64       // simple fonts, glyph units
	cidW    map[int]float64 // composite fonts: W array
	dw      float64         // default / missing width, glyph units
	scale   float64         // glyph units to text space (1/1000 or Type3 FontMatrix)
	core    string          // one of the 14 standard fonts, for widths
	coreW   map[int]float64 // widths computed from core metrics, by code
}

var defaultFont = &pdfFont{enc: &winAnsiText, dw: 500, scale: 0.001}

func (f *pdfFont) codeLen(s string) int {
	if f.twoByte && len(s) >= 2 {
		return 2
	}
	return 1
}

func (f *pdfFont) decode(code int) string {
	if t, ok := f.toUni[code]; ok {
		return t
	}
	if f.twoByte {
		return "" // no ToUnicode: the code is a glyph id, not a character
	}
	if f.enc != nil && code < 256 {
		return f.enc[code]
	}
	return ""
}

func (f *pdfFont) width(code int) float64 {
	if f.twoByte {
		if w, ok := f.cidW[code]; ok {
			return w * f.scale
		}
		return f.dw * f.scale
	}
	if i := code - f.first; i >= 0 && i < len(f.widths) {
		if w := f.widths[i]; w > 0 {
			return w * f.scale
		}
	}
	if f.core != "" {
		if w, ok := f.coreW[code]; ok {
			return w * f.scale
		}
		w := 0.0
		if t := f.decode(code); t != "" {
			for _, r := range t {
				cw, err := font.CharWidth(f.core, r)
				if err == nil {
					w += float64(cw)
				}
			}
		}
		if w == 0 {
			w = f.dw
		}
		f.coreW[code] = w
		return w * f.scale
	}
	return f.dw * f.scale
}

// font returns the page font resource name, parsed once per page.
func (pr *pageReader) font(res pdf.Value, resID, name string) *pdfFont {
	k := fontKey{resID, name}
	if f, ok := pr.fonts[k]; ok {
		return f
	}
	f := parseFont(res.Key("Font").Key(name))
	pr.fonts[k] = f
	return f
}

// standard14 maps base font names (and common aliases) to the core font
// whose metrics pdfcpu ships, for fonts that come without /Widths.
var standard14 = map[string]string{
	"Helvetica": "Helvetica", "Helvetica-Bold": "Helvetica-Bold", "Helvetica-Oblique": "Helvetica-Oblique",
	"Helvetica-BoldOblique": "Helvetica-BoldOblique", "Arial": "Helvetica", "Arial,Bold": "Helvetica-Bold",
	"Arial,Italic": "Helvetica-Oblique", "Arial,BoldItalic": "Helvetica-BoldOblique", "ArialMT": "Helvetica",
	"Times-Roman": "Times-Roman", "Times-Bold": "Times-Bold", "Times-Italic": "Times-Italic",
	"Times-BoldItalic": "Times-BoldItalic", "TimesNewRoman": "Times-Roman", "TimesNewRoman,Bold": "Times-Bold",
	"TimesNewRoman,Italic": "Times-Italic", "Courier": "Courier", "Courier-Bold": "Courier-Bold",
	"Courier-Oblique": "Courier-Oblique", "Courier-BoldOblique": "Courier-BoldOblique",
	"Symbol": "Symbol", "ZapfDingbats": "ZapfDingbats",
}

func parseFont(v pdf.Value) *pdfFont {
	if v.Kind() != pdf.Dict {
		return defaultFont
	}
	f := &pdfFont{scale: 0.001}
	base := v.Key("BaseFont").Name()
	if i := strings.IndexByte(base, '+'); i == 6 {
		base = base[i+1:] // subset prefix "ABCDEF+"
	}
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		f.toUni = readToUnicode(tu)
	}
	switch v.Key("Subtype").Name() {
	case "Type0":
		f.twoByte = true
		d := v.Key("DescendantFonts").Index(0)
		f.dw = 1000
		if dw := d.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
			f.dw = dw.Float64()
		}
		f.cidW = readCIDWidths(d.Key("W"))
		if enc := v.Key("Encoding").Name(); enc != "" && enc != "Identity-H" && enc != "Identity-V" && f.toUni == nil {
			// A predefined CMap (Adobe-Japan1 and friends) without a
			// ToUnicode map: rare in our corpus; the text is skipped.
			f.toUni = map[int]string{}
		}
		return f
	case "Type3":
		if m := v.Key("FontMatrix"); m.Len() == 6 {
			f.scale = math.Abs(m.Index(0).Float64())
		}
	}
	f.first = int(v.Key("FirstChar").Int64())
	if w := v.Key("Widths"); w.Kind() == pdf.Array {
		n := min(w.Len(), 256)
		f.widths = make([]float64, n)
		for i := 0; i < n; i++ {
			f.widths[i] = w.Index(i).Float64()
		}
	}
	fd := v.Key("FontDescriptor")
	f.dw = fd.Key("MissingWidth").Float64()
	if f.widths == nil {
		if core, ok := standard14[base]; ok {
			f.core, f.coreW = core, map[int]float64{}
		}
	}
	if f.dw == 0 {
		f.dw = 500
	}
	f.enc = simpleEncoding(v, base, fd)
	return f
}

// simpleEncoding builds the code -> text table of a simple font from its
// /Encoding (a name, or a dictionary with /BaseEncoding and /Differences).
func simpleEncoding(v pdf.Value, base string, fd pdf.Value) *[256]string {
	tbl := new([256]string)
	baseTbl := &standardText
	if v.Key("Subtype").Name() == "TrueType" || fd.Key("Flags").Int64()&4 != 0 && base != "Symbol" {
		baseTbl = &winAnsiText // non-embedded TrueType and symbolic fonts: codes are mostly ANSI
	}
	enc := v.Key("Encoding")
	name := enc.Name()
	if enc.Kind() == pdf.Dict {
		name = enc.Key("BaseEncoding").Name()
	}
	switch name {
	case "WinAnsiEncoding":
		baseTbl = &winAnsiText
	case "MacRomanEncoding":
		baseTbl = &macRomanText
	case "StandardEncoding":
		baseTbl = &standardText
	case "PDFDocEncoding":
		baseTbl = &pdfDocText
	}
	*tbl = *baseTbl
	if enc.Kind() == pdf.Dict {
		diffs := enc.Key("Differences")
		code := 0
		for i := 0; i < diffs.Len() && i < 1024; i++ {
			x := diffs.Index(i)
			switch x.Kind() {
			case pdf.Integer:
				code = int(x.Int64())
			case pdf.Name:
				if code >= 0 && code < 256 {
					tbl[code] = glyphText(x.Name())
				}
				code++
			}
		}
	}
	return tbl
}

// readCIDWidths reads a composite font's /W array:
// [c [w1 w2 ...]] or [cfirst clast w].
func readCIDWidths(w pdf.Value) map[int]float64 {
	out := map[int]float64{}
	n := w.Len()
	for i := 0; i < n && len(out) < 1<<16; {
		c := int(w.Index(i).Int64())
		if i+1 < n && w.Index(i+1).Kind() == pdf.Array {
			a := w.Index(i + 1)
			for j := 0; j < a.Len() && j < 1<<16; j++ {
				out[c+j] = a.Index(j).Float64()
			}
			i += 2
			continue
		}
		if i+2 < n {
			last, wd := int(w.Index(i+1).Int64()), w.Index(i+2).Float64()
			for k := c; k <= last && k-c < 1<<16; k++ {
				out[k] = wd
			}
		}
		i += 3
	}
	return out
}

// cleanGlyph drops control characters a ToUnicode map may give (NUL for
// unmapped glyphs) and normalises presentation forms such as the "ﬁ"
// ligature to plain letters, so that words are found by search.
func cleanGlyph(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == 0xFFFD || r < 0x20 && r != '\t' || r >= 0x7F && r < 0xA0, r >= 0xE000 && r <= 0xF8FF:
			// Controls, and private-use code points of symbol fonts
			// (Wingdings bullets), which no one searches for.
		case r >= 0xFB00 && r <= 0xFB06:
			b.WriteString(norm.NFKC.String(string(r)))
		case r == '\t' || r == 0xA0:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Encodings of simple fonts, code -> text.
var (
	winAnsiText, macRomanText, standardText, pdfDocText [256]string
)

func init() {
	for i := 0; i < 256; i++ {
		if i >= 32 {
			winAnsiText[i] = cleanGlyph(string(charmap.Windows1252.DecodeByte(byte(i))))
			macRomanText[i] = cleanGlyph(string(charmap.Macintosh.DecodeByte(byte(i))))
			pdfDocText[i] = cleanGlyph(string(charmap.ISO8859_1.DecodeByte(byte(i))))
		}
		if i >= 32 && i < 127 {
			standardText[i] = string(rune(i))
		}
	}
	// Codes 127-160 that are undefined in WinAnsi show a bullet.
	winAnsiText[0x95] = "•"
	standardText['\''] = "’"
	standardText['`'] = "‘"
	// The upper half of StandardEncoding that briefings use.
	for code, name := range map[int]string{
		0xA1: "exclamdown", 0xA2: "cent", 0xA3: "sterling", 0xA5: "yen", 0xA7: "section",
		0xA9: "quotesingle", 0xAA: "quotedblleft", 0xAB: "guillemotleft", 0xAE: "fi", 0xAF: "fl",
		0xB1: "endash", 0xB2: "dagger", 0xB3: "daggerdbl", 0xB4: "periodcentered", 0xB6: "paragraph",
		0xB7: "bullet", 0xB8: "quotesinglbase", 0xB9: "quotedblbase", 0xBA: "quotedblright",
		0xBB: "guillemotright", 0xBC: "ellipsis", 0xBF: "questiondown", 0xC1: "grave", 0xC2: "acute",
		0xD0: "emdash", 0xE1: "AE", 0xE9: "Oslash", 0xEA: "OE", 0xF1: "ae", 0xF5: "dotlessi",
		0xF9: "oslash", 0xFA: "oe", 0xFB: "germandbls",
	} {
		standardText[code] = glyphText(name)
	}
	pdfDocText[0x84], pdfDocText[0x85], pdfDocText[0x8D], pdfDocText[0x8E] = "—", "–", "“", "”"
	pdfDocText[0x8F], pdfDocText[0x90], pdfDocText[0x93], pdfDocText[0x94] = "‘", "’", "fi", "fl"
	pdfDocText[0x80], pdfDocText[0x83] = "•", "…"
}

// glyphNames maps the Adobe glyph names that are not a letter plus an
// accent name ("eacute") to their text.
var glyphNames = map[string]string{
	"space": " ", "exclam": "!", "quotedbl": "\"", "numbersign": "#", "dollar": "$", "percent": "%",
	"ampersand": "&", "quoteright": "’", "quotesingle": "'", "parenleft": "(", "parenright": ")",
	"asterisk": "*", "plus": "+", "comma": ",", "hyphen": "-", "period": ".", "slash": "/",
	"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
	"seven": "7", "eight": "8", "nine": "9", "colon": ":", "semicolon": ";", "less": "<",
	"equal": "=", "greater": ">", "question": "?", "at": "@", "bracketleft": "[", "backslash": "\\",
	"bracketright": "]", "asciicircum": "^", "underscore": "_", "quoteleft": "‘", "grave": "`",
	"braceleft": "{", "bar": "|", "braceright": "}", "asciitilde": "~", "exclamdown": "¡",
	"cent": "¢", "sterling": "£", "yen": "¥", "section": "§", "copyright": "©", "ordfeminine": "ª",
	"ordmasculine": "º", "guillemotleft": "«", "guillemotright": "»", "registered": "®",
	"degree": "°", "plusminus": "±", "paragraph": "¶", "periodcentered": "·", "questiondown": "¿",
	"bullet": "•", "endash": "–", "emdash": "—", "quotedblleft": "“", "quotedblright": "”",
	"quotesinglbase": "‚", "quotedblbase": "„", "ellipsis": "…", "dagger": "†", "daggerdbl": "‡",
	"trademark": "™", "perthousand": "‰", "fi": "fi", "fl": "fl", "ff": "ff", "ffi": "ffi",
	"ffl": "ffl", "germandbls": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "oslash": "ø",
	"Oslash": "Ø", "dotlessi": "ı", "minus": "−", "Euro": "€", "euro": "€", "multiply": "×",
	"divide": "÷", "onehalf": "½", "onequarter": "¼", "threequarters": "¾", "mu": "µ",
	"eth": "ð", "Eth": "Ð", "thorn": "þ", "Thorn": "Þ", "lslash": "ł", "Lslash": "Ł",
	"guilsinglleft": "‹", "guilsinglright": "›", "florin": "ƒ", "logicalnot": "¬",
	"brokenbar": "¦", "currency": "¤", "macron": "¯", "acute": "´", "cedilla": "¸",
	"dieresis": "¨", "circumflex": "ˆ", "tilde": "˜", "nbspace": " ", "sfthyphen": "\u00ad",
	"uni00A0": " ", "figuredash": "‒", "quotereversed": "‛", "onesuperior": "¹",
	"twosuperior": "²", "threesuperior": "³",
}

// accentMarks are the combining marks named in glyph names like "ntilde".
var accentMarks = []struct{ name, mark string }{
	{"acute", "\u0301"}, {"grave", "\u0300"}, {"circumflex", "\u0302"}, {"dieresis", "\u0308"},
	{"tilde", "\u0303"}, {"ring", "\u030a"}, {"cedilla", "\u0327"}, {"caron", "\u030c"},
	{"ogonek", "\u0328"}, {"macron", "\u0304"}, {"breve", "\u0306"}, {"dotaccent", "\u0307"},
	{"hungarumlaut", "\u030b"},
}

// glyphText returns the text of an Adobe glyph name: "eacute" -> "é",
// "uni00E9" -> "é", "f_i" -> "fi"; unknown names ("g123") give "".
func glyphText(name string) string {
	if i := strings.IndexByte(name, '.'); i > 0 {
		name = name[:i] // "a.sc", "one.oldstyle"
	}
	if t, ok := glyphNames[name]; ok {
		return t
	}
	if len(name) == 1 && (name[0] >= 'a' && name[0] <= 'z' || name[0] >= 'A' && name[0] <= 'Z') {
		return name
	}
	if strings.Contains(name, "_") {
		var b strings.Builder
		for _, part := range strings.Split(name, "_") {
			b.WriteString(glyphText(part))
		}
		return b.String()
	}
	if strings.HasPrefix(name, "uni") && len(name) >= 7 && (len(name)-3)%4 == 0 {
		var b strings.Builder
		for i := 3; i+4 <= len(name); i += 4 {
			n, err := strconv.ParseUint(name[i:i+4], 16, 16)
			if err != nil {
				return ""
			}
			b.WriteRune(rune(n))
		}
		return cleanGlyph(b.String())
	}
	if len(name) >= 5 && len(name) <= 7 && name[0] == 'u' {
		if n, err := strconv.ParseUint(name[1:], 16, 32); err == nil && n <= 0x10FFFF {
			return cleanGlyph(string(rune(n)))
		}
	}
	for _, a := range accentMarks {
		if letter, ok := strings.CutSuffix(name, a.name); ok && len(letter) == 1 {
			return norm.NFC.String(letter + a.mark)
		}
	}
	return ""
}
