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
	var tf, loc intChunks
	var fst []byte
	var docTerms [][]byte
	var docs []uint32
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
		for _, id := range ids {
			term := f.strs[id]
			chunk, err := chunkSize(uint64(f.state[id].ndocs), numDocs)
			if err != nil {
				return 0, nil, err
			}
			tf.reset(chunk, numDocs)
			loc.reset(chunk, numDocs)
			docs = docs[:0]
			doc := uint64(0)
			t := &f.state[id]
			next := t.log.head
			if next != 0 {
				w.log.close(&t.log, 0)
			}
			pend := t.pend[:t.npend]
			var d []byte
			for len(d) > 0 || next != 0 || len(pend) > 0 {
				if len(d) == 0 {
					if next != 0 {
						d, next = w.log.next(next)
					} else {
						d, pend = pend, nil
					}
					continue
				}
				var delta, flags, nlocs uint64
				delta, d = uvarint(d)
				flags, d = uvarint(d)
				doc += delta
				docs = append(docs, uint32(doc))
				freq := flags >> 2
				if flags&entryLocs != 0 {
					nlocs, d = uvarint(d)
				}
				fh := freq << 1
				if nlocs > 0 {
					fh |= 1
				}
				if freq > 0 {
					tf.add(doc, fh, uint64(f.lens[doc]))
				} else {
					tf.add(doc, fh)
				}
				if nlocs > 0 {
					d = w.addLocs(&loc, d, doc, uint64(fi), int(nlocs), flags&entryDeltas != 0)
				}
				if f.docValues {
					docTerms[doc] = append(append(docTerms[doc], term...), 0xff)
				}
			}
			o.spill(spillAt)
			tfOffset := uint64(o.off())
			o.b = tf.finish(o.b)
			if uint64(o.off()) == tfOffset {
				tfOffset = 0
			}
			locOffset := uint64(o.off())
			o.b = loc.finish(o.b)
			if uint64(o.off()) == locOffset {
				locOffset = 0
			}
			postingsOffset := uint64(o.off())
			o.b = binary.AppendUvarint(o.b, tfOffset)
			o.b = binary.AppendUvarint(o.b, locOffset)
			if o.b, err = appendBitmap(o.b, docs); err != nil {
				return 0, nil, err
			}
			if err := builder.Insert([]byte(term), postingsOffset); err != nil {
				return 0, nil, err
			}
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

// addLocs gives the loc coder the n locations of an entry at the start of
// d, in zap's form (field number, position, start, end, number of array
// positions, the array positions), after their byte length; it returns d
// past them.
func (w *Writer) addLocs(loc *intChunks, d []byte, doc, field uint64, n int, deltas bool) []byte {
	if !deltas {
		// Already in zap's form, but for the field number.
		size, k := 0, 0
		for range n {
			l := locLen(d[k:])
			size += uvarintLen(field) + l
			k += l
		}
		loc.add(doc, uint64(size))
		ls, rest := d[:k], d[k:]
		for range n {
			l := locLen(ls)
			loc.add(doc, field)
			loc.addBytes(doc, ls[:l])
			ls = ls[l:]
		}
		return rest
	}
	// Deltas: decode into w.locs (pos, start, end), then encode.
	abs := w.locs[:0]
	var pos, end uint64
	size := 0
	for range n {
		var dp, ds, l uint64
		dp, d = uvarint(d)
		ds, d = uvarint(d)
		l, d = uvarint(d)
		pos += dp
		start := end + ds
		end = start + l
		abs = append(abs, uint32(pos), uint32(start), uint32(end))
		size += uvarintLen(field) + uvarintLen(pos) + uvarintLen(start) + uvarintLen(end) + 1
	}
	loc.add(doc, uint64(size))
	for k := 0; k < len(abs); k += 3 {
		loc.add(doc, field, uint64(abs[k]), uint64(abs[k+1]), uint64(abs[k+2]), 0)
	}
	w.locs = abs
	return d
}

// locLen is the byte length of the location in zap's form, but for the
// field number, at the start of b: position, start, end, number of array
// positions, the array positions.
func locLen(b []byte) int {
	k := 0
	for range 3 {
		_, m := binary.Uvarint(b[k:])
		k += m
	}
	na, m := binary.Uvarint(b[k:])
	k += m
	for range na {
		_, m := binary.Uvarint(b[k:])
		k += m
	}
	return k
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
