package search

import "github.com/briefs/briefs/indexer"

// fixture is a small hand-made corpus: two series (one with an English and
// a Spanish edition of the same numbers), a listing page with references,
// records without a date, multi-country records and accented names.
func fixture() []Record {
	const dpb = "Drug Policy Briefing"
	return []Record{
		{ID: "dpb-10", Kind: indexer.KindBriefing, Title: "Coca eradication in Peru", Series: dpb, Number: 10,
			Date: "2004-05", Year: 2004, Language: "en", Countries: []string{"Peru"},
			Authors: []string{"Ricardo Soberón Garrido"}, Hash: "h10",
			Abstract: "Forced eradication has not reduced coca cultivation.",
			Paragraphs: []string{
				"Forced eradication of coca fields in the Upper Huallaga has failed.",
				"Farmers replanted within months.",
				"Alternative development needs markets, roads and credit.",
			}},
		{ID: "dpb-11", Kind: indexer.KindBriefing, Title: "Aerial spraying in Colombia", Series: dpb, Number: 11,
			Date: "2005-02-14", Year: 2005, Language: "en", Countries: []string{"Colombia", "Ecuador"},
			Authors: []string{"Martin Jelsma"}, Hash: "h11",
			Paragraphs: []string{
				"Aerial spraying of glyphosate damaged food crops along the border with Ecuador.",
				"Coca cultivation moved to new areas.",
			}},
		{ID: "dpb-12", Kind: indexer.KindBriefing, Title: "The coca leaf and the UN conventions", Series: dpb, Number: 12,
			Date: "2006", Year: 2006, Language: "en", Countries: []string{"Bolivia", "Peru"},
			Authors: []string{"Martin Jelsma", "Pien Metaal"}, Hash: "h12",
			Paragraphs: []string{
				"The 1961 Single Convention lists the coca leaf as a narcotic drug.",
				"Bolivia asked to amend the article that bans coca chewing.",
			}},
		{ID: "dpb-12-es", Kind: indexer.KindBriefing, Title: "La hoja de coca y las convenciones de la ONU", Series: dpb, Number: 12,
			Date: "2006", Year: 2006, Language: "es", Countries: []string{"Bolivia", "Perú"},
			Authors: []string{"Martin Jelsma", "Pien Metaal"}, Hash: "h12es",
			Paragraphs: []string{
				"La Convención Única de 1961 clasifica la hoja de coca como estupefaciente.",
				"Bolivia pidió enmendar el artículo que prohíbe el mambeo de coca.",
			}},
		{ID: "dpb-13-es", Kind: indexer.KindBriefing, Title: "Erradicación forzosa en Bolivia", Series: dpb, Number: 13,
			Date: "2008-10", Year: 2008, Language: "es", Countries: []string{"Bolivia"},
			Authors: []string{"Pien Metaal"}, Hash: "h13es",
			Paragraphs: []string{"La erradicación forzosa de cultivos provocó conflictos en el Chapare."}},
		{ID: "dp-1", Kind: indexer.KindPaper, Title: "Harm reduction and human rights", Series: "Debate Papers", Number: 1,
			Date: "2001", Year: 2001, Language: "en", Countries: []string{"Netherlands"},
			Authors: []string{"Tom Blickman"}, Hash: "hdp1",
			Paragraphs: []string{"Harm reduction services save lives.", "Needle exchange reduced HIV infections."}},
		{ID: "dp-2", Kind: indexer.KindPaper, Title: "Cannabis regulation in Europe", Series: "Debate Papers", Number: 2,
			Date: "2009-06", Year: 2009, Language: "en", Countries: []string{"Netherlands", "Morocco"},
			Authors: []string{"Tom Blickman"}, Hash: "hdp2",
			Paragraphs: []string{"Coffee shops sell cannabis under a tolerance policy."}},
		{ID: "op-1", Kind: indexer.KindOpinion, Title: "Why the war on drugs failed", Language: "en",
			Authors: []string{"Pien Metaal"}, Hash: "hop1",
			Paragraphs: []string{"Prohibition filled prisons and did not reduce drug use."}},
		{ID: "pubs", Kind: indexer.KindPage, Title: "Publications", Language: "en", Hash: "hpubs",
			Paragraphs: []string{"All briefings and papers."}},
		{ID: "pubs-ref-1", Kind: indexer.KindReference, Title: "Coca eradication in Peru", Parent: "pubs",
			Series: dpb, Number: 10, Date: "2004-05", Year: 2004, Language: "en", Hash: "hr1"},
		{ID: "pubs-ref-2", Kind: indexer.KindReference, Title: "Aerial spraying in Colombia", Parent: "pubs",
			Series: dpb, Number: 11, Date: "2005-02-14", Year: 2005, Language: "en", Hash: "hr2"},
	}
}
