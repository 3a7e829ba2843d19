package zapwrite

import "encoding/binary"

// postingsLog holds the postings of a Writer: per term, a chain of
// slices, each twice as large as the one before up to maxSlice, carved
// from blocks of blockSize bytes (as Lucene's byte block pool does). A
// term's postings are read slice by slice, sequentially, and the blocks
// hold no pointers, so the garbage collector never scans them, and they
// are never copied to grow. A slice begins with the address (plus one)
// of the term's next slice, 0 for none, and the number of bytes it uses,
// both little endian uint32, written when the slice is full or the
// segment is written. An address is a block number times 2^22 plus an
// offset in the block.
//
// The blocks are mapped outside the Go heap where the system allows
// (mapBlock), so they must be given back by release; a Writer does so
// when it has written its segment, or when it is collected unwritten.
type postingsLog struct {
	blocks [][]byte
	unmap  []func() // give back the blocks from mapBlock
	mapped int      // bytes of them
	used   int      // bytes used of the last block
	held   int
}

const (
	blockBits   = 22
	blockSize   = 1 << blockBits
	maxBlocks   = 1<<(32-blockBits) - 1 // addresses, plus one, fit in 32 bits
	sliceHeader = 8
	firstSlice  = 24
	maxSlice    = 16 << 10
)

// alloc returns the address of n fresh bytes.
func (l *postingsLog) alloc(n int) uint32 {
	if len(l.blocks) == 0 || l.used+n > len(l.blocks[len(l.blocks)-1]) {
		if len(l.blocks) >= maxBlocks {
			panic("zapwrite: postings log full") // the caller writes a segment long before (bulkSegmentBytes)
		}
		b, unmap, ok := mapBlock(max(blockSize, n))
		if ok {
			l.unmap = append(l.unmap, unmap)
			l.mapped += len(b)
			addMapped(len(b))
		} else {
			b = make([]byte, max(blockSize, n))
		}
		l.blocks = append(l.blocks, b)
		l.held += max(blockSize, n)
		l.used = 0
	}
	addr := uint32(len(l.blocks)-1)<<blockBits | uint32(l.used)
	l.used += n
	if len(l.blocks[len(l.blocks)-1]) > blockSize {
		l.used = len(l.blocks[len(l.blocks)-1]) // a block of its own: nothing else goes in
	}
	return addr
}

// release gives back the blocks; the log is empty afterwards.
func (l *postingsLog) release() {
	for _, unmap := range l.unmap {
		unmap()
	}
	if l.mapped != 0 {
		addMapped(-l.mapped)
	}
	*l = postingsLog{}
}

// at returns the n bytes at addr.
func (l *postingsLog) at(addr uint32, n int) []byte {
	off := int(addr & (blockSize - 1))
	return l.blocks[addr>>blockBits][off : off+n]
}

func (l *postingsLog) size() int { return l.held }

// termLog is where one term's postings are being written: its first
// slice and the one being filled.
type termLog struct {
	head uint32 // address of the first slice, plus one; 0 before any
	tail uint32 // address of the slice being filled
	used uint32 // bytes of it used
	cap  uint32 // bytes it can hold
}

// append adds e to the term's postings.
func (l *postingsLog) append(t *termLog, e []byte) {
	if t.head == 0 || int(t.used)+len(e) > int(t.cap) {
		size := firstSlice
		if t.head != 0 {
			size = min(2*int(t.cap), maxSlice)
		}
		size = max(size, len(e))
		addr := l.alloc(sliceHeader + size)
		if t.head == 0 {
			t.head = addr + 1
		} else {
			l.close(t, addr+1)
		}
		t.tail, t.used, t.cap = addr, 0, uint32(size)
	}
	copy(l.at(t.tail+sliceHeader+t.used, len(e)), e)
	t.used += uint32(len(e))
}

// close writes the header of the term's slice being filled: the address
// of the next one (plus one; 0 for none) and the bytes it uses.
func (l *postingsLog) close(t *termLog, next uint32) {
	h := l.at(t.tail, sliceHeader)
	binary.LittleEndian.PutUint32(h, next)
	binary.LittleEndian.PutUint32(h[4:], t.used)
}

// next returns the bytes used in the slice at addr (plus one) and the
// address (plus one) of the next slice.
func (l *postingsLog) next(addr uint32) ([]byte, uint32) {
	h := l.at(addr-1, sliceHeader)
	next, used := binary.LittleEndian.Uint32(h), binary.LittleEndian.Uint32(h[4:])
	return l.at(addr-1+sliceHeader, int(used)), next
}
