package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/briefs/briefs/indexer"
)

// maxPageBytes caps a decompressed page: a saved web page is a few MiB at
// most, and the cap keeps a gzip bomb in a test collection from eating the
// machine.
const maxPageBytes = 64 << 20

func runEvalExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("eval extract", stderr, "briefs eval extract [flags] DIR...",
		`Measure metadata extraction: run the extractor on every page listed in
DIR/truth.jsonl (one {"file", "title", "authors", "date", "countries"} per
line; file is relative to DIR or to DIR/pages, plain or .gz; a missing key
is not judged) and print, per field, how many judged pages it got right:

  title            equal after collapsing whitespace and folding case
  title (relaxed)  equal ignoring punctuation, symbols and spaces too
  authors          the same set of names (lower-cased, whitespace collapsed,
                   "Surname, Given" read as "Given Surname"); an empty list
                   is judged and wants no authors
  date             the same day, YYYY-MM-DD
  year             the same year
  country (first)  the first of "countries" is the first country found
  country (among)  ... is among the countries found
  title ≤ 200 chars, title not a fragment
                   text pages (.txt, .md) without a title in the truth:
                   a short title that is not a piece of a sentence (lower
                   case start, ends on a comma or function word, or the
                   start of a longer paragraph of the body); the median
                   number of paragraphs per text page is printed too

With several DIRs it prints one table, a row per collection and a column
per field.`,
		"briefs eval extract ../shared/eval/fundus-meta",
		"briefs eval extract ../shared/eval/fundus-meta ../shared/eval/htmldate-dev ../shared/eval/trafilatura-dev",
		"briefs eval extract --misses ../shared/eval/fundus-meta | grep ': authors:'",
		"briefs eval extract --json ../shared/eval/fundus-meta | jq '.fields'",
		"briefs eval extract --predictions trafilatura.jsonl ../shared/eval/fundus-meta",
		"briefs eval extract --predictions a.jsonl --predictions b.jsonl SET_A SET_B")
	var predictions listFlag
	fs.Var(&predictions, "predictions", "score another tool's output instead of briefs' extractor:\n"+
		"a JSON Lines `FILE` of {\"file\", \"title\", \"authors\", \"date\"}, one per page\n"+
		"(a page it leaves out counts as found nothing); with several DIRs,\n"+
		"give it once per DIR, in the same order")
	listMisses := fs.Bool("misses", false, "list each miss as FILE: FIELD: want X, got Y")
	asJSON := fs.Bool("json", false, "print the figures as JSON (with the misses if --misses);\n"+
		"with several DIRs, a list with each collection's \"set\"")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		fs.Usage()
		return usageError{"eval extract needs a DIR"}
	}
	if len(predictions) > 0 && len(predictions) != len(pos) {
		return usageError{fmt.Sprintf("eval extract: %d --predictions for %d DIRs: give one per DIR", len(predictions), len(pos))}
	}
	var evals []*extractEval
	for i, dir := range pos {
		start := time.Now()
		var given map[string]indexer.Record
		if len(predictions) > 0 {
			if given, err = loadPredictions(predictions[i]); err != nil {
				return fmt.Errorf("eval extract: %w", err)
			}
		}
		ev, err := evalExtract(ctx, dir, given)
		if err != nil {
			return fmt.Errorf("eval extract %s: %w", dir, err)
		}
		ev.Set = dir
		ev.Seconds = time.Since(start).Seconds()
		if !*listMisses {
			ev.Misses = nil
		}
		evals = append(evals, ev)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if len(evals) == 1 {
			return enc.Encode(evals[0])
		}
		return enc.Encode(evals)
	}
	for _, ev := range evals {
		for _, m := range ev.Misses {
			if len(evals) > 1 {
				fmt.Fprintf(stdout, "%s/", ev.Set)
			}
			fmt.Fprintln(stdout, m)
		}
		if len(ev.Misses) > 0 {
			fmt.Fprintln(stdout)
		}
	}
	if len(evals) == 1 {
		printExtractEval(stdout, pos[0], evals[0])
		return nil
	}
	printExtractTable(stdout, evals)
	return nil
}

// extractEval is the outcome of one `eval extract`.
type extractEval struct {
	Set       string        `json:"set"`            // the collection's folder
	Pages     int           `json:"pages"`          // pages with a truth line
	Failed    int           `json:"failed"`         // pages the extractor returned an error for
	Unjudged  int           `json:"unjudged"`       // files in pages/ without a truth line
	Fields    []fieldScore  `json:"fields"`         // in the order printed
	Text      *textStats    `json:"text,omitempty"` // plain-text pages only
	Misses    []extractMiss `json:"misses,omitempty"`
	Seconds   float64       `json:"seconds"`
	fieldByID map[string]*fieldScore
}

// fieldScore counts one field's judged pages and correct answers.
type fieldScore struct {
	Field    string  `json:"field"`
	Judged   int     `json:"judged"`
	Correct  int     `json:"correct"`
	Accuracy float64 `json:"accuracy"` // Correct/Judged, 0 when nothing is judged
}

// extractMiss is one page where a field differs from the truth.
type extractMiss struct {
	File  string `json:"file"`
	Field string `json:"field"`
	Want  string `json:"want"`
	Got   string `json:"got"`
}

func (m extractMiss) String() string {
	if m.Field == "extract" {
		return fmt.Sprintf("%s: extract: %s", m.File, m.Got)
	}
	return fmt.Sprintf("%s: %s: want %s, got %s", m.File, m.Field, m.Want, m.Got)
}

// Field names, in the order they are printed.
const (
	fieldTitle   = "title"
	fieldRelaxed = "title (relaxed)"
	fieldAuthors = "authors"
	fieldDate    = "date"
	fieldYear    = "year"
)

// truthPage is one line of truth.jsonl. A nil pointer is a field that is
// not judged: the key was missing (or null).
type truthPage struct {
	File    string    `json:"file"`
	Title   *string   `json:"title"`
	Authors *[]string `json:"authors"`
	Date    *string   `json:"date"`
	// Countries lists the subject country's names, the main one first.
	Countries *[]string `json:"countries"`
}

func loadTruth(path string) ([]truthPage, error) {
	var pages []truthPage
	err := readJSONL(path, func(data []byte) error {
		var p truthPage
		if err := json.Unmarshal(data, &p); err != nil {
			return err
		}
		if p.File == "" {
			return errors.New("no file")
		}
		pages = append(pages, p)
		return nil
	})
	return pages, err
}

// loadPredictions reads another tool's answers, keyed by page file.
func loadPredictions(path string) (map[string]indexer.Record, error) {
	given := make(map[string]indexer.Record)
	err := readJSONL(path, func(data []byte) error {
		var p struct {
			File    string   `json:"file"`
			Title   string   `json:"title"`
			Authors []string `json:"authors"`
			Date    string   `json:"date"`
		}
		if err := json.Unmarshal(data, &p); err != nil {
			return err
		}
		if p.File == "" {
			return errors.New("no file")
		}
		given[p.File] = indexer.Record{Title: p.Title, Authors: p.Authors, Date: p.Date}
		return nil
	})
	return given, err
}

// evalExtract scores the extractor on the collection in dir, or, if given
// is not nil, the answers it holds for each page.
func evalExtract(ctx context.Context, dir string, given map[string]indexer.Record) (*extractEval, error) {
	truth, err := loadTruth(filepath.Join(dir, "truth.jsonl"))
	if err != nil {
		return nil, err
	}
	ev := &extractEval{fieldByID: make(map[string]*fieldScore)}
	for _, f := range []string{fieldTitle, fieldRelaxed, fieldAuthors, fieldDate, fieldYear,
		fieldCountryFirst, fieldCountryAmong, fieldTitleLength, fieldTitleWhole} {
		ev.Fields = append(ev.Fields, fieldScore{Field: f})
	}
	for i := range ev.Fields {
		ev.fieldByID[ev.Fields[i].Field] = &ev.Fields[i]
	}
	seen := make(map[string]bool)
	for _, tp := range truth {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		path, err := pagePath(dir, tp.File)
		if err != nil {
			return nil, err
		}
		seen[filepath.Clean(path)] = true
		var rec indexer.Record
		if given != nil {
			rec = given[tp.File]
		} else if rec, err = extractPage(path, tp.File); err != nil {
			ev.Failed++
			ev.Misses = append(ev.Misses, extractMiss{File: tp.File, Field: "extract", Got: err.Error()})
		}
		ev.Pages++
		ev.judge(tp, rec)
	}
	for i := range ev.Fields {
		if f := &ev.Fields[i]; f.Judged > 0 {
			f.Accuracy = float64(f.Correct) / float64(f.Judged)
		}
	}
	ev.Text.finish()
	ev.Fields = dropUnjudged(ev.Fields)
	entries, err := os.ReadDir(filepath.Join(dir, "pages"))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	for _, e := range entries {
		if !e.IsDir() && !seen[filepath.Clean(filepath.Join(dir, "pages", e.Name()))] {
			ev.Unjudged++
		}
	}
	return ev, nil
}

// extractPage runs the extractor on one page of a collection.
func extractPage(path, file string) (indexer.Record, error) {
	data, err := readPage(path)
	if err != nil {
		return indexer.Record{}, err
	}
	// The path without .gz tells the extractor the format.
	name := strings.TrimSuffix(filepath.ToSlash(file), ".gz")
	recs, err := indexer.Extract(name, data, indexer.Options{})
	if err != nil || len(recs) == 0 {
		return indexer.Record{}, err
	}
	return recs[0], nil // a listing page's own record comes first
}

// judge scores one page's record against its truth line.
func (ev *extractEval) judge(tp truthPage, rec indexer.Record) {
	count := func(field string, ok bool) bool {
		f := ev.fieldByID[field]
		f.Judged++
		if ok {
			f.Correct++
		}
		return ok
	}
	miss := func(field, want, got string) {
		ev.Misses = append(ev.Misses, extractMiss{File: tp.File, Field: field, Want: want, Got: got})
	}
	if tp.Title != nil {
		strict := count(fieldTitle, normTitle(*tp.Title) == normTitle(rec.Title))
		relaxed := count(fieldRelaxed, relaxTitle(*tp.Title) == relaxTitle(rec.Title))
		if !strict {
			field := fieldTitle
			if relaxed {
				field = "title (punctuation)" // so these group apart in --misses
			}
			miss(field, strconv.Quote(*tp.Title), strconv.Quote(rec.Title))
		}
	}
	if tp.Authors != nil && !count(fieldAuthors, sameAuthors(*tp.Authors, rec.Authors)) {
		miss(fieldAuthors, quoteList(*tp.Authors), quoteList(rec.Authors))
	}
	ev.judgeCountries(tp, rec, count, miss)
	ev.judgeText(tp, rec, count, miss)
	if tp.Date == nil {
		return
	}
	if day, ok := dayOf(*tp.Date); ok {
		if gotDay, _ := dayOf(rec.Date); !count(fieldDate, day == gotDay) {
			miss(fieldDate, day, orNone(rec.Date))
		}
	}
	if year, ok := yearOf(*tp.Date); ok {
		got := rec.Year
		if got == 0 {
			got, _ = yearOf(rec.Date)
		}
		if !count(fieldYear, year == got) {
			miss(fieldYear, strconv.Itoa(year), orNone(yearString(got)))
		}
	}
}

// pagePath finds a truth line's file: relative to the collection, or to its
// pages folder.
func pagePath(dir, file string) (string, error) {
	for _, p := range []string{filepath.Join(dir, file), filepath.Join(dir, "pages", file)} {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("page %s: not found in %s or %s", file, dir, filepath.Join(dir, "pages"))
}

// readPage reads a page, decompressing .gz files up to maxPageBytes.
func readPage(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil || !strings.HasSuffix(path, ".gz") {
		return data, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("decompress %s: %w", path, err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, maxPageBytes+1))
	if err != nil {
		return nil, fmt.Errorf("decompress %s: %w", path, err)
	}
	if len(out) > maxPageBytes {
		return nil, fmt.Errorf("decompress %s: more than %d MiB uncompressed", path, maxPageBytes>>20)
	}
	return out, nil
}

func printExtractEval(w io.Writer, dir string, ev *extractEval) {
	fmt.Fprintf(w, "pages: %d judged in %s", ev.Pages, dir)
	if ev.Failed > 0 {
		fmt.Fprintf(w, ", %d could not be extracted", ev.Failed)
	}
	if ev.Unjudged > 0 {
		fmt.Fprintf(w, ", %d in pages/ without a truth line", ev.Unjudged)
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "field\tjudged\tcorrect\taccuracy")
	for _, f := range ev.Fields {
		acc := "-"
		if f.Judged > 0 {
			acc = fmt.Sprintf("%.1f%%", 100*f.Accuracy)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\n", f.Field, f.Judged, f.Correct, acc)
	}
	tw.Flush()
	if ev.Text != nil {
		fmt.Fprintf(w, "text pages: %d, median paragraphs per page %g\n", ev.Text.Pages, ev.Text.MedianParagraphs)
	}
	fmt.Fprintf(w, "time: %s\n", roundDuration(time.Duration(ev.Seconds*float64(time.Second))))
}

// printExtractTable prints several collections' figures in one table: a
// row per collection, a column per field, each cell "accuracy (judged)".
func printExtractTable(w io.Writer, evals []*extractEval) {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprint(tw, "set\tpages")
	for _, f := range evals[0].Fields {
		fmt.Fprintf(tw, "\t%s", f.Field)
	}
	fmt.Fprintln(tw, "\ttime")
	for _, ev := range evals {
		fmt.Fprintf(tw, "%s\t%d", filepath.Base(filepath.Clean(ev.Set)), ev.Pages)
		for _, f := range ev.Fields {
			if f.Judged == 0 {
				fmt.Fprint(tw, "\t-")
				continue
			}
			fmt.Fprintf(tw, "\t%.1f%% (%d)", 100*f.Accuracy, f.Judged)
		}
		fmt.Fprintf(tw, "\t%s\n", roundDuration(time.Duration(ev.Seconds*float64(time.Second))))
	}
	tw.Flush()
}
