package search

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/document"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	zap "github.com/blevesearch/zapx/v15"

	"github.com/briefs/briefs/search/zapwrite"
)

// A build from empty (the first ingest, or --rebuild) does not go through
// bleve's batches. bleve turns every batch of a hundred records into a
// complete segment (a term dictionary of every word the batch uses, its
// postings, doc values) and then merges those segments again and again;
// that was three quarters of the ingest CPU (docs/bench.md). The bulk
// writer instead analyses each record once, on every core, and feeds the
// analysed fields in record order to a zapwrite.Writer, which holds the
// postings of many thousands of records compactly and writes them as one
// segment when bulkSegmentBytes of them have gathered. At Commit the
// segments (usually one to a few) are merged once, by zap itself, and the
// result becomes the generation's only segment through scorch's offline
// builder, which writes the index files (index_meta.json, root.bolt)
// exactly as bleve does. From there the generation is an ordinary bleve
// index: Commit opens it to store the internal values, and later
// incremental ingests update it through bleve's batches.

// bulkSegmentBytes bounds the postings a bulk writer holds before it
// writes them as a segment: with about 60% more heap while a segment is
// written, the ingest stays within twice SQLite's peak memory
// (docs/bench.md).
const bulkSegmentBytes = 160 << 20

// segmentType and segmentVersion name the segment format of every index
// briefs writes: zapwrite writes zap version 15, and incremental builds
// and merges keep to it.
const (
	segmentType    = "zap"
	segmentVersion = 15
)

// bulkOp is one record on its way to the writer: analysed by one of the
// analysers, then added by the writer goroutine in the order of Add.
type bulkOp struct {
	id       string
	doc      *document.Document // nil: delete id
	analysed []zapwrite.Analysed
	buf      *tokenBuf     // holds the tokens of analysed until the writer has added them
	ready    chan struct{} // closed once doc is analysed
}

// docRef is where a record is in the segments written, and what it adds
// to the corpus statistics.
type docRef struct {
	seg, num int
	stats    recordStats
}

type bulkWriter struct {
	dir      string // where segments are written (inside the generation's temporary folder)
	maxDocs  int    // records per segment (0: as bulkSegmentBytes allows)
	work     chan *bulkOp
	ops      chan *bulkOp
	free     chan *tokenBuf // token buffers the writer is done with, for the analysers
	analysed sync.WaitGroup
	done     chan struct{}

	// owned by the writer goroutine until done is closed
	w     *zapwrite.Writer
	segs  []string          // paths of the segments written
	drops []*roaring.Bitmap // per segment, and for the one being filled
	where map[string]docRef // each ID's latest record
	stats statsTotals
	prose map[string]int // prose field name -> its index in recordStats.lens
	err   error
}

func newBulkWriter(dir string, maxDocs int, prose map[string]int) (*bulkWriter, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	n := runtime.GOMAXPROCS(0)
	bw := &bulkWriter{
		dir: dir, maxDocs: maxDocs,
		work: make(chan *bulkOp, 4*n), ops: make(chan *bulkOp, 8*n), done: make(chan struct{}),
		free: make(chan *tokenBuf, 16*n),
		w:    zapwrite.New(), drops: []*roaring.Bitmap{roaring.New()}, where: map[string]docRef{}, prose: prose,
		stats: statsTotals{groupDocs: map[string]uint64{}, total: map[string]uint64{}, docs: map[string]uint64{}},
	}
	for range n {
		bw.analysed.Add(1)
		go bw.analyse()
	}
	go bw.write()
	return bw, nil
}

// analyse analyses the indexed fields of each record, as scorch does
// before building a segment, all of one record on one goroutine
// (docAnalysis relies on the fields of a record being analysed in
// order). The prose fields and FieldSpell, most of a record's tokens, go
// to the writer as token streams (zapwrite.Analysed) rather than bleve's
// token frequencies, which allocate an object per token.
func (bw *bulkWriter) analyse() {
	defer bw.analysed.Done()
	for op := range bw.work {
		select {
		case op.buf = <-bw.free:
		default:
			op.buf = new(tokenBuf)
		}
		var spell *spellWords
		for _, f := range op.doc.Fields {
			if tf, ok := f.(*document.TextField); ok {
				if sw, ok := tf.Analyzer().(*spellWords); ok {
					if op.buf.wrefs == nil {
						op.buf.wrefs = make([]*zapwrite.TermRef, 0, 1024) // non-nil: add collects refs
					}
					spell, sw.words, sw.refs = sw, op.buf.words[:0], op.buf.wrefs[:0]
				}
			}
		}
		fields := op.doc.Fields[:0]
		for _, f := range op.doc.Fields {
			if tf, ok := f.(*document.TextField); ok && len(tf.ArrayPositions()) == 0 {
				o := tf.Options()
				switch a := tf.Analyzer().(type) {
				case *proseAnalyzer:
					toks, refs := a.analyze(tf.Value(), op.buf)
					op.analysed = append(op.analysed, zapwrite.Analysed{Name: tf.Name(), Tokens: toks, Refs: refs,
						Vectors: o.IncludeTermVectors(), SkipFreqNorm: o.SkipFreqNorm()})
					continue
				case *spellWords:
					op.analysed = append(op.analysed, zapwrite.Analysed{Name: tf.Name(), Terms: a.words, Refs: a.refs,
						Vectors: false, SkipFreqNorm: o.SkipFreqNorm()})
					continue
				}
			}
			if f.Options().IsIndexed() {
				f.Analyze()
			}
			fields = append(fields, f)
		}
		op.doc.Fields = fields
		if spell != nil {
			op.buf.words, op.buf.wrefs = spell.words, spell.refs
		}
		close(op.ready)
	}
}

// add queues a mapped record (its fields not yet analysed).
func (bw *bulkWriter) add(id string, doc *document.Document) error {
	if err := bw.failed(); err != nil {
		return err
	}
	doc.AddIDField()
	op := &bulkOp{id: id, doc: doc, ready: make(chan struct{})}
	bw.work <- op
	bw.ops <- op
	return nil
}

// delete queues the removal of id's record, if one was added.
func (bw *bulkWriter) delete(id string) error {
	if err := bw.failed(); err != nil {
		return err
	}
	op := &bulkOp{id: id, ready: make(chan struct{})}
	close(op.ready)
	bw.ops <- op
	return nil
}

// failed returns the writer's error once it has stopped on one.
func (bw *bulkWriter) failed() error {
	select {
	case <-bw.done:
		if bw.err != nil {
			return bw.err
		}
		return errors.New("bulk writer closed")
	default:
		return nil
	}
}

// write adds the records in order, writing a segment whenever the
// postings held reach the bound. On an error it stops, closing done, and
// drains the queue so that add never blocks.
func (bw *bulkWriter) write() {
	defer close(bw.done)
	for op := range bw.ops {
		<-op.ready
		if bw.err != nil {
			continue
		}
		if old, ok := bw.where[op.id]; ok {
			bw.drops[old.seg].Add(uint32(old.num))
			bw.stats.add(old.stats, -1)
			delete(bw.where, op.id)
		}
		if op.doc == nil {
			continue
		}
		num, err := bw.w.Add(op.doc, op.analysed...)
		op.buf.reset()
		select {
		case bw.free <- op.buf:
		default:
		}
		if err != nil {
			bw.err = fmt.Errorf("add %q: %w", op.id, err)
			continue
		}
		rs := bw.recordStats(op)
		bw.stats.add(rs, 1)
		bw.where[op.id] = docRef{seg: len(bw.segs), num: num, stats: rs}
		if bw.w.Size() >= bulkSegmentBytes || (bw.maxDocs > 0 && bw.w.Len() >= bw.maxDocs) {
			bw.err = bw.writeSegment()
		}
	}
}

// writeSegment writes the records held as a segment file of their own.
func (bw *bulkWriter) writeSegment() error {
	if bw.w.Len() == 0 {
		return nil
	}
	path := filepath.Join(bw.dir, fmt.Sprintf("%06d.zap", len(bw.segs)))
	if err := bw.w.WriteFile(path); err != nil {
		return fmt.Errorf("write segment: %w", err)
	}
	bw.segs = append(bw.segs, path)
	bw.drops = append(bw.drops, roaring.New())
	bw.w = zapwrite.New()
	return nil
}

// stop ends the goroutines and waits for them.
func (bw *bulkWriter) stop() {
	if bw.work == nil {
		return
	}
	close(bw.work)
	close(bw.ops)
	bw.analysed.Wait()
	<-bw.done
	bw.work = nil
}

// finish writes what is held, merges the segments into one and makes it
// the only segment of a new bleve index at path, whose internal values
// are then set by Commit. It returns the number of records. With no
// records it writes nothing and returns 0.
func (bw *bulkWriter) finish(ctx context.Context) ([]string, error) {
	bw.stop()
	if bw.err != nil {
		return nil, bw.err
	}
	if err := bw.writeSegment(); err != nil {
		return nil, err
	}
	// The postings are on disk now. Give their memory back to the system
	// before the merge and Commit read the segments through memory maps,
	// which count in the resident memory on top of the heap.
	bw.w = nil
	debug.FreeOSMemory()
	if len(bw.where) == 0 {
		return nil, nil
	}
	all := make([]int, len(bw.segs))
	for i := range all {
		all[i] = i
	}
	if len(bw.segs) > maxBulkSegments {
		merged, err := bw.merge(ctx, all, "merged.zap")
		return []string{merged}, err
	}
	// Few enough to search as they are: only those holding records
	// replaced or deleted since are rewritten without them.
	segs := make([]string, len(bw.segs))
	for i, p := range bw.segs {
		if bw.drops[i].IsEmpty() {
			segs[i] = p
			continue
		}
		var err error
		if segs[i], err = bw.merge(ctx, []int{i}, fmt.Sprintf("kept-%06d.zap", i)); err != nil {
			return nil, err
		}
	}
	return segs, nil
}

// maxBulkSegments is how many segments a build from empty leaves as they
// are: a generation of more is merged into one. Merging reads and writes
// every posting again (a tenth of a 100,000-record ingest), while a search
// costs about the same over a few segments as over one.
const maxBulkSegments = 10

// merge merges the segments written whose numbers are given into one
// named name, dropping the records replaced or deleted since, and returns
// its path.
func (bw *bulkWriter) merge(ctx context.Context, which []int, name string) (string, error) {
	plugin := &zap.ZapPlugin{}
	var segs []segment.Segment
	var drops []*roaring.Bitmap
	defer func() {
		for _, s := range segs {
			s.Close()
		}
	}()
	for _, i := range which {
		s, err := plugin.Open(bw.segs[i])
		if err != nil {
			return "", fmt.Errorf("merge: %w", err)
		}
		segs = append(segs, s)
		drops = append(drops, bw.drops[i])
	}
	out := filepath.Join(bw.dir, name)
	closeCh := make(chan struct{})
	stopped := make(chan struct{})
	defer close(stopped)
	go func() {
		// Stop the merge if the ingest is interrupted, and keep the pages
		// of the segments it has read from staying resident (trimMapped).
		tick := time.NewTicker(250 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				close(closeCh)
				return
			case <-stopped:
				return
			case <-tick.C:
				trimMapped(bw.dir)
			}
		}
	}()
	if _, _, err := plugin.Merge(segs, drops, out, closeCh, nil); err != nil {
		if ctx.Err() != nil {
			return "", fmt.Errorf("merge: %w", ctx.Err())
		}
		return "", fmt.Errorf("merge: %w", err)
	}
	return out, nil
}
