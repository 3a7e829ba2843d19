package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"time"
)

// runEval dispatches `briefs eval search|extract`: the two measurements we
// plan quality work with (ranking against relevance judgments, metadata
// extraction against expected values).
func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("eval", stderr, "briefs eval search|extract [flags] DIR",
		`Measure quality against a test collection.

  search DIR    index a BEIR-layout collection (corpus.jsonl, queries.jsonl,
                qrels/test.tsv) in a temporary folder, run every judged query
                as typed in the search box, and print nDCG@10, MAP, P@10,
                Recall@100 and Recall@1000 as trec_eval computes them.
  extract DIR   run the extractor on DIR/pages (plain or .gz) and print the
                accuracy of title, authors, date and year against
                DIR/truth.jsonl.

Run "briefs eval search -h" or "briefs eval extract -h" for their flags.`,
		"briefs eval search --per-query --run cacm.run ../shared/eval/cacm",
		"briefs eval extract --misses ../shared/eval/fundus-meta")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageError{"eval needs search or extract"}
	}
	switch sub, rest := fs.Arg(0), fs.Args()[1:]; sub {
	case "search":
		return runEvalSearch(ctx, rest, stdout, stderr)
	case "extract":
		return runEvalExtract(ctx, rest, stdout, stderr)
	default:
		fs.Usage()
		return usageError{fmt.Sprintf("eval: unknown measurement %q (want search or extract)", sub)}
	}
}

// parseInterspersed parses flags that may come before or after the
// positional arguments ("eval search DIR --per-query" reads naturally), which
// the flag package alone stops at. It returns the positional arguments.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		// After an explicit "--" everything is positional.
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// since rounds an elapsed time for printing.
func since(start time.Time) time.Duration { return roundDuration(time.Since(start)) }

func roundDuration(d time.Duration) time.Duration {
	switch {
	case d >= time.Second:
		return d.Round(10 * time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(10 * time.Microsecond)
	default:
		return d.Round(time.Microsecond)
	}
}

// readJSONL calls fn with each non-blank line of a JSON Lines file; its
// errors come back prefixed with the file and line number.
func readJSONL(path string, fn func(data []byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<16)
	for line := 1; ; line++ {
		data, err := r.ReadBytes('\n')
		if len(bytes.TrimSpace(data)) > 0 {
			if ferr := fn(data); ferr != nil {
				return fmt.Errorf("%s:%d: %w", path, line, ferr)
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
}

// jsonID is an identifier that collections write either as a JSON string or
// as a number ("_id": 17); both read as the same string.
type jsonID string

func (id *jsonID) UnmarshalJSON(data []byte) error {
	var s string
	if err := json.Unmarshal(data, &s); err == nil {
		*id = jsonID(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(data, &n); err != nil {
		return fmt.Errorf("id %s is neither a string nor a number", data)
	}
	*id = jsonID(n.String())
	return nil
}
