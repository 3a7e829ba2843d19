package search

import (
	"slices"
	"testing"

	"github.com/briefs/briefs/search/syntax"
)

func TestPositiveSkipsRequestWords(t *testing.T) {
	for _, tc := range []struct {
		mode syntax.Mode
		q    string
		want []string
	}{
		{syntax.MatchRanked, `find articles on coca "harm reduction" +papers`, []string{"on", "coca", "harm reduction", "+papers"}},
		{syntax.MatchRanked, "(find OR seek) coca eradication peru", []string{"find", "seek", "coca", "eradication", "peru"}},
		{syntax.MatchAll, "find articles coca", []string{"find", "articles", "coca"}},
	} {
		tree, err := Parse(tc.q)
		if err != nil {
			t.Fatal(err)
		}
		words, _ := newTranslator(nil, syntax.Matching{Mode: tc.mode}).positive(tree)
		if !slices.Equal(words, tc.want) {
			t.Errorf("positive(%q) in mode %d = %q, want %q", tc.q, tc.mode, words, tc.want)
		}
	}
}
