package search

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/briefs/briefs/search/docstore"
)

// An index directory holds generations of the index:
//
//	DIR/gen-000001/   a complete bleve index, and its document store in docs/
//	DIR/gen-000002/   the next one, built by a later ingest
//	DIR/CURRENT       "gen-000002": the live generation
//	DIR/lock          held (flock) by the one writer
//
// Writers never touch the live generation: they build gen-N+1.tmp, rename it
// to gen-N+1 when complete and then replace CURRENT atomically. Readers
// follow CURRENT, so they never see a half-built index, and a killed ingest
// leaves only a .tmp directory that the next writer removes.

const (
	currentFile = "CURRENT"
	docsDir     = "docs" // the generation's document store (docstore)
	bulkDir     = "bulk" // segments of a build from empty being written (bulk.go)
	lockFile    = "lock"
	genPrefix   = "gen-"
	tmpSuffix   = ".tmp"
)

// genName names generation n: gen-000042. Zero-padded so that names sort
// like numbers.
func genName(n int) string { return fmt.Sprintf("%s%06d", genPrefix, n) }

// parseGen returns the number of a generation directory name (without
// .tmp), or false.
func parseGen(name string) (int, bool) {
	s, ok := strings.CutPrefix(name, genPrefix)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return 0, false
	}
	return n, true
}

// Exists reports whether dir holds a committed index generation.
func Exists(dir string) bool {
	name, err := readCurrent(dir)
	if err != nil {
		return false
	}
	fi, err := os.Stat(filepath.Join(dir, name))
	return err == nil && fi.IsDir()
}

// readCurrent returns the live generation's name. A missing CURRENT gives an
// error matching fs.ErrNotExist.
func readCurrent(dir string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dir, currentFile))
	if err != nil {
		return "", err
	}
	name := strings.TrimSpace(string(b))
	if _, ok := parseGen(name); !ok {
		return "", fmt.Errorf("%s names %q, not a generation", filepath.Join(dir, currentFile), name)
	}
	return name, nil
}

// writeCurrent points CURRENT at generation name. The new content is
// written to a temporary file, synced and renamed over CURRENT, and the
// directory is synced, so after a crash CURRENT names either the old or
// the new generation, never a torn mix.
func writeCurrent(dir, name string) error {
	tmp := filepath.Join(dir, currentFile+tmpSuffix)
	if err := writeSynced(tmp, name+"\n"); err != nil {
		os.Remove(tmp) // a torn CURRENT.tmp is never read, but takes space
		return err
	}
	if err := os.Rename(tmp, filepath.Join(dir, currentFile)); err != nil {
		os.Remove(tmp)
		return err
	}
	return syncDir(dir)
}

// writeSynced creates path with content and fsyncs it.
func writeSynced(path, content string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, werr := io.WriteString(f, content)
	var serr error
	if werr == nil {
		serr = f.Sync()
	}
	return errors.Join(werr, serr, f.Close())
}

// generations lists the committed generation numbers in dir, ascending.
func generations(dir string) ([]int, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var gens []int
	for _, e := range ents {
		if n, ok := parseGen(e.Name()); ok && e.IsDir() {
			gens = append(gens, n)
		}
	}
	sort.Ints(gens)
	return gens, nil
}

// removeTmp deletes what killed writers left behind: *.tmp directories and
// files. Only a lock holder may call it, as the tmp directory of a running
// writer looks the same.
func removeTmp(dir string) error {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), tmpSuffix) {
			if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

// copyDir copies the regular files of a generation (bleve's meta file, its
// bolt root and zap segments) into dst, which must not exist.
func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		if filepath.Base(filepath.Dir(path)) == docsDir && docstore.DataFile(d.Name()) {
			// Data files of the document store are never written again:
			// the next generation shares them.
			if err := os.Link(path, target); err == nil {
				return nil
			}
		}
		return copyFile(path, target)
	})
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// syncTree fsyncs every file and directory under root, so that a renamed
// generation is on disk before CURRENT points at it.
func syncTree(root string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return syncDir(path)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		serr := f.Sync()
		cerr := f.Close()
		return errors.Join(serr, cerr)
	})
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	serr := d.Sync()
	cerr := d.Close()
	return errors.Join(serr, cerr)
}
