package indexer

import (
	"net/url"
	"regexp"
	"strings"
)

// Dates in a page's address.

var (
	// A day in a URL's path, its parts joined by one separator or none:
	// /2023/04/28/, /2023-04-28-slug, /20230428/, -20260701-p60bhj.html.
	reURLDay = regexp.MustCompile(`(?:^|\D)((?:19|20)\d{2})(?:/(\d{2})/(\d{2})|-(\d{2})-(\d{2})|_(\d{2})_(\d{2})|(\d{2})(\d{2}))(?:\D|$)`)
	// A month as two folders of the path: /2019/03/slug.
	reURLMonth = regexp.MustCompile(`/((?:19|20)\d{2})/(\d{2})/`)
	// A day written day first: /29-10-2021, /23-01-2022-slug, /slug-14.03.2019.
	reURLDayFirst = regexp.MustCompile(`(?:^|[/_-])(\d{2})([-.])(\d{2})[-.]((?:19|20)\d{2})(?:\D|$)`)
	// A month by name between the year and the day: /2020/oct/02/slug.
	reURLMonthName = regexp.MustCompile(`(?i)/((?:19|20)\d{2})/(\p{L}{3,9})/(\d{1,2})(?:/|$)`)
)

// dateFromURL reads the publication date that many sites put in an
// article's address: "https://example.org/2019/03/14/title" is 2019-03-14,
// ".../2019/03/title" 2019-03; also "/2020/oct/02/title" and a day
// written day first, "/29-10-2021" or "/slug-14.03.2019". Only the path counts (a query string holds
// tracking numbers), and the parts must make a real date.
func dateFromURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Path == "" {
		return ""
	}
	for _, m := range reURLDay.FindAllStringSubmatch(u.Path, -1) {
		for i := 2; i+1 < len(m); i += 2 {
			if month, day := atoi(m[i]), atoi(m[i+1]); m[i] != "" && month > 0 && day > 0 {
				if d := formatDate(atoi(m[1]), month, day); d != "" {
					return d
				}
			}
		}
	}
	if m := reURLMonthName.FindStringSubmatch(u.Path); m != nil && monthNumber(m[2]) > 0 {
		if d := formatDate(atoi(m[1]), monthNumber(m[2]), atoi(m[3])); d != "" {
			return d
		}
	}
	if m := reURLDayFirst.FindStringSubmatch(u.Path); m != nil {
		if d := formatDate(atoi(m[4]), atoi(m[3]), atoi(m[1])); d != "" && atoi(m[1]) > 0 {
			return d
		}
	}
	if m := reURLMonth.FindStringSubmatch(u.Path); m != nil && atoi(m[2]) > 0 {
		return formatDate(atoi(m[1]), atoi(m[2]), 0)
	}
	return ""
}
