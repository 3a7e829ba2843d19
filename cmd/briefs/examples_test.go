package main

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/briefs/briefs/search"
)

// TestExamplesFindSomething runs every query we show a newcomer against
// the demo corpus and fails on one that finds nothing: the first column of
// the README's query-language table and its `$ briefs search` lines, the
// <code> examples of the web templates (the home page's search help and
// the no-results tips), and the `briefs search` examples of every
// subcommand's -h text. An example that finds nothing teaches nothing.
func TestExamplesFindSomething(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests the demo corpus")
	}
	index := filepath.Join(t.TempDir(), "index")
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"ingest", "--quiet", "--index", index, filepath.Join("..", "..", "testdata", "corpus")}, &out, &errOut); err != nil {
		t.Fatalf("briefs ingest: %v\n%s", err, errOut.String())
	}
	ix, err := search.Open(index)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()

	queries := map[string]string{} // query -> where it is shown
	readme := readFile(t, filepath.Join("..", "..", "README.md"))
	for _, q := range readmeQueries(readme) {
		queries[q] = "README.md query table"
	}
	templates, _ := filepath.Glob(filepath.Join("..", "..", "web", "templates", "*.html"))
	for _, f := range templates {
		for _, m := range regexp.MustCompile(`<code>(.*?)</code>`).FindAllStringSubmatch(readFile(t, f), -1) {
			if !strings.Contains(m[1], "{{") { // a value filled in, not an example
				queries[html.UnescapeString(m[1])] = filepath.Base(f)
			}
		}
	}
	if len(queries) < 10 {
		t.Fatalf("found only %d example queries: has the README table or the home page changed shape?", len(queries))
	}
	for q, where := range queries {
		res, err := ix.Search(context.Background(), search.Query{Text: q})
		switch {
		case err != nil:
			t.Errorf("%s: %q: %v", where, q, err)
		case res.Total == 0:
			t.Errorf("%s: %q finds nothing in the demo corpus", where, q)
		}
	}

	// Command lines: the README's and the -h examples.
	var lines [][]string
	for _, l := range strings.Split(readme, "\n") {
		if rest, ok := strings.CutPrefix(l, "$ briefs search "); ok {
			lines = append(lines, shellWords(rest))
		}
	}
	for _, cmd := range []string{"ingest", "extract", "search", "serve", "eval", "gen", "bench"} {
		var help bytes.Buffer
		run(context.Background(), []string{cmd, "-h"}, &bytes.Buffer{}, &help)
		_, examples, _ := strings.Cut(help.String(), "\nExamples:\n")
		for _, l := range strings.Split(examples, "\n") {
			if rest, ok := strings.CutPrefix(strings.TrimSpace(l), "briefs search "); ok {
				lines = append(lines, shellWords(rest))
			}
		}
	}
	if len(lines) < 2 {
		t.Fatalf("found only %d `briefs search` examples", len(lines))
	}
	for _, args := range lines {
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), append([]string{"search", "--index", index}, args...), &stdout, &stderr); err != nil {
			t.Errorf("briefs search %q: %v\n%s", args, err, stderr.String())
			continue
		}
		if n := totalHits(stdout.String()); n <= 0 {
			t.Errorf("briefs search %q finds nothing in the demo corpus (%d)\n%s", args, n, stdout.String())
		}
	}
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// readmeQueries returns the code spans of the first column of the table
// under "## The query language".
func readmeQueries(readme string) []string {
	_, sec, _ := strings.Cut(readme, "## The query language")
	sec, _, _ = strings.Cut(sec, "\n## ")
	var out []string
	for _, l := range strings.Split(sec, "\n") {
		cells := strings.Split(l, "|")
		if !strings.HasPrefix(l, "|") || len(cells) < 3 {
			continue
		}
		for _, m := range regexp.MustCompile("`([^`]+)`").FindAllStringSubmatch(cells[1], -1) {
			out = append(out, m[1])
		}
	}
	return out
}

// shellWords splits a command line as a shell would for the simple cases
// our examples use: blanks separate words, '...' and "..." quote, and a
// pipe ends the command.
func shellWords(s string) []string {
	var out []string
	var cur strings.Builder
	in, quote := false, rune(0)
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, in = r, true
		case r == '|':
			if in {
				out = append(out, cur.String())
			}
			return out
		case r == ' ' || r == '\t':
			if in {
				out = append(out, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	if in {
		out = append(out, cur.String())
	}
	return out
}

// totalHits reads the number of hits from `briefs search` output, plain
// ("33 hits in 13ms") or --json; -1 if neither is found.
func totalHits(out string) int {
	var res struct {
		Total *int `json:"total"`
	}
	if json.Unmarshal([]byte(out), &res) == nil && res.Total != nil {
		return *res.Total
	}
	if m := regexp.MustCompile(`(?m)^(\d+) hits? in `).FindStringSubmatch(out); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return -1
}
