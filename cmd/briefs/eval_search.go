package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"

	"github.com/briefs/briefs/indexer"
	"github.com/briefs/briefs/search"
)

// evalDepth is how many hits per query are ranked: 1000, the depth of
// published runs and of trec_eval's MAP, within the result window the index
// will page through.
const evalDepth = min(1000, search.MaxResultWindow)

func runEvalSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("eval search", stderr, "briefs eval search [flags] DIR",
		`Measure ranking quality on a relevance collection in BEIR layout:
DIR/corpus.jsonl ({"_id", "title", "text"}), DIR/queries.jsonl ({"_id",
"text"}) and DIR/qrels/test.tsv (query-id, corpus-id, score; a score > 0 is
relevant, higher scores are more relevant).

The documents are indexed in a temporary folder (removed afterwards) with the
production mapping: the title, the text split into paragraphs at blank lines,
and --language. Each query with at least one relevant judgment runs exactly as
typed in the search box; if its text is a query syntax error, it runs again
with the syntax characters removed, and if it still breaks a limit of the
query language (too many words), with its longest leading part that parses
(noted per query and counted). The top
1000 hits (the full matches, then for a short query the partial ones, as the
result list shows them) are scored as trec_eval scores them, reading the run by
score and breaking ties by document ID descending: nDCG@10 (linear gain), MAP, P@10,
Recall@100 and Recall@1000, averaged over the evaluated queries (a query with
no hits counts as 0, like trec_eval -c).`,
		"briefs eval search ../shared/eval/cacm",
		"briefs eval search --per-query --run cacm.run ../shared/eval/cacm",
		"trec_eval -m map -m ndcg_cut.10 DIR/qrels/test.tsv cacm.run")
	runFile := fs.String("run", "", "write a TREC run file (qid Q0 docid rank score briefs) to this file")
	perQuery := fs.Bool("per-query", false, "print each query's figures and any syntax-error retry")
	lang := fs.String("language", "en", "language code of every document (chooses the text analysis)")
	split := fs.String("qrels", "test", "judgments to use: DIR/qrels/NAME.tsv")
	anyWord := fs.Bool("any-word", false, "diagnostic: run each query as its words joined by OR (not what users get)")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return usageError{"eval search needs one DIR"}
	}
	start := time.Now()
	ev, err := evalSearch(ctx, pos[0], *split, *lang, *anyWord)
	if err != nil {
		return fmt.Errorf("eval search %s: %w", pos[0], err)
	}
	if *runFile != "" {
		if err := writeRunFile(*runFile, ev.Runs); err != nil {
			return fmt.Errorf("eval search: %w", err)
		}
	}
	if *perQuery {
		printPerQuery(stdout, ev.Runs)
	}
	printSearchEval(stdout, pos[0], ev, since(start))
	for _, id := range ev.Unknown {
		fmt.Fprintf(stderr, "warning: query %s is judged but not in queries.jsonl\n", id)
	}
	if ev.Failed > 0 {
		for _, r := range ev.Runs {
			if r.Err != "" {
				fmt.Fprintf(stderr, "query %s failed: %s\n", r.ID, r.Err)
			}
		}
		return exitStatus(exitError)
	}
	return nil
}

// searchEval is the outcome of one `eval search`.
type searchEval struct {
	Docs     int      // documents indexed
	Skipped  int      // documents that are not valid records (no id, no text)
	Queries  int      // queries in queries.jsonl
	AnyWord  bool     // queries were rewritten as any-word (--any-word)
	Unknown  []string // judged query IDs missing from queries.jsonl
	Runs     []queryRun
	Mean     queryScores
	Retried  int // queries rerun without syntax characters
	Shorter  int // of those, queries also cut to fit the query limits
	Failed   int // queries that could not run at all (scored with no hits)
	Build    time.Duration
	Searches time.Duration // total time spent in Search over all queries
}

// queryRun is one evaluated query: what ran, what came back, its figures.
type queryRun struct {
	ID, Text    string
	Ranked      []scoredDoc // trec_eval's order, at most evalDepth
	Total       uint64      // hits the engine reported
	Scores      queryScores
	Took        time.Duration
	SyntaxError string // the parser's complaint about Text, if any
	Retry       string // the text run instead of Text after a syntax error
	Shortened   bool   // Retry also lost words to fit the query limits
	Err         string // why the query failed, if it did
}

func evalSearch(ctx context.Context, dir, split, lang string, anyWord bool) (*searchEval, error) {
	queries, err := loadQueries(filepath.Join(dir, "queries.jsonl"))
	if err != nil {
		return nil, err
	}
	qrels, err := loadQrels(filepath.Join(dir, "qrels", split+".tsv"))
	if err != nil {
		return nil, err
	}
	ev := &searchEval{Queries: len(queries), AnyWord: anyWord}
	known := make(map[string]bool, len(queries))
	for _, q := range queries {
		known[q.ID] = true
	}
	for id := range qrels {
		if !known[id] {
			ev.Unknown = append(ev.Unknown, id)
		}
	}

	tmp, err := os.MkdirTemp("", "briefs-eval-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	indexDir := filepath.Join(tmp, "index")
	start := time.Now()
	if err := buildEvalIndex(ctx, indexDir, filepath.Join(dir, "corpus.jsonl"), lang, ev); err != nil {
		return nil, err
	}
	ev.Build = time.Since(start)
	ix, err := search.Open(indexDir)
	if err != nil {
		return nil, err
	}
	defer ix.Close()

	var scores []queryScores
	for _, q := range queries {
		j := qrels[q.ID]
		if j.numRelevant() == 0 {
			continue
		}
		if anyWord {
			q.Text, _ = fitQuery(strings.Join(strings.Fields(stripSyntax(q.Text)), " OR "))
		}
		r := runJudgedQuery(ctx, ix, q)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		ranked := make([]string, len(r.Ranked))
		for i, d := range r.Ranked {
			ranked[i] = d.ID
		}
		r.Scores = scoreQuery(ranked, j)
		if r.SyntaxError != "" {
			ev.Retried++
		}
		if r.Shortened {
			ev.Shorter++
		}
		if r.Err != "" {
			ev.Failed++
		}
		ev.Searches += r.Took
		ev.Runs = append(ev.Runs, r)
		scores = append(scores, r.Scores)
	}
	ev.Mean = meanScores(scores)
	return ev, nil
}

// buildEvalIndex indexes the corpus into dir with the production mapping.
func buildEvalIndex(ctx context.Context, dir, corpus, lang string, ev *searchEval) error {
	b, err := search.NewBuilder(dir, search.BuildOptions{Rebuild: true})
	if err != nil {
		return err
	}
	defer b.Abort()
	err = readJSONL(corpus, func(data []byte) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		var d struct {
			ID    jsonID `json:"_id"`
			Title string `json:"title"`
			Text  string `json:"text"`
		}
		if err := json.Unmarshal(data, &d); err != nil {
			return err
		}
		rec := docRecord(string(d.ID), d.Title, d.Text, lang)
		if rec.Validate() != nil {
			ev.Skipped++
			return nil
		}
		if err := b.Add(rec); err != nil {
			return fmt.Errorf("add %s: %w", rec.ID, err)
		}
		ev.Docs++
		return nil
	})
	if err != nil {
		return err
	}
	_, err = b.Commit()
	return err
}

// docRecord maps a collection document to the record the ingester would
// make of a plain text file with that title and body.
func docRecord(id, title, text, lang string) indexer.Record {
	return indexer.Record{
		ID:         id,
		Kind:       indexer.KindDocument,
		Title:      strings.Join(strings.Fields(title), " "),
		Paragraphs: paragraphs(text),
		Language:   lang,
	}
}

var blankLine = regexp.MustCompile(`\n[ \t\r\f\v]*\n`)

// paragraphs splits text at blank lines, normalising whitespace within each
// paragraph as the ingester does.
func paragraphs(text string) []string {
	var out []string
	for _, p := range blankLine.Split(text, -1) {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// runJudgedQuery runs a query as the search box would, falling back to the
// text without syntax characters when the parser rejects it.
func runJudgedQuery(ctx context.Context, ix *search.Index, q evalQuery) queryRun {
	r := queryRun{ID: q.ID, Text: q.Text}
	start := time.Now()
	hits, total, err := topHits(ctx, ix, q.Text)
	var se *search.SyntaxError
	if errors.As(err, &se) {
		r.SyntaxError = err.Error()
		r.Retry, r.Shortened = fitQuery(stripSyntax(q.Text))
		if r.Retry == "" {
			// An empty query would match every document.
			err = errors.New("no words left without the syntax characters")
		} else {
			hits, total, err = topHits(ctx, ix, r.Retry)
		}
	}
	r.Took = time.Since(start)
	if err != nil {
		r.Err = err.Error()
		return r
	}
	r.Ranked, r.Total = trecOrder(hits), total
	return r
}

// fitQuery returns the longest run of leading words of text that parses: a
// text without syntax characters can still break a limit of the query
// language (too many words), and the user's remedy is to shorten it.
func fitQuery(text string) (string, bool) {
	if _, err := search.Parse(text); err == nil {
		return text, false
	}
	words := strings.Fields(text)
	for n := len(words) - 1; n > 0; n-- {
		short := strings.Join(words[:n], " ")
		if _, err := search.Parse(short); err == nil {
			return short, true
		}
	}
	return "", false
}

// partialOffset is taken off the score of a partial match (search.Hit's
// Partial: a record holding only some of a short query's words), so that
// trec_eval, which reads a run by score, ranks every partial match after
// every full one, as the result list does. BM25F scores stay far below it.
const partialOffset = 1e6

// topHits pages through the first evalDepth hits of text with the largest
// page size the index allows.
func topHits(ctx context.Context, ix *search.Index, text string) ([]scoredDoc, uint64, error) {
	var hits []scoredDoc
	var total uint64
	size := min(search.MaxSize, evalDepth)
	for page := 1; (page-1)*size < evalDepth; page++ {
		res, err := ix.Search(ctx, search.Query{Text: text, Page: page, Size: size, Snippets: -1})
		if err != nil {
			return nil, 0, err
		}
		total = res.Total + res.More
		for _, h := range res.Hits {
			score := h.Score
			if h.Partial {
				score -= partialOffset
			}
			hits = append(hits, scoredDoc{ID: h.ID, Score: score})
		}
		if len(res.Hits) < size || uint64(page*size) >= total {
			break
		}
	}
	if len(hits) > evalDepth {
		hits = hits[:evalDepth]
	}
	return hits, total, nil
}

// stripSyntax keeps only the words of a query: letters and digits, with
// every other character a space and the upper-case operators AND, OR and
// NOT dropped, so that what remains cannot be a syntax error.
func stripSyntax(text string) string {
	clean := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			return r
		}
		return ' '
	}, text)
	var words []string
	for _, w := range strings.Fields(clean) {
		switch w {
		case "AND", "OR", "NOT":
			continue
		}
		words = append(words, w)
	}
	return strings.Join(words, " ")
}

// evalQuery is one line of queries.jsonl.
type evalQuery struct {
	ID   string
	Text string
}

func loadQueries(path string) ([]evalQuery, error) {
	var qs []evalQuery
	err := readJSONL(path, func(data []byte) error {
		var q struct {
			ID   jsonID `json:"_id"`
			Text string `json:"text"`
		}
		if err := json.Unmarshal(data, &q); err != nil {
			return err
		}
		if q.ID == "" {
			return errors.New("query without _id")
		}
		qs = append(qs, evalQuery{ID: string(q.ID), Text: q.Text})
		return nil
	})
	return qs, err
}

// loadQrels reads judgments by query ID. Lines are tab- or space-separated
// "query-id corpus-id score" (BEIR, with or without the header line) or
// "query-id iteration corpus-id score" (TREC qrels).
func loadQrels(path string) (map[string]judgments, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	qrels := make(map[string]judgments)
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		fields := strings.Fields(sc.Text())
		var qid, doc, grade string
		switch len(fields) {
		case 0:
			continue
		case 3:
			qid, doc, grade = fields[0], fields[1], fields[2]
		case 4:
			qid, doc, grade = fields[0], fields[2], fields[3]
		default:
			return nil, fmt.Errorf("%s:%d: want 3 or 4 fields, got %d", path, line, len(fields))
		}
		g, err := strconv.ParseFloat(grade, 64)
		if err != nil {
			if line == 1 {
				continue // the header: query-id corpus-id score
			}
			return nil, fmt.Errorf("%s:%d: score %q is not a number", path, line, grade)
		}
		if qrels[qid] == nil {
			qrels[qid] = make(judgments)
		}
		qrels[qid][doc] = int(g)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return qrels, nil
}

// writeRunFile writes the rankings in TREC run format. Scores are printed in
// full so that trec_eval, which re-sorts by score, sees no ties we did not.
func writeRunFile(path string, runs []queryRun) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for _, r := range runs {
		for i, d := range r.Ranked {
			fmt.Fprintf(w, "%s Q0 %s %d %s briefs\n", r.ID, d.ID, i+1, strconv.FormatFloat(d.Score, 'g', -1, 64))
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write run %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write run %s: %w", path, err)
	}
	return nil
}

func printPerQuery(w io.Writer, runs []queryRun) {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "query\tnDCG@10\tAP\tP@10\tR@100\thits\tnote")
	for _, r := range runs {
		hits := strconv.Itoa(len(r.Ranked))
		if r.Total > uint64(len(r.Ranked)) {
			hits = fmt.Sprintf("%d of %d", len(r.Ranked), r.Total)
		}
		var note string
		switch {
		case r.Err != "" && r.SyntaxError != "":
			note = fmt.Sprintf("syntax error (%s); retry %q failed: %s", r.SyntaxError, r.Retry, r.Err)
		case r.Err != "":
			note = "failed: " + r.Err
		case r.Shortened:
			note = fmt.Sprintf("syntax error (%s); retried as %q, shortened to fit the query limits", r.SyntaxError, r.Retry)
		case r.SyntaxError != "":
			note = fmt.Sprintf("syntax error (%s); retried as %q", r.SyntaxError, r.Retry)
		}
		s := r.Scores
		fmt.Fprintf(tw, "%s\t%.4f\t%.4f\t%.4f\t%.4f\t%s\t%s\n", r.ID, s.NDCG10, s.AP, s.P10, s.R100, hits, note)
	}
	tw.Flush()
	fmt.Fprintln(w)
}

func printSearchEval(w io.Writer, dir string, ev *searchEval, total time.Duration) {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	docs := fmt.Sprintf("%d documents", ev.Docs)
	if ev.Skipped > 0 {
		docs += fmt.Sprintf(" (%d skipped: no id or no text)", ev.Skipped)
	}
	fmt.Fprintf(tw, "collection\t%s: %s, %d queries\n", dir, docs, ev.Queries)
	m := ev.Mean
	fmt.Fprintf(tw, "nDCG@10\t%.4f\n", m.NDCG10)
	fmt.Fprintf(tw, "MAP\t%.4f\n", m.AP)
	fmt.Fprintf(tw, "P@10\t%.4f\n", m.P10)
	fmt.Fprintf(tw, "Recall@100\t%.4f\n", m.R100)
	fmt.Fprintf(tw, "Recall@1000\t%.4f\n", m.R1000)
	shorter := ""
	if ev.Shorter > 0 {
		shorter = fmt.Sprintf(", %d of them also shortened to fit the query limits", ev.Shorter)
	}
	if ev.AnyWord {
		fmt.Fprintf(tw, "matching\tany word (--any-word): each query's words joined by OR, not as typed\n")
	}
	fmt.Fprintf(tw, "queries\t%d evaluated (%d retried without syntax characters%s; %d failed)\n",
		len(ev.Runs), ev.Retried, shorter, ev.Failed)
	var mean time.Duration
	if len(ev.Runs) > 0 {
		mean = ev.Searches / time.Duration(len(ev.Runs))
	}
	fmt.Fprintf(tw, "latency\t%s mean per query (top %d in pages of %d)\n", roundDuration(mean), evalDepth, min(search.MaxSize, evalDepth))
	fmt.Fprintf(tw, "indexing\t%s\n", roundDuration(ev.Build))
	fmt.Fprintf(tw, "total time\t%s\n", total)
	tw.Flush()
}
