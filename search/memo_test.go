package search

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"
)

// The memo's table finds every token put in it, short or long, and no
// other, also when hashes collide.
func TestMemoTable(t *testing.T) {
	var m memoTable
	keys := []string{"", "a", "A", "drug", "drugs", strings.Repeat("x", memoKeyInline),
		strings.Repeat("x", memoKeyInline+1), strings.Repeat("x", memoKeyInline+2) + "y",
		"Entwicklungszusammenarbeit", "наркотики"}
	for i := range 5000 {
		keys = append(keys, fmt.Sprintf("w%d", i))
	}
	for i, k := range keys {
		h := memoHash([]byte(k))
		if i%3 == 0 {
			h = 42 // a run of colliding hashes
		}
		if m.get([]byte(k), h) != nil {
			t.Fatalf("%q found before it was put", k)
		}
		m.put(newMemoTerm([]byte(k), []byte(k), nil), []byte(k), h)
	}
	for i, k := range keys {
		h := memoHash([]byte(k))
		if i%3 == 0 {
			h = 42
		}
		got := m.get([]byte(k), h)
		if got == nil || string(got.term) != k {
			t.Fatalf("get(%q) = %v", k, got)
		}
		if c := m.candidate([]byte(k)); h != 42 && (c == nil || !m.confirm(c, []byte(k)) || c != got) {
			t.Fatalf("candidate(%q) = %v, want its entry, confirmed", k, c)
		}
		if len(k) > memoKeyInline {
			continue // kept in a map, not in the slots
		}
		if c := m.first(h); h != 42 && c != got {
			t.Fatalf("first(hash of %q) = %v, want its entry", k, c)
		} else if h == 42 && (c == nil || string(c.term) != keys[0]) {
			t.Fatalf("first of the colliding hash = %v, want the first key put with it", c)
		}
	}
	for _, k := range []string{"b", "drug ", strings.Repeat("x", memoKeyInline-1), strings.Repeat("x", memoKeyInline+3), "w5000"} {
		if got := m.get([]byte(k), memoHash([]byte(k))); got != nil {
			t.Errorf("get(%q) = %q, want none", k, got.term)
		}
		if got := m.get([]byte(k), 42); got != nil {
			t.Errorf("get(%q) with a colliding hash = %q, want none", k, got.term)
		}
		if c := m.candidate([]byte(k)); c != nil && m.confirm(c, []byte(k)) {
			t.Errorf("candidate(%q) = %q, confirmed, want none", k, c.term)
		}
	}
	if m.n != len(keys) {
		t.Errorf("n = %d, want %d", m.n, len(keys))
	}
}

// A memo entry is two cache lines: the analysis reads the first, the
// segment writer the second.
func TestMemoTermSize(t *testing.T) {
	if n := unsafe.Sizeof(memoTerm{}); n != 128 {
		t.Fatalf("memoTerm is %d bytes, want 128", n)
	}
	if off := unsafe.Offsetof(memoTerm{}.refs); off != 64 {
		t.Fatalf("memoTerm.refs at byte %d, want 64", off)
	}
}
