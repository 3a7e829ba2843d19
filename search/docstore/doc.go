package docstore

import (
	"encoding/binary"
	"fmt"
	"sort"

	"github.com/golang/snappy"
)

// Doc is one record's blob, opened for reading: its metadata is read, its
// paragraph table and body only where asked. Every method costs the same
// whatever the length of the document, but for Text, which reads the
// blocks of the range it returns, and paragraph lookups, which take a
// binary search. A Doc is used by one goroutine.
type Doc struct {
	s       *Store
	loc     loc
	meta    []byte
	nParas  int
	bodyLen int
	nBlocks int
	paraOff uint64  // offset of the paragraph table in the data file
	endsOff uint64  // of the block ends
	blkOff  uint64  // of the first block
	paras   []byte  // the paragraph table, once read (see table)
	blocks  []block // decompressed blocks, oldest first (see Text)
}

// maxTableRead is the largest paragraph table read whole (128k
// paragraphs); a larger one is searched in place, a few bytes a step.
const maxTableRead = 1 << 20

// table returns the paragraph table, reading it on first use, or nil when
// it is too large to read whole.
func (d *Doc) table() ([]byte, error) {
	if d.paras == nil && d.nParas > 0 && paraLen*d.nParas <= maxTableRead {
		buf := make([]byte, paraLen*d.nParas)
		if err := d.s.readAt(d.loc.file, buf, int64(d.paraOff)); err != nil {
			return nil, err
		}
		d.paras = buf
	}
	return d.paras, nil
}

// entry reads paragraph i's start and page.
func (d *Doc) entry(i int) (start, page int, err error) {
	t, err := d.table()
	if err != nil {
		return 0, 0, err
	}
	var buf [paraLen]byte
	e := buf[:]
	if t != nil {
		e = t[paraLen*i:]
	} else if err := d.s.readAt(d.loc.file, e, int64(d.paraOff)+int64(paraLen*i)); err != nil {
		return 0, 0, err
	}
	return int(binary.LittleEndian.Uint32(e)), int(binary.LittleEndian.Uint32(e[4:])), nil
}

// Get opens the blob of a record; an ID the store lacks gives ErrNotFound.
func (s *Store) Get(id string) (*Doc, error) {
	l, ok := s.locs[id]
	if !ok {
		return nil, ErrNotFound
	}
	head := make([]byte, min(l.len, 4096))
	if err := s.readAt(l.file, head, int64(l.off)); err != nil {
		return nil, fmt.Errorf("document %q: %w", id, err)
	}
	if len(head) < headerLen {
		return nil, fmt.Errorf("document %q: blob too short", id)
	}
	d := &Doc{s: s, loc: l,
		nParas:  int(binary.LittleEndian.Uint32(head[4:])),
		bodyLen: int(binary.LittleEndian.Uint32(head[8:])),
		nBlocks: int(binary.LittleEndian.Uint32(head[12:])),
	}
	metaLen := uint64(binary.LittleEndian.Uint32(head[0:]))
	d.paraOff = l.off + headerLen + metaLen
	d.endsOff = d.paraOff + uint64(paraLen*d.nParas)
	d.blkOff = d.endsOff + uint64(4*d.nBlocks)
	if d.blkOff > l.off+l.len {
		return nil, fmt.Errorf("document %q: corrupt blob", id)
	}
	if headerLen+metaLen <= uint64(len(head)) {
		d.meta = head[headerLen : headerLen+metaLen]
	} else {
		d.meta = make([]byte, metaLen)
		if err := s.readAt(l.file, d.meta, int64(l.off+headerLen)); err != nil {
			return nil, fmt.Errorf("document %q: %w", id, err)
		}
	}
	return d, nil
}

// Meta returns the record's metadata as stored.
func (d *Doc) Meta() []byte { return d.meta }

// Len is the length of the body in bytes.
func (d *Doc) Len() int { return d.bodyLen }

// Paragraphs is the number of paragraphs.
func (d *Doc) Paragraphs() int { return d.nParas }

// Paragraph returns where paragraph i (0-based) starts in the body, where
// it ends (before the Sep joining it to the next) and its page.
func (d *Doc) Paragraph(i int) (start, end, page int, err error) {
	if i < 0 || i >= d.nParas {
		return 0, 0, 0, fmt.Errorf("paragraph %d of %d", i, d.nParas)
	}
	if start, page, err = d.entry(i); err != nil {
		return 0, 0, 0, err
	}
	end = d.bodyLen
	if i+1 < d.nParas {
		next, _, err := d.entry(i + 1)
		if err != nil {
			return 0, 0, 0, err
		}
		end = next - len(Sep)
	}
	return start, max(end, start), page, nil
}

// ParagraphAt returns the index of the paragraph holding byte off of the
// body (the last one starting at or before it).
func (d *Doc) ParagraphAt(off int) (int, error) {
	if d.nParas == 0 {
		return 0, fmt.Errorf("no paragraphs")
	}
	var err error
	i := sort.Search(d.nParas, func(i int) bool {
		if err != nil {
			return true
		}
		var start int
		start, _, err = d.entry(i)
		return start > off
	})
	if err != nil {
		return 0, err
	}
	return max(i-1, 0), nil
}

// Text returns bytes [start, end) of the body, clipped to it. A short
// range goes through a small cache of decompressed blocks (a hit's
// snippets often read the same block twice); a long one is decompressed
// straight into the result.
func (d *Doc) Text(start, end int) ([]byte, error) {
	start, end = max(start, 0), min(end, d.bodyLen)
	if start >= end {
		return nil, nil
	}
	first, last := start/blockSize, (end-1)/blockSize
	if last-first >= cacheBlocks/2 {
		// Each block is decompressed into its place in out.
		out := make([]byte, 0, (last-first+1)*blockSize)
		err := d.decode(first, last-first+1, out[:blockSize], func(b []byte) []byte {
			if n := len(out); len(b) > 0 && n < cap(out) && &out[:n+1][n] == &b[0] {
				out = out[:n+len(b)] // decompressed in place
			} else {
				out = append(out, b...)
			}
			return out[len(out):min(len(out)+blockSize, cap(out))]
		})
		if err != nil {
			return nil, err
		}
		base := first * blockSize
		return out[start-base : end-base], nil
	}
	out := make([]byte, 0, end-start)
	for k := first; k <= last; k++ {
		b, ok := d.cached(k)
		if !ok {
			var dst []byte
			if len(d.blocks) >= cacheBlocks {
				dst = d.blocks[0].text // reused: it is evicted
				d.blocks = append(d.blocks[:0], d.blocks[1:]...)
			}
			err := d.decode(k, 1, dst[:cap(dst)], func(text []byte) []byte {
				b = text
				return nil
			})
			if err != nil {
				return nil, err
			}
			d.blocks = append(d.blocks, block{k, b})
		}
		lo, hi := max(start-k*blockSize, 0), min(end-k*blockSize, len(b))
		out = append(out, b[lo:hi]...)
	}
	return out, nil
}

// cacheBlocks is how many decompressed blocks a Doc keeps: the snippets
// of a hit read the blocks around a few matches, often the same ones.
const cacheBlocks = 8

// block is one decompressed block of a body.
type block struct {
	k    int
	text []byte
}

// cached returns block k if it is in the Doc's cache.
func (d *Doc) cached(k int) ([]byte, bool) {
	for _, b := range d.blocks {
		if b.k == k {
			return b.text, true
		}
	}
	return nil, false
}

// decode reads blocks [k, k+n) and passes each, decompressed, to use in
// order. Block k is decompressed into dst if it fits, each next one into
// the buffer use returned (else into a new one).
func (d *Doc) decode(k, n int, dst []byte, use func(text []byte) []byte) error {
	ends := make([]byte, 4*(n+1))
	endsAt := int64(d.endsOff) + int64(4*(k-1))
	if k == 0 {
		ends = ends[4:]
		endsAt += 4
	}
	if err := d.s.readAt(d.loc.file, ends, endsAt); err != nil {
		return err
	}
	bound := func(i int) uint64 { // compressed offset where block k+i starts
		if k == 0 {
			if i == 0 {
				return 0
			}
			return uint64(binary.LittleEndian.Uint32(ends[4*(i-1):]))
		}
		return uint64(binary.LittleEndian.Uint32(ends[4*i:]))
	}
	lo, hi := bound(0), bound(n)
	if hi < lo {
		return fmt.Errorf("blocks %d to %d: corrupt block table", k, k+n)
	}
	comp := make([]byte, hi-lo)
	if err := d.s.readAt(d.loc.file, comp, int64(d.blkOff+lo)); err != nil {
		return err
	}
	for i := range n {
		if bound(i+1) < bound(i) {
			return fmt.Errorf("block %d: corrupt block table", k+i)
		}
		b, err := snappy.Decode(dst, comp[bound(i)-lo:bound(i+1)-lo])
		if err != nil {
			return fmt.Errorf("block %d: %w", k+i, err)
		}
		d.s.unpacked.Add(int64(len(b)))
		dst = use(b)
	}
	return nil
}
