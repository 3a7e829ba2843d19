package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestIngestAndSearchPDF runs `briefs ingest` on a folder holding a PDF
// briefing, a web page with its PDF, another web page and a text note,
// then `briefs search` for a phrase on page 2 of the PDF: the passage is
// printed with its page.
func TestIngestAndSearchPDF(t *testing.T) {
	corpus := filepath.Join("..", "..", "testdata", "corpus")
	folder := t.TempDir()
	copyFile := func(from, to string) {
		data, err := os.ReadFile(filepath.Join(corpus, filepath.FromSlash(from)))
		if err != nil {
			t.Skipf("demo corpus file missing: %v", err)
		}
		writePDFTestFile(t, filepath.Join(folder, filepath.FromSlash(to)), data)
	}
	copyFile("pdf/dpb-47-khat-horn-of-africa.pdf", "briefings/dpb-47.pdf")
	copyFile("papers/occasional-paper-09-kratom.html", "papers/op-09.html")
	copyFile("pdf/op09-kratom.pdf", "papers/files/OP09-kratom.pdf")
	writePDFTestFile(t, filepath.Join(folder, "pages", "khat.html"), []byte(`<html lang="en"><head><title>The khat trade</title></head>
<body><article><h1>The khat trade</h1><p>Khat reaches Mogadishu within a day of the harvest.</p></article></body></html>`))
	writePDFTestFile(t, filepath.Join(folder, "notes", "khat.txt"), []byte("Notes on khat\n\nKhat is chewed in the Horn of Africa.\n"))

	index := filepath.Join(t.TempDir(), "index")
	ctx := context.Background()
	var out, errOut bytes.Buffer
	if err := run(ctx, []string{"ingest", "--index", index, "--quiet", folder}, &out, &errOut); err != nil {
		t.Fatalf("briefs ingest: %v\n%s", err, errOut.String())
	}
	summary := errOut.String()
	for _, want := range []string{"5 files: 4 documents, 4 records read, 0 skipped", "1 PDF merged into its web page"} {
		if !strings.Contains(summary, want) {
			t.Errorf("briefs ingest said:\n%s\nwant %q", summary, want)
		}
	}

	search := func(args ...string) string {
		t.Helper()
		var out, errOut bytes.Buffer
		if err := run(ctx, append([]string{"search", "--index", index}, args...), &out, &errOut); err != nil {
			t.Fatalf("briefs search %q: %v\n%s", args, err, errOut.String())
		}
		return out.String()
	}
	got := search(`"miraa auctions at dawn"`)
	for _, re := range []string{
		`(?m)^ 1\. Khat Markets in the Horn of Africa: Trade, Livelihoods and Regulation$`,
		`(?m)^    Amina Warsame, Tobias Lindqvist · 2022-10-12 · Drug Policy Briefing 47 · Kenya, Ethiopia, Somalia · en$`,
		`(?m)^    briefings/dpb-47\.pdf  \[briefing, id briefings-dpb-47\]$`,
		`(?m)^    p\. 2 +.*\[miraa\] \[auctions\] at \[dawn\]`,
	} {
		if !regexp.MustCompile(re).MatchString(got) {
			t.Errorf("briefs search: no line matching %s in\n%s", re, got)
		}
	}

	// The merged paper: one hit, the page's metadata, the PDF's page.
	got = search("ketum")
	if !strings.Contains(got, "1 hits") || !strings.Contains(got, "papers/op-09.html  [paper, id papers-op-09]") {
		t.Errorf("briefs search ketum: want one hit, the web page:\n%s", got)
	}
	if !regexp.MustCompile(`(?m)^    p\. 2 +.*\[ketum\]`).MatchString(got) {
		t.Errorf("briefs search ketum: no passage on p. 2:\n%s", got)
	}
	// A text file's passage has a paragraph number, not a page.
	got = search("chewed", "Horn")
	if !regexp.MustCompile(`(?m)^    ¶\d+ +.*\[chewed\] in the \[Horn\]`).MatchString(got) {
		t.Errorf("briefs search chewed Horn: the text note's passage has no paragraph number:\n%s", got)
	}
}

func writePDFTestFile(t *testing.T, p string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
