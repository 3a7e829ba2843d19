package search

import (
	"bufio"
	"encoding/json"
	"os"
	"slices"
	"strconv"
	"testing"
)

// multilingualRecords reads testdata/multilingual.jsonl: English, Spanish
// and French records on distinct topics (remittances, informality, water
// privatisation, coca eradication, trafficking), where the Spanish and
// French ones cite English titles in their bibliographies and two English
// reports mention the topics' words in passing.
func multilingualRecords(t *testing.T) []Record {
	t.Helper()
	f, err := os.Open("testdata/multilingual.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var recs []Record
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("multilingual.jsonl: %v", err)
		}
		r.Hash = r.ID
		recs = append(recs, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return recs
}

// TestOneScaleAcrossLanguages checks that a word weighs the same whatever
// the language of the records it is found in: the records about a topic
// in the query's language come first, not the records of another language
// that cite the word in a bibliography, where it is rare.
func TestOneScaleAcrossLanguages(t *testing.T) {
	idx := mustBuildIndex(t, multilingualRecords(t)...)
	tests := []struct {
		q   string
		top []string // the first len(top) hits, in any order
	}{
		{"remittances", []string{"en-remit-1", "en-remit-2", "en-remit-3"}},
		{"informality", []string{"en-inf-1", "en-inf-2", "en-inf-3"}},
		{"water privatisation", []string{"en-water-1", "en-water-2", "en-water-3"}},
		// a ranked query: the two English records on the cost of sending
		// remittances first, above the Spanish one on the same subject
		// (which shares "cost" and "families" through costo, familias)
		{"the cost of sending remittances to families", []string{"en-remit-1", "en-remit-3"}},
		{"remesas", []string{"es-remesas-1", "es-remesas-2", "es-remesas-3"}},
		{"erradicar", []string{"es-erradicacion-1", "es-erradicacion-2", "es-erradicacion-3"}},
		{"trafiquants", []string{"fr-trafic-1"}}, // which says trafiquant
	}
	for _, tt := range tests {
		res := mustSearch(t, idx, Query{Text: tt.q, Size: 10})
		got := ids(res)
		top := got[:min(len(tt.top), len(got))]
		for _, id := range tt.top {
			if !slices.Contains(top, id) {
				t.Errorf("%q: top %d = %v, want %v (all hits: %v)", tt.q, len(tt.top), top, tt.top, scored(res))
				break
			}
		}
	}
}

// TestPolicyIsNotPolice checks that English stemming keeps policy and
// police apart, and finds police by its own name.
func TestPolicyIsNotPolice(t *testing.T) {
	idx := mustBuildIndex(t, multilingualRecords(t)...)
	if got := ids(mustSearch(t, idx, Query{Text: "policy", Size: 50})); slices.Contains(got, "en-police-1") {
		t.Errorf("policy: hits %v include en-police-1, which only says police", got)
	}
	if got := ids(mustSearch(t, idx, Query{Text: "police"})); !slices.Equal(got, []string{"en-police-1"}) {
		t.Errorf("police: hits %v, want [en-police-1]", got)
	}
}

// scored lists hit IDs with their scores, for failure messages.
func scored(res *Results) []string {
	out := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		out[i] = h.ID + " " + strconv.FormatFloat(h.Score, 'f', 3, 64)
	}
	return out
}
