package syntax

import (
	"maps"
	"slices"
	"testing"
)

func TestDefaultMatching(t *testing.T) {
	stop := map[string]bool{"the": true, "on": true, "of": true, "in": true, "a": true, "what": true, "with": true, "which": true}
	content := func(w string) bool { return !stop[w] }
	for _, tc := range []struct {
		q    string
		mode Mode
		and  bool
		plus []string
	}{
		{q: "coca", mode: MatchAll},
		{q: "coca eradication peru", mode: MatchAll},
		{q: "coca eradication peru bolivia", mode: MatchRanked},
		{q: "the war on drugs", mode: MatchAll}, // two content words
		{q: "What articles exist which deal with coca eradication?", mode: MatchRanked},
		{q: "coca AND eradication AND peru AND bolivia", mode: MatchAll, and: true},
		{q: "coca eradication peru && bolivia", mode: MatchAll, and: true},
		{q: `coca "AND" eradication peru bolivia`, mode: MatchRanked}, // a quoted AND is a word
		{q: `coca eradication "alternative development" bolivia`, mode: MatchAll},
		{q: "+coca eradication peru bolivia", mode: MatchRanked},
		{q: `+"coca leaf" growers unions andes bolivia`, mode: MatchRanked, plus: []string{"coca leaf"}},
		{q: `+ "coca leaf" growers unions andes bolivia`, mode: MatchRanked}, // + alone is not attached
		{q: "coca OR cocaine eradication peru bolivia", mode: MatchAll},      // the top is an OR
		{q: "author:quispe coca eradication peru bolivia", mode: MatchRanked},
		{q: "coca* eradication peru bolivia", mode: MatchAll}, // prefixes are not plain words
	} {
		tree, err := Parse(tc.q)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tc.q, err)
		}
		m := DefaultMatching(tc.q, tree, content)
		plus := slices.Sorted(maps.Keys(m.Plus))
		if m.Mode != tc.mode || m.And != tc.and || !slices.Equal(plus, tc.plus) {
			t.Errorf("DefaultMatching(%q) = mode %d, and %v, plus %q; want mode %d, and %v, plus %q",
				tc.q, m.Mode, m.And, plus, tc.mode, tc.and, tc.plus)
		}
	}
}

func TestPartial(t *testing.T) {
	for _, tc := range []struct {
		q    string
		m    Matching
		want bool
	}{
		{"coca peru unicorns", Matching{Mode: MatchAll}, true},
		{"coca unicorns", Matching{Mode: MatchAll}, true},
		{"unicorns", Matching{Mode: MatchAll}, false},
		{"coca peru unicorns", Matching{Mode: MatchAll, And: true}, false},
		{"coca peru unicorns bolivia", Matching{Mode: MatchRanked}, false},
		{`"coca leaf" peru unicorns`, Matching{Mode: MatchAll}, true},
		{`"coca leaf" unicorns`, Matching{Mode: MatchAll}, false},
	} {
		tree, err := Parse(tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if got := Partial(tc.m, tree); got != tc.want {
			t.Errorf("Partial(%+v, %q) = %v, want %v", tc.m, tc.q, got, tc.want)
		}
	}
}

func TestRequestWord(t *testing.T) {
	for w, want := range map[string]bool{
		"find": true, "Articles": true, "interested,": true, "e.g.": true,
		"coca": false, "information": false, "policy": false, "": false,
	} {
		if got := RequestWord(w); got != want {
			t.Errorf("RequestWord(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestPositive(t *testing.T) {
	for _, tc := range []struct {
		mode Mode
		q    string
		want []string
	}{
		{MatchRanked, `find articles on coca "harm reduction" +papers`, []string{"on", "coca", `"harm reduction"`, "+papers"}},
		{MatchRanked, "(find OR seek) coca eradication peru", []string{"find", "seek", "coca", "eradication", "peru"}},
		{MatchAll, "find articles coca", []string{"find", "articles", "coca"}},
		{MatchAll, "coca* glyphosat~ -peru author:jelsma title:leaf text:(harm OR reduction) year:2005", []string{"coca*", "glyphosat~", "leaf", "harm", "reduction"}},
	} {
		tree, err := Parse(tc.q)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, n := range Positive(tree, Matching{Mode: tc.mode}) {
			got = append(got, n.String())
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Positive(%q) in mode %d = %q, want %q", tc.q, tc.mode, got, tc.want)
		}
	}
}
