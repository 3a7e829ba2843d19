package indexer

import (
	"encoding/xml"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// The metadata a PDF carries: its information dictionary and XMP, and
// whether a title found there names the document or only the file.

// pdfInfo is the document's own metadata: the information dictionary,
// completed from XMP.
type pdfInfo struct {
	Title, Author, Subject, Keywords, Created string
}

// readInfo reads the information dictionary (unless the caller has it
// already) and fills its gaps from XMP.
func readInfo(r *pdf.Reader, known *pdfInfo) (info pdfInfo) {
	defer func() { recover() }() // metadata is optional; a broken one is ignored
	if known != nil {
		info = *known
	} else {
		d := r.Trailer().Key("Info")
		info.Title = collapse(d.Key("Title").Text())
		info.Author = collapse(d.Key("Author").Text())
		info.Subject = collapse(d.Key("Subject").Text())
		info.Keywords = collapse(d.Key("Keywords").Text())
		info.Created = pdfDate(d.Key("CreationDate").Text())
	}
	for _, f := range []*string{&info.Title, &info.Author, &info.Subject, &info.Keywords} {
		if !plausibleText(*f) {
			*f = ""
		}
	}
	if m := r.Trailer().Key("Root").Key("Metadata"); m.Kind() == pdf.Stream {
		x := readXMP(io.LimitReader(m.Reader(), 1<<20))
		info.Title = firstNonEmpty(info.Title, x.title)
		info.Author = firstNonEmpty(info.Author, strings.Join(x.creators, "; "))
		info.Subject = firstNonEmpty(info.Subject, x.description)
		info.Keywords = firstNonEmpty(info.Keywords, x.keywords, strings.Join(x.subjects, ", "))
		info.Created = firstNonEmpty(info.Created, parseDate(x.created))
	}
	return info
}

// infoFromContext reads the information dictionary pdfcpu parsed.
func infoFromContext(ctx *model.Context) (info pdfInfo) {
	defer func() { recover() }()
	if ctx.Info == nil {
		return info
	}
	d, err := ctx.DereferenceDict(*ctx.Info)
	if err != nil || d == nil {
		return info
	}
	get := func(key string) string {
		o, err := ctx.DereferenceDictEntry(d, key)
		if err != nil || o == nil {
			return ""
		}
		sp, err := types.StringOrHexLiteral(o)
		if err != nil || sp == nil {
			return ""
		}
		return pdfString(*sp)
	}
	info.Title = collapse(get("Title"))
	info.Author = collapse(get("Author"))
	info.Subject = collapse(get("Subject"))
	info.Keywords = collapse(get("Keywords"))
	info.Created = pdfDate(get("CreationDate"))
	return info
}

// pdfString decodes a PDF text string: UTF-16 with a byte order mark, or
// PDFDocEncoding.
func pdfString(s string) string {
	if strings.HasPrefix(s, "\xfe\xff") {
		return cleanGlyph(string(utf16.Decode(utf16Units(s[2:]))))
	}
	if utf8.ValidString(s) && strings.ContainsFunc(s, func(r rune) bool { return r >= 0x80 }) {
		return s // pdfcpu may hand back text already decoded
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if t := pdfDocText[s[i]]; t != "" || s[i] < 0x20 {
			b.WriteString(t)
		}
	}
	return b.String()
}

var rePDFDate = regexp.MustCompile(`^\s*(?:D:)?(\d{4})(\d{2})?(\d{2})?`)

// pdfDate reads a PDF date "D:20050314120000+01'00'".
func pdfDate(s string) string {
	m := rePDFDate.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	return formatDate(atoi(m[1]), atoi(m[2]), atoi(m[3]))
}

type xmpMeta struct {
	title, description, keywords, created string
	creators, subjects                    []string
}

const (
	nsDC  = "http://purl.org/dc/elements/1.1/"
	nsXMP = "http://ns.adobe.com/xap/1.0/"
	nsPDF = "http://ns.adobe.com/pdf/1.3/"
	nsRDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
)

// readXMP reads the Dublin Core title, creators, description and
// subjects, pdf:Keywords and xmp:CreateDate from an XMP packet, as
// elements or as attributes of rdf:Description.
func readXMP(rd io.Reader) xmpMeta {
	var x xmpMeta
	dec := xml.NewDecoder(rd)
	dec.Strict = false
	var field string // the property being read
	var text strings.Builder
	set := func(f, v string) {
		v = collapse(v)
		if v == "" {
			return
		}
		switch f {
		case "title":
			x.title = firstNonEmpty(x.title, v)
		case "description":
			x.description = firstNonEmpty(x.description, v)
		case "creator":
			x.creators = append(x.creators, v)
		case "subject":
			x.subjects = append(x.subjects, v)
		case "keywords":
			x.keywords = firstNonEmpty(x.keywords, v)
		case "created":
			x.created = firstNonEmpty(x.created, v)
		}
	}
	prop := func(n xml.Name) string {
		switch {
		case n.Space == nsDC && (n.Local == "title" || n.Local == "description" || n.Local == "creator" || n.Local == "subject"):
			return n.Local
		case n.Space == nsPDF && n.Local == "Keywords":
			return "keywords"
		case n.Space == nsXMP && n.Local == "CreateDate":
			return "created"
		}
		return ""
	}
	for i := 0; i < 100000; i++ {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space == nsRDF && t.Name.Local == "Description" {
				for _, a := range t.Attr {
					set(prop(a.Name), a.Value)
				}
			}
			if f := prop(t.Name); f != "" {
				field = f
				text.Reset()
			} else if t.Name.Space == nsRDF && t.Name.Local == "li" {
				text.Reset()
			}
		case xml.CharData:
			if field != "" {
				text.Write(t)
			}
		case xml.EndElement:
			switch {
			case field != "" && t.Name.Space == nsRDF && t.Name.Local == "li":
				set(field, text.String())
				text.Reset()
			case field != "" && prop(t.Name) == field:
				set(field, text.String()) // a simple value without rdf:li
				field = ""
			}
		}
	}
	return x
}

// reBadTitle matches info-dictionary titles that name the file or the
// template rather than the document.
var reBadTitle = regexp.MustCompile(`(?i)^(?:microsoft (?:word|powerpoint|excel) - .*|.*\.(?:docx?|rtf|pdf|indd|qxd|tex|dvi|pptx?|odt|txt|wpd)|untitled.*|title|document\d*|layout \d+|slide \d+|powerpoint presentation|new document|\W*)$`)

func usableInfoTitle(t string) bool {
	return t != "" && !reBadTitle.MatchString(t) && len([]rune(t)) >= 4 && plausibleText(t) && !fileNameLike(t)
}

// fileNameLike reports whether a title is one token that reads as a file
// or job name ("op09", "DPB47_final", "brief.v2"), as layout programs
// leave in the information dictionary.
func fileNameLike(t string) bool {
	return !strings.ContainsAny(t, " \u00a0") && strings.ContainsAny(t, "0123456789_.")
}

// plausibleText reports whether a metadata string reads as text: mostly
// letters and spaces. Some writers encrypt the information dictionary
// wrongly, and a viewer then shows byte soup.
func plausibleText(s string) bool {
	good, all := 0, 0
	for _, r := range s {
		all++
		if unicode.IsLetter(r) || unicode.IsSpace(r) || unicode.IsDigit(r) || strings.ContainsRune(".,:;-–'’?¿!¡()&", r) {
			good++
		} else if r == utf8.RuneError || unicode.IsControl(r) {
			return false
		}
	}
	return all > 0 && good*10 >= all*9
}
