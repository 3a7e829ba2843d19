package main

import (
	"math"
	"reflect"
	"testing"
)

// Useful discounts: 1/log2(2) = 1, 1/log2(3) = 0.630930, 1/log2(4) = 0.5,
// 1/log2(5) = 0.430677, 1/log2(6) = 0.386853.

// Binary example: four relevant documents (a, b, c, d), d never retrieved;
// x is judged non-relevant, y is unjudged.
var (
	binaryRun    = []string{"a", "x", "b", "y", "c"}
	binaryJudged = judgments{"a": 1, "b": 1, "c": 1, "d": 1, "x": 0}
)

// Graded example: c (grade 3) is missing from the run, b (1) is ranked
// above a (2).
var (
	gradedRun    = []string{"b", "a", "z"}
	gradedJudged = judgments{"a": 2, "b": 1, "c": 3}
)

func TestAveragePrecision(t *testing.T) {
	tests := []struct {
		name   string
		ranked []string
		j      judgments
		want   float64
	}{
		// Relevant at ranks 1, 3, 5: (1/1 + 2/3 + 3/5) / 4 relevant = 2.266667/4.
		{"binary", binaryRun, binaryJudged, 0.566667},
		// Relevant at ranks 1, 2: (1/1 + 2/2) / 3 relevant.
		{"graded counts any grade > 0", gradedRun, gradedJudged, 0.666667},
		{"perfect", []string{"a", "b"}, judgments{"a": 1, "b": 2}, 1},
		// Only relevant document at rank 4: (1/4) / 1.
		{"late", []string{"w", "x", "y", "a"}, judgments{"a": 1}, 0.25},
		{"nothing retrieved", nil, binaryJudged, 0},
		{"nothing relevant", binaryRun, judgments{"x": 0}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := averagePrecision(tt.ranked, tt.j); !near(got, tt.want) {
				t.Errorf("averagePrecision(%v) = %.6f, want %.6f", tt.ranked, got, tt.want)
			}
		})
	}
}

func TestPrecisionRecall(t *testing.T) {
	tests := []struct {
		name         string
		k            int
		ranked       []string
		j            judgments
		wantP, wantR float64
	}{
		// 3 relevant in 5 retrieved; P@10 still divides by 10. R = 3/4.
		{"P@10 short run", 10, binaryRun, binaryJudged, 0.3, 0.75},
		// Top 2 holds a only: P = 1/2, R = 1/4.
		{"k=2", 2, binaryRun, binaryJudged, 0.5, 0.25},
		// Top 5 holds a, b, c: P = 3/5, R = 3/4.
		{"k=5", 5, binaryRun, binaryJudged, 0.6, 0.75},
		// Top 1 holds b (grade 1): P = 1, R = 1/3.
		{"graded k=1", 1, gradedRun, gradedJudged, 1, 0.333333},
		{"empty", 10, nil, gradedJudged, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := precisionAt(tt.k, tt.ranked, tt.j); !near(got, tt.wantP) {
				t.Errorf("precisionAt(%d, %v) = %.6f, want %.6f", tt.k, tt.ranked, got, tt.wantP)
			}
			if got := recallAt(tt.k, tt.ranked, tt.j); !near(got, tt.wantR) {
				t.Errorf("recallAt(%d, %v) = %.6f, want %.6f", tt.k, tt.ranked, got, tt.wantR)
			}
		})
	}
}

func TestNDCG(t *testing.T) {
	tests := []struct {
		name   string
		k      int
		ranked []string
		j      judgments
		want   float64
	}{
		// DCG = 1/log2(2) + 1/log2(4) + 1/log2(6) = 1 + 0.5 + 0.386853 = 1.886853
		// ideal (a, b, c, d on top) = 1 + 0.630930 + 0.5 + 0.430677 = 2.561606
		// 1.886853 / 2.561606 = 0.736590
		{"binary", 10, binaryRun, binaryJudged, 0.736590},
		// DCG = 1/1 + 2/log2(3) = 1 + 1.261860 = 2.261860
		// ideal (c, a, b) = 3/1 + 2/log2(3) + 1/log2(4) = 3 + 1.261860 + 0.5 = 4.761860
		// 2.261860 / 4.761860 = 0.474995
		{"graded linear gain", 10, gradedRun, gradedJudged, 0.474995},
		// Cut at 1: DCG = 1 (b), ideal = 3 (c).
		{"graded k=1", 1, gradedRun, gradedJudged, 0.333333},
		// Cut at 2: the ideal is cut too. DCG = 2.261860, ideal = 3 + 1.261860.
		// 2.261860 / 4.261860 = 0.530721
		{"graded k=2", 2, gradedRun, gradedJudged, 0.530721},
		{"perfect", 10, []string{"c", "a", "b"}, gradedJudged, 1},
		{"nothing relevant", 10, binaryRun, judgments{"x": 0}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ndcgAt(tt.k, tt.ranked, tt.j); !near(got, tt.want) {
				t.Errorf("ndcgAt(%d, %v) = %.6f, want %.6f", tt.k, tt.ranked, got, tt.want)
			}
		})
	}
}

func TestTrecOrder(t *testing.T) {
	run := []scoredDoc{{"a", 1}, {"b", 2}, {"c", 1}, {"a", 0.5}, {"ab", 1}}
	// b has the best score; a, ab and c tie and go by ID descending; the
	// second a is a duplicate and dropped.
	want := []scoredDoc{{"b", 2}, {"c", 1}, {"ab", 1}, {"a", 1}}
	if got := trecOrder(run); !reflect.DeepEqual(got, want) {
		t.Errorf("trecOrder(%v) = %v, want %v", run, got, want)
	}
}

func TestMeanScores(t *testing.T) {
	qs := []queryScores{{NDCG10: 1, AP: 0.5, P10: 0.1, R100: 1, R1000: 1}, {NDCG10: 0, AP: 0.25, P10: 0.3, R100: 0, R1000: 0.5}}
	want := queryScores{NDCG10: 0.5, AP: 0.375, P10: 0.2, R100: 0.5, R1000: 0.75}
	got := meanScores(qs)
	if !near(got.NDCG10, want.NDCG10) || !near(got.AP, want.AP) || !near(got.P10, want.P10) ||
		!near(got.R100, want.R100) || !near(got.R1000, want.R1000) {
		t.Errorf("meanScores = %+v, want %+v", got, want)
	}
	if got := meanScores(nil); got != (queryScores{}) {
		t.Errorf("meanScores(nil) = %+v, want zero", got)
	}
}

// near compares to the six decimals the expected values are written with.
func near(got, want float64) bool { return math.Abs(got-want) < 5e-7 }
