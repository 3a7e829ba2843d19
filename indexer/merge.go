package indexer

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"path"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A publication is often a web landing page and the PDF it links to: the
// page carries the trustworthy metadata, the PDF the full text with page
// numbers. Walk merges such a pair into one record (see mergePDF) so that
// a search finds one document, not two half-documents.

// pdfIndex knows the PDF files of a walk by base name. Only paths are
// held, never records: a PDF is extracted when the page that links to it
// is, so a walk keeps one document in memory at a time.
type pdfIndex struct {
	byName map[string][]string // lower-cased base name -> paths, lexical order
	exists map[string]bool
	done   map[string]bool // merged, or extracted and skipped as bad
}

func newPDFIndex(paths []string) *pdfIndex {
	ix := &pdfIndex{byName: map[string][]string{}, exists: map[string]bool{}, done: map[string]bool{}}
	for _, p := range paths {
		k := pdfKey(path.Base(p))
		ix.byName[k] = append(ix.byName[k], p)
		ix.exists[p] = true
	}
	return ix
}

// pdfKey is how file names are compared: case-insensitively, and a
// gzipped copy stands for the PDF itself.
func pdfKey(name string) string {
	return strings.TrimSuffix(strings.ToLower(name), ".gz")
}

// resolve returns the PDF of the walk that link (an href or
// citation_pdf_url, absolute or relative) names, as seen from the page at
// pagePath, or "" if none is left. A relative link that resolves to a file
// wins; else the file of that name in the page's folder; else the only
// file of that name anywhere in the walk. Copies of one report under the
// same name in several folders are ambiguous and never guessed at.
func (ix *pdfIndex) resolve(pagePath, link string) string {
	link = strings.TrimSpace(link)
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	p := u.Path
	if p == "" && u.Opaque != "" {
		p = u.Opaque
	}
	base := path.Base(p)
	if un, err := url.PathUnescape(base); err == nil {
		base = un // a second escaping layer ("%2520") is common in CMS exports
	}
	key := pdfKey(base)
	if !strings.HasSuffix(key, ".pdf") {
		return ""
	}
	free := func(p string) bool { return ix.exists[p] && !ix.done[p] }
	dir := path.Dir(pagePath)
	if u.Scheme == "" && u.Host == "" && !strings.HasPrefix(p, "/") {
		if rel := path.Join(dir, p); free(rel) {
			return rel
		}
	}
	cands := ix.byName[key]
	for _, c := range cands {
		if path.Dir(c) == dir && free(c) {
			return c
		}
	}
	if len(cands) == 1 && free(cands[0]) {
		return cands[0]
	}
	return ""
}

// mainPDFLinks returns the links to PDF files inside the page's main
// container, in document order. Links in the furniture (menus, related
// boxes, footers) name other publications and are not looked at.
func mainPDFLinks(src string) []string {
	if !strings.Contains(strings.ToLower(src), ".pdf") {
		return nil
	}
	root, err := html.Parse(strings.NewReader(limitNesting(src)))
	if err != nil || root == nil {
		return nil
	}
	p := newPage(root)
	lengths := textLengths(p.body, 0)
	p.removeChrome(lengths)
	p.textLen = textLengths(p.body, len(lengths))
	var links []string
	walkNodes(p.chooseMain(), func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			if href := strings.TrimSpace(attr(n, "href")); isPDFLink(href) {
				links = append(links, href)
			}
		}
		return true
	})
	return links
}

func isPDFLink(href string) bool {
	u, err := url.Parse(href)
	return err == nil && strings.HasSuffix(pdfKey(path.Base(u.Path)), ".pdf")
}

// titleStopWords are left out when titles are compared: they say nothing
// about what a document is about.
var titleStopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an and at by for from in into of on or the to with
		de del el en la las los por para y e o un una al da do das dos em no na
		le les des du et au aux pour sur dans`) {
		titleStopWords[w] = true
	}
}

func titleWords(s string) map[string]bool {
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if !titleStopWords[w] {
			words[w] = true
		}
	}
	return words
}

// jaccard is the share of words two sets have in common.
func jaccard(a, b map[string]bool) float64 {
	inter := 0
	for w := range a {
		if b[w] {
			inter++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// genericPDFTitle reports whether a PDF's title says nothing about its
// content: a file name, a template name, or one made from the path.
func genericPDFTitle(pdf Record, pdfPath string) bool {
	t := strings.TrimSpace(pdf.Title)
	return t == "" || reBadTitle.MatchString(t) || pdf.Note == noTextLayerMsg ||
		sameText(t, titleFromPath(pdfPath)) || !strings.ContainsAny(t, " \u00a0")
}

// differentDocuments reports whether a page and the PDF it links to are
// clearly not the same publication: their titles share too few words and
// the PDF's first page does not show the page's title. A landing page
// often shortens or rewords the title, so the test errs towards merging.
func differentDocuments(page, pdf Record, pdfPath string) bool {
	if strings.TrimSpace(page.Title) == "" || genericPDFTitle(pdf, pdfPath) {
		return false
	}
	if jaccard(titleWords(page.Title), titleWords(pdf.Title)) >= 0.3 {
		return false
	}
	return !strings.Contains(foldText(firstPageText(pdf)), foldText(page.Title))
}

// firstPageText is the PDF's title and the text of its first page with
// text.
func firstPageText(pdf Record) string {
	parts := []string{pdf.Title}
	for i, para := range pdf.Paragraphs {
		if i < len(pdf.Pages) && len(pdf.Pages) > 0 && pdf.Pages[i] != pdf.Pages[0] {
			break
		}
		parts = append(parts, para)
	}
	return strings.Join(parts, " ")
}

// maxPageAbstract caps the abstract made of a landing page's own text.
const maxPageAbstract = 1000

// mergePDF makes one record of a web page and its PDF. The page keeps its
// ID, Source and metadata (a landing page's metadata is written for
// catalogues and is usually cleaner than what a PDF's first page yields);
// fields it lacks are filled from the PDF. The PDF's paragraphs and page
// numbers become the text, so passages are cited by page; the page's own
// text, a summary as a rule, becomes the abstract when there is none.
// An image-only PDF adds no text: the page's text stays. PDFURL names the
// PDF's path when the page gave no address, and Hash covers both files.
func mergePDF(page, pdf Record, pdfPath string) Record {
	out := page
	if len(pdf.Paragraphs) > 0 {
		if out.Abstract == "" {
			out.Abstract = cutAtWord(collapse(strings.Join(page.Paragraphs, " ")), maxPageAbstract)
		}
		out.Paragraphs, out.Pages, out.Kinds = pdf.Paragraphs, pdf.Pages, pdf.Kinds
	}
	if strings.TrimSpace(out.Title) == "" {
		out.Title = pdf.Title
	}
	if len(out.Authors) == 0 {
		out.Authors, out.Families = pdf.Authors, pdf.Families
	}
	if out.Date == "" && out.Year == 0 {
		out.Date, out.Year = pdf.Date, pdf.Year
	}
	if out.Series == "" {
		out.Series, out.Number = pdf.Series, pdf.Number
	} else if out.Number == 0 && sameText(out.Series, pdf.Series) {
		out.Number = pdf.Number
	}
	if len(out.Countries) == 0 {
		out.Countries = pdf.Countries
	}
	if out.Language == "" {
		out.Language = pdf.Language
	}
	if out.Abstract == "" {
		out.Abstract = pdf.Abstract
	}
	if out.Publisher == "" {
		out.Publisher = pdf.Publisher
	}
	if len(out.Keywords) == 0 {
		out.Keywords = pdf.Keywords
	}
	if out.URL == "" {
		out.URL = pdf.URL
	}
	if out.PDFURL == "" {
		out.PDFURL = pdfPath
	}
	if out.Kind == KindDocument && pdf.Kind != KindDocument && pdf.Kind != "" {
		out.Kind = pdf.Kind
	}
	if out.Note == "" && pdf.Note != noTextLayerMsg {
		out.Note = pdf.Note
	}
	h := sha256.New()
	h.Write([]byte(page.Hash))
	h.Write([]byte(pdf.Hash))
	out.Hash = hex.EncodeToString(h.Sum(nil))
	return out
}
