package search

import "github.com/blevesearch/bleve/v2/index/scorch/mergeplan"

// Merge policy while a generation is written.
//
// Scorch merges persisted segments in the background by a tiered plan
// whose defaults (at most 10 segments per tier, small segments counted
// as 2,000 documents) suit a long-lived index taking a trickle of
// updates: with our batches of about 100 documents it merged as soon as
// a few batches had landed, so that a record's postings and the batch's
// whole term dictionary were rewritten several times before the final
// merge into one segment rewrote them once more. A generation built from
// empty is read by nobody until Commit, so its merges only need to keep
// the number of segments (each batch's introduction looks its IDs up in
// every segment) and the open files bounded: freshMergePlan lets up to
// freshMergeWidth segments of each size gather and merges them in one
// task, and mergeAll then merges what is left in one go.
//
// An incremental build keeps scorch's defaults, so that a small update
// does not rewrite the whole index. The options are given to scorch in
// the index config, which bleve stores with the index (index_meta.json):
// an incremental build therefore names the defaults explicitly rather
// than inherit the fresh build's plan.
const freshMergeWidth = 30

// freshMergePlan is the merge plan of a build from empty, as scorch's
// "scorchMergePlanOptions" config value (JSON-shaped: bleve stores it).
func freshMergePlan() map[string]any {
	o := mergeplan.DefaultMergePlanOptions
	return map[string]any{
		"MaxSegmentsPerTier":   freshMergeWidth,
		"SegmentsPerMergeTask": freshMergeWidth,
		"TierGrowth":           float64(freshMergeWidth),
		"FloorSegmentSize":     int64(1), // segments count as what they hold, not as 2,000 documents
		"MaxSegmentSize":       o.MaxSegmentSize,
		"MaxSegmentFileSize":   o.MaxSegmentFileSize,
		"ReclaimDeletesWeight": o.ReclaimDeletesWeight,
	}
}

// incrementalMergePlan is scorch's default plan, named explicitly.
func incrementalMergePlan() map[string]any {
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

// finalMergePlan merges every segment of a fresh generation in one task
// (SingleSegmentMergePlanOptions merges ten at a time, so a generation of
// a hundred segments was merged twice over).
func finalMergePlan() *mergeplan.MergePlanOptions {
	o := mergeplan.SingleSegmentMergePlanOptions
	o.SegmentsPerMergeTask = 1 << 20
	return &o
}
