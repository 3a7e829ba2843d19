package search

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// plain strips a snippet's <mark> tags and unescapes it.
func plain(s string) string {
	s = strings.NewReplacer("<mark>", "", "</mark>", "").Replace(s)
	return html.UnescapeString(s)
}

var markRE = regexp.MustCompile(`<mark>(.*?)</mark>`)

// marked lists the marked words of a snippet.
func marked(s string) []string {
	var out []string
	for _, m := range markRE.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}

func filler(n int) string {
	words := strings.Fields("markets growers prices roads credit fields harvest buyers traders villages")
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(words[i%len(words)])
	}
	return b.String()
}

func TestSnippetsChooseParagraphs(t *testing.T) {
	idx := mustBuildIndex(t, Record{
		ID: "a", Language: "en", Title: "Eradication", Pages: []int{1, 1, 2, 3, 3, 4},
		Paragraphs: []string{
			"Nothing here.",
			"Coca once.",                            // 1 distinct term
			"Nothing either.",                       // 0
			"Coca and eradication and coca.",        // 2 distinct, 3 matches
			"Eradication of coca, eradicated coca.", // 2 distinct, 4 matches
			"Coca coca coca coca coca.",             // 1 distinct, 5 matches
		},
	})
	res := mustSearch(t, idx, Query{Text: "coca OR eradicate"})
	s := res.Hits[0].Snippets
	var paras, pages []int
	for _, sn := range s {
		paras = append(paras, sn.Paragraph)
		pages = append(pages, sn.Page)
	}
	// The two paragraphs with both words, then the one with most matches, in
	// document order, numbered from 1.
	if got, want := paras, []int{4, 5, 6}; !equalInts(got, want) {
		t.Errorf("snippet paragraphs = %v, want %v", got, want)
	}
	if got, want := pages, []int{3, 3, 4}; !equalInts(got, want) {
		t.Errorf("snippet pages = %v, want %v", got, want)
	}
	if got := string(s[1].HTML); got != "<mark>Eradication</mark> of <mark>coca</mark>, <mark>eradicated</mark> <mark>coca</mark>." {
		t.Errorf("snippet = %q", got)
	}
	if got := string(res.Hits[0].TitleHTML); got != "<mark>Eradication</mark>" {
		t.Errorf("TitleHTML = %q", got)
	}

	for _, tc := range []struct {
		n, want int
	}{{1, 1}, {-1, 0}, {0, 3}, {50, 4}} {
		res := mustSearch(t, idx, Query{Text: "coca OR eradicate", Snippets: tc.n})
		if got := len(res.Hits[0].Snippets); got != tc.want {
			t.Errorf("Snippets: %d gave %d passages, want %d", tc.n, got, tc.want)
		}
	}
}

func TestSnippetCutting(t *testing.T) {
	long := filler(400) + ". The coca eradication campaign ended in 2004. " + filler(400) + "."
	idx := mustBuildIndex(t, Record{ID: "a", Language: "en", Title: "T", Paragraphs: []string{long}})
	sn := mustSearch(t, idx, Query{Text: "eradication"}).Hits[0].Snippets
	if len(sn) != 1 {
		t.Fatalf("got %d snippets, want 1", len(sn))
	}
	got := string(sn[0].HTML)
	text := plain(got)
	if !strings.HasPrefix(text, "…The coca <") && !strings.HasPrefix(text, "…The coca eradication") {
		t.Errorf("snippet does not start at the sentence holding the match: %q", text)
	}
	if !strings.HasSuffix(text, "…") {
		t.Errorf("snippet of a cut paragraph does not end with …: %q", text)
	}
	if n := utf8.RuneCountInString(text); n > snippetLen+2 || n < snippetLen/2 {
		t.Errorf("snippet is %d characters, want about %d: %q", n, snippetLen, text)
	}
	// Cut at a word boundary: the last word is whole.
	body := strings.TrimSuffix(strings.TrimPrefix(text, "…"), "…")
	if !strings.Contains(long, body) {
		t.Errorf("snippet %q is not a piece of the paragraph", body)
	}
	end := strings.Index(long, body) + len(body)
	if end < len(long) && long[end] != ' ' && long[end-1] != '.' {
		t.Errorf("snippet ends inside a word: %q", body[len(body)-20:])
	}
	if m := marked(got); len(m) != 1 || m[0] != "eradication" {
		t.Errorf("marked = %q, want [eradication]", m)
	}
}

func TestWindow(t *testing.T) {
	sentence := "Alpha beta gamma. "
	text := strings.Repeat(sentence, 40) // 720 bytes, all ASCII
	for _, tc := range []struct {
		name  string
		match int // byte offset of a 5-byte match
	}{
		{"start", 0}, {"middle", 360}, {"end", len(text) - 7}, {"no match", -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var spans []span
			if tc.match >= 0 {
				spans = []span{{tc.match, tc.match + 5, "x"}}
			}
			start, end := window(text, spans, 100)
			if end-start > 100 || end-start < 50 {
				t.Errorf("window = [%d,%d), %d bytes, want about 100", start, end, end-start)
			}
			if tc.match >= 0 && (start > tc.match || end < tc.match+5) {
				t.Errorf("window [%d,%d) does not hold the match at %d", start, end, tc.match)
			}
			if start > 0 && text[start-1] != ' ' {
				t.Errorf("window starts inside a word: %q", text[start:start+10])
			}
			if start > 0 && !strings.HasPrefix(text[start:], "Alpha") {
				t.Errorf("window does not start a sentence: %q", text[start:start+10])
			}
			if end < len(text) && text[end-1] != '.' {
				t.Errorf("window does not end a sentence: %q", text[end-10:end])
			}
		})
	}
	if s, e := window("short text", nil, 100); s != 0 || e != 10 {
		t.Errorf("window(short) = %d,%d, want the whole text", s, e)
	}
}

func TestSnippetEscaping(t *testing.T) {
	idx := mustBuildIndex(t, Record{
		ID: "x", Language: "en", Title: `<b>Coca</b> & "friends"`,
		Paragraphs: []string{`<script>alert("coca")</script> <img src=x onerror=alert(1)> coca & cocaine's <i>`},
	})
	h := mustSearch(t, idx, Query{Text: "coca"}).Hits[0]
	for _, s := range []string{string(h.TitleHTML), string(h.Snippets[0].HTML)} {
		stripped := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(s)
		if strings.ContainsAny(stripped, "<>\"") {
			t.Errorf("unescaped markup in %q", s)
		}
	}
	if got, want := string(h.TitleHTML), "&lt;b&gt;<mark>Coca</mark>&lt;/b&gt; &amp; &#34;friends&#34;"; got != want {
		t.Errorf("TitleHTML = %q, want %q", got, want)
	}
	sn := string(h.Snippets[0].HTML)
	if !strings.Contains(sn, "&lt;script&gt;alert(&#34;<mark>coca</mark>&#34;)&lt;/script&gt;") || !strings.Contains(sn, "onerror=alert(1)&gt;") {
		t.Errorf("snippet = %q, want the script and onerror escaped", sn)
	}
	if m := marked(sn); len(m) != 2 {
		t.Errorf("marked = %q, want coca twice (not cocaine)", m)
	}
}

func TestSnippetUTF8(t *testing.T) {
	para := strings.Repeat("Política de drogas y derechos humanos en América Latina — ñandú. ", 12) +
		"La erradicación forzosa fracasó. " + strings.Repeat("Comunidades indígenas, café y cacao. ", 12)
	bad := "Bad bytes \xff\xfe around erradicación \xc3 here."
	idx := mustBuildIndex(t, Record{ID: "es", Language: "es", Title: "Erradicación", Paragraphs: []string{para, bad}})
	h := mustSearch(t, idx, Query{Text: "erradicación"}).Hits[0]
	if len(h.Snippets) != 2 {
		t.Fatalf("got %d snippets, want 2", len(h.Snippets))
	}
	for _, s := range h.Snippets {
		if !utf8.ValidString(string(s.HTML)) {
			t.Errorf("invalid UTF-8 in snippet %q", s.HTML)
		}
		if m := marked(string(s.HTML)); len(m) != 1 || m[0] != "erradicación" {
			t.Errorf("marked = %q in %q", m, s.HTML)
		}
	}
}

func TestSnippetFallbacks(t *testing.T) {
	idx := mustBuildIndex(t,
		Record{ID: "abs", Language: "en", Title: "Coca", Abstract: "A <short> abstract.", Paragraphs: []string{"Body text."}},
		Record{ID: "noabs", Language: "en", Title: "Coca", Paragraphs: []string{"First paragraph.", "Second."}},
		Record{ID: "meta", Language: "en", Title: "Other", Countries: []string{"Peru"}, Abstract: "About Peru's coca."},
		Record{ID: "empty", Language: "en", Title: "Coca"},
	)
	for _, tc := range []struct {
		q, id, want string
		para        int
	}{
		{"coca", "abs", "A &lt;short&gt; abstract.", 0},
		{"coca", "noabs", "First paragraph.", 1},
		{"country:peru", "meta", "About Peru&#39;s coca.", 0},
		{`"coca"`, "empty", "", 0},
	} {
		res := mustSearch(t, idx, Query{Text: tc.q})
		for _, h := range res.Hits {
			if h.ID != tc.id {
				continue
			}
			if tc.want == "" {
				if len(h.Snippets) != 0 {
					t.Errorf("%s: snippets %v, want none", tc.id, h.Snippets)
				}
				continue
			}
			if len(h.Snippets) != 1 || string(h.Snippets[0].HTML) != tc.want || h.Snippets[0].Paragraph != tc.para {
				t.Errorf("%s: snippets %+v, want one %q (paragraph %d)", tc.id, h.Snippets, tc.want, tc.para)
			}
		}
	}
}

func TestSnippetPhraseAndPrefix(t *testing.T) {
	idx := mustBuildIndex(t, Record{ID: "a", Language: "en", Title: "Harm reduction",
		Paragraphs: []string{"Harm reduction works; reducing harm is the aim of harmful-use services."}})
	for _, tc := range []struct {
		q    string
		want []string
	}{
		// Words are marked by their stems: "reducing" (reduc) is not
		// "reduction" (reduct), "harmful" is "harm".
		{`"harm reduction"`, []string{"Harm", "reduction", "harm", "harmful"}},
		{`harm*`, []string{"Harm", "harm", "harmful"}},
		{`-cannabis reduction`, []string{"reduction"}},
	} {
		sn := mustSearch(t, idx, Query{Text: tc.q}).Hits[0].Snippets
		if got := marked(string(sn[0].HTML)); strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("Search(%s): marked %q, want %q", tc.q, got, tc.want)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestSnippetPrefersPhraseParagraphs(t *testing.T) {
	idx := mustBuildIndex(t, Record{ID: "a", Language: "en", Title: "T", Paragraphs: []string{
		"The leaf of the plant, and coca in the market, and leaf again.",
		"Chewing the coca leaf is legal here.",
		"Coca and leaf and coca and leaf.",
	}})
	sn := mustSearch(t, idx, Query{Text: `"coca leaf"`, Snippets: 1}).Hits[0].Snippets
	if len(sn) != 1 || sn[0].Paragraph != 2 {
		t.Errorf("snippets = %+v, want paragraph 2 (the one with the phrase)", sn)
	}
}

// TestMatchesAgreeWithAnalysis checks the shortcuts of matches (the probe
// test, word runs in ASCII text, single-token analysis otherwise) against
// the plain way: analyse the whole text and keep the tokens whose term is
// a query term. Every paragraph of the demo corpus, in every language
// group, for queries built from its own words.
func TestMatchesAgreeWithAnalysis(t *testing.T) {
	idx := fixtureIndex(t)
	g := acquired(t, idx)
	files, _ := filepath.Glob("../testdata/corpus/*/*.txt")
	html, _ := filepath.Glob("../testdata/corpus/*/*.html")
	var texts []string
	for _, f := range append(files, html...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	texts = append(texts, "Don't eradicate U.S. coca: 1,000 ha in Perú’s north; l'État's policies.")
	queries := [][]string{
		{"coca", "eradicate"}, {"policy", "drug"}, {"Perú", "state"}, {"don't", "1,000"},
		{"harm reduction", "prison"}, {"politica", "drogas", "erradicación"}, {"état", "politique"},
	}
	checked := 0
	for _, grp := range langGroups {
		a := g.analyzer(grp)
		for _, words := range queries {
			h := newHighlighter(g, words, nil)
			terms := h.termsFor(grp)
			for _, text := range texts {
				var want []span
				for _, tok := range a.Analyze([]byte(text)) {
					if terms[string(tok.Term)] {
						want = append(want, span{tok.Start, tok.End, string(tok.Term)})
					}
				}
				got := h.matches(text, grp)
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Fatalf("group %s, words %q, text %q:\n got %v\nwant %v", grp, words, text, got, want)
				}
				checked += len(want)
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d matches checked; the test texts do not exercise matches", checked)
	}
}
