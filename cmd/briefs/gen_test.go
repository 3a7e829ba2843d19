package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/briefs/briefs/indexer"
)

// genDocs plans n documents and renders each one in memory.
func genDocs(cfg genConfig) ([]*genDocument, *docGen) {
	g := newDocGen(cfg.Seed)
	var docs []*genDocument
	for _, d := range planCorpus(cfg) {
		docs = append(docs, g.document(d))
	}
	return docs, g
}

// wantRecord is what the extractor should read from a generated document.
func wantRecord(doc *genDocument) indexer.Record {
	rec := indexer.Record{
		Title:    doc.title,
		Authors:  doc.authors,
		Date:     doc.date,
		Year:     doc.plan.year,
		Series:   doc.series,
		Number:   doc.plan.number,
		Language: doc.plan.lang,
	}
	for _, c := range doc.countries {
		rec.Countries = append(rec.Countries, genCountries[c][0])
	}
	rec.Kind = "document"
	switch low := strings.ToLower(doc.series); {
	case reBriefingSeries.MatchString(low):
		rec.Kind = "briefing"
	case rePaperSeries.MatchString(low):
		rec.Kind = "paper"
	}
	return rec
}

// The extractor's rule for kinds, as whole words of the series name (the
// generator's series use these languages' words only).
var (
	reBriefingSeries = regexp.MustCompile(`\b(briefings?|briefs?|notes?|memos?|informes?|notas?)\b`)
	rePaperSeries    = regexp.MustCompile(`\b(papers?|reports?|stud(y|ies)|documentos?|estudios?|estudos?|relatórios?|rapports?|cuadernos?)\b`)
)

// compareRecord reports the fields where got differs from want. Countries
// are compared as sets: their order is the extractor's ranking.
func compareRecord(got, want indexer.Record) []string {
	var diffs []string
	check := func(field string, g, w any) {
		gj, _ := json.Marshal(g)
		wj, _ := json.Marshal(w)
		if !bytes.Equal(gj, wj) {
			diffs = append(diffs, field+": got "+string(gj)+", want "+string(wj))
		}
	}
	check("title", got.Title, want.Title)
	check("authors", got.Authors, want.Authors)
	check("date", got.Date, want.Date)
	check("year", got.Year, want.Year)
	check("series", got.Series, want.Series)
	check("number", got.Number, want.Number)
	check("language", got.Language, want.Language)
	check("kind", got.Kind, want.Kind)
	gc, wc := slices.Clone(got.Countries), slices.Clone(want.Countries)
	slices.Sort(gc)
	slices.Sort(wc)
	check("countries", gc, wc)
	return diffs
}

// TestGenExtracts checks that the extractor reads back, from every HTML
// metadata convention and both text layouts, what the generator put in.
func TestGenExtracts(t *testing.T) {
	for _, format := range []string{genHTML, genText} {
		t.Run(format, func(t *testing.T) {
			docs, g := genDocs(genConfig{Docs: 80, Seed: 3, Format: format, Spanish: 0.25, PerFolder: 1000})
			failures := 0
			variants := map[int]bool{}
			for _, doc := range docs {
				variants[doc.variant] = true
				var data []byte
				name := "doc.html"
				if format == genText {
					data, name = g.renderText(doc), "doc.txt"
				} else {
					data = g.renderHTML(doc)
				}
				recs, err := indexer.Extract(name, data, indexer.Options{})
				if err != nil {
					t.Fatalf("doc %d: %v", doc.plan.n, err)
				}
				if len(recs) != 1 {
					t.Errorf("doc %d (variant %d): %d records, want 1", doc.plan.n, doc.variant, len(recs))
				}
				if diffs := compareRecord(recs[0], wantRecord(doc)); len(diffs) > 0 {
					failures++
					if failures <= 8 {
						t.Errorf("doc %d (%s, variant %d):\n  %s", doc.plan.n, doc.plan.lang, doc.variant, strings.Join(diffs, "\n  "))
					}
				}
			}
			if failures > 0 {
				t.Errorf("%d of %d documents not read back as generated", failures, len(docs))
			}
			if len(variants) != 5 {
				t.Errorf("variants used: %v, want all 5", variants)
			}
		})
	}
}

// TestGenJSONLReadsBack checks every generated line against the document
// and through the JSON Lines reader.
func TestGenJSONLReadsBack(t *testing.T) {
	docs, g := genDocs(genConfig{Docs: 60, Seed: 5, Format: genJSONL, Spanish: 0.3})
	var all bytes.Buffer
	for _, doc := range docs {
		line := g.renderJSONL(doc)
		if bytes.Count(line, []byte("\n")) != 1 || line[len(line)-1] != '\n' {
			t.Fatalf("doc %d: not one line", doc.plan.n)
		}
		var rec struct {
			ID, Title, Text, Date, Series, Language, URL, Abstract string
			Year, Number                                           int
			Authors, Countries                                     []string
		}
		if err := json.Unmarshal(line, &rec); err != nil {
			t.Fatalf("doc %d: %v\n%s", doc.plan.n, err, line)
		}
		if rec.ID != doc.id || rec.Title != doc.title || rec.Date != doc.date || rec.Year != doc.plan.year ||
			rec.Series != doc.series || rec.Number != doc.plan.number || rec.Abstract != doc.abstract ||
			!slices.Equal(rec.Authors, doc.authors) || len(rec.Countries) != len(doc.countries) {
			t.Errorf("doc %d: line %+v does not match the document", doc.plan.n, rec)
		}
		if paras := strings.Split(rec.Text, "\n\n"); len(paras) != len(doc.blocks) {
			t.Errorf("doc %d: %d paragraphs, want %d", doc.plan.n, len(paras), len(doc.blocks))
		}
		all.Write(line)
	}
	i := 0
	rep, err := indexer.ReadJSONL(context.Background(), &all, "briefings.jsonl", func(rec indexer.Record) error {
		doc := docs[i]
		i++
		want := wantRecord(doc)
		if rec.ID != doc.id {
			t.Errorf("record %d: id %q, want %q", i, rec.ID, doc.id)
		}
		if diffs := compareRecord(rec, want); len(diffs) > 0 {
			t.Errorf("doc %d: %s", doc.plan.n, strings.Join(diffs, "; "))
		}
		return nil
	})
	if err != nil || len(rep.Skipped) > 0 || rep.Records != len(docs) {
		t.Errorf("ReadJSONL: err %v, %d records, skipped %v", err, rep.Records, rep.Skipped)
	}
}

// TestGenNoStrayCountries: the country rule must find no country in the
// vocabulary, the names, the series or the headings; otherwise documents
// would be about countries the generator did not choose.
func TestGenNoStrayCountries(t *testing.T) {
	v := vocabulary()
	var texts []string
	for _, w := range slices.Concat(v.enWords, v.enFunc, v.esWords, v.esFunc, v.enAuthors, v.esAuthors,
		enCollocations, esCollocations, enHeadings, esHeadings) {
		texts = append(texts, w, upperFirst(w), strings.ToUpper(w))
	}
	for _, s := range genSeries {
		texts = append(texts, s.Name)
	}
	for _, p := range genPublishers {
		texts = append(texts, p.Name)
	}
	for _, s := range texts {
		if cs := indexer.Countries(s, "", nil); len(cs) > 0 {
			t.Errorf("%q names %v", s, cs)
		}
	}
}

func TestGenCountryNames(t *testing.T) {
	for _, c := range genCountries {
		if got, ok := indexer.CountryName(c[0]); !ok || got != c[0] {
			t.Errorf("CountryName(%q) = %q, %v; want the canonical name", c[0], got, ok)
		}
		if got, ok := indexer.CountryName(c[1]); !ok || got != c[0] {
			t.Errorf("CountryName(%q) = %q, %v; want %q", c[1], got, ok, c[0])
		}
	}
	for i := range genCountries {
		for _, es := range []bool{false, true} {
			text := "En general. " + (&docGen{r: rand.New(rand.NewPCG(1, 2))}).mentionLead(es, i) + "algo."
			if cs := indexer.Countries(text, "", nil); !slices.Equal(cs, []string{genCountries[i][0]}) {
				t.Errorf("%q: countries %v, want %s", text, cs, genCountries[i][0])
			}
		}
	}
}

func TestGenDistributions(t *testing.T) {
	docs, _ := genDocs(genConfig{Docs: 1500, Seed: 9, Format: genJSONL, Spanish: 0.1})
	var words, spanish, long, noSeries int
	authors, series, countries := map[string]int{}, map[string]bool{}, map[int]int{}
	years := map[int]int{}
	for _, doc := range docs {
		n := 0
		for _, b := range doc.blocks {
			n += strings.Count(b.text, " ") + 1
		}
		words += n
		if n < 590 {
			t.Errorf("doc %d has %d words, want at least 600", doc.plan.n, n)
		}
		if n > 7000 {
			long++
		}
		if doc.plan.lang == "es" {
			spanish++
		}
		if doc.series == "" {
			noSeries++
		} else {
			series[doc.series] = true
		}
		if len(doc.authors) < 1 || len(doc.authors) > 3 || len(doc.countries) < 1 || len(doc.countries) > 4 {
			t.Errorf("doc %d: %d authors, %d countries", doc.plan.n, len(doc.authors), len(doc.countries))
		}
		for _, a := range doc.authors {
			authors[a]++
		}
		for _, c := range doc.countries {
			countries[c]++
		}
		years[doc.plan.year]++
		if doc.plan.year < 1990 || doc.plan.year > 2025 {
			t.Errorf("doc %d: year %d", doc.plan.n, doc.plan.year)
		}
	}
	mean := float64(words) / float64(len(docs))
	within := func(name string, got, lo, hi float64) {
		if got < lo || got > hi {
			t.Errorf("%s = %.3f, want between %.3f and %.3f", name, got, lo, hi)
		}
	}
	within("mean words", mean, 1000, 1600)
	within("Spanish fraction", float64(spanish)/float64(len(docs)), 0.07, 0.13)
	within("long fraction", float64(long)/float64(len(docs)), 0.003, 0.02)
	within("without series", float64(noSeries)/float64(len(docs)), 0.07, 0.13)
	within("series used", float64(len(series)), 30, 40)
	within("distinct authors", float64(len(authors)), 500, 2000)
	// Zipfian popularity: the most prolific author writes far more than most.
	top := 0
	for _, n := range authors {
		top = max(top, n)
	}
	within("top author's documents", float64(top), 20, 200)
	if years[2020] <= years[1995] {
		t.Errorf("2020 has %d documents, 1995 %d: want more in later years", years[2020], years[1995])
	}
}

func TestAliasTable(t *testing.T) {
	weights := []float64{1, 2, 3, 4, 0}
	tab := newAliasTable(weights)
	r := rand.New(rand.NewPCG(1, 1))
	counts := make([]int, len(weights))
	const n = 200000
	for range n {
		counts[tab.draw(r)]++
	}
	for i, w := range weights {
		got, want := float64(counts[i])/n, w/10
		if math.Abs(got-want) > 0.01 {
			t.Errorf("index %d drawn %.3f of the time, want %.3f", i, got, want)
		}
	}
}

func TestAppendJSONString(t *testing.T) {
	for _, s := range []string{"", "plain", `quote " and \ backslash`, "new\nline\ttab\r", "\x00\x1f control",
		"<script>&</script>", "Ñáñez – “curly” 🙂"} {
		b := appendJSONString(nil, s)
		var got string
		if err := json.Unmarshal(b, &got); err != nil || got != s {
			t.Errorf("appendJSONString(%q) = %s: decodes to %q, %v", s, b, got, err)
		}
		if bytes.ContainsAny(b, "<>&") {
			t.Errorf("appendJSONString(%q) = %s: not safe in <script>", s, b)
		}
	}
}

func TestAppendWrapped(t *testing.T) {
	got := string(appendWrapped(nil, "aaa bbb ccc dddddddddd e", 8))
	want := "aaa bbb\nccc\ndddddddddd\ne\n"
	if got != want {
		t.Errorf("appendWrapped = %q, want %q", got, want)
	}
}

// TestGenCommand runs `briefs gen` twice with the same flags and compares
// the trees byte for byte, then checks --force and a changed seed.
func TestGenCommand(t *testing.T) {
	ctx := context.Background()
	dirs := []string{t.TempDir(), t.TempDir()}
	for _, dir := range dirs {
		var stderr bytes.Buffer
		err := run(ctx, []string{"gen", "--docs", "120", "--format", "mixed", "--split", "5", "--per-folder", "50", dir}, &bytes.Buffer{}, &stderr)
		if err != nil {
			t.Fatalf("gen: %v\n%s", err, stderr.String())
		}
		if !strings.Contains(stderr.String(), "120 documents") {
			t.Errorf("summary = %q", stderr.String())
		}
	}
	a, b := readTree(t, dirs[0]), readTree(t, dirs[1])
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("trees have %d and %d files", len(a), len(b))
	}
	var htmls, texts, jsonls int
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two runs with the same flags", name)
		}
		switch {
		case strings.HasSuffix(name, ".html"):
			htmls++
		case strings.HasSuffix(name, ".txt"):
			texts++
		case strings.HasSuffix(name, ".jsonl"):
			jsonls++
		}
	}
	if htmls < 60 || texts < 10 || jsonls < 2 {
		t.Errorf("mixed corpus has %d html, %d text and %d jsonl files", htmls, texts, jsonls)
	}
	if _, ok := a[filepath.Join("html", "0001")]; ok || !hasPrefix(a, "html/0001/") {
		t.Errorf("no second folder of 50 files: %v", keys(a))
	}

	err := run(ctx, []string{"gen", "--docs", "10", dirs[0]}, &bytes.Buffer{}, &bytes.Buffer{})
	var ue usageError
	if !errors.As(err, &ue) {
		t.Errorf("gen into a used folder: err %v, want a usage error", err)
	}
	if err := run(ctx, []string{"gen", "--docs", "10", "--seed", "2", "--format", "mixed", "--force", dirs[0]}, &bytes.Buffer{}, &bytes.Buffer{}); err != nil {
		t.Fatalf("gen --force: %v", err)
	}
	c := readTree(t, dirs[0])
	if len(c) > 10 || hasPrefix(c, "html/0001/") {
		t.Errorf("after --force: %d files, want at most 10 (old output removed): %v", len(c), keys(c))
	}
	// Another format may share the folder: bench keeps html and jsonl side by side.
	if err := run(ctx, []string{"gen", "--docs", "5", "--format", "jsonl", dirs[1]}, &bytes.Buffer{}, &bytes.Buffer{}); err == nil {
		t.Error("jsonl into a folder with jsonl output: no error")
	}
	dir := t.TempDir()
	for _, format := range []string{"html", "jsonl", "text"} {
		if err := run(ctx, []string{"gen", "--docs", "5", "--format", format, dir}, &bytes.Buffer{}, &bytes.Buffer{}); err != nil {
			t.Errorf("gen %s beside other formats: %v", format, err)
		}
	}
}

func readTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func hasPrefix(m map[string][]byte, prefix string) bool {
	for k := range m {
		if strings.HasPrefix(k, prefix) {
			return true
		}
	}
	return false
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func BenchmarkGenerate(b *testing.B) {
	g := newDocGen(1)
	plan := planCorpus(genConfig{Docs: 500, Seed: 1, Format: genHTML, Spanish: 0.1})
	var bytes int64
	for i := 0; b.Loop(); i++ {
		doc := g.document(plan[i%len(plan)])
		bytes += int64(len(g.renderHTML(doc)))
	}
	b.SetBytes(bytes / int64(b.N))
}
