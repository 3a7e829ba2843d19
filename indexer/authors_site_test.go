package indexer

import (
	"reflect"
	"testing"
)

func TestCleanAuthorList(t *testing.T) {
	tests := []struct {
		name  string
		names []string
		news  bool
		want  []string
	}{
		{"label word beside a name", []string{"Posted", "Realiberry"}, false, []string{"Realiberry"}},
		{"label glued in front", []string{"Veröffentlicht von Cem Beispiel"}, false, []string{"Cem Beispiel"}},
		{"label and value read as a name", []string{"Gàbor Beispiel", "Datum: 03.Mär.19"}, false, []string{"Gàbor Beispiel"}},
		{"template accounts", []string{"admin"}, false, nil},
		{"labels of a byline box", []string{"Datum", "Autor", "Quelle"}, false, nil},
		{"a company signing outside news", []string{"Beispiel Petcare GmbH"}, false, nil},
		{"an association signing outside news", []string{"Bundesverband Beispiel e.V."}, false, nil},
		{"a company on a news article stays", []string{"Beispiel Media AG"}, true, []string{"Beispiel Media AG"}},
		{"a newsroom stays", []string{"Redaktion"}, false, []string{"Redaktion"}},
	}
	for _, tt := range tests {
		if got := cleanAuthorList(tt.names, tt.news); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: cleanAuthorList(%q) = %q, want %q", tt.name, tt.names, got, tt.want)
		}
	}
}

// A company in meta author gives way to the byline on the page.
func TestCompanyAuthorGivesWayToByline(t *testing.T) {
	src := page(`<meta name="author" content="Beispiel Stiftung e.V.">`,
		`<article><h1>Regierungsbildung</h1><p>Von Uta Beispiel</p>`+para+`</article>`)
	if got := extractOne(t, src).Authors; !reflect.DeepEqual(got, []string{"Uta Beispiel"}) {
		t.Errorf("authors = %q, want the byline", got)
	}
}

// A slash joins an agency's or desk's codes into one signature, but still
// separates two people.
func TestDeskCodes(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"det/dpa", []string{"det/dpa"}},
		{"dsw / DPA", []string{"dsw / DPA"}},
		{"AFP/The Local", []string{"AFP/The Local"}},
		{"Beispiel RADIO/ls", []string{"Beispiel RADIO/ls"}},
		{"Mohau Example/Lineo Sample", []string{"Mohau Example", "Lineo Sample"}},
		{"Ana Example, kna/epd", []string{"Ana Example", "kna/epd"}},
	}
	for _, tt := range tests {
		if got := splitAuthors(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitAuthors(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got, want := namesInMark("xyz/hosb;kesm", false), []string{"xyz/hosb", "kesm"}; !reflect.DeepEqual(got, want) {
		t.Errorf("namesInMark = %q, want %q", got, want)
	}
}

// A company's imprint in an author field is not a list of authors.
func TestDropImprint(t *testing.T) {
	tests := []struct{ in, want []string }{
		{[]string{"Beispiel GmbH", "Frankfurt a. M.", "Germany"}, nil},
		{[]string{"Kirche", "Leben", "Münster", "Deutschland"}, nil},
		{[]string{"Ana Beispiel", "Luis Muster"}, []string{"Ana Beispiel", "Luis Muster"}},
		{[]string{"Jordan"}, []string{"Jordan"}},
	}
	for _, tt := range tests {
		if got := dropImprint(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("dropImprint(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
