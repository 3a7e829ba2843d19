package indexer

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"testing/synctest"
)

// TestWalkParallelSameResult walks a folder of pages, their PDFs, a PDF
// two pages link to, duplicates and bad files with more workers than
// files can be read in step, and checks that every walk gives the records
// and report of a sequential one: in lexical order, PDFs last, each page
// merged with its own PDF.
func TestWalkParallelSameResult(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(8))
	fsys := fstest.MapFS{
		"dup.html":      {Data: []byte(goodHTML)},
		"dup.txt":       {Data: []byte("Dup\n\nSame plain id as dup.html.\n")},
		"empty.md":      {Data: nil},
		"shared-a.html": {Data: landingPage(khatTitle, `<meta name="citation_pdf_url" content="shared.pdf">`, khatSummary)},
		"shared-b.html": {Data: landingPage(khatTitle+" (summary)", `<meta name="citation_pdf_url" content="shared.pdf">`, khatSummary)},
		"shared.pdf":    {Data: linkedPDF(t, khatTitle, khatPages...)},
		"zz-alone.pdf":  {Data: linkedPDF(t, "A Report Nobody Links To", []string{"Its own text, on its own."})},
		"zz-broken.pdf": {Data: []byte("%PDF-1.4 cut short")},
	}
	var wantIDs []string
	for i := range 12 {
		title := fmt.Sprintf("Briefing Number %d on Khat", i)
		fsys[fmt.Sprintf("p%02d.html", i)] = &fstest.MapFile{Data: landingPage(title, fmt.Sprintf(`<meta name="citation_pdf_url" content="files/p%02d.pdf">`, i), khatSummary)}
		fsys[fmt.Sprintf("files/p%02d.pdf", i)] = &fstest.MapFile{Data: linkedPDF(t, title, []string{fmt.Sprintf("The text of briefing %d, from its PDF.", i)})}
		// Big and small text files in between, so workers finish out of order.
		fsys[fmt.Sprintf("p%02d-notes.txt", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("Notes %d\n\n%s\n", i, strings.Repeat("A sentence of notes. ", 1+(i%3)*3000)))}
		wantIDs = append(wantIDs, fmt.Sprintf("p%02d-notes", i), fmt.Sprintf("p%02d", i)) // "-" sorts before "."
	}
	wantIDs = append([]string{"dup", "dup-txt"}, wantIDs...)
	wantIDs = append(wantIDs, "shared-a", "shared-b", "zz-alone")

	var first string
	for run := range 3 {
		rep, _, order := walkRecords(t, fsys)
		if !reflect.DeepEqual(order, wantIDs) {
			t.Errorf("run %d: records %q, want %q", run, order, wantIDs)
		}
		if rep.Merged != 13 || rep.Documents != len(wantIDs) {
			t.Errorf("run %d: Merged, Documents = %d, %d; want 13, %d", run, rep.Merged, rep.Documents, len(wantIDs))
		}
		rep.Took = 0
		if s := rep.String(); first == "" {
			first = s
		} else if s != first {
			t.Errorf("run %d: report\n%s\ndiffers from the first run's\n%s", run, s, first)
		}
	}
	for _, want := range []string{"id dup-txt for dup.txt: dup.html has the id", "skipped empty.md: empty file", "skipped zz-broken.pdf: corrupt PDF"} {
		if !strings.Contains(first, want) {
			t.Errorf("report lacks %q:\n%s", want, first)
		}
	}
}

// TestWalkCancelStopsWorkers cancels walks while files are extracted ahead
// and while a JSON Lines file is parsed ahead: Walk returns ctx's error
// after the record that cancelled, and the synctest bubble fails the test
// if a worker is left behind.
func TestWalkCancelStopsWorkers(t *testing.T) {
	fsys := fstest.MapFS{}
	var lines strings.Builder
	for i := range 40 {
		fsys[fmt.Sprintf("a%02d.html", i)] = &fstest.MapFile{Data: []byte(goodHTML)}
		fmt.Fprintf(&lines, `{"id":"line-%d","text":"Line %d of the export."}`+"\n", i, i)
	}
	fsys["b.jsonl"] = &fstest.MapFile{Data: []byte(lines.String())}
	fsys["c.txt"] = &fstest.MapFile{Data: []byte("After\n\nNever read.\n")}
	tests := []struct {
		name   string
		cancel string // the record whose fn call cancels
		want   int    // records passed to fn
	}{
		{"among files", "a03", 4},
		{"inside a JSON Lines file", "line-5", 46},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
				ctx, cancel := context.WithCancel(t.Context())
				defer cancel()
				n := 0
				_, err := Walk(ctx, fsys, Options{}, nil, func(r Record) error {
					n++
					if r.ID == tt.cancel {
						cancel()
					}
					return nil
				})
				if !errors.Is(err, context.Canceled) || n != tt.want {
					t.Errorf("Walk = %v after %d records, want %v after %d", err, n, context.Canceled, tt.want)
				}
			})
		})
	}
}
