package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNormTitle(t *testing.T) {
	tests := []struct {
		a, b            string
		strict, relaxed bool
	}{
		{"Seed Banks and Food Security", "seed banks and  food\u00a0security", true, true},
		{"Fisheries: after the Moratorium", "Fisheries after the Moratorium", false, true},
		{"“Quoted” title", `"Quoted" Title`, false, true},
		{"Café", "Cafe\u0301", true, true}, // precomposed é and e + combining accent
		{"Café", "Cafe", false, false},     // accents are kept
		{"Fort\u00adschritt\u200b", "Fortschritt", true, true},
		{"Iran deal", "Iran deal collapses", false, false},
		{"", "Something", false, false},
	}
	for _, tt := range tests {
		if got := normTitle(tt.a) == normTitle(tt.b); got != tt.strict {
			t.Errorf("normTitle(%q) == normTitle(%q) is %v, want %v", tt.a, tt.b, got, tt.strict)
		}
		if got := relaxTitle(tt.a) == relaxTitle(tt.b); got != tt.relaxed {
			t.Errorf("relaxTitle(%q) == relaxTitle(%q) is %v, want %v", tt.a, tt.b, got, tt.relaxed)
		}
	}
}

func TestSameAuthors(t *testing.T) {
	tests := []struct {
		name      string
		want, got []string
		same      bool
	}{
		{"inverted name", []string{"Quispe, Maria"}, []string{"Maria Quispe"}, true},
		{"order and case", []string{"Ana Lima", "Jan Kowalski"}, []string{"JAN KOWALSKI", "ana  lima"}, true},
		{"accents kept", []string{"José Núñez"}, []string{"Jose Nunez"}, false},
		{"missing one", []string{"Ana Lima", "Jan Kowalski"}, []string{"Ana Lima"}, false},
		{"extra one", []string{"Ana Lima"}, []string{"Ana Lima", "Editorial Board"}, false},
		{"none wanted, none got", []string{}, nil, true},
		{"none wanted, one got", []string{}, []string{"Ana Lima"}, false},
		{"duplicates collapse", []string{"Ana Lima"}, []string{"Ana Lima", "Lima, Ana"}, true},
	}
	for _, tt := range tests {
		if got := sameAuthors(tt.want, tt.got); got != tt.same {
			t.Errorf("%s: sameAuthors(%q, %q) = %v, want %v", tt.name, tt.want, tt.got, got, tt.same)
		}
	}
}

func TestDayYearOf(t *testing.T) {
	tests := []struct {
		in      string
		day     string
		year    int
		hasYear bool
	}{
		{"2024-05-03", "2024-05-03", 2024, true},
		{"2024-05-03T23:10:00+02:00", "2024-05-03", 2024, true},
		{"2024-05", "", 2024, true},
		{"2024", "", 2024, true},
		{"", "", 0, false},
		{"May 2024", "", 0, false},
	}
	for _, tt := range tests {
		if day, _ := dayOf(tt.in); day != tt.day {
			t.Errorf("dayOf(%q) = %q, want %q", tt.in, day, tt.day)
		}
		if y, ok := yearOf(tt.in); y != tt.year || ok != tt.hasYear {
			t.Errorf("yearOf(%q) = %d, %v, want %d, %v", tt.in, y, ok, tt.year, tt.hasYear)
		}
	}
}

func TestReadPage(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.html.gz")
	writeGzip(t, small, func(zw *gzip.Writer) { zw.Write([]byte("<p>hello</p>")) })
	if got, err := readPage(small); err != nil || string(got) != "<p>hello</p>" {
		t.Errorf("readPage(small.html.gz) = %q, %v; want the page", got, err)
	}

	// One byte over the cap, from a few KiB of gzip.
	bomb := filepath.Join(dir, "bomb.html.gz")
	writeGzip(t, bomb, func(zw *gzip.Writer) {
		chunk := make([]byte, 1<<20)
		for range maxPageBytes >> 20 {
			zw.Write(chunk)
		}
		zw.Write([]byte{0})
	})
	if _, err := readPage(bomb); err == nil || !strings.Contains(err.Error(), "more than 64 MiB uncompressed") {
		t.Errorf("readPage(bomb) error = %v, want the size cap", err)
	}

	bad := filepath.Join(dir, "bad.html.gz")
	os.WriteFile(bad, []byte("not gzip"), 0o644)
	if _, err := readPage(bad); err == nil || !strings.Contains(err.Error(), "decompress") {
		t.Errorf("readPage(bad gzip) error = %v, want a decompress error", err)
	}
}

func writeGzip(t *testing.T, path string, fill func(*gzip.Writer)) {
	t.Helper()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	fill(zw)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// The tiny collection (see testdata/eval/README.md): four pages whose
// metadata every source on the page agrees on, and a truth file with two
// deliberate differences: c.html's title has a colon the page lacks (a
// strict miss, a relaxed match) and d.html's date is wrong on purpose (a
// date miss, the year still right). d.html's title and c.html's date are
// not judged; c.html is judged to have no authors.
//
//	title    3 judged (a, b, c), 2 correct: 66.7%
//	relaxed  3 judged, 3 correct: 100.0%
//	authors  4 judged, 4 correct: 100.0%
//	date     3 judged (a, b, d), 2 correct: 66.7%
//	year     3 judged, 3 correct: 100.0%
func TestEvalExtractTiny(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "eval", "tiny-extract")
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"eval", "extract", dir, "--misses"}, &stdout, &stderr); err != nil {
		t.Fatalf("eval extract: %v\nstderr: %s", err, stderr.String())
	}
	out := stdout.String()
	hasLines(t, "eval extract", out,
		`pages: 4 judged in .*tiny-extract$`,
		`title\s+3\s+2\s+66\.7%$`,
		`title \(relaxed\)\s+3\s+3\s+100\.0%$`,
		`authors\s+4\s+4\s+100\.0%$`,
		`date\s+3\s+2\s+66\.7%$`,
		`year\s+3\s+3\s+100\.0%$`,
		`time: \S+$`,
	)
	misses := strings.Split(strings.TrimSpace(out[:strings.Index(out, "\n\npages:")]), "\n")
	wantMisses := []string{
		`c.html: title (punctuation): want "Fisheries: after the Moratorium", got "Fisheries after the Moratorium"`,
		`pages/d.html: date: want 2020-01-01, got 2020-06-30`,
	}
	if strings.Join(misses, "\n") != strings.Join(wantMisses, "\n") {
		t.Errorf("eval extract --misses listed\n%s\nwant\n%s", strings.Join(misses, "\n"), strings.Join(wantMisses, "\n"))
	}

	stdout.Reset()
	if err := run(context.Background(), []string{"eval", "extract", "--json", dir}, &stdout, &stderr); err != nil {
		t.Fatalf("eval extract --json: %v", err)
	}
	var ev extractEval
	if err := json.Unmarshal(stdout.Bytes(), &ev); err != nil {
		t.Fatalf("eval extract --json: %v\n%s", err, stdout.String())
	}
	if ev.Pages != 4 || len(ev.Fields) != 5 || ev.Fields[4].Field != "year" || ev.Fields[3].Correct != 2 || ev.Misses != nil {
		t.Errorf("eval extract --json = %+v, want 4 pages, 5 fields, date 2 correct, no misses listed", ev)
	}
}

// Another tool's answers are scored with the same rules; the figures are
// worked out in testdata/eval/README.md.
func TestEvalExtractPredictions(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "eval", "tiny-extract")
	preds := filepath.Join("..", "..", "testdata", "eval", "tiny-extract-predictions.jsonl")
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"eval", "extract", "--predictions", preds, "--misses", dir}, &stdout, &stderr); err != nil {
		t.Fatalf("eval extract --predictions: %v\nstderr: %s", err, stderr.String())
	}
	out := stdout.String()
	hasLines(t, "eval extract --predictions", out,
		`pages: 4 judged in .*tiny-extract$`,
		`title\s+3\s+1\s+33\.3%$`,
		`title \(relaxed\)\s+3\s+2\s+66\.7%$`,
		`authors\s+4\s+2\s+50\.0%$`,
		`date\s+3\s+1\s+33\.3%$`,
		`year\s+3\s+2\s+66\.7%$`,
		`pages/a.html: title: want "Water Rights in the Andes", got "Water Rights in the Andes \| Example Institute"$`,
		`pages/d.html: authors: want \["Lena Okafor"\], got \[\]$`,
		`pages/d.html: date: want 2020-01-01, got none$`,
	)

	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	os.WriteFile(bad, []byte(`{"title": "no file key"}`+"\n"), 0o644)
	err := run(context.Background(), []string{"eval", "extract", "--predictions", bad, dir}, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "no file") {
		t.Errorf("eval extract with a prediction lacking its file: error %v, want one naming the missing key", err)
	}
}

// The multilingual collection (testdata/eval/README.md) states each page's
// date and authors only in its visible text, in twelve languages: every
// field must come out right.
func TestEvalExtractMultilingual(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "eval", "multilingual-extract")
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"eval", "extract", "--json", "--misses", dir}, &stdout, &stderr); err != nil {
		t.Fatalf("eval extract: %v\nstderr: %s", err, stderr.String())
	}
	var ev extractEval
	if err := json.Unmarshal(stdout.Bytes(), &ev); err != nil {
		t.Fatalf("eval extract --json: %v\n%s", err, stdout.String())
	}
	if ev.Pages != 12 || ev.Failed != 0 || ev.Unjudged != 0 {
		t.Errorf("pages, failed, unjudged = %d, %d, %d; want 12, 0, 0", ev.Pages, ev.Failed, ev.Unjudged)
	}
	for _, f := range ev.Fields {
		if f.Judged != 12 || f.Correct != 12 {
			t.Errorf("%s: %d of %d correct, want 12 of 12", f.Field, f.Correct, f.Judged)
		}
	}
	for _, m := range ev.Misses {
		t.Errorf("miss: %s", m)
	}
}

func TestIsFragment(t *testing.T) {
	tests := []struct {
		title string
		paras []string
		want  bool
	}{
		{"Statement by Ghana", []string{"Mr. President, ..."}, false},
		{"TUR 79 2024", []string{"At the outset ..."}, false},
		{"It is my", []string{"It is my honour to speak."}, true},
		{"At the outset, on", []string{"At the outset, on behalf of my country, ..."}, true},
		{"I have the honour to convey to you, on behalf", []string{"of the United Arab Emirates, our congratulations."}, true},
		{"allow me", []string{"Something."}, true},
		{"Peace and security,", nil, true},
		{"", nil, false},
	}
	for _, tt := range tests {
		if got := isFragment(tt.title, tt.paras); got != tt.want {
			t.Errorf("isFragment(%q) = %v, want %v", tt.title, got, tt.want)
		}
	}
}

func TestEvalExtractCountriesAndText(t *testing.T) {
	dir := t.TempDir()
	pages := filepath.Join(dir, "pages")
	if err := os.MkdirAll(pages, 0o755); err != nil {
		t.Fatal(err)
	}
	speech := "Address by the delegation of Peru\n\nPeru welcomes the session. Our country, Peru, works for peace.\n\nBrazil and Chile are our neighbours.\n"
	if err := os.WriteFile(filepath.Join(pages, "PER_70_2015.txt"), []byte(speech), 0o644); err != nil {
		t.Fatal(err)
	}
	truth := `{"file": "pages/PER_70_2015.txt", "date": "2015", "country_code": "PER", "countries": ["Peru"]}` + "\n"
	if err := os.WriteFile(filepath.Join(dir, "truth.jsonl"), []byte(truth), 0o644); err != nil {
		t.Fatal(err)
	}
	ev, err := evalExtract(context.Background(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ev.Fields {
		switch f.Field {
		case fieldCountryFirst, fieldCountryAmong, fieldTitleLength, fieldTitleWhole:
			if f.Judged != 1 || f.Correct != 1 {
				t.Errorf("%s: %d of %d right, want 1 of 1 (misses %v)", f.Field, f.Correct, f.Judged, ev.Misses)
			}
		}
	}
	if ev.Text == nil || ev.Text.Pages != 1 || ev.Text.MedianParagraphs != 2 {
		t.Errorf("text stats = %+v, want 1 page with 2 paragraphs", ev.Text)
	}
}

// Several collections give one table, a row each; --predictions is given
// once per collection and each row scores its own file.
func TestEvalExtractSeveralSets(t *testing.T) {
	tiny := filepath.Join("..", "..", "testdata", "eval", "tiny-extract")
	multi := filepath.Join("..", "..", "testdata", "eval", "multilingual-extract")
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"eval", "extract", tiny, multi}, &stdout, &stderr); err != nil {
		t.Fatalf("eval extract: %v\nstderr: %s", err, stderr.String())
	}
	hasLines(t, "eval extract DIR DIR", stdout.String(),
		`^set\s+pages\s+title\s+title \(relaxed\)\s+authors\s+date\s+year\s+time$`,
		`^tiny-extract\s+4\s+66\.7% \(3\)\s+100\.0% \(3\)\s+100\.0% \(4\)\s+66\.7% \(3\)\s+100\.0% \(3\)\s+\S+$`,
		`^multilingual-extract\s+12\s+100\.0% \(12\)\s+100\.0% \(12\)\s+100\.0% \(12\)\s+100\.0% \(12\)\s+100\.0% \(12\)\s+\S+$`,
	)

	preds := filepath.Join("..", "..", "testdata", "eval", "tiny-extract-predictions.jsonl")
	empty := filepath.Join(t.TempDir(), "none.jsonl")
	os.WriteFile(empty, nil, 0o644)
	stdout.Reset()
	if err := run(context.Background(), []string{"eval", "extract", "--predictions", preds, "--predictions", empty, tiny, multi}, &stdout, &stderr); err != nil {
		t.Fatalf("eval extract --predictions x2: %v\nstderr: %s", err, stderr.String())
	}
	hasLines(t, "eval extract --predictions DIR DIR", stdout.String(),
		`^tiny-extract\s+4\s+33\.3% \(3\)\s+66\.7% \(3\)\s+50\.0% \(4\)\s+33\.3% \(3\)\s+66\.7% \(3\)\s+\S+$`,
		`^multilingual-extract\s+12\s+0\.0% \(12\)\s+0\.0% \(12\)\s+0\.0% \(12\)\s+0\.0% \(12\)\s+0\.0% \(12\)\s+\S+$`,
	)

	stdout.Reset()
	if err := run(context.Background(), []string{"eval", "extract", "--json", tiny, multi}, &stdout, &stderr); err != nil {
		t.Fatalf("eval extract --json DIR DIR: %v", err)
	}
	var evs []extractEval
	if err := json.Unmarshal(stdout.Bytes(), &evs); err != nil || len(evs) != 2 || evs[0].Set != tiny || evs[1].Pages != 12 {
		t.Errorf("eval extract --json DIR DIR = %v (%v), want two collections in order", evs, err)
	}

	err := run(context.Background(), []string{"eval", "extract", "--predictions", preds, tiny, multi}, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "one per DIR") {
		t.Errorf("eval extract with one --predictions for two DIRs: error %v, want a usage error", err)
	}
}
