package indexer

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
)

// The layout of a PDF page: positioned glyphs (pdftext.go) become lines,
// running headers and footers are dropped, columns are put in reading
// order and paragraphs rebuilt across columns and pages.

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
