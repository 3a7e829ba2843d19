package indexer

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
)

// JSON Lines files in a Walk: one record a line, each file weighing in the
// progress by its size.

// jsonlProgressUnit is how much of a JSON Lines file counts as one file
// for progress: a few tens of records of a typical export, so that the
// count moves about as often as it does for a folder of documents.
const jsonlProgressUnit = 1 << 20

// IsJSONL reports whether Walk reads a file as JSON Lines.
func IsJSONL(name string) bool {
	return path.Ext(strings.TrimSuffix(strings.ToLower(name), ".gz")) == ".jsonl"
}

// jsonlUnits is the weight of a JSON Lines file in progress: one, plus one
// per jsonlProgressUnit of its size (as stored, compressed or not).
func jsonlUnits(fsys fs.FS, p string) int {
	info, err := fs.Stat(fsys, p)
	if err != nil {
		return 1
	}
	return 1 + int(info.Size()/jsonlProgressUnit)
}

// jsonl reads a JSON Lines file in its turn and passes its records on; it
// returns only fn's error or ctx's.
func (w *walker) jsonl(ctx context.Context, p string) error {
	base, units := w.done, w.units[p]
	finish := func() error {
		w.done = base + units
		w.report()
		return nil
	}
	// A JSON Lines file has no ID of its own: its skips name none.
	skip := func(reason string) { w.rep.Skipped = append(w.rep.Skipped, Skip{Path: p, Reason: reason}) }
	f, err := w.fsys.Open(p)
	if err != nil {
		skip(fmt.Sprintf("cannot read: %v", unwrapPathError(err)))
		return finish()
	}
	defer f.Close()
	raw := &countingReader{r: f}
	var r io.Reader = raw
	if strings.HasSuffix(strings.ToLower(p), ".gz") {
		// Decompressed as it is read: an export is too large to hold
		// whole, and the per-line cap already bounds memory.
		zr, err := gzip.NewReader(raw)
		if err != nil {
			skip(fmt.Sprintf("bad gzip: %v", err))
			return finish()
		}
		defer zr.Close()
		r = zr
	}
	in := jsonlInput{
		source: p,
		claim: func(id string, line int) string {
			if o, dup := w.seen[id]; dup {
				return fmt.Sprintf("same id %q as %s", id, o)
			}
			w.seen[id] = origin{p, line}
			return ""
		},
		raw: raw,
		step: func(read int64) {
			// The last unit is done at the end of the file.
			if d := base + min(units-1, int(read/jsonlProgressUnit)); d != w.done {
				w.done = d
				w.report()
			}
		},
	}
	err = in.read(ctx, r, &w.rep, w.fn)
	var re *jsonlReadError
	if errors.As(err, &re) {
		skip(fmt.Sprintf("cannot read past line %d: %v", re.line, re.err))
		return finish()
	}
	if err != nil {
		return err
	}
	return finish()
}
