package indexer

import (
	"slices"
	"strings"
	"testing"

	"github.com/briefs/briefs/fields"
)

func TestValues(t *testing.T) {
	rec := Record{ID: "a", Title: "T", Authors: []string{"A B", "C D"}, Year: 2005, Number: 0,
		Extra: map[string][]string{"topic": {"Land"}}}
	for _, tt := range []struct {
		key  string
		want []string
	}{
		{"id", []string{"a"}}, {"title", []string{"T"}}, {"authors", []string{"A B", "C D"}},
		{"year", []string{"2005"}}, {"number", nil}, {"series", nil}, {"topic", []string{"Land"}}, {"region", nil},
	} {
		if got := rec.Values(tt.key); !slices.Equal(got, tt.want) {
			t.Errorf("Values(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}

// TestDeclaredFieldIngest: a keyword field declared in the table is read
// from sidecars (set, split, cleared with null) and JSON Lines (a wrong
// type skips the line with its reason); undeclared, it is an unknown
// sidecar key and ignored in JSON Lines.
func TestDeclaredFieldIngest(t *testing.T) {
	apply := func(yaml string) (Record, []string, error) {
		t.Helper()
		sc, err := parseSidecar("x.yaml", []byte(yaml))
		if err != nil {
			t.Fatal(err)
		}
		rec := Record{ID: "x", Title: "X", Extra: map[string][]string{"topic": {"Old"}}}
		_, unknown, err := sc.apply(&rec)
		return rec, unknown, err
	}
	if _, unknown, _ := apply("topic: Land"); !slices.Equal(unknown, []string{"topic"}) {
		t.Errorf("undeclared topic: unknown keys %q", unknown)
	}
	if rec, _ := parseJSONLine([]byte(`{"id": "j", "text": "t", "topic": ["a"]}`), "f.jsonl"); rec.Extra != nil {
		t.Errorf("undeclared topic read from JSON Lines: %v", rec.Extra)
	}

	t.Cleanup(fields.Declare(fields.Field{Name: "topic", Key: "topic", Analysis: fields.Keyword, Facet: "Topic"}))
	if rec, unknown, err := apply("topic: Land; Water , land"); err != nil || len(unknown) > 0 || !slices.Equal(rec.Extra["topic"], []string{"Land", "Water"}) {
		t.Errorf("sidecar topic: %v %q %v", rec.Extra, unknown, err)
	}
	if rec, _, err := apply("topic: null"); err != nil || rec.Extra != nil {
		t.Errorf("sidecar topic: null left %v (%v)", rec.Extra, err)
	}
	if _, _, err := apply("topic: {a: 1}"); err == nil || !strings.Contains(err.Error(), "topic: want a list of strings") {
		t.Errorf("sidecar topic of the wrong type: %v", err)
	}
	rec, reason := parseJSONLine([]byte(`{"id": "j", "text": "t", "topic": ["a", " b "]}`), "f.jsonl")
	if reason != "" || !slices.Equal(rec.Extra["topic"], []string{"a", "b"}) {
		t.Errorf("JSON Lines topic: %v %q", rec.Extra, reason)
	}
	if rec, reason := parseJSONLine([]byte(`{"id": "j", "text": "t", "topic": 5}`), "f.jsonl"); reason != `field "topic": want a list of strings` || rec.ID != "j" {
		t.Errorf("JSON Lines topic of the wrong type: %q (id %q)", reason, rec.ID)
	}
}
