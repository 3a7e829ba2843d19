package zapwrite

import (
	"encoding/binary"

	"github.com/blevesearch/bleve/v2/analysis"
)

// Analysed is a field of a document analysed outside bleve, given as its
// token stream (what its analyzer returns: terms, positions and byte
// offsets), which saves building bleve's token frequencies for it: the
// prose of a briefing is most of its tokens. The field is indexed, not
// stored and has no doc values; Vectors keeps each token's position and
// offsets (bleve's IncludeTermVectors). A document's Analysed fields
// must not also be among its bleve fields.
type Analysed struct {
	Name   string
	Tokens analysis.TokenStream
	// Terms, for a field without Vectors, may stand in for Tokens: the
	// terms in order (the field's length is their number).
	Terms [][]byte
	// Refs, if set, give each token's term (Tokens[i] or Terms[i]) a
	// TermRef, which spares the Writer its dictionary look-up.
	Refs    []*TermRef
	Vectors bool
	// SkipFreqNorm keeps no frequencies or norms (bleve's option of the
	// same name: the field only says which documents hold a term).
	SkipFreqNorm bool
}

// TermRef is where its caller keeps (in a cache of its analysis, say) a
// term's number in the field (of this Writer or an earlier one) it was
// last used in, and gives it in Analysed.Refs with each token of that
// term: such a token costs no dictionary look-up once its term is in the
// field. The zero TermRef is ready to use, and the same TermRef must
// always come with the same term. Only the goroutine adding documents
// may use a TermRef after its creation.
type TermRef struct {
	serial uint64 // the field's serial
	id     int32
}

// slot gathers one term's tokens in one field of one document.
type slot struct {
	id     int32
	count  int
	off    int // start of its locations in Writer.locs
	filled int // locations placed so far
}

// addTokens logs the postings of one field analysed outside bleve: what
// bleve's token frequencies would give, a term's locations in token order.
func (w *Writer) addTokens(f *field, doc uint32, a Analysed) {
	slots := w.slots[:0]
	tokSlot := w.tokSlot[:0]
	n := len(a.Tokens)
	if a.Tokens == nil {
		n = len(a.Terms)
	}
	mark := int32(doc) + 1
	// First each token's term number, then its slot: two loops of loads
	// that do not wait on each other, so that the cache misses of many
	// tokens (on their TermRefs, then on their terms' states) overlap.
	for t := range n {
		var r *TermRef
		if a.Refs != nil {
			if r = a.Refs[t]; r.serial == f.serial {
				tokSlot = append(tokSlot, r.id)
				continue
			}
		}
		var id int32
		if a.Tokens != nil {
			id = w.termID(f, a.Tokens[t].Term)
		} else {
			id = w.termID(f, a.Terms[t])
		}
		if r != nil {
			r.serial, r.id = f.serial, id
		}
		tokSlot = append(tokSlot, id)
	}
	for t, id := range tokSlot {
		ts := &f.state[id]
		if ts.lastDoc != mark {
			ts.lastDoc = mark
			ts.slot = int32(len(slots))
			slots = append(slots, slot{id: id})
		}
		s := ts.slot
		slots[s].count++
		tokSlot[t] = s
	}
	vectors := a.Vectors && a.Tokens != nil
	locs := w.locs[:0]
	if vectors {
		off := 0
		for i := range slots {
			slots[i].off = off
			off += 3 * slots[i].count
		}
		if cap(locs) < off {
			locs = make([]uint32, off)
		}
		locs = locs[:off]
		for t, tok := range a.Tokens {
			s := &slots[tokSlot[t]]
			j := s.off + 3*s.filled
			s.filled++
			locs[j], locs[j+1], locs[j+2] = uint32(tok.Position), uint32(tok.Start), uint32(tok.End)
		}
	}
	w.setLen(f, doc, n)
	for _, s := range slots {
		t := &f.state[s.id]
		w.beginEntry(t, doc)
		var fh uint64
		if !a.SkipFreqNorm {
			fh = uint64(s.count) << 2 // a frequency of 0 writes no norm
		}
		if vectors {
			fh |= entryLocs | entryDeltas
		}
		e := binary.AppendUvarint(w.entry, fh)
		if vectors {
			e = binary.AppendUvarint(e, uint64(s.count))
			var pos, end uint32
			ls := locs[s.off : s.off+3*s.count]
			for k := 0; k < len(ls); k += 3 {
				e = binary.AppendUvarint(e, uint64(ls[k]-pos))
				e = binary.AppendUvarint(e, uint64(ls[k+1]-end))
				e = binary.AppendUvarint(e, uint64(ls[k+2]-ls[k+1]))
				pos, end = ls[k], ls[k+2]
			}
		}
		w.entry = e
		w.endEntry(t)
	}
	w.slots, w.tokSlot, w.locs = slots, tokSlot, locs
}
