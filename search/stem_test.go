package search

import "testing"

// TestStemmers checks, through each language group's analyzer, that the
// forms of one word meet and that unrelated words stay apart.
func TestStemmers(t *testing.T) {
	m := newMapping()
	term := func(g, w string) string {
		t.Helper()
		terms := analyze(m.AnalyzerNamed(langAnalyzer[g]), w)
		if len(terms) != 1 {
			t.Fatalf("group %s: %q analyses to %q, want one term", g, w, terms)
		}
		return terms[0]
	}
	same := []struct{ group, a, b string }{
		{"es", "erradicar", "erradicación"},
		{"es", "erradicar", "erradicaciones"},
		{"es", "erradicacion", "erradicación"}, // typed without the accent
		{"es", "cultivar", "cultivos"},
		{"es", "política", "políticas"},
		{"fr", "trafiquants", "trafiquant"},
		{"fr", "sécurités", "Sécurité"},
		{"pt", "erradicar", "erradicado"},
		{"pt", "políticas", "politica"},
		{"de", "Drogenpolitik", "drogenpolitiken"},
		{"it", "politiche", "politica"},
		{"nl", "drugsbeleid", "drugsbeleiden"},
		{"en", "eradicate", "eradication"},
		{"en", "policies", "policy"},
		{"en", "informality", "informal"},
		{"en", "Perú", "peru"},
	}
	for _, tt := range same {
		if a, b := term(tt.group, tt.a), term(tt.group, tt.b); a != b {
			t.Errorf("group %s: %q -> %q and %q -> %q, want one term", tt.group, tt.a, a, tt.b, b)
		}
	}
	apart := []struct{ group, a, b string }{
		{"en", "policy", "police"},
		{"en", "informality", "information"},
		{"en", "university", "universe"},
		{"xx", "policies", "policy"}, // unknown language: not stemmed
	}
	for _, tt := range apart {
		if a, b := term(tt.group, tt.a), term(tt.group, tt.b); a == b {
			t.Errorf("group %s: %q and %q both -> %q, want different terms", tt.group, tt.a, tt.b, a)
		}
	}
}
