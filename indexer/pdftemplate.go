package indexer

import (
	"context"
	"crypto/sha256"
	"io/fs"
	"strings"
)

// A metadata title that many PDFs of one collection share ("World Bank
// Document", "Policy Brief", a publisher's name) is the template's, not
// the document's: the cover says what each file is. Walk reads the
// information dictionary (and XMP) of every PDF under its root before it
// extracts anything, so that the decision does not depend on which files
// an incremental ingest re-reads, and extraction then takes the cover's
// title for the PDFs whose metadata title is a template's.

// templateMinFiles is how many PDFs must carry one metadata title, with
// at least two different contents (copies of one file do not make a
// template), for it to count as a template's.
const templateMinFiles = 3

// templateTitles returns the keys (see titleKey) of the metadata titles
// that templateMinFiles or more of pdfs carry. Only the cross-reference
// table, the trailer and the metadata are parsed, not the pages; a file
// that cannot be read so is left out (its extraction reports it).
func templateTitles(ctx context.Context, fsys fs.FS, pdfs []string, max int64) map[string]bool {
	type seen struct {
		files    int
		contents map[[32]byte]bool
	}
	byTitle := map[string]*seen{}
	for _, p := range pdfs {
		if ctx.Err() != nil {
			return nil
		}
		data, truncated, err := readCapped(fsys, p, max)
		if err != nil || truncated {
			continue
		}
		key := titleKey(metadataTitle(data))
		if key == "" {
			continue
		}
		s := byTitle[key]
		if s == nil {
			s = &seen{contents: map[[32]byte]bool{}}
			byTitle[key] = s
		}
		s.files++
		s.contents[sha256.Sum256(data)] = true
	}
	var out map[string]bool
	for key, s := range byTitle {
		if s.files >= templateMinFiles && len(s.contents) > 1 {
			if out == nil {
				out = map[string]bool{}
			}
			out[key] = true
		}
	}
	return out
}

// metadataTitle reads a PDF's metadata title without reading its pages.
func metadataTitle(data []byte) (title string) {
	defer func() {
		if recover() != nil {
			title = ""
		}
	}()
	r, err := newReader(data)
	if err != nil {
		return ""
	}
	return readInfo(r, nil).Title
}

// titleKey is the form in which metadata titles are compared across
// files: case and spacing folded.
func titleKey(t string) string {
	return strings.ToLower(collapse(t))
}
