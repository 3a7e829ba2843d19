package zapwrite

import (
	"encoding/binary"
	"runtime"
	"sync"
)

// Encoding the postings lists of a field, which is most of the work of
// writing a segment: a term's entries are read from the log and encoded
// as zap's frequency and location chunks and document bitmap. None of
// that depends on where in the file the term's postings go, so large
// fields are encoded by a goroutine per core, batch by batch, while the
// writer appends the batches in term order, each term with the offsets
// that only it knows. At the end of a bulk ingest this was the one thing
// left running, on one core.

// termBatch holds consecutive terms (in dictionary order) of one field,
// encoded.
type termBatch struct {
	ids   []int32
	buf   []byte        // the terms' encodings, one after the other
	terms []encodedTerm // where each one's parts end in buf
	docs  []uint32      // the terms' documents, for a field with doc values
	err   error
	done  chan struct{}
}

// encodedTerm gives the end offsets in termBatch.buf of a term's
// frequency chunks, location chunks and document bitmap, and the end of
// its documents in termBatch.docs.
type encodedTerm struct {
	tf, loc, bitmap, docs int
}

// termEncoder is one goroutine's scratch for encoding postings lists.
type termEncoder struct {
	tf, loc intChunks
	locs    []uint32
	docs    []uint32
}

// Variables for the tests.
var (
	// batchPostings bounds the entries of a batch.
	batchPostings = 1 << 15
	// parallelPostings is the number of entries a field needs to be
	// encoded by more than one goroutine.
	parallelPostings = 1 << 17
	// encodeWorkers is the number of those goroutines; 0: one per core.
	encodeWorkers = 0
)

// encodeField encodes the postings of field f (field number fi) for the
// terms ids, in order, and calls emit with each batch in that order. It
// stops at the first error, of encoding or of emit.
func (w *Writer) encodeField(f *field, fi uint64, ids []int32, emit func(*termBatch) error) error {
	batches, total := splitBatches(f, ids)
	workers := encodeWorkers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(batches))
	if total < parallelPostings || workers < 2 {
		var e termEncoder
		b := &termBatch{}
		for _, ids := range batches {
			b.ids = ids
			w.encodeBatch(&e, f, fi, b)
			if b.err != nil {
				return b.err
			}
			if err := emit(b); err != nil {
				return err
			}
		}
		return nil
	}

	// Batches go to the workers and, in order, to the writer (this
	// goroutine); at most a few are in flight, so memory stays bounded.
	jobs := make(chan *termBatch)
	order := make(chan *termBatch, 4*workers)
	free := make(chan *termBatch, 6*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			var e termEncoder
			for b := range jobs {
				w.encodeBatch(&e, f, fi, b)
				close(b.done)
			}
		})
	}
	go func() {
		defer close(order)
		defer close(jobs)
		for _, ids := range batches {
			var b *termBatch
			select {
			case b = <-free:
			default:
				b = &termBatch{}
			}
			b.ids, b.done = ids, make(chan struct{})
			order <- b
			jobs <- b
		}
	}()
	var err error
	for b := range order {
		<-b.done
		if err == nil {
			err = b.err
		}
		if err == nil {
			err = emit(b)
		}
		select {
		case free <- b:
		default:
		}
	}
	wg.Wait()
	return err
}

// splitBatches cuts ids into runs of at most batchPostings entries (or
// one term), and returns the entries of them all.
func splitBatches(f *field, ids []int32) (batches [][]int32, total int) {
	start, n := 0, 0
	for i, id := range ids {
		if n > 0 && n+int(f.state[id].ndocs) > batchPostings {
			batches = append(batches, ids[start:i])
			start, n = i, 0
		}
		n += int(f.state[id].ndocs)
		total += int(f.state[id].ndocs)
	}
	if start < len(ids) {
		batches = append(batches, ids[start:])
	}
	return batches, total
}

// encodeBatch encodes the postings of b.ids into b.
func (w *Writer) encodeBatch(e *termEncoder, f *field, fi uint64, b *termBatch) {
	b.buf, b.terms, b.docs, b.err = b.buf[:0], b.terms[:0], b.docs[:0], nil
	numDocs := uint64(w.numDocs)
	for _, id := range b.ids {
		t := &f.state[id]
		chunk, err := chunkSize(uint64(t.ndocs), numDocs)
		if err != nil {
			b.err = err
			return
		}
		e.tf.reset(chunk, numDocs)
		e.loc.reset(chunk, numDocs)
		docs := e.docs[:0]
		doc := uint64(0)
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
				e.tf.add(doc, fh, uint64(f.lens[doc]))
			} else {
				e.tf.add(doc, fh)
			}
			if nlocs > 0 {
				d = e.addLocs(d, doc, fi, int(nlocs), flags&entryDeltas != 0)
			}
		}
		e.docs = docs
		var et encodedTerm
		b.buf = e.tf.finish(b.buf)
		et.tf = len(b.buf)
		b.buf = e.loc.finish(b.buf)
		et.loc = len(b.buf)
		if b.buf, err = appendBitmap(b.buf, docs); err != nil {
			b.err = err
			return
		}
		et.bitmap = len(b.buf)
		if f.docValues {
			b.docs = append(b.docs, docs...)
		}
		et.docs = len(b.docs)
		b.terms = append(b.terms, et)
	}
}

// addLocs gives the loc coder the n locations of an entry at the start of
// d, in zap's form (field number, position, start, end, number of array
// positions, the array positions), after their byte length; it returns d
// past them.
func (e *termEncoder) addLocs(d []byte, doc, field uint64, n int, deltas bool) []byte {
	loc := &e.loc
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
	// Deltas: decode into e.locs (pos, start, end), then encode.
	abs := e.locs[:0]
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
	e.locs = abs
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
