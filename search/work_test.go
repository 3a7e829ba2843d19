package search

import (
	"slices"
	"testing"
)

// TestJSONLinesRecordsAreWorksOfTheirOwn: the records of one JSON Lines
// file share its name as their Source, yet each line is a work of its own;
// two files of a folder that are one page each are still matched by name.
func TestJSONLinesRecordsAreWorksOfTheirOwn(t *testing.T) {
	rec := func(id, source, title string) Record {
		return Record{ID: id, Source: source, Title: title, Paragraphs: []string{title + " and coca crops in the Andes."}}
	}
	idx := mustBuildIndex(t,
		rec("a", "export.jsonl", "Alternative development in Bolivia"),
		rec("b", "export.jsonl", "Fumigation in Colombia"),
		rec("c", "export.jsonl.gz", "Crop substitution in Peru"),
		rec("d", "export.jsonl.gz", "Eradication in Ecuador"),
	)
	res := mustSearch(t, idx, Query{Text: "coca", Size: 10})
	got := ids(res)
	slices.Sort(got)
	if want := []string{"a", "b", "c", "d"}; !slices.Equal(got, want) {
		t.Fatalf("hits %v, want one per record %v", got, want)
	}
	for _, h := range res.Hits {
		if len(h.Versions) > 0 {
			t.Errorf("%s has versions %v: records of one JSON Lines file were folded into one work", h.ID, h.Versions)
		}
	}
	if keys := workKeys(rec("x", "notes/x.html", "Alternative development in Bolivia"), "r"); !slices.Contains(keys, "f|r|notes/x.html") {
		t.Errorf("workKeys of a page %v lack its file key", keys)
	}
}
