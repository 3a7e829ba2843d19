package indexer

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// The PDF fixtures under testdata/pdf are made by the functions in
// pdf_fixtures_test.go with go-pdf/fpdf; `go test ./indexer -run PDF -update` rewrites them and
// their goldens. The encrypted ones are not byte-for-byte reproducible
// (fpdf salts the key with the time), which is why the files are kept.

func TestExtractPDFGolden(t *testing.T) {
	for _, name := range []string{"briefing-en.pdf", "briefing-es.pdf", "scanned-briefing.pdf", "owner-password.pdf"} {
		t.Run(name, func(t *testing.T) {
			got := goldenOf(mustExtractPDF(t, name))
			gp := filepath.Join(pdfDir, strings.TrimSuffix(name, ".pdf")+".golden.json")
			if updating() {
				b, _ := json.MarshalIndent(got, "", "  ")
				if err := os.WriteFile(gp, append(b, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			b, err := os.ReadFile(gp)
			if err != nil {
				t.Fatal(err)
			}
			var want pdfGolden
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			gb, _ := json.MarshalIndent(got, "", "  ")
			wb, _ := json.MarshalIndent(want, "", "  ")
			if !bytes.Equal(gb, wb) {
				t.Errorf("extractPDF(%s) differs from %s:\ngot:\n%s\nwant:\n%s", name, gp, gb, wb)
			}
		})
	}
}

// TestExtractPDFEnglish asserts the layout rules one by one, so that a
// regenerated golden cannot hide a regression.
func TestExtractPDFEnglish(t *testing.T) {
	rec := mustExtractPDF(t, "briefing-en.pdf")
	text := rec.Text()
	checks := []struct {
		name string
		ok   bool
	}{
		{"title from the first page, not the Word file name", rec.Title == "Coca Eradication in the Andes"},
		{"authors from the byline", strings.Join(rec.Authors, "; ") == "Martin Jelsma; Pien Metaal"},
		{"dateline", rec.Date == "2005-03" && rec.Year == 2005},
		{"series from the running header", rec.Number == 11 && strings.Contains(rec.Series, "Drug Policy Briefing")},
		{"keywords from the info dictionary", strings.Join(rec.Keywords, "|") == "coca|eradication|alternative development"},
		{"language", rec.Language == "en"},
		{"countries", strings.Contains(strings.Join(rec.Countries, ","), "Bolivia")},
		{"abstract from the summary", strings.HasPrefix(rec.Abstract, "Forced eradication of coca crops")},
		{"no running header left", !strings.Contains(text, "IDPR Drug Policy Briefing")},
		{"no page numbers left", !strings.Contains(text, "Page 2 of") && !strings.Contains(text, " of 4")},
		{"hyphen at line end joined", strings.Contains(text, "decade of crop eradication and argues")},
		{"real hyphen kept", strings.Contains(text, "The cross-border trade")},
		{"no hyphen fragments", !strings.Contains(text, "eradi-") && !strings.Contains(text, "eradi cation")},
		{"left column before right column", strings.Index(text, "Left column:") < strings.Index(text, "Right column:") && strings.Index(text, "Right column:") < strings.Index(text, "Below both columns")},
		{"columns not interleaved", strings.Contains(text, "in Bolivia the government agreed to a cato of coca per family")},
		{"paragraph runs on across pages", strings.Contains(text, "support the policy of gradual reduction rather than forced eradication.")},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("extractPDF(briefing-en.pdf): %s: failed\nrecord: %+v", c.name, goldenOf(rec))
		}
	}
	wantPages := map[string]int{
		"Farmers in the Chapare":    1,
		"Eradication also hurts":    1,
		"Left column:":              2,
		"Right column:":             2,
		"The first recommendation":  3,
		"The second recommendation": 3,
		"Further reading":           4,
	}
	for prefix, page := range wantPages {
		found := false
		for i, p := range rec.Paragraphs {
			if strings.HasPrefix(p, prefix) {
				found = true
				if rec.Pages[i] != page {
					t.Errorf("extractPDF(briefing-en.pdf): paragraph %q on page %d, want %d", prefix, rec.Pages[i], page)
				}
			}
		}
		if !found {
			t.Errorf("extractPDF(briefing-en.pdf): no paragraph starts with %q", prefix)
		}
	}
}

func TestExtractPDFSpanish(t *testing.T) {
	rec := mustExtractPDF(t, "briefing-es.pdf")
	text := rec.Text()
	if rec.Title != "¿Erradicación o desarrollo alternativo?" {
		t.Errorf("extractPDF(briefing-es.pdf).Title = %q", rec.Title)
	}
	if rec.Date != "2005-03-14" || rec.Language != "es" {
		t.Errorf("extractPDF(briefing-es.pdf): date %q language %q, want 2005-03-14 es", rec.Date, rec.Language)
	}
	for _, want := range []string{"situación", "compañía", "¿Qué alternativas", "está", "año", "diálogo"} {
		if !strings.Contains(text, want) {
			t.Errorf("extractPDF(briefing-es.pdf): text lacks %q:\n%s", want, text)
		}
	}
	for _, bad := range []string{"- 1 -", "- 2 -", "Serie Drogas"} {
		if strings.Contains(text, bad) {
			t.Errorf("extractPDF(briefing-es.pdf): running header or footer %q left in text", bad)
		}
	}
}

func TestExtractPDFBad(t *testing.T) {
	good := fixture(t, "briefing-en.pdf")
	tests := []struct {
		name string
		data []byte
		opts Options
		want string // prefix of the skip reason
	}{
		{"encrypted", fixture(t, "encrypted.pdf"), Options{}, "encrypted PDF"},
		{"truncated", good[:400], Options{}, "corrupt PDF: "},
		{"not a PDF", []byte("<html><body>not a pdf</body></html>"), Options{}, "corrupt PDF: "},
		{"empty", nil, Options{}, "corrupt PDF: "},
		{"too large", good, Options{MaxFileSize: 1000}, "too large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := extractPDF(tt.name+".pdf", tt.data, tt.opts)
			var skip *skipError
			if !errors.As(err, &skip) || !strings.HasPrefix(skip.reason, tt.want) {
				t.Errorf("extractPDF(%s) = %v, want a skip starting %q", tt.name, err, tt.want)
			}
		})
	}
}

func TestExtractPDFTimeBudget(t *testing.T) {
	data := fixture(t, "briefing-en.pdf")
	defer func(d time.Duration) { pdfTimeBudget = d }(pdfTimeBudget)
	pdfTimeBudget = time.Nanosecond
	_, err := extractPDF("slow.pdf", data, Options{})
	var skip *skipError
	if !errors.As(err, &skip) || !strings.HasPrefix(skip.reason, "PDF took longer than") {
		t.Errorf("extractPDF with a spent time budget = %v, want a skip", err)
	}
}

// Walk may extract several files at once.
func TestExtractPDFConcurrent(t *testing.T) {
	data := fixture(t, "briefing-en.pdf")
	want := mustExtractPDF(t, "briefing-en.pdf").Text()
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			rec, err := extractPDF("briefing-en.pdf", data, Options{})
			if err == nil && rec.Text() != want {
				err = errors.New("different text")
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Errorf("concurrent extractPDF: %v", err)
		}
	}
}

func TestExtractPDFScan(t *testing.T) {
	rec := mustExtractPDF(t, "scanned-briefing.pdf")
	if rec.Note != noTextLayerMsg || len(rec.Paragraphs) != 0 || rec.Title != "scanned briefing" {
		t.Errorf("extractPDF(scanned-briefing.pdf) = note %q, %d paragraphs, title %q; want %q, none, the file name",
			rec.Note, len(rec.Paragraphs), rec.Title, noTextLayerMsg)
	}
}

// An owner password only restricts printing or copying; the file opens
// without one. (fpdf encrypts the information dictionary wrongly, so its
// title is byte soup and the first line serves instead.)
func TestExtractPDFOwnerPasswordOnly(t *testing.T) {
	rec := mustExtractPDF(t, "owner-password.pdf")
	if rec.Title != "Crop substitution needs markets for the new products." || !strings.Contains(rec.Text(), "Crop substitution needs markets") {
		t.Errorf("extractPDF(owner-password.pdf) = title %q, text %q", rec.Title, rec.Text())
	}
}

// FuzzExtractPDF feeds mutated fixtures to extractPDF: it must return a
// record or an error, never panic or hang.
func FuzzExtractPDF(f *testing.F) {
	for _, name := range []string{"briefing-en.pdf", "briefing-es.pdf", "scanned-briefing.pdf", "owner-password.pdf"} {
		data, err := os.ReadFile(filepath.Join(pdfDir, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rec, err := extractPDF("fuzz.pdf", data, Options{})
		if err != nil {
			return
		}
		rec.ID = "fuzz"
		if verr := rec.Validate(); verr != nil {
			t.Errorf("extractPDF gives an invalid record: %v", verr)
		}
	})
}

// TestExtractPDFMutations is the fuzzer's property on a fixed set of
// random byte mutations, so that every test run checks it.
func TestExtractPDFMutations(t *testing.T) {
	good := fixture(t, "briefing-en.pdf")
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 60; i++ {
		data := append([]byte(nil), good...)
		for k := 0; k < 1+rng.Intn(20); k++ {
			data[rng.Intn(len(data))] = byte(rng.Intn(256))
		}
		if i%3 == 0 {
			data = data[:rng.Intn(len(data))]
		}
		rec, err := extractPDF("mutant.pdf", data, Options{})
		if err != nil {
			var skip *skipError
			if !errors.As(err, &skip) {
				t.Errorf("mutation %d: error %v is not a skip", i, err)
			}
			continue
		}
		rec.ID = "mutant"
		if verr := rec.Validate(); verr != nil {
			t.Errorf("mutation %d: invalid record: %v", i, verr)
		}
	}
}

// BenchmarkExtractPDF reports pages per second on the English fixture.
func BenchmarkExtractPDF(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(pdfDir, "briefing-en.pdf"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	pages := 0
	for b.Loop() {
		rec, err := extractPDF("briefing-en.pdf", data, Options{})
		if err != nil {
			b.Fatal(err)
		}
		pages += rec.Pages[len(rec.Pages)-1]
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}

// A PDF larger than MaxFileSize is skipped as too large through the file
// path too: read only up to the cap it would look corrupt.
func TestExtractFilePDFTooLarge(t *testing.T) {
	data, err := os.ReadFile("testdata/pdf/briefing-en.pdf")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{"big.pdf": {Data: data}}
	_, err = ExtractFile(fsys, "big.pdf", Options{MaxFileSize: int64(len(data) / 2)})
	if err == nil || !strings.Contains(err.Error(), "too large") {
		t.Fatalf("err = %v, want a too-large skip", err)
	}
}
