package indexer

import (
	"reflect"
	"testing"
)

func TestStripHonorifics(t *testing.T) {
	for in, want := range map[string]string{
		"Mr. Ban Ki-moon":                     "Ban Ki-moon",
		"H.E. Ms. Ana Lima":                   "Ana Lima",
		"His Excellency Mr. Kofi Annan":       "Kofi Annan",
		"Dr. Max Kolter":                      "Dr. Max Kolter", // a degree, printed as part of the name
		"Sir Dr. Karl Weber":                  "Dr. Karl Weber",
		"Sir":                                 "",
		"Ambassador Maria Fernanda Espinosa":  "Maria Fernanda Espinosa",
		"President Nelson Mandela":            "Nelson Mandela",
		"Mrs. María Fernanda Espinosa Garcés": "María Fernanda Espinosa Garcés",
		"Mrinal Sen":                          "Mrinal Sen", // "Mr" only as a whole word
		"Drew Barrymore":                      "Drew Barrymore",
		"Frau Sabienes":                       "Frau Sabienes", // a title and one word: a handle
	} {
		if got := stripHonorifics(in); got != want {
			t.Errorf("stripHonorifics(%q) = %q, want %q", in, got, want)
		}
	}
}

// "Mr. X" and "X" are one author; a title alone is none.
func TestAuthorsWithoutHonorifics(t *testing.T) {
	got := normaliseAuthors([]string{"Mr. Miroslav Lajčák", "Miroslav Lajčák", "Sir", "Ms. Ana Lima"})
	if want := []string{"Miroslav Lajčák", "Ana Lima"}; !reflect.DeepEqual(got, want) {
		t.Errorf("normaliseAuthors = %q, want %q", got, want)
	}
}

// "by" followed by a pronoun or a verb phrase is not a byline.
func TestBylineNotVerbPhrase(t *testing.T) {
	for _, line := range []string{
		"by congratulating you on your election",
		"By It",
		"By our delegation",
		"By Working together we win",
		"by the way",
		"By Sir",
	} {
		if names, ok := parseByline(line); ok {
			t.Errorf("parseByline(%q) = %q, want no byline", line, names)
		}
	}
	for line, want := range map[string][]string{
		"By Sterling Hayden":         {"Sterling Hayden"},
		"By H.E. Mr. Kofi Annan":     {"Kofi Annan"},
		"By Ms. Ana Lima and Mr. Jo": {"Ana Lima", "Mr. Jo"},
	} {
		if got, ok := parseByline(line); !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("parseByline(%q) = %q, %v; want %q", line, got, ok, want)
		}
	}
}
