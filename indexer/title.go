package indexer

import "strings"

// A page often states its title several times, and news pages often state
// different ones: the JSON-LD headline and the <title> are written for
// search engines, og:title for social media, the <h1> for readers, and a
// kicker ("Topic: ") may be glued to any of them. This file decides which
// one is the document's title.

// titleSources are the titles one page gives, site names already removed.
type titleSources struct {
	citation, jsonld, dc, og string
	twitter                  string
	heading                  string // the visible <h1>, without its kicker
	titleTag                 string // <title>
	// authoritative says the metadata describe the piece as its
	// publisher filed it: a news article (typed so in JSON-LD, tagged
	// with news_keywords for news search, or titled with the kicker its
	// heading shows), a report or paper, Dublin Core.
	authoritative bool
}

// pick returns the title. Scholarly citation_title wins outright. Otherwise
// the JSON-LD headline comes first, then Dublin Core, og:title, the visible
// heading and <title>, unless the JSON-LD headline and og:title disagree:
//
//   - if one is the other with a topic label in front ("Topic: Headline"),
//     the one without: the label is a kicker printed above the headline;
//   - else the one the visible heading agrees with: that is what readers see;
//   - else the JSON-LD headline, which <title> often repeats (an earlier
//     rule took the og:title that differs from both; on the evaluation
//     pages the two that agree were the headline more often).
//
// The visible heading then replaces that title where headingWins says
// so, and a tail that the heading or another source lacks ("| Section")
// goes.
func (s titleSources) pick() string {
	if s.citation != "" {
		return s.citation
	}
	title := firstNonEmpty(s.jsonld, s.dc, s.og, s.twitter, s.heading, s.titleTag)
	if s.jsonld != "" && s.og != "" && !sameHeadline(s.jsonld, s.og) {
		switch {
		case hasTopicLabel(s.jsonld, s.og):
			title = s.og
		case hasTopicLabel(s.og, s.jsonld):
			title = s.jsonld
		case s.heading != "" && sameHeadline(s.heading, s.og) && !sameHeadline(s.heading, s.jsonld):
			title = s.og
		case s.heading != "" && sameHeadline(s.heading, s.jsonld):
			title = s.jsonld
		}
	}
	if s.heading != "" && title != s.heading && s.headingWins(title) {
		title = s.heading
	}
	return trimTails(trimToHeading(title, s.heading), s.jsonld, s.dc, s.og, s.twitter, s.titleTag)
}

// headingWins reports whether the visible heading is the title rather
// than title, the one the metadata give. Where they tell the same
// headline, the metadata's form wins, kicker and all: it is what the
// publisher calls the piece. A heading that is title with a label glued
// in front ("Topic Headline") or a dateline behind tells it too. Where
// they differ, readers see the heading, and pages label them by it;
// unless the metadata are authoritative: a news article's hold the
// headline its newsroom chose, which the page may display reworded, a
// report's or paper's the title it was filed under.
func (s titleSources) headingWins(title string) bool {
	h := s.heading
	switch {
	case title == "" || hasGluedLabel(title, h) || hasGenreLabel(title, h):
		return true
	case typesetOf(h, title):
		return true
	case sameHeadline(title, h) || hasTopicLabel(title, h) || hasTopicLabel(h, title) || hasSignature(title, h):
		return false
	case hasGluedLabel(h, title) || hasDateline(h, title) || hasSubtitle(title, h):
		return false
	case extends(h, title):
		return true // a metadata title cut short
	}
	return !s.authoritative
}

// hasGluedLabel reports whether heading is title with a short label in
// front, joined by no more than a space: "Topic Headline" read from
// <span>Topic</span><span>Headline</span>.
func hasGluedLabel(heading, title string) bool {
	if len(heading) <= len(title) || !strings.EqualFold(heading[len(heading)-len(title):], title) {
		return false
	}
	label := strings.TrimSpace(heading[:len(heading)-len(title)])
	n := len(strings.Fields(label))
	return n >= 1 && n <= 6 && strings.HasSuffix(heading[:len(heading)-len(title)], " ") &&
		!strings.HasSuffix(label, ":") && !isSeparatorSign(lastField(label))
}

// genreLabels name what kind of piece a page is, not what it is about.
var genreLabels = map[string]bool{"pressemitteilung": true, "pressemeldung": true, "press release": true,
	"medienmitteilung": true, "communiqué de presse": true, "nota de prensa": true, "interview": true,
	"kommentar": true, "kolumne": true, "gastbeitrag": true, "analyse": true, "analysis": true, "video": true,
	"podcast": true, "liveblog": true, "ticker": true, "news": true, "meldung": true}

// hasGenreLabel reports whether title is heading with a genre label in
// front ("Pressemitteilung: Headline"): the heading is the headline.
func hasGenreLabel(title, heading string) bool {
	i := strings.Index(title, ": ")
	return i > 0 && genreLabels[strings.ToLower(strings.TrimSpace(title[:i]))] && sameText(title[i+2:], heading)
}

// hasSubtitle reports whether title is heading with a subtitle after a
// colon: "Steady Policy: A Review" is the full title of "Steady Policy".
func hasSubtitle(title, heading string) bool {
	return len(title) > len(heading)+2 && strings.EqualFold(title[:len(heading)], heading) &&
		strings.HasPrefix(title[len(heading):], ": ")
}

// plainQuotes maps typeset double quotes and dashes to the typewriter
// forms metadata often flatten them to.
var plainQuotes = strings.NewReplacer("„", `"`, "“", `"`, "”", `"`, "«", `"`, "»", `"`, "–", "-", "—", "-")

// typesetOf reports whether heading is title with typeset quotes or
// dashes where title has typewriter ones ('"finished"' shown as
// '„finished“'): the same words, as the page prints them.
func typesetOf(heading, title string) bool {
	return heading != title && plainQuotes.Replace(heading) == title
}

// lastField is the last space-separated field of s.
func lastField(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// hasDateline reports whether heading is title followed by a date and
// perhaps a byline: "Headline 02.02.2022 • Editor".
func hasDateline(heading, title string) bool {
	if len(heading) <= len(title) || !strings.EqualFold(heading[:len(title)], title) {
		return false
	}
	_, start, _ := findDate(heading[len(title):])
	return start >= 0 && start <= 3
}

// trimTails drops a tail that another source shows is no part of the
// headline: "Headline | Section" when another gives "Headline".
func trimTails(title string, sources ...string) string {
	for _, s := range sources {
		if s != "" && hasTail(title, s) && len(strings.Fields(s)) >= 2 {
			return s
		}
	}
	return title
}

// sameHeadline reports whether two titles are the same headline: equal
// but for case, spacing and punctuation, or one is the other plus a
// separated tail ("Headline | Section | Site").
func sameHeadline(a, b string) bool {
	return sameText(a, b) || hasTail(a, b) || hasTail(b, a)
}

// hasTail reports whether long is short followed by a title separator and
// more ("Headline - Site").
func hasTail(long, short string) bool {
	return hasTailAfter(long, short, titleSeparators)
}

// hasTailAfter reports whether long is short followed by one of seps and
// more.
func hasTailAfter(long, short string, seps []string) bool {
	if len(short) == 0 || len(long) <= len(short) || !strings.EqualFold(long[:len(short)], short) {
		return false
	}
	for _, sep := range seps {
		if strings.HasPrefix(long[len(short):], sep) {
			return true
		}
	}
	return false
}

// topicSeparators end a topic label in front of a headline.
var topicSeparators = []string{": ", " | ", " / ", " – ", " — ", " - ", " :: "}

// hasTopicLabel reports whether long is short with a short label in front:
// "Neue Leipziger Schule: Headline", "«Nickname»: Headline", "Topic |
// Headline". The label has at most eight words, and what follows it must
// be the whole of short.
func hasTopicLabel(long, short string) bool {
	if len(long) <= len(short) || short == "" {
		return false
	}
	for _, sep := range topicSeparators {
		for off := 0; ; {
			i := strings.Index(long[off:], sep)
			if i < 0 {
				break
			}
			i += off
			label := strings.TrimSpace(long[:i])
			if label == "" || len(strings.Fields(label)) > 8 {
				break
			}
			if sameText(long[i+len(sep):], short) {
				return true
			}
			off = i + len(sep)
		}
	}
	return false
}

// trimToHeading drops a suffix the visible heading does not have: a
// metadata title "Heading | Section" or "Heading - Site" with an unknown
// site name becomes "Heading".
func trimToHeading(title, heading string) string {
	if strings.HasPrefix(title, heading) && hasTail(title, heading) {
		return heading
	}
	return title
}
