package indexer

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func readFixture(t *testing.T, name string) []Record {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "text", name))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := Extract(name, data, Options{})
	if err != nil || len(recs) != 1 {
		t.Fatalf("Extract(%s) = %d records, %v", name, len(recs), err)
	}
	return recs
}

// A hard-wrapped speech with no blank lines between paragraphs and no
// title: paragraphs end where a line ending a sentence stops short of the
// wrap width, a page number and the page break after it are dropped, the
// title comes from the file name, and so does the year, not from a date
// quoted in a sentence.
func TestHardWrappedText(t *testing.T) {
	rec := readFixture(t, "MLT_71_2016.txt")[0]
	want := []string{
		"It is an honour for me to address this Assembly on behalf of the people of Malta. I congratulate you, Sir, on your election and assure you of our full support.",
		"Our world has changed since the attacks of 11 September 2001, and since then the challenges of migration in the Mediterranean have shown how small our islands are. We need each other more than ever.",
		"Malta believes in a rules-based order. The Charter remains our compass, and the Sustainable Development Goals our map for the fifteen years to come.",
		"In conclusion, I thank all delegations.",
	}
	if !reflect.DeepEqual(rec.Paragraphs, want) {
		t.Errorf("Paragraphs =\n%q\nwant\n%q", rec.Paragraphs, want)
	}
	if rec.Title != "MLT 71 2016" || rec.Date != "2016" || rec.Year != 2016 {
		t.Errorf("Title, Date, Year = %q, %q, %d; want the file name's", rec.Title, rec.Date, rec.Year)
	}
	if len(rec.Countries) == 0 || rec.Countries[0] != "Malta" {
		t.Errorf("Countries = %q, want Malta first", rec.Countries)
	}
}

// One paragraph per line: each line stays a paragraph, and a first
// paragraph that is a sentence is not a title.
func TestOneLinePerParagraph(t *testing.T) {
	rec := readFixture(t, "one-line-per-paragraph.txt")[0]
	if len(rec.Paragraphs) != 4 || !strings.HasPrefix(rec.Paragraphs[0], "Let me begin") {
		t.Errorf("Paragraphs = %q, want the four lines", rec.Paragraphs)
	}
	if rec.Title != "One line per paragraph" {
		t.Errorf("Title = %q, want one made from the file name", rec.Title)
	}
	if rec.Date != "" {
		t.Errorf("Date = %q, want none: December 2015 is quoted in a sentence", rec.Date)
	}
}

// Headings in capitals, numbered and underlined are paragraphs of their own.
func TestTextHeadings(t *testing.T) {
	rec := readFixture(t, "headings.txt")[0]
	want := []string{
		"INTRODUCTION",
		"Rainfall in the Sahel has become less predictable over the last thirty years, and farmers have adapted by moving, by diversifying, and by digging deeper wells.",
		"Background", // a numbered line loses its number like a list item
		"The region's rivers are shared by several states.",
		"Irrigation policy",
		"Small schemes work better than large dams where farmers run them themselves.",
	}
	if rec.Title != "Water for the Sahel: A Policy Note" {
		t.Errorf("Title = %q", rec.Title)
	}
	if !reflect.DeepEqual(rec.Paragraphs, want) {
		t.Errorf("Paragraphs =\n%q\nwant\n%q", rec.Paragraphs, want)
	}
}

// A full date in the file name is the document's when the text has none.
func TestDateFromFileName(t *testing.T) {
	rec := readFixture(t, "2019-03-14 field notes.txt")[0]
	if rec.Title != "Notes from the field trip" || rec.Date != "2019-03-14" {
		t.Errorf("Title, Date = %q, %q", rec.Title, rec.Date)
	}
}

func TestTitleFromName(t *testing.T) {
	for in, want := range map[string]string{
		"speeches/TUR_79_2024.txt":       "TUR 79 2024",
		"dpb-11-broken-promises.txt":     "Dpb 11 broken promises",
		"notes/Report_final.md.gz":       "Report final",
		"informe-ñandú.txt":              "Informe ñandú",
		"ärzte_bericht.txt":              "Ärzte bericht",
		"2019-03-14 field notes.txt":     "2019 03 14 field notes",
		"a/b/c/plain.text.with.dots.txt": "Plain.text.with.dots",
	} {
		if got := titleFromName(in); got != want {
			t.Errorf("titleFromName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDateFromPath(t *testing.T) {
	for in, want := range map[string]string{
		"TUR_79_2024.txt":             "2024",
		"XXX_55_2000.txt":             "2000",
		"2019-03-14 note.txt":         "2019-03-14",
		"notes/20190314.txt":          "2019-03-14",
		"reports/2011/annual.pdf":     "2011",
		"reports/2011/plan-2012.pdf":  "2012",
		"report-2019-2020.txt":        "",
		"doc-12345.txt":               "",
		"isbn9781234567890.txt":       "",
		"reports/1850/old-report.txt": "",
	} {
		if got := dateFromPath(in); got != want {
			t.Errorf("dateFromPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsDateline(t *testing.T) {
	for in, want := range map[string]bool{
		"London, 3 May 2004":                              true,
		"Published: 2004-05-03":                           true,
		"marzo de 2005":                                   true,
		"With the 24 November 1999 presidential":          false,
		"The tragic events of 11 September 2001 awakened": false,
		"No date here":                                    false,
	} {
		if got := isDateline(in); got != want {
			t.Errorf("isDateline(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestCountryFromName(t *testing.T) {
	for in, want := range map[string]string{
		"speeches/BRN_55_2000.txt": "Brunei",
		"report PER 2019.pdf":      "Peru",
		"COG_57_2002.txt":          "Republic of the Congo",
		"EU_66_2011.txt":           "",
		"PER.txt":                  "", // only a code: could be anything
		"and_then.txt":             "", // lower case is a word
		"PER_BOL_2019.txt":         "", // two codes
		"THE_END_2019.txt":         "", // not codes
	} {
		if got := countryFromName(in); got != want {
			t.Errorf("countryFromName(%q) = %q, want %q", in, got, want)
		}
	}
}
