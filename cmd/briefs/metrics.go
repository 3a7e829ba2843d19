package main

import (
	"math"
	"sort"
)

// The ranking metrics of `briefs eval search`, computed the way trec_eval
// computes them so that our figures can be compared with published ones and
// checked by running trec_eval on the file --run writes:
//
//   - relevant means a judged grade > 0 (trec_eval's default relevance level 1);
//   - AP is the sum, over relevant documents retrieved, of the precision at
//     their rank, divided by the number of relevant documents judged;
//   - P@k divides by k even when fewer than k documents came back;
//   - nDCG@k uses the grade as gain (linear, not 2^grade-1), discounts rank r
//     by log2(r+1), and takes the ideal ranking from all judged documents;
//   - a run is read in trec_eval's order (score descending, ties by document
//     ID descending), not in the order the engine returned it.

// judgments are the graded relevance judgments for one query, by document ID.
type judgments map[string]int

// numRelevant counts the judged relevant documents.
func (j judgments) numRelevant() int {
	n := 0
	for _, g := range j {
		if g > 0 {
			n++
		}
	}
	return n
}

// scoredDoc is one retrieved document with the engine's score.
type scoredDoc struct {
	ID    string
	Score float64
}

// trecOrder returns the run sorted as trec_eval reads it (score descending,
// ties by ID descending), keeping only the first of duplicate IDs, which
// trec_eval would reject.
func trecOrder(run []scoredDoc) []scoredDoc {
	seen := make(map[string]bool, len(run))
	out := make([]scoredDoc, 0, len(run))
	for _, d := range run {
		if !seen[d.ID] {
			seen[d.ID] = true
			out = append(out, d)
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Score != out[b].Score {
			return out[a].Score > out[b].Score
		}
		return out[a].ID > out[b].ID
	})
	return out
}

// averagePrecision is AP over the whole ranking (trec_eval's "map" for one
// query); 0 when nothing is relevant.
func averagePrecision(ranked []string, j judgments) float64 {
	nrel := j.numRelevant()
	if nrel == 0 {
		return 0
	}
	sum, found := 0.0, 0
	for i, id := range ranked {
		if j[id] > 0 {
			found++
			sum += float64(found) / float64(i+1)
		}
	}
	return sum / float64(nrel)
}

// precisionAt is the share of the first k ranks holding relevant documents.
func precisionAt(k int, ranked []string, j judgments) float64 {
	if k <= 0 {
		return 0
	}
	return float64(relevantIn(k, ranked, j)) / float64(k)
}

// recallAt is the share of the relevant documents found in the first k ranks.
func recallAt(k int, ranked []string, j judgments) float64 {
	nrel := j.numRelevant()
	if nrel == 0 {
		return 0
	}
	return float64(relevantIn(k, ranked, j)) / float64(nrel)
}

func relevantIn(k int, ranked []string, j judgments) int {
	n := 0
	for i, id := range ranked {
		if i >= k {
			break
		}
		if j[id] > 0 {
			n++
		}
	}
	return n
}

// ndcgAt is nDCG@k with linear gain and a log2(rank+1) discount, normalised
// by the best possible ranking of all judged documents.
func ndcgAt(k int, ranked []string, j judgments) float64 {
	var gains []int
	for _, g := range j {
		if g > 0 {
			gains = append(gains, g)
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(gains)))
	ideal := 0.0
	for i, g := range gains {
		if i >= k {
			break
		}
		ideal += float64(g) / math.Log2(float64(i+2))
	}
	if ideal == 0 {
		return 0
	}
	dcg := 0.0
	for i, id := range ranked {
		if i >= k {
			break
		}
		if g := j[id]; g > 0 {
			dcg += float64(g) / math.Log2(float64(i+2))
		}
	}
	return dcg / ideal
}

// queryScores are the per-query figures of one evaluated query.
type queryScores struct {
	NDCG10, AP, P10, R100, R1000 float64
}

// scoreQuery computes every reported metric for one ranking.
func scoreQuery(ranked []string, j judgments) queryScores {
	return queryScores{
		NDCG10: ndcgAt(10, ranked, j),
		AP:     averagePrecision(ranked, j),
		P10:    precisionAt(10, ranked, j),
		R100:   recallAt(100, ranked, j),
		R1000:  recallAt(1000, ranked, j),
	}
}

// meanScores averages per-query figures (the arithmetic mean trec_eval
// reports as "all"); zero for no queries.
func meanScores(qs []queryScores) queryScores {
	var m queryScores
	if len(qs) == 0 {
		return m
	}
	for _, q := range qs {
		m.NDCG10 += q.NDCG10
		m.AP += q.AP
		m.P10 += q.P10
		m.R100 += q.R100
		m.R1000 += q.R1000
	}
	n := float64(len(qs))
	m.NDCG10 /= n
	m.AP /= n
	m.P10 /= n
	m.R100 /= n
	m.R1000 /= n
	return m
}
