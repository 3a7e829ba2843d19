// Package zapwrite writes bleve index segments in the zap format, version
// 15, from many analysed documents at once.
//
// bleve builds a segment per batch: each batch of a hundred records gets a
// complete term dictionary, postings and doc values, and merges then build
// them again, so that a bulk ingest spends most of its time on
// dictionaries of terms it has seen many times. A Writer instead keeps the
// postings of as many documents as memory allows in a compact form (per
// term: document numbers and the varint-encoded frequencies, norms and
// locations, as the segment will hold them) and writes one segment with
// one dictionary per field at the end. Its output is the segment
// zapx/v15's New writes for the same documents, byte for byte
// (TestMatchesZap), so bleve reads, searches and merges it as its own.
package zapwrite

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"slices"
	"sort"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/blevesearch/vellum"
	zap "github.com/blevesearch/zapx/v15"
	"github.com/golang/snappy"
)

// chunkMode is zap's default: a postings list is cut into as many chunks
// as it has blocks of 1,024 documents.
const chunkMode = 1026

// Writer accumulates documents for one segment. The zero value is not
// usable; use New.
type Writer struct {
	fields  []*field // in order of first appearance
	byName  map[string]*field
	numDocs int
	stored  []byte // per document: its stored values (see addStored)
	docEnds []int  // end of each document's entry in stored
	size    int    // approximate bytes held

	// per-document scratch
	touched []*field
	slots   []slot  // the terms of one analysed field, in order of first use
	tokSlot []int32 // each token's slot
	locs    []uint32
}

// slot gathers one term's tokens in one field of one document.
type slot struct {
	p      *postings
	count  int
	off    int // start of its locations in Writer.locs
	filled int // locations placed so far
}

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
	Terms   [][]byte
	Vectors bool
	// SkipFreqNorm keeps no frequencies or norms (bleve's option of the
	// same name: the field only says which documents hold a term).
	SkipFreqNorm bool
}

type field struct {
	name      string
	idx       int // index in Writer.fields
	docValues bool
	terms     map[string]int32 // term -> index in postings
	postings  []*postings

	// per-document scratch: the field's length and tokens in the document
	// being added (several values of one field are merged).
	docLen int
	docTFs index.TokenFrequencies
	seen   bool
}

// postings is one term's postings list as the segment will hold it.
type postings struct {
	term string
	docs []uint32
	// per document: freq, norm (the field's length), number of locations,
	// byte length of the locations, then each location as pos, start, end,
	// number of array positions and the array positions (all uvarints).
	// The field number that begins each location in the segment is known
	// only when the fields are sorted, at Bytes.
	data []byte

	// the document last given a slot in addTokens (its number + 1), and
	// that slot
	lastDoc int32
	slot    int32
}

// New returns an empty Writer.
func New() *Writer {
	return &Writer{byName: map[string]*field{}}
}

// Len is the number of documents added.
func (w *Writer) Len() int { return w.numDocs }

// Size approximates the memory the Writer holds, in bytes.
func (w *Writer) Size() int { return w.size }

func (w *Writer) field(name string) *field {
	f := w.byName[name]
	if f == nil {
		f = &field{name: name, idx: len(w.fields), terms: map[string]int32{}}
		w.byName[name] = f
		w.fields = append(w.fields, f)
		w.size += 64 + len(name)
	}
	return f
}

// Add appends an analysed document (its indexed fields' Analyze already
// called, as scorch does before building a segment), with any fields
// analysed outside bleve, and returns its document number in the
// segment. The document must have its _id field
// (index.Document.AddIDField).
func (w *Writer) Add(doc index.Document, analysed ...Analysed) (int, error) {
	w.field("_id")
	touched := w.touched[:0]
	visit := func(name string, length int, tfs index.TokenFrequencies) {
		f := w.field(name)
		if !f.seen {
			f.seen = true
			f.docLen = 0
			f.docTFs = nil
			touched = append(touched, f)
		}
		f.docLen += length
		if f.docTFs != nil {
			f.docTFs.MergeAll(name, tfs)
		} else {
			f.docTFs = tfs
		}
	}
	composite := false
	doc.VisitComposite(func(index.CompositeField) { composite = true })
	if composite {
		// A composite field's locations name the fields they come from;
		// the mappings written here have none ("_all" disabled).
		return 0, errors.New("zapwrite: composite fields are not supported")
	}
	start := len(w.stored)
	var id []byte
	doc.VisitFields(func(fl index.Field) {
		visit(fl.Name(), fl.AnalyzedLength(), fl.AnalyzedTokenFrequencies())
		opts := fl.Options()
		if opts.IncludeDocValues() {
			w.byName[fl.Name()].docValues = true
		}
		if opts.IsStored() {
			if fl.Name() == "_id" {
				id = fl.Value()
			}
			w.addStored(fl)
		}
	})
	if id == nil {
		for _, f := range touched {
			f.seen = false
			f.docTFs = nil
		}
		w.stored = w.stored[:start]
		return 0, errors.New("zapwrite: document has no stored _id field")
	}
	docNum := uint32(w.numDocs)
	for _, f := range touched {
		f.seen = false
		for term, tf := range f.docTFs {
			w.addPosting(f, term, docNum, tf)
		}
		f.docTFs = nil
	}
	for _, a := range analysed {
		w.addTokens(w.field(a.Name), docNum, a)
	}
	w.touched = touched
	w.docEnds = append(w.docEnds, len(w.stored))
	w.size += len(w.stored) - start + 8
	w.numDocs++
	return int(docNum), nil
}

func (w *Writer) addPosting(f *field, term string, doc uint32, tf *index.TokenFreq) {
	i, ok := f.terms[term]
	if !ok {
		i = int32(len(f.postings))
		f.terms[term] = i
		f.postings = append(f.postings, &postings{term: term})
		w.size += 2*len(term) + 120
	}
	p := f.postings[i]
	before := cap(p.docs)*4 + cap(p.data)
	p.docs = append(p.docs, doc)
	p.data = binary.AppendUvarint(p.data, uint64(tf.Frequency()))
	p.data = binary.AppendUvarint(p.data, uint64(f.docLen))
	p.data = binary.AppendUvarint(p.data, uint64(len(tf.Locations)))
	if len(tf.Locations) > 0 {
		n := 0
		for _, l := range tf.Locations {
			n += uvarintLen(uint64(l.Position)) + uvarintLen(uint64(l.Start)) +
				uvarintLen(uint64(l.End)) + uvarintLen(uint64(len(l.ArrayPositions)))
			for _, a := range l.ArrayPositions {
				n += uvarintLen(a)
			}
		}
		p.data = binary.AppendUvarint(p.data, uint64(n))
		for _, l := range tf.Locations {
			p.data = binary.AppendUvarint(p.data, uint64(l.Position))
			p.data = binary.AppendUvarint(p.data, uint64(l.Start))
			p.data = binary.AppendUvarint(p.data, uint64(l.End))
			p.data = binary.AppendUvarint(p.data, uint64(len(l.ArrayPositions)))
			for _, a := range l.ArrayPositions {
				p.data = binary.AppendUvarint(p.data, a)
			}
		}
	} else {
		p.data = append(p.data, 0)
	}
	w.size += cap(p.docs)*4 + cap(p.data) - before
}

// addTokens adds the postings of one field analysed outside bleve: what
// bleve's token frequencies would give, a term's locations in token order.
func (w *Writer) addTokens(f *field, doc uint32, a Analysed) {
	slots := w.slots[:0]
	tokSlot := w.tokSlot[:0]
	n := len(a.Tokens)
	if a.Tokens == nil {
		n = len(a.Terms)
	}
	for t := range n {
		var term []byte
		if a.Tokens != nil {
			term = a.Tokens[t].Term
		} else {
			term = a.Terms[t]
		}
		i, ok := f.terms[string(term)]
		if !ok {
			i = int32(len(f.postings))
			f.terms[string(term)] = i
			f.postings = append(f.postings, &postings{term: string(term)})
			w.size += 2*len(term) + 120
		}
		p := f.postings[i]
		if p.lastDoc != int32(doc)+1 {
			p.lastDoc = int32(doc) + 1
			p.slot = int32(len(slots))
			slots = append(slots, slot{p: p})
		}
		slots[p.slot].count++
		tokSlot = append(tokSlot, p.slot)
	}
	locs := w.locs[:0]
	if a.Vectors && a.Tokens != nil {
		off := 0
		for i := range slots {
			slots[i].off = off
			off += 3 * slots[i].count
		}
		locs = slices.Grow(locs, off)[:off]
		for t, tok := range a.Tokens {
			s := &slots[tokSlot[t]]
			j := s.off + 3*s.filled
			s.filled++
			locs[j], locs[j+1], locs[j+2] = uint32(tok.Position), uint32(tok.Start), uint32(tok.End)
		}
	}
	length := uint64(n)
	for _, s := range slots {
		p := s.p
		before := cap(p.docs)*4 + cap(p.data)
		p.docs = append(p.docs, doc)
		if a.SkipFreqNorm {
			p.data = append(p.data, 0) // a frequency of 0 writes no norm
		} else {
			p.data = binary.AppendUvarint(p.data, uint64(s.count))
		}
		p.data = binary.AppendUvarint(p.data, length)
		if !a.Vectors || a.Tokens == nil {
			p.data = append(p.data, 0, 0)
		} else {
			ls := locs[s.off : s.off+3*s.count]
			n := s.count // one byte each for the number of array positions (0)
			for _, v := range ls {
				n += uvarintLen(uint64(v))
			}
			p.data = binary.AppendUvarint(p.data, uint64(s.count))
			p.data = binary.AppendUvarint(p.data, uint64(n))
			for k := 0; k < len(ls); k += 3 {
				p.data = binary.AppendUvarint(p.data, uint64(ls[k]))
				p.data = binary.AppendUvarint(p.data, uint64(ls[k+1]))
				p.data = binary.AppendUvarint(p.data, uint64(ls[k+2]))
				p.data = append(p.data, 0)
			}
		}
		w.size += cap(p.docs)*4 + cap(p.data) - before
	}
	w.slots, w.tokSlot, w.locs = slots, tokSlot, locs
}

// addStored appends one stored value of the document being added: the
// field's index in w.fields, its type, array positions and value.
func (w *Writer) addStored(fl index.Field) {
	f := w.byName[fl.Name()]
	w.stored = binary.AppendUvarint(w.stored, uint64(f.idx))
	w.stored = append(w.stored, fl.EncodedFieldType())
	ap := fl.ArrayPositions()
	w.stored = binary.AppendUvarint(w.stored, uint64(len(ap)))
	for _, a := range ap {
		w.stored = binary.AppendUvarint(w.stored, a)
	}
	v := fl.Value()
	w.stored = binary.AppendUvarint(w.stored, uint64(len(v)))
	w.stored = append(w.stored, v...)
}

func uvarintLen(x uint64) int {
	n := 1
	for x >= 0x80 {
		x >>= 7
		n++
	}
	return n
}

func uvarint(b []byte) (uint64, []byte) {
	v, n := binary.Uvarint(b)
	return v, b[n:]
}

// Segment writes the accumulated documents as a zap segment, ready to be
// persisted (zap.PersistSegmentBase) or merged. The Writer must not be
// used afterwards.
func (w *Writer) Segment() (*zap.SegmentBase, error) {
	if w.numDocs == 0 {
		return nil, errors.New("zapwrite: no documents")
	}
	// Field numbers: _id first, the others by name.
	inv := make([]*field, 0, len(w.fields))
	var idField *field
	for _, f := range w.fields {
		if f.name == "_id" {
			idField = f
		} else {
			inv = append(inv, f)
		}
	}
	sort.Slice(inv, func(i, j int) bool { return inv[i].name < inv[j].name })
	inv = append([]*field{idField}, inv...)
	num := make(map[*field]int, len(inv))
	fieldsMap := make(map[string]uint16, len(inv))
	fieldsInv := make([]string, len(inv))
	for i, f := range inv {
		num[f] = i
		fieldsMap[f.name] = uint16(i + 1)
		fieldsInv[i] = f.name
	}
	pos := make([]int, len(w.fields)) // index in w.fields -> field number
	for i, f := range w.fields {
		pos[i] = num[f]
	}

	out := make([]byte, 0, w.size)
	out, storedIndex := w.writeStored(out, pos)
	out, dvIndex, dictOffsets, err := w.writeDicts(out, inv)
	if err != nil {
		return nil, err
	}
	offsets := make([]uint64, len(inv))
	for i, f := range inv {
		offsets[i] = uint64(len(out))
		out = binary.AppendUvarint(out, dictOffsets[i])
		out = binary.AppendUvarint(out, uint64(len(f.name)))
		out = append(out, f.name...)
	}
	fieldsIndex := len(out)
	for _, o := range offsets {
		out = binary.BigEndian.AppendUint64(out, o)
	}
	return zap.InitSegmentBase(out, crc32.ChecksumIEEE(out), chunkMode, fieldsMap, fieldsInv,
		uint64(w.numDocs), uint64(storedIndex), uint64(fieldsIndex), uint64(dvIndex), dictOffsets, nil)
}

type storedVal struct {
	field int // field number
	typ   byte
	ap    []uint64
	val   []byte
}

// writeStored writes each document's stored values and the index of
// their offsets.
func (w *Writer) writeStored(out []byte, pos []int) ([]byte, int) {
	offsets := make([]uint64, w.numDocs)
	var vals []storedVal
	var meta, data, compressed []byte
	start := 0
	for doc, end := range w.docEnds {
		vals = vals[:0]
		b := w.stored[start:end]
		start = end
		var id []byte
		for len(b) > 0 {
			var v storedVal
			var fi, n, l uint64
			fi, b = uvarint(b)
			v.field = pos[fi]
			v.typ = b[0]
			b = b[1:]
			n, b = uvarint(b)
			for range n {
				var a uint64
				a, b = uvarint(b)
				v.ap = append(v.ap, a)
			}
			l, b = uvarint(b)
			v.val = b[:l]
			b = b[l:]
			if v.field == 0 {
				if id == nil {
					id = v.val
				}
				continue
			}
			vals = append(vals, v)
		}
		slices.SortStableFunc(vals, func(a, b storedVal) int { return a.field - b.field })
		meta = binary.AppendUvarint(meta[:0], uint64(len(id)))
		data = data[:0]
		for _, v := range vals {
			meta = binary.AppendUvarint(meta, uint64(v.field))
			meta = binary.AppendUvarint(meta, uint64(v.typ))
			meta = binary.AppendUvarint(meta, uint64(len(data)))
			meta = binary.AppendUvarint(meta, uint64(len(v.val)))
			meta = binary.AppendUvarint(meta, uint64(len(v.ap)))
			for _, a := range v.ap {
				meta = binary.AppendUvarint(meta, a)
			}
			data = append(data, v.val...)
		}
		compressed = snappy.Encode(compressed[:cap(compressed)], data)
		offsets[doc] = uint64(len(out))
		out = binary.AppendUvarint(out, uint64(len(meta)))
		out = binary.AppendUvarint(out, uint64(len(id)+len(compressed)))
		out = append(out, meta...)
		out = append(out, id...)
		out = append(out, compressed...)
	}
	w.stored = nil
	index := len(out)
	for _, o := range offsets {
		out = binary.BigEndian.AppendUint64(out, o)
	}
	return out, index
}

// writeDicts writes, field by field, each term's postings, the field's
// dictionary and its doc values, then the index of the doc values.
func (w *Writer) writeDicts(out []byte, inv []*field) ([]byte, int, []uint64, error) {
	numDocs := uint64(w.numDocs)
	dictOffsets := make([]uint64, len(inv))
	dvStart := make([]uint64, len(inv))
	dvEnd := make([]uint64, len(inv))
	var tf, loc intChunks
	var fst []byte
	var docTerms [][]byte
	for fi, f := range inv {
		terms := make([]*postings, len(f.postings))
		copy(terms, f.postings)
		slices.SortFunc(terms, func(a, b *postings) int {
			switch {
			case a.term < b.term:
				return -1
			case a.term > b.term:
				return 1
			}
			return 0
		})
		if f.docValues {
			if docTerms == nil {
				docTerms = make([][]byte, numDocs)
			}
			for i := range docTerms {
				docTerms[i] = docTerms[i][:0]
			}
		}
		fieldNum := uvarintLen(uint64(fi))
		sink := &byteSink{b: fst[:0]}
		builder, err := vellum.New(sink, nil)
		if err != nil {
			return nil, 0, nil, err
		}
		for _, p := range terms {
			chunk, err := chunkSize(uint64(len(p.docs)), numDocs)
			if err != nil {
				return nil, 0, nil, err
			}
			tf.reset(chunk, numDocs)
			loc.reset(chunk, numDocs)
			bm := roaring.New()
			bm.AddMany(p.docs)
			d := p.data
			for _, doc32 := range p.docs {
				doc := uint64(doc32)
				var freq, norm, nlocs, locLen uint64
				freq, d = uvarint(d)
				norm, d = uvarint(d)
				nlocs, d = uvarint(d)
				locLen, d = uvarint(d)
				fh := freq << 1
				if nlocs > 0 {
					fh |= 1
				}
				if freq > 0 {
					tf.add(doc, fh, norm)
				} else {
					tf.add(doc, fh)
				}
				if nlocs > 0 {
					loc.add(doc, locLen+nlocs*uint64(fieldNum))
					ls := d[:locLen]
					for range nlocs {
						// pos, start, end, number of array positions, the positions
						n := 0
						for range 3 {
							_, m := binary.Uvarint(ls[n:])
							n += m
						}
						na, m := binary.Uvarint(ls[n:])
						n += m
						for range na {
							_, m := binary.Uvarint(ls[n:])
							n += m
						}
						loc.add(doc, uint64(fi))
						loc.addBytes(doc, ls[:n])
						ls = ls[n:]
					}
					d = d[locLen:]
				}
				if f.docValues {
					docTerms[doc] = append(append(docTerms[doc], p.term...), 0xff)
				}
			}
			tfOffset := uint64(len(out))
			out = tf.finish(out)
			if uint64(len(out)) == tfOffset {
				tfOffset = 0
			}
			locOffset := uint64(len(out))
			out = loc.finish(out)
			if uint64(len(out)) == locOffset {
				locOffset = 0
			}
			postingsOffset := uint64(len(out))
			out = binary.AppendUvarint(out, tfOffset)
			out = binary.AppendUvarint(out, locOffset)
			bits, err := bm.ToBytes()
			if err != nil {
				return nil, 0, nil, err
			}
			out = binary.AppendUvarint(out, uint64(len(bits)))
			out = append(out, bits...)
			if err := builder.Insert([]byte(p.term), postingsOffset); err != nil {
				return nil, 0, nil, err
			}
		}
		if err := builder.Close(); err != nil {
			return nil, 0, nil, err
		}
		fst = sink.b
		dictOffsets[fi] = uint64(len(out))
		out = binary.AppendUvarint(out, uint64(len(fst)))
		out = append(out, fst...)
		if f.docValues {
			dv := newContentChunks(1024, numDocs)
			for doc, t := range docTerms {
				if len(t) > 0 {
					dv.add(uint64(doc), t)
				}
			}
			dvStart[fi] = uint64(len(out))
			out = dv.finish(out)
			dvEnd[fi] = uint64(len(out))
		} else {
			dvStart[fi] = notUninverted
			dvEnd[fi] = notUninverted
		}
		f.postings = nil
		f.terms = nil
	}
	dvIndex := len(out)
	for i := range inv {
		out = binary.AppendUvarint(out, dvStart[i])
		out = binary.AppendUvarint(out, dvEnd[i])
	}
	return out, dvIndex, dictOffsets, nil
}

// notUninverted marks a field without doc values in the doc values index.
const notUninverted = ^uint64(0)

// chunkSize is zap's chunk size for a postings list of card documents in
// a segment of numDocs (chunk mode 1026).
func chunkSize(card, numDocs uint64) (uint64, error) {
	n := numDocs / (card/1024 + 1)
	if n == 0 {
		return 0, errors.New("zapwrite: chunk size is zero")
	}
	return n, nil
}

type byteSink struct{ b []byte }

func (s *byteSink) Write(p []byte) (int, error) {
	s.b = append(s.b, p...)
	return len(p), nil
}
