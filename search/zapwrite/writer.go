// Package zapwrite writes bleve index segments in the zap format, version
// 15, from many analysed documents at once.
//
// bleve builds a segment per batch: each batch of a hundred records gets a
// complete term dictionary, postings and doc values, and merges then build
// them again, so that a bulk ingest spends most of its time on
// dictionaries of terms it has seen many times. A Writer instead keeps the
// postings of as many documents as memory allows and writes one segment
// with one dictionary per field at the end. It holds them in a log of
// blocks mapped outside the Go heap (log.go), each term's entries in a
// chain of slices, the newest few in the term's own state. Its
// output is the segment zapx/v15's New writes for the same documents,
// byte for byte (TestMatchesZap), so bleve reads, searches and merges it
// as its own.
package zapwrite

import (
	"encoding/binary"
	"errors"
	"runtime"
	"sync/atomic"

	index "github.com/blevesearch/bleve_index_api"
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
	log     *postingsLog
	size    int // bytes held besides the log

	// per-document scratch
	touched []*field
	slots   []slot  // the terms of one analysed field, in order of first use
	tokSlot []int32 // each token's slot
	locs    []uint32
	entry   []byte
}

// field is one field's dictionary: its terms, numbered in order of first
// use, and where each term's postings are in the log.
type field struct {
	name      string
	idx       int    // index in Writer.fields
	serial    uint64 // tells TermRefs which field of which Writer they point into
	docValues bool
	terms     map[string]int32
	strs      []string    // term number -> term
	state     []termState // term number -> its postings
	lens      []uint32    // document -> the field's length in it (its norm)

	// per-document scratch of the bleve fields: the field's length and
	// tokens in the document being added (several values of one field
	// are merged)
	docLen int
	docTFs index.TokenFrequencies
	seen   bool
}

// termState is what a field knows of one of its terms while documents
// are added, kept together so that a token touches one cache line: the
// line is read for every token of the term, so its newest postings
// entries are held here (pend) and reach the log a line's worth at a
// time. Copying each entry to the term's slice in the log as it came
// was a cache miss per entry, a seventh of a bulk ingest's CPU.
type termState struct {
	log     termLog // where its postings are, apart from pend
	ndocs   uint32  // documents holding it
	prevDoc uint32  // the document of its last entry
	lastDoc int32   // the document last given a slot in addTokens (+1)
	slot    int32   // ... and that slot
	npend   uint8
	pend    [pendSize]byte // its newest entries, after those in the log
}

// pendSize makes a termState 64 bytes, a cache line.
const pendSize = 31

// setLen records the field's length in document doc.
func (w *Writer) setLen(f *field, doc uint32, n int) {
	for len(f.lens) <= int(doc) {
		f.lens = append(f.lens, 0)
	}
	f.lens[doc] = uint32(n)
}

var fieldSerial atomic.Uint64

// New returns an empty Writer.
func New() *Writer {
	w := &Writer{byName: map[string]*field{}, log: &postingsLog{}}
	// A Writer dropped before it wrote its segment (an ingest that
	// failed) still gives its log's blocks back.
	runtime.AddCleanup(w, (*postingsLog).release, w.log)
	return w
}

// Len is the number of documents added.
func (w *Writer) Len() int { return w.numDocs }

// Size approximates the memory the Writer holds, in bytes.
func (w *Writer) Size() int { return w.size + w.log.size() }

func (w *Writer) field(name string) *field {
	f := w.byName[name]
	if f == nil {
		f = &field{name: name, idx: len(w.fields), serial: fieldSerial.Add(1), terms: map[string]int32{}}
		w.byName[name] = f
		w.fields = append(w.fields, f)
		w.size += 64 + len(name)
	}
	return f
}

// termID returns the number of term in f, adding the term if new.
func (w *Writer) termID(f *field, term []byte) int32 {
	if i, ok := f.terms[string(term)]; ok {
		return i
	}
	i := int32(len(f.strs))
	s := string(term)
	f.terms[s] = i
	f.strs = append(f.strs, s)
	f.state = append(f.state, termState{})
	w.size += 2*len(term) + 112
	return i
}

// A postings entry, one per term and document, is in uvarints: the
// document's number less that of the term's previous entry; the
// frequency times 4, plus entryLocs if locations follow and entryDeltas
// if they are given as deltas; then, with locations, their number and
// the locations. A location is either (entryDeltas) the position less the
// previous location's, the start less the previous location's end, and
// the length, or the position, start, end, number of array positions and
// the array positions. The norm is the field's length in the document
// (field.lens); the field number that begins each location in the
// segment is known only when the fields are sorted, at WriteFile.
const (
	entryLocs   = 1
	entryDeltas = 2
)

// beginEntry starts a postings entry of term state t for document doc in
// w.entry, for the caller to append the rest and call endEntry.
func (w *Writer) beginEntry(t *termState, doc uint32) {
	w.entry = binary.AppendUvarint(w.entry[:0], uint64(doc-t.prevDoc))
	t.prevDoc = doc
}

// endEntry adds w.entry to the postings of term state t: to its pending
// entries if they have room, else the pending entries go to the log and
// the new one takes their place.
func (w *Writer) endEntry(t *termState) {
	e := w.entry
	t.ndocs++
	n := int(t.npend)
	if n+len(e) <= pendSize {
		copy(t.pend[n:], e)
		t.npend += uint8(len(e))
		return
	}
	if n > 0 {
		w.log.append(&t.log, t.pend[:n])
	}
	if len(e) > pendSize {
		w.log.append(&t.log, e)
		t.npend = 0
		return
	}
	copy(t.pend[:], e)
	t.npend = uint8(len(e))
}

// Add appends an analysed document (its indexed fields' Analyze already
// called, as scorch does before building a segment), with any fields
// analysed outside bleve, and returns its document number in the
// segment. The document must have its _id field
// (index.Document.AddIDField).
func (w *Writer) Add(doc index.Document, analysed ...Analysed) (int, error) {
	w.field("_id")
	composite := false
	doc.VisitComposite(func(index.CompositeField) { composite = true })
	if composite {
		// A composite field's locations name the fields they come from;
		// the mappings written here have none ("_all" disabled).
		return 0, errors.New("zapwrite: composite fields are not supported")
	}
	touched := w.touched[:0]
	start := len(w.stored)
	var id []byte
	doc.VisitFields(func(fl index.Field) {
		f := w.field(fl.Name())
		if !f.seen {
			f.seen = true
			f.docLen = 0
			f.docTFs = nil
			touched = append(touched, f)
		}
		f.docLen += fl.AnalyzedLength()
		if f.docTFs != nil {
			f.docTFs.MergeAll(f.name, fl.AnalyzedTokenFrequencies())
		} else {
			f.docTFs = fl.AnalyzedTokenFrequencies()
		}
		opts := fl.Options()
		if opts.IncludeDocValues() {
			f.docValues = true
		}
		if opts.IsStored() {
			if fl.Name() == "_id" {
				id = fl.Value()
			}
			w.addStored(f, fl)
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
		w.setLen(f, docNum, f.docLen)
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

// addPosting logs one term of one bleve field of a document.
func (w *Writer) addPosting(f *field, term string, doc uint32, tf *index.TokenFreq) {
	t := &f.state[w.termID(f, []byte(term))]
	w.beginEntry(t, doc)
	fh := uint64(tf.Frequency()) << 2
	if len(tf.Locations) > 0 {
		fh |= entryLocs
	}
	e := binary.AppendUvarint(w.entry, fh)
	if len(tf.Locations) > 0 {
		e = binary.AppendUvarint(e, uint64(len(tf.Locations)))
		for _, l := range tf.Locations {
			e = binary.AppendUvarint(e, uint64(l.Position))
			e = binary.AppendUvarint(e, uint64(l.Start))
			e = binary.AppendUvarint(e, uint64(l.End))
			e = binary.AppendUvarint(e, uint64(len(l.ArrayPositions)))
			for _, a := range l.ArrayPositions {
				e = binary.AppendUvarint(e, a)
			}
		}
	}
	w.entry = e
	w.endEntry(t)
}

// addStored appends one stored value of the document being added: the
// field's index in w.fields, its type, array positions and value.
func (w *Writer) addStored(f *field, fl index.Field) {
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
