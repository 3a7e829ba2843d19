package indexer

import (
	"strings"
	"unicode"
)

// seriesKind tells the kind of a publication from the name of its series,
// in the languages the corpus is written in: briefs, notes and memos are
// briefings ("Policy Brief", "Issue Brief", "Policy Note", "Nota de
// política", "Note d'analyse", "Policy Memo"); papers and reports are
// papers ("Working Paper", "Documento de trabajo", "Research Report",
// "Rapport", "Relatório"). Words are matched
// whole, so "keynote" is no note. "" when the series says neither.
func seriesKind(series string) string {
	words := strings.FieldsFunc(strings.ToLower(series), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	})
	has := func(set map[string]bool) bool {
		for _, w := range words {
			if set[w] {
				return true
			}
		}
		return false
	}
	switch {
	case has(briefingWords):
		return KindBriefing
	case has(paperWords):
		return KindPaper
	}
	return ""
}

// briefingWords name short policy publications.
var briefingWords = wordSet(`briefing briefings brief briefs note notes memo memos memorandum
	informe informes nota notas memorando memorandos notitie beleidsnotitie kurzinformation`)

// paperWords name longer studies.
var paperWords = wordSet(`paper papers report reports study studies documento documentos
	rapport rapports relatório relatórios relatorio estudio estudios estudo estudos étude études
	cuaderno cuadernos cahier cahiers bericht berichte studie studien`)
