// Package docstore keeps the text and metadata of an index's records
// outside bleve, so that reading a window of a long document costs the
// same as reading one of a short one, and so that segment merges never
// copy the stored text again.
//
// A store is a folder (one per index generation) of append-only data files
// and one table:
//
//	data-000001   blobs appended by the first build, never rewritten
//	data-000002   blobs of a later incremental build
//	table         ID -> (data file, offset, length) of every live record
//
// A blob holds a record's metadata (opaque bytes, JSON for the search
// package), its paragraph table (byte offset where each paragraph starts
// in the body, and its page) and its body text: the paragraphs joined by
// "\n\n", exactly the text the search index analysed, so offsets of
// matches the index returns point into it. The body is cut in blocks of
// 16 KiB (blockSize), each compressed on its own (snappy), so a window of
// text is read by decompressing one or two blocks, whatever the length of
// the document.
//
// Data files are immutable once written, so the next generation's store
// links them instead of copying them (see the search package's copyDir).
// A build appends to a new data file and writes a new table; when less
// than half the bytes of the data files belong to live records (updates
// and deletions leave the old blobs behind), Commit rewrites the live ones
// into a fresh file, so a store does not grow on its own.
package docstore

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/golang/snappy"
)

// Sep joins the paragraphs of a body: Put's callers join with it, and a
// paragraph ends where Sep before the next one begins.
const Sep = "\n\n"

// blockSize is how many bytes of body text are compressed together: a
// snippet decompresses one or two blocks. It is part of the format: a
// change needs a new tableMagic.
const blockSize = 16 << 10

// ErrNotFound is returned by Get for an ID the store does not hold.
var ErrNotFound = errors.New("not in the document store")

const (
	tableName  = "table"
	dataPrefix = "data-"
	tableMagic = "briefs-docstore 1\n"
	headerLen  = 16 // metaLen, nParas, bodyLen, nBlocks: uint32 each
	paraLen    = 8  // start, page: uint32 each
)

// loc is where a record's blob is.
type loc struct {
	file uint32
	off  uint64
	len  uint64
}

// Store is the document store of one generation. A store opened with Open
// is read-only and safe for concurrent use; one opened with OpenWriter is
// used by one goroutine (a Builder).
type Store struct {
	dir  string
	locs map[string]loc

	mu    sync.Mutex
	files map[uint32]*os.File // opened on first read

	unpacked atomic.Int64 // bytes of text decompressed, see Unpacked

	// Writing.
	w    *bufio.Writer
	wf   *os.File
	wnum uint32
	woff uint64
	// Put's buffers, kept between records: a block's text and a record's
	// compressed blocks (at most maxKeptBytes kept).
	src, enc []byte
}

// maxKeptBytes bounds the compressed text Put keeps a buffer for between
// records: a huge record's is let go.
const maxKeptBytes = 1 << 20

// Unpacked returns how many bytes of body text reads have decompressed
// since the store was opened: what reading windows of text costs, which
// should not grow with the length of the documents read.
func (s *Store) Unpacked() int64 { return s.unpacked.Load() }

// DataFile reports whether name is a data file of a store (immutable once
// written, so it may be hard-linked into the next generation's store).
func DataFile(name string) bool { return strings.HasPrefix(name, dataPrefix) }

// Open opens the store in dir for reading.
func Open(dir string) (*Store, error) {
	s := &Store{dir: dir, files: map[uint32]*os.File{}}
	var err error
	if s.locs, err = readTable(filepath.Join(dir, tableName)); err != nil {
		return nil, fmt.Errorf("open document store %s: %w", dir, err)
	}
	// Open every data file now: a later generation's writer may remove
	// this folder while we read it, and open files outlive their names.
	for _, l := range s.locs {
		if _, err := s.file(l.file); err != nil {
			s.Close()
			return nil, fmt.Errorf("open document store %s: %w", dir, err)
		}
	}
	return s, nil
}

// OpenWriter opens the store in dir (creating it if needed) to add and
// delete records; new blobs go to a new data file. Nothing is visible to
// readers of dir until Commit writes the table.
func OpenWriter(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	s := &Store{dir: dir, files: map[uint32]*os.File{}, locs: map[string]loc{}}
	locs, err := readTable(filepath.Join(dir, tableName))
	switch {
	case err == nil:
		s.locs = locs
	case !errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("open document store %s: %w", dir, err)
	}
	nums, err := s.dataFiles()
	if err != nil {
		return nil, err
	}
	s.wnum = 1
	if len(nums) > 0 {
		s.wnum = nums[len(nums)-1] + 1
	}
	s.wf, err = os.OpenFile(s.dataPath(s.wnum), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, err
	}
	s.w = bufio.NewWriterSize(s.wf, 1<<20)
	return s, nil
}

func (s *Store) dataPath(n uint32) string {
	return filepath.Join(s.dir, fmt.Sprintf("%s%06d", dataPrefix, n))
}

// dataFiles lists the numbers of the data files in the folder, ascending.
func (s *Store) dataFiles() ([]uint32, error) {
	ents, err := os.ReadDir(s.dir)
	if err != nil {
		return nil, err
	}
	var out []uint32
	for _, e := range ents {
		if n, ok := strings.CutPrefix(e.Name(), dataPrefix); ok {
			if v, err := strconv.ParseUint(n, 10, 32); err == nil {
				out = append(out, uint32(v))
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, nil
}

// Len is the number of records in the store.
func (s *Store) Len() int { return len(s.locs) }

// Put adds or replaces a record: its metadata, its body (the paragraphs
// joined by "\n\n") and, for each paragraph, the offset in body where it
// starts and its page (0 if none).
func (s *Store) Put(id string, meta []byte, body string, starts, pages []uint32) error {
	if s.w == nil {
		return errors.New("document store: not opened for writing")
	}
	if len(pages) != len(starts) {
		return fmt.Errorf("document store: %d pages for %d paragraphs", len(pages), len(starts))
	}
	if uint64(len(body)) > 1<<32-1 || uint64(len(meta)) > 1<<32-1 {
		return fmt.Errorf("document store: record %q too large", id)
	}
	nBlocks := (len(body) + blockSize - 1) / blockSize
	var hdr [headerLen]byte
	binary.LittleEndian.PutUint32(hdr[0:], uint32(len(meta)))
	binary.LittleEndian.PutUint32(hdr[4:], uint32(len(starts)))
	binary.LittleEndian.PutUint32(hdr[8:], uint32(len(body)))
	binary.LittleEndian.PutUint32(hdr[12:], uint32(nBlocks))
	paras := make([]byte, paraLen*len(starts))
	for i := range starts {
		binary.LittleEndian.PutUint32(paras[paraLen*i:], starts[i])
		binary.LittleEndian.PutUint32(paras[paraLen*i+4:], pages[i])
	}
	ends := make([]byte, 4*nBlocks)
	enc := s.enc[:0]
	for i := range nBlocks {
		lo, hi := i*blockSize, min((i+1)*blockSize, len(body))
		s.src = append(s.src[:0], body[lo:hi]...)
		at, room := len(enc), snappy.MaxEncodedLen(hi-lo)
		enc = slices.Grow(enc, room)
		enc = enc[:at+len(snappy.Encode(enc[at:at+room], s.src))]
		binary.LittleEndian.PutUint32(ends[4*i:], uint32(len(enc)))
	}
	if s.enc = enc; cap(enc) > maxKeptBytes {
		s.enc = nil
	}
	start := s.woff
	for _, part := range [][]byte{hdr[:], meta, paras, ends, enc} {
		if _, err := s.w.Write(part); err != nil {
			return err
		}
		s.woff += uint64(len(part))
	}
	s.locs[id] = loc{file: s.wnum, off: start, len: s.woff - start}
	return nil
}

// Delete removes a record, if the store holds it.
func (s *Store) Delete(id string) { delete(s.locs, id) }

// Commit writes the new blobs and the table to disk (both fsynced), after
// compacting the store if less than half of its data is live, and removes
// data files no record uses. The store stays open for reading.
func (s *Store) Commit() error {
	if s.w == nil {
		return errors.New("document store: not opened for writing")
	}
	if err := s.closeWriter(); err != nil {
		return err
	}
	if err := s.compact(); err != nil {
		return err
	}
	if err := writeTable(filepath.Join(s.dir, tableName), s.locs); err != nil {
		return err
	}
	return s.removeUnused()
}

func (s *Store) closeWriter() error {
	err := s.w.Flush()
	if err == nil {
		err = s.wf.Sync()
	}
	if cerr := s.wf.Close(); err == nil {
		err = cerr
	}
	s.w, s.wf = nil, nil
	return err
}

// compact rewrites the live blobs into a new data file when they are less
// than half of the data files' bytes.
func (s *Store) compact() error {
	nums, err := s.dataFiles()
	if err != nil {
		return err
	}
	var total, live uint64
	for _, n := range nums {
		fi, err := os.Stat(s.dataPath(n))
		if err != nil {
			return err
		}
		total += uint64(fi.Size())
	}
	for _, l := range s.locs {
		live += l.len
	}
	if live*2 >= total || len(nums) == 0 {
		return nil
	}
	num := nums[len(nums)-1] + 1
	f, err := os.OpenFile(s.dataPath(num), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	ids := make([]string, 0, len(s.locs))
	for id := range s.locs {
		ids = append(ids, id)
	}
	sort.Strings(ids) // a deterministic file
	next := make(map[string]loc, len(s.locs))
	var off uint64
	for _, id := range ids {
		l := s.locs[id]
		blob := make([]byte, l.len)
		if err := s.readAt(l.file, blob, int64(l.off)); err != nil {
			f.Close()
			return err
		}
		if _, err := w.Write(blob); err != nil {
			f.Close()
			return err
		}
		next[id] = loc{file: num, off: off, len: l.len}
		off += l.len
	}
	err = w.Flush()
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	s.locs = next
	return nil
}

// removeUnused deletes the data files no record points into. The files
// are links shared with earlier generations: removing a name here leaves
// theirs.
func (s *Store) removeUnused() error {
	used := map[uint32]bool{}
	for _, l := range s.locs {
		used[l.file] = true
	}
	nums, err := s.dataFiles()
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, n := range nums {
		if used[n] {
			continue
		}
		if f := s.files[n]; f != nil {
			f.Close()
			delete(s.files, n)
		}
		if err := os.Remove(s.dataPath(n)); err != nil {
			return err
		}
	}
	return nil
}

// Close closes the store's files; an uncommitted writer's blobs are left
// for the caller to remove with the folder.
func (s *Store) Close() error {
	var err error
	if s.wf != nil {
		err = s.wf.Close()
		s.w, s.wf = nil, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for n, f := range s.files {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		delete(s.files, n)
	}
	return err
}

func (s *Store) file(n uint32) (*os.File, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f := s.files[n]; f != nil {
		return f, nil
	}
	f, err := os.Open(s.dataPath(n))
	if err != nil {
		return nil, err
	}
	s.files[n] = f
	return f, nil
}

func (s *Store) readAt(n uint32, p []byte, off int64) error {
	f, err := s.file(n)
	if err != nil {
		return err
	}
	_, err = f.ReadAt(p, off)
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	return err
}

// writeTable writes the table to a temporary file, syncs it and renames it
// into place (the old table may be a link shared with another generation).
func writeTable(path string, locs map[string]loc) error {
	ids := make([]string, 0, len(locs))
	for id := range locs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	buf := []byte(tableMagic)
	for _, id := range ids {
		l := locs[id]
		buf = binary.AppendUvarint(buf, uint64(len(id)))
		buf = append(buf, id...)
		buf = binary.AppendUvarint(buf, uint64(l.file))
		buf = binary.AppendUvarint(buf, l.off)
		buf = binary.AppendUvarint(buf, l.len)
	}
	buf = binary.LittleEndian.AppendUint32(buf, crc32.ChecksumIEEE(buf))
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(buf)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

func readTable(path string) (map[string]loc, error) {
	buf, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(buf) < len(tableMagic)+4 || string(buf[:len(tableMagic)]) != tableMagic {
		return nil, fmt.Errorf("%s: not a document table", path)
	}
	body, sum := buf[:len(buf)-4], binary.LittleEndian.Uint32(buf[len(buf)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil, fmt.Errorf("%s: checksum mismatch", path)
	}
	locs := map[string]loc{}
	p := body[len(tableMagic):]
	next := func() uint64 {
		v, n := binary.Uvarint(p)
		if n <= 0 {
			p = nil
			return 0
		}
		p = p[n:]
		return v
	}
	for len(p) > 0 {
		n := next()
		if n > uint64(len(p)) {
			return nil, fmt.Errorf("%s: corrupt entry", path)
		}
		id := string(p[:n])
		p = p[n:]
		l := loc{file: uint32(next()), off: next(), len: next()}
		if p == nil {
			return nil, fmt.Errorf("%s: corrupt entry", path)
		}
		locs[id] = l
	}
	return locs, nil
}
