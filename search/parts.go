package search

import (
	"unicode"
	"unicode/utf8"

	"github.com/briefs/briefs/search/docstore"
)

// partBytes is about how much text one part of a document page holds: a
// 300-page report (about 1 MB) comes in four parts, a briefing in one.
const partBytes = 256 << 10

// partBounds returns the byte range of part n (1-based) of a body of
// length size, and the number of parts. Part k starts at boundary((k-1) *
// partBytes), so each part is found without reading the ones before it.
func partBounds(d *docstore.Doc, n int) (start, end, parts int, err error) {
	size := d.Len()
	parts = max(1, (size+partBytes-1)/partBytes)
	if parts > 1 {
		last, err := boundary(d, (parts-1)*partBytes)
		if err != nil {
			return 0, 0, 0, err
		}
		if last >= size {
			parts--
		}
	}
	n = min(max(n, 1), parts)
	if start, err = boundary(d, (n-1)*partBytes); err != nil {
		return 0, 0, 0, err
	}
	end = size
	if n < parts {
		if end, err = boundary(d, n*partBytes); err != nil {
			return 0, 0, 0, err
		}
	}
	return start, end, parts, nil
}

// boundary moves offset x of the body forward to where a part may start:
// the next paragraph if one starts within half a part, else the next word
// (a paragraph longer than a part is split).
func boundary(d *docstore.Doc, x int) (int, error) {
	if x <= 0 || d.Paragraphs() == 0 {
		return 0, nil
	}
	if x >= d.Len() {
		return d.Len(), nil
	}
	i, err := d.ParagraphAt(x)
	if err != nil {
		return 0, err
	}
	start, _, _, err := d.Paragraph(i)
	if err != nil || start == x {
		return x, err
	}
	if i+1 < d.Paragraphs() {
		next, _, _, err := d.Paragraph(i + 1)
		if err != nil {
			return 0, err
		}
		if next-x < partBytes/2 {
			return next, nil
		}
	}
	text, err := d.Text(x, x+256)
	if err != nil {
		return 0, err
	}
	// After the first space, else at least at a character start.
	for j := 0; j < len(text); {
		r, size := utf8.DecodeRune(text[j:])
		j += size
		if unicode.IsSpace(r) {
			return x + j, nil
		}
	}
	j := 0
	for j < len(text) && !utf8.RuneStart(text[j]) {
		j++
	}
	return x + j, nil
}

// countParts returns the number of parts of d's text.
func countParts(d *docstore.Doc) (int, error) {
	if d.Len() <= partBytes {
		return 1, nil
	}
	_, _, parts, err := partBounds(d, 1)
	return parts, err
}

// partOf returns the part, of parts, holding byte off of the body; 0 when
// the body comes in one part.
func partOf(d *docstore.Doc, off, parts int) (int, error) {
	if parts <= 1 {
		return 0, nil
	}
	k := off/partBytes + 1
	start, err := boundary(d, (k-1)*partBytes)
	if err != nil {
		return 0, err
	}
	if off < start {
		k--
	}
	return min(max(k, 1), parts), nil
}

// readPart fills doc's paragraphs with part n of d's text.
func readPart(d *docstore.Doc, doc *Document, n int) error {
	start, end, parts, err := partBounds(d, n)
	if err != nil {
		return err
	}
	doc.Parts, doc.Part = parts, min(max(n, 1), parts)
	rec := &doc.Record
	doc.FirstParagraph = 1
	if d.Paragraphs() == 0 {
		return nil
	}
	text, err := d.Text(start, end)
	if err != nil {
		return err
	}
	first, err := d.ParagraphAt(start)
	if err != nil {
		return err
	}
	doc.FirstParagraph = first + 1
	paged := false
	for i := first; i < d.Paragraphs(); i++ {
		ps, pe, page, err := d.Paragraph(i)
		if err != nil {
			return err
		}
		if ps >= end && i > first {
			break
		}
		lo, hi := max(ps, start), min(pe, end)
		if hi <= lo && ps < start {
			doc.FirstParagraph++ // the part starts in the break after it
			continue
		}
		rec.Paragraphs = append(rec.Paragraphs, string(text[lo-start:max(lo, hi)-start]))
		rec.Pages = append(rec.Pages, page)
		paged = paged || page > 0
	}
	if !paged {
		rec.Pages = nil
	}
	return nil
}
