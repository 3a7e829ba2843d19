package zapwrite

import (
	"bufio"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/blevesearch/vellum"
	zap "github.com/blevesearch/zapx/v15"
	"github.com/golang/snappy"
)

// WriteFile writes the accumulated documents as a zap segment file at
// path, as zap.PersistSegmentBase would write the segment zapx/v15's New
// builds from them. The file is written as it is encoded, so that a
// segment never sits in memory beside the postings it is made from. The
// Writer must not be used afterwards.
func (w *Writer) WriteFile(path string) (err error) {
	if w.numDocs == 0 {
		return errors.New("zapwrite: no documents")
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(path)
		}
	}()
	o := &out{w: bufio.NewWriterSize(f, 1<<20)}
	if err := w.write(o); err != nil {
		return err
	}
	if err := o.w.Flush(); err != nil {
		return err
	}
	return f.Sync()
}

// write encodes the segment to o: stored values, dictionaries with their
// postings and doc values, fields, footer.
func (w *Writer) write(o *out) error {
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
	for i, f := range inv {
		num[f] = i
	}
	pos := make([]int, len(w.fields)) // index in w.fields -> field number
	for i, f := range w.fields {
		pos[i] = num[f]
	}

	storedIndex := w.writeStored(o, pos)
	dvIndex, dictOffsets, err := w.writeDicts(o, inv)
	if err != nil {
		return err
	}
	w.log.release()
	w.fields, w.byName = nil, nil
	offsets := make([]uint64, len(inv))
	for i, f := range inv {
		offsets[i] = uint64(o.off())
		o.b = binary.AppendUvarint(o.b, dictOffsets[i])
		o.b = binary.AppendUvarint(o.b, uint64(len(f.name)))
		o.b = append(o.b, f.name...)
	}
	fieldsIndex := o.off()
	for _, off := range offsets {
		o.b = binary.BigEndian.AppendUint64(o.b, off)
	}
	// The footer (zap's persistFooter), its own bytes in the checksum.
	o.b = binary.BigEndian.AppendUint64(o.b, uint64(w.numDocs))
	o.b = binary.BigEndian.AppendUint64(o.b, uint64(storedIndex))
	o.b = binary.BigEndian.AppendUint64(o.b, uint64(fieldsIndex))
	o.b = binary.BigEndian.AppendUint64(o.b, uint64(dvIndex))
	o.b = binary.BigEndian.AppendUint32(o.b, chunkMode)
	o.b = binary.BigEndian.AppendUint32(o.b, zap.Version)
	o.spill(0)
	o.b = binary.BigEndian.AppendUint32(o.b, o.crc)
	o.spill(0)
	return o.err
}

// out is the segment being written: bytes are encoded into b and spilled
// to w, with their checksum, once b holds a megabyte.
type out struct {
	w    *bufio.Writer
	b    []byte
	base int // bytes spilled
	crc  uint32
	err  error
}

// off is the offset in the segment of the next byte.
func (o *out) off() int { return o.base + len(o.b) }

// spill writes b out if it holds at least min bytes.
func (o *out) spill(min int) {
	if len(o.b) < min || len(o.b) == 0 {
		return
	}
	o.crc = crc32.Update(o.crc, crc32.IEEETable, o.b)
	if _, err := o.w.Write(o.b); err != nil && o.err == nil {
		o.err = err
	}
	o.base += len(o.b)
	o.b = o.b[:0]
}

const spillAt = 1 << 20

type storedVal struct {
	field int // field number
	typ   byte
	ap    []uint64
	val   []byte
}

// writeStored writes each document's stored values and the index of
// their offsets.
func (w *Writer) writeStored(o *out, pos []int) int {
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
		offsets[doc] = uint64(o.off())
		o.b = binary.AppendUvarint(o.b, uint64(len(meta)))
		o.b = binary.AppendUvarint(o.b, uint64(len(id)+len(compressed)))
		o.b = append(o.b, meta...)
		o.b = append(o.b, id...)
		o.b = append(o.b, compressed...)
		o.spill(spillAt)
	}
	w.stored = nil
	index := o.off()
	for _, off := range offsets {
		o.b = binary.BigEndian.AppendUint64(o.b, off)
	}
	return index
}

// writeDicts writes, field by field, each term's postings, the field's
// dictionary and its doc values, then the index of the doc values.
func (w *Writer) writeDicts(o *out, inv []*field) (int, []uint64, error) {
	numDocs := uint64(w.numDocs)
	dictOffsets := make([]uint64, len(inv))
	dvStart := make([]uint64, len(inv))
	dvEnd := make([]uint64, len(inv))
	var fst []byte
	var docTerms [][]byte
	for fi, f := range inv {
		ids := make([]int32, len(f.strs))
		for i := range ids {
			ids[i] = int32(i)
		}
		slices.SortFunc(ids, func(a, b int32) int { return strings.Compare(f.strs[a], f.strs[b]) })
		if f.docValues {
			if docTerms == nil {
				docTerms = make([][]byte, numDocs)
			}
			for i := range docTerms {
				docTerms[i] = docTerms[i][:0]
			}
		}
		sink := &byteSink{b: fst[:0]}
		builder, err := vellum.New(sink, nil)
		if err != nil {
			return 0, nil, err
		}
		err = w.encodeField(f, uint64(fi), ids, func(b *termBatch) error {
			start, docStart := 0, 0
			for i, et := range b.terms {
				o.spill(spillAt)
				tfOffset := uint64(o.off())
				o.b = append(o.b, b.buf[start:et.tf]...)
				if et.tf == start {
					tfOffset = 0
				}
				locOffset := uint64(o.off())
				o.b = append(o.b, b.buf[et.tf:et.loc]...)
				if et.loc == et.tf {
					locOffset = 0
				}
				postingsOffset := uint64(o.off())
				o.b = binary.AppendUvarint(o.b, tfOffset)
				o.b = binary.AppendUvarint(o.b, locOffset)
				o.b = append(o.b, b.buf[et.loc:et.bitmap]...)
				term := f.strs[b.ids[i]]
				if err := builder.Insert([]byte(term), postingsOffset); err != nil {
					return err
				}
				if f.docValues {
					for _, doc := range b.docs[docStart:et.docs] {
						docTerms[doc] = append(append(docTerms[doc], term...), 0xff)
					}
				}
				start, docStart = et.bitmap, et.docs
			}
			return nil
		})
		if err != nil {
			return 0, nil, err
		}
		if err := builder.Close(); err != nil {
			return 0, nil, err
		}
		fst = sink.b
		dictOffsets[fi] = uint64(o.off())
		o.b = binary.AppendUvarint(o.b, uint64(len(fst)))
		o.b = append(o.b, fst...)
		if f.docValues {
			dv := newContentChunks(1024, numDocs)
			for doc, t := range docTerms {
				if len(t) > 0 {
					dv.add(uint64(doc), t)
				}
			}
			dvStart[fi] = uint64(o.off())
			o.b = dv.finish(o.b)
			dvEnd[fi] = uint64(o.off())
		} else {
			dvStart[fi] = notUninverted
			dvEnd[fi] = notUninverted
		}
	}
	dvIndex := o.off()
	for i := range inv {
		o.b = binary.AppendUvarint(o.b, dvStart[i])
		o.b = binary.AppendUvarint(o.b, dvEnd[i])
	}
	return dvIndex, dictOffsets, o.err
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
