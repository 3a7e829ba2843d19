package indexer

import (
	"slices"
	"testing"
)

func TestDropLeadMetaLines(t *testing.T) {
	body := "Aerial spraying of coca fields in Colombia has continued for years, and Drug Policy Briefing readers know why."
	tests := []struct {
		name  string
		rec   Record
		want  []string
		pages []int
	}{
		{"series and byline", Record{Series: "Drug Policy Briefing", Authors: []string{"Kyaw Zin Htun"},
			Paragraphs: []string{"IDPR Drug Policy Briefing No. 18", "Authors: Kyaw Zin Htun and Hannah Lindqvist", body}, Pages: []int{1, 1, 2}},
			[]string{body}, []int{2}},
		{"spanish byline with date", Record{Authors: []string{"Pedro Ruiz"},
			Paragraphs: []string{"Por Pedro Ruiz · 20 de enero de 2025", body}}, []string{body}, nil},
		{"section label", Record{Authors: []string{"Martin Eriksen"},
			Paragraphs: []string{"Opinion · Commentary", "By Martin Eriksen 2 December 1998", body}}, []string{body}, nil},
		{"a sentence naming the series stays", Record{Series: "Drug Policy Briefing",
			Paragraphs: []string{body, "More text."}}, []string{body, "More text."}, nil},
		{"the last paragraph stays", Record{Authors: []string{"Pedro Ruiz"},
			Paragraphs: []string{"By Pedro Ruiz"}}, []string{"By Pedro Ruiz"}, nil},
		{"a short line further down stays", Record{Series: "Drug Policy Briefing",
			Paragraphs: []string{body, "Drug Policy Briefing 11", body}}, []string{body, "Drug Policy Briefing 11", body}, nil},
	}
	for _, tt := range tests {
		dropLeadMetaLines(&tt.rec)
		if !slices.Equal(tt.rec.Paragraphs, tt.want) || !slices.Equal(tt.rec.Pages, tt.pages) {
			t.Errorf("%s: paragraphs %q pages %v, want %q %v", tt.name, tt.rec.Paragraphs, tt.rec.Pages, tt.want, tt.pages)
		}
	}
}
