package search

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
		mode matchMode
		and  bool
		plus []string
	}{
		{q: "coca", mode: matchAll},
		{q: "coca eradication peru", mode: matchAll},
		{q: "coca eradication peru bolivia", mode: matchRanked},
		{q: "the war on drugs", mode: matchAll}, // two content words
		{q: "What articles exist which deal with coca eradication?", mode: matchRanked},
		{q: "coca AND eradication AND peru AND bolivia", mode: matchAll, and: true},
		{q: "coca eradication peru && bolivia", mode: matchAll, and: true},
		{q: `coca "AND" eradication peru bolivia`, mode: matchRanked}, // a quoted AND is a word
		{q: `coca eradication "alternative development" bolivia`, mode: matchAll},
		{q: "+coca eradication peru bolivia", mode: matchRanked},
		{q: `+"coca leaf" growers unions andes bolivia`, mode: matchRanked, plus: []string{"coca leaf"}},
		{q: `+ "coca leaf" growers unions andes bolivia`, mode: matchRanked}, // + alone is not attached
		{q: "coca OR cocaine eradication peru bolivia", mode: matchAll},      // the top is an OR
		{q: "author:quispe coca eradication peru bolivia", mode: matchRanked},
		{q: "coca* eradication peru bolivia", mode: matchAll}, // prefixes are not plain words
	} {
		tree, err := Parse(tc.q)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tc.q, err)
		}
		m := defaultMatching(tc.q, tree, content)
		plus := slices.Sorted(maps.Keys(m.plus))
		if m.mode != tc.mode || m.and != tc.and || !slices.Equal(plus, tc.plus) {
			t.Errorf("defaultMatching(%q) = mode %d, and %v, plus %q; want mode %d, and %v, plus %q",
				tc.q, m.mode, m.and, plus, tc.mode, tc.and, tc.plus)
		}
	}
}

func TestPartial(t *testing.T) {
	for _, tc := range []struct {
		q    string
		m    matching
		want bool
	}{
		{"coca peru unicorns", matching{mode: matchAll}, true},
		{"coca unicorns", matching{mode: matchAll}, true},
		{"unicorns", matching{mode: matchAll}, false},
		{"coca peru unicorns", matching{mode: matchAll, and: true}, false},
		{"coca peru unicorns bolivia", matching{mode: matchRanked}, false},
		{`"coca leaf" peru unicorns`, matching{mode: matchAll}, true},
		{`"coca leaf" unicorns`, matching{mode: matchAll}, false},
	} {
		tree, err := Parse(tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if got := partial(tc.m, tree); got != tc.want {
			t.Errorf("partial(%+v, %q) = %v, want %v", tc.m, tc.q, got, tc.want)
		}
	}
}

func TestRequestWord(t *testing.T) {
	for w, want := range map[string]bool{
		"find": true, "Articles": true, "interested,": true, "e.g.": true,
		"coca": false, "information": false, "policy": false, "": false,
	} {
		if got := requestWord(w); got != want {
			t.Errorf("requestWord(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestPositiveSkipsRequestWords(t *testing.T) {
	for _, tc := range []struct {
		mode matchMode
		q    string
		want []string
	}{
		{matchRanked, `find articles on coca "harm reduction" +papers`, []string{"on", "coca", "harm reduction", "+papers"}},
		{matchRanked, "(find OR seek) coca eradication peru", []string{"find", "seek", "coca", "eradication", "peru"}},
		{matchAll, "find articles coca", []string{"find", "articles", "coca"}},
	} {
		tree, err := Parse(tc.q)
		if err != nil {
			t.Fatal(err)
		}
		words, _ := newTranslator(nil, matching{mode: tc.mode}).positive(tree)
		if !slices.Equal(words, tc.want) {
			t.Errorf("positive(%q) in mode %d = %q, want %q", tc.q, tc.mode, words, tc.want)
		}
	}
}
