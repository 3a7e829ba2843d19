package indexer

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// page builds a small HTML document from head and body parts.
func page(head, body string) string {
	return "<!DOCTYPE html><html><head><meta charset=utf-8>" + head + "</head><body>" + body + "</body></html>"
}

func extractOne(t testing.TB, src string) Record {
	t.Helper()
	recs, err := Extract("doc.html", []byte(src), Options{})
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	return recs[0]
}

// Each source gives a different value; removing them one by one from the
// top must hand each field to the next source in the trust order.
func TestHTMLTrustOrder(t *testing.T) {
	citation := `<meta name="citation_title" content="Citation Title">
<meta name="citation_author" content="Citation, Ann">
<meta name="citation_publication_date" content="2001/02/03">
<meta name="citation_series_title" content="Citation Briefing">
<meta name="citation_technical_report_number" content="1">
<meta name="citation_language" content="fr">`
	jsonld := `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Report","headline":"JSON-LD Title",
"author":{"@type":"Person","name":"Jason Ld"},"datePublished":"2002-03-04","isPartOf":{"@type":"CreativeWorkSeries","name":"Joint Papers"},
"reportNumber":"2","inLanguage":"de"}</script>`
	dc := `<meta name="DC.title" content="DC Title"><meta name="dc.creator" content="Core, Dublin"><meta name="DCTERMS.date" content="2003-04-05">
<meta name="dc.language" content="nl">`
	og := `<meta property="og:title" content="OG Title"><meta property="article:author" content="Open Graph">
<meta property="article:published_time" content="2004-05-06T10:00:00Z"><meta property="og:locale" content="pt_BR">`
	basic := `<meta name="author" content="Meta Author"><title>Tag Title | Site</title><meta property="og:site_name" content="Site">`
	body := `<article><h1>Visible Title</h1><p>By Visible Writer</p><p>7 August 2007</p><p>Visible Series Briefing 7</p>
<p><time datetime="2006-06-06">June</time> This is the text of the page, long enough to be a paragraph of its own.</p></article>`
	tests := []struct {
		name                              string
		head                              string
		title, author, date, series, lang string
		number                            int
	}{
		{"citation", citation + jsonld + dc + og + basic, "Citation Title", "Ann Citation", "2001-02-03", "Citation Briefing", "fr", 1},
		{"json-ld", jsonld + dc + og + basic, "JSON-LD Title", "Jason Ld", "2002-03-04", "Joint Papers", "de", 2},
		{"dublin core", dc + og + basic, "DC Title", "Dublin Core", "2003-04-05", "Visible Series Briefing", "nl", 7},
		// og:title is written for sharing; where the page shows another
		// heading, readers (and people labelling pages) know it by that.
		{"opengraph", og + basic, "Visible Title", "Open Graph", "2004-05-06", "Visible Series Briefing", "pt", 7},
		{"meta tags", basic, "Visible Title", "Meta Author", "2006-06-06", "Visible Series Briefing", "en", 7},
		{"visible text", "", "Visible Title", "Visible Writer", "2007-08-07", "Visible Series Briefing", "en", 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := body
			if tt.name == "visible text" {
				b = strings.Replace(b, `<time datetime="2006-06-06">June</time>`, "", 1)
			}
			r := extractOne(t, page(tt.head, b))
			got := []any{r.Title, r.Authors, r.Date, r.Series, r.Number, r.Language}
			want := []any{tt.title, []string{tt.author}, tt.date, tt.series, tt.number, tt.lang}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("title, authors, date, series, number, language =\n%q\nwant\n%q", got, want)
			}
		})
	}
}

func TestHTMLTitleCleanup(t *testing.T) {
	tests := []struct{ head, body, want string }{
		// Entities escaped twice by the CMS.
		{`<meta property="og:title" content="Coca&amp;#8217;s &amp;quot;Future&amp;quot;">`, "", "Coca’s \"Future\""},
		// A suffix the visible heading lacks goes, even with an unknown site.
		{`<meta property="og:title" content="Steady Policy | Section">`, "<h1>Steady Policy</h1>", "Steady Policy"},
		{`<meta property="og:title" content="Steady Policy: A Review">`, "<h1>Steady Policy</h1>", "Steady Policy: A Review"},
	}
	for _, tt := range tests {
		r := extractOne(t, page(tt.head, tt.body+"<p>Body text that is long enough to count as the paragraph here.</p>"))
		if r.Title != tt.want {
			t.Errorf("Title with %s = %q, want %q", tt.head, r.Title, tt.want)
		}
	}
}

func TestHTMLTitleFallsBackToTitleTag(t *testing.T) {
	r := extractOne(t, page(`<title>Only the Tag | Drug Policy Institute</title><meta property="og:site_name" content="Drug Policy Institute">`,
		`<p>Some body text that is long enough to count as a paragraph here.</p>`))
	if r.Title != "Only the Tag" {
		t.Errorf("Title = %q", r.Title)
	}
}

func TestJSONLDShapes(t *testing.T) {
	tests := []struct {
		name, ld string
		check    func(t *testing.T, r Record)
	}{
		{"graph with references", `{"@context":"https://schema.org","@graph":[
  {"@type":"WebSite","@id":"#site","name":"Drug Policy Site"},
  {"@type":"WebPage","@id":"#page","isPartOf":{"@id":"#site"}},
  {"@type":["ScholarlyArticle"],"headline":"Graph Article","author":[{"@id":"#p1"},{"@type":"Person","givenName":"Luis","familyName":"Gómez"}],
   "datePublished":"2010-01-02T23:00:00-05:00","isPartOf":{"@id":"#series"},"issueNumber":9,"inLanguage":{"@type":"Language","name":"Spanish","alternateName":"es"},
   "publisher":{"@id":"#org"},"keywords":["coca","policy"],"spatialCoverage":[{"@type":"Country","name":"Perú"},"Bolivia"]},
  {"@type":"Person","@id":"#p1","name":"Pérez, Ana"},
  {"@type":"CreativeWorkSeries","@id":"#series","name":"IDPR Working Papers"},
  {"@type":"Organization","@id":"#org","name":"Drug Policy Site"}]}`,
			func(t *testing.T, r Record) {
				want := Record{Title: "Graph Article", Authors: []string{"Ana Pérez", "Luis Gómez"}, Date: "2010-01-02", Year: 2010,
					Series: "Working Papers", Number: 9, Language: "es", Publisher: "Drug Policy Site", Keywords: []string{"coca", "policy"},
					Countries: []string{"Peru", "Bolivia"}, Kind: KindPaper}
				got := Record{Title: r.Title, Authors: r.Authors, Date: r.Date, Year: r.Year, Series: r.Series, Number: r.Number,
					Language: r.Language, Publisher: r.Publisher, Keywords: r.Keywords, Countries: r.Countries, Kind: r.Kind}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("got  %+v\nwant %+v", got, want)
				}
			}},
		{"one name holding several", `{"@type":"NewsArticle","headline":"H","author":{"@type":"Person","name":"Ana Pérez und Luis Gómez, dpa"}}`,
			func(t *testing.T, r Record) {
				if !reflect.DeepEqual(r.Authors, []string{"Ana Pérez", "Luis Gómez", "dpa"}) {
					t.Errorf("Authors = %q", r.Authors)
				}
			}},
		{"array with author strings", `[{"@type":"BreadcrumbList"},{"@type":"NewsArticle","name":"Array Article","author":"Ana Pérez and Luis Gómez","dateCreated":"2011-05"}]`,
			func(t *testing.T, r Record) {
				if r.Title != "Array Article" || !reflect.DeepEqual(r.Authors, []string{"Ana Pérez", "Luis Gómez"}) || r.Date != "2011-05" {
					t.Errorf("got %q %q %q", r.Title, r.Authors, r.Date)
				}
			}},
		{"opinion type", `{"@type":"OpinionNewsArticle","headline":"A View","author":{"@type":"Person","name":"Ana Pérez"}}`,
			func(t *testing.T, r Record) {
				if r.Kind != KindOpinion || !reflect.DeepEqual(r.Authors, []string{"Ana Pérez"}) {
					t.Errorf("Kind, Authors = %q, %q; want opinion by Ana Pérez", r.Kind, r.Authors)
				}
			}},
		{"organisation on a report is the publisher", `{"@type":"Report","headline":"A View","articleSection":"Opinion","author":{"@type":"Organization","name":"Some Institute"}}`,
			func(t *testing.T, r Record) {
				if r.Kind != KindOpinion || r.Authors != nil {
					t.Errorf("Kind, Authors = %q, %q; want opinion and no organisation as author", r.Kind, r.Authors)
				}
			}},
		{"organisation on a news article is a newsroom byline", `{"@type":"NewsArticle","headline":"H","author":{"@type":"Organization","name":"Example News"},"publisher":{"@type":"Organization","name":"Example News"}}`,
			func(t *testing.T, r Record) {
				if !reflect.DeepEqual(r.Authors, []string{"Example News"}) {
					t.Errorf("Authors = %q, want the newsroom", r.Authors)
				}
			}},
		{"agency beside a person on a news article", `{"@type":"NewsArticle","headline":"H","author":[{"@type":"Person","name":"Ana Pérez"},{"@type":"Organization","name":"Reuters"}],"publisher":{"@type":"Organization","name":"Example News"}}`,
			func(t *testing.T, r Record) {
				if !reflect.DeepEqual(r.Authors, []string{"Ana Pérez", "Reuters"}) {
					t.Errorf("Authors = %q, want the person and the agency", r.Authors)
				}
			}},
		{"agency typed Person is kept", `{"@type":"NewsArticle","headline":"H","author":[{"@type":"Person","name":"Ana Pérez"},{"@type":"Person","name":"AP"}]}`,
			func(t *testing.T, r Record) {
				if !reflect.DeepEqual(r.Authors, []string{"Ana Pérez", "AP"}) {
					t.Errorf("Authors = %q, want both", r.Authors)
				}
			}},
		{"an article in a later script replaces the page", `{"@type":"WebPage","name":"Page Name","author":{"@type":"Person"}}</script><script type="application/ld+json">{"@type":"NewsArticle","headline":"Article Headline","author":{"@type":"NewsMediaOrganization","name":"Example Daily"},"datePublished":"2024-09-04"}`,
			func(t *testing.T, r Record) {
				if r.Title != "Article Headline" || !reflect.DeepEqual(r.Authors, []string{"Example Daily"}) || r.Date != "2024-09-04" {
					t.Errorf("Title, Authors, Date = %q, %q, %q; want the article's", r.Title, r.Authors, r.Date)
				}
			}},
		{"second script names the author", `{"@type":"Article","headline":"H","author":{"@id":"#nobody"}}</script><script type="application/ld+json">{"@type":"NewsArticle","headline":"H","author":{"@type":"Person","name":"Ana Pérez"}}`,
			func(t *testing.T, r Record) {
				if !reflect.DeepEqual(r.Authors, []string{"Ana Pérez"}) {
					t.Errorf("Authors = %q, want the second script's", r.Authors)
				}
			}},
		{"broken json is ignored", `{"@type":"Article","headline":"Broken",}`,
			func(t *testing.T, r Record) {
				if r.Title != "Visible" {
					t.Errorf("Title = %q, want the h1", r.Title)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := extractOne(t, page(`<script type="application/ld+json">`+tt.ld+`</script>`,
				`<h1>Visible</h1><p>Body text of the page, long enough to be kept as a paragraph.</p>`))
			tt.check(t, r)
		})
	}
}

func TestHTMLExplicitCountriesLead(t *testing.T) {
	r := extractOne(t, page(`<meta name="DC.coverage" content="Ecuador; Narnia">`,
		`<h1>Coca in Colombia</h1><p>The government of Colombia sprays coca fields near the border.</p>`))
	if want := []string{"Ecuador", "Colombia"}; !reflect.DeepEqual(r.Countries, want) {
		t.Errorf("Countries = %q, want %q", r.Countries, want)
	}
}

func TestHTMLLanguage(t *testing.T) {
	tests := []struct{ head, html, body, want string }{
		{`<meta property="og:locale" content="es_ES">`, "", "Some text.", "es"},
		{`<meta http-equiv="content-language" content="pt-BR">`, "", "Some text.", "pt"},
		{"", `lang="en-GB"`, "Some text.", "en"},
		{`<meta name="DC.language" content="spa">`, "", "Some text.", "es"},
		{"", "", "El gobierno de los Estados Unidos y el de Colombia firmaron un acuerdo para la erradicación de la coca en el sur del país, que no ha dado los resultados que se esperaban.", "es"},
	}
	for _, tt := range tests {
		src := "<html " + tt.html + "><head>" + tt.head + "</head><body><h1>T</h1><p>" + tt.body + "</p></body></html>"
		if got := extractOne(t, src).Language; got != tt.want {
			t.Errorf("language of %s %s = %q, want %q", tt.head, tt.html, got, tt.want)
		}
	}
}

func TestHTMLOpinion(t *testing.T) {
	tests := []struct{ name, src string }{
		{"label above title", page("", `<article><p class="label">Opinion</p><h1>We Must Act</h1><p>Text of the piece goes here, long enough.</p></article>`)},
		{"label in a meta line", page("", `<article><h1>We Must Act</h1><p>Commentary | 3 May 2010</p><p>Text of the piece goes here.</p></article>`)},
		{"article:section", page(`<meta property="article:section" content="Opinion">`, `<h1>We Must Act</h1><p>Text.</p>`)},
		{"class", page("", `<article class="post opinion"><h1>We Must Act</h1><p>Text.</p></article>`)},
	}
	for _, tt := range tests {
		if r := extractOne(t, tt.src); r.Kind != KindOpinion {
			t.Errorf("%s: Kind = %q, want opinion", tt.name, r.Kind)
		}
	}
	// A series wins over an opinion label.
	r := extractOne(t, page("", `<article><p>Opinion</p><h1>We Must Act</h1><p>Drug Policy Briefing 3</p><p>Text.</p></article>`))
	if r.Kind != KindBriefing {
		t.Errorf("Kind = %q, want briefing", r.Kind)
	}
}

func TestHTMLChromeRemoved(t *testing.T) {
	src := page(`<title>Chrome Test</title>`, `
<div id="cookie-consent"><p>We use cookies on this site.</p><button>Accept all cookies</button></div>
<header class="site-header"><div class="logo">Site Name</div><nav><a href="/">Home</a><a href="/p">Publications page</a></nav></header>
<div class="breadcrumb"><a href="/">Home</a> › Briefings</div>
<a class="skip-link" href="#c">Skip to content</a>
<main id="c"><article>
<h1>The Real Title</h1>
<p>The first real paragraph of the article, with enough words to be the main text.</p>
<div class="share-buttons"><a>Share on Twitter</a></div>
<p>The second real paragraph of the article, also long enough to be counted.</p>
<div class="newsletter-signup"><p>Subscribe to our newsletter</p></div>
<div hidden><p>Hidden text</p></div>
<div style="display: none"><p>Invisible text</p></div>
<noscript>Enable JavaScript</noscript>
<svg><text>Vector text</text></svg>
<div class="read-more"><a>Read more about this topic</a></div>
<section class="comments"><p>A reader comment</p></section>
</article></main>
<aside><h2>Related publications</h2><ul><li><a>Another paper</a></li></ul></aside>
<div role="complementary"><p>Complementary box</p></div>
<div class="widget"><p>Widget text</p></div>
<footer><p>Copyright footer text</p></footer>`)
	r := extractOne(t, src)
	text := r.Text()
	for _, bad := range []string{"cookies", "Home", "Site Name", "Briefings", "Skip to content", "Share on Twitter",
		"newsletter", "Hidden text", "Invisible text", "Enable JavaScript", "Vector text", "Read more", "reader comment",
		"Related publications", "Another paper", "Complementary box", "Widget text", "Copyright"} {
		if strings.Contains(text, bad) {
			t.Errorf("text holds %q", bad)
		}
	}
	want := []string{"The first real paragraph of the article, with enough words to be the main text.",
		"The second real paragraph of the article, also long enough to be counted."}
	if !reflect.DeepEqual(r.Paragraphs, want) {
		t.Errorf("Paragraphs = %q, want %q (title not repeated)", r.Paragraphs, want)
	}
}

func TestHTMLChromeClassOnContentKept(t *testing.T) {
	// Old sites wrap the whole page in a form; some articles carry a
	// "share" class. Neither may take the text with it.
	src := page("", `<form id="aspnetForm"><div class="share-enabled-article share"><h1>Wrapped</h1>
<p>This page is wrapped in a form, as ASP.NET sites do, and its text must survive the chrome filter, however its wrappers are named.</p>
<p>A second paragraph so that the wrapper clearly holds the content of the page, which is all there is.</p></div></form>`)
	r := extractOne(t, src)
	if r.Title != "Wrapped" || len(r.Paragraphs) != 2 {
		t.Errorf("Title, Paragraphs = %q, %q", r.Title, r.Paragraphs)
	}
}

func TestHTMLMainByDensity(t *testing.T) {
	src := page("", `<table><tr><td id="left"><a href="/a">Link one</a><br><a href="/b">Link two</a><br>
<p>Short box</p></td><td id="right"><h1>Table Layout Page</h1>
<p>The main text of an old table-layout page, with sentences long enough to count as paragraphs.</p>
<p>Another paragraph of the main text, which makes this cell the densest element of the page.</p>
<p>And a third one, for good measure, written in the same plain style.</p></td></tr></table>`)
	r := extractOne(t, src)
	if len(r.Paragraphs) != 3 || strings.Contains(r.Text(), "Link one") || strings.Contains(r.Text(), "Short box") {
		t.Errorf("Paragraphs = %q", r.Paragraphs)
	}
}

func TestHTMLParagraphs(t *testing.T) {
	src := page("", `<article><h1>Blocks</h1>
<p>First line<br>same paragraph</p>
<div>Loose text in a div<br><br>after a double break</div>
<ul><li>Item one</li><li>Item <b>two</b></li></ul>
<blockquote>A quotation</blockquote>
<pre>code   block</pre>
<table><tr><th>Year</th><th>Hectares</th></tr><tr><td>2004</td><td>50,300</td></tr></table>
<h2>Sub   heading</h2>
<p>  </p>
</article>`)
	r := extractOne(t, src)
	want := []string{"First line same paragraph", "Loose text in a div", "after a double break", "Item one", "Item two",
		"A quotation", "code   block", "Year | Hectares", "2004 | 50,300", "Sub heading"} // code keeps its spaces
	if !reflect.DeepEqual(r.Paragraphs, want) {
		t.Errorf("Paragraphs =\n%q\nwant\n%q", r.Paragraphs, want)
	}
}

func TestHTMLVisibleSpanish(t *testing.T) {
	src := page(`<title>x</title>`, `<main><p class="serie">Informe sobre Políticas de Drogas n.º 12</p><h1>La coca en el Perú</h1>
<p>Autores: Ana Pérez y Luis Gómez</p><p>14 de marzo de 2005</p>
<p>El cultivo de la coca en el Perú no es un delito según la ley nacional, pero las familias campesinas sufren la erradicación forzosa y la persecución del Estado.</p></main>`)
	r := extractOne(t, src)
	got := []any{r.Title, r.Authors, r.Date, r.Series, r.Number, r.Kind, r.Language, r.Countries}
	want := []any{"La coca en el Perú", []string{"Ana Pérez", "Luis Gómez"}, "2005-03-14", "Informe sobre Políticas de Drogas", 12, KindBriefing, "es", []string{"Peru"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestHTMLBylineMarkup(t *testing.T) {
	src := page("", `<article><h1>Marked</h1><div class="meta"><span class="author-name">Jelsma, Martin</span></div>
<p>Text of the article, long enough to count as a paragraph of its own here.</p>
<div class="author-bio"><p class="author">Tom Blickman is a researcher.</p></div></article>`)
	if r := extractOne(t, src); !reflect.DeepEqual(r.Authors, []string{"Martin Jelsma"}) {
		t.Errorf("Authors = %q", r.Authors)
	}
}

func TestHTMLAbstract(t *testing.T) {
	long := strings.Repeat("word ", 120)
	r := extractOne(t, page("", `<article><h1>T</h1><p>By Ann Writer</p><p>Short.</p><p>`+long+`</p></article>`))
	if !strings.HasPrefix(r.Abstract, "word word") || len(r.Abstract) > 410 || !strings.HasSuffix(r.Abstract, "…") {
		t.Errorf("Abstract = %q, want the first real paragraph cut near 400 bytes", r.Abstract)
	}
	r = extractOne(t, page(`<meta name="description" content="The <b>meta</b> description.">`, `<h1>T</h1><p>`+long+`</p>`))
	if r.Abstract != "The meta description." {
		t.Errorf("Abstract = %q", r.Abstract)
	}
}

func TestHTMLURLs(t *testing.T) {
	r := extractOne(t, page(`<link rel="canonical" href="https://x.org/canon"><meta property="og:url" content="https://x.org/og">
<meta name="citation_pdf_url" content="https://x.org/a.pdf">`, `<h1>T</h1><p>Text.</p>`))
	if r.URL != "https://x.org/canon" || r.PDFURL != "https://x.org/a.pdf" {
		t.Errorf("URL, PDFURL = %q, %q", r.URL, r.PDFURL)
	}
	r = extractOne(t, page(`<meta name="citation_abstract_html_url" content="https://x.org/cite"><meta property="og:url" content="https://x.org/og">`, `<h1>T</h1><p>Text.</p>`))
	if r.URL != "https://x.org/og" {
		t.Errorf("URL = %q, want og:url before the citation URL", r.URL)
	}
}

func TestLimitNesting(t *testing.T) {
	shallow := "<div><p>a</p></div>"
	if got := limitNesting(shallow); got != shallow {
		t.Errorf("limitNesting changed a shallow page: %q", got)
	}
	deep := strings.Repeat("<div>", 2000) + "x" + strings.Repeat("</div>", 2000) + "<p>after</p>"
	got := limitNesting(deep)
	if n := strings.Count(got, "<div>"); n != maxNesting {
		t.Errorf("limitNesting kept %d divs, want %d", n, maxNesting)
	}
	if !strings.Contains(got, "x") || !strings.HasSuffix(got, "<p>after</p>") {
		t.Errorf("limitNesting lost text")
	}
}

func BenchmarkExtractHTML(b *testing.B) {
	data, err := os.ReadFile("../testdata/corpus/briefings/DPB-11 Broken Promises.html")
	if err != nil {
		data = []byte(page(`<title>Bench</title>`, "<article><h1>Bench</h1>"+strings.Repeat("<p>Some text about coca in Peru and Bolivia, and the policy of eradication.</p>", 40)+"</article>"))
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Extract("bench.html", data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestHTMLMetaDateKeys(t *testing.T) {
	for _, key := range []string{"date", "pubdate", "publishdate", "publish-date", "publication_date", "sailthru.date"} {
		r := extractOne(t, page(`<meta name="`+key+`" content="2024-04-24">`,
			`<h1>Title</h1><p>Body text that is long enough to count as the paragraph here.</p>`))
		if r.Date != "2024-04-24" {
			t.Errorf("meta %s: Date = %q, want 2024-04-24", key, r.Date)
		}
	}
}

func TestHTMLDateFromURL(t *testing.T) {
	body := `<h1>Coca in the Andes</h1><p>Text of the briefing.</p>`
	r := extractOne(t, page(`<link rel="canonical" href="https://x.org/2019/03/14/coca">`, body))
	if r.Date != "2019-03-14" || r.Year != 2019 {
		t.Errorf("Date, Year = %q, %d, want the canonical address's 2019-03-14", r.Date, r.Year)
	}
	// Metadata outrank the address.
	r = extractOne(t, page(`<link rel="canonical" href="https://x.org/2019/03/14/coca">
<meta property="article:published_time" content="2019-03-15T08:00:00+01:00">`, body))
	if r.Date != "2019-03-15" {
		t.Errorf("Date = %q, want article:published_time's 2019-03-15", r.Date)
	}
	// The address makes a month from the text precise.
	r = extractOne(t, page(`<meta property="og:url" content="https://x.org/2019/03/14/coca">`,
		`<h1>Coca in the Andes</h1><p>March 2019</p><p>Text of the briefing.</p>`))
	if r.Date != "2019-03-14" {
		t.Errorf("Date = %q, want the text's March 2019 made precise by the address", r.Date)
	}
}
