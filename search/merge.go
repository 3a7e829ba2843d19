package search

import "github.com/blevesearch/bleve/v2/index/scorch/mergeplan"

// mergePlan is the merge policy of a generation being updated by bleve's
// batches: scorch's default tiered plan, named explicitly because bleve
// stores the config it is given with the index (index_meta.json), so that
// an index keeps the plan it was opened with. A build from empty does not
// merge this way: it writes its segments itself and merges them once
// (bulk.go).
func mergePlan() map[string]any {
	o := mergeplan.DefaultMergePlanOptions
	return map[string]any{
		"MaxSegmentsPerTier":   o.MaxSegmentsPerTier,
		"SegmentsPerMergeTask": o.SegmentsPerMergeTask,
		"TierGrowth":           o.TierGrowth,
		"FloorSegmentSize":     o.FloorSegmentSize,
		"MaxSegmentSize":       o.MaxSegmentSize,
		"MaxSegmentFileSize":   o.MaxSegmentFileSize,
		"ReclaimDeletesWeight": o.ReclaimDeletesWeight,
	}
}

// noMergePlan merges nothing: the plan of a generation built from empty
// while it is finished (bulk.go installs its few segments as they are).
func noMergePlan() map[string]any {
	plan := mergePlan()
	plan["MaxSegmentsPerTier"] = 1 << 30
	plan["SegmentsPerMergeTask"] = 1 << 30
	return plan
}
