package search

import (
	"context"
	"fmt"
	"os"
	"slices"
	"testing"

	"github.com/briefs/briefs/indexer"
)

// mustBuildIndex builds recs into a fresh index directory and opens it.
func mustBuildIndex(t testing.TB, recs ...Record) *Index {
	t.Helper()
	dir := t.TempDir()
	mustCommit(t, dir, BuildOptions{Rebuild: true}, recs...)
	idx, err := Open(dir)
	if err != nil {
		t.Fatalf("Open(%s): %v", dir, err)
	}
	t.Cleanup(func() { idx.Close() })
	return idx
}

// mustCommit adds recs to dir in one Builder run.
func mustCommit(t testing.TB, dir string, opts BuildOptions, recs ...Record) BuildStats {
	t.Helper()
	b, err := NewBuilder(dir, opts)
	if err != nil {
		t.Fatalf("NewBuilder(%s): %v", dir, err)
	}
	defer b.Abort()
	for _, r := range recs {
		if err := b.Add(r); err != nil {
			t.Fatalf("Add(%s): %v", r.ID, err)
		}
	}
	st, err := b.Commit()
	if err != nil {
		t.Fatalf("Commit: %v", err)
	}
	return st
}

// mustSearch runs q and fails the test on error.
func mustSearch(t testing.TB, idx *Index, q Query) *Results {
	t.Helper()
	res, err := idx.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	return res
}

// ids lists the hit IDs of a result in order.
func ids(res *Results) []string {
	out := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		out[i] = h.ID
	}
	return out
}

// fullIDs lists the hit IDs of the full matches of a result in order,
// leaving out the partial matches that follow them.
func fullIDs(res *Results) []string {
	var out []string
	for _, h := range res.Hits {
		if !h.Partial {
			out = append(out, h.ID)
		}
	}
	return out
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, idx := range []*Index{fixtureIdx, corpusIdx} {
		if idx != nil {
			idx.Close()
		}
	}
	for _, dir := range []string{fixtureDir, benchDir, corpusPath} {
		if dir != "" {
			os.RemoveAll(dir)
		}
	}
	os.Exit(code)
}

func mkdirTemp() (string, error) { return os.MkdirTemp("", "briefs-search-test-") }

// fixtureWork names the work of each fixture record (its smallest ID, as
// worksOf does): dpb-12-es is a version of dpb-12, pubs-ref-1 of dpb-10.
var fixtureWork = func() map[string]string {
	all := map[string]Record{}
	for _, r := range fixture() {
		all[r.ID] = r
	}
	return worksOf(all)
}()

// workIDs maps record IDs to the sorted, distinct works of the fixture they
// are versions of: what a search collapsing by work can return.
func workIDs(recIDs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, id := range recIDs {
		w := fixtureWork[id]
		if w == "" {
			w = id
		}
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return out
}

// docFields is the field map of a record with FieldSpell's text written
// out, as bleve's own analysis of the mapping needs it.
func docFields(rec Record, root string) map[string]any {
	f, _ := indexFields(rec, root, true)
	return f
}

// demoRecords reads the demo corpus through the indexer.
func demoRecords(t testing.TB) []Record {
	t.Helper()
	var recs []Record
	_, err := indexer.Walk(context.Background(), os.DirFS(corpusDir), indexer.Options{}, nil, func(r Record) error {
		recs = append(recs, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// resultSummary lists what two searches that should agree are compared
// on: the counts, and each hit's ID, score (to 9 decimals), partial flag,
// number of versions and snippets.
func resultSummary(res *Results) string {
	s := fmt.Sprintf("total %d more %v\n", res.Total, res.More)
	for _, h := range res.Hits {
		s += fmt.Sprintf("%s %.9f %v %d", h.ID, h.Score, h.Partial, len(h.Versions))
		for _, sn := range h.Snippets {
			s += fmt.Sprintf(" [%s]", sn.HTML)
		}
		s += "\n"
	}
	return s
}
