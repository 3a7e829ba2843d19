package docstore

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// put adds a record whose body is paras joined by "\n\n".
func put(t *testing.T, s *Store, id, meta string, paras ...string) string {
	t.Helper()
	var starts, pages []uint32
	off := 0
	for i, p := range paras {
		starts = append(starts, uint32(off))
		pages = append(pages, uint32(i+1))
		off += len(p) + 2
	}
	body := strings.Join(paras, "\n\n")
	if err := s.Put(id, []byte(meta), body, starts, pages); err != nil {
		t.Fatal(err)
	}
	return body
}

func TestStoreRoundTrip(t *testing.T) {
	dir := t.TempDir()
	w, err := OpenWriter(dir)
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("coca leaf and eradication policy. ", 5000) // 170 KB: several blocks
	bodies := map[string]string{
		"short": put(t, w, "short", `{"title":"short"}`, "One paragraph."),
		"long":  put(t, w, "long", `{"title":"long"}`, "Intro.", long, "Ending with ñ and 日本."),
		"empty": put(t, w, "empty", `{"title":"empty"}`),
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	w.Close()

	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Len() != 3 {
		t.Errorf("Len = %d", s.Len())
	}
	for id, body := range bodies {
		d, err := s.Get(id)
		if err != nil {
			t.Fatalf("Get(%s): %v", id, err)
		}
		if want := fmt.Sprintf(`{"title":"%s"}`, id); string(d.Meta()) != want {
			t.Errorf("%s: meta %q", id, d.Meta())
		}
		if d.Len() != len(body) {
			t.Errorf("%s: Len %d, want %d", id, d.Len(), len(body))
		}
		got, err := d.Text(0, d.Len())
		if err != nil || string(got) != body {
			t.Errorf("%s: whole text differs (%v)", id, err)
		}
		// Windows across block boundaries.
		for _, r := range [][2]int{{blockSize - 10, blockSize + 10}, {5, 9}, {3 * blockSize, 3*blockSize + 1}, {len(body) - 7, len(body) + 100}} {
			got, err := d.Text(r[0], r[1])
			lo, hi := min(max(r[0], 0), len(body)), min(r[1], len(body))
			if err != nil || string(got) != body[lo:max(lo, hi)] {
				t.Errorf("%s: Text(%d, %d) = %q, %v", id, r[0], r[1], got, err)
			}
		}
	}
	// One Doc read window after window, as a hit's snippets are: the
	// cache of decompressed blocks fills, evicts and is reused; every
	// window (short or long) must still be the body's bytes.
	d, _ := s.Get("long")
	body := bodies["long"]
	for i := range 60 {
		lo := (i * 7919 * 1031) % len(body)
		hi := lo + []int{1, 300, blockSize, 2*blockSize + 5, 6 * blockSize}[i%5]
		got, err := d.Text(lo, hi)
		if want := body[lo:min(hi, len(body))]; err != nil || string(got) != want {
			t.Fatalf("window %d: Text(%d, %d): %d bytes, want %d (%v)", i, lo, hi, len(got), len(want), err)
		}
	}
	if len(d.blocks) > cacheBlocks {
		t.Errorf("%d blocks cached, at most %d", len(d.blocks), cacheBlocks)
	}
	if d.Paragraphs() != 3 {
		t.Fatalf("paragraphs = %d", d.Paragraphs())
	}
	start, end, page, err := d.Paragraph(1)
	if err != nil || start != len("Intro.")+2 || end != start+len(long) || page != 2 {
		t.Errorf("Paragraph(1) = %d, %d, %d, %v", start, end, page, err)
	}
	for off, want := range map[int]int{0: 0, 7: 0, 8: 1, 8 + len(long): 1, 10 + len(long): 2, d.Len() - 1: 2} {
		if got, err := d.ParagraphAt(off); got != want || err != nil {
			t.Errorf("ParagraphAt(%d) = %d, %v; want %d", off, got, err, want)
		}
	}
	if _, err := s.Get("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get(unknown) error = %v", err)
	}
}

// TestStoreCompacts: updating every record again and again leaves a store
// of the same size, not one that grows with each run.
func TestStoreCompacts(t *testing.T) {
	dir := t.TempDir()
	var sizes []int64
	for run := range 6 {
		w, err := OpenWriter(dir)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 50 {
			put(t, w, fmt.Sprint("r", i), fmt.Sprint(`{"run":`, run, `}`), strings.Repeat(fmt.Sprint("text ", i, " "), 200))
		}
		w.Delete("r0")
		if err := w.Commit(); err != nil {
			t.Fatal(err)
		}
		w.Close()
		var n int64
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			fi, _ := e.Info()
			n += fi.Size()
		}
		sizes = append(sizes, n)
	}
	if sizes[5] > sizes[0]*5/2 {
		t.Errorf("store sizes over six runs: %v; want no growth past the garbage bound", sizes)
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Len() != 49 {
		t.Errorf("Len = %d, want 49", s.Len())
	}
	d, err := s.Get("r7")
	if err != nil || string(d.Meta()) != `{"run":5}` {
		t.Errorf("r7 after six runs: %v, %v", d, err)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "data-*")); len(m) > 2 {
		t.Errorf("%d data files kept: %v", len(m), m)
	}
}

func TestStoreCorruptTable(t *testing.T) {
	dir := t.TempDir()
	w, _ := OpenWriter(dir)
	put(t, w, "a", "{}", "text")
	w.Commit()
	w.Close()
	p := filepath.Join(dir, tableName)
	b, _ := os.ReadFile(p)
	b[len(tableMagic)+1] ^= 0xff
	os.WriteFile(p, b, 0o644)
	if _, err := Open(dir); err == nil || !strings.Contains(err.Error(), "checksum") {
		t.Errorf("Open(corrupt table) error = %v", err)
	}
}
