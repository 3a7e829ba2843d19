package search

import (
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	zap "github.com/blevesearch/zapx/v15"
)

// Installing a segment the bulk writer wrote as the only segment of a
// new bleve index.

// installSegment makes the segment file seg the only segment of a new
// bleve index at path, moving the file. scorch's offline builder writes
// the index files; it builds its segments from documents through the
// segment plugin, so it is handed one document, named for the segment,
// for which prebuiltPlugin returns the segment instead.
func installSegment(seg, path string, m mapping.IndexMapping) error {
	s, err := (&zap.ZapPlugin{}).Open(seg)
	if err != nil {
		return err
	}
	key := prebuiltPrefix + strconv.Quote(seg)
	prebuilt.Store(key, &prebuiltSegment{Segment: s, path: seg})
	defer prebuilt.Delete(key)
	defer s.Close()
	b, err := bleve.NewBuilder(path, m, map[string]any{
		"forceSegmentType": segmentType, "forceSegmentVersion": segmentVersion,
		"buildPathPrefix": filepath.Dir(seg),
	})
	if err != nil {
		return err
	}
	if err := b.Index(key, map[string]any{}); err != nil {
		b.Close()
		return err
	}
	return b.Close()
}

// prebuiltPrefix begins the ID of the document that stands for a segment
// (installSegment); no record ID can take it (IDs are validated).
const prebuiltPrefix = "\x00briefs-segment:"

// prebuilt holds the segments installSegment is installing, by the ID of
// the document that stands for each.
var prebuilt sync.Map

// prebuiltSegment is a segment already on disk, persisted by moving it.
type prebuiltSegment struct {
	segment.Segment
	path string
}

func (p *prebuiltSegment) Persist(path string) error { return os.Rename(p.path, path) }

// prebuiltPlugin is zap version 15 with one addition: a batch of one
// document that stands for a prebuilt segment gives that segment. It
// replaces zapx v15's plugin in scorch's registry (same type and version,
// so indexes stay readable by bleve without it); every other batch goes to
// zapx unchanged.
type prebuiltPlugin struct{ zap.ZapPlugin }

func (p *prebuiltPlugin) New(results []index.Document) (segment.Segment, uint64, error) {
	if s := takePrebuilt(results); s != nil {
		return s, 0, nil
	}
	return p.ZapPlugin.New(results)
}

func (p *prebuiltPlugin) NewUsing(results []index.Document, config map[string]any) (segment.Segment, uint64, error) {
	if s := takePrebuilt(results); s != nil {
		return s, 0, nil
	}
	return p.ZapPlugin.NewUsing(results, config)
}

func takePrebuilt(results []index.Document) segment.Segment {
	if len(results) != 1 {
		return nil
	}
	s, ok := prebuilt.LoadAndDelete(results[0].ID())
	if !ok {
		return nil
	}
	return s.(*prebuiltSegment)
}

func init() {
	scorch.RegisterSegmentPlugin(&prebuiltPlugin{}, false)
}
