package indexer

import (
	"context"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
)

// readAllJSONL reads src and returns the records and the report.
func readAllJSONL(t *testing.T, src string) ([]Record, Report) {
	t.Helper()
	var recs []Record
	rep, err := ReadJSONL(context.Background(), strings.NewReader(src), "in.jsonl", func(r Record) error {
		recs = append(recs, r)
		return nil
	})
	if err != nil {
		t.Fatalf("ReadJSONL: %v", err)
	}
	return recs, rep
}

func TestReadJSONLGoodLines(t *testing.T) {
	src := `{"id":"dpb-11","title":"Broken Promises","text":"First paragraph\nstill first.\n\nSecond  paragraph.","authors":["Jelsma, Martin","Ana García"],"date":"2005-03-14","year":2005,"series":"TNI Drug Policy Briefing","number":11,"countries":["Perú","BOL","Atlantis"],"language":"English","url":"https://example.org/dpb-11","abstract":"What went wrong."}
{"id":"ipd-12","title":"La frontera de la coca","text":"Línea uno.\nLínea dos.","authors":["José Luis Ñáñez"],"date":"2010-06","series":"Informe sobre Políticas de Drogas n.º 12","countries":["Ecuador"],"language":"spa"}

{"id":"  note-3  ","text":"Only text, and it is in English: the people of the valley and their crops are the subject of this note, which is short but not that short."}
{"id":"dp-4","text":"Body.","series":"Debate Papers","year":1999}
{"id":"x-5","text":"Body.","series":"Urban Governance Bulletin","date":"14 March 2001"}`
	recs, rep := readAllJSONL(t, src)
	if len(rep.Skipped) != 0 {
		t.Fatalf("skipped: %v", rep.Skipped)
	}
	if rep.Records != 5 || rep.Documents != 5 || rep.Files != 1 {
		t.Errorf("report counts = %d records, %d documents, %d files; want 5, 5, 1", rep.Records, rep.Documents, rep.Files)
	}
	tests := []struct {
		name string
		got  Record
		want Record
	}{
		{"full record", recs[0], Record{
			ID: "dpb-11", Kind: KindBriefing, Title: "Broken Promises",
			Authors: []string{"Martin Jelsma", "Ana García"}, Families: []string{"Jelsma", ""}, Date: "2005-03-14", Year: 2005,
			Series: "Drug Policy Briefing", Number: 11, Countries: []string{"Peru", "Bolivia", "Atlantis"},
			Language: "en", Abstract: "What went wrong.", URL: "https://example.org/dpb-11", Source: "in.jsonl",
			Paragraphs: []string{"First paragraph still first.", "Second paragraph."},
		}},
		{"spanish, number in series, single newlines", recs[1], Record{
			ID: "ipd-12", Kind: KindBriefing, Title: "La frontera de la coca",
			Authors: []string{"José Luis Ñáñez"}, Date: "2010-06", Year: 2010,
			Series: "Informe sobre Políticas de Drogas", Number: 12, Countries: []string{"Ecuador"},
			Language: "es", Source: "in.jsonl", Paragraphs: []string{"Línea uno.", "Línea dos."},
		}},
		{"only id and text", recs[2], Record{
			ID: "note-3", Kind: KindDocument,
			Title:    "Only text, and it is in English: the people of the valley and their crops are the subject of this note, which is short…",
			Language: "en", Source: "in.jsonl",
			Paragraphs: []string{"Only text, and it is in English: the people of the valley and their crops are the subject of this note, which is short but not that short."},
		}},
		{"year without date", recs[3], Record{
			ID: "dp-4", Kind: KindPaper, Title: "Body.", Date: "1999", Year: 1999, Series: "Debate Papers",
			Source: "in.jsonl", Paragraphs: []string{"Body."}, Language: recs[3].Language,
		}},
		{"date in words, document kind", recs[4], Record{
			ID: "x-5", Kind: KindDocument, Title: "Body.", Date: "2001-03-14", Year: 2001, Series: "Urban Governance Bulletin",
			Source: "in.jsonl", Paragraphs: []string{"Body."}, Language: recs[4].Language,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.got
			if len(got.Hash) != 64 {
				t.Errorf("Hash = %q, want 64 hex digits", got.Hash)
			}
			got.Hash = ""
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("record:\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
	if recs[0].Hash == recs[1].Hash {
		t.Error("two different lines have the same hash")
	}
}

func TestReadJSONLBadLines(t *testing.T) {
	lines := []struct {
		line, reason string
	}{
		{`{"id":"a","text":"x"`, "invalid JSON"},
		{`not json at all`, "invalid JSON"},
		{`["id","text"]`, "must be a JSON object"},
		{`{"title":"No id","text":"x"}`, "missing id"},
		{`{"id":"  ","text":"x"}`, "missing id"},
		{`{"id":"b","title":"No text"}`, "missing text"},
		{`{"id":"c","text":"  \n\n "}`, "missing text"},
		{`{"id":"d","text":null}`, "missing text"},
		{`{"id":7,"text":"x"}`, `field "id" is number, want a string`},
		{`{"id":"e","text":"x","authors":"Ana García"}`, `field "authors" is string, want a list of strings`},
		{`{"id":"f","text":"x","year":"2005"}`, `field "year" is string, want a whole number`},
		{`{"id":"g","text":"x","number":1.5}`, `field "number"`},
		{`{"id":"h","text":"x","date":"2005-13-45"}`, `date "2005-13-45" is not a date`},
		{`{"id":"i","text":"x","date":"yesterday"}`, `date "yesterday" is not a date`},
		{`{"id":"j","text":"x","date":"2005-03-14","year":2004}`, "year 2004 does not match"},
		{`{"id":"k","text":"x","year":12}`, "year 12 is out of range"},
		{`{"id":"l","text":"x","number":-3}`, "number -3 is negative"},
		{`{"id":"ok","text":"x"}`, ""},
		{`{"id":"ok","text":"again"}`, `same id "ok" as line 18`},
	}
	var src strings.Builder
	for _, l := range lines {
		src.WriteString(l.line + "\n")
	}
	recs, rep := readAllJSONL(t, src.String())
	if len(recs) != 1 || recs[0].ID != "ok" {
		t.Fatalf("records = %v, want only ok", recs)
	}
	got := map[string]string{}
	for _, s := range rep.Skipped {
		got[s.Path] = s.Reason
	}
	for i, l := range lines {
		at := "in.jsonl:" + strconv.Itoa(i+1)
		reason, skipped := got[at]
		switch {
		case l.reason == "" && skipped:
			t.Errorf("%s (%s): skipped: %s", at, l.line, reason)
		case l.reason != "" && !skipped:
			t.Errorf("%s (%s): not skipped, want %q", at, l.line, l.reason)
		case l.reason != "" && !strings.Contains(reason, l.reason):
			t.Errorf("%s (%s): reason %q, want it to contain %q", at, l.line, reason, l.reason)
		}
	}
	if !strings.Contains(rep.String(), "skipped in.jsonl:1: invalid JSON") {
		t.Errorf("report does not list line 1 as source:LINE: reason:\n%s", rep)
	}
}

func TestReadJSONLLongLines(t *testing.T) {
	// A 5 MB line is a document like any other: bufio.Scanner's default
	// 64 KB limit would fail here.
	para := strings.Repeat("word ", 1000) // 5 KB
	text := strings.Repeat(para+"\\n\\n", 1000)
	src := `{"id":"short","text":"x"}` + "\r\n" + `{"id":"big","text":"` + text + `"}` + "\n" + `{"id":"after","text":"y"}`
	recs, rep := readAllJSONL(t, src)
	if len(rep.Skipped) != 0 {
		t.Fatalf("skipped: %v", rep.Skipped)
	}
	if len(recs) != 3 || recs[1].ID != "big" || recs[2].ID != "after" {
		t.Fatalf("records: %d", len(recs))
	}
	if n := len(recs[1].Paragraphs); n != 1000 {
		t.Errorf("big record has %d paragraphs, want 1000", n)
	}

	// Beyond the cap, the line is skipped and the next one still read.
	var b strings.Builder
	b.WriteString(`{"id":"huge","text":"`)
	for b.Len() < maxJSONLLine+10 {
		b.WriteString(para)
	}
	b.WriteString("\"}\n{\"id\":\"next\",\"text\":\"z\"}\n")
	recs, rep = readAllJSONL(t, b.String())
	if len(recs) != 1 || recs[0].ID != "next" {
		t.Errorf("records after an over-long line = %v, want next", recs)
	}
	if len(rep.Skipped) != 1 || rep.Skipped[0].Path != "in.jsonl:1" || !strings.Contains(rep.Skipped[0].Reason, "longer than") {
		t.Errorf("skipped = %v, want line 1 as too long", rep.Skipped)
	}
}

func TestReadJSONLReaders(t *testing.T) {
	src := "\ufeff" + `{"id":"a","text":"x"}` + "\n\n   \n" + `{"id":"b","text":"y"}`
	for _, tt := range []struct {
		name string
		r    io.Reader
	}{
		{"whole", strings.NewReader(src)},
		{"one byte at a time", iotest.OneByteReader(strings.NewReader(src))},
		{"data with EOF", iotest.DataErrReader(strings.NewReader(src))},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var ids []string
			rep, err := ReadJSONL(context.Background(), tt.r, "s", func(r Record) error {
				ids = append(ids, r.ID)
				return nil
			})
			if err != nil || len(rep.Skipped) != 0 {
				t.Fatalf("err %v, skipped %v", err, rep.Skipped)
			}
			if !reflect.DeepEqual(ids, []string{"a", "b"}) {
				t.Errorf("ids = %v", ids)
			}
		})
	}
}

func TestReadJSONLStops(t *testing.T) {
	src := `{"id":"a","text":"x"}` + "\n" + `{"id":"b","text":"y"}` + "\n"
	stop := errors.New("stop")
	rep, err := ReadJSONL(context.Background(), strings.NewReader(src), "s", func(r Record) error { return stop })
	if !errors.Is(err, stop) || rep.Records != 0 {
		t.Errorf("fn error: err %v, records %d", err, rep.Records)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ReadJSONL(ctx, strings.NewReader(src), "s", func(Record) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err %v", err)
	}
	broken := iotest.TimeoutReader(strings.NewReader(src)) // second read fails
	if _, err := ReadJSONL(context.Background(), io.LimitReader(broken, 1<<20), "s", func(Record) error { return nil }); err == nil {
		t.Error("read error not returned")
	}
}

func TestReadJSONLDeterministic(t *testing.T) {
	src := `{"id":"a","title":"T","text":"One.\n\nTwo.","authors":["B, A"],"countries":["Colombia"],"date":"2020-01-02"}`
	r1, _ := readAllJSONL(t, src)
	r2, _ := readAllJSONL(t, src)
	if !reflect.DeepEqual(r1, r2) {
		t.Errorf("two reads differ:\n%+v\n%+v", r1, r2)
	}
	r3, _ := readAllJSONL(t, strings.Replace(src, "Two.", "Three.", 1))
	if r3[0].Hash == r1[0].Hash {
		t.Error("a changed line kept its hash")
	}
}

func TestSplitParagraphs(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"one", []string{"one"}},
		{"a\nb\nc", []string{"a", "b", "c"}},
		{"a\nb\n\nc", []string{"a b", "c"}},
		{"a\r\n\r\nb", []string{"a", "b"}},
		{"\n\n  a  \n \n\n b\t c \n\n", []string{"a", "b c"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := splitParagraphs(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitParagraphs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
