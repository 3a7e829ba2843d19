package search

import (
	"context"
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2/numeric"
	index "github.com/blevesearch/bleve_index_api"
)

// Columns hold, for every document of a generation, the values that facets
// count and that sorts compare, in plain arrays indexed by bleve's internal
// document number. bleve counts a facet by visiting the doc values of every
// hit (decoding a compressed chunk per field per hit) and does so once per
// disjunctive facet search; at 100,000 briefings that was 58% of the CPU of
// a query (docs/bench.md). With the columns a query walks its matches once
// and counts every facet, the main hits and the "all filters but one" sets
// together, with an array lookup per value (collect.go).
//
// A generation is opened read-only and never changes, so its document
// numbers are fixed and the columns are read once, lazily, from the
// inverted index (the term dictionary and postings of each field: compact
// bitmaps, far less to read than the doc values).

// docColumns are a generation's columns.
type docColumns struct {
	n      int          // document numbers are below n
	terms  []termColumn // one per term facet of the table when read
	names  []string     // the facet of each of terms
	year   []int16      // 0: no year
	vyear  []int16      // the year of each document of works.order
	date   []int64      // UnixNano; noDate when absent
	number []int32      // number within the series; 0 when absent
	idRank []int32      // rank of the external ID in byte order
	works  *works       // which documents are versions of one work (work.go)
}

// noDate marks a document without a date in docColumns.date.
const noDate = int64(-1 << 63)

// termColumn is a keyword field: its distinct values in byte order (the
// order bleve sorts strings in) and, per document, the ordinals of its
// values (compressed sparse rows: ords[start[d]:start[d+1]]).
type termColumn struct {
	values []string
	keys   []string // values normalised the way filters match them
	start  []uint32
	ords   []uint32
	// single holds the one ordinal of each document (noOrd: none) when no
	// document has two values (series, language, kind): one lookup per
	// document instead of two, in the loop that counts facets.
	single []uint32
	// versions is the same column for the documents of works.order, the
	// k-th of them as document k: counting a work's versions reads it in
	// order instead of jumping about the whole column (mergeVersions).
	versions *termColumn
}

// subset returns the column of the given documents, docs[k] as document k.
func (c *termColumn) subset(docs []uint32) *termColumn {
	out := &termColumn{values: c.values, keys: c.keys}
	if c.single != nil {
		out.single = make([]uint32, len(docs))
		for k, d := range docs {
			out.single[k] = c.single[d]
		}
		return out
	}
	out.start = make([]uint32, len(docs)+1)
	for k, d := range docs {
		out.ords = append(out.ords, c.of(uint64(d))...)
		out.start[k+1] = uint32(len(out.ords))
	}
	return out
}

// noOrd marks a document without a value in termColumn.single.
const noOrd = ^uint32(0)

// of returns the ordinals of document d.
func (c *termColumn) of(d uint64) []uint32 {
	if c.single != nil {
		if c.single[d] == noOrd {
			return nil
		}
		return c.single[d : d+1]
	}
	return c.ords[c.start[d]:c.start[d+1]]
}

// term returns the column of the term facet called name: nil for a nil c,
// an empty column for a facet declared after the columns were read.
func (c *docColumns) term(name string) *termColumn {
	if c == nil {
		return nil
	}
	for i, n := range c.names {
		if n == name {
			return &c.terms[i]
		}
	}
	col := &termColumn{single: make([]uint32, c.n)}
	for d := range col.single {
		col.single[d] = noOrd
	}
	if c.works != nil {
		col.versions = col.subset(c.works.order)
	}
	return col
}

// columns returns the generation's columns, reading them on first use.
func (g *generation) columns() (*docColumns, error) {
	g.colOnce.Do(func() {
		g.cols, g.colErr = readColumns(g)
		if g.colErr != nil {
			g.colErr = fmt.Errorf("read facet columns: %w", g.colErr)
		}
	})
	return g.cols, g.colErr
}

func readColumns(g *generation) (*docColumns, error) {
	r, err := g.reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	c := &docColumns{}

	// Every document has an ID, so the ID dictionary gives the size.
	var ranks []pair
	rank := uint32(0)
	if err := eachPosting(r, "_id", nil, func(_ []byte, d uint64) {
		ranks = append(ranks, pair{d, rank})
		rank++
	}); err != nil {
		return nil, err
	}
	for _, p := range ranks {
		c.n = max(c.n, int(p.doc)+1)
	}
	c.idRank = make([]int32, c.n)
	for i := range c.idRank {
		c.idRank[i] = -1
	}
	for _, p := range ranks {
		c.idRank[p.doc] = int32(p.ord)
	}

	for _, f := range termFacets() {
		col, err := readTermColumn(r, f.display, f.norm, c.n)
		if err != nil {
			return nil, err
		}
		c.terms = append(c.terms, col)
		c.names = append(c.names, f.name)
	}

	c.year = make([]int16, c.n)
	if err := eachNumber(r, FieldYear, c.n, func(d uint64, v int64) {
		c.year[d] = int16(numeric.Int64ToFloat64(v))
	}); err != nil {
		return nil, err
	}
	c.number = make([]int32, c.n)
	if err := eachNumber(r, FieldNumber, c.n, func(d uint64, v int64) {
		c.number[d] = int32(numeric.Int64ToFloat64(v))
	}); err != nil {
		return nil, err
	}
	c.date = make([]int64, c.n)
	for i := range c.date {
		c.date[i] = noDate
	}
	if err := eachNumber(r, FieldDate, c.n, func(d uint64, v int64) {
		c.date[d] = v
	}); err != nil {
		return nil, err
	}
	if c.works, err = readWorks(r, c.n); err != nil {
		return nil, err
	}
	for i := range c.terms {
		c.terms[i].versions = c.terms[i].subset(c.works.order)
	}
	c.vyear = make([]int16, len(c.works.order))
	for k, d := range c.works.order {
		c.vyear[k] = c.year[d]
	}
	return c, nil
}

type pair struct {
	doc uint64
	ord uint32
}

// readTermColumn reads a keyword field's values and postings.
func readTermColumn(r index.IndexReader, field string, norm func(string) string, n int) (termColumn, error) {
	var col termColumn
	var pairs []pair
	err := eachPosting(r, field, nil, func(term []byte, d uint64) {
		if len(col.values) == 0 || col.values[len(col.values)-1] != string(term) {
			col.values = append(col.values, string(term))
			col.keys = append(col.keys, norm(string(term)))
		}
		if int(d) < n {
			pairs = append(pairs, pair{d, uint32(len(col.values) - 1)})
		}
	})
	if err != nil {
		return col, err
	}
	col.start = make([]uint32, n+1)
	for _, p := range pairs {
		col.start[p.doc+1]++
	}
	for i := 1; i <= n; i++ {
		col.start[i] += col.start[i-1]
	}
	col.ords = make([]uint32, len(pairs))
	fill := slices.Clone(col.start[:n])
	for _, p := range pairs {
		col.ords[fill[p.doc]] = p.ord
		fill[p.doc]++
	}
	for d := range n {
		if col.start[d+1]-col.start[d] > 1 {
			return col, nil
		}
	}
	col.single = make([]uint32, n)
	for d := range n {
		col.single[d] = noOrd
		if col.start[d+1] > col.start[d] {
			col.single[d] = col.ords[col.start[d]]
		}
	}
	col.start, col.ords = nil, nil
	return col, nil
}

// eachNumber calls fn with the value of a numeric (or date) field of every
// document having it: the full-precision terms (shift 0) of bleve's
// prefix-coded numbers.
func eachNumber(r index.IndexReader, field string, n int, fn func(d uint64, v int64)) error {
	var bad error
	err := eachPosting(r, field, []byte{numeric.ShiftStartInt64}, func(term []byte, d uint64) {
		v, err := numeric.PrefixCoded(term).Int64()
		if err != nil {
			bad = err
			return
		}
		if int(d) < n {
			fn(d, v)
		}
	})
	if err == nil {
		err = bad
	}
	return err
}

// eachPosting calls fn for every (term, document number) of a field, terms
// in byte order; prefix limits the terms.
func eachPosting(r index.IndexReader, field string, prefix []byte, fn func(term []byte, d uint64)) error {
	var dict index.FieldDict
	var err error
	if prefix != nil {
		dict, err = r.FieldDictPrefix(field, prefix)
	} else {
		dict, err = r.FieldDict(field)
	}
	if err != nil {
		return err
	}
	defer dict.Close()
	var tfd index.TermFieldDoc
	for {
		e, err := dict.Next()
		if err != nil {
			return err
		}
		if e == nil {
			return nil
		}
		term := []byte(e.Term)
		tfr, err := r.TermFieldReader(context.Background(), term, field, false, false, false)
		if err != nil {
			return err
		}
		for {
			m, err := tfr.Next(tfd.Reset())
			if err != nil {
				tfr.Close()
				return err
			}
			if m == nil {
				break
			}
			if len(m.ID) != 8 {
				tfr.Close()
				return fmt.Errorf("field %s: not a scorch index", field)
			}
			fn(term, m.ID.Value())
		}
		tfr.Close()
	}
}
