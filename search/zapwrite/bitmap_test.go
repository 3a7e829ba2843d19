package zapwrite

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/RoaringBitmap/roaring/v2"
)

// TestBitmapMatchesRoaring: appendBitmap writes what roaring's ToBytes
// writes for the same documents added with AddMany, for sets of one
// document, arrays up to the 4,096 limit, bitmaps just past it, full
// blocks and sets spread over many blocks.
func TestBitmapMatchesRoaring(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	sets := [][]uint32{{0}, {7}, {65535}, {65536}, {1<<32 - 1}}
	span := func(from, n, step uint32) []uint32 {
		var out []uint32
		for i := range n {
			out = append(out, from+i*step)
		}
		return out
	}
	sets = append(sets,
		span(0, 4096, 1), span(0, 4097, 1), span(10, 4096, 16), span(3, 4097, 15),
		span(0, 65536, 1), span(0, 200000, 1), span(100, 3*65536, 3),
		append(span(0, 4096, 1), span(65536, 4097, 1)...))
	for range 50 {
		n := 1 + r.IntN(20000)
		max := uint32(1 + r.IntN(500000))
		seen := map[uint32]bool{}
		var s []uint32
		for range n {
			d := r.Uint32N(max)
			if !seen[d] {
				seen[d] = true
				s = append(s, d)
			}
		}
		slices.Sort(s)
		sets = append(sets, s)
	}
	for _, docs := range sets {
		bm := roaring.New()
		bm.AddMany(docs)
		bits, err := bm.ToBytes()
		if err != nil {
			t.Fatal(err)
		}
		want := append(binary.AppendUvarint(nil, uint64(len(bits))), bits...)
		got, err := appendBitmap(nil, docs)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("%d documents from %d to %d: %d bytes, roaring's %d", len(docs), docs[0], docs[len(docs)-1], len(got), len(want))
		}
	}
}
