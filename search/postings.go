package search

import (
	"fmt"
	"math"

	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	zap "github.com/blevesearch/zapx/v15"
)

// postings walks the postings of one term in one field across the segments
// of a scorch snapshot, straight from the segments' own iterators, as
// global document numbers with the term's frequency and the field's length.
//
// bm25Searcher reads every posting of every query term, tens of thousands
// per query on a large collection. Through bleve's TermFieldReader each
// posting is copied into a TermFieldDoc, its document number encoded as an
// 8-byte ID for the searcher to decode again, and the field length turned
// into 1/sqrt(length) for BM25 to square and invert back: a sixth of a
// query's CPU at 100,000 records (docs/bench.md). Here the number stays a
// number and the length an integer.
type postings struct {
	its     []segment.PostingsIterator // one per segment holding the term
	offsets []uint64                   // the first global number of each
	seg     int                        // the segment being read
	count   uint64                     // postings in all segments, deleted records left out
	locs    bool                       // positions requested (term vectors)

	// The current posting.
	doc    uint64
	freq   uint64
	length uint64
	post   segment.Posting
}

// segmentDicts caches the term dictionaries of one field in every segment
// of a snapshot, for the terms of one query.
type segmentDicts struct {
	snap    *scorch.IndexSnapshot
	offsets []uint64
	dicts   map[string][]segment.TermDictionary
}

func newSegmentDicts(r index.IndexReader) (*segmentDicts, error) {
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, fmt.Errorf("BM25 search needs a scorch index, not %T", r)
	}
	return &segmentDicts{snap: snap, offsets: segmentOffsets(snap), dicts: map[string][]segment.TermDictionary{}}, nil
}

// segmentOffsets returns the global number of the first document of each
// segment of snap: scorch numbers a snapshot's documents segment after
// segment, each counting its deleted ones too.
func segmentOffsets(snap *scorch.IndexSnapshot) []uint64 {
	var offsets []uint64
	var running uint64
	for _, s := range snap.Segments() {
		offsets = append(offsets, running)
		running += s.Segment().Count()
	}
	return offsets
}

func (d *segmentDicts) field(name string) ([]segment.TermDictionary, error) {
	if ds, ok := d.dicts[name]; ok {
		return ds, nil
	}
	segs := d.snap.Segments()
	ds := make([]segment.TermDictionary, len(segs))
	for i, s := range segs {
		dict, err := s.Segment().Dictionary(name)
		if err != nil {
			return nil, err
		}
		ds[i] = dict
	}
	d.dicts[name] = ds
	return ds, nil
}

// open returns the postings of term in field, or nil when no live record
// has it.
func (d *segmentDicts) open(term []byte, field string, locs bool) (*postings, error) {
	ds, err := d.field(field)
	if err != nil {
		return nil, err
	}
	p := &postings{locs: locs}
	for i, s := range d.snap.Segments() {
		pl, err := ds[i].PostingsList(term, s.Deleted(), nil)
		if err != nil {
			return nil, err
		}
		n := pl.Count()
		if n == 0 {
			continue
		}
		p.count += n
		p.its = append(p.its, pl.Iterator(true, true, locs, nil))
		p.offsets = append(p.offsets, d.offsets[i])
	}
	if p.count == 0 {
		return nil, nil
	}
	return p, nil
}

// set makes posting x of the current segment the current posting.
func (p *postings) set(x segment.Posting) {
	p.post = x
	if z, ok := x.(*zap.Posting); ok { // our segments: direct calls
		p.doc = z.Number() + p.offsets[p.seg]
		p.freq = z.Frequency()
		p.length = z.NormUint64() // zap keeps the length itself
		return
	}
	p.doc = x.Number() + p.offsets[p.seg]
	p.freq = x.Frequency()
	if norm := x.Norm(); norm > 0 {
		p.length = uint64(math.Round(1 / (norm * norm))) // 1/sqrt(length)
	}
}

// next moves to the next posting; false when there is none.
func (p *postings) next() (bool, error) { return p.move(false, 0) }

// advance moves to the first posting of a document numbered doc or more;
// false when there is none.
func (p *postings) advance(doc uint64) (bool, error) {
	for p.seg+1 < len(p.its) && p.offsets[p.seg+1] <= doc {
		p.seg++
	}
	return p.move(true, doc)
}

// move is next, or with seek advance from the current segment on: the
// segment's iterator moves (by Next, or by Advance to doc), and a
// segment it finds nothing more in gives way to the following one.
func (p *postings) move(seek bool, doc uint64) (bool, error) {
	for ; p.seg < len(p.its); p.seg++ {
		var x segment.Posting
		var err error
		if seek {
			x, err = p.its[p.seg].Advance(doc - min(doc, p.offsets[p.seg]))
		} else {
			x, err = p.its[p.seg].Next()
		}
		if err != nil {
			return false, err
		}
		if x != nil {
			p.set(x)
			return true, nil
		}
	}
	return false, nil
}

// locations returns the current posting's term vectors.
func (p *postings) locations() []segment.Location {
	if !p.locs || p.post == nil {
		return nil
	}
	return p.post.Locations()
}

func (p *postings) size() int {
	n := 0
	for _, it := range p.its {
		n += it.Size()
	}
	return n
}
