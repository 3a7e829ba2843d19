package indexer

import "testing"

func TestReportNumbers(t *testing.T) {
	tests := []struct {
		line   string
		series string
		number int
	}{
		{"Report No. 103433-JO", "Report", 103433},
		{"Report No: 12345-BD", "Report", 12345},
		{"REPORT NO. 98765-LAC", "Report", 98765},
		{"Informe n.º 5678-PE", "Informe", 5678},
		{"Report on the state of the economy", "", 0},
		{"Report No. of the Secretary", "", 0},
	}
	for _, tt := range tests {
		s, n, ok := parseReportNumber(tt.line)
		if s != tt.series || n != tt.number || ok != (tt.series != "") {
			t.Errorf("parseReportNumber(%q) = %q, %d, %v; want %q, %d", tt.line, s, n, ok, tt.series, tt.number)
		}
	}
	// Working papers are series lines already (parseSeries).
	for line, want := range map[string]int{
		"Working Paper 12":                   12,
		"Policy Research Working Paper 8123": 8123,
		"Documento de trabajo n.º 5":         5,
	} {
		if _, n, ok := parseSeries(line); !ok || n != want {
			t.Errorf("parseSeries(%q) = %d, %v; want %d", line, n, ok, want)
		}
	}
}

// A report's cover in plain text: "Document of / The World Bank" is not a
// title, the report number is its series and number, and the title is the
// first line that reads as one... or the file name.
func TestTextReportCover(t *testing.T) {
	src := "Document of\nThe World Bank\n\nReport No. 103433-JO\n\nHASHEMITE KINGDOM OF JORDAN\nPublic Expenditure Review\n\nMarch 2016\n\n" +
		"This review looks at how Jordan spends public money on education, health and water, and at what the budget can afford in the coming years.\n"
	recs, err := Extract("jordan-per.txt", []byte(src), Options{})
	if err != nil || len(recs) != 1 {
		t.Fatalf("Extract: %v", err)
	}
	rec := recs[0]
	if rec.Series != "Report" || rec.Number != 103433 {
		t.Errorf("Series, Number = %q, %d; want Report, 103433", rec.Series, rec.Number)
	}
	if rec.Title == "Document of" || rec.Date != "2016-03" {
		t.Errorf("Title, Date = %q, %q", rec.Title, rec.Date)
	}
	if len(rec.Countries) == 0 || rec.Countries[0] != "Jordan" {
		t.Errorf("Countries = %q, want Jordan", rec.Countries)
	}
}
