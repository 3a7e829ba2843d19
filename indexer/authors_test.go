package indexer

import (
	"reflect"
	"testing"
)

// Each case is a small news page; the text is long enough to be the main
// container's paragraph.
func TestHTMLAuthorsRules(t *testing.T) {
	const text = `<p>The council passed the budget after a long night of debate, and the opposition promised to fight on in the courts and in the streets until the next election.</p>`
	// A news article says so in JSON-LD; a site or desk signing it is kept
	// even when the page does not show it (see unseenAuthors).
	news := `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Budget passed"}</script>`
	site := `<meta property="og:site_name" content="Example Zeitung">` + news
	tests := []struct {
		name, head, body string
		want             []string
	}{
		{"site as meta author yields to the byline",
			site + `<meta name="author" content="Example Zeitung">`,
			`<article><h1>Budget passed</h1><p class="meta">von Max Muster</p>` + text + `</article>`,
			[]string{"Max Muster"}},
		{"site as meta author, nobody else named",
			site + `<meta name="author" content="Example Zeitung">`,
			`<article><h1>Budget passed</h1>` + text + `</article>`,
			[]string{"Example Zeitung"}},
		{"domain as meta author yields to a byline with a place",
			site + `<meta name="author" content="example-zeitung.de">`,
			`<article><h1>Budget passed</h1><p>Von: Max Muster, Frankfurt</p>` + text + `</article>`,
			[]string{"Max Muster"}},
		{"desk named after the site",
			`<meta property="og:site_name" content="XYZ">`,
			`<article><h1>Budget passed</h1><p class="author">von Max Muster, XYZ THÜRINGEN</p>` + text + `</article>`,
			[]string{"Max Muster"}},
		{"analytics author tag after the site",
			site + `<meta name="author" content="Example Zeitung"><meta name="cxenseparse:author" content="dpa">`,
			`<article><h1>Budget passed</h1>` + text + `</article>`,
			[]string{"dpa"}},
		{"e-mail as meta author",
			`<meta name="author" content="m.muster@example.de">`,
			`<article><h1>Budget passed</h1><p>Von Max Muster</p>` + text + `</article>`,
			[]string{"Max Muster"}},
		{"slug as author tag",
			`<meta name="parsely-author" content="max-muster">`,
			`<article><h1>Budget passed</h1>` + text + `</article>`,
			nil},
		{"camelCase author list",
			``,
			`<article><h1>Budget passed</h1><ul class="metaInfoAuthorList"><li class="metaInfoAuthorList-item"><a href="/a/n">Nathalie Beispiel</a></li></ul>` + text + `</article>`,
			[]string{"Nathalie Beispiel"}},
		{"name read through the marked link, not the social link beside it",
			``,
			`<article><h1>Budget passed</h1><h2 class="author_name">By <a class="author" href="/a/s">Sarah Example</a><a class="author-twitter" href="/t">Twitter</a></h2>` + text + `</article>`,
			[]string{"Sarah Example"}},
		{"one marked element per author",
			``,
			`<article><h1>Budget passed</h1><div class="byline"><a href="/a">Ingrid Eksempel</a></div><div class="byline"><a href="/b">Marte Eksempel Holm</a></div>` + text + `</article>`,
			[]string{"Ingrid Eksempel", "Marte Eksempel Holm"}},
		{"names alone above the text when the metadata name only the site",
			site + `<meta name="author" content="Example Zeitung">`,
			`<article><h1>Budget passed</h1><p>Mohau Example/Lineo Sample</p>` + text + `</article>`,
			[]string{"Mohau Example", "Lineo Sample"}},
		{"but not without such metadata: a short line may be a subheading",
			``,
			`<article><h1>Budget passed</h1><p>Coca Growers Protest</p>` + text + `</article>`,
			nil},
		{"site and a reporter with a job title",
			`<meta property="og:site_name" content="한국일보"><meta name="author" content="한국일보"><meta name="author" content="신현주 기자">` + news,
			`<article><h1>예산 통과</h1>` + text + `</article>`,
			[]string{"신현주"}},
		{"username as article:author yields to the JSON-LD person",
			`<meta property="article:author" content="jdoe"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Budget passed","author":{"@type":"Person","name":"Jane Doe"}}</script>`,
			`<article><h1>Budget passed</h1>` + text + `</article>`,
			[]string{"Jane Doe"}},
		{"an affiliation inside a JSON-LD name",
			`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Budget passed","author":{"@type":"Person","name":"Povilas Example, professor at the faculty of law, example.lt"}}</script>`,
			`<article><h1>Budget passed</h1>` + text + `</article>`,
			[]string{"Povilas Example"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := extractOne(t, page(tt.head, tt.body))
			if !reflect.DeepEqual(r.Authors, tt.want) {
				t.Errorf("Authors = %q, want %q", r.Authors, tt.want)
			}
		})
	}
}

func TestIsSiteName(t *testing.T) {
	sites := []string{"Example Zeitung", "example-zeitung.de", "XYZ", "news.example.com.tr"}
	tests := []struct {
		name  string
		typed bool
		want  bool
	}{
		{"Example Zeitung", false, true},
		{"the example zeitung", false, true},
		{"example-zeitung.de", false, true},
		{"other.org", false, true}, // any bare domain is a website
		{"XYZ THÜRINGEN", false, true},
		{"XYZ THÜRINGEN", true, false}, // typed Person: trusted
		{"Redaktion example-zeitung.de", false, true},
		{"Example", false, true}, // the label of news.example.com.tr
		{"Max Muster", false, false},
		{"dpa", false, false},
	}
	for _, tt := range tests {
		if got := isSiteName(tt.name, sites, tt.typed); got != tt.want {
			t.Errorf("isSiteName(%q, typed=%v) = %v, want %v", tt.name, tt.typed, got, tt.want)
		}
	}
}

func TestSiteLabel(t *testing.T) {
	tests := []struct{ in, want string }{
		{"mdr.de", "mdr"},
		{"www.dw.com", "dw"},
		{"ntv.com.tr", "ntv"},
		{"news.orf.at", "orf"},
		{"MDR", "mdr"},
		{"Lesotho Times", ""},
	}
	for _, tt := range tests {
		if got := siteLabel(tt.in); got != tt.want {
			t.Errorf("siteLabel(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
