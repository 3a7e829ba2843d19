package search

import "testing"

func TestSuggestion(t *testing.T) {
	idx := fixtureIndex(t)
	for _, tc := range []struct {
		q       Query
		want    string
		hasHits bool
	}{
		{q: Query{Text: "cocca"}, want: "coca"},
		{q: Query{Text: "Bolivya"}, want: "Bolivia"},
		{q: Query{Text: "eradicaton peru"}, want: "eradication peru"},
		{q: Query{Text: `"coca leef"`}, want: `"coca leaf"`},
		{q: Query{Text: "title:glyphosate"}, want: ""},    // a real word: nothing to respell
		{q: Query{Text: "qwxzvk"}, want: ""},              // nothing close
		{q: Query{Text: "coca"}, want: "", hasHits: true}, // found: no suggestion
		// The respelled query must find something with the same filters.
		{q: Query{Text: "cocca", Filters: map[string][]string{"country": {"Morocco"}}}, want: ""},
	} {
		res := mustSearch(t, idx, tc.q)
		if res.Suggestion != tc.want {
			t.Errorf("Search(%+v).Suggestion = %q, want %q", tc.q, res.Suggestion, tc.want)
		}
		if (res.Total > 0) != tc.hasHits {
			t.Errorf("Search(%+v) found %d", tc.q, res.Total)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"coca", "coca", 0}, {"cocca", "coca", 1}, {"peru", "perú", 1}, {"kitten", "sitting", 3}, {"", "abc", 3}} {
		if got := editDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
