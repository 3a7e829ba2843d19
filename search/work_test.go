package search

import (
	"fmt"
	"slices"
	"strconv"
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

// TestWorksAcrossMergedBatches: records in many small batches, merged into
// one segment at the end, still group into works. zap's dictionary counts
// every term after a one-document term as 1 in a merged segment, which
// once made a collection of more than one batch show no works at all.
func TestWorksAcrossMergedBatches(t *testing.T) {
	var recs []Record
	for i := range 12 {
		title := fmt.Sprintf("Coca and alternative development, part %d", i)
		recs = append(recs,
			Record{ID: fmt.Sprintf("en-%02d", i), Source: fmt.Sprintf("a/en-%02d.html", i), Title: title, Year: 2010 + i,
				Series: "Drug Policy Briefing", Number: i + 1, Paragraphs: []string{"Coca eradication in the Andes."}},
			Record{ID: fmt.Sprintf("es-%02d", i), Source: fmt.Sprintf("b/es-%02d.html", i), Title: "Coca y desarrollo alternativo " + strconv.Itoa(i), Year: 2010 + i,
				Series: "Drug Policy Briefing", Number: i + 1, Language: "es", Paragraphs: []string{"Erradicación de coca en los Andes."}})
	}
	dir := t.TempDir()
	mustCommit(t, dir, BuildOptions{Rebuild: true, BatchSize: 3}, recs...)
	idx, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	res := mustSearch(t, idx, Query{Size: 100})
	if res.Total != 12 {
		t.Errorf("total %d works, want 12 (each briefing in two languages is one work)", res.Total)
	}
	for _, h := range res.Hits {
		if len(h.Versions) != 1 {
			t.Errorf("%s has %d other versions, want its translation", h.ID, len(h.Versions))
		}
	}
}
