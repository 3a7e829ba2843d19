package indexer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file drops what pickAuthors may still hold that is not a person's
// byline: label and role words a template put where a name goes ("Posted",
// "Stand", "Autor", "admin", "Super User"), labels glued in front of a
// name ("Veröffentlicht von X"), and, outside news articles, the site or
// its company signing every page: a name that is the page's own address
// ("RTL Online" on rtl.de, "kath.net") or carries a company's legal form
// ("Example Verlag GmbH", "Bundesverband e.V."). People who label such
// pages by hand judge that they have no author.

// notNames are lower-case words and phrases that stand where a name goes
// in templates but name nobody.
var notNames = map[string]bool{}

func init() {
	for _, w := range strings.Split(`posted|stand|autor|autorin|author|authors|datum|date|quelle|source|von|by|por|par|
		admin|administrator|publisher|super user|anonymous|anonym|anónimo|anonimo|editor|webmaster|
		no author|kein autor|gast|guest|user|written by|geschrieben von|veröffentlicht von|posted by|
		red|red.|agenturen|agencies|paid content|sponsored|sponsored content|anzeige|advertorial|werbung|agences|agencias|agenzie|
		twitter|facebook|instagram|linkedin|xing|youtube|mastodon|threads|tiktok|pinterest|email|e-mail|rss|website|homepage`, "|") {
		notNames[strings.TrimSpace(w)] = true
	}
}

// bylineLabels are labels a template glues in front of a name.
var bylineLabels = []string{"veröffentlicht von ", "geschrieben von ", "eingestellt von ", "posted by ", "written by ",
	"verfasst von ", "erstellt von ", "publié par ", "publicado por "}

// legalForms are the words of a company's or association's legal form.
var legalForms = map[string]bool{"gmbh": true, "ggmbh": true, "mbh": true, "e.v.": true, "ev": true, "e. v.": true,
	"ag": true, "kg": true, "se": true, "ltd": true, "ltd.": true, "inc": true, "inc.": true, "llc": true,
	"s.a.": true, "s.l.": true, "sarl": true, "s.r.l.": true, "gbr": true, "ohg": true, "plc": true, "co.": true}

// cleanAuthorList drops labels, label prefixes and (outside news) a
// company signing as author from a list of authors.
func cleanAuthorList(names []string, news bool) []string {
	var out []string
	for _, n := range names {
		low := strings.ToLower(n)
		for _, l := range bylineLabels {
			if strings.HasPrefix(low, l) {
				n, low = strings.TrimSpace(n[len(l):]), low[len(l):]
			}
		}
		if notNames[strings.Trim(low, " :.")] || !hasLetter(n) || hasDateIn(n) {
			continue
		}
		if !news && hasLegalForm(n) {
			continue
		}
		out = append(out, n)
	}
	return out
}

// hasDateIn reports whether a "name" holds a date: a label and its value
// read as one ("Datum: 03.Mär.19").
func hasDateIn(s string) bool {
	if d, _, _ := findDate(s); d != "" {
		return true
	}
	return strings.IndexFunc(s, unicode.IsDigit) >= 0 && strings.Contains(s, ":")
}

// hasLegalForm reports whether a name ends in a legal form: "Example
// Verlag GmbH", "Bundesverband Beispiel e.V.".
func hasLegalForm(name string) bool {
	words := strings.Fields(strings.ToLower(name))
	if len(words) < 2 {
		return false
	}
	last := words[len(words)-1]
	if legalForms[last] {
		return true
	}
	return len(words) >= 3 && legalForms[words[len(words)-2]+" "+last]
}

// deskSlash stands in for a slash that joins a desk's or agency's codes
// while a byline is split into names.
const deskSlash = "\x00"

var reSlashPair = regexp.MustCompile(`([\p{L}.-]+)\s*/\s*([\p{L}.-]+)`)

// protectDeskCodes keeps together what a slash joins when one side is an
// agency's or desk's code: "dpa/lno", "AFP/The Local", "MDR THÜRINGEN/ls",
// "srf/hosb" sign as one. A slash between two people's names ("Ana
// Example/Luis Sample") still separates them.
func protectDeskCodes(s string) string {
	if !strings.Contains(s, "/") {
		return s
	}
	return reSlashPair.ReplaceAllStringFunc(s, func(m string) string {
		sub := reSlashPair.FindStringSubmatch(m)
		if isDeskCode(sub[1]) || isDeskCode(sub[2]) {
			return strings.Replace(m, "/", deskSlash, 1)
		}
		return m
	})
}

// isDeskCode reports an agency's or desk's code: an acronym ("AFP",
// "DPA") or two to five lower-case letters ("dpa", "lno", "ls").
func isDeskCode(w string) bool {
	if isAcronym(w) {
		return true
	}
	n := utf8.RuneCountInString(w)
	return n >= 2 && n <= 5 && strings.ToLower(w) == w && !nameParticles[w]
}

// isDeskByline reports a byline of codes joined by slashes, one of them a
// desk's or agency's: "srf/hosb", "dpa/lno", "AFP/The Local".
func isDeskByline(s string) bool {
	parts := strings.Split(s, "/")
	if len(parts) < 2 {
		return false
	}
	code := false
	for _, p := range parts {
		p = strings.TrimSpace(p)
		switch {
		case isDeskCode(p):
			code = true
		case !looksLikeName(p):
			return false
		}
	}
	return code
}

// dropAtHandles removes a social-media handle written beside a name:
// "Ana Example @anaexample" is Ana Example.
func dropAtHandles(s string) string {
	words := strings.Fields(s)
	kept := words[:0]
	for _, w := range words {
		if !strings.HasPrefix(w, "@") {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		return s
	}
	return strings.Join(kept, " ")
}

// dropImprint drops a source's names when the last of several is a
// country: the field holds the site's imprint, a company and its address
// split at its commas ("Example GmbH, Frankfurt a. M., Germany"), not
// authors.
func dropImprint(names []string) []string {
	if len(names) < 2 {
		return names
	}
	if _, ok := CountryName(names[len(names)-1]); ok {
		return nil
	}
	return names
}
