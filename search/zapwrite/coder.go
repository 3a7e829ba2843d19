package zapwrite

import (
	"encoding/binary"

	"github.com/golang/snappy"
)

// The two chunked encoders of the zap format. Both split a run of values
// by document number into chunks of chunkSize documents, so that a reader
// can skip to a document's chunk, and both close a chunk (record its
// length) when a value for another chunk arrives: a chunk that was never
// current keeps length 0, and the current one is written even if empty.

// intChunks encodes the unsigned varints of one postings list (its
// frequencies and norms, or its locations).
type intChunks struct {
	chunkSize uint64
	lens      []uint64 // byte length of each chunk; end offsets once written
	cur       uint64   // the chunk being filled
	buf       []byte   // the current chunk's bytes
	out       []byte   // the closed chunks' bytes
}

// reset readies the coder for a postings list of a segment of numDocs
// documents.
func (c *intChunks) reset(chunkSize, numDocs uint64) {
	c.chunkSize = chunkSize
	n := int((numDocs-1)/chunkSize + 1)
	if cap(c.lens) < n {
		c.lens = make([]uint64, n)
	}
	c.lens = c.lens[:n]
	clear(c.lens)
	c.cur = 0
	c.buf = c.buf[:0]
	c.out = c.out[:0]
}

func (c *intChunks) to(doc uint64) {
	if ch := doc / c.chunkSize; ch != c.cur {
		c.close()
		c.cur = ch
	}
}

// add appends values for document doc.
func (c *intChunks) add(doc uint64, vals ...uint64) {
	c.to(doc)
	for _, v := range vals {
		c.buf = binary.AppendUvarint(c.buf, v)
	}
}

// addBytes appends values already encoded as varints for document doc.
func (c *intChunks) addBytes(doc uint64, b []byte) {
	c.to(doc)
	c.buf = append(c.buf, b...)
}

func (c *intChunks) close() {
	c.lens[c.cur] = uint64(len(c.buf))
	c.out = append(c.out, c.buf...)
	c.buf = c.buf[:0]
}

// finish closes the last chunk and appends the coder's encoding to w
// (number of chunks, their end offsets, the chunks), returning w. It
// appends nothing if no value was added.
func (c *intChunks) finish(w []byte) []byte {
	c.close()
	if len(c.out) == 0 {
		return w
	}
	w = binary.AppendUvarint(w, uint64(len(c.lens)))
	var end uint64
	for _, l := range c.lens {
		end += l
		w = binary.AppendUvarint(w, end)
	}
	return append(w, c.out...)
}

// contentChunks encodes one field's doc values: per chunk, a header of
// (document, end offset) pairs and the snappy-compressed values.
type contentChunks struct {
	chunkSize uint64
	lens      []uint64
	cur       uint64
	meta      []uint64 // doc, end offset pairs of the current chunk
	buf       []byte
	out       []byte
	tmp       []byte
}

func newContentChunks(chunkSize, numDocs uint64) *contentChunks {
	return &contentChunks{chunkSize: chunkSize, lens: make([]uint64, (numDocs-1)/chunkSize+1)}
}

func (c *contentChunks) add(doc uint64, val []byte) {
	if ch := doc / c.chunkSize; ch != c.cur {
		c.close()
		c.cur = ch
	}
	c.buf = append(c.buf, val...)
	c.meta = append(c.meta, doc, uint64(len(c.buf)))
}

func (c *contentChunks) close() {
	start := len(c.out)
	c.out = binary.AppendUvarint(c.out, uint64(len(c.meta)/2))
	for _, v := range c.meta {
		c.out = binary.AppendUvarint(c.out, v)
	}
	c.tmp = snappy.Encode(c.tmp[:cap(c.tmp)], c.buf)
	c.out = append(c.out, c.tmp...)
	c.lens[c.cur] = uint64(len(c.out) - start)
	c.meta = c.meta[:0]
	c.buf = c.buf[:0]
}

// finish closes the last chunk and appends the encoding to w: the
// chunks, their end offsets as varints, the byte length of those offsets
// and the number of chunks (8 bytes each, big-endian).
func (c *contentChunks) finish(w []byte) []byte {
	c.close()
	w = append(w, c.out...)
	start := len(w)
	var end uint64
	for _, l := range c.lens {
		end += l
		w = binary.AppendUvarint(w, end)
	}
	w = binary.BigEndian.AppendUint64(w, uint64(len(w)-start))
	return binary.BigEndian.AppendUint64(w, uint64(len(c.lens)))
}
