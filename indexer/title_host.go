package indexer

import (
	"net/url"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// A site often signs its titles with its own name, which the metadata do
// not always give: "Headline | MDR.DE", "Headline - Rezept von Backen.de",
// "Gregory Example's Digital Home | Headline". The page's own address
// names the site too; a part of the title at either end that holds the
// address's name is the site's signature, not the headline.

// hostSeparators end or start a title's signature: the separators of
// cleanTitle and a few more that sites use.
var hostSeparators = append([]string{" › ", " • ", " │ ", " ~ ", " : ", "|"}, titleSeparators...)

// hostNames returns the distinctive names in an address's host, folded:
// "https://www.example-news.co.uk/x" gives "examplenews". Labels shorter
// than three letters, "www" and the public suffix are left out.
func hostNames(raw string) []string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Hostname() == "" {
		return nil
	}
	labels := strings.Split(strings.ToLower(u.Hostname()), ".")
	if len(labels) < 2 {
		return nil
	}
	labels = labels[:len(labels)-1] // the top-level domain
	var out []string
	for _, l := range labels {
		switch l {
		case "www", "m", "co", "com", "org", "net", "gov", "ac", "edu", "blog", "blogs", "news", "web", "de", "en":
			continue
		}
		if f := foldASCII(l); len(f) >= 3 {
			out = append(out, f)
		}
	}
	return out
}

// foldASCII lower-cases s, drops accents and keeps letters and digits:
// "Nestlé Marktplatz" gives "nestlemarktplatz".
func foldASCII(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// namesHost reports whether a title part names the site of the address: a
// signature of at most four words ("Rezept von Backen.de") that holds the
// address's name, not a headline that mentions it.
func namesHost(part string, hosts []string) bool {
	f := foldASCII(part)
	if len(f) < 3 || len(strings.Fields(part)) > 4 {
		return false
	}
	for _, h := range hosts {
		if strings.Contains(f, h) || len(f) >= 4 && strings.Contains(h, f) {
			return true
		}
	}
	return false
}

// dropHostParts removes parts of a title that name the page's site or
// give only a date ("23.01.2022 - Headline", "Headline : 31.10.2023, 10.19
// Uhr"), at either end, as long as a headline of two words or more
// remains.
func dropHostParts(title string, hosts []string) string {
	t := strings.TrimSpace(title)
	keeps := func(rest string) bool { return len(strings.Fields(rest)) >= 2 && !namesHost(rest, hosts) }
	// A date is cut only from a headline of three words or more that does
	// not end in a number: "Report 14. - 20. Januar" is a range.
	keepsAfterDate := func(rest string) bool {
		r := []rune(strings.TrimRight(rest, ". "))
		return len(strings.Fields(rest)) >= 3 && len(r) > 0 && !unicode.IsDigit(r[len(r)-1])
	}
	for changed := true; changed; {
		changed = false
		for _, sep := range hostSeparators {
			if i := strings.LastIndex(t, sep); i > 0 {
				rest := strings.TrimSpace(t[:i])
				if namesHost(t[i+len(sep):], hosts) && keeps(rest) || isDateOnly(t[i+len(sep):]) && keepsAfterDate(rest) {
					t, changed = rest, true
					break
				}
			}
			if i := strings.Index(t, sep); i > 0 {
				rest := strings.TrimSpace(t[i+len(sep):])
				if namesHost(t[:i], hosts) && keeps(rest) || isDateOnly(t[:i]) && keepsAfterDate(rest) {
					t, changed = rest, true
					break
				}
			}
		}
	}
	return strings.TrimRight(t, " |-–—:›•")
}

// isDateOnly reports whether a title part is a date and perhaps a time,
// nothing else.
func isDateOnly(part string) bool {
	d, start, end := findDate(part)
	if d == "" {
		return false
	}
	rest := strings.ToLower(part[:start] + " " + part[end:])
	for _, w := range strings.FieldsFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if w != "uhr" && w != "am" && w != "pm" && !isWeekday(w) {
			return false
		}
	}
	return true
}

// foldAll folds names as hostNames does, for matching title parts with:
// a logo's "Example Blog" matches "| Example Blog" at a title's end.
func foldAll(names []string) []string {
	var out []string
	for _, n := range names {
		if f := foldASCII(n); len(f) >= 3 {
			out = append(out, f)
		}
	}
	return out
}
