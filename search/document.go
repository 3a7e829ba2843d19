package search

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/briefs/briefs/indexer"
	"github.com/briefs/briefs/search/docstore"
)

// maxReferences caps the entries listed for one listing page.
const maxReferences = 1000

// Document returns one record with its neighbours: the previous and next
// numbers of its series (same language), its translations (same series and
// number, other languages) and, for a listing page, its entries. An
// unknown ID gives an error matching ErrNotFound. The text is its first
// part (see DocumentPart).
func (x *Index) Document(ctx context.Context, id string) (*Document, error) {
	return x.DocumentPart(ctx, id, 1)
}

// DocumentPart is Document with part n (1-based) of the text: a long
// document's text is shown in parts of about 256 KiB each, so that its
// page costs the same to build and to read whatever its length. A part
// past the last gives the last.
func (x *Index) DocumentPart(ctx context.Context, id string, n int) (*Document, error) {
	g, err := x.acquire()
	if err != nil {
		return nil, err
	}
	defer x.keepResident() // after the release: deferred calls run last first
	defer g.release()
	doc, err := g.document(ctx, id, n)
	if err != nil {
		return nil, fmt.Errorf("document %q: %w", id, err)
	}
	return doc, nil
}

func (g *generation) document(ctx context.Context, id string, part int) (*Document, error) {
	d, rec, err := g.stored(id)
	if err != nil {
		return nil, err
	}
	doc := &Document{Record: rec}
	if err := readPart(d, doc, part); err != nil {
		return nil, err
	}
	if rec.Series != "" && rec.Number > 0 {
		s, err := g.inSeries(rec)
		if err != nil {
			return nil, err
		}
		if doc.Prev, err = g.neighbour(ctx, s, rec, false); err != nil {
			return nil, err
		}
		if doc.Next, err = g.neighbour(ctx, s, rec, true); err != nil {
			return nil, err
		}
		if doc.Translations, err = g.translations(ctx, s, rec); err != nil {
			return nil, err
		}
	}
	if doc.Versions, err = g.versionsOf(id); err != nil {
		return nil, err
	}
	q := termQuery(rec.ID, FieldParent)
	order := bsearch.SortOrder{
		&bsearch.SortField{Field: FieldDate, Desc: true, Type: bsearch.SortFieldAsDate, Missing: bsearch.SortFieldMissingLast},
		&bsearch.SortDocID{},
	}
	if doc.References, err = g.findRefs(ctx, q, order, maxReferences); err != nil {
		return nil, err
	}
	return doc, nil
}

// stored opens a record in the document store: its metadata decoded,
// its text left to be read where needed.
func (g *generation) stored(id string) (*docstore.Doc, Record, error) {
	d, err := g.store.Get(id)
	if errors.Is(err, docstore.ErrNotFound) {
		return nil, Record{}, ErrNotFound
	}
	if err != nil {
		return nil, Record{}, err
	}
	rec, err := decodeRecord(d.Meta())
	if err != nil {
		return nil, Record{}, fmt.Errorf("record %s: %w", id, err)
	}
	return d, rec, nil
}

// ref loads a short reference to a record.
func (g *generation) ref(id string) (Ref, error) {
	_, rec, err := g.stored(id)
	if err != nil {
		return Ref{}, err
	}
	return Ref{ID: id, Title: rec.Title, Number: rec.Number, Language: rec.Language, Year: rec.Year}, nil
}

// Neighbours and translations are found by scanning the columns
// (columns.go) rather than by bleve searches: a numeric range sorted by
// number over a series took 30 to 60 ms at 100,000 briefings, most of a
// document page; the scan takes a fraction of a millisecond.

// seriesDocs are the briefings of one series, with the columns they were
// found in.
type seriesDocs struct {
	c    *docColumns
	docs []uint64
}

// lang is the language code of document d ("" if none).
func (s seriesDocs) lang(d uint64) string {
	langs := s.c.term(facetLanguage)
	if o := langs.of(d); len(o) > 0 {
		return langs.values[o[0]]
	}
	return ""
}

// inSeries returns the documents of rec's series that are briefings, not
// references or listing pages (which repeat a briefing's series and number
// without being it).
func (g *generation) inSeries(rec Record) (seriesDocs, error) {
	c, err := g.columns()
	if err != nil {
		return seriesDocs{}, err
	}
	out := seriesDocs{c: c}
	series := c.term(facetSeries)
	key := normKey(rec.Series)
	want := make([]bool, len(series.values))
	found := false
	for o, k := range series.keys {
		if k == key {
			want[o], found = true, true
		}
	}
	if !found {
		return out, nil
	}
	kinds := c.term(facetKind)
	skip := make([]bool, len(kinds.values))
	for o, v := range kinds.values {
		skip[o] = v == indexer.KindReference || v == indexer.KindPage
	}
docs:
	for d := range uint64(c.n) {
		hit := false
		for _, o := range series.of(d) {
			hit = hit || want[o]
		}
		if !hit {
			continue
		}
		for _, o := range kinds.of(d) {
			if skip[o] {
				continue docs
			}
		}
		out.docs = append(out.docs, d)
	}
	return out, nil
}

// neighbour finds the nearest lower (next=false) or higher number in the
// record's series and language; ties go to the lowest ID.
func (g *generation) neighbour(ctx context.Context, s seriesDocs, rec Record, next bool) (*Ref, error) {
	own := strings.ToLower(rec.Language)
	c := s.c
	best, found := uint64(0), false
	for _, d := range s.docs {
		n := int(c.number[d])
		if n == 0 || (next && n <= rec.Number) || (!next && n >= rec.Number) || (own != "" && s.lang(d) != own) {
			continue
		}
		if !found {
			best, found = d, true
			continue
		}
		bn := int(c.number[best])
		if (next && n < bn) || (!next && n > bn) || (n == bn && c.idRank[d] < c.idRank[best]) {
			best = d
		}
	}
	if !found {
		return nil, nil
	}
	refs, err := g.refsOf(ctx, []uint64{best})
	if err != nil || len(refs) == 0 {
		return nil, err
	}
	return &refs[0], nil
}

// translations finds the same series and number in other languages,
// ordered by language, then ID.
func (g *generation) translations(ctx context.Context, s seriesDocs, rec Record) ([]Ref, error) {
	own := strings.ToLower(rec.Language)
	var out []uint64
	for _, d := range s.docs {
		if int(s.c.number[d]) != rec.Number || (own != "" && s.lang(d) == own) {
			continue
		}
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b uint64) int {
		if la, lb := s.lang(a), s.lang(b); la != lb {
			return strings.Compare(la, lb)
		}
		return int(s.c.idRank[a]) - int(s.c.idRank[b])
	})
	refs, err := g.refsOf(ctx, out[:min(len(out), 51)])
	// A record without a language is not excluded above; drop it here.
	refs = slices.DeleteFunc(refs, func(r Ref) bool { return r.ID == rec.ID })
	return refs[:min(len(refs), 50)], err
}

// refsOf loads short references to documents by number.
func (g *generation) refsOf(ctx context.Context, docs []uint64) ([]Ref, error) {
	if len(docs) == 0 {
		return nil, nil
	}
	r, err := g.reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var out []Ref
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		id, rec, err := g.hitRecordOf(r, d)
		if err != nil {
			return nil, err
		}
		out = append(out, Ref{ID: id, Title: rec.Title, Number: rec.Number, Language: rec.Language, Year: rec.Year})
	}
	return out, nil
}

// hitRecordOf loads the ID and the metadata (no text) of document
// number d from the document store.
func (g *generation) hitRecordOf(r index.IndexReader, d uint64) (string, Record, error) {
	id, err := r.ExternalID(idOf(d))
	if err != nil {
		return "", Record{}, err
	}
	_, rec, err := g.stored(id)
	if err != nil {
		return "", Record{}, err
	}
	return id, rec, nil
}

// findRefs runs q and returns short references to its hits.
func (g *generation) findRefs(ctx context.Context, q query.Query, order bsearch.SortOrder, size int) ([]Ref, error) {
	req := bleve.NewSearchRequestOptions(q, size, 0, false)
	req.SortByCustom(order)
	res, err := g.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	var out []Ref
	for _, h := range res.Hits {
		ref, err := g.ref(h.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, ref)
	}
	return out, nil
}
