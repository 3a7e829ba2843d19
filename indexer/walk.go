package indexer

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"time"
)

// Walk extracts every supported file under fsys (.html .htm .xhtml .txt
// .md .pdf, each optionally .gz) and calls fn for each record: first the
// files other than PDFs in lexical order, then the PDFs that were not
// merged, in lexical order.
//
// JSON Lines files (.jsonl, .jsonl.gz) hold one record per line (see
// ReadJSONL), with the id the line gives: they are read in their place in
// that order, as a stream, so the size cap of Options.MaxFileSize does not
// apply to them (only the 64 MiB cap on a line does). A bad line is
// reported in Report.Skipped as "path:LINE" and the file goes on; a file
// that cannot be read to its end is reported with the line it stopped
// after, and the records before are kept. Each good line counts as one
// document.
//
// A web page that links to a PDF of the walk (by citation_pdf_url or a
// link in its main text; see pdfIndex.resolve) is merged with it into one
// record (see mergePDF), unless the two are clearly different documents;
// the PDF then gives no record of its own and is counted in
// Report.Merged. Only the PDFs' paths are known up front: a PDF is read
// with the page linking to it.
//
// Files are extracted on GOMAXPROCS goroutines, a few files ahead (see
// ordered), while fn is called from the calling goroutine only and in the
// order above, so that the records, the report and the merging are those
// of a sequential walk. Files never share an ID (assignIDs plans them
// up front); a JSON line whose id another file or line has, or a sidecar
// that gives an id taken already, is reported as a duplicate: the first
// wins.
//
// Before extracting, Walk reads the metadata title of every PDF under the
// root (see templateTitles): a title that several PDFs share is a
// template's, and those PDFs take their cover's title instead.
//
// Sidecars are read with their document, not as documents. A bad file is
// reported in Report.Skipped and the walk goes on; only fn's error or ctx's
// cancellation stops it early. progress, if not nil, is called after each
// file (or merged pair) with the files done and the total; a JSON Lines
// file counts as one file per MiB it holds (see jsonlProgressUnit), done
// as it is read, so that the count moves during a large export.
//
// Symbolic links are not followed (fs.WalkDir does not), so a walk never
// leaves its root; hidden files and folders (".git") are ignored.
func Walk(ctx context.Context, fsys fs.FS, opts Options, progress func(done, total int), fn func(Record) error) (Report, error) {
	start := time.Now()
	w := &walker{fsys: fsys, opts: opts, progress: progress, fn: fn, seen: map[string]origin{}, units: map[string]int{}}

	ex, err := newExcluder(fsys, opts.Exclude)
	if err != nil {
		w.rep.Took = time.Since(start)
		return w.rep, err
	}
	docs, err := listDocuments(ctx, fsys, ex, &w.rep)
	if err != nil {
		w.rep.Took = time.Since(start)
		return w.rep, err
	}
	plan := assignIDs(docs, opts.Root, opts.Taken)
	w.opts.ids, w.rep.Renamed = plan.ids, plan.renamed
	w.rep.Files += len(docs)
	var pdfs, others []string
	for _, p := range docs {
		switch {
		case formatOf(p) == formatPDF:
			pdfs = append(pdfs, p)
			w.total++
		case IsJSONL(p):
			others = append(others, p)
			w.units[p] = jsonlUnits(fsys, p)
			w.total += w.units[p]
		default:
			others = append(others, p)
			w.total++
		}
	}
	w.opts.templates = templateTitles(ctx, fsys, pdfs, opts.maxSize())
	w.pdfs = newPDFIndex(pdfs)
	// Workers look for a page's PDF as if none were merged yet: which ones
	// are depends on the pages before, and w.pdfs.done is written by the
	// emitting goroutine. mergeLinked decides again, in order.
	w.ahead = &pdfIndex{byName: w.pdfs.byName, exists: w.pdfs.exists, done: map[string]bool{}}
	emit := func(x extraction) error {
		if x.jsonl {
			return w.jsonl(ctx, x.path)
		}
		return w.file(x)
	}
	err = ordered(ctx, workers(), each(others), w.extract, emit)
	if err == nil {
		// Only pages merge PDFs: once every page is done, the PDFs left
		// to read on their own are known.
		var rest []string
		for _, p := range pdfs {
			if !w.pdfs.done[p] {
				rest = append(rest, p)
			}
		}
		err = ordered(ctx, workers(), each(rest), w.extract, emit)
	}
	w.rep.Took = time.Since(start)
	return w.rep, err
}

// walker is the state of one Walk. Only pdfs.byName, pdfs.exists, ahead,
// fsys and opts are read by the extracting goroutines; the rest belongs to
// the goroutine that calls fn.
type walker struct {
	fsys     fs.FS
	opts     Options
	progress func(done, total int)
	fn       func(Record) error
	rep      Report
	seen     map[string]origin // record ID -> where it was first read
	pdfs     *pdfIndex
	ahead    *pdfIndex      // pdfs without the merged ones, for the workers
	units    map[string]int // JSON Lines file -> its weight in progress
	done     int
	total    int
}

// origin is where a record was read: a file, and a line for JSON Lines.
type origin struct {
	path string
	line int
}

func (o origin) String() string {
	if o.line > 0 {
		return o.path + ":" + strconv.Itoa(o.line)
	}
	return o.path
}

// extraction is one file as a worker read it, ahead of its turn.
type extraction struct {
	path   string
	jsonl  bool // a JSON Lines file: read in its turn, as a stream
	recs   []Record
	warns  []string
	err    error
	linked *linkedPDFs // for a web page that may have a PDF
}

// linkedPDFs is what a worker read ahead to merge a web page with its PDF:
// the PDFs it tried, extracted, and, if it needed them, the page's links.
type linkedPDFs struct {
	pdfs   map[string]extraction
	links  []string
	parsed bool // links holds the page's main PDF links
}

// extract reads one file; it runs on a worker.
func (w *walker) extract(p string) extraction {
	if IsJSONL(p) {
		return extraction{path: p, jsonl: true}
	}
	x := extraction{path: p}
	x.recs, x.warns, x.err = extractFile(w.fsys, p, w.opts)
	if x.err == nil && formatOf(p) == formatHTML && x.recs[0].Kind != KindPage && len(w.ahead.exists) > 0 {
		x.linked = w.readLinked(p, x.recs[0])
	}
	return x
}

// readLinked reads, on a worker, the PDFs that mergeLinked will most likely
// try for the page, so that the slow part of merging runs in parallel too.
func (w *walker) readLinked(pagePath string, page Record) *linkedPDFs {
	ahead := &linkedPDFs{pdfs: map[string]extraction{}}
	links := func() []string {
		if src, ok := w.pageSource(pagePath); ok {
			ahead.links = mainPDFLinks(src)
		}
		ahead.parsed = true
		return ahead.links
	}
	findPDF(pagePath, page, w.ahead, links, func(pdfPath string) bool {
		x := extraction{path: pdfPath}
		x.recs, x.warns, x.err = extractFile(w.fsys, pdfPath, w.opts)
		ahead.pdfs[pdfPath] = x
		return x.err == nil && !differentDocuments(page, x.recs[0], pdfPath)
	})
	return ahead
}

// file passes on one extracted document, merging a page with its PDF; it
// returns only fn's error.
func (w *walker) file(x extraction) error {
	p, recs := x.path, x.recs
	w.warn(p, x.warns)
	files := 1
	switch {
	case x.err != nil:
		w.skip(p, skipReason(x.err))
	case w.seen[recs[0].ID] != origin{}:
		w.skip(p, fmt.Sprintf("same id %q as %s", recs[0].ID, w.seen[recs[0].ID]))
	default:
		if formatOf(p) == formatHTML && recs[0].Kind != KindPage && len(w.pdfs.exists) > len(w.pdfs.done) {
			var merged bool
			recs[0], merged = w.mergeLinked(p, recs[0], x.linked)
			if merged {
				files++
			}
		}
		w.seen[recs[0].ID] = origin{path: p}
		w.rep.Documents++
		for _, r := range recs {
			if err := w.fn(r); err != nil {
				return err
			}
			w.rep.Records++
		}
	}
	w.done += files
	w.report()
	return nil
}

func (w *walker) report() {
	if w.progress != nil {
		w.progress(w.done, w.total)
	}
}

func (w *walker) warn(p string, warns []string) {
	for _, msg := range warns {
		w.rep.Warnings = append(w.rep.Warnings, Skip{Path: p, Reason: msg})
	}
}

// skip reports a file that gives no record. Its ID is the one its path
// gives, so that an index update keeps the record it had.
func (w *walker) skip(p, reason string) {
	w.rep.Skipped = append(w.rep.Skipped, Skip{Path: p, Reason: reason, ID: w.opts.idOf(p)})
}

// mergeLinked merges the page at pagePath with the first PDF it links to
// that is part of the walk, not merged yet and not clearly another
// document. A linked PDF that cannot be read is reported as skipped (once)
// and the page is kept as it is. ahead, if not nil, holds what a worker
// read for this page; what it lacks is read here.
func (w *walker) mergeLinked(pagePath string, page Record, ahead *linkedPDFs) (Record, bool) {
	if ahead == nil {
		ahead = &linkedPDFs{}
	}
	links := func() []string {
		if ahead.parsed {
			return ahead.links
		}
		src, ok := w.pageSource(pagePath)
		if !ok {
			return nil
		}
		return mainPDFLinks(src)
	}
	out, merged := page, false
	findPDF(pagePath, page, w.pdfs, links, func(pdfPath string) bool {
		x, ok := ahead.pdfs[pdfPath]
		if !ok {
			x.recs, x.warns, x.err = extractFile(w.fsys, pdfPath, w.opts)
		}
		if x.err != nil {
			w.warn(pdfPath, x.warns)
			w.skip(pdfPath, skipReason(x.err))
			w.pdfs.done[pdfPath] = true
			w.done++
			return false
		}
		if differentDocuments(page, x.recs[0], pdfPath) {
			return false // read again, warnings and all, as a document of its own
		}
		w.warn(pdfPath, x.warns)
		w.pdfs.done[pdfPath] = true
		w.rep.Merged++
		out, merged = mergePDF(page, x.recs[0], pdfPath), true
		return true
	})
	return out, merged
}

// findPDF calls try with each PDF of ix that the page links to, first by
// its citation_pdf_url, then by the PDF links of its main text, once per
// PDF, until try returns true. links is called only if citation_pdf_url
// is not enough, which is most of the time: it parses the page again.
func findPDF(pagePath string, page Record, ix *pdfIndex, links func() []string, try func(pdfPath string) bool) {
	tried := map[string]bool{}
	attempt := func(link string) bool {
		pdfPath := ix.resolve(pagePath, link)
		if pdfPath == "" || tried[pdfPath] {
			return false
		}
		tried[pdfPath] = true
		return try(pdfPath)
	}
	if page.PDFURL != "" && attempt(page.PDFURL) {
		return
	}
	for _, link := range links() {
		if attempt(link) {
			return
		}
	}
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
func listDocuments(ctx context.Context, fsys fs.FS, ex *excluder, rep *Report) ([]string, error) {
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
			rep.Skipped = append(rep.Skipped, Skip{Path: p, Reason: fmt.Sprintf("cannot read: %v", unwrapPathError(err)), ID: IDFromPath(p)})
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
			if p != ignoreFile { // read, not ignored
				rep.Ignored++
			}
			return nil
		}
		if p != "." && ex.excluded(p, d.IsDir()) {
			if d.IsDir() {
				rep.Excluded += countFiles(fsys, p)
				return fs.SkipDir
			}
			rep.Excluded++
			return nil
		}
		switch {
		case d.IsDir():
			return nil
		case d.Type()&fs.ModeSymlink != 0:
			if IsSupported(name) || IsJSONL(name) {
				rep.Files++
				rep.Skipped = append(rep.Skipped, Skip{Path: p, Reason: "symbolic link not followed", ID: IDFromPath(p)})
			} else {
				rep.Ignored++
			}
			return nil
		case !d.Type().IsRegular():
			rep.Ignored++
			return nil
		case IsSupported(name) || IsJSONL(name):
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
		if !IsJSONL(p) { // its lines carry their metadata: no sidecar
			stems[sidecarStem(p)] = true
		}
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
