package search

import (
	"bytes"
	"cmp"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/briefs/briefs/indexer"
)

// Works and versions. One publication often reaches the index as several
// records: a briefing and its translation, the same text saved twice (an
// HTML page and a .txt copy), and the entries of listing pages that name
// it. They are versions of one work, and a result list shows the work once.
//
// Each record stores its work keys (FieldWork): its series and number, its
// title and year, its web address and, for a listing entry, the file its
// link points to. Records sharing a key are versions of one work, and the
// relation is transitive. The keys are per record, so an incremental
// ingest needs no second pass; the works themselves are computed when a
// generation's columns are read (a union-find over the keys that more than
// one record holds), so a listing entry read before or after the document
// it names folds into it all the same. A search then collapses its matches
// by work (collect.go): one hit per work, scored by its best match, shown
// as its best full-text version (a listing entry only when the work has no
// full text that matched), with the other versions listed in Hit.Versions.
// Facets and totals count works. Nothing is dropped from the index: every
// record stays searchable, citable and reachable from its work.

// maxWorkKeyDocs caps the records one key may join: a key held by more
// is not identifying (a site-wide link, a placeholder title) and is
// ignored rather than folding unrelated records together.
const maxWorkKeyDocs = 64

// minTitleKeyWords is how many words a title needs before title and year
// identify a work: "Annual Report" of 2003 is many publishers' title.
const minTitleKeyWords = 3

// workKeys returns the keys identifying the work rec, ingested from root,
// is a version of. Paths are relative to a root, so the keys naming files
// carry it: index.html of two roots is two files.
func workKeys(rec Record, root string) []string {
	if rec.Kind == indexer.KindPage {
		// A listing page is an overview of many works, none of them; only
		// another copy of the page itself is the same work.
		if t := titleKey(rec.Title); t != "" && rec.Year > 0 {
			return []string{"p|" + t + "|" + strconv.Itoa(rec.Year)}
		}
		return nil
	}
	var keys []string
	if s := normKey(rec.Series); s != "" && rec.Number > 0 {
		keys = append(keys, "s|"+s+"|"+strconv.Itoa(rec.Number))
	}
	if t := titleKey(rec.Title); t != "" && rec.Year > 0 {
		keys = append(keys, "t|"+t+"|"+strconv.Itoa(rec.Year))
	}
	for _, u := range []string{rec.URL, rec.PDFURL} {
		if k := urlKey(u); k != "" {
			keys = append(keys, "u|"+k)
		}
	}
	if rec.Kind == indexer.KindReference {
		// A listing entry's relative link names a file of the same
		// collection: resolve it from the listing page's path.
		if p := linkedPath(rec.Source, rec.URL); p != "" {
			keys = append(keys, "f|"+root+"|"+p)
		}
	} else if rec.Source != "" && !indexer.IsJSONL(rec.Source) {
		// A JSON Lines file holds many works, one per line: its name
		// identifies none of them.
		keys = append(keys, "f|"+root+"|"+strings.ToLower(rec.Source))
	}
	return keys
}

// titleKey folds a title for comparison: lower case, accents and
// punctuation removed, "" when it has fewer than minTitleKeyWords words.
func titleKey(title string) string {
	f := strings.FieldsFunc(normKey(title), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(f) < minTitleKeyWords {
		return ""
	}
	return strings.Join(f, " ")
}

// urlKey is an absolute http(s) address without scheme, "www.", query
// fragment or trailing slash, host lower-cased; "" for anything else.
func urlKey(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	p := strings.TrimRight(u.EscapedPath(), "/")
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return host + p
}

// linkedPath resolves a relative link of the page at source to a path of
// the collection, lower-cased like IDs are compared; "" when the link is
// absolute, a fragment, or leaves the collection.
func linkedPath(source, link string) string {
	u, err := url.Parse(strings.TrimSpace(link))
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" || strings.HasPrefix(u.Path, "/") {
		return ""
	}
	p := path.Join(path.Dir(source), u.Path)
	if p == ".." || strings.HasPrefix(p, "../") {
		return ""
	}
	return strings.ToLower(p)
}

// works is a generation's grouping of records into works.
type works struct {
	root    []uint32            // root[d]: the work of document d (a document number)
	grouped docBits             // the documents whose work has other versions
	members map[uint32][]uint64 // the documents of each work with more than one
	// order lists the documents of works with several versions, each
	// work's together (works by number, documents by number within), and
	// pos[d] is document d's index in it: a search places its matches
	// that are versions by pos instead of sorting them by work
	// (mergeVersions).
	order []uint32
	pos   []int32
}

// of returns the work of document d and whether it has other versions.
// Searches ask it of every match, so it reads no map.
func (w *works) of(d uint64) (uint32, bool) {
	if w == nil || int(d) >= len(w.root) {
		return uint32(d), false
	}
	return w.root[d], w.grouped.has(d)
}

// work returns the work of document d.
func (w *works) work(d uint64) uint32 {
	if w == nil || int(d) >= len(w.root) {
		return uint32(d)
	}
	return w.root[d]
}

// readWorks groups the documents of a generation by their work keys.
func readWorks(r index.IndexReader, n int) (*works, error) {
	parent := make([]uint32, n)
	for i := range parent {
		parent[i] = uint32(i)
	}
	find := func(x uint32) uint32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	// Documents sharing a key are one work; most keys are held by one
	// record and join nothing. The key's own postings say how many hold
	// it: the dictionary's count cannot, since in a merged segment zap's
	// dictionary iterator reports 1 for every term after a term held by
	// one document (its reused postings list keeps the one-hit flag).
	var key []byte
	var docs []uint32 // the documents of key, up to maxWorkKeyDocs+1
	joined := false
	join := func() {
		if len(docs) < 2 || len(docs) > maxWorkKeyDocs {
			return
		}
		for _, d := range docs[1:] {
			if a, b := find(docs[0]), find(d); a != b {
				parent[max(a, b)] = min(a, b)
				joined = true
			}
		}
	}
	err := eachPosting(r, FieldWork, nil, func(term []byte, d uint64) {
		if !bytes.Equal(term, key) {
			join()
			key, docs = term, docs[:0]
		}
		if int(d) < n && len(docs) <= maxWorkKeyDocs {
			docs = append(docs, uint32(d))
		}
	})
	if err != nil {
		return nil, err
	}
	join()
	w := &works{root: parent, grouped: newDocBits(n), members: map[uint32][]uint64{}}
	if !joined {
		return w, nil
	}
	for d := range parent {
		parent[d] = find(uint32(d))
	}
	multi := map[uint32]bool{}
	for d, r := range parent {
		if uint32(d) != r {
			multi[r] = true
		}
	}
	for d, r := range parent {
		if multi[r] {
			w.members[r] = append(w.members[r], uint64(d))
			w.grouped.add(uint64(d))
		}
	}
	w.pos = make([]int32, n)
	for d := range parent {
		// A work's number is its first document (the union above keeps
		// the smaller root), so works come in order of their first
		// document and each work's documents are listed in order.
		if ms := w.members[uint32(d)]; uint32(d) == parent[d] && len(ms) > 0 {
			for _, m := range ms {
				w.pos[m] = int32(len(w.order))
				w.order = append(w.order, uint32(m))
			}
		}
	}
	return w, nil
}

// versions returns the other versions of document d's work: full-text
// versions first (by language, then ID), then listing entries (by page).
func (g *generation) versions(r index.IndexReader, d uint64) ([]Version, error) {
	c, err := g.columns()
	if err != nil {
		return nil, err
	}
	wk, grouped := c.works.of(d)
	if !grouped {
		return nil, nil
	}
	var out []Version
	titles := map[string]string{}
	for _, m := range c.works.members[wk] {
		if m == d {
			continue
		}
		id, rec, err := g.hitRecordOf(r, m)
		if err != nil {
			return nil, err
		}
		v := Version{ID: id, Kind: rec.Kind, Title: rec.Title, Language: rec.Language, Year: rec.Year,
			Source: rec.Source, URL: rec.URL, Parent: rec.Parent}
		if v.Parent != "" {
			t, ok := titles[v.Parent]
			if !ok {
				if _, pr, err := g.stored(v.Parent); err == nil {
					t = pr.Title
				}
				titles[v.Parent] = t
			}
			v.ParentTitle = t
		}
		out = append(out, v)
	}
	slices.SortFunc(out, func(a, b Version) int {
		ra, rb := a.Kind == indexer.KindReference, b.Kind == indexer.KindReference
		switch {
		case ra != rb && ra:
			return 1
		case ra != rb:
			return -1
		case ra:
			return cmp.Or(strings.Compare(a.Parent, b.Parent), strings.Compare(a.ID, b.ID))
		}
		return cmp.Or(strings.Compare(a.Language, b.Language), strings.Compare(a.ID, b.ID))
	})
	return out, nil
}

// versionsOf is versions for a record known by its ID.
func (g *generation) versionsOf(id string) ([]Version, error) {
	r, err := g.reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	in, err := r.InternalID(id)
	if err != nil || len(in) != 8 {
		return nil, err
	}
	return g.versions(r, in.Value())
}
