package indexer

import (
	"reflect"
	"testing"
)

// postText is a post's body, long enough to be the main text.
const postText = `<div class="entry-content"><p>Am Samstag trafen sich die Nachbarn im Hof, um die Beete für den
Sommer vorzubereiten. Es gab Kaffee, Kuchen und viele Fragen zur richtigen Erde, zum Kompost und zu den
Schnecken, die im letzten Jahr fast alle Salate gefressen hatten.</p><p>Am Ende stand ein Plan: jede Familie
übernimmt ein Beet, und wer im Urlaub ist, sagt rechtzeitig Bescheid, damit jemand anderes gießt. Die
Kinder bekommen ein eigenes Beet mit Erdbeeren und Sonnenblumen.</p></div>`

// Author-marked elements are read wherever the post puts them: in its
// footer after the text, in its header, in an author box; not in
// comments, sidebars or a site credit.
func TestMarkedAuthors(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"user name in a post footer after the text",
			`<article><h1>Beete im Hof</h1>` + postText + `<footer class="entry-footer"><span class="byline">Veröffentlicht von
			<span class="author vcard"><a class="url fn n" href="/author/gartenzwerg77/" rel="author">gartenzwerg77</a></span></span></footer></article>`,
			[]string{"gartenzwerg77"}},
		{"a user name before its date",
			`<article><h1>Beete im Hof</h1>` + postText + `<div class="submitted">Gespeichert von <span class="username
			author">hofgruen</span> am 24. Juli 2017 - 18:55</div></article>`,
			[]string{"hofgruen"}},
		{"a page-wide class naming the author does not hide the byline",
			`<div class="single-author has-sidebar"><article><h1>Beete im Hof</h1><div class="entry-meta">von
			<span class="author vcard"><a href="/author/hofgruen/">hofgruen</a></span></div>` + postText + `</article>
			<div class="widget recent-comments"><span class="comment-author-link">Lotte Beispiel</span></div></div>`,
			[]string{"hofgruen"}},
		{"an author box after the text gives the name, not the biography",
			`<article><h1>Beete im Hof</h1>` + postText + `</article><div class="author-box"><h4 class="author-name">Über
			Mira Beispiel</h4><div class="author-description">Mira Beispiel, Gärtnerin, Mutter und Bloggerin aus Kassel,
			schreibt über Beete.</div></div>`,
			[]string{"Mira Beispiel"}},
		{"a label in its own marked element",
			`<article><h1>Beete im Hof</h1>` + postText + `<ul class="article-authors"><li class="article-author-title">Artikel
			von:</li><li class="article-author">Jonas Beispiel</li></ul></article>`,
			[]string{"Jonas Beispiel"}},
		{"the element holding the name alone, whatever the name",
			`<article><h1>Beete im Hof</h1><span class="byline"><span class="author vcard">von <a class="url fn n"
			href="/?author=14">hofgruen-Team Nord</a></span></span>` + postText + `</article>`,
			[]string{"hofgruen-Team Nord"}},
		{"an acronym in a name element",
			`<article><h1>Beete im Hof</h1><span class="byline">by <span class="author-name">HGN</span></span>` + postText + `</article>`,
			[]string{"HGN"}},
		{"the author's itemprop name, not the publisher's beside it",
			`<article><h1>Beete im Hof</h1>` + postText + `<div class="article-autor">Text: <span itemprop="author">Lena
			Beispiel</span> / <span itemprop="publisher" itemscope><span itemprop="name">hofblatt.de</span></span></div></article>`,
			[]string{"Lena Beispiel"}},
		{"a label for screen readers and a label glued to the name",
			`<article><h1>Beete im Hof</h1><div class="post-author"><span class="screen-reader-text">Post author</span>
			<span>Geschrieben vonElisa Beispiel</span></div>` + postText + `</article>`,
			[]string{"Elisa Beispiel"}},
		{"a social-media handle beside the name",
			`<article><h1>Beete im Hof</h1><div class="post-author-name">Por <a href="/author/lb/">Luis Beispiel @lbeispiel</a></div>` +
				postText + `</article>`,
			[]string{"Luis Beispiel"}},
		{"the post's container classed as a widget is not a sidebar",
			`<div class="widget Blog"><article><h1>Beete im Hof</h1>` + postText + `<div class="post-footer"><span
			class="post-author vcard">Eingestellt von <span class="fn">der Gärtner</span></span></div></article></div>`,
			[]string{"der Gärtner"}},
		{"a labelled byline in a post footer without author markup",
			`<div class="post"><article><h1>Beete im Hof</h1>` + postText + `</article><footer class="footer article-footer"><ul>
			<li><span>Author: </span><span>Jacopo Beispiel</span></li><li><span>Published: </span>03 Dec 2019</li></ul></footer></div>`,
			[]string{"Jacopo Beispiel"}},
		{"a byline named in data-testid, its dateline's weekday dropped",
			`<article><h1>Beete im Hof</h1><div data-testid="prism-byline"><span>By</span> <span><a href="/team/ab">Alex
			Beispiel</a></span> <span>Thursday, April 25, 2024</span></div>` + postText + `</article>`,
			[]string{"Alex Beispiel"}},
		{"an authorname class",
			`<article><h1>Beete im Hof</h1><span class="authorname-txt">Anna Beispiel</span>` + postText + `</article>`,
			[]string{"Anna Beispiel"}},
		{"comment authors are not the post's authors",
			`<article><h1>Beete im Hof</h1>` + postText + `</article><ol class="comment-list"><li class="comment"><span
			class="author-name">Tobias Beispiel</span><p>Schöner Plan!</p></li></ol>`,
			nil},
		{"a newsroom's initials are not a name",
			`<article><h1>Beete im Hof</h1><p class="article-author">amw</p>` + postText + `</article>`,
			nil},
		{"a source credit is not a byline",
			`<article><h1>Beete im Hof</h1>` + postText + `<div class="backlink-author">Quelle: sid/dpa</div></article>`,
			nil},
		{"a site credit in the footer is not a byline",
			`<article><h1>Beete im Hof</h1>` + postText + `</article><div class="author">Gemacht in Kassel mit Liebe von
			Beispielwerk</div>`,
			nil},
	}
	for _, tt := range tests {
		if got := extractOne(t, page("", tt.body)).Authors; !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: authors = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestIsHandle(t *testing.T) {
	for s, want := range map[string]bool{"gizzmo": true, "freeman1984": true, "r23": true, "uriebe": true,
		"amw": false, "red": false, "Twitter": false, "two words": false, "منوعات": false, "a": false} {
		if got := isHandle(s); got != want {
			t.Errorf("isHandle(%q) = %v, want %v", s, got, want)
		}
	}
}

// A name only the page's metadata gives, shown nowhere on the page, is a
// site owner's account, not the author; the byline shown replaces it.
func TestUnseenMetaAuthor(t *testing.T) {
	newsLD := `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Beete im Hof",
		"author":{"@type":"Person","name":"hofgruen"}}</script>`
	tests := []struct {
		name, head, body string
		want             []string
	}{
		{"meta author shown nowhere", `<meta name="author" content="Pixelwerk Beispiel">`,
			`<article><h1>Beete im Hof</h1>` + postText + `</article>`, nil},
		{"meta author shown in the text", `<meta name="author" content="Mira Beispiel">`,
			`<article><h1>Beete im Hof</h1>` + postText + `<p>Mira Beispiel</p></article>`, []string{"Mira Beispiel"}},
		{"the byline shown replaces the unseen name", `<meta name="author" content="Pixelwerk Beispiel">`,
			`<article><h1>Beete im Hof</h1><p class="byline">Von <span class="author">Jonas Beispiel</span></p>` +
				postText + `</article>`, []string{"Jonas Beispiel"}},
		{"a name only in an element styled invisible", `<meta name="author" content="hofgruen">`,
			`<article><h1>Beete im Hof</h1>` + postText + `</article><div class="author vcard" style="display: none">
			<span class="fn">hofgruen</span></div>`, nil},
		{"a user name typed as author in JSON-LD, shown nowhere",
			`<script type="application/ld+json">{"@type":"Article","author":{"@type":"Person","name":"hofgruen"}}</script>`,
			`<article><h1>Beete im Hof</h1>` + postText + `</article>`, nil},
		{"a person's full name typed as author in JSON-LD stands unseen",
			`<script type="application/ld+json">{"@type":"Article","author":{"@type":"Person","name":"Mira Beispiel"}}</script>`,
			`<article><h1>Beete im Hof</h1>` + postText + `</article>`, []string{"Mira Beispiel"}},
		{"a news article keeps its metadata's author", newsLD,
			`<article><h1>Beete im Hof</h1>` + postText + `</article>`, []string{"hofgruen"}},
	}
	for _, tt := range tests {
		if got := extractOne(t, page(tt.head, tt.body)).Authors; !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: authors = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// Outside news, the site's own name in the metadata signs every page, and
// people labelling pages judge that such a page has no author; a byline
// showing the site's name makes it the author.
func TestSiteSigningOutsideNews(t *testing.T) {
	head := `<meta property="og:site_name" content="Hofblatt"><meta name="author" content="Hofblatt">`
	tests := []struct {
		name, body string
		want       []string
	}{
		{"the site's name in the metadata and the logo",
			`<div class="logo">Hofblatt</div><article><h1>Beete im Hof</h1>` + postText + `</article>`, nil},
		{"the site's name in the byline",
			`<div class="logo">Hofblatt</div><article><h1>Beete im Hof</h1><p class="byline">Von <span class="author">Hofblatt</span></p>` +
				postText + `</article>`, []string{"Hofblatt"}},
	}
	for _, tt := range tests {
		if got := extractOne(t, page(head, tt.body)).Authors; !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: authors = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// A piece signed at its end: a labelled byline among the last blocks of
// the main text, or the author field of a block of labelled fields.
func TestClosingByline(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"a text credit after the text",
			`<article><h1>Beete im Hof</h1>` + postText + `<p><strong>Text:</strong> Klaus Beispiel</p><p>Fotos: Ina Muster, Olaf Muster</p></article>`,
			[]string{"Klaus Beispiel"}},
		{"a signature with the author's role",
			`<article><h1>Beete im Hof</h1>` + postText + `<p><strong>Autorin: Uta Beispiel, Projektleiterin der Stiftung in Kassel.</strong></p></article>`,
			[]string{"Uta Beispiel"}},
		{"a blog post signed at its end",
			`<article><h1>Beete im Hof</h1>` + postText + `<p>Blog Beitrag von Margit Beispiel</p></article>`,
			[]string{"Margit Beispiel"}},
		{"a sentence starting with Von is not a byline",
			`<article><h1>Beete im Hof</h1>` + postText + postText + `<p>Von den Höfen ringsum kaufte der Verein noch Erde, Kompost und Samen.</p></article>`,
			nil},
		{"the author field of a block of labelled fields",
			`<article><h1>Beete im Hof</h1>` + postText + `<div class="articleAuthorDateBlock">Datum: 19.11.2021<br>Autor: Fritz
			Beispiel<br>Quelle: Hofblatt</div></article>`,
			[]string{"Fritz Beispiel"}},
	}
	for _, tt := range tests {
		if got := extractOne(t, page("", tt.body)).Authors; !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: authors = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// A dateline that leads into a byline.
func TestDatedByline(t *testing.T) {
	tests := []struct {
		line string
		want []string
	}{
		{"06.11.2023 13:30 von Olga Beispiel", []string{"Olga Beispiel"}},
		{"05.02.2020 - Redaktion: Eberhard Beispiel (Pressesprecher)", []string{"Eberhard Beispiel"}},
		{"04.02.2022 | 13:10 Uhr | Uta Beispiel", []string{"Uta Beispiel"}},
		{"25.10.2022 - Reiner Beispiel", []string{"Reiner Beispiel"}},
		{"25.10.2022 - Paid Content", nil},
		{"25.10.2022 - Neue Regeln für Beete", nil},
		{"Am 25.10.2022 trafen sich Ana Beispiel und Luis Muster", nil},
	}
	for _, tt := range tests {
		got, _ := parseByline(tt.line)
		if got = cleanAuthorList(got, false); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseByline(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

// A news dateline names the agency that wrote the piece when nothing else
// names an author.
func TestDatelineAgency(t *testing.T) {
	lead := ` – Der Verein hat am Samstag die Beete im Hof verteilt, nachdem die Nachbarn sich lange über Erde,
		Kompost und Schnecken gestritten hatten, und will im Herbst Bilanz ziehen.</p>`
	tests := []struct {
		name, body string
		want       []string
	}{
		{"agency codes", `<article><h1>Beete im Hof</h1><p>Hamburg (dpa/lno)` + lead + postText + `</article>`, []string{"dpa/lno"}},
		{"an acronym", `<article><h1>Beete im Hof</h1><p>Kassel (AFP)` + lead + postText + `</article>`, []string{"AFP"}},
		{"a place in brackets is no agency", `<article><h1>Beete im Hof</h1><p>Kassel (Hessen)` + lead + postText + `</article>`, nil},
	}
	for _, tt := range tests {
		if got := extractOne(t, page("", tt.body)).Authors; !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: authors = %q, want %q", tt.name, got, tt.want)
		}
	}
}
