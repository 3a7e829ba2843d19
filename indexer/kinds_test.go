package indexer

import "testing"

func TestSeriesKind(t *testing.T) {
	tests := []struct{ series, want string }{
		{"Drug Policy Briefing", KindBriefing},
		{"Policy Brief", KindBriefing},
		{"Issue Brief", KindBriefing},
		{"Policy Note", KindBriefing},
		{"Policy Memo", KindBriefing},
		{"Briefing Note", KindBriefing},
		{"Nota de política", KindBriefing},
		{"Note d'analyse", KindBriefing},
		{"Informe de política", KindBriefing},
		{"Working Paper", KindPaper},
		{"Discussion Paper", KindPaper},
		{"Research Report", KindPaper},
		{"Documento de trabajo", KindPaper},
		{"Rapport de recherche", KindPaper},
		{"Relatório técnico", KindPaper},
		{"Cuadernos de política de drogas", KindPaper},
		{"Debate Papers", KindPaper},
		{"Keynote Speeches", ""},
		{"Transnational Institute", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := seriesKind(tt.series); got != tt.want {
			t.Errorf("seriesKind(%q) = %q, want %q", tt.series, got, tt.want)
		}
	}
	if got := kindFor("Policy Brief", true); got != KindBriefing {
		t.Errorf("kindFor(Policy Brief, opinion) = %q, want briefing", got)
	}
	if got := kindFor("", true); got != KindOpinion {
		t.Errorf("kindFor(\"\", opinion) = %q, want opinion", got)
	}
}
