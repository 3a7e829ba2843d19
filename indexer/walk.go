package indexer

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"time"
)

// Report sums up a walk: what was read, what was skipped and why.
type Report struct {
	Files     int    // supported files found
	Documents int    // files that produced records
	Records   int    // records passed to fn
	Merged    int    // PDFs merged into the web page linking to them
	Ignored   int    // other files: unsupported extensions, hidden files
	Skipped   []Skip // files that gave no record, with the reason
	Warnings  []Skip // files read with a problem (truncated, repaired...)
	Took      time.Duration
}

// Skip names a file and what went wrong with it.
type Skip struct{ Path, Reason string }

// String is a human summary: one line of counts, then every skipped file
// and every warning with its reason.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d files: %d documents, %d records indexed, %d skipped, %d warnings",
		r.Files, r.Documents, r.Records, len(r.Skipped), len(r.Warnings))
	if r.Merged > 0 {
		fmt.Fprintf(&b, ", %d %s merged into %s", r.Merged, plural(r.Merged, "PDF", "PDFs"), plural(r.Merged, "its web page", "their web pages"))
	}
	if r.Ignored > 0 {
		fmt.Fprintf(&b, ", %d other files ignored", r.Ignored)
	}
	fmt.Fprintf(&b, " in %s", roundDuration(r.Took))
	for _, s := range r.Skipped {
		fmt.Fprintf(&b, "\n  skipped %s: %s", s.Path, s.Reason)
	}
	for _, s := range r.Warnings {
		fmt.Fprintf(&b, "\n  warning %s: %s", s.Path, s.Reason)
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func roundDuration(d time.Duration) time.Duration {
	switch {
	case d >= time.Second:
		return d.Round(100 * time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(time.Millisecond)
	}
	return d.Round(time.Microsecond)
}

// Walk extracts every supported file under fsys (.html .htm .xhtml .txt
// .md .pdf, each optionally .gz) and calls fn for each record: first the
// files other than PDFs in lexical order, then the PDFs that were not
// merged, in lexical order.
//
// A web page that links to a PDF of the walk (by citation_pdf_url or a
// link in its main text; see pdfIndex.resolve) is merged with it into one
// record (see mergePDF), unless the two are clearly different documents;
// the PDF then gives no record of its own and is counted in
// Report.Merged. Only the PDFs' paths are known up front: a PDF is read
// when the page linking to it is, so a walk holds one document at a time.
//
// Sidecars are read with their document, not as documents. A bad file is
// reported in Report.Skipped and the walk goes on; only fn's error or ctx's
// cancellation stops it early. progress, if not nil, is called after each
// file (or merged pair) with the files done and the total.
//
// Symbolic links are not followed (fs.WalkDir does not), so a walk never
// leaves its root; hidden files and folders (".git") are ignored.
func Walk(ctx context.Context, fsys fs.FS, opts Options, progress func(done, total int), fn func(Record) error) (Report, error) {
	start := time.Now()
	w := &walker{fsys: fsys, opts: opts, progress: progress, fn: fn, seen: map[string]string{}}

	docs, err := listDocuments(ctx, fsys, &w.rep)
	if err != nil {
		w.rep.Took = time.Since(start)
		return w.rep, err
	}
	w.rep.Files += len(docs)
	w.total = len(docs)
	var pdfs, others []string
	for _, p := range docs {
		if formatOf(p) == formatPDF {
			pdfs = append(pdfs, p)
		} else {
			others = append(others, p)
		}
	}
	w.pdfs = newPDFIndex(pdfs)
	for _, list := range [][]string{others, pdfs} {
		for _, p := range list {
			if w.pdfs.done[p] {
				continue
			}
			if err := ctx.Err(); err != nil {
				w.rep.Took = time.Since(start)
				return w.rep, err
			}
			if err := w.file(p); err != nil {
				w.rep.Took = time.Since(start)
				return w.rep, err
			}
		}
	}
	w.rep.Took = time.Since(start)
	return w.rep, nil
}

// walker is the state of one Walk.
type walker struct {
	fsys     fs.FS
	opts     Options
	progress func(done, total int)
	fn       func(Record) error
	rep      Report
	seen     map[string]string // record ID -> source path
	pdfs     *pdfIndex
	done     int
	total    int
}

// file extracts one document, merges a page with its PDF and passes the
// records on; it returns only fn's error.
func (w *walker) file(p string) error {
	recs, warns, err := extractFile(w.fsys, p, w.opts)
	w.warn(p, warns)
	files := 1
	switch {
	case err != nil:
		w.rep.Skipped = append(w.rep.Skipped, Skip{p, skipReason(err)})
	case w.seen[recs[0].ID] != "":
		w.rep.Skipped = append(w.rep.Skipped, Skip{p, fmt.Sprintf("same id %q as %s", recs[0].ID, w.seen[recs[0].ID])})
	default:
		if formatOf(p) == formatHTML && recs[0].Kind != KindPage && len(w.pdfs.exists) > len(w.pdfs.done) {
			var merged bool
			recs[0], merged = w.mergeLinked(p, recs[0])
			if merged {
				files++
			}
		}
		w.seen[recs[0].ID] = p
		w.rep.Documents++
		for _, r := range recs {
			if err := w.fn(r); err != nil {
				return err
			}
			w.rep.Records++
		}
	}
	w.done += files
	if w.progress != nil {
		w.progress(w.done, w.total)
	}
	return nil
}

func (w *walker) warn(p string, warns []string) {
	for _, msg := range warns {
		w.rep.Warnings = append(w.rep.Warnings, Skip{p, msg})
	}
}

// mergeLinked merges the page at pagePath with the first PDF it links to
// that is part of the walk, not merged yet and not clearly another
// document. A linked PDF that cannot be read is reported as skipped (once)
// and the page is kept as it is.
func (w *walker) mergeLinked(pagePath string, page Record) (Record, bool) {
	tried := map[string]bool{}
	try := func(link string) (Record, bool) {
		pdfPath := w.pdfs.resolve(pagePath, link)
		if pdfPath == "" || tried[pdfPath] {
			return page, false
		}
		tried[pdfPath] = true
		recs, warns, err := extractFile(w.fsys, pdfPath, w.opts)
		if err != nil {
			w.warn(pdfPath, warns)
			w.rep.Skipped = append(w.rep.Skipped, Skip{pdfPath, skipReason(err)})
			w.pdfs.done[pdfPath] = true
			w.done++
			return page, false
		}
		if differentDocuments(page, recs[0], pdfPath) {
			return page, false // read again, warnings and all, as a document of its own
		}
		w.warn(pdfPath, warns)
		w.pdfs.done[pdfPath] = true
		w.rep.Merged++
		return mergePDF(page, recs[0], pdfPath), true
	}
	if page.PDFURL != "" {
		if rec, ok := try(page.PDFURL); ok {
			return rec, true
		}
	}
	// citation_pdf_url is enough most of the time: the page is parsed
	// again for its links only when it is not.
	src, ok := w.pageSource(pagePath)
	if !ok {
		return page, false
	}
	for _, link := range mainPDFLinks(src) {
		if rec, ok := try(link); ok {
			return rec, true
		}
	}
	return page, false
}

// pageSource returns an HTML file's text as extractHTML read it.
func (w *walker) pageSource(p string) (string, bool) {
	data, _, err := readCapped(w.fsys, p, w.opts.maxSize())
	if err != nil {
		return "", false
	}
	if strings.HasSuffix(strings.ToLower(p), ".gz") {
		if data, _, err = gunzip(data, w.opts.maxSize()); err != nil {
			return "", false
		}
	}
	return decodeHTML(data), true
}

func skipReason(err error) string {
	var se *skipError
	if errors.As(err, &se) {
		return se.reason
	}
	return err.Error()
}

// listDocuments returns the supported files under fsys in lexical order,
// counting the others in rep.Ignored and reporting unreadable folders and
// symbolic links in rep.Skipped.
func listDocuments(ctx context.Context, fsys fs.FS, rep *Report) ([]string, error) {
	var docs []string
	var others []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			if p == "." {
				return fmt.Errorf("walk: %w", err)
			}
			rep.Skipped = append(rep.Skipped, Skip{p, fmt.Sprintf("cannot read: %v", unwrapPathError(err))})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if p != "." && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			rep.Ignored++
			return nil
		}
		switch {
		case d.IsDir():
			return nil
		case d.Type()&fs.ModeSymlink != 0:
			if IsSupported(name) {
				rep.Files++
				rep.Skipped = append(rep.Skipped, Skip{p, "symbolic link not followed"})
			} else {
				rep.Ignored++
			}
			return nil
		case !d.Type().IsRegular():
			rep.Ignored++
			return nil
		case IsSupported(name):
			docs = append(docs, p)
		default:
			others = append(others, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	stems := map[string]bool{}
	for _, p := range docs {
		stems[sidecarStem(p)] = true
	}
	for _, p := range others {
		ext := strings.ToLower(path.Ext(p))
		if (ext == ".json" || ext == ".yaml" || ext == ".yml") && stems[strings.TrimSuffix(p, path.Ext(p))] {
			continue // a sidecar, read with its document
		}
		rep.Ignored++
	}
	return docs, nil
}
