package indexer

import "testing"

func TestTitleSourcesPick(t *testing.T) {
	tests := []struct {
		name string
		s    titleSources
		want string
	}{
		{"citation wins outright",
			titleSources{citation: "Cited", jsonld: "Headline", og: "Social"}, "Cited"},
		{"agreeing sources: the JSON-LD headline",
			titleSources{jsonld: "Rains Return to the Valley", og: "Rains return to the valley", heading: "Rains Return to the Valley"},
			"Rains Return to the Valley"},
		{"og:title only",
			titleSources{og: "Social Headline", titleTag: "Social Headline"}, "Social Headline"},
		{"heading sides with og:title",
			titleSources{jsonld: "Council votes on budget after long night", og: "Council passes budget",
				heading: "Council passes budget", titleTag: "Council votes on budget after long night"},
			"Council passes budget"},
		{"heading sides with the JSON-LD headline",
			titleSources{jsonld: "Council passes budget", og: "Budget: what it means for you",
				heading: "Council passes budget", titleTag: "Budget: what it means for you"},
			"Council passes budget"},
		{"no heading: og:title differs from <title>, which the JSON-LD headline repeats",
			titleSources{jsonld: "Council votes on budget", og: "Night of the long budget", titleTag: "Council votes on budget"},
			"Council votes on budget"},
		{"no heading: the JSON-LD headline differs from <title>, which og:title repeats",
			titleSources{jsonld: "Night of the long budget", og: "Council votes on budget", titleTag: "Council votes on budget"},
			"Night of the long budget"},
		{"no heading, nothing to compare: the JSON-LD headline",
			titleSources{jsonld: "Council votes on budget", og: "Night of the long budget"},
			"Council votes on budget"},
		{"a topic label on the JSON-LD headline",
			titleSources{jsonld: "City Hall: Council passes budget", og: "Council passes budget"},
			"Council passes budget"},
		{"a topic label on og:title",
			titleSources{jsonld: "Council passes budget", og: "«Marathon»: Council passes budget"},
			"Council passes budget"},
		{"site suffix the heading lacks",
			titleSources{og: "Council passes budget | Local | Daily Example", heading: "Council passes budget"},
			"Council passes budget"},
		{"heading with its site suffix agrees",
			titleSources{jsonld: "Council passes budget", og: "Council budget night - Daily Example",
				heading: "Council passes budget", titleTag: "Council budget night - Daily Example"},
			"Council passes budget"},
		{"heading alone", titleSources{heading: "Visible"}, "Visible"},
		{"title tag alone", titleSources{titleTag: "Tag"}, "Tag"},
	}
	for _, tt := range tests {
		if got := tt.s.pick(); got != tt.want {
			t.Errorf("%s: pick(%+v) = %q, want %q", tt.name, tt.s, got, tt.want)
		}
	}
}

func TestSameHeadline(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Coca’s “Future”", "Coca's \"Future\"", true},
		{"Rückbau: Kühltürme gesprengt", "Rückbau - Kühltürme gesprengt", true},
		{"Headline | Section | Site", "Headline", true},
		{"Headline", "Headline - Site", true},
		{"Headline", "Headliner", false},
		{"Headlines and more", "Headline", false},
		{"", "", false},
	}
	for _, tt := range tests {
		if got := sameHeadline(tt.a, tt.b); got != tt.want {
			t.Errorf("sameHeadline(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestHasTopicLabel(t *testing.T) {
	tests := []struct {
		long, short string
		want        bool
	}{
		{"Neue Leipziger Schule: Judy Lybke ganz und gar nicht", "Judy Lybke ganz und gar nicht", true},
		{"«Nickname»: Man sentenced to life", "Man sentenced to life", true},
		{"Topic / Headline here", "Headline here", true},
		{"Headline here", "Headline here", false},
		{"A label far too long to be a topic label on a news page: Headline", "Headline", false},
		{"Topic: Headline here and more", "Headline here", false},
	}
	for _, tt := range tests {
		if got := hasTopicLabel(tt.long, tt.short); got != tt.want {
			t.Errorf("hasTopicLabel(%q, %q) = %v, want %v", tt.long, tt.short, got, tt.want)
		}
	}
}

// The rules above, end to end: a news page whose JSON-LD headline, og:title
// and <h1> disagree.
func TestHTMLTitleFromAgreeingSources(t *testing.T) {
	head := `<title>Council votes on budget after long night - Daily Example</title>
<meta property="og:site_name" content="Daily Example">
<meta property="og:title" content="Council passes budget">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council votes on budget after long night"}</script>`
	body := `<article><h1>Council passes budget</h1><p>The council passed the budget after a long night of debate on Tuesday.</p></article>`
	if got := extractOne(t, page(head, body)).Title; got != "Council passes budget" {
		t.Errorf("Title = %q, want the og:title the heading agrees with", got)
	}
}
