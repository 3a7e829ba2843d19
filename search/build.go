package search

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/briefs/briefs/internal/digits"
	"github.com/briefs/briefs/search/docstore"
)

// Batch bounds. bleve analyses a whole batch in memory before writing a
// segment, so a batch of long briefings is bounded by bytes as well as by
// count (bleve#1304: one 300 MB batch vs 50 MB for 100-document batches).
// With two batches in flight, 100 documents kept the peak memory of a
// 10,000-briefing ingest at 392 MB against 1.1 GB for 500, for a fifth
// fewer documents a second (docs/bench.md). Analysed text takes about
// thirty times its size (tokens with positions and offsets, for two
// fields): 16 MB batches of 100,000-word reports peaked at 1.1 GB, so a
// batch holds at most 4 MB of text.
const (
	DefaultBatchSize  = 100
	DefaultBatchBytes = 4 << 20
)

// Keys of the internal (not searchable) values stored in each generation.
const (
	internalVersion = "briefs.mapping_version"
	internalYears   = "briefs.years" // "min max" year over the whole corpus
)

// persistTimeout bounds the wait for bleve to write the last batch at
// Commit. Writing a generation takes seconds; this only stops a wedged
// persister from hanging an ingest forever.
const persistTimeout = 10 * time.Minute

// BuildOptions configure a Builder; the zero value updates the live
// generation incrementally with the default batch bounds.
type BuildOptions struct {
	// Rebuild starts from an empty index instead of a copy of the live one
	// (needed after a MappingVersion change).
	Rebuild bool
	// BatchSize and BatchBytes bound one bleve batch of an incremental
	// build (0: the defaults). A build from empty writes its own segments
	// (bulk.go), each as large as memory allows; a BatchSize set here
	// also bounds the records of each (tests use it to make several).
	BatchSize  int
	BatchBytes int
	// Root, if set, is passed to SetRoot before the first Add.
	Root string
	// Keep is how many earlier generations stay on disk after a successful
	// swap (0: only the new live one). Readers that still search an
	// earlier generation keep their open files; they reload the new one.
	Keep int
}

// BuildStats counts what a Commit did to the index.
type BuildStats struct {
	Added      int    `json:"added"`
	Updated    int    `json:"updated"`
	Unchanged  int    `json:"unchanged"` // same Hash as before: not re-indexed
	Deleted    int    `json:"deleted"`
	Total      int    `json:"total"`      // records in the new generation
	Generation string `json:"generation"` // e.g. "gen-000003"
}

func (s BuildStats) String() string {
	return fmt.Sprintf("%s records in %s: %s added, %s updated, %s unchanged, %s deleted",
		digits.Grouped(int64(s.Total)), s.Generation, digits.Grouped(int64(s.Added)), digits.Grouped(int64(s.Updated)),
		digits.Grouped(int64(s.Unchanged)), digits.Grouped(int64(s.Deleted)))
}

// Builder writes the next generation of an index directory. It holds the
// directory's write lock from NewBuilder until Commit or Abort; readers
// keep using the live generation meanwhile.
//
// A Builder is not safe for concurrent use: Add, Delete and SetRoot are
// called from one goroutine (indexer.Walk calls its callback serially).
type Builder struct {
	dir     string
	opts    BuildOptions
	lock    *dirLock
	gen     int         // number of the generation being built
	tmp     string      // DIR/gen-N.tmp
	prev    string      // live generation when we started ("" if none)
	idx     bleve.Index // nil while a build from empty is written by bulk
	bulk    *bulkWriter // a build from empty (bulk.go); nil for an incremental one
	mapping mapping.IndexMapping
	config  map[string]any // scorch's config for idx
	// bulkStats are the BM25 corpus statistics a build from empty counted
	// as it went (bulk.go).
	bulkStats *corpusStats
	store     *docstore.Store // the records' text and metadata (docstore)
	analysis  *docAnalysis    // analyses each record's prose once (analyze.go)
	batch     *bleve.Batch
	pending   int // bytes of records in batch

	// existing holds, for an incremental build, every record of the copied
	// generation: its hash to skip unchanged records and its root to find
	// the ones whose files are gone.
	existing map[string]storedRecord
	seen     map[string]bool   // IDs added (or marked seen) in this run
	added    map[string]bool   // IDs indexed in this run, to count a repeated ID once
	owner    map[string]string // root of each ID indexed in this run
	roots    map[string]bool   // roots declared with SetRoot in this run
	keep     map[string]bool   // roots whose unseen records stay (KeepUnseen)
	root     string

	stats BuildStats
	done  bool

	// async receives what scorch's background goroutines fail to do (write
	// a segment, merge): Batch cannot report it, so flush and Commit check
	// here. Without it a full disk leaves Commit waiting for a persist that
	// scorch retries forever.
	async    *asyncErrors
	asyncKey string // b.tmp while the generation is registered in building

	// Batches are written in the background, at most writersInFlight at
	// once (see flush). slots holds a token per batch being written;
	// writeErr is the first error one of them met; flushed holds the IDs
	// of records in batches sent since the last drain, whose order against
	// a later change to the same ID is not guaranteed until then.
	slots    chan struct{}
	writeMu  sync.Mutex
	writeErr error
	flushed  map[string]bool
	batchIDs []string // IDs added or deleted in batch
}

// writersInFlight is how many batches are written at once. bleve analyses
// a batch's documents on several goroutines but then builds its segment
// on one; with two batches in flight one is analysed while the other's
// segment is built, which keeps both cores busy (docs/bench.md).
const writersInFlight = 2

type storedRecord struct{ hash, root string }

// NewBuilder locks dir (creating it if needed), removes what killed writers
// left, and prepares the next generation: a copy of the live one, or an
// empty index when opts.Rebuild is set or there is none yet.
//
// A second writer on the same directory, in this process or another, gets
// a *LockedError (errors.Is(err, ErrLocked)) at once.
func NewBuilder(dir string, opts BuildOptions) (*Builder, error) {
	b, err := newBuilder(dir, opts)
	if err != nil {
		return nil, fmt.Errorf("build index %s: %w", dir, err)
	}
	return b, nil
}

func newBuilder(dir string, opts BuildOptions) (*Builder, error) {
	segmentRecords := max(opts.BatchSize, 0)
	if opts.BatchSize <= 0 {
		opts.BatchSize = DefaultBatchSize
	}
	if opts.BatchBytes <= 0 {
		opts.BatchBytes = DefaultBatchBytes
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	lock, err := lockDir(dir)
	if err != nil {
		return nil, err
	}
	b := &Builder{
		dir: dir, opts: opts, lock: lock,
		seen: map[string]bool{}, added: map[string]bool{}, roots: map[string]bool{}, owner: map[string]string{},
		slots: make(chan struct{}, writersInFlight), flushed: map[string]bool{},
	}
	if err := b.start(segmentRecords); err != nil {
		if b.idx != nil {
			b.idx.Close()
		}
		if b.bulk != nil {
			b.bulk.stop()
		}
		if b.store != nil {
			b.store.Close()
		}
		if b.tmp != "" {
			os.RemoveAll(b.tmp)
		}
		building.Delete(b.asyncKey)
		lock.unlock()
		return nil, err
	}
	if opts.Root != "" {
		b.SetRoot(opts.Root)
	}
	return b, nil
}

func (b *Builder) start(segmentRecords int) error {
	if err := removeTmp(b.dir); err != nil {
		return err
	}
	live, err := readCurrent(b.dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	b.prev = live
	fresh := live == "" || b.opts.Rebuild
	gens, err := generations(b.dir)
	if err != nil {
		return err
	}
	b.gen = 1
	if len(gens) > 0 {
		b.gen = gens[len(gens)-1] + 1
	}
	b.tmp = filepath.Join(b.dir, genName(b.gen)+tmpSuffix)

	// Each Batch returns once its segment is on disk. bleve's unsafe_batch
	// returns as soon as the segment is searchable instead, which buys
	// nothing here (the generation becomes live only after the final
	// close and fsync in Commit) and lets unpersisted segments pile up in
	// memory when the writers outrun the persister; with two batches in
	// flight (flush) the wait overlaps the next batch's analysis, and
	// ingest was faster with it than without (docs/bench.md).
	config := map[string]interface{}{"bolt_timeout": "5s",
		"asyncErrorCallbackName": asyncErrorCallback,
		"forceSegmentType":       segmentType, "forceSegmentVersion": segmentVersion,
		"scorchMergePlanOptions": mergePlan()} // merge.go
	b.config = config
	b.async, b.asyncKey = newAsyncErrors(), b.tmp
	building.Store(b.asyncKey, b.async)
	if fresh {
		b.mapping = newMapping()
		if b.bulk, err = newBulkWriter(filepath.Join(b.tmp, bulkDir), segmentRecords, proseFieldBases()); err != nil {
			return err
		}
		return b.startBatches()
	}

	if err := copyDir(filepath.Join(b.dir, live), b.tmp); err != nil {
		return fmt.Errorf("copy %s: %w", live, err)
	}
	b.idx, err = bleve.OpenUsing(b.tmp, config)
	if err != nil {
		return fmt.Errorf("open copy of %s: %w", live, err)
	}
	b.mapping = b.idx.Mapping()
	if v := storedVersion(b.idx); v != MappingVersion {
		return &VersionError{Dir: b.dir, Have: v, Want: MappingVersion}
	}
	if b.existing, err = loadStored(b.idx); err != nil {
		return fmt.Errorf("read %s: %w", live, err)
	}
	return b.startBatches()
}

// startBatches prepares what Add needs once the index is open.
func (b *Builder) startBatches() error {
	var err error
	if b.analysis, err = newDocAnalysis(b.mapping); err != nil {
		return err
	}
	if b.idx != nil {
		b.batch = b.idx.NewBatch()
	}
	b.store, err = docstore.OpenWriter(filepath.Join(b.tmp, docsDir))
	return err
}

// loadStored reads the hash and root of every record, paging through the
// index in ID order.
func loadStored(idx bleve.Index) (map[string]storedRecord, error) {
	out := map[string]storedRecord{}
	const page = 5000
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), page, 0, false)
		req.Fields = []string{FieldHash, FieldRoot}
		req.SortBy([]string{"_id"})
		if after != nil {
			req.SetSearchAfter(after)
		}
		res, err := idx.Search(req)
		if err != nil {
			return nil, err
		}
		for _, h := range res.Hits {
			hash, _ := h.Fields[FieldHash].(string)
			root, _ := h.Fields[FieldRoot].(string)
			out[h.ID] = storedRecord{hash: hash, root: root}
		}
		if len(res.Hits) < page {
			return out, nil
		}
		after = []string{res.Hits[len(res.Hits)-1].ID}
	}
}

// storedVersion returns the mapping version an index was built with, 0 if
// it records none.
func storedVersion(idx bleve.Index) int {
	b, err := idx.GetInternal([]byte(internalVersion))
	if err != nil || b == nil {
		return 0
	}
	v, _ := strconv.Atoi(string(b))
	return v
}

// SetRoot names the ingest root (e.g. the absolute path of the folder being
// walked) of the records added next. At Commit, records from a root named
// in this run that were not added (or marked with Seen) in this run are
// deleted: their files are gone. Records added without a root are never
// deleted that way, so ingesting one extra file does not empty the index.
func (b *Builder) SetRoot(root string) {
	b.root = root
	if root != "" {
		b.roots[root] = true
	}
}

// KeepUnseen keeps, at Commit, every record of the current root that this
// run neither added nor marked Seen. It is for input that failed in a way
// that names no records (a JSON Lines file that breaks off partway: the
// IDs on its unread lines are unknown), so that they are not taken for
// deleted.
func (b *Builder) KeepUnseen() {
	if b.keep == nil {
		b.keep = map[string]bool{}
	}
	b.keep[b.root] = true
}

// Seen marks records as still present without re-adding them (e.g. files
// that could not be read this time but whose old records should stay).
func (b *Builder) Seen(ids ...string) {
	for _, id := range ids {
		b.seen[id] = true
	}
}

// TakenByOther reports whether the record id belongs to a root other than
// the current one (SetRoot): indexed from it earlier in this run, or in
// the index from an earlier run. An ingest gives its file another ID
// rather than replace that root's record (indexer.Options.Taken). Records
// added without a root belong to no root and are not counted.
func (b *Builder) TakenByOther(id string) bool {
	if root, ok := b.owner[id]; ok {
		return root != b.root
	}
	old, ok := b.existing[id]
	return ok && old.root != "" && old.root != b.root
}

// Add inserts or replaces a record. A record whose Hash equals the stored
// one (from the same root) is skipped and counted as unchanged.
func (b *Builder) Add(rec Record) error {
	if b.done {
		return errors.New("add: builder is finished")
	}
	if err := rec.Validate(); err != nil {
		return fmt.Errorf("add %q: %w", rec.ID, err)
	}
	again := b.added[rec.ID]
	if again && b.flushed[rec.ID] {
		// The earlier version may still be on its way in: let it land
		// first, so that the last one wins.
		if err := b.drain(); err != nil {
			return fmt.Errorf("add %q: %w", rec.ID, err)
		}
	}
	b.seen[rec.ID] = true
	old, existed := b.existing[rec.ID]
	if !again && existed && rec.Hash != "" && old.hash == rec.Hash && old.root == b.root {
		b.stats.Unchanged++
		return nil
	}
	rec = validText(rec)
	fields, body := indexFields(rec, b.root, false)
	bdoc, err := b.analysis.document(b.mapping, rec.ID, fields)
	if err != nil {
		return fmt.Errorf("add %q: %w", rec.ID, err)
	}
	if b.bulk != nil {
		err = b.bulk.add(rec.ID, bdoc)
	} else {
		err = b.batch.IndexAdvanced(bdoc)
	}
	if err != nil {
		return fmt.Errorf("add %q: %w", rec.ID, err)
	}
	if err := storeRecord(b.store, rec, body); err != nil {
		return fmt.Errorf("add %q: %w", rec.ID, err)
	}
	b.batchIDs = append(b.batchIDs, rec.ID)
	b.added[rec.ID] = true
	b.owner[rec.ID] = b.root
	switch {
	case again: // the same ID twice in one run: the last one wins, counted once
	case existed:
		b.stats.Updated++
	default:
		b.stats.Added++
	}
	b.pending += recordBytes(rec)
	if b.bulk != nil {
		return nil
	}
	if b.batch.Size() >= b.opts.BatchSize || b.pending >= b.opts.BatchBytes {
		return b.flush()
	}
	return nil
}

// Delete removes a record by ID, if the index holds it.
func (b *Builder) Delete(id string) error {
	if b.done {
		return errors.New("delete: builder is finished")
	}
	_, existed := b.existing[id]
	wasAdded := b.added[id]
	if !existed && !wasAdded {
		return nil
	}
	if b.flushed[id] {
		if err := b.drain(); err != nil {
			return fmt.Errorf("delete %q: %w", id, err)
		}
	}
	if b.bulk != nil {
		if err := b.bulk.delete(id); err != nil {
			return fmt.Errorf("delete %q: %w", id, err)
		}
	} else {
		b.batch.Delete(id)
		b.batchIDs = append(b.batchIDs, id)
	}
	b.store.Delete(id)
	delete(b.seen, id)
	delete(b.added, id)
	delete(b.owner, id)
	if existed {
		delete(b.existing, id)
		b.stats.Deleted++
	} else {
		b.stats.Added--
	}
	if b.batch != nil && b.batch.Size() >= b.opts.BatchSize {
		return b.flush()
	}
	return nil
}

// flush sends the batch to be written in the background and starts a new
// one. It waits only when writersInFlight batches are being written
// already; errors of a background write are returned by a later flush or
// by drain.
func (b *Builder) flush() error {
	if b.bulk != nil {
		return nil // the bulk writer has no batches
	}
	if err := b.async.get(); err != nil {
		return fmt.Errorf("write batch: %w", err)
	}
	if err := b.firstWriteErr(); err != nil {
		return err
	}
	if b.batch.Size() == 0 {
		return nil
	}
	batch := b.batch
	for _, id := range b.batchIDs {
		b.flushed[id] = true
	}
	b.batchIDs = b.batchIDs[:0]
	b.slots <- struct{}{}
	go func() {
		defer func() { <-b.slots }()
		if err := b.idx.Batch(batch); err != nil {
			b.writeMu.Lock()
			if b.writeErr == nil {
				b.writeErr = fmt.Errorf("write batch: %w", err)
			}
			b.writeMu.Unlock()
		}
	}()
	// A new batch rather than Reset: the old one is being written, and
	// scorch's Batch returns while one of its goroutines may still range
	// over the old batch's map (a data race under -race).
	b.batch = b.idx.NewBatch()
	b.pending = 0
	return nil
}

// drain waits until every batch sent by flush is written.
func (b *Builder) drain() error {
	if b.bulk != nil {
		return nil // the bulk writer adds records in order
	}
	for range writersInFlight {
		b.slots <- struct{}{}
	}
	for range writersInFlight {
		<-b.slots
	}
	clear(b.flushed)
	return b.firstWriteErr()
}

func (b *Builder) firstWriteErr() error {
	b.writeMu.Lock()
	defer b.writeMu.Unlock()
	return b.writeErr
}

// recordBytes approximates the memory a record takes in a batch: its text.
func recordBytes(rec Record) int {
	n := len(rec.Title) + len(rec.Abstract)
	for _, p := range rec.Paragraphs {
		n += len(p)
	}
	return n
}
