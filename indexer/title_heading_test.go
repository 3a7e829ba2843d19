package indexer

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestHeadingText(t *testing.T) {
	tests := []struct{ name, h1, want string }{
		{"plain", `<h1> Rains return to the valley </h1>`, "Rains return to the valley"},
		{"kicker class", `<h1><span class="article-heading__kicker">Climate</span><span class="article-heading__title">Drilling until it gets hot</span></h1>`,
			"Drilling until it gets hot"},
		{"dachzeile", `<h1> <span class="dachzeile">Nach der Wahl</span> <span class="headline">Rat tagt erneut</span> </h1>`, "Rat tagt erneut"},
		{"hidden separator after a kicker", `<h1><strong>Harbour</strong><span class="hiddenElement">:</span> Ferries stop for a week</h1>`,
			"Ferries stop for a week"},
		{"visually hidden colon", `<h1><span class="topic">Energy – prices</span><span class="invisible">: </span><span>Government caps the tariff</span></h1>`,
			"Government caps the tariff"},
		{"label badge in a forum title", `<h1><a href="/t/1"><span class="label label--blue">Patch Notes</span><span class="label-append"> </span>Release 4.2 - Bugfix Build</a></h1>`,
			"Release 4.2 - Bugfix Build"},
		{"ruby readings left out", `<h1><ruby>子<rt>こ</rt></ruby>どもの<ruby>法律<rt>ほうりつ</rt></ruby></h1>`, "子どもの法律"},
		{"adjacent boxes kept apart", `<h1><span class="name">Example Action</span><span class="claim">Citizens act</span></h1>`,
			"Example Action Citizens act"},
		{"a classed part inside a word stays joined", `<h1><a class="permalink">Who pays</a>? <em class="hl">Tax</em>es explained</h1>`,
			"Who pays? Taxes explained"},
		{"screen-reader text dropped", `<h1>Annual report<span class="sr-only"> (opens a PDF)</span></h1>`, "Annual report"},
		{"a trailing subline is kept", `<h1>Snow sports and wildlife <span class="stage__subline">Tips for a quiet winter</span></h1>`,
			"Snow sports and wildlife Tips for a quiet winter"},
		{"a colon in the text is no kicker", `<h1>Coca: a human issue</h1>`, "Coca: a human issue"},
	}
	for _, tt := range tests {
		root, err := html.Parse(strings.NewReader("<body>" + tt.h1 + "</body>"))
		if err != nil {
			t.Fatal(err)
		}
		h := findFirst(root, func(n *html.Node) bool { return n.DataAtom == atom.H1 })
		if got := headingText(h); got != tt.want {
			t.Errorf("%s: headingText(%s) = %q, want %q", tt.name, tt.h1, got, tt.want)
		}
	}
}

// TestVisibleHeadingChoice: which heading of a page stands for its title.
func TestVisibleHeadingChoice(t *testing.T) {
	text := `<p>The text of the page, long enough to be a paragraph of its own and more.</p>`
	tests := []struct{ name, head, body, want string }{
		{"the site's name in a logo h1, the post in an h2 the <title> names",
			`<title>Podcasts in a media server » Example Blog</title>`,
			`<h1><a href="https://blog.example.org">Example Blog</a></h1><main><h2><a href="/podcasts" rel="bookmark">Podcasts in a media server</a></h2>` + text + `</main>`,
			"Podcasts in a media server"},
		{"an h1 for screen readers only",
			`<title>Messengers are no lawless space</title>`,
			`<h1 class="aural">Federal Example Office</h1><main><h2>Messengers are no lawless space</h2>` + text + `</main>`,
			"Messengers are no lawless space"},
		{"a section name h1 loses to the h2 the metadata name",
			`<meta property="og:title" content="Polar air reaches the south">`,
			`<h1 class="section-name"><a href="/news/weather">Weather</a></h1><main><h2 class="entry__title">Polar air reaches the south</h2>` + text + `</main>`,
			"Polar air reaches the south"},
		{"a box label is no title",
			`<title>Council opens the harbour</title>`,
			`<main><h1>Council opens the harbour</h1>` + text + `<aside><h1>Read also:</h1></aside></main>`,
			"Council opens the harbour"},
		{"no h1: the h2 marked itemprop=headline",
			`<title>the style - example.net - web design</title>`,
			`<main><h2 itemprop="headline">Write for your readers</h2>` + text + `</main>`,
			"Write for your readers"},
		{"the h1 of a page that is no news article beats its og:title",
			`<meta property="og:title" content="Run apps on any laptop with Example Desktop"><title>Run apps on any laptop with Example Desktop</title>`,
			`<main><h1>Example Desktop 9 for Laptops</h1>` + text + `</main>`,
			"Example Desktop 9 for Laptops"},
		{"a news article's JSON-LD headline beats a reworded h1",
			`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council passes the budget"}</script>`,
			`<main><h1>Long night: the council passes its budget</h1>` + text + `</main>`,
			"Council passes the budget"},
		{"a live blog typed only in its updates' JSON-LD keeps the newsroom's headline",
			`<meta property="og:title" content="Ministers meet over strike"><script type="application/ld+json">{"@type":"LiveBlogPosting","liveBlogUpdate":[{"@type":"BlogPosting","headline":"Update"}]}</script>`,
			`<main><h1>Strike LIVE: ministers meet as talks resume</h1>` + text + `</main>`,
			"Ministers meet over strike"},
		{"an article tagged with news_keywords keeps the newsroom's og:title",
			`<meta property="og:type" content="article"><meta name="news_keywords" content="harbour, ferries, council"><meta property="og:title" content="Ferries return to the old harbour">`,
			`<main><h1>After ten years, the ferries are back in the old harbour this spring</h1>` + text + `</main>`,
			"Ferries return to the old harbour"},
		{"og:title leads with the heading's kicker but words the headline its own way",
			`<meta property="og:type" content="article"><meta property="og:title" content="Tram strike: Lines stop on Monday">`,
			`<main><h1><span class="top">Tram strike<span class="visually-hidden">:</span></span> <span class="line">Drivers walk out for a day</span></h1>` + text + `</main>`,
			"Tram strike: Lines stop on Monday"},
		{"a kicker only the heading shows says nothing of og:title",
			`<meta property="og:type" content="article"><meta property="og:title" content="Lines stop on Monday">`,
			`<main><h1><span class="top">Tram strike<span class="visually-hidden">:</span></span> <span class="line">Drivers walk out for a day</span></h1>` + text + `</main>`,
			"Drivers walk out for a day"},
		{"a logo's name signs the <title>",
			`<title>Children and work » Example Aid e.V.</title>`,
			`<h1 id="branding"><a href="/"><span>Example Aid e.V.</span> <span>Association for working children</span></a></h1>` + text,
			"Children and work"},
	}
	for _, tt := range tests {
		if got := extractOne(t, page(tt.head, tt.body)).Title; got != tt.want {
			t.Errorf("%s: Title = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestHeadingWins(t *testing.T) {
	tests := []struct {
		name           string
		heading, title string
		authoritative  bool
		want           bool
	}{
		{"no metadata title", "Headline", "", false, true},
		{"the same headline", "Rains return", "Rains Return", false, false},
		{"the metadata's kicker is kept", "Rains return", "Weather: Rains return", false, false},
		{"a label glued in front of the heading", "Open Progress Why thinking together wins", "Why thinking together wins", false, false},
		{"a label run into the metadata title", "Think about tomorrow today", "COVID-19 Think about tomorrow today", false, true},
		{"a date in front of the heading", "23.01.2022 - Fans may cheer again", "Fans may cheer again", false, false},
		{"a kicker in the heading, after a colon", "Energy region: Climate pioneer?", "Climate pioneer?", false, false},
		{"a metadata title cut short", "Senator calls the president \"unfit\"", "Senator calls the president", true, true},
		{"typeset quotes where the metadata flatten them", "Rapper calls him „finished“", `Rapper calls him "finished"`, true, true},
		{"typeset dash where the metadata flatten it", "{orga your life} – getting organised", "{orga your life} - getting organised", false, true},
		{"a curly apostrophe is no reason", "Editor’s letter", "Editor's letter", false, false},
		{"a genre label in the metadata", "More speed, at last!", "Press release: More speed, at last!", false, true},
		{"a dateline behind the heading", "Fans return to the stadiums 02.02.2022 • Editor", "Fans return to the stadiums", false, false},
		{"a subtitle in the metadata", "Steady Policy", "Steady Policy: A Review", false, false},
		{"different words, a web page", "Leasing or financing", "Lease or buy? What pays off", false, true},
		{"different words, a news article", "Long night for the council", "Council passes budget", true, false},
	}
	for _, tt := range tests {
		s := titleSources{heading: tt.heading, authoritative: tt.authoritative}
		if got := s.headingWins(tt.title); got != tt.want {
			t.Errorf("%s: headingWins(%q over %q) = %v, want %v", tt.name, tt.heading, tt.title, got, tt.want)
		}
	}
}

func TestCountWords(t *testing.T) {
	for s, want := range map[string]int{"| iPhone | Forum": 2, " :: ": 0, "Example Blog » Archive": 3} {
		if got := countWords(s); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestCleanTitleUnspacedBar(t *testing.T) {
	tests := []struct{ title, site, want string }{
		{"EASY NEWS|Law bans smacking children", "EASY NEWS", "Law bans smacking children"},
		{"Law bans smacking children|EASY NEWS", "EASY NEWS", "Law bans smacking children"},
		{"Either|Or: a choice", "EASY NEWS", "Either|Or: a choice"},
	}
	for _, tt := range tests {
		if got := cleanTitle(tt.title, tt.site); got != tt.want {
			t.Errorf("cleanTitle(%q, %q) = %q, want %q", tt.title, tt.site, got, tt.want)
		}
	}
}

func TestTrimTails(t *testing.T) {
	tests := []struct {
		title   string
		sources []string
		want    string
	}{
		{"Coach asks for patience | Sport", []string{"Coach asks for patience"}, "Coach asks for patience"},
		{"Coach asks for patience", []string{"Coach asks for patience | Sport"}, "Coach asks for patience"},
		{"Results - Cup", []string{"Results"}, "Results - Cup"}, // one word is too little to go by
	}
	for _, tt := range tests {
		if got := trimTails(tt.title, tt.sources...); got != tt.want {
			t.Errorf("trimTails(%q, %q) = %q, want %q", tt.title, tt.sources, got, tt.want)
		}
	}
}
