package search

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/briefs/briefs/indexer"
)

// maxReferences caps the entries listed for one listing page.
const maxReferences = 1000

// Document returns one record with its neighbours: the previous and next
// numbers of its series (same language), its translations (same series and
// number, other languages) and, for a listing page, its entries. An
// unknown ID gives an error matching ErrNotFound.
func (x *Index) Document(ctx context.Context, id string) (*Document, error) {
	g, err := x.acquire()
	if err != nil {
		return nil, err
	}
	defer g.release()
	doc, err := g.document(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("document %q: %w", id, err)
	}
	return doc, nil
}

func (g *generation) document(ctx context.Context, id string) (*Document, error) {
	rec, err := g.record(id)
	if err != nil {
		return nil, err
	}
	doc := &Document{Record: rec}
	if rec.Series != "" && rec.Number > 0 {
		if doc.Prev, err = g.neighbour(ctx, rec, false); err != nil {
			return nil, err
		}
		if doc.Next, err = g.neighbour(ctx, rec, true); err != nil {
			return nil, err
		}
		if doc.Translations, err = g.translations(ctx, rec); err != nil {
			return nil, err
		}
	}
	q := termQuery(rec.ID, FieldParent, 1)
	order := bsearch.SortOrder{
		&bsearch.SortField{Field: FieldDate, Desc: true, Type: bsearch.SortFieldAsDate, Missing: bsearch.SortFieldMissingLast},
		&bsearch.SortDocID{},
	}
	if doc.References, err = g.findRefs(ctx, q, order, maxReferences); err != nil {
		return nil, err
	}
	return doc, nil
}

// record loads a stored record by ID.
func (g *generation) record(id string) (Record, error) {
	d, err := g.idx.Document(id)
	if err != nil {
		return Record{}, err
	}
	if d == nil {
		return Record{}, ErrNotFound
	}
	var blob string
	d.VisitFields(func(f index.Field) {
		if f.Name() == FieldRecord {
			blob = string(f.Value())
		}
	})
	if blob == "" {
		return Record{}, ErrNotFound
	}
	return decodeRecord(blob)
}

// documentsOnly excludes references and listing pages, which repeat a
// briefing's series and number without being it.
func documentsOnly() query.Query {
	return query.NewDisjunctionQuery([]query.Query{
		termQuery(indexer.KindReference, FieldKind, 1),
		termQuery(indexer.KindPage, FieldKind, 1),
	})
}

// neighbour finds the nearest lower (next=false) or higher number in the
// record's series and language.
func (g *generation) neighbour(ctx context.Context, rec Record, next bool) (*Ref, error) {
	n := float64(rec.Number)
	no := false
	var r *query.NumericRangeQuery
	if next {
		r = query.NewNumericRangeInclusiveQuery(&n, nil, &no, nil)
	} else {
		r = query.NewNumericRangeInclusiveQuery(nil, &n, nil, &no)
	}
	r.SetField(FieldNumber)
	must := []query.Query{r, termQuery(normKey(rec.Series), FieldSeriesKey, 1)}
	if rec.Language != "" {
		must = append(must, termQuery(strings.ToLower(rec.Language), FieldLanguage, 1))
	}
	q := query.NewBooleanQuery([]query.Query{conj(must...)}, nil, []query.Query{documentsOnly()})
	order := bsearch.SortOrder{
		&bsearch.SortField{Field: FieldNumber, Desc: !next, Type: bsearch.SortFieldAsNumber},
		&bsearch.SortDocID{},
	}
	refs, err := g.findRefs(ctx, q, order, 1)
	if err != nil || len(refs) == 0 {
		return nil, err
	}
	return &refs[0], nil
}

// translations finds the same series and number in other languages.
func (g *generation) translations(ctx context.Context, rec Record) ([]Ref, error) {
	n := float64(rec.Number)
	yes := true
	num := query.NewNumericRangeInclusiveQuery(&n, &n, &yes, &yes)
	num.SetField(FieldNumber)
	must := []query.Query{num, termQuery(normKey(rec.Series), FieldSeriesKey, 1)}
	not := []query.Query{documentsOnly()}
	if rec.Language != "" {
		not = append(not, termQuery(strings.ToLower(rec.Language), FieldLanguage, 1))
	}
	q := query.NewBooleanQuery([]query.Query{conj(must...)}, nil, not)
	order := bsearch.SortOrder{
		&bsearch.SortField{Field: FieldLanguage, Type: bsearch.SortFieldAsString},
		&bsearch.SortDocID{},
	}
	refs, err := g.findRefs(ctx, q, order, 50)
	// A record without a language is not excluded above; drop it here.
	return slices.DeleteFunc(refs, func(r Ref) bool { return r.ID == rec.ID }), err
}

// findRefs runs q and returns short references to its hits.
func (g *generation) findRefs(ctx context.Context, q query.Query, order bsearch.SortOrder, size int) ([]Ref, error) {
	req := bleve.NewSearchRequestOptions(q, size, 0, false)
	req.SortByCustom(order)
	req.Fields = []string{FieldHit}
	res, err := g.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	var out []Ref
	for _, h := range res.Hits {
		blob, _ := h.Fields[FieldHit].(string)
		rec, err := decodeRecord(blob)
		if err != nil {
			return nil, fmt.Errorf("record %s: %w", h.ID, err)
		}
		out = append(out, Ref{ID: h.ID, Title: rec.Title, Number: rec.Number, Language: rec.Language, Year: rec.Year})
	}
	return out, nil
}
