package search

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// TestPhraseQueryAgreesWithBleve runs phrases taken from the demo corpus's
// own text (two to four words, stop words included, so gaps occur) and
// checks that phraseQuery selects exactly the records bleve's match_phrase
// selects, field by field and in every language group.
func TestPhraseQueryAgreesWithBleve(t *testing.T) {
	idx := fixtureIndex(t)
	g := acquired(t, idx)
	all := allRecords(t, g)
	rnd := rand.New(rand.NewPCG(5, 6))
	var ids []string
	for id := range all {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	nonEmpty := 0
	for range 400 {
		rec := all[ids[rnd.IntN(len(ids))]]
		texts := append([]string{rec.Title, rec.Abstract}, rec.Paragraphs...)
		words := strings.Fields(texts[rnd.IntN(len(texts))])
		if len(words) < 2 {
			continue
		}
		n := 2 + rnd.IntN(3)
		start := rnd.IntN(max(1, len(words)-n))
		phrase := strings.Join(words[start:min(len(words), start+n)], " ")
		grp := langGroup(rec.Language)
		for _, sc := range []scope{scopeAll, scopeTitle} {
			toks := g.analyzer(grp).Analyze([]byte(phrase))
			if len(toks) == 0 {
				continue
			}
			var names []string
			var theirs []query.Query
			for _, f := range proseFields(grp, sc) {
				names = append(names, f.name)
				q := query.NewMatchPhraseQuery(phrase)
				q.SetField(f.name)
				theirs = append(theirs, q)
			}
			got := matchIDs(t, g, newPhraseQuery(toks, names))
			want := matchIDs(t, g, query.NewDisjunctionQuery(theirs))
			if !slices.Equal(got, want) {
				t.Fatalf("phrase %q (group %s, scope %d): %v, bleve finds %v", phrase, grp, sc, got, want)
			}
			if len(want) > 0 {
				nonEmpty++
			}
		}
	}
	if nonEmpty < 200 {
		t.Errorf("only %d phrases matched anything", nonEmpty)
	}
}

func matchIDs(t *testing.T, g *generation, q query.Query) []string {
	t.Helper()
	req := bleve.NewSearchRequestOptions(q, 10000, 0, false)
	res, err := g.idx.SearchInContext(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.ID)
	}
	slices.Sort(out)
	return out
}
