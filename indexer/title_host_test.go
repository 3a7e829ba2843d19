package indexer

import "testing"

func TestDropHostParts(t *testing.T) {
	tests := []struct {
		title, url, want string
	}{
		{"Autohäuser rechnen mit Anlauf | EXAMPLENEWS.DE", "https://www.examplenews.de/a/1.html", "Autohäuser rechnen mit Anlauf"},
		{"Maulwurfkuchen mit Erdbeeren - Rezept von Backbeispiel.de", "https://www.backbeispiel.de/rezepte/1", "Maulwurfkuchen mit Erdbeeren"},
		{"Lockdown: Gottesdienste bleiben möglich › evang-beispiel.at", "https://evang-beispiel.at/lockdown", "Lockdown: Gottesdienste bleiben möglich"},
		{"Jane Example's Digital Home | Journey to Python 3", "https://janeexample.com/blog/py3.html", "Journey to Python 3"},
		{"Produkttester werden │ Nestlé Beispielplatz", "https://www.nestle-beispielplatz.de/test", "Produkttester werden"},
		{"23.01.2022 - Wierer darf noch jubeln - Biathlon Beispielort", "https://www.biathlon-beispielort.it/x", "Wierer darf noch jubeln"},
		{"So viel Regen gab es lange nicht : 31.10.2023, 10.19 Uhr", "", "So viel Regen gab es lange nicht"},
		// A headline that mentions the site is kept whole.
		{"Run Windows on Mac - Beispiel Desktop 15 Virtual Machine for Mac", "https://www.beispiel.com/desktop/", "Run Windows on Mac - Beispiel Desktop 15 Virtual Machine for Mac"},
		{"Klimakonferenz - EXRK: Immer mehr Menschen auf Hilfe angewiesen", "https://www.exrk.de/k", "Klimakonferenz - EXRK: Immer mehr Menschen auf Hilfe angewiesen"},
		// A date range is not a date to cut.
		{"Wochenbericht 14. - 20. Januar 2022", "", "Wochenbericht 14. - 20. Januar 2022"},
		// Nothing but the site: kept, there is no headline to keep instead.
		{"Beispielsite", "https://beispielsite.org/", "Beispielsite"},
	}
	for _, tt := range tests {
		if got := dropHostParts(tt.title, hostNames(tt.url)); got != tt.want {
			t.Errorf("dropHostParts(%q, %q) = %q, want %q", tt.title, tt.url, got, tt.want)
		}
	}
}

// The page's address signs its <title>: with no site name in the
// metadata, the signature still goes.
func TestTitleWithoutSiteSignature(t *testing.T) {
	src := page(`<title>Gottesdienste bleiben möglich › beispielkirche.at</title><link rel="canonical" href="https://beispielkirche.at/news/gottesdienste">`,
		`<div class="logo">beispielkirche.at</div><article>`+para+`</article>`)
	if got := extractOne(t, src).Title; got != "Gottesdienste bleiben möglich" {
		t.Errorf("title = %q", got)
	}
}
