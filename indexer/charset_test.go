package indexer

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

func TestDecodeHTML(t *testing.T) {
	// "Soberón – coca" in windows-1252: ó is 0xF3, the en dash 0x96.
	cp1252 := []byte("<p>Sober\xf3n \x96 coca</p>")
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"utf-8", []byte("<p>Soberón – coca</p>"), "Soberón – coca"},
		{"undeclared windows-1252", cp1252, "Soberón – coca"},
		{"declared windows-1252", append([]byte(`<meta charset="windows-1252">`), cp1252...), "Soberón – coca"},
		{"declared iso-8859-1 means windows-1252", append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">`), cp1252...), "Soberón – coca"},
		{"declared latin-1 but saved as utf-8", []byte(`<meta charset="iso-8859-1"><p>Soberón – coca</p>`), "Soberón – coca"},
		{"declared utf-8 with stray cp1252 bytes", []byte("<meta charset=\"utf-8\"><p>Soberón \x96 coca</p>"), "Soberón – coca"},
		{"utf-8 bom", append([]byte{0xEF, 0xBB, 0xBF}, "<p>Soberón</p>"...), "Soberón"},
		{"utf-16le bom", utf16le("<p>Soberón</p>"), "Soberón"},
		{"declared gb2312 but saved as utf-8", []byte(`<meta charset="gb2312"><p>促进航天技术</p>`), "促进航天技术"},
		{"declared koi8-r", append([]byte(`<meta charset="koi8-r">`), "<p>\xf0\xd2\xc9\xd7\xc5\xd4</p>"...), "Привет"},
	}
	// East Asian and Cyrillic legacy charsets, declared in <meta>: the
	// bytes are made by the encoder of the charset named.
	for _, enc := range []struct {
		label string
		enc   encoding.Encoding
		text  string
	}{
		{"gbk", simplifiedchinese.GBK, "促进航天技术更好惠及人民"},
		{"GB2312", simplifiedchinese.GBK, "习近平主席致贺信"},
		{"big5", traditionalchinese.Big5, "臺北時報"},
		{"euc-kr", korean.EUCKR, "한국일보 기자"},
		{"shift_jis", japanese.ShiftJIS, "朝日新聞デジタル"},
		{"euc-jp", japanese.EUCJP, "東京新聞"},
		{"KOI8-R", charmap.KOI8R, "Новости дня"},
	} {
		if enc.text == "" {
			continue
		}
		body, err := enc.enc.NewEncoder().Bytes([]byte("<p>" + enc.text + "</p>"))
		if err != nil {
			t.Fatalf("encode %s: %v", enc.label, err)
		}
		tests = append(tests, struct {
			name string
			in   []byte
			want string
		}{"declared " + enc.label, append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=`+enc.label+`">`), body...), enc.text})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := decodeHTML(tt.in)
			if !utf8.ValidString(got) {
				t.Fatalf("decodeHTML(%q) is not valid UTF-8: %q", tt.in, got)
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("decodeHTML(%q) = %q, want it to contain %q", tt.in, got, tt.want)
			}
		})
	}
}

func utf16le(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, r := range s {
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

func TestDecodeText(t *testing.T) {
	if got := decodeText([]byte("Per\xfa y Bolivia")); got != "Perú y Bolivia" {
		t.Errorf("decodeText(cp1252) = %q, want %q", got, "Perú y Bolivia")
	}
	if got := decodeText([]byte("Perú")); got != "Perú" {
		t.Errorf("decodeText(utf-8) = %q", got)
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"a\uFFFDb", "ab"},
		{"a\x00b\x07c", "abc"},
		{"a\r\nb\rc", "a\nb\nc"},
		{"co\u00ADca\u200B", "coca"},
		{"\uFEFFtitle", "title"},
		{"a\u0085b", "ab"},
		{"bad \xff byte", "bad  byte"},
		{"tab\tand\nnewline", "tab\tand\nnewline"},
	}
	for _, tt := range tests {
		if got := cleanText(tt.in); got != tt.want {
			t.Errorf("cleanText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := collapse("  a\u00A0\u00A0b \n\t c  "); got != "a b c" {
		t.Errorf("collapse = %q, want %q", got, "a b c")
	}
}

func TestLooksBinary(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want bool
	}{
		{"html", []byte("<html><body>hi</body></html>"), false},
		{"nul", []byte("abc\x00def"), true},
		{"pdf", []byte("%PDF-1.4 ..."), true},
		{"png", []byte("\x89PNG\r\n\x1a\n"), true},
		{"controls", []byte(strings.Repeat("\x01\x02\x03a", 50)), true},
		{"utf-16 with bom", utf16le("<p>hi</p>"), false},
		{"cp1252", []byte("Sober\xf3n"), false},
	}
	for _, tt := range tests {
		if got := looksBinary(tt.in); got != tt.want {
			t.Errorf("looksBinary(%s) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// Invalid UTF-8 is repaired with a warning, as the README promises; a file
// in a declared or BOM-marked encoding needs none.
func TestRepairWarning(t *testing.T) {
	var warns []string
	opts := Options{Warn: func(_, msg string) { warns = append(warns, msg) }}
	recs, err := Extract("latin1.txt", []byte("Caf\xe9 society\n\nA note on caf\xe9s in Lisbon.\n"), opts)
	if err != nil || len(recs) != 1 || !strings.Contains(recs[0].Text(), "cafés") {
		t.Fatalf("Extract = %v, %v; want the text repaired", recs, err)
	}
	if len(warns) != 1 || warns[0] != "invalid UTF-8: 2 bytes read as windows-1252" {
		t.Errorf("warnings = %q, want one naming the 2 repaired bytes", warns)
	}
	warns = nil
	page := []byte(`<html><head><meta charset="iso-8859-1"><title>Caf` + "\xe9" + `</title></head><body><p>Caf` + "\xe9" + ` society in Lisbon.</p></body></html>`)
	if _, err := Extract("latin1.html", page, opts); err != nil || len(warns) != 0 {
		t.Errorf("declared charset: err %v, warnings %q; want none", err, warns)
	}
	warns = nil
	if _, err := Extract("ok.txt", []byte("Café society\n\nValid UTF-8 text.\n"), opts); err != nil || len(warns) != 0 {
		t.Errorf("valid UTF-8: err %v, warnings %q; want none", err, warns)
	}
}

// collapse must give the words of cleanText(s) joined by single spaces,
// whatever the mix of ASCII, Unicode spaces, control characters and
// invalid bytes (its one-pass loop does both steps at once).
func checkCollapse(t *testing.T, s string) {
	t.Helper()
	want := strings.Join(strings.FieldsFunc(cleanText(s), unicode.IsSpace), " ")
	if got := collapse(s); got != want {
		t.Errorf("collapse(%q) = %q, want %q", s, got, want)
	}
}

func TestCollapseIsCleanWords(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", "a b", "a  b", " a b ", "a\r\nb", "a\fb\vc", "a\x00b", "a\x7fb",
		"a\u00A0\u00A0b", "a \u200B b", "a\u200Bb", "soft\u00ADhyphen", "\uFEFFbom", "caf\xe9 au lait",
		"\xff\xfe", "a\uFFFDb", "x\u0085y", "\u3000全角\u3000", "naïve café", "tab\tand\nnewline  ",
	} {
		checkCollapse(t, s)
	}
}

func FuzzCollapse(f *testing.F) {
	for _, s := range []string{"a  b", " naïve\u00A0café ", "a\xffb\r\n", "\u200B x \x01"} {
		f.Add(s)
	}
	f.Fuzz(checkCollapse)
}
