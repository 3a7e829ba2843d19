package search

import (
	"strings"
	"testing"
)

// TestPassageNoDoubleStop: a snippet cut after a sentence ends with its full
// stop, not "century.…"; one cut inside a sentence ends with "…".
func TestPassageNoDoubleStop(t *testing.T) {
	first := "Coca has been chewed in the Andes for many centuries and by many peoples of the highlands, from Colombia to the north of Argentina, for work and ritual alike in the century."
	text := first + " " + strings.Repeat("Later sentences go on about other things entirely and at length. ", 8)
	i := strings.Index(text, "Coca")
	got := string(passage(text, []span{{start: i, end: i + 4, term: "coca"}}))
	if strings.Contains(got, ".…") {
		t.Errorf("passage = %q, has a double stop", got)
	}
	if !strings.HasSuffix(got, ".") && !strings.HasSuffix(got, "…") {
		t.Errorf("passage = %q, ends neither with a stop nor an ellipsis", got)
	}
	for _, tt := range []struct {
		s    string
		want bool
	}{{"the century.", true}, {"he said \u201cno.\u201d ", true}, {"why?", true}, {"the century", false}, {"e.g", false}} {
		if got := endsSentence(tt.s); got != tt.want {
			t.Errorf("endsSentence(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}
