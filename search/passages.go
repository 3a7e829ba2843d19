package search

import (
	"bytes"
	"context"
	"html/template"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/briefs/briefs/search/docstore"
)

// Bounds that keep a hit's snippets at a fixed cost, whatever the length
// of its document: only the first maxOccurrences occurrences of each query
// term and the first maxParagraphs paragraphs holding one are weighed, and
// each passage is cut from at most passageBytes of text read around its
// best match. In a 300-page report the passages then come from its first
// thousand mentions of each word, which is where the report's own summary
// usually is.
//
// The index decodes every occurrence of a term in a document at once, so a
// term that occurs more than maxOccurrences times in the hit (a common
// word in a 20 MB report: 270,000 times, 170 ms to decode) is not read
// from the index at all: its occurrences are found by analysing the start
// of the text instead, scanChunk bytes at a time, up to scanBytes
// (scan.go).
const (
	maxOccurrences = 1000
	maxParagraphs  = 200
	passageBytes   = 4 * snippetLen // enough for snippetLen characters of 4 bytes
	scanBytes      = 64 << 10
	scanChunk      = 16 << 10
)

// occurrence is where the index found a query term in a body.
type occurrence struct {
	start, end int // byte offsets in the body
	pos        int // token position, for phrases; -1 when found by a scan
	term       string
}

// para is a paragraph of a hit holding matches: a candidate passage.
type para struct {
	i, start, end, page int
	spans               []span // relative to start
	phrases             int    // query phrases starting in it
	distinct            int    // different query terms in it
}

// snippetsAt returns up to n passages of a hit's body: from the paragraphs
// holding the query's phrases, then the most different query words, then
// the most matches; shown in document order. The matches are read from
// the index (the body field's term vectors hold each occurrence's byte
// offsets), the text around the chosen ones from the document store. A
// record whose body does not match (the match was in its title or
// metadata, or the query was empty) gets its abstract, or failing that
// the start of its first paragraph.
func (h *highlighter) snippetsAt(ctx context.Context, r index.IndexReader, doc index.IndexInternalID, d *docstore.Doc, rec Record, n int) ([]Snippet, error) {
	g := langGroup(rec.Language)
	occs, frequent, err := h.occurrences(ctx, r, doc, proseField(FieldBody, g), g)
	if err != nil {
		return nil, err
	}
	var sc *scanned
	if len(frequent) > 0 {
		if occs, sc, err = h.scanFrequent(d, g, occs, frequent, n); err != nil {
			return nil, err
		}
	}
	if len(occs) == 0 {
		return h.fallbackAt(d, rec, g)
	}
	paras, err := paragraphs(d, occs, h.phraseStarts(occs, sc, g), maxParagraphs)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(paras, func(a, b int) bool {
		if paras[a].phrases != paras[b].phrases {
			return paras[a].phrases > paras[b].phrases
		}
		if da, db := paras[a].distinct, paras[b].distinct; da != db {
			return da > db
		}
		return len(paras[a].spans) > len(paras[b].spans)
	})
	paras = paras[:min(n, len(paras))]
	sort.Slice(paras, func(a, b int) bool { return paras[a].i < paras[b].i })
	parts, err := countParts(d)
	if err != nil {
		return nil, err
	}
	out := make([]Snippet, 0, len(paras))
	for _, p := range paras {
		html, at, err := passageFrom(d, p.start, p.end, p.spans)
		if err != nil {
			return nil, err
		}
		// The part holding the passage: a paragraph longer than a part
		// (a huge file on one line) is split between parts.
		part, err := partOf(d, at, parts)
		if err != nil {
			return nil, err
		}
		out = append(out, Snippet{HTML: html, Paragraph: p.i + 1, Page: p.page, Part: part})
	}
	return out, nil
}

// paragraphs groups occurrences (in order of their offsets) by paragraph,
// up to most paragraphs. phrases holds the offsets of those starting one
// of the query's phrases.
func paragraphs(d *docstore.Doc, occs []occurrence, phrases map[int]bool, most int) ([]para, error) {
	var paras []para
	for k := 0; k < len(occs) && len(paras) < most; {
		i, err := d.ParagraphAt(occs[k].start)
		if err != nil {
			return nil, err
		}
		ps, pe, page, err := d.Paragraph(i)
		if err != nil {
			return nil, err
		}
		p := para{i: i, start: ps, end: pe, page: page}
		for ; k < len(occs) && occs[k].start < pe+len(paragraphSep); k++ {
			o := occs[k]
			p.spans = append(p.spans, span{o.start - ps, o.end - ps, o.term})
			if phrases[o.start] {
				p.phrases++
			}
		}
		p.distinct = distinctTerms(p.spans)
		paras = append(paras, p)
	}
	return paras, nil
}

// occurrences reads where the query's terms occur in one document's body,
// in order of their offsets, but for the terms occurring there more than
// maxOccurrences times: those it returns as frequent.
func (h *highlighter) occurrences(ctx context.Context, r index.IndexReader, doc index.IndexInternalID, field, g string) ([]occurrence, map[string]bool, error) {
	var out []occurrence
	var frequent map[string]bool
	for term := range h.termsFor(g) {
		// First only the frequency, which costs nothing per occurrence.
		td, err := termDoc(ctx, r, doc, term, field, false)
		if err != nil {
			return nil, nil, err
		}
		if td == nil {
			continue
		}
		if td.Freq > maxOccurrences {
			if frequent == nil {
				frequent = map[string]bool{}
			}
			frequent[term] = true
			continue
		}
		if td, err = termDoc(ctx, r, doc, term, field, true); err != nil || td == nil {
			return nil, nil, err
		}
		one := make([]occurrence, 0, len(td.Vectors))
		for _, v := range td.Vectors {
			one = append(one, occurrence{start: int(v.Start), end: int(v.End), pos: int(v.Pos), term: term})
		}
		// A term's occurrences come in order of position, so of offset
		// too; merging them is cheaper than sorting them all.
		if !slices.IsSortedFunc(one, byStart) {
			slices.SortFunc(one, byStart)
		}
		out = merged(out, one)
	}
	return out, frequent, nil
}

func byStart(a, b occurrence) int { return a.start - b.start }

// termDoc returns what the index holds for term in one document's field
// (nil if it does not occur there), with each occurrence when vectors is
// set. It reads the one segment holding the document: a TermFieldReader
// would look the term up in every segment of the index, for every term
// of every hit shown.
func termDoc(ctx context.Context, r index.IndexReader, doc index.IndexInternalID, term, field string, vectors bool) (*index.TermFieldDoc, error) {
	if snap, ok := r.(*scorch.IndexSnapshot); ok && len(doc) == 8 {
		return segmentTermDoc(snap, doc, term, field, vectors)
	}
	tfr, err := r.TermFieldReader(ctx, []byte(term), field, true, false, vectors)
	if err != nil {
		return nil, err
	}
	defer tfr.Close()
	td, err := tfr.Advance(doc, nil)
	if err != nil || td == nil || !bytes.Equal(td.ID, doc) {
		return nil, err
	}
	return td, nil
}

// passageFrom reads at most passageBytes of the paragraph [ps, pe) around
// its best match and cuts a passage from it. spans are relative to ps.
// It returns the body offset of that match (of the paragraph, if short).
func passageFrom(d *docstore.Doc, ps, pe int, spans []span) (template.HTML, int, error) {
	lo, hi, a := 0, pe-ps, 0
	if hi > 2*passageBytes {
		a = anchorSpan(spans)
		lo = max(0, a-passageBytes)
		hi = min(hi, a+passageBytes)
	}
	b, err := d.Text(ps+lo, ps+hi)
	if err != nil {
		return "", 0, err
	}
	// Cut at character starts.
	from, to := 0, len(b)
	for from < to && !utf8.RuneStart(b[from]) {
		from++
	}
	if to < len(b) || ps+hi < pe {
		for to > from && !utf8.RuneStart(b[to-1]) {
			to--
		}
		if to > from {
			to-- // the last character may be incomplete
		}
	}
	text := string(b[from:to])
	base := lo + from
	var in []span
	for _, s := range spans {
		if s.start >= base && s.end <= base+len(text) {
			in = append(in, span{s.start - base, s.end - base, s.term})
		}
	}
	return passageOf(text, in, base > 0, base+len(text) < pe-ps), ps + a, nil
}

// anchorSpan returns the offset of the match that starts the run of
// matches with the most different terms within a passage's length.
func anchorSpan(spans []span) int {
	best, bestD, bestN := 0, -1, -1
	for i, s := range spans {
		var in []span
		for _, t := range spans[i:] {
			if t.end > s.start+passageBytes/2 {
				break
			}
			in = append(in, t)
		}
		if d := distinctTerms(in); d > bestD || d == bestD && len(in) > bestN {
			best, bestD, bestN = s.start, d, len(in)
		}
	}
	return best
}

// fallbackAt is the snippet of a hit whose body holds no query term: its
// abstract, or the start of its first paragraph.
func (h *highlighter) fallbackAt(d *docstore.Doc, rec Record, g string) ([]Snippet, error) {
	if a := rec.Abstract; strings.TrimSpace(a) != "" {
		if len(a) > 2*passageBytes {
			a = a[:2*passageBytes]
			a = strings.ToValidUTF8(a, "")
		}
		return []Snippet{{HTML: passageOf(a, h.matches(a, g), false, len(a) < len(rec.Abstract)), Paragraph: 0}}, nil
	}
	if d.Paragraphs() == 0 {
		return nil, nil
	}
	ps, pe, page, err := d.Paragraph(0)
	if err != nil {
		return nil, err
	}
	html, _, err := passageFrom(d, ps, pe, nil)
	if err != nil {
		return nil, err
	}
	return []Snippet{{HTML: html, Paragraph: 1, Page: page}}, nil
}

// segmentTermDoc is termDoc on a scorch snapshot.
func segmentTermDoc(snap *scorch.IndexSnapshot, doc index.IndexInternalID, term, field string, vectors bool) (*index.TermFieldDoc, error) {
	n, offsets := doc.Value(), segmentOffsets(snap)
	// The segment holding n: the last one starting at or before it.
	if i := sort.Search(len(offsets), func(i int) bool { return offsets[i] > n }) - 1; i >= 0 {
		s, base := snap.Segments()[i], offsets[i]
		dict, err := s.Segment().Dictionary(field)
		if err != nil {
			return nil, err
		}
		pl, err := dict.PostingsList([]byte(term), s.Deleted(), nil)
		if err != nil || pl.Count() == 0 {
			return nil, err
		}
		p, err := pl.Iterator(true, false, vectors, nil).Advance(n - base)
		if err != nil || p == nil || p.Number() != n-base {
			return nil, err
		}
		td := &index.TermFieldDoc{ID: doc, Freq: p.Frequency()}
		if vectors {
			locs := p.Locations()
			td.Vectors = make([]*index.TermFieldVector, len(locs))
			backing := make([]index.TermFieldVector, len(locs))
			for i, l := range locs {
				backing[i] = index.TermFieldVector{Field: field, Pos: l.Pos(), Start: l.Start(), End: l.End(),
					ArrayPositions: l.ArrayPositions()}
				td.Vectors[i] = &backing[i]
			}
		}
		return td, nil
	}
	return nil, nil
}
