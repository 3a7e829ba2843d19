package web

import (
	"github.com/briefs/briefs/indexer"
)

// hostile is markup that must never reach a page unescaped.
const (
	hostileScript = `<script>alert(1)</script>`
	hostileImg    = `<img src=x onerror=alert(1)>`
)

// testRecords is a small hand-written corpus: two series with several
// numbers, an English briefing with its Spanish translation, a PDF paper
// with page numbers, a listing page with its references, several countries
// and years, one record without a date and one hostile record.
func testRecords() []indexer.Record {
	const tni = "Transnational Institute"
	const dpb = "Drug Policy Briefing"
	recs := []indexer.Record{
		{
			ID: "dpb-11", Kind: indexer.KindBriefing, Title: "Crop eradication and its costs",
			Authors: []string{"Martin Jelsma"}, Date: "2004-09-01", Year: 2004, Series: dpb, Number: 11,
			Countries: []string{"Colombia", "Bolivia"}, Language: "en", Publisher: tni,
			Abstract: "Aerial spraying of coca fields has not reduced supply.",
			Paragraphs: []string{
				"Aerial spraying of coca fields in Colombia has continued for years.",
				"Farmers replant elsewhere, and the forest pays the price.",
				"Eradication without alternatives pushes families into poverty.",
			},
			URL: "https://example.org/dpb/11",
		},
		{
			ID: "dpb-12-en", Kind: indexer.KindBriefing, Title: "Coca yes, cocaine no? Legal options for the coca leaf",
			Authors: []string{"Ricardo Soberón", "Martin Jelsma"}, Date: "2005-03-14", Year: 2005, Series: dpb, Number: 12,
			Countries: []string{"Bolivia", "Peru"}, Language: "en", Publisher: tni,
			Abstract: "The coca leaf is not cocaine; its traditional uses deserve legal room.",
			Paragraphs: []string{
				"The coca leaf has been chewed in the Andes for thousands of years.",
				"Treaties of 1961 placed the leaf on the same list as cocaine.",
				"Legal markets for coca tea and flour exist in Bolivia and Peru.",
				"A review of the leaf's status by the World Health Organization is overdue.",
				"Coca growers' unions ask for respect for the traditional leaf.",
			},
			URL: "https://example.org/dpb/12", PDFURL: "https://example.org/dpb/12.pdf",
		},
		{
			ID: "dpb-12-es", Kind: indexer.KindBriefing, Title: "Coca sí, cocaína no: opciones legales para la hoja de coca",
			Authors: []string{"Ricardo Soberón", "Martin Jelsma"}, Date: "2005-03-14", Year: 2005, Series: dpb, Number: 12,
			Countries: []string{"Bolivia", "Perú"}, Language: "es", Publisher: tni,
			Abstract: "La hoja de coca no es cocaína; sus usos tradicionales merecen un espacio legal.",
			Paragraphs: []string{
				"La hoja de coca se masca en los Andes desde hace miles de años.",
				"Los tratados de 1961 pusieron la hoja en la misma lista que la cocaína.",
				"Existen mercados legales de mate de coca y harina en Bolivia y Perú.",
			},
		},
		{
			ID: "dpb-13", Kind: indexer.KindBriefing, Title: "Alternative development in the Andes",
			Authors: []string{"Amira Armenta"}, Date: "2006-05", Year: 2006, Series: dpb, Number: 13,
			Countries: []string{"Colombia", "Peru"}, Language: "en", Publisher: tni,
			Abstract: "Alternative development works when farmers have markets and roads.",
			Paragraphs: []string{
				"Alternative development projects replaced coca with coffee and cocoa.",
				"Without roads to markets, the new crops rot in the fields.",
				"Sequencing matters: development first, eradication later.",
			},
		},
		{
			ID: "dpb-14", Kind: indexer.KindBriefing, Title: "Drugs and conflict in Burma",
			Authors: []string{"Tom Kramer"}, Date: "2007-11-20", Year: 2007, Series: dpb, Number: 14,
			Countries: []string{"Myanmar"}, Language: "en", Publisher: tni,
			Abstract: "Opium cultivation fell while conflict and poverty persisted.",
			Paragraphs: []string{
				"Opium poppy cultivation in the Shan hills fell sharply.",
				"Ceasefire groups depend on drug money and on trade in jade.",
			},
		},
		{
			ID: "debate-7", Kind: indexer.KindPaper, Title: "Harm reduction in European cities",
			Authors: []string{"Pien Metaal", "Tom Blickman"}, Date: "2002", Year: 2002, Series: "Debate Papers", Number: 7,
			Countries: []string{"Netherlands", "Switzerland"}, Language: "en", Publisher: tni,
			Abstract: "Cities led the way in harm reduction for heroin users.",
			Paragraphs: []string{
				"Harm reduction began in cities facing an epidemic among heroin users.",
				"Needle exchange programmes cut infections dramatically.",
				"Heroin-assisted treatment in Switzerland reduced street crime.",
				"Coffee shops in the Netherlands separated cannabis from harder markets.",
			},
			Pages:  []int{1, 1, 2, 3},
			PDFURL: "https://example.org/debate/7.pdf",
		},
		{
			ID: "debate-8", Kind: indexer.KindPaper, Title: "The UN drug control conventions",
			Authors: []string{"Martin Jelsma"}, Date: "2003-04", Year: 2003, Series: "Debate Papers", Number: 8,
			Countries: []string{"Bolivia"}, Language: "en", Publisher: tni,
			Paragraphs: []string{
				"The three conventions leave room for national policy choices.",
				"Bolivia later withdrew and re-acceded with a reservation on the coca leaf.",
			},
		},
		{
			ID: "opinion-2010", Kind: indexer.KindOpinion, Title: "The coca leaf deserves a fair hearing",
			Authors: []string{"Pien Metaal"}, Date: "2010-06-26", Year: 2010,
			Countries: []string{"Bolivia"}, Language: "en", Publisher: "The Daily Example",
			Paragraphs: []string{
				"Bolivia's request to remove the ban on coca chewing deserves a fair hearing.",
				"Chewing the leaf is a cultural practice, not drug abuse.",
			},
		},
		{
			ID: "briefings-page", Kind: indexer.KindPage, Title: "Drug Policy Briefings",
			Language: "en", Publisher: tni, URL: "https://example.org/briefings",
			Paragraphs: []string{"All briefings in the series, newest first."},
		},
		{
			ID: "briefings-page-ref-1", Kind: indexer.KindReference, Title: "Drugs and conflict in Burma",
			Date: "2007", Year: 2007, Series: dpb, Number: 14, Language: "en", Parent: "briefings-page",
			Abstract: "Opium and conflict in Burma.",
		},
		{
			ID: "briefings-page-ref-2", Kind: indexer.KindReference, Title: "Alternative development in the Andes",
			Date: "2006", Year: 2006, Series: dpb, Number: 13, Language: "en", Parent: "briefings-page",
		},
		{
			ID: "undated-note", Kind: indexer.KindDocument, Title: "Notes on coca chewing",
			Countries: []string{"Peru"}, Language: "en",
			Paragraphs: []string{"Chewing coca leaves eases altitude sickness."},
		},
		{
			ID: "hostile", Kind: indexer.KindDocument,
			Title:   hostileScript + " Hostile coca " + hostileImg,
			Authors: []string{"Eve " + hostileScript},
			Date:    "2008-01-02", Year: 2008, Series: "Hostile </script> Series", Number: 1,
			Countries: []string{"Peru"}, Language: "en", Publisher: hostileImg,
			URL:      "javascript:alert(1)",
			Abstract: "Abstract with " + hostileScript + " and coca " + hostileImg,
			Paragraphs: []string{
				"Body with coca " + hostileScript + " inside.",
				"Second coca paragraph " + hostileImg + " here.",
			},
		},
	}
	return recs
}
