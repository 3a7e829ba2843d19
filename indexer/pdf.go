package indexer

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

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
// into positioned glyphs. This file turns glyphs into lines, drops running
// headers and footers, orders columns, rebuilds paragraphs and reads the
// metadata.

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

// glyphLines groups a page's glyphs into lines, top to bottom and left to
// right, with spaces where the gaps between glyphs say there is one.
func glyphLines(gs []pdfGlyph) []pdfLine {
	if len(gs) == 0 {
		return nil
	}
	sortGlyphs(gs)

	var lines []pdfLine
	for i := 0; i < len(gs); {
		// One row: glyphs whose baselines are within a fraction of the
		// font size (superscripts included).
		j := i + 1
		for j < len(gs) && gs[i].y-gs[j].y < 0.45*max(gs[i].size, 1) {
			j++
		}
		row := gs[i:j]
		sortByX(row)
		// Fake bold prints each glyph twice, a fraction of a point apart.
		kept := row[:1]
		for _, g := range row[1:] {
			last := kept[len(kept)-1]
			if g.text == last.text && g.x0-last.x0 < 0.12*max(g.size, 1) && abs(g.y-last.y) < 1 {
				continue
			}
			kept = append(kept, g)
		}
		lines = append(lines, splitRow(kept)...)
		i = j
	}
	return lines
}

// splitRow cuts a row at gaps wider than a column gutter and joins the
// glyphs of each piece into text (rowText: right-to-left lines in logical
// order).
func splitRow(row []pdfGlyph) []pdfLine {
	var out []pdfLine
	start := 0
	flush := func(end int) {
		if t := rowText(row[start:end]); t != "" {
			out = append(out, pdfLine{x0: row[start].x0, x1: row[end-1].x1, y: row[start].y, size: rowSize(row[start:end]), text: t})
		}
	}
	for i, g := range row {
		if i > start {
			prev := row[i-1]
			if gap, size := g.x0-prev.x1, max(g.size, prev.size, 1); gap > 1.6*size && gap > 12 {
				flush(i)
				start = i
			}
		}
	}
	flush(len(row))
	return out
}

// rowSize is the font size most of a line's glyphs have.
func rowSize(gs []pdfGlyph) float64 {
	count := map[float64]int{}
	best, bestN := 0.0, 0
	for _, g := range gs {
		s := float64(int(g.size*2+0.5)) / 2
		count[s]++
		if count[s] > bestN || count[s] == bestN && s > best {
			best, bestN = s, count[s]
		}
	}
	return best
}

func sortGlyphs(gs []pdfGlyph) {
	// Stable, so that glyphs on one baseline keep their content order
	// until sortByX.
	slices.SortStableFunc(gs, func(a, b pdfGlyph) int { return cmp.Compare(b.y, a.y) })
}

func sortByX(gs []pdfGlyph) {
	slices.SortStableFunc(gs, func(a, b pdfGlyph) int { return cmp.Compare(a.x0, b.x0) })
}

var (
	// rePageNumber matches a line that is only a page number: "7",
	// "- 7 -", "Page 7", "Page 7 of 12", "7/12", "p. 7", "Página 7 de 12".
	rePageNumber = regexp.MustCompile(`(?i)^[-–—\s]*(?:(?:page|p\.|pg\.?|página|pagina|pág\.?)\s*)?(?:\d{1,3}|[ivx]{1,5})(?:\s*(?:of|de|/)\s*\d{1,4})?[-–—\s]*$`)
	reDigits     = regexp.MustCompile(`\d+`)
)

// runningKey normalises a line for comparing headers across pages: case,
// numbers and spacing do not count ("Briefing 11 · page 3" matches
// "Briefing 11 · page 4").
func runningKey(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(reDigits.ReplaceAllString(s, "#"))), " ")
}

// marginRows is how many rows at the top and at the bottom of a page may
// hold a running header or footer.
const marginRows = 3

// dropRunning removes running headers and footers: lines in the top or
// bottom rows of a page that recur on at least half of the pages (numbers
// aside), and page numbers. It returns the pages without them and the
// removed lines of the first page, which often name the series.
func dropRunning(pages [][]pdfLine) ([][]pdfLine, []string) {
	isMargin := func(lines []pdfLine, i int) bool {
		return distinctRows(lines, lines[i].y, true) < marginRows || distinctRows(lines, lines[i].y, false) < marginRows
	}
	counts := map[string]int{}
	for _, lines := range pages {
		seen := map[string]bool{}
		for i := range lines {
			if !isMargin(lines, i) {
				continue
			}
			k := runningKey(lines[i].text)
			if !seen[k] {
				seen[k] = true
				counts[k]++
			}
		}
	}
	need := max(2, (len(pages)+1)/2)
	// A running header is small print; a title in large type that repeats
	// as the header of later pages stays on the first page.
	big := 1.3 * bodySize(pages)
	var running []string
	out := make([][]pdfLine, len(pages))
	for pi, lines := range pages {
		kept := lines[:0:0]
		for i, l := range lines {
			repeated := counts[runningKey(l.text)] >= need && (l.size <= big || big == 0)
			if isMargin(lines, i) && (repeated || rePageNumber.MatchString(l.text)) {
				if pi == 0 {
					running = append(running, l.text)
				}
				continue
			}
			kept = append(kept, l)
		}
		out[pi] = kept
	}
	return out, running
}

// distinctRows counts the rows strictly above (or below) baseline y.
func distinctRows(lines []pdfLine, y float64, above bool) int {
	var ys []float64
	for _, l := range lines {
		if above && l.y <= y+1 || !above && l.y >= y-1 {
			continue
		}
		dup := false
		for _, v := range ys {
			if v-l.y < 1 && l.y-v < 1 {
				dup = true
				break
			}
		}
		if !dup {
			ys = append(ys, l.y)
		}
		if len(ys) >= marginRows {
			break
		}
	}
	return len(ys)
}

// readingOrder orders a page's lines column by column. It looks for a
// vertical gutter that most lines stay clear of; lines that cross it
// (titles, full-width boxes) split the page into bands, and within a band
// the left column is read before the right one. depth bounds the
// recursion that finds a third column.
func readingOrder(lines []pdfLine, depth int) []pdfLine {
	if len(lines) < 6 || depth > 2 {
		return lines
	}
	minX, maxX := lines[0].x0, lines[0].x1
	for _, l := range lines {
		minX, maxX = min(minX, l.x0), max(maxX, l.x1)
	}
	width := maxX - minX
	if width < 100 {
		return lines
	}
	bestX, bestScore := 0.0, 0
	for x := minX + 0.25*width; x <= minX+0.75*width; x += 2 {
		left, right, cross := 0, 0, 0
		for _, l := range lines {
			switch {
			case l.x1 <= x:
				left++
			case l.x0 >= x:
				right++
			default:
				cross++
			}
		}
		// Both sides need real columns, and few lines may cross.
		if left < 3 || right < 3 || cross*3 > left+right {
			continue
		}
		if score := min(left, right)*4 - cross; score > bestScore {
			bestX, bestScore = x, score
		}
	}
	if bestScore == 0 {
		return lines
	}
	var out, left, right []pdfLine
	flush := func() {
		out = append(out, readingOrder(left, depth+1)...)
		out = append(out, readingOrder(right, depth+1)...)
		left, right = nil, nil
	}
	for _, l := range lines {
		switch {
		case l.x1 <= bestX:
			left = append(left, l)
		case l.x0 >= bestX:
			right = append(right, l)
		default:
			flush()
			out = append(out, l)
		}
	}
	flush()
	return out
}

var (
	reBulletStart = regexp.MustCompile(`^(?:[•·▪◦■●–-]|\d{1,2}[.)]|\(?[a-z][.)])\s`)
	reSentenceEnd = regexp.MustCompile(`[.!?:;"”’)»]$`)
)

// pdfPara is a paragraph and the page it starts on.
type pdfPara struct {
	text string
	page int
	size float64
}

// paragraphs rebuilds paragraphs from the lines of all pages. A paragraph
// ends at a wider gap between lines, a change of font size, an indented
// first line, a bullet, or a short line that ends a sentence; it runs on
// across columns and pages when the next line continues the sentence.
func paragraphs(pages [][]pdfLine) []pdfPara {
	var out []pdfPara
	var cur []string
	var curSize float64
	curPage := 0
	flush := func() {
		if len(cur) > 0 {
			if t := collapse(strings.Join(cur, "")); t != "" {
				out = append(out, pdfPara{text: t, page: curPage, size: curSize})
			}
		}
		cur = cur[:0]
	}
	var prev *pdfLine
	var prevColLeft, prevColRight float64
	for pi, lines := range pages {
		spacing := lineSpacing(lines)
		for i := range lines {
			l := &lines[i]
			colLeft, colRight := columnExtent(lines, i)
			newPara := true
			if prev != nil && len(cur) > 0 {
				newPara = breaksBefore(prev, l, pi > 0 && i == 0, spacing, prevColLeft, prevColRight, colLeft)
			}
			if newPara {
				flush()
				curPage, curSize = pi+1, l.size
				cur = append(cur, l.text)
			} else {
				cur = joinLine(cur, l.text)
			}
			prev, prevColLeft, prevColRight = l, colLeft, colRight
		}
	}
	flush()
	return out
}

// breaksBefore decides whether line b starts a new paragraph after a.
func breaksBefore(a, b *pdfLine, newPage bool, spacing, aLeft, aRight, bLeft float64) bool {
	if reBulletStart.MatchString(b.text) {
		return true
	}
	sizeChange := abs(a.size-b.size) > 0.12*max(a.size, b.size)
	continues := !reSentenceEnd.MatchString(a.text) && startsLower(b.text)
	dy := a.y - b.y
	if newPage || dy < -0.5*a.size || b.x0 > a.x1+a.size && dy < 0.5*a.size {
		// Next page or next column: the sentence decides.
		return !continues || sizeChange
	}
	if sizeChange {
		return true
	}
	// Large type (titles, headings) is set with wider leading than the
	// page's usual spacing.
	if dy > max(spacing, 1.2*min(a.size, b.size))*1.35+0.5 {
		return true
	}
	if b.x0-bLeft > 0.8*b.size && a.x0-aLeft < 0.5*a.size {
		return true // first-line indent
	}
	short := a.x1 < aLeft+0.75*(aRight-aLeft)
	return short && !continues
}

// joinLine appends a line to a paragraph, joining a word hyphenated at
// the line end ("eradi-" + "cation") and keeping a hyphen before a
// capital or a digit ("anti-" + "American").
func joinLine(cur []string, next string) []string {
	n := len(cur)
	last := cur[n-1]
	trimmed := strings.TrimRight(last, " ")
	rs := []rune(trimmed)
	if k := len(rs); k >= 2 && (isLetter(rs[k-2]) || rs[k-2] >= '0' && rs[k-2] <= '9') {
		switch rs[k-1] {
		case '\u00ad':
			cur[n-1] = string(rs[:k-1])
			return append(cur, next)
		case '-', '‐':
			if startsLower(next) {
				cur[n-1] = string(rs[:k-1])
			}
			return append(cur, next)
		}
	}
	return append(cur, " ", next)
}

func isLetter(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0xC0 && r != 0xD7 && r != 0xF7 && r < 0x2000
}

func startsLower(s string) bool {
	for _, r := range s {
		return r >= 'a' && r <= 'z' || r >= 0xDF && r <= 0xFF && r != 0xF7
	}
	return false
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// lineSpacing is the usual distance between baselines on a page.
func lineSpacing(lines []pdfLine) float64 {
	count := map[int]int{}
	best, bestN := 0, 0
	for i := 1; i < len(lines); i++ {
		d := int(lines[i-1].y - lines[i].y + 0.5)
		if d <= 0 || float64(d) > 3*lines[i].size {
			continue
		}
		count[d]++
		if count[d] > bestN || count[d] == bestN && d < best {
			best, bestN = d, count[d]
		}
	}
	if best == 0 && len(lines) > 0 {
		return 1.25 * lines[0].size
	}
	return float64(best)
}

// columnExtent is the left and right edge of the run of lines around i
// that stack in one column (overlapping horizontally).
func columnExtent(lines []pdfLine, i int) (float64, float64) {
	left, right := lines[i].x0, lines[i].x1
	for j := i - 1; j >= 0 && j >= i-40 && overlaps(lines[j], lines[i]) && lines[j].y > lines[i].y; j-- {
		left, right = min(left, lines[j].x0), max(right, lines[j].x1)
	}
	for j := i + 1; j < len(lines) && j <= i+40 && overlaps(lines[j], lines[i]) && lines[j].y < lines[i].y; j++ {
		left, right = min(left, lines[j].x0), max(right, lines[j].x1)
	}
	return left, right
}

func overlaps(a, b pdfLine) bool { return a.x0 < b.x1 && b.x0 < a.x1 }

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
