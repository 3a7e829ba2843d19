package indexer

import (
	"bytes"
	"fmt"
	"mime"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Decoding rules. Everything leaves this file as valid UTF-8 with no U+FFFD
// and no control characters: bleve's highlighter drops any fragment holding
// U+FFFD, so one bad byte would otherwise hide a whole snippet.

// declScanLimit bounds how far into an HTML file we look for a charset
// declaration. The standard says 1024 bytes, but real pages often put
// <meta charset> after a long block of scripts and styles.
const declScanLimit = 16 << 10

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decodeHTML returns the text of an HTML file as UTF-8: a BOM wins, then a
// charset declared in <meta charset> or http-equiv Content-Type, else UTF-8
// with stray invalid bytes read as windows-1252.
func decodeHTML(data []byte) string {
	if s, ok := decodeBOM(data); ok {
		return s
	}
	if label := declaredCharset(data); label != "" {
		if enc, name := charset.Lookup(label); enc != nil {
			return decodeWith(data, enc, name)
		}
	}
	return repairUTF8(data)
}

// decodeText returns the text of a plain-text file as UTF-8: UTF-8 if
// valid, else each invalid byte read as windows-1252.
func decodeText(data []byte) string {
	if s, ok := decodeBOM(data); ok {
		return s
	}
	return repairUTF8(data)
}

func decodeBOM(data []byte) (string, bool) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return repairUTF8(data[len(bomUTF8):]), true
	case bytes.HasPrefix(data, bomUTF16LE):
		return decodeWith(data, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), "utf-16le"), true
	case bytes.HasPrefix(data, bomUTF16BE):
		return decodeWith(data, xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM), "utf-16be"), true
	}
	return "", false
}

func decodeWith(data []byte, enc encoding.Encoding, name string) string {
	if name == "utf-8" {
		return repairUTF8(data)
	}
	// A page declared in a legacy charset but saved as UTF-8 is a common
	// mistake (pages are re-saved by tools that keep the old <meta>).
	// Legacy-encoded text with non-ASCII characters is almost never valid
	// UTF-8 by accident, so believe the bytes.
	if utf8.Valid(data) && hasHighBit(data) {
		return string(data)
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return repairUTF8(data)
	}
	return strings.ToValidUTF8(string(out), "")
}

// repairUTF8 keeps valid UTF-8 sequences and reads every invalid byte as
// windows-1252, which also decodes a wholly windows-1252 file correctly.
func repairUTF8(data []byte) string {
	if utf8.Valid(data) {
		return string(data)
	}
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			b.WriteRune(charmap.Windows1252.DecodeByte(data[0]))
			data = data[1:]
			continue
		}
		b.WriteRune(r)
		data = data[size:]
	}
	return b.String()
}

func hasHighBit(data []byte) bool {
	for _, c := range data {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// declaredCharset finds <meta charset=...> or <meta http-equiv=Content-Type
// content="...; charset=..."> before <body> in the first declScanLimit bytes.
func declaredCharset(data []byte) string {
	if len(data) > declScanLimit {
		data = data[:declScanLimit]
	}
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return ""
			case "meta":
			default:
				continue
			}
			var httpEquiv, content, cs string
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "charset":
					cs = string(v)
				case "http-equiv":
					httpEquiv = string(v)
				case "content":
					content = string(v)
				}
			}
			if cs = strings.TrimSpace(cs); cs != "" {
				return cs
			}
			if strings.EqualFold(strings.TrimSpace(httpEquiv), "content-type") {
				if _, params, err := mime.ParseMediaType(content); err == nil && params["charset"] != "" {
					return params["charset"]
				}
				if i := strings.Index(strings.ToLower(content), "charset="); i >= 0 {
					v := strings.Trim(content[i+len("charset="):], `"' ;`)
					if j := strings.IndexAny(v, " ;"); j >= 0 {
						v = v[:j]
					}
					return v
				}
			}
		}
	}
}

// looksBinary reports whether data is not text: known binary signatures, a
// NUL byte, or mostly control characters in the first 8 KiB. UTF-16 files
// carry NULs, so callers check for a BOM first.
func looksBinary(data []byte) bool {
	if _, ok := decodeBOM(data); ok && !bytes.HasPrefix(data, bomUTF8) {
		return false
	}
	for _, magic := range [][]byte{
		[]byte("%PDF-"), []byte("\x89PNG"), []byte("GIF8"), []byte("\xFF\xD8\xFF"),
		[]byte("PK\x03\x04"), []byte("\x1F\x8B"), []byte("\x7FELF"),
	} {
		if bytes.HasPrefix(data, magic) {
			return true
		}
	}
	head := data
	if len(head) > 8<<10 {
		head = head[:8<<10]
	}
	ctl := 0
	for _, c := range head {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v':
			ctl++
		}
	}
	return len(head) > 0 && ctl*10 > len(head)
}

// cleanText makes s safe to index: valid UTF-8 with U+FFFD, control
// characters (except newline and tab), byte-order marks, zero-width spaces
// and soft hyphens removed. Line ends become "\n".
func cleanText(s string) string {
	if isClean(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\r':
			b.WriteByte('\n')
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case dropRune(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isClean reports whether s is plain ASCII text needing no cleaning, the
// common case, so cleanText can skip copying it.
func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x7F || c < 0x20 && c != '\n' && c != '\t' {
			return false
		}
	}
	return true
}

func dropRune(r rune) bool {
	switch {
	case r == utf8.RuneError, r == '\uFEFF', r == '\u200B', r == '\u00AD', r == '\uFFFE', r == '\uFFFF':
		return true
	case r < 0x20 && r != '\n' && r != '\t' && r != '\r':
		return true
	case r >= 0x7F && r <= 0x9F:
		return true
	}
	return false
}

// collapse cleans s and collapses every run of white space (including
// no-break and other Unicode spaces) to one space, trimming the ends: the
// words of cleanText(s) joined by single spaces. It does both in one pass
// over s, copying runs of plain ASCII whole, and returns s itself when s is
// clean already: text extraction calls it on every block of every page.
func collapse(s string) string {
	if isCollapsed(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c > ' ' && c < 0x7F {
			j := i + 1
			for j < len(s) && s[j] > ' ' && s[j] < 0x7F {
				j++
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		if c < utf8.RuneSelf {
			// White space, or a control character cleanText drops
			// (\f and \v among them).
			i++
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
				space = b.Len() > 0
			}
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		switch {
		case r == utf8.RuneError && w == 1, dropRune(r): // what cleanText drops
		case unicode.IsSpace(r):
			space = b.Len() > 0
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(s[i-w : i])
		}
	}
	return b.String()
}

// isCollapsed reports whether collapse has nothing to change in s: plain
// ASCII words separated by single spaces.
func isCollapsed(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i]-' ' > 0x7E-' ' { // below ' ' (wrapped round) or above '~'
			return false
		}
	}
	return !strings.Contains(s, "  ")
}

// repairWarning returns the warning for a text or HTML file whose bytes
// are read as UTF-8 but are not valid UTF-8 (repairUTF8 then reads each
// invalid byte as windows-1252), or "" when there is nothing to repair or
// the file names another encoding (a UTF-16 BOM, a declared charset).
func repairWarning(data []byte, html bool) string {
	data = bytes.TrimPrefix(data, bomUTF8)
	if utf8.Valid(data) || bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE) {
		return ""
	}
	if html {
		if label := declaredCharset(data); label != "" {
			if enc, name := charset.Lookup(label); enc != nil && name != "utf-8" {
				return ""
			}
		}
	}
	bad := 0
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			bad++
			size = 1
		}
		data = data[size:]
	}
	return fmt.Sprintf("invalid UTF-8: %d bytes read as windows-1252", bad)
}
