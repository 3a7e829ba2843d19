package indexer

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestCountries(t *testing.T) {
	tests := []struct {
		name      string
		title     string
		abstract  string
		body      []string
		want      []string
		wantLimit bool // only check len(got) == maxCountries and the prefix in want
	}{
		{name: "title mention", title: "Coca policy in Bolivia: a turning point?",
			want: []string{"Bolivia"}},
		{name: "abstract mention", title: "Alternative development",
			abstract: "This briefing examines crop substitution programmes in Colombia since 2000.",
			want:     []string{"Colombia"}},
		{name: "two body mentions kept", title: "Border trade",
			body: []string{"Trade across the border with Ecuador grew fast.", "Officials in Ecuador deny it."},
			want: []string{"Ecuador"}},
		{name: "one body mention dropped", title: "Border trade",
			body: []string{"Trade across the border, as in Ecuador, grew fast.", "Officials deny it."},
			want: nil},
		{name: "English demonyms", title: "Peruvian growers and Bolivian unions",
			want: []string{"Peru", "Bolivia"}},
		{name: "Spanish demonyms in lower case", title: "Los cocaleros",
			body: []string{"Los campesinos peruanos protestaron.", "El gobierno peruano respondió con la policía; las organizaciones bolivianas no."},
			want: []string{"Peru"}},
		{name: "Spanish demonym opening a sentence", title: "Frontera",
			body: []string{"Colombianos y venezolanos cruzan a diario.", "Muchos colombianos trabajan allí."},
			want: []string{"Colombia"}},
		{name: "alternative names", title: "Burma, Holland and the Ivory Coast",
			want: []string{"Myanmar", "Netherlands", "Côte d'Ivoire"}},
		{name: "Spanish names", title: "Relaciones entre Marruecos, Países Bajos y EE. UU.",
			want: []string{"Morocco", "Netherlands", "United States"}},
		{name: "abbreviations", title: "U.S. and UK policy toward the DRC",
			want: []string{"United States", "United Kingdom", "Democratic Republic of the Congo"}},
		{name: "accents", title: "Perú y México: dos modelos",
			want: []string{"Peru", "Mexico"}},
		{name: "accents missing and typographic apostrophe", title: "Cote d’Ivoire and Sao Tome",
			want: []string{"Côte d'Ivoire", "São Tomé and Príncipe"}},
		{name: "combining accents", title: "Peru\u0301 hoy", want: []string{"Peru"}},
		{name: "Papua New Guinea is not Guinea", title: "Mining in Papua New Guinea",
			want: []string{"Papua New Guinea"}},
		{name: "South Sudan is not Sudan", title: "Oil in South Sudan", want: []string{"South Sudan"}},
		{name: "Dominican Republic is not Dominica", title: "Tourism in the Dominican Republic",
			want: []string{"Dominican Republic"}},
		{name: "Niger and Nigeria", title: "Niger and Nigeria", want: []string{"Niger", "Nigeria"}},
		{name: "Guinea variants", title: "Guinea-Bissau, Equatorial Guinea and Guinea",
			want: []string{"Guinea-Bissau", "Equatorial Guinea", "Guinea"}},
		{name: "the two Congos", title: "The Democratic Republic of the Congo and the Republic of the Congo",
			want: []string{"Democratic Republic of the Congo", "Republic of the Congo"}},
		{name: "Congo alone is the Republic (UN usage)", title: "Statement by the Congo", want: []string{"Republic of the Congo"}},
		{name: "Estados Unidos Mexicanos is Mexico", title: "Constitución de los Estados Unidos Mexicanos",
			want: []string{"Mexico"}},
		{name: "Northern Ireland is the UK", title: "Policing in Northern Ireland", want: []string{"United Kingdom"}},
		{name: "American Samoa is not Samoa", title: "American Samoa", want: []string{"American Samoa"}},
		{name: "lower-case turkey and china", title: "Holiday food",
			body: []string{"We served turkey on fine china.", "The turkey was dry; the china was chipped."},
			want: nil},
		{name: "capitalised Turkey and China", title: "Turkey and China", want: []string{"Turkey", "China"}},
		{name: "American and other ambiguous adjectives", title: "American, Indian, Spanish, French, German and Korean views",
			abstract: "Latin American governments and the Spanish-speaking world.",
			want:     nil},
		{name: "places containing country names", title: "From New Mexico to the Gulf of Guinea",
			body: []string{"New Mexico and New Jersey.", "The Niger Delta and the Gulf of Guinea.", "Dutch disease, Dutch disease."},
			want: nil},
		{name: "US the pronoun", title: "CONTACT US", body: []string{"FOLLOW US", "JOIN US"}, want: nil},
		{name: "US the country", title: "US drug policy", want: []string{"United States"}},
		{name: "US the currency", title: "Budgets",
			body: []string{"It cost US$ 5 million, or U.S.$2 million a year.", "That is 40 US dollars a hectare; 12 dólares estadounidenses."},
			want: nil},
		{name: "US before a dollar amount", title: "Aid", body: []string{"The US gave $5 million.", "The U.S. gave $2 million more."},
			want: []string{"United States"}},
		{name: "all capitals", title: "DRUGS AND CONFLICT IN PERU", want: []string{"Peru"}},
		{name: "title-case connectors", title: "Notes On Trinidad And Tobago", want: []string{"Trinidad and Tobago"}},
		{name: "Georgia without a signal", title: "Prisons in Georgia",
			body: []string{"Georgia has many prisons.", "Georgian voters decided."}, want: nil},
		{name: "Georgia with a signal", title: "Prisons in Georgia",
			body: []string{"Tbilisi has reformed its prisons."}, want: []string{"Georgia"}},
		{name: "ordering by score", title: "Bolivia and Peru",
			abstract: "Peru first.", body: []string{"Colombia, Colombia, Colombia."},
			want: []string{"Peru", "Bolivia", "Colombia"}},
		{name: "ties keep first appearance", title: "Ecuador and Colombia", want: []string{"Ecuador", "Colombia"}},
		{name: "ties keep first appearance reversed", title: "Colombia and Ecuador", want: []string{"Colombia", "Ecuador"}},
		{name: "abstract beats body", title: "Report", abstract: "Chile.",
			body: []string{"Brazil, Brazil.", "Chile."}, want: []string{"Chile", "Brazil"}},
		{name: "at most eight", title: "Peru, Bolivia, Colombia, Ecuador, Brazil, Chile, Argentina, Uruguay, Paraguay and Venezuela",
			want:      []string{"Peru", "Bolivia", "Colombia", "Ecuador", "Brazil", "Chile", "Argentina", "Uruguay"},
			wantLimit: true},
		{name: "no text", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Countries(tt.title, tt.abstract, tt.body)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Countries(%q, %q, %q) = %q, want %q", tt.title, tt.abstract, tt.body, got, tt.want)
			}
			if tt.wantLimit && len(got) != maxCountries {
				t.Errorf("Countries(%q) returned %d countries, want %d", tt.title, len(got), maxCountries)
			}
		})
	}
}

// Every name on the list is found in running text, as written and in
// capitals, and gives exactly its own country.
func TestCountriesFindsEveryAlias(t *testing.T) {
	notText := map[string]bool{}
	for _, n := range notInText {
		notText[nameKey(n)] = true
	}
	for _, c := range gaz().countries {
		for _, a := range c.aliases {
			if notText[nameKey(a)] || slices.Contains(notLowerCase, a) {
				if got := Countries(a, "", nil); got != nil {
					t.Errorf("Countries(%q) = %q, want nothing: it is in notInText or notLowerCase", a, got)
				}
				if notText[nameKey(a)] {
					continue
				}
				a = strings.ToUpper(a[:1]) + a[1:]
			}
			var abstract string
			if signals := countrySignals[c.name]; len(signals) > 0 {
				abstract = signals[0]
			}
			for _, title := range []string{a, strings.ToUpper(a), "On " + a + "'s future."} {
				got := Countries(title, abstract, nil)
				if !slices.Equal(got, []string{c.name}) {
					t.Errorf("Countries(%q) = %q, want [%q]", title, got, c.name)
				}
			}
		}
	}
}

func TestCountryName(t *testing.T) {
	tests := []struct {
		in     string
		want   string
		wantOK bool
	}{
		{"Peru", "Peru", true},
		{"Perú", "Peru", true},
		{"peru", "Peru", true},
		{"  PERU ", "Peru", true},
		{"PE", "Peru", true},
		{"PER", "Peru", true},
		{"pe", "Peru", true},
		{"Peruvian", "Peru", true},
		{"peruanos", "Peru", true},
		{"Burma", "Myanmar", true},
		{"Birmania", "Myanmar", true},
		{"USA", "United States", true},
		{"U.S.", "United States", true},
		{"U.S.A.", "United States", true},
		{"United States of America", "United States", true},
		{"Estados Unidos", "United States", true},
		{"EE. UU.", "United States", true},
		{"EEUU", "United States", true},
		{"Ivory Coast", "Côte d'Ivoire", true},
		{"Cote d'Ivoire", "Côte d'Ivoire", true},
		{"Côte d’Ivoire", "Côte d'Ivoire", true},
		{"Costa de Marfil", "Côte d'Ivoire", true},
		{"Holland", "Netherlands", true},
		{"the Netherlands", "Netherlands", true},
		{"The Gambia", "Gambia", true},
		{"Türkiye", "Turkey", true},
		{"Swaziland", "Eswatini", true},
		{"Czech Republic", "Czechia", true},
		{"DR Congo", "Democratic Republic of the Congo", true},
		{"Congo-Brazzaville", "Republic of the Congo", true},
		{"Bolivia (Plurinational State of)", "Bolivia", true},
		{"Korea, Republic of", "South Korea", true},
		{"Korea, Democratic People's Republic of", "North Korea", true},
		{"Viet Nam", "Vietnam", true},
		{"Russian Federation", "Russia", true},
		{"Lao PDR", "Laos", true},
		{"Moldova, Republic of", "Moldova", true},
		{"Tanzania, United Republic of", "Tanzania", true},
		{"Cabo Verde", "Cape Verde", true},
		{"XK", "Kosovo", true},
		{"Palestine, State of", "Palestine", true},
		{"TW", "Taiwan", true},
		{"marroquíes", "Morocco", true},
		{"españoles", "Spain", true},
		{"Réunion", "Réunion", true},
		{"Montserrat", "Montserrat", true},
		{"American", "", false},
		{"Indian", "", false},
		{"Spanish", "", false},
		{"español", "", false},
		{"Atlantis", "", false},
		{"", "", false},
		{"the", "", false},
	}
	for _, tt := range tests {
		got, ok := CountryName(tt.in)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("CountryName(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestGazetteer(t *testing.T) {
	g, err := buildGazetteer(countryTable)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.countries) < 245 {
		t.Errorf("gazetteer has %d entries, want at least 245", len(g.countries))
	}
	for _, c := range g.conflicts {
		t.Errorf("alias claimed by two countries: %s", c)
	}
	alpha2 := regexp.MustCompile(`^[A-Z]{2}$`)
	alpha3 := regexp.MustCompile(`^[A-Z]{3}$`)
	names := map[string]bool{}
	for _, c := range g.countries {
		if c.name == "" || !alpha2.MatchString(c.alpha2) || !alpha3.MatchString(c.alpha3) {
			t.Errorf("incomplete entry %+v", c)
		}
		if names[c.name] {
			t.Errorf("canonical name %q used twice", c.name)
		}
		names[c.name] = true
		for _, code := range []string{c.alpha2, c.alpha3, c.name} {
			if got, _ := CountryName(code); got != c.name {
				t.Errorf("CountryName(%q) = %q, want %q", code, got, c.name)
			}
		}
	}
	// Canonical names are the common short forms.
	for code, want := range map[string]string{
		"BO": "Bolivia", "IR": "Iran", "RU": "Russia", "SY": "Syria", "LA": "Laos", "VN": "Vietnam",
		"KR": "South Korea", "KP": "North Korea", "TZ": "Tanzania", "MD": "Moldova", "VE": "Venezuela",
		"US": "United States", "GB": "United Kingdom", "CZ": "Czechia", "CI": "Côte d'Ivoire",
		"MM": "Myanmar", "NL": "Netherlands", "CV": "Cape Verde", "SZ": "Eswatini", "TR": "Turkey",
		"CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo", "XK": "Kosovo",
		"PS": "Palestine", "TW": "Taiwan",
	} {
		if got, _ := CountryName(code); got != want {
			t.Errorf("CountryName(%q) = %q, want %q", code, got, want)
		}
	}
	// The filter in front of the first-word map lets every first word by,
	// and keeps out most words of a text.
	for w := range g.first {
		if !g.mayStart(w) {
			t.Errorf("mayStart(%q) = false for a first word of the gazetteer", w)
		}
	}
	kept := 0
	for _, w := range strings.Fields("the policy of the government in the region was to reduce the use of coca and to build roads against chemicals problems militias and crackdowns") {
		if g.mayStart(w) {
			kept++
		}
	}
	if kept > 4 {
		t.Errorf("mayStart lets %d of 26 common words by, want at most 4", kept)
	}
	// The lists beside the table must name real entries or phrases.
	for _, n := range notInText {
		if _, ok := CountryName(n); !ok {
			t.Errorf("notInText has %q, which is not in the gazetteer", n)
		}
	}
	for n := range countrySignals {
		if got, _ := CountryName(n); got != n {
			t.Errorf("countrySignals has %q, not a canonical name", n)
		}
	}
}

func TestBuildGazetteerErrors(t *testing.T) {
	for _, table := range []string{
		"PE PER | Peru | Perú | Peruvian", // four fields
		"PE | Peru | | |",                 // one code
		"PER PE | Peru | | |",             // codes swapped
		"PE PER |  | | |",                 // no name
	} {
		if _, err := buildGazetteer(table); err == nil {
			t.Errorf("buildGazetteer(%q) succeeded, want an error", table)
		}
	}
	g, err := buildGazetteer("PE PER | Peru | Perú | | peruano\nBO BOL | Bolivia | Perú | |")
	if err != nil {
		t.Fatal(err)
	}
	if len(g.conflicts) != 1 || !strings.Contains(g.conflicts[0], "Peru and Bolivia") {
		t.Errorf("conflicts = %q, want one between Peru and Bolivia", g.conflicts)
	}
}

func TestDemonymForms(t *testing.T) {
	tests := []struct {
		fn   func(string) []string
		in   string
		want []string
	}{
		{englishForms, "Peruvian", []string{"Peruvian", "Peruvians"}},
		{englishForms, "Chinese", []string{"Chinese"}},
		{englishForms, "Swiss", []string{"Swiss"}},
		{englishForms, "Dutch", []string{"Dutch"}},
		{englishForms, "Thai", []string{"Thai", "Thais"}},
		{englishForms, "Frenchman", []string{"Frenchman"}},
		{spanishForms, "peruano", []string{"peruano", "peruana", "peruanos", "peruanas"}},
		{spanishForms, "marroquí", []string{"marroquí", "marroquíes", "marroquís"}},
		{spanishForms, "japonés", []string{"japonés", "japonesa", "japoneses", "japonesas"}},
		{spanishForms, "letón", []string{"letón", "letona", "letones", "letonas"}},
		{spanishForms, "estadounidense", []string{"estadounidense", "estadounidenses"}},
		{spanishForms, "belga", []string{"belga", "belgas"}},
		{spanishForms, "kosovar", []string{"kosovar", "kosovares"}},
		{spanishForms, "~español", []string{"española", "españoles", "españolas"}},
		{spanishForms, "~alemán", []string{"alemana", "alemanes", "alemanas"}},
	}
	for _, tt := range tests {
		if got := tt.fn(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("forms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// benchParagraphs is about 2,000 words of briefing-like text in English and
// Spanish with a dozen country mentions.
func benchParagraphs() []string {
	en := "The government of Peru has announced a new plan to reduce coca cultivation in the valleys of " +
		"the Apurímac and Ene rivers, where armed groups still operate. Officials in Lima say that the " +
		"programme will be financed in part by the United States and the European Union, while peasant " +
		"organisations argue that forced eradication only pushes cultivation deeper into the forest and " +
		"across the border into Bolivia and Colombia. Independent researchers have documented the same " +
		"pattern for two decades, and they warn that without alternative sources of income for farmers " +
		"the new plan is unlikely to succeed where the previous ones have failed."
	es := "El gobierno peruano anunció un nuevo plan para reducir los cultivos de coca en los valles de " +
		"los ríos Apurímac y Ene, donde todavía operan grupos armados. Según los funcionarios, el programa " +
		"será financiado en parte por Estados Unidos y la Unión Europea, mientras que las organizaciones " +
		"campesinas sostienen que la erradicación forzosa solo desplaza los cultivos hacia Bolivia y México."
	var ps []string
	for len(strings.Fields(strings.Join(ps, " "))) < 2000 {
		ps = append(ps, en, es)
	}
	return ps
}

func BenchmarkCountries(b *testing.B) {
	ps := benchParagraphs()
	b.ReportAllocs()
	b.SetBytes(int64(len(strings.Join(ps, " "))))
	for b.Loop() {
		Countries("Drugs and conflict in Peru", "A briefing on coca policy in the Andes.", ps)
	}
}

func ExampleCountries() {
	fmt.Println(Countries(
		"Coca and conflict in Perú",
		"How policy in the Andes is shaped by Washington.",
		[]string{
			"Peruvian farmers and Bolivian unions met in La Paz.",
			"Bolivia's government was absent; the U.S. embassy sent an observer.",
			"The U.S. position has not changed.",
		}))
	// Output: [Peru Bolivia United States]
}

// A long report about one country names others in passing and in its
// references: they do not reach the cap, only the subject and the
// countries it discusses at length count.
func TestCountriesLongReport(t *testing.T) {
	var paras []string
	passing := []string{"Egypt", "Lebanon", "Iraq", "Syria", "Turkey", "Morocco", "Tunisia", "Algeria", "Libya", "Yemen"}
	for i := 0; i < 200; i++ {
		p := "Public spending in Jordan rose again this year, as the programme for water and energy reached more towns and the budget office kept its reporting calendar."
		if i%40 == 5 {
			p += " Refugees from Syria remain a large share of the population in the north."
		}
		if i < len(passing) {
			p += " A similar programme was tried in " + passing[i] + " and in " + passing[(i+1)%len(passing)] + "."
		}
		paras = append(paras, p)
	}
	paras = append(paras, "References")
	for _, c := range passing {
		paras = append(paras, "World Bank (2015). "+c+" Economic Monitor. "+c+" country office.")
	}
	got := Countries("Public Expenditure Review", "", paras)
	if want := []string{"Jordan"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Countries(long report) = %q, want %q", got, want)
	}
}

// checkSpans checks appendSpans against its definition: the words of s are
// its maximal runs of letters, digits and combining marks, and a word is
// ASCII when all its bytes are.
func checkSpans(t *testing.T, s string) {
	t.Helper()
	word := func(r rune, size int) bool {
		return !(r == utf8.RuneError && size == 1) && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
	}
	var want []span
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !word(r, size) {
			i += size
			continue
		}
		sp := span{start: i, ascii: true}
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !word(r, size) {
				break
			}
			sp.ascii = sp.ascii && size == 1 && r < utf8.RuneSelf
			i += size
		}
		sp.end = i
		want = append(want, sp)
	}
	if got := appendSpans(nil, s); !slices.Equal(got, want) {
		t.Errorf("appendSpans(%q) = %v, want %v", s, got, want)
	}
}

func TestSpans(t *testing.T) {
	for _, s := range []string{"", "U.S.", "Côte d'Ivoire", "  Perú, 2005 ", "naïve\u0301x", "a\xffb", "東京 都", "x\u00A0y"} {
		checkSpans(t, s)
	}
}

func FuzzSpans(f *testing.F) {
	for _, s := range []string{"U.S.$", "Côte d'Ivoire", "a\xffb\u0301", "2005-03 Perú"} {
		f.Add(s)
	}
	f.Fuzz(checkSpans)
}
