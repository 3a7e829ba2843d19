package indexer

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// This file reads a page's machine-readable metadata: citation_* and
// Dublin Core meta tags, OpenGraph, schema.org JSON-LD, <title>, <html
// lang> and the canonical link. html.go reads the visible text.

// ---- head metadata ----

// headMeta is the machine-readable metadata of a page, by source.
type headMeta struct {
	citation, jsonld, dc, og, basic metaFields
	service                         metaFields // analytics services' author tags
	titleTag, twitterTitle          string
	siteName                        string
	otherSites                      []string // meta publisher, application-name: for authors only
	news                            bool     // JSON-LD says news article or newsroom
	newsTagged                      bool     // news_keywords: the page is filed for news search
	jsonldRank                      int      // jsonldRank of the node h.jsonld was read from
	opinion                         bool
	citationAbstract, metaDesc      string
	ogDesc, jsonldDesc, dcDesc      string
	dcCoverage, jsonldSpatial       []string
	utcHours                        map[string]int // days read from a UTC timestamp, with its hour
	image                           string         // the share image's address (og:image, twitter:image)
}

// metaFields are the values one source gives.
type metaFields struct {
	Title, Date, Series, Language, Publisher, URL, PDFURL string
	Authors, Keywords                                     []string
	Number                                                int
	// Orgs are organisations named as authors where the source says so
	// (JSON-LD @type Organization); personTyped marks Authors as typed
	// Person, so no guessing from the name's shape drops one.
	Orgs        []string
	personTyped bool
}

func (h *headMeta) sources() []metaFields {
	return []metaFields{h.citation, h.jsonld, h.dc, h.og, h.basic, h.service}
}

func (h *headMeta) siteNames() []string {
	var out []string
	for _, s := range []string{h.siteName, h.citation.Publisher, h.jsonld.Publisher, h.dc.Publisher} {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (h *headMeta) series() string {
	return firstNonEmpty(h.citation.Series, h.jsonld.Series, h.dc.Series)
}

func (h *headMeta) abstract() string {
	for _, s := range []string{h.citationAbstract, h.metaDesc, h.ogDesc, h.jsonldDesc, h.dcDesc} {
		if s = collapse(stripTags(s)); s != "" {
			return s
		}
	}
	return ""
}

func (h *headMeta) countries(v shownMeta) []string {
	return mergeCountries(append(append([]string{}, h.dcCoverage...), h.jsonldSpatial...), v.countries)
}

// resolve takes each field from the most trusted source that has it; the
// visible text comes last. It also returns the opinion label seen.
func resolve(sources []metaFields, v shownMeta) (Record, bool) {
	var buf [8]*metaFields // pointers: a copy of every source was 1.5 kB a call
	all := buf[:0]
	for i := range sources {
		all = append(all, &sources[i])
	}
	all = append(all, &v.metaFields)
	var r Record
	for _, f := range all {
		r.Title = firstNonEmpty(r.Title, f.Title)
		r.Date = firstNonEmpty(r.Date, f.Date)
		r.Series = firstNonEmpty(r.Series, f.Series)
		r.Language = firstNonEmpty(r.Language, f.Language)
		r.Publisher = firstNonEmpty(r.Publisher, f.Publisher)
		r.URL = firstNonEmpty(r.URL, f.URL)
		r.PDFURL = firstNonEmpty(r.PDFURL, f.PDFURL)
		if len(r.Keywords) == 0 {
			r.Keywords = f.Keywords
		}
		if r.Number == 0 {
			r.Number = f.Number
		}
	}
	// Sources often agree on a date at different precisions (DC.date
	// "2024-06", article:published_time "2024-06-11"): keep the most
	// precise one that agrees with the most trusted.
	for _, f := range all {
		if refinesDate(r.Date, f.Date) {
			r.Date = f.Date
		}
	}
	r.Year = yearOf(r.Date)
	return r, v.opinion
}

// readHead gathers citation_*, JSON-LD, Dublin Core, OpenGraph and plain
// meta tags, <title>, <html lang> and the canonical link.
func readHead(doc *goquery.Document) headMeta {
	var h headMeta
	nodes := findHeadNodes(doc)
	metas := map[string][]string{}
	for _, n := range nodes.metas {
		content, ok := lookupAttr(n, "content")
		if !ok {
			continue
		}
		content = collapse(unescapeAgain(content))
		if content == "" {
			continue
		}
		for _, k := range []string{"name", "property", "itemprop", "http-equiv"} {
			if key, ok := lookupAttr(n, k); ok && key != "" {
				key = strings.ToLower(strings.TrimSpace(key))
				key = strings.Replace(key, "dc:", "dc.", 1)
				key = strings.Replace(key, "dcterms:", "dcterms.", 1)
				metas[key] = append(metas[key], content)
			}
		}
	}
	one := func(keys ...string) string {
		for _, k := range keys {
			if v := metas[k]; len(v) > 0 {
				return v[0]
			}
		}
		return ""
	}
	all := func(keys ...string) []string {
		var out []string
		for _, k := range keys {
			out = append(out, metas[k]...)
		}
		return out
	}
	h.siteName = one("og:site_name", "application-name")
	sites := func() []string { return h.siteNames() }

	// (1) Highwire Press citation_* tags.
	c := &h.citation
	c.Publisher = one("citation_publisher")
	c.Title = cleanTitle(one("citation_title"), sites()...)
	for _, a := range all("citation_author") {
		c.Authors = append(c.Authors, invertCitationName(a))
	}
	c.Date = parseDate(one("citation_publication_date", "citation_date", "citation_online_date", "citation_cover_date"))
	c.Series, c.Number = cleanSeries(one("citation_series_title", "citation_journal_title", "citation_conference_title"))
	if n := parseNumber(one("citation_technical_report_number", "citation_issue")); n > 0 {
		c.Number = n
	}
	c.Language = NormalizeLanguage(one("citation_language"))
	c.URL = one("citation_abstract_html_url", "citation_fulltext_html_url")
	c.PDFURL = one("citation_pdf_url")
	c.Keywords = splitKeywords(all("citation_keywords")...)
	h.citationAbstract = one("citation_abstract")

	// (2) schema.org JSON-LD.
	for _, n := range nodes.jsonLD {
		readJSONLD(&h, rawText(n))
	}
	h.jsonld.Title = cleanTitle(h.jsonld.Title, sites()...)

	// (3) Dublin Core, DC.* and dcterms.*, any case.
	dc := func(field ...string) []string {
		var out []string
		for _, f := range field {
			out = append(out, all("dc."+f, "dcterms."+f)...)
		}
		return out
	}
	first := func(vs []string) string {
		if len(vs) > 0 {
			return vs[0]
		}
		return ""
	}
	d := &h.dc
	d.Publisher = first(dc("publisher"))
	d.Title = cleanTitle(first(dc("title")), sites()...)
	for _, a := range dc("creator", "creator.personalname", "contributor.author") {
		d.Authors = append(d.Authors, splitAuthors(a)...)
	}
	d.Date = parseDate(first(dc("date", "date.issued", "issued", "created", "date.created", "available")))
	d.Language = NormalizeLanguage(first(dc("language")))
	d.Keywords = splitKeywords(dc("subject")...)
	d.Series, d.Number = cleanSeries(first(dc("relation.ispartof", "ispartof")))
	for _, cov := range dc("coverage", "coverage.spatial", "spatial") {
		h.dcCoverage = append(h.dcCoverage, splitCountries(cov)...)
	}
	h.dcDesc = first(dc("description", "abstract"))

	// (4) OpenGraph and article:*.
	o := &h.og
	o.Title = cleanTitle(one("og:title"), sites()...)
	h.twitterTitle = cleanTitle(one("twitter:title"), sites()...)
	// news_keywords is read by news search engines only: newsrooms' CMSs
	// fill it in for each article (Google News introduced it, 2012).
	h.newsTagged = one("news_keywords") != ""
	o.Language = NormalizeLanguage(one("og:locale"))
	o.Date = h.stamp(one("article:published_time"))
	for _, a := range all("article:author") {
		if !strings.Contains(a, "/") {
			o.Authors = append(o.Authors, splitAuthors(a)...)
		}
	}
	o.URL = one("og:url")
	o.Keywords = splitKeywords(all("article:tag")...)
	h.ogDesc = one("og:description")
	h.image = one("og:image", "twitter:image")
	if isOpinionLabel(one("article:section")) {
		h.opinion = true
	}

	// (5) Plain meta tags, <html lang>, Content-Language, canonical link.
	b := &h.basic
	for _, a := range all("author") {
		b.Authors = append(b.Authors, splitAuthors(a)...)
	}
	// The author tags of common analytics and recommendation services,
	// which newsrooms fill from their CMS: trusted after name=author.
	for _, a := range all("cxenseparse:author", "sailthru.author", "parsely-author", "articleauthor") {
		h.service.Authors = append(h.service.Authors, splitAuthors(a)...)
	}
	for _, p := range all("publisher", "application-name", "twitter:site") {
		if !strings.Contains(p, "/") {
			h.otherSites = append(h.otherSites, strings.TrimPrefix(p, "@"))
		}
	}
	b.Date = h.stamp(one("date", "pubdate", "publishdate", "publish-date", "publication_date", "publish_date",
		"datepublished", "article:published:time", "og:published_time", "dcterms.issued", "sailthru.date"))
	lang, _ := lookupAttr(nodes.html, "lang")
	xmlLang, _ := lookupAttr(nodes.html, "xml:lang")
	b.Language = firstNonEmpty(NormalizeLanguage(lang), NormalizeLanguage(xmlLang), NormalizeLanguage(one("content-language", "language")))
	b.Keywords = splitKeywords(all("keywords")...)
	h.metaDesc = one("description")
	// The address has its own order: the canonical link, og:url, then the
	// citation landing page; a JSON-LD url comes last.
	canon, _ := lookupAttr(nodes.canon, "href")
	urls := firstNonEmpty(canon, o.URL, c.URL, h.jsonld.URL)
	c.URL, h.jsonld.URL, o.URL = urls, "", ""
	h.titleTag = collapse(rawText(nodes.title))
	return h
}

// invertCitationName turns "Surname, Given" into "Given Surname": a
// citation_author tag holds one name, so its comma always inverts.
func invertCitationName(s string) string {
	s = collapse(s)
	if strings.Count(s, ",") == 1 {
		i := strings.Index(s, ",")
		if given := strings.TrimSpace(s[i+1:]); given != "" && !isNameSuffix(given) {
			return given + " " + strings.TrimSpace(s[:i])
		}
	}
	return s
}

func splitKeywords(vals ...string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range vals {
		for _, k := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ';' }) {
			k = collapse(k)
			if k != "" && !seen[strings.ToLower(k)] {
				seen[strings.ToLower(k)] = true
				out = append(out, k)
			}
		}
	}
	return out
}

// stripTags removes markup from a description that holds some
// (citation_abstract often does).
func stripTags(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			b.Write(z.Text())
		default:
			b.WriteByte(' ')
		}
	}
}
