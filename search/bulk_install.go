package search

import (
	"errors"
	"fmt"
	"maps"
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

// Installing the segments the bulk writer wrote as the segments of a new
// bleve index.

// installSegments creates the bleve index of a build from empty at path
// and makes the segment files segs its segments, moving them into it.
// scorch builds a batch's segment from its documents through the segment
// plugin, so each is handed over as a batch of one document, named for
// the segment, for which prebuiltPlugin returns the segment itself; the
// index files (index_meta.json, root.bolt) are scorch's own. The index is
// configured not to merge them (its segments are few: maxBulkSegments),
// so that two identical builds give the same index.
func installSegments(segs []string, path string, m mapping.IndexMapping, config map[string]any) (bleve.Index, error) {
	cfg := maps.Clone(config)
	cfg["scorchMergePlanOptions"] = noMergePlan()
	idx, err := bleve.NewUsing(path, m, scorch.Name, bleve.Config.DefaultKVStore, cfg)
	if err != nil {
		return nil, err
	}
	for _, seg := range segs {
		if err := installSegment(idx, seg); err != nil {
			idx.Close()
			return nil, fmt.Errorf("install segment %s: %w", filepath.Base(seg), err)
		}
	}
	return idx, nil
}

// installSegment adds the segment file seg to idx, moving the file.
func installSegment(idx bleve.Index, seg string) error {
	s, err := (&zap.ZapPlugin{}).Open(seg)
	if err != nil {
		return err
	}
	key := prebuiltPrefix + strconv.Quote(seg)
	prebuilt.Store(key, &prebuiltSegment{Segment: s, path: seg})
	b := idx.NewBatch()
	if err := b.Index(key, map[string]any{}); err != nil {
		prebuilt.Delete(key)
		s.Close()
		return err
	}
	err = idx.Batch(b) // returns once scorch has persisted it (moved the file)
	if _, ok := prebuilt.LoadAndDelete(key); ok {
		// Not taken: the batch went wrong before the plugin saw it.
		s.Close()
		if err == nil {
			err = errors.New("segment not handed to the index")
		}
	}
	return err
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
