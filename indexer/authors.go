package indexer

import (
	"regexp"
	"strings"
)

// This file decides a web page's authors from the names its sources give:
// citation_author, JSON-LD, Dublin Core, OpenGraph, plain meta tags and the
// visible byline, in that order of trust.
//
// Two kinds of name are weak. The site itself ("Deutsche Welle", "mdr.de",
// "Lesotho Times") is what many CMSs put in meta author when the byline
// names a person, so it counts only when no source names anyone else. An
// organisation typed as such in JSON-LD counts only on news articles, where
// a newsroom, desk or agency byline ("BBC News", "dpa") is how the piece is
// signed; elsewhere, such as an institute's report, the organisation is the
// publisher speaking and the record lists no authors.

// pickAuthors returns the authors from the most trusted source that names
// someone other than the site; failing that, nameLine if the sources name
// the site; failing that, the site-like names of the most trusted source
// that has any, on news pages or when the page shows them in a byline.
func pickAuthors(sources []metaFields, nameLine, sites []string, news bool) []string {
	var fallback []string
	shownSite := false
	for i, f := range sources {
		var names []string
		if f.personTyped {
			names = normaliseTyped(f.Authors)
		} else {
			names = normaliseAuthors(f.Authors)
		}
		names = cleanAuthorList(dropImprint(names), news)
		var orgs []string
		if news {
			orgs = normaliseTyped(f.Orgs)
		}
		var strong []string
		for _, n := range names {
			if !isSiteName(n, sites, f.personTyped) {
				strong = append(strong, n)
			}
		}
		for _, o := range orgs {
			if !isSiteName(o, sites, true) {
				strong = append(strong, o)
			}
		}
		if len(strong) > 0 {
			return strong
		}
		if fallback == nil {
			if len(names) > 0 {
				fallback = names
			} else if len(orgs) > 0 {
				fallback = orgs
			}
		}
		shownSite = shownSite || i == len(sources)-1 && len(names) > 0
	}
	if fallback != nil && len(nameLine) > 0 {
		return cleanAuthorList(nameLine, news)
	}
	if !news && !shownSite {
		return nil
	}
	return fallback
}

// normaliseTyped normalises names whose type the source gave: unlike
// normaliseAuthors it keeps a name that looks like an organisation ("AP"
// typed Person is the agency byline the page means).
func normaliseTyped(names []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range names {
		n = normaliseAuthor(n)
		key := strings.ToLower(n)
		if n == "" || seen[key] || len(n) > 120 || !isNameLike(n) {
			continue
		}
		seen[key] = true
		out = append(out, n)
	}
	return out
}

// reDomain matches a bare host name: "mdr.de", "news.orf.at".
var reDomain = regexp.MustCompile(`^(?:[\p{L}\d][\p{L}\d-]*\.)+\p{Ll}{2,}$`)

func isDomain(s string) bool { return reDomain.MatchString(strings.TrimSpace(s)) }

// isSiteName reports whether an author name is the site rather than a
// writer: equal to a site or publisher name, or a bare domain name. A name
// the source did not type may also be a desk named after the site ("MDR
// THÜRINGEN", "Redaktion hessenschau.de"): one of its words is the site's
// one-word name or domain label.
func isSiteName(name string, sites []string, typed bool) bool {
	if matchesSite(name, sites) || isDomain(name) {
		return true
	}
	for _, s := range sites {
		if label := siteLabel(s); label != "" && normSite(name) == label {
			return true
		}
	}
	if typed {
		return false
	}
	for _, w := range strings.Fields(name) {
		if isDomain(w) {
			return true
		}
		for _, s := range sites {
			if label := siteLabel(s); len(label) >= 2 && strings.EqualFold(w, label) {
				return true
			}
		}
	}
	return false
}

// siteLabel is a site name reduced to one word, when it has one: "mdr.de"
// and "www.mdr.de" give "mdr", "MDR" gives "mdr", "ntv.com.tr" gives
// "ntv"; "Lesotho Times" gives "".
func siteLabel(s string) string {
	s = normSite(s)
	if strings.ContainsAny(s, " \t") {
		return ""
	}
	if !isDomain(s) {
		return s
	}
	labels := strings.Split(s, ".")
	labels = labels[:len(labels)-1] // the top-level domain
	if n := len(labels); n > 1 && secondLevel[labels[n-1]] {
		labels = labels[:n-1] // "co.uk", "com.tr"
	}
	return labels[len(labels)-1]
}

var secondLevel = map[string]bool{"co": true, "com": true, "org": true, "net": true, "gov": true, "ac": true, "edu": true, "or": true, "ne": true}
