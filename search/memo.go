package search

import (
	"bytes"
	"hash/maphash"
)

// memoTable is a termMemo's table of raw tokens: open addressing with
// linear probing, each slot a token's hash and its entry, and the token
// itself kept in the entry. Nearly every token of a bulk ingest is
// looked up here, and a Go map of strings costs up to three cache misses
// a look-up (its control word, its key's header, the key's bytes), about
// a sixth of the ingest's CPU: here a hit reads the slot and the entry's
// first cache line, which holds what the caller reads next. Tokens
// longer than memoKeyInline bytes, few in any text, are kept in a map.
type memoTable struct {
	slots []memoSlot // a power of two of them
	long  map[string]*memoTerm
	used  int // slots used
	n     int // entries, in slots and in long
}

type memoSlot struct {
	hash uint64
	t    *memoTerm
}

var memoSeed = maphash.MakeSeed()

func memoHash(key []byte) uint64 { return maphash.Bytes(memoSeed, key) }

// get returns the entry of key (with its hash h), nil if none.
func (m *memoTable) get(key []byte, h uint64) *memoTerm {
	if len(key) > memoKeyInline {
		return m.long[string(key)]
	}
	if len(m.slots) == 0 {
		return nil
	}
	mask := uint64(len(m.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &m.slots[i]
		if s.t == nil {
			return nil
		}
		if s.hash == h && s.t.is(key) {
			return s.t
		}
	}
}

// candidate returns key's entry, nil if it has none; unless two keys of
// at most memoKeyInline bytes share all 64 bits of their hash, which
// confirm checks, so that a caller can read the slots of many keys
// before it waits on their entries. (A longer key's entry is looked up
// in full.)
func (m *memoTable) candidate(key []byte) *memoTerm {
	if len(key) > memoKeyInline {
		return m.long[string(key)]
	}
	return m.first(memoHash(key))
}

// first returns the first entry in the slots whose hash is h, nil if none.
func (m *memoTable) first(h uint64) *memoTerm {
	if len(m.slots) == 0 {
		return nil
	}
	mask := uint64(len(m.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &m.slots[i]
		if s.t == nil || s.hash == h {
			return s.t
		}
	}
}

// confirm reports whether t, candidate's answer for key, is key's entry.
func (m *memoTable) confirm(t *memoTerm, key []byte) bool {
	return len(key) > memoKeyInline || t.is(key)
}

// put adds t, the entry of key (with hash h), which is not in the table.
func (m *memoTable) put(t *memoTerm, key []byte, h uint64) {
	m.n++
	if len(key) > memoKeyInline {
		if m.long == nil {
			m.long = map[string]*memoTerm{}
		}
		m.long[string(key)] = t
		return
	}
	if 10*(m.used+1) > 7*len(m.slots) {
		old := m.slots
		m.slots = make([]memoSlot, max(1024, 2*len(old)))
		for _, s := range old {
			if s.t != nil {
				m.insert(s)
			}
		}
	}
	m.insert(memoSlot{hash: h, t: t})
	m.used++
}

func (m *memoTable) insert(s memoSlot) {
	mask := uint64(len(m.slots) - 1)
	i := s.hash & mask
	for m.slots[i].t != nil {
		i = (i + 1) & mask
	}
	m.slots[i] = s
}

// memoKeyInline is the longest raw token a memoTerm holds in itself,
// which makes a memoTerm 128 bytes: two cache lines, the first read by
// the analysis (key, term, spell), the second by the segment writer
// (refs).
const memoKeyInline = 15

// setKey records the raw token t is the analysis of, if short enough to
// be held in t.
func (t *memoTerm) setKey(key []byte) {
	if len(key) <= memoKeyInline {
		t.keyLen = uint8(len(key))
		copy(t.keyShort[:], key)
	}
}

// is reports whether t is the analysis of the raw token key, of at most
// memoKeyInline bytes.
func (t *memoTerm) is(key []byte) bool {
	return int(t.keyLen) == len(key) && bytes.Equal(t.keyShort[:len(key)], key)
}
