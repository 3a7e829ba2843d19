package indexer

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
)

// defaultMaxFileSize is the cap used when Options.MaxFileSize is not set.
// Briefings are small; a 64 MiB HTML file is almost certainly a dump or an
// accident, and reading it whole would stall the walk.
const defaultMaxFileSize = 64 << 20

// Options tune extraction. The zero value is ready to use.
type Options struct {
	// MaxFileSize caps the bytes read from one file, after decompression
	// for .gz files. Larger files are read up to the cap, with a warning.
	// Zero means 64 MiB (defaultMaxFileSize).
	MaxFileSize int64
	// Warn, if set, receives ExtractFile's warnings (a file truncated at
	// the cap, unknown sidecar keys). Walk collects them in its Report.
	Warn func(path, msg string)
	// Root names the ingest root (its absolute path) and Taken, if set,
	// reports whether another root holds a record ID: Walk then gives the
	// file another ID rather than replace that root's record (see
	// assignIDs).
	Root  string
	Taken func(id string) bool
	// Exclude holds patterns in .gitignore syntax for files and folders
	// Walk leaves out, on top of the default ones (version control,
	// dependency folders, builders' copies; see exclude.go) and the root's
	// .briefsignore.
	Exclude []string

	ids       map[string]string // the IDs Walk planned, by path
	templates map[string]bool   // metadata titles many PDFs of the walk share (see templateTitles)
}

func (o Options) maxSize() int64 {
	if o.MaxFileSize > 0 {
		return o.MaxFileSize
	}
	return defaultMaxFileSize
}

// format is how a file is read, by extension.
type format int

const (
	formatNone format = iota
	formatHTML
	formatText
	formatMarkdown
	formatPDF
)

// formatOf returns the format for a path; ".gz" is looked through.
func formatOf(p string) format {
	p = strings.ToLower(p)
	p = strings.TrimSuffix(p, ".gz")
	switch path.Ext(p) {
	case ".html", ".htm", ".xhtml":
		return formatHTML
	case ".txt":
		return formatText
	case ".md", ".markdown":
		return formatMarkdown
	case ".pdf":
		return formatPDF
	}
	return formatNone
}

// IsSupported reports whether Walk extracts files with this name.
func IsSupported(name string) bool { return formatOf(name) != formatNone }

// skipError is a reason to skip a file; Walk reports its text.
type skipError struct{ reason string }

func (e *skipError) Error() string { return e.reason }

func skipf(format string, args ...any) error { return &skipError{fmt.Sprintf(format, args...)} }

// ExtractFile reads one file from fsys, with its sidecar if there is one,
// and returns its records: one, or for a listing page the page first and
// then one KindReference record per entry.
func ExtractFile(fsys fs.FS, p string, opts Options) ([]Record, error) {
	recs, warns, err := extractFile(fsys, p, opts)
	if opts.Warn != nil {
		for _, w := range warns {
			opts.Warn(p, w)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", p, err)
	}
	return recs, nil
}

// Extract is ExtractFile on bytes already read, without a sidecar; path
// decides the format and the ID.
func Extract(p string, data []byte, opts Options) ([]Record, error) {
	recs, warns, err := extractBytes(p, data, nil, opts)
	if opts.Warn != nil {
		for _, w := range warns {
			opts.Warn(p, w)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", p, err)
	}
	return recs, nil
}

func extractFile(fsys fs.FS, p string, opts Options) ([]Record, []string, error) {
	var warns []string
	data, truncated, err := readCapped(fsys, p, opts.maxSize())
	if err != nil {
		return nil, nil, skipf("cannot read: %v", unwrapPathError(err))
	}
	if truncated && formatOf(p) == formatPDF {
		// A PDF cut short is unreadable (its cross-reference table is at
		// the end): say why instead of reporting it as corrupt.
		return nil, nil, skipf("too large: over %s", sizeString(opts.maxSize()))
	}
	if truncated {
		warns = append(warns, fmt.Sprintf("larger than %s: only the first %s read", sizeString(opts.maxSize()), sizeString(opts.maxSize())))
	}
	sc, err := findSidecar(fsys, p)
	if err != nil {
		return nil, warns, err
	}
	recs, w, err := extractBytes(p, data, sc, opts)
	return recs, append(warns, w...), err
}

// readCapped reads at most max bytes of a file and reports whether there
// was more.
func readCapped(fsys fs.FS, p string, max int64) ([]byte, bool, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	data, err := readAllSized(f, max+1)
	if err != nil {
		return nil, false, err
	}
	if int64(len(data)) > max {
		return data[:max], true, nil
	}
	return data, false, nil
}

// readAllSized is io.ReadAll(io.LimitReader(f, limit)) with a buffer the
// size of the file (plus one byte, to see the end) from the start: two read
// calls for most files instead of one per doubling of a small buffer.
func readAllSized(f fs.File, limit int64) ([]byte, error) {
	size := int64(512)
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() > 0 {
		size = min(st.Size(), limit-1) + 1
	}
	r := io.LimitReader(f, limit)
	data := make([]byte, 0, size)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
	}
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func sizeString(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// findSidecar reads the sidecar of document p, if any.
func findSidecar(fsys fs.FS, p string) (*sidecar, error) {
	stem := sidecarStem(p)
	for _, ext := range sidecarExts {
		name := stem + ext
		if name == p {
			continue
		}
		info, err := fs.Stat(fsys, name)
		if err != nil || info.IsDir() {
			continue
		}
		if info.Size() > maxSidecarSize {
			return nil, skipf("sidecar %s: larger than %s", path.Base(name), sizeString(maxSidecarSize))
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, skipf("cannot read sidecar %s: %v", path.Base(name), unwrapPathError(err))
		}
		sc, err := parseSidecar(name, data)
		if err != nil {
			return nil, &skipError{err.Error()}
		}
		return sc, nil
	}
	return nil, nil
}

// extractBytes extracts a document's records from its bytes (as stored:
// still compressed for .gz) and applies its sidecar.
func extractBytes(p string, raw []byte, sc *sidecar, opts Options) ([]Record, []string, error) {
	var warns []string
	fmtKind := formatOf(p)
	if fmtKind == formatNone {
		return nil, nil, skipf("unsupported file type %q", path.Ext(p))
	}
	h := sha256.New()
	h.Write(raw)
	if sc != nil {
		h.Write(sc.raw)
	}
	hash := hex.EncodeToString(h.Sum(nil))

	data := raw
	if strings.HasSuffix(strings.ToLower(p), ".gz") {
		var w string
		var err error
		data, w, err = gunzip(raw, opts.maxSize())
		if err != nil {
			return nil, nil, err
		}
		if w != "" {
			warns = append(warns, w)
		}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, warns, skipf("empty file")
	}
	if fmtKind != formatPDF && looksBinary(data) {
		return nil, warns, skipf("not a text file")
	}

	if fmtKind != formatPDF {
		if w := repairWarning(data, fmtKind == formatHTML); w != "" {
			warns = append(warns, w)
		}
	}

	var rec Record
	var refs []Record
	switch fmtKind {
	case formatPDF:
		var err error
		if rec, err = extractPDF(p, data, opts); err != nil {
			return nil, warns, err
		}
	case formatHTML:
		rec, refs = extractHTML(decodeHTML(data))
	case formatText:
		rec, refs = extractTextDoc(decodeText(data), false)
	case formatMarkdown:
		rec, refs = extractTextDoc(decodeText(data), true)
	}
	rec.ID = opts.idOf(p)
	rec.Source = p
	rec.Hash = hash

	countries, unknown, err := sc.apply(&rec)
	if err != nil {
		return nil, warns, &skipError{err.Error()}
	}
	if len(unknown) > 0 {
		warns = append(warns, fmt.Sprintf("sidecar %s: unknown fields %s ignored", path.Base(sc.name), strings.Join(unknown, ", ")))
	}
	if countries != nil {
		rec.Countries = nil
		if len(countries) > 0 {
			rec.Countries = countries
		}
	}
	if fmtKind != formatHTML {
		fromName(&rec, p, countries == nil)
	}
	if sc != nil && sc.fields["kind"] == nil && rec.Kind != KindPage {
		// The kind follows the series, which the sidecar may have set.
		rec.Kind = kindFor(rec.Series, rec.Kind == KindOpinion)
	}
	dropLeadMetaLines(&rec)
	if strings.TrimSpace(rec.Title) == "" && len(rec.Paragraphs) == 0 && rec.Abstract == "" {
		return nil, warns, skipf("no text")
	}
	if err := rec.Validate(); err != nil {
		return nil, warns, skipf("invalid record: %v", err)
	}

	recs := []Record{rec}
	for i, ref := range refs {
		ref.ID = referenceID(rec.ID, i+1)
		ref.Parent = rec.ID
		ref.Source = rec.Source
		ref.Hash = rec.Hash
		if err := ref.Validate(); err != nil {
			warns = append(warns, fmt.Sprintf("listing entry %d: %v", i+1, err))
			continue
		}
		recs = append(recs, ref)
	}
	return recs, warns, nil
}

// gunzip decompresses at most max bytes. A bomb (small file, huge
// content) is cut at the cap with a warning rather than filling memory.
func gunzip(raw []byte, max int64) ([]byte, string, error) {
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, "", skipf("bad gzip: %v", err)
	}
	defer zr.Close()
	data, err := io.ReadAll(io.LimitReader(zr, max+1))
	switch {
	case int64(len(data)) > max:
		return data[:max], fmt.Sprintf("decompresses to more than %s: only the first %s read", sizeString(max), sizeString(max)), nil
	case err != nil && len(data) > 0 && (errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, gzip.ErrChecksum)):
		return data, fmt.Sprintf("truncated gzip: %v", err), nil
	case err != nil:
		return nil, "", skipf("bad gzip: %v", err)
	}
	return data, "", nil
}
