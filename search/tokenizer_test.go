package search

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	unicodetok "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
)

// sameTokens compares our tokenizer with bleve's unicode tokenizer.
func sameTokens(t *testing.T, text string) bool {
	t.Helper()
	want := unicodetok.NewUnicodeTokenizer().Tokenize([]byte(text))
	got := (&wordTokenizer{slow: unicodetok.NewUnicodeTokenizer()}).Tokenize([]byte(text))
	if len(got) != len(want) {
		t.Errorf("%q: %d tokens, want %d\n got %s\nwant %s", text, len(got), len(want), tokString(got), tokString(want))
		return false
	}
	for i := range want {
		g, w := got[i], want[i]
		if string(g.Term) != string(w.Term) || g.Start != w.Start || g.End != w.End || g.Position != w.Position || g.Type != w.Type {
			t.Errorf("%q: token %d = %q [%d,%d) pos %d type %d, want %q [%d,%d) pos %d type %d",
				text, i, g.Term, g.Start, g.End, g.Position, g.Type, w.Term, w.Start, w.End, w.Position, w.Type)
			return false
		}
	}
	return true
}

func tokString(ts analysis.TokenStream) string {
	var parts []string
	for _, t := range ts {
		parts = append(parts, string(t.Term))
	}
	return strings.Join(parts, "|")
}

func TestWordTokenizerCases(t *testing.T) {
	for _, s := range []string{
		"", " ", "Coca: a human issue", "don't stop", "U.S. policy", "1,000 and 3.5 and 1;2",
		"a1.2 b.1 1.b a_b _a a_ _ __ 1_2", "e-mail, (brackets) \"quotes\"", "end.", "'quoted'", "a:b a::b a..b 1,,2",
		"Perú y Bolivia: erradicación", "naïve café’s résumé", "tab\tnew\nline\r\n", "x.y.z 1.2.3 a'b'c",
		"10% of $5 #tag @user a+b", "l'État d'Ivoire", "über-große Straße", "中文 テスト",
	} {
		sameTokens(t, s)
	}
}

func TestWordTokenizerRandom(t *testing.T) {
	alphabet := []string{"a", "B", "z", "0", "7", ":", ".", "'", ",", ";", "_", " ", "-", "!", "\n", "é", "’", "(", "%", "\t", "ñ"}
	r := rand.New(rand.NewPCG(1, 2))
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for i := 0; i < n; i++ {
		var b strings.Builder
		for k := r.IntN(12) + 1; k > 0; k-- {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		if !sameTokens(t, b.String()) {
			return
		}
	}
}

// TestWordTokenizerCorpus compares the tokenizers on every text of the demo
// corpus.
func TestWordTokenizerCorpus(t *testing.T) {
	files, _ := filepath.Glob("../testdata/corpus/*/*")
	if len(files) == 0 {
		t.Fatal("no corpus files")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil || strings.HasSuffix(f, ".pdf") || strings.HasSuffix(f, ".gz") {
			continue
		}
		for _, line := range strings.Split(string(b), "\n") {
			if !sameTokens(t, line) {
				return
			}
		}
	}
}

// TestLangAnalyzersMatchBleve checks that each language group's analyzer,
// built on wordTokenizer, gives the same terms and offsets as the same
// token filters after bleve's unicode tokenizer, on the demo corpus and on
// mixed-language samples.
func TestLangAnalyzersMatchBleve(t *testing.T) {
	m := newMapping()
	for _, g := range langGroups {
		var filters []interface{}
		for _, f := range langFilters[g] {
			filters = append(filters, f)
		}
		err := m.AddCustomAnalyzer("bleve_"+g, map[string]interface{}{
			"type": custom.Name, "tokenizer": unicodetok.Name, "token_filters": filters,
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	var texts []string
	for _, text := range analysisSamples() {
		texts = append(texts, strings.Split(text, "\n")...)
	}
	for _, g := range langGroups {
		ours, theirs := m.AnalyzerNamed(langAnalyzer[g]), m.AnalyzerNamed("bleve_"+g)
		if ours == nil || theirs == nil {
			t.Fatalf("group %s: analyzer missing", g)
		}
		for _, text := range texts {
			a, b := ours.Analyze([]byte(text)), theirs.Analyze([]byte(text))
			if len(a) != len(b) {
				t.Fatalf("group %s, %q: %s\nwant %s", g, text, tokString(a), tokString(b))
			}
			for i := range a {
				if string(a[i].Term) != string(b[i].Term) || a[i].Start != b[i].Start || a[i].Position != b[i].Position {
					t.Fatalf("group %s, %q: token %d = %q at %d, want %q at %d", g, text, i, a[i].Term, a[i].Start, b[i].Term, b[i].Start)
				}
			}
		}
	}
}

// analysisSamples returns texts for comparing analyses: a sentence in
// each language with an analyzer of its own, then every text file of the
// demo corpus whole.
func analysisSamples() []string {
	texts := []string{
		"The Bolivian government's eradication policies didn't reduce coca cultivation in 2005.",
		"La erradicación forzosa de cultivos de coca en el Perú y Bolivia: una política fallida.",
		"L'État et la politique des drogues : l'échec de la répression en Afrique de l'Ouest.",
		"A política de drogas no Brasil: redução de danos e encarceramento em massa.",
		"Die Drogenpolitik der Europäischen Union: Schadensminderung und Straßenverkauf.",
		"L'Italia e la politica sulle droghe: l'uso di cannabis nelle città.",
		"Het Nederlandse drugsbeleid: gedoogbeleid en coffeeshops in Amsterdam.",
	}
	files, _ := filepath.Glob("../testdata/corpus/*/*")
	for _, f := range files {
		if strings.HasSuffix(f, ".pdf") || strings.HasSuffix(f, ".gz") {
			continue
		}
		if b, err := os.ReadFile(f); err == nil {
			texts = append(texts, string(b))
		}
	}
	return texts
}
