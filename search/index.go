package search

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/briefs/briefs/search/docstore"
)

// Index searches the live generation of an index directory. It is safe for
// concurrent use; Reload switches to a newer generation without disturbing
// searches in flight.
type Index struct {
	dir      string
	resident atomic.Int64 // LimitResident's bound, 0 for none

	mu  sync.RWMutex
	cur *generation // nil after Close
}

// generation is one opened bleve index plus what we read from it once.
// Searches hold a reference while they run; the Index holds one while the
// generation is current. The last release closes it.
type generation struct {
	name   string
	idx    bleve.Index
	store  *docstore.Store // the records themselves
	refs   atomic.Int64
	minY   int      // first year in the corpus, 0 if none
	maxY   int      // last year
	groups []string // language groups present, in langGroups order

	colOnce sync.Once // reads cols on first use (columns.go)
	cols    *docColumns
	colErr  error
}

// Open opens the live generation of dir for searching. It takes no lock: a
// writer may be building the next generation meanwhile (see Reload).
// A directory without an index gives an error matching ErrNoIndex; one
// built with another mapping, a *VersionError.
func Open(dir string) (*Index, error) {
	g, err := openLive(dir)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	return &Index{dir: dir, cur: g}, nil
}

// openLive opens the generation CURRENT names. A writer may replace CURRENT
// and remove the generation it named between our two reads, so a vanished
// generation is retried with the new CURRENT.
func openLive(dir string) (*generation, error) {
	var lastErr error
	for range 3 {
		name, err := readCurrent(dir)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%w: build one with `briefs ingest`", ErrNoIndex)
		}
		if err != nil {
			return nil, err
		}
		g, err := openGeneration(dir, name)
		if err != nil {
			// The generation may have been removed while we opened it
			// (not every error on the way says fs.ErrNotExist): if CURRENT
			// moved on, try the new one.
			if now, cerr := readCurrent(dir); errors.Is(err, fs.ErrNotExist) || (cerr == nil && now != name) {
				lastErr = err
				continue
			}
		}
		return g, err
	}
	return nil, lastErr
}

func openGeneration(dir, name string) (*generation, error) {
	path := filepath.Join(dir, name)
	// read_only: no persister or merger runs, so the files stay exactly as
	// the writer left them (a later incremental build copies them), and
	// any number of processes can open the generation at once.
	idx, err := bleve.OpenUsing(path, map[string]interface{}{"read_only": true})
	if err != nil {
		if errors.Is(err, bleve.ErrorIndexPathDoesNotExist) || errors.Is(err, bleve.ErrorIndexMetaMissing) {
			return nil, fmt.Errorf("%s: %w", name, fs.ErrNotExist)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if v := storedVersion(idx); v != MappingVersion {
		idx.Close()
		return nil, &VersionError{Dir: dir, Have: v, Want: MappingVersion}
	}
	store, err := docstore.Open(filepath.Join(path, docsDir))
	if err != nil {
		idx.Close()
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: %w", name, fs.ErrNotExist)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	g := &generation{name: name, idx: idx, store: store}
	g.refs.Store(1)
	if b, err := idx.GetInternal([]byte(internalYears)); err == nil && b != nil {
		fmt.Sscanf(string(b), "%d %d", &g.minY, &g.maxY)
	}
	if g.groups, err = presentGroups(idx); err != nil {
		idx.Close()
		store.Close()
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	// Read the facet columns now, in the background (a second per 100,000
	// records), rather than in the first search. The reference keeps the
	// generation open meanwhile; a failure is kept for searches to report.
	g.refs.Add(1)
	go func() {
		defer g.release()
		g.columns()
	}()
	return g, nil
}

// presentGroups lists the language groups that have records, so queries
// build branches only for those.
func presentGroups(idx bleve.Index) ([]string, error) {
	d, err := idx.FieldDict(FieldLangGroup)
	if err != nil {
		return nil, err
	}
	defer d.Close()
	have := map[string]bool{}
	for {
		e, err := d.Next()
		if err != nil {
			return nil, err
		}
		if e == nil {
			break
		}
		have[e.Term] = true
	}
	var out []string
	for _, g := range langGroups {
		if have[g] {
			out = append(out, g)
		}
	}
	return out, nil
}

func (g *generation) release() {
	if g.refs.Add(-1) == 0 {
		g.idx.Close()
		g.store.Close()
	}
}

// acquire returns the current generation with a reference the caller must
// release.
func (x *Index) acquire() (*generation, error) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	if x.cur == nil {
		return nil, ErrClosed
	}
	x.cur.refs.Add(1)
	return x.cur, nil
}

// Count returns the number of records in the generation searches use. It
// reads a counter, so it stays instant on a large or busy index (the
// health check uses it rather than a search).
func (x *Index) Count() (uint64, error) {
	g, err := x.acquire()
	if err != nil {
		return 0, err
	}
	defer g.release()
	return g.idx.DocCount()
}

// Generation names the generation searches currently use.
func (x *Index) Generation() string {
	x.mu.RLock()
	defer x.mu.RUnlock()
	if x.cur == nil {
		return ""
	}
	return x.cur.name
}

// Reload switches to the generation CURRENT names if it is not the one in
// use, and reports whether it switched. Searches already running finish on
// the old generation, which is closed when the last of them ends.
func (x *Index) Reload() (bool, error) {
	name, err := readCurrent(x.dir)
	if err != nil {
		return false, fmt.Errorf("reload index %s: %w", x.dir, err)
	}
	x.mu.RLock()
	closed, same := x.cur == nil, x.cur != nil && x.cur.name == name
	x.mu.RUnlock()
	if closed {
		return false, ErrClosed
	}
	if same {
		return false, nil
	}
	g, err := openLive(x.dir)
	if err != nil {
		return false, fmt.Errorf("reload index %s: %w", x.dir, err)
	}
	x.mu.Lock()
	old := x.cur
	if old == nil || old.name == g.name {
		x.mu.Unlock()
		g.release() // closed meanwhile, or another Reload won the race
		if old == nil {
			return false, ErrClosed
		}
		return false, nil
	}
	x.cur = g
	x.mu.Unlock()
	old.release()
	return true, nil
}

// Close closes the index once running searches end; later calls fail
// with ErrClosed.
func (x *Index) Close() error {
	x.mu.Lock()
	g := x.cur
	x.cur = nil
	x.mu.Unlock()
	if g != nil {
		g.release()
	}
	return nil
}

// analyzer returns the analyzer of a language group's prose fields.
func (g *generation) analyzer(group string) analysis.Analyzer {
	return g.idx.Mapping().AnalyzerNamed(langAnalyzer[group])
}

// analyze returns the terms of text as the given analyzer indexes them.
func analyze(a analysis.Analyzer, text string) []string {
	if a == nil || strings.TrimSpace(text) == "" {
		return nil
	}
	toks := a.Analyze([]byte(text))
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, string(t.Term))
	}
	return out
}

// reader opens an index reader for dictionary lookups (expansion and
// suggestions). The caller closes it.
func (g *generation) reader() (index.IndexReader, error) {
	adv, err := g.idx.Advanced()
	if err != nil {
		return nil, err
	}
	return adv.Reader()
}
