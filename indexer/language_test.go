package indexer

import (
	"strings"
	"testing"
)

// One sentence per language, all saying roughly the same thing, so that the
// test compares profiles rather than topics.
var languageSamples = map[string]string{
	"en": "The government has announced that the eradication of coca will continue in the region, " +
		"despite protests from farmers who say that they have no other source of income.",
	"es": "El gobierno anunció que la erradicación de los cultivos de coca continuará en la región, " +
		"a pesar de las protestas de los campesinos que no tienen otra fuente de ingresos.",
	"fr": "Le gouvernement a annoncé que l'éradication des cultures de coca se poursuivra dans la région, " +
		"malgré les protestations des paysans qui n'ont pas d'autre source de revenus.",
	"pt": "O governo anunciou que a erradicação das plantações de coca vai continuar na região, " +
		"apesar dos protestos dos agricultores que não têm outra fonte de renda.",
	"de": "Die Regierung hat angekündigt, dass die Vernichtung der Kokafelder in der Region fortgesetzt wird, " +
		"obwohl die Bauern dagegen protestieren und keine andere Einkommensquelle haben.",
	"nl": "De regering heeft aangekondigd dat de vernietiging van de cocavelden in de regio zal doorgaan, " +
		"ondanks de protesten van boeren die geen andere bron van inkomsten hebben.",
	"it": "Il governo ha annunciato che l'eradicazione delle coltivazioni di coca continuerà nella regione, " +
		"nonostante le proteste dei contadini che non hanno altra fonte di reddito.",
}

func TestDetectLanguage(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string
	}{
		{"English", languageSamples["en"], "en"},
		{"Spanish", languageSamples["es"], "es"},
		{"French", languageSamples["fr"], "fr"},
		{"Portuguese", languageSamples["pt"], "pt"},
		{"German", languageSamples["de"], "de"},
		{"Dutch", languageSamples["nl"], "nl"},
		{"Italian", languageSamples["it"], "it"},
		{"English in capitals", strings.ToUpper(languageSamples["en"]), "en"},
		{"Spanish title with abstract", "Drogas y conflicto en el Perú. Los cocaleros y el Estado: " +
			"una historia de la política de drogas en los valles del sur.", "es"},
		{"Portuguese, not Spanish", "A política de drogas no Brasil e os seus efeitos sobre as prisões do país.", "pt"},
		{"English with a Spanish quotation", languageSamples["en"] + " As one farmer put it, \"no hay otra salida\". " +
			"The ministry has not replied to the letters sent by the unions, and the protests are expected to grow in the coming weeks.", "en"},
		{"half English, half Spanish", "The policy of the government is not working for the farmers in the region. " +
			"La política del gobierno no funciona para los campesinos de la región.", ""},
		{"too short", "Drugs and conflict in Peru", ""},
		{"too short Spanish", "Drogas y conflicto", ""},
		{"empty", "", ""},
		{"numbers", "2005 17 11 3.5 12,000 1998-2004", ""},
		{"names only", "Hugo Cabieses, Ricardo Soberón, Martin Jelsma, Tom Blickman", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectLanguage(tt.text); got != tt.want {
				t.Errorf("DetectLanguage(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestNormalizeLanguage(t *testing.T) {
	tests := []struct{ in, want string }{
		{"es", "es"},
		{"ES", "es"},
		{"es_ES", "es"},
		{"es-ES", "es"},
		{"es-419", "es"},
		{"spa", "es"},
		{"Spanish", "es"},
		{"español", "es"},
		{"Espanol", "es"},
		{"castellano", "es"},
		{"en", "en"},
		{"en-GB", "en"},
		{"en_US.UTF-8", "en"},
		{"eng", "en"},
		{"English", "en"},
		{" english ", "en"},
		{"fr-CA", "fr"},
		{"fre", "fr"},
		{"Français", "fr"},
		{"pt-BR", "pt"},
		{"Português", "pt"},
		{"ger", "de"},
		{"Deutsch", "de"},
		{"nl-BE", "nl"},
		{"dut", "nl"},
		{"Nederlands", "nl"},
		{"ita", "it"},
		{"zh-Hant-TW", "zh"},
		{"iw", "he"},
		{"qu", "qu"},
		{"Quechua", "qu"},
		{"", ""},
		{"und", ""},
		{"mul", ""},
		{"xx", ""},
		{"Klingon", ""},
		{"Spanish; English", ""},
	}
	for _, tt := range tests {
		if got := NormalizeLanguage(tt.in); got != tt.want {
			t.Errorf("NormalizeLanguage(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func BenchmarkDetectLanguage(b *testing.B) {
	text := strings.Join(benchParagraphs(), "\n\n")
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		DetectLanguage(text)
	}
}

// The packed table of short stop words agrees with the map for every
// stop word, its upper-case form and words that are not stop words.
func TestShortStops(t *testing.T) {
	n := 0
	for w, mask := range stopWords {
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
			k, ok := packASCII(v)
			if !ok {
				continue
			}
			n++
			if got := shortStops.get(k); got != mask {
				t.Errorf("%q: mask %b, want %b", v, got, mask)
			}
		}
	}
	if n < 500 {
		t.Errorf("only %d stop words packed", n)
	}
	for _, w := range []string{"x", "th", "thee", "policy", "drugs", "Theirs", "ab1", "zzzzzzzz", "a-b"} {
		if k, ok := packASCII(w); ok && shortStops.get(k) != stopWords[strings.ToLower(w)] {
			t.Errorf("%q: mask %b, want %b", w, shortStops.get(k), stopWords[strings.ToLower(w)])
		}
	}
	for _, w := range []string{"", "dimensions", "más", "ÜBER"} {
		if _, ok := packASCII(w); ok {
			t.Errorf("%q was packed", w)
		}
	}
}
