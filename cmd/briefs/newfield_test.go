package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/briefs/briefs/fields"
)

// TestNewKeywordFacetCLI: a keyword facet declared with one table entry
// gets its own filter flag in `briefs search` and is counted among the
// facets it prints, after `briefs ingest` read it from a sidecar and from
// JSON Lines (web/newfield_test.go checks the rest of the way).
func TestNewKeywordFacetCLI(t *testing.T) {
	t.Cleanup(fields.Declare(fields.Field{
		Name: "topic", Key: "topic", Query: []string{"topic"}, Example: "land",
		Analysis: fields.Keyword, Facet: "Topic", CSV: true,
	}))
	folder, index := t.TempDir(), filepath.Join(t.TempDir(), "index")
	write := func(name, data string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(folder, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("land.txt", "Land and coca\n\nCoca growers hold small plots of land in the Chapare.\n")
	write("land.json", `{"topic": ["Land rights"]}`)
	write("prisons.jsonl", `{"id": "exp-2", "title": "Prisons and coca", "text": "Small coca traders fill the prisons.", "topic": ["Prisons", "Land rights"]}`+"\n")

	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"ingest", "--quiet", "--index", index, folder}, &out, &errOut); err != nil {
		t.Fatalf("briefs ingest: %v\n%s", err, errOut.String())
	}
	search := func(args ...string) map[string]any {
		t.Helper()
		var out, errOut bytes.Buffer
		if err := run(context.Background(), append([]string{"search", "--index", index, "--json"}, args...), &out, &errOut); err != nil {
			t.Fatalf("briefs search %q: %v\n%s", args, err, errOut.String())
		}
		var res map[string]any
		if err := json.Unmarshal(out.Bytes(), &res); err != nil {
			t.Fatal(err)
		}
		return res
	}
	count := func(res map[string]any) int { return len(res["hits"].([]any)) }
	if res := search("--topic", "land rights", "coca"); count(res) != 2 {
		t.Errorf("--topic 'land rights': %d hits, want 2", count(res))
	}
	res := search("--topic", "Prisons", "coca")
	if count(res) != 1 {
		t.Errorf("--topic Prisons: %d hits, want 1", count(res))
	}
	facet, _ := json.Marshal(res["facets"].(map[string]any)["topic"])
	if want := `"values":[{"count":2,"value":"Land rights"},{"count":1,"selected":true,"value":"Prisons"}]`; !strings.Contains(string(facet), want) {
		t.Errorf("topic facet = %s, want %s", facet, want)
	}
	if res := search("coca topic:prisons"); count(res) != 1 {
		t.Errorf("topic:prisons: %d hits, want 1", count(res))
	}
	out.Reset()
	if err := run(context.Background(), []string{"search", "--index", index, "--facets", "coca"}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^  topic +Land rights \(2\); Prisons \(1\)$`).MatchString(out.String()) {
		t.Errorf("printed facets lack the topic:\n%s", out.String())
	}
}
