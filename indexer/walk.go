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
// .md .pdf, each optionally .gz) in lexical order and calls fn for each
// record.
// Sidecars are read with their document, not as documents. A bad file is
// reported in Report.Skipped and the walk goes on; only fn's error or ctx's
// cancellation stops it early. progress, if not nil, is called after each
// file with the files done and the total.
//
// Symbolic links are not followed (fs.WalkDir does not), so a walk never
// leaves its root; hidden files and folders (".git") are ignored.
func Walk(ctx context.Context, fsys fs.FS, opts Options, progress func(done, total int), fn func(Record) error) (Report, error) {
	start := time.Now()
	var rep Report

	docs, err := listDocuments(ctx, fsys, &rep)
	if err != nil {
		rep.Took = time.Since(start)
		return rep, err
	}
	rep.Files += len(docs)
	seen := map[string]string{} // record ID -> source path
	for i, p := range docs {
		if err := ctx.Err(); err != nil {
			rep.Took = time.Since(start)
			return rep, err
		}
		recs, warns, err := extractFile(fsys, p, opts)
		for _, w := range warns {
			rep.Warnings = append(rep.Warnings, Skip{p, w})
		}
		switch {
		case err != nil:
			rep.Skipped = append(rep.Skipped, Skip{p, skipReason(err)})
		case seen[recs[0].ID] != "":
			rep.Skipped = append(rep.Skipped, Skip{p, fmt.Sprintf("same id %q as %s", recs[0].ID, seen[recs[0].ID])})
		default:
			seen[recs[0].ID] = p
			rep.Documents++
			for _, r := range recs {
				if err := fn(r); err != nil {
					rep.Took = time.Since(start)
					return rep, err
				}
				rep.Records++
			}
		}
		if progress != nil {
			progress(i+1, len(docs))
		}
	}
	rep.Took = time.Since(start)
	return rep, nil
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
