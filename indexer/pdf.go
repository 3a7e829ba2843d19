package indexer

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/ledongthuc/pdf"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// PDF briefings. pdfcpu opens the file: it repairs broken cross-reference
// tables, decrypts files that need no user password and unpacks object
// streams; rewritePDF serialises its objects as a plain PDF. ledongthuc/pdf then reads the rewritten
// bytes (its object lookups are slow on object streams, which it inflates
// again for every object) and pdftext.go interprets each page's content
// into positioned glyphs. pdf_layout.go turns glyphs into lines, drops
// running headers and footers, orders columns and rebuilds paragraphs;
// pdf_meta.go reads the metadata; this file builds the Record from them.

// Limits on one PDF. Briefings run to tens of pages; a 2,000-page file is
// a book or an accident, and its first 2,000 pages are enough to find it.
const (
	maxPDFPages    = 2000
	noTextLayerMsg = "no text layer (scanned?)"
)

// pdfTimeBudget bounds the time spent on one file; ordinary briefings
// take milliseconds. A variable so that a test can shorten it.
var pdfTimeBudget = 30 * time.Second

// extractPDF turns a PDF's bytes into one Record. ID, Source and Hash are
// set by the caller.
func extractPDF(p string, data []byte, opts Options) (Record, error) {
	if int64(len(data)) > opts.maxSize() {
		return Record{}, skipf("too large: PDF over %s", sizeString(opts.maxSize()))
	}
	type result struct {
		rec Record
		err error
	}
	done := make(chan result, 1)
	var stopped sync.Once
	stopCh := make(chan struct{})
	stop := func() bool {
		select {
		case <-stopCh:
			return true
		default:
			return false
		}
	}
	go func() {
		var res result
		defer func() {
			if r := recover(); r != nil {
				res = result{err: skipf("corrupt PDF: %v", r)}
			}
			done <- res
		}()
		res.rec, res.err = readPDF(p, data, stop, opts.templates)
	}()
	budget := pdfTimeBudget
	timer := time.NewTimer(budget)
	defer timer.Stop()
	select {
	case res := <-done:
		if errors.Is(res.err, errPDFBudget) {
			return Record{}, skipf("PDF took longer than %s to read", budget)
		}
		return res.rec, res.err
	case <-timer.C:
		// The reader stops at its next check of stop (pdfcpu's part cannot
		// be interrupted, but it is bounded by its resource limits).
		stopped.Do(func() { close(stopCh) })
		return Record{}, skipf("PDF took longer than %s to read", budget)
	}
}

var pdfcpuInit sync.Once

// openPDF returns a reader over a normalised copy of the document, and
// the information dictionary as the file has it (pdfcpu rewrites its dates
// when it writes the copy; nil when pdfcpu could not read the file).
func openPDF(data []byte) (*pdf.Reader, *pdfInfo, error) {
	head := data[:min(len(data), 1024)]
	if !bytes.Contains(head, []byte("%PDF-")) {
		return nil, nil, skipf("corrupt PDF: no %%PDF header")
	}
	// pdfcpu would otherwise write a configuration directory into the
	// user's home on first use; we pass every setting in code.
	pdfcpuInit.Do(api.DisableConfigDir)
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	conf.Optimize = false
	ctx, err := readContext(data, conf)
	if err == nil && ctx.Encrypt != nil {
		// Opened with the empty user password (an owner password only
		// restricts printing or copying). pdfcpu decrypts objects while
		// reading only when asked to write the file in clear.
		conf.Cmd = model.DECRYPT
		ctx, err = readContext(data, conf)
	}
	if err != nil {
		if errors.Is(err, pdfcpu.ErrWrongPassword) || strings.Contains(err.Error(), "password") {
			return nil, nil, skipf("encrypted PDF")
		}
		// pdfcpu is strict about some damage that the simpler reader
		// tolerates; give it a chance before calling the file corrupt.
		if r, err2 := newReader(data); err2 == nil && r.NumPage() > 0 && r.Trailer().Key("Encrypt").IsNull() {
			return r, nil, nil
		}
		return nil, nil, skipf("corrupt PDF: %v", shortError(err))
	}
	info := infoFromContext(ctx)
	clear, err := rewritePDF(ctx)
	if err != nil {
		return nil, nil, skipf("corrupt PDF: %v", shortError(err))
	}
	r, err := newReader(clear)
	if err != nil {
		return nil, nil, skipf("corrupt PDF: %v", shortError(err))
	}
	return r, &info, nil
}

// rewritePDF serialises every object pdfcpu read into a plain PDF: no
// object streams, no encryption, a fresh cross-reference table. We do not
// use pdfcpu's writer: it writes only objects its validation visited, and
// validation replaces resources it finds faulty (a CID font without a
// descriptor, say) with null, losing their text.
func rewritePDF(ctx *model.Context) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("%v", r)
		}
	}()
	if ctx.Root == nil || ctx.XRefTable.Size == nil {
		return nil, errors.New("no document catalog")
	}
	size := *ctx.XRefTable.Size
	if size <= 0 || size > 10_000_000 {
		return nil, fmt.Errorf("bad object count %d", size)
	}
	var b bytes.Buffer
	b.Grow(1 << 16)
	b.WriteString("%PDF-1.7\n")
	type entry struct {
		off int
		gen int
	}
	entries := make([]entry, size)
	for i := 1; i < size; i++ {
		e, ok := ctx.XRefTable.Table[i]
		if !ok || e == nil || e.Free || e.Object == nil {
			continue
		}
		gen := 0
		if e.Generation != nil {
			gen = *e.Generation
		}
		entries[i] = entry{off: b.Len(), gen: gen}
		fmt.Fprintf(&b, "%d %d obj\n", i, gen)
		switch o := e.Object.(type) {
		case types.StreamDict:
			d := types.Dict{}
			for k, v := range o.Dict {
				d[k] = v
			}
			d["Length"] = types.Integer(len(o.Raw))
			b.WriteString(d.PDFString())
			b.WriteString("\nstream\n")
			b.Write(o.Raw)
			b.WriteString("\nendstream")
		default:
			b.WriteString(o.PDFString())
		}
		b.WriteString("\nendobj\n")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f\r\n", size)
	for i := 1; i < size; i++ {
		if entries[i].off == 0 {
			b.WriteString("0000000000 65535 f\r\n")
			continue
		}
		fmt.Fprintf(&b, "%010d %05d n\r\n", entries[i].off, entries[i].gen)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d /Root %s", size, ctx.Root.PDFString())
	if ctx.Info != nil {
		fmt.Fprintf(&b, " /Info %s", ctx.Info.PDFString())
	}
	fmt.Fprintf(&b, ">>\nstartxref\n%d\n%%%%EOF\n", xref)
	return b.Bytes(), nil
}

// readContext guards pdfcpu: a panic on hostile input becomes an error.
func readContext(data []byte, conf *model.Configuration) (ctx *model.Context, err error) {
	defer func() {
		if r := recover(); r != nil {
			ctx, err = nil, fmt.Errorf("%v", r)
		}
	}()
	return api.ReadContext(bytes.NewReader(data), conf)
}

func newReader(data []byte) (r *pdf.Reader, err error) {
	defer func() {
		if x := recover(); x != nil {
			r, err = nil, fmt.Errorf("%v", x)
		}
	}()
	return pdf.NewReader(bytes.NewReader(data), int64(len(data)))
}

func shortError(err error) string {
	s := strings.TrimSpace(err.Error())
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return cutAtWord(s, 160)
}

// pdfLine is one line of text: glyphs on one baseline, with no gap wider
// than a column gutter.
type pdfLine struct {
	x0, x1, y, size float64
	text            string
}

// pdfDoc is what readPDF gathers before building the Record.
type pdfDoc struct {
	info       pdfInfo
	pages      [][]pdfLine // per page, in reading order, without headers and footers
	running    []string    // header and footer lines of the first page
	totalPages int
	template   bool // the metadata title is one many PDFs of the walk share
}

func readPDF(p string, data []byte, stop func() bool, templates map[string]bool) (Record, error) {
	r, info, err := openPDF(data)
	if err != nil {
		return Record{}, err
	}
	var doc pdfDoc
	doc.info = readInfo(r, info)
	doc.template = templates[titleKey(doc.info.Title)]
	doc.totalPages = r.NumPage()
	n := min(doc.totalPages, maxPDFPages)
	raw := make([][]pdfLine, 0, n)
	for i := 1; i <= n; i++ {
		if stop() {
			return Record{}, errPDFBudget
		}
		pg := pageAt(r, i)
		if pg.V.IsNull() {
			raw = append(raw, nil)
			continue
		}
		glyphs, err := pageGlyphs(pg, stop)
		if err != nil && stop() {
			return Record{}, errPDFBudget
		}
		raw = append(raw, glyphLines(glyphs))
	}
	doc.pages, doc.running = dropRunning(raw)
	for i := range doc.pages {
		doc.pages[i] = readingOrder(doc.pages[i], 0)
	}
	return doc.record(p), nil
}

// pageAt guards Reader.Page, which panics on a broken page tree.
func pageAt(r *pdf.Reader, i int) (pg pdf.Page) {
	defer func() {
		if recover() != nil {
			pg = pdf.Page{}
		}
	}()
	return r.Page(i)
}

var reSummaryHeading = regexp.MustCompile(`(?i)^(?:summary|abstract|executive summary|key points|in brief|resumen|resumen ejecutivo|puntos clave|conclusions?)\s*:?$`)

// record builds the Record from what was read.
func (doc *pdfDoc) record(p string) Record {
	var rec Record
	paras := paragraphs(doc.pages)
	rec.Title = doc.info.Title
	if doc.template || !usableInfoTitle(rec.Title) || sameText(rec.Title, titleFromPath(p)) {
		rec.Title = ""
	}

	// The first page: its largest lines near the top are the title; the
	// short lines around it are bylines, datelines and series lines.
	var first []pdfLine
	for _, lines := range doc.pages {
		if len(lines) > 0 {
			first = lines
			break
		}
	}
	body := bodySize(doc.pages)
	titleText := pageTitle(first, body)
	if rec.Title == "" || titleText != "" && !sharesWords(rec.Title, titleText) {
		// A metadata title that has no word in common with the cover's
		// is a template's or a publisher's ("World Bank Document"), the
		// same on every file it made.
		rec.Title = titleText
	}
	v := shownMeta{metaLines: map[string]bool{}}
	for i, n := 0, 0; i < len(first) && n < 15; i++ {
		l := first[i]
		if len(l.text) >= 150 {
			continue
		}
		n++
		readMetaLine(&v, l.text, l.size > body*1.15)
		readReportNumber(&v, l.text)
	}
	for _, l := range doc.running {
		readMetaLine(&v, l, false)
	}

	for i, para := range paras {
		if i < 3 && len(paras) > 1 && (sameText(para.text, rec.Title) || sameText(para.text, titleText)) {
			continue
		}
		rec.Paragraphs = append(rec.Paragraphs, para.text)
		rec.Pages = append(rec.Pages, para.page)
	}

	rec.Authors = v.Authors
	if len(rec.Authors) == 0 && doc.info.Author != "" {
		for _, a := range splitAuthors(doc.info.Author) {
			if looksLikeName(a) {
				rec.Authors = append(rec.Authors, a)
			}
		}
	}
	rec.Authors = normaliseAuthors(rec.Authors)
	rec.Date = firstNonEmpty(v.Date, doc.info.Created)
	rec.Year = yearOf(rec.Date)
	rec.Series, rec.Number = v.Series, v.Number
	rec.Keywords = splitKeywords(doc.info.Keywords)

	rec.Abstract = summaryParagraph(rec.Paragraphs)
	// A subject of a few words is a label ("Kyoto Prize lecture"), not a
	// summary; the first paragraph says more.
	if rec.Abstract == "" && len(strings.Fields(doc.info.Subject)) >= 8 && !sameText(doc.info.Subject, rec.Title) {
		rec.Abstract = doc.info.Subject
	}
	if rec.Abstract == "" {
		rec.Abstract = firstParagraph(rec.Paragraphs, v.metaLines)
	}

	if len(rec.Paragraphs) == 0 {
		rec.Note = noTextLayerMsg
		if rec.Title == "" {
			rec.Title = titleFromPath(p)
		}
		rec.Paragraphs, rec.Pages = nil, nil
	} else if doc.totalPages > maxPDFPages {
		rec.Note = fmt.Sprintf("only the first %d of %d pages read", maxPDFPages, doc.totalPages)
	}
	if rec.Title == "" && len(rec.Paragraphs) > 0 {
		rec.Title = cutAtWord(rec.Paragraphs[0], 200)
	}
	sample := rec.Title + "\n" + rec.Abstract + "\n" + cutAtWord(rec.Text(), 20000)
	rec.Language = DetectLanguage(sample)
	rec.Countries = mergeCountries(v.countries, Countries(rec.Title, rec.Abstract, rec.Paragraphs))
	rec.Kind = kindFor(rec.Series, v.opinion || isOpinionPrefix(rec.Title))
	return rec
}

// bodySize is the font size of most text in the document.
func bodySize(pages [][]pdfLine) float64 {
	count := map[float64]int{}
	best, bestN := 0.0, 0
	for _, lines := range pages {
		for _, l := range lines {
			count[l.size] += len(l.text)
			if count[l.size] > bestN {
				best, bestN = l.size, count[l.size]
			}
		}
	}
	return best
}

// pageTitle returns the title shown on the first page: the largest text
// among its first lines (joined when it wraps), or the first line when
// nothing stands out.
func pageTitle(lines []pdfLine, body float64) string {
	top := lines[:min(len(lines), 15)]
	big := 0.0
	for _, l := range top {
		big = max(big, l.size)
	}
	if big <= body*1.15 {
		for _, l := range top {
			v := shownMeta{metaLines: map[string]bool{}}
			readMetaLine(&v, l.text, true)
			if !v.metaLines[l.text] && len(strings.Fields(l.text)) >= 2 {
				return cutAtWord(l.text, 200)
			}
		}
		return ""
	}
	var parts []string
	for i, l := range top {
		if l.size < big*0.92 {
			if len(parts) > 0 {
				break
			}
			continue
		}
		if len(parts) > 0 && top[i-1].y-l.y > 2.2*l.size {
			break
		}
		parts = append(parts, l.text)
		if len(parts) == 4 {
			break
		}
	}
	return cutAtWord(collapse(strings.Join(parts, " ")), 200)
}

// summaryParagraph returns the paragraph after a "Summary" or "Key
// points" heading near the start, the document's own abstract.
func summaryParagraph(paras []string) string {
	for i := 0; i+1 < len(paras) && i < 12; i++ {
		if reSummaryHeading.MatchString(paras[i]) {
			return cutAtWord(paras[i+1], 400)
		}
	}
	return ""
}

// titleFromPath makes a title of a file name: "dpb_11-scan.pdf" ->
// "dpb 11 scan".
func titleFromPath(p string) string {
	base := strings.TrimSuffix(path.Base(p), path.Ext(p))
	return collapse(strings.NewReplacer("_", " ", "-", " ").Replace(base))
}
