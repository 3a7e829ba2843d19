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
	heading                  string // the visible <h1>, without its kicker
	titleTag                 string // <title>
}

// pick returns the title. Scholarly citation_title wins outright. Otherwise
// the JSON-LD headline comes first, then Dublin Core, og:title, the visible
// heading and <title>, unless the JSON-LD headline and og:title disagree:
//
//   - if one is the other with a topic label in front ("Topic: Headline"),
//     the one without: the label is a kicker printed above the headline;
//   - else the one the visible heading agrees with: that is what readers see;
//   - else the one that differs from <title>: <title> is the search-engine
//     headline, and a source that repeats it adds nothing, while the one
//     that differs was written on purpose.
//
// A title without a heading to compare with may still carry a kicker the
// heading lacks (og:title "Topic: Headline", <h1> "Headline"): the heading
// wins then.
func (s titleSources) pick() string {
	if s.citation != "" {
		return s.citation
	}
	title := firstNonEmpty(s.jsonld, s.dc, s.og, s.heading, s.titleTag)
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
		case s.titleTag != "" && sameHeadline(s.titleTag, s.jsonld) && !sameHeadline(s.titleTag, s.og):
			title = s.og
		}
	}
	return trimToHeading(title, s.heading)
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
	return len(short) > 0 && len(long) > len(short) && strings.EqualFold(long[:len(short)], short) &&
		startsWithSeparator(long[len(short):])
}

// startsWithSeparator reports whether s starts with a title separator
// (" | ", " - ", ...): what follows a headline in "Headline | Site".
func startsWithSeparator(s string) bool {
	for _, sep := range titleSeparators {
		if strings.HasPrefix(s, sep) {
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
	if heading != "" && len(heading) < len(title) && strings.HasPrefix(title, heading) &&
		startsWithSeparator(title[len(heading):]) {
		return heading
	}
	return title
}
