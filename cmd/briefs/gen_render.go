package main

import (
	"fmt"
	"html"
	"strconv"
	"strings"
)

// The renderers of `briefs gen`: a generated document as an HTML page with
// one of the metadata conventions, as plain text with a header block, or as
// a JSON Lines record.

// seriesLine is the visible series line: "Drug Policy Briefing No. 11",
// "Informe sobre Políticas de Drogas n.º 11".
func seriesLine(doc *genDocument) string {
	if doc.series == "" {
		return ""
	}
	if doc.plan.lang == "es" {
		return doc.series + " n.º " + strconv.Itoa(doc.plan.number)
	}
	return doc.series + " No. " + strconv.Itoa(doc.plan.number)
}

// dateline writes the date as people do: "14 March 2005", "14 de marzo de 2005".
func dateline(doc *genDocument) string {
	d := doc.plan
	if d.lang == "es" {
		return fmt.Sprintf("%d de %s de %d", d.day, esMonths[d.month-1], d.year)
	}
	return fmt.Sprintf("%d %s %d", d.day, enMonths[d.month-1], d.year)
}

func (doc *genDocument) kindWord() string {
	if doc.plan.lang == "es" {
		return "Publicaciones"
	}
	return "Publications"
}

// Metadata conventions of an HTML page (genDocument.variant).
const (
	variantCitation = iota // Highwire citation_* tags
	variantJSONLD          // schema.org Report in JSON-LD
	variantDC              // Dublin Core
	variantOG              // OpenGraph, with a visible series line
	variantVisible         // nothing in the head: byline, dateline and series line
)

func (g *docGen) renderHTML(doc *genDocument) []byte {
	es := doc.plan.lang == "es"
	pub := genPublishers[doc.publisher]
	esc := html.EscapeString
	b := make([]byte, 0, 4096+len(doc.abstract)+16*len(doc.blocks)+blocksLen(doc.blocks))
	b = append(b, "<!DOCTYPE html>\n<html lang=\""...)
	b = append(b, doc.plan.lang...)
	b = append(b, "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"...)
	b = append(b, esc(doc.title)...)
	b = append(b, " | "...)
	b = append(b, esc(pub.Name)...)
	b = append(b, "</title>\n"...)
	meta := func(attr, key, val string) {
		b = append(b, "<meta "...)
		b = append(b, attr...)
		b = append(b, "=\""...)
		b = append(b, key...)
		b = append(b, "\" content=\""...)
		b = append(b, esc(val)...)
		b = append(b, "\">\n"...)
	}
	meta("name", "description", doc.abstract)
	switch doc.variant {
	case variantCitation:
		meta("name", "citation_title", doc.title)
		for _, a := range doc.authors {
			meta("name", "citation_author", invertName(a))
		}
		meta("name", "citation_publication_date", strings.ReplaceAll(doc.date, "-", "/"))
		if doc.series != "" {
			meta("name", "citation_series_title", doc.series)
			meta("name", "citation_technical_report_number", strconv.Itoa(doc.plan.number))
		}
		meta("name", "citation_publisher", pub.Name)
		meta("name", "citation_language", doc.plan.lang)
		meta("name", "citation_abstract_html_url", doc.url)
	case variantJSONLD:
		b = append(b, "<script type=\"application/ld+json\">\n"...)
		b = g.appendJSONLD(b, doc)
		b = append(b, "\n</script>\n"...)
	case variantDC:
		b = append(b, "<link rel=\"schema.DC\" href=\"http://purl.org/dc/elements/1.1/\">\n"...)
		meta("name", "DC.title", doc.title)
		for _, a := range doc.authors {
			meta("name", "DC.creator", a)
		}
		meta("name", "DC.date", doc.date)
		meta("name", "DC.language", doc.plan.lang)
		meta("name", "DC.publisher", pub.Name)
		meta("name", "DC.coverage", strings.Join(g.countryNames(doc.countries, false), "; "))
		if doc.series != "" {
			meta("name", "DC.relation.isPartOf", doc.series+" "+strconv.Itoa(doc.plan.number))
		}
		meta("name", "DC.type", "Text")
	case variantOG:
		meta("property", "og:type", "article")
		meta("property", "og:site_name", pub.Name)
		meta("property", "og:title", doc.title)
		meta("property", "og:description", doc.abstract)
		meta("property", "og:url", doc.url)
		if es {
			meta("property", "og:locale", "es_ES")
		} else {
			meta("property", "og:locale", "en_GB")
		}
		meta("property", "article:published_time", doc.date+"T09:00:00+00:00")
		for _, a := range doc.authors {
			meta("property", "article:author", a)
		}
	}
	b = append(b, "<link rel=\"canonical\" href=\""...)
	b = append(b, esc(doc.url)...)
	b = append(b, "\">\n"...)
	b = append(b, htmlHeadChrome...)
	b = append(b, "</head>\n<body>\n"...)
	b = append(b, htmlCookieBanner...)
	b = append(b, "<header class=\"site-header\">\n  <div class=\"logo\"><a href=\"/\">"...)
	b = append(b, esc(pub.Name)...)
	b = append(b, "</a></div>\n"...)
	b = append(b, htmlNav...)
	b = append(b, "</header>\n<nav class=\"breadcrumb\"><a href=\"/\">Home</a> &rsaquo; <a href=\"/publications\">"...)
	b = append(b, doc.kindWord()...)
	b = append(b, "</a></nav>\n<main id=\"content\">\n<article class=\"publication\">\n<header class=\"entry-header\">\n"...)
	if doc.variant == variantVisible || doc.variant == variantOG {
		if s := seriesLine(doc); s != "" {
			b = append(b, "<p class=\"series\">"...)
			b = append(b, esc(s)...)
			b = append(b, "</p>\n"...)
		}
	}
	b = append(b, "<h1 class=\"entry-title\">"...)
	b = append(b, esc(doc.title)...)
	b = append(b, "</h1>\n"...)
	if doc.variant != variantCitation {
		by := "By "
		if es {
			by = "Por "
		}
		b = append(b, "<p class=\"byline\">"...)
		b = append(b, by...)
		b = append(b, esc(listing(doc.authors, es))...)
		b = append(b, "</p>\n"...)
	}
	if doc.variant == variantVisible {
		b = append(b, "<p class=\"dateline\"><time datetime=\""...)
		b = append(b, doc.date...)
		b = append(b, "\">"...)
		b = append(b, dateline(doc)...)
		b = append(b, "</time></p>\n"...)
	}
	b = append(b, "</header>\n<div class=\"entry-content\">\n<p class=\"summary\"><strong>"...)
	b = append(b, esc(doc.abstract)...)
	b = append(b, "</strong></p>\n"...)
	for _, bl := range doc.blocks {
		if bl.heading {
			b = append(b, "<h2>"...)
			b = append(b, esc(bl.text)...)
			b = append(b, "</h2>\n"...)
			continue
		}
		b = append(b, "<p>"...)
		b = append(b, bl.text...) // generated words: nothing to escape
		b = append(b, "</p>\n"...)
	}
	b = append(b, "</div>\n<div class=\"share\"><a href=\"#\">Share on social media</a> <a href=\"#\">Email</a> <a href=\"#\">Print</a></div>\n</article>\n"...)
	b = append(b, "<aside class=\"related\">\n<h3>Related publications</h3>\n<ul>\n"...)
	for range 3 {
		b = append(b, "<li><a href=\"/publications/related\">"...)
		b = append(b, esc(titleCase(g.collocation(es)))...)
		b = append(b, "</a></li>\n"...)
	}
	b = append(b, "</ul>\n</aside>\n</main>\n<footer class=\"site-footer\">\n<p>&copy; "...)
	b = append(b, esc(pub.Name)...)
	b = append(b, htmlFooter...)
	return b
}

func blocksLen(bs []genBlock) int {
	n := 0
	for _, b := range bs {
		n += len(b.text)
	}
	return n
}

// invertName writes "Given Surname" as "Surname, Given" (citation_author
// style); the surname is the last word, or the last two for Spanish names
// with a particle-free double surname.
func invertName(name string) string {
	words := strings.Fields(name)
	if len(words) < 2 {
		return name
	}
	cut := len(words) - 1
	if len(words) >= 3 && (words[len(words)-2] == "de" || words[len(words)-2] == "van" || words[len(words)-2] == "ter" ||
		words[len(words)-3] == "van" && words[len(words)-2] == "der") {
		cut = len(words) - 2
		if words[len(words)-3] == "van" {
			cut = len(words) - 3
		}
	}
	return strings.Join(words[cut:], " ") + ", " + strings.Join(words[:cut], " ")
}

func (g *docGen) appendJSONLD(b []byte, doc *genDocument) []byte {
	pub := genPublishers[doc.publisher]
	b = append(b, `{"@context":"https://schema.org","@type":"Report","headline":`...)
	b = appendJSONString(b, doc.title)
	b = append(b, `,"author":[`...)
	for i, a := range doc.authors {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"@type":"Person","name":`...)
		b = appendJSONString(b, a)
		b = append(b, '}')
	}
	b = append(b, `],"datePublished":"`...)
	b = append(b, doc.date...)
	b = append(b, `","inLanguage":"`...)
	b = append(b, doc.plan.lang...)
	b = append(b, `","publisher":{"@type":"Organization","name":`...)
	b = appendJSONString(b, pub.Name)
	b = append(b, `},"description":`...)
	b = appendJSONString(b, doc.abstract)
	if doc.series != "" {
		b = append(b, `,"isPartOf":{"@type":"CreativeWorkSeries","name":`...)
		b = appendJSONString(b, doc.series)
		b = append(b, `},"reportNumber":"`...)
		b = strconv.AppendInt(b, int64(doc.plan.number), 10)
		b = append(b, '"')
	}
	b = append(b, `,"spatialCoverage":[`...)
	for i, c := range doc.countries {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"@type":"Country","name":`...)
		b = appendJSONString(b, countryName(c, false))
		b = append(b, '}')
	}
	b = append(b, `],"url":`...)
	b = appendJSONString(b, doc.url)
	b = append(b, '}')
	return b
}

const htmlHeadChrome = `<style>
  body { font-family: Georgia, serif; margin: 0; color: #222; }
  .cookie-banner { position: fixed; bottom: 0; left: 0; right: 0; background: #222; color: #fff; padding: 1em; }
  .site-header { background: #0b3d2e; color: #fff; }
  .main-nav ul { list-style: none; display: flex; gap: 1em; }
  .site-footer { font-size: .8em; color: #555; border-top: 1px solid #ccc; }
</style>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date());
</script>
`

const htmlCookieBanner = `<div class="cookie-banner" id="cookie-consent">
  <p>We use cookies to improve your experience on our website and to analyse our traffic. <a href="/privacy">Read our privacy policy</a>.</p>
  <button class="accept" type="button">Accept all cookies</button>
  <button class="reject" type="button">Only necessary cookies</button>
</div>
`

const htmlNav = `  <nav class="main-nav" aria-label="Main menu">
    <ul>
      <li><a href="/">Home</a></li>
      <li><a href="/publications">Publications</a></li>
      <li><a href="/topics">Topics</a></li>
      <li><a href="/events">Events</a></li>
      <li><a href="/about">About us</a></li>
      <li><a href="/donate">Support our work</a></li>
    </ul>
  </nav>
  <form class="site-search" action="/search" method="get"><input type="search" name="q" placeholder="Search publications"><button type="submit">Search</button></form>
`

const htmlFooter = `. Content licensed under a Creative Commons Attribution licence.</p>
<nav class="footer-nav"><a href="/contact">Contact</a> <a href="/privacy">Privacy</a> <a href="/newsletter">Newsletter</a></nav>
<form class="newsletter"><label>Subscribe to our newsletter <input type="email" name="email"></label><button>Subscribe</button></form>
</footer>
</body>
</html>
`

// renderText writes a plain-text document: mostly with the header block
// the extractor reads, sometimes with only a title, byline, dateline and
// series line, as in old text archives. Paragraphs are wrapped at 76
// columns.
func (g *docGen) renderText(doc *genDocument) []byte {
	es := doc.plan.lang == "es"
	b := make([]byte, 0, 1024+len(doc.abstract)+blocksLen(doc.blocks)+2*len(doc.blocks))
	if doc.variant != variantVisible {
		b = append(b, "Title: "...)
		b = append(b, doc.title...)
		b = append(b, "\nAuthors: "...)
		b = append(b, strings.Join(doc.authors, "; ")...)
		b = append(b, "\nDate: "...)
		b = append(b, doc.date...)
		if doc.series != "" {
			b = append(b, "\nSeries: "...)
			b = append(b, doc.series...)
			b = append(b, "\nNumber: "...)
			b = strconv.AppendInt(b, int64(doc.plan.number), 10)
		}
		b = append(b, "\nCountry: "...)
		b = append(b, strings.Join(g.countryNames(doc.countries, false), ", ")...)
		b = append(b, "\nLanguage: "...)
		b = append(b, doc.plan.lang...)
		b = append(b, "\n\n"...)
	} else {
		by := "By "
		if es {
			by = "Por "
		}
		b = append(b, doc.title...)
		b = append(b, '\n')
		b = append(b, by...)
		b = append(b, listing(doc.authors, es)...)
		b = append(b, '\n')
		b = append(b, dateline(doc)...)
		if s := seriesLine(doc); s != "" {
			b = append(b, '\n')
			b = append(b, s...)
		}
		b = append(b, "\n\n"...)
	}
	b = appendWrapped(b, doc.abstract, 76)
	for _, bl := range doc.blocks {
		b = append(b, '\n')
		b = appendWrapped(b, bl.text, 76)
	}
	return b
}

// appendWrapped appends s broken into lines of at most width bytes (a
// longer word gets a line of its own), then a newline.
func appendWrapped(b []byte, s string, width int) []byte {
	lineStart := len(b)
	for len(s) > 0 {
		i := strings.IndexByte(s, ' ')
		w := s
		if i >= 0 {
			w, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if len(b) > lineStart {
			if len(b)-lineStart+1+len(w) > width {
				b = append(b, '\n')
				lineStart = len(b)
			} else {
				b = append(b, ' ')
			}
		}
		b = append(b, w...)
	}
	return append(b, '\n')
}

// renderJSONL writes one JSON Lines record. Field values vary the way real
// exports do: language as "es", "es-ES" or "Spanish"; countries now and
// then in Spanish.
func (g *docGen) renderJSONL(doc *genDocument) []byte {
	r := g.r
	es := doc.plan.lang == "es"
	b := make([]byte, 0, 512+len(doc.abstract)+blocksLen(doc.blocks)+2*len(doc.blocks))
	b = append(b, `{"id":`...)
	b = appendJSONString(b, doc.id)
	b = append(b, `,"title":`...)
	b = appendJSONString(b, doc.title)
	b = append(b, `,"authors":[`...)
	for i, a := range doc.authors {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, a)
	}
	b = append(b, `],"date":"`...)
	b = append(b, doc.date...)
	b = append(b, `","year":`...)
	b = strconv.AppendInt(b, int64(doc.plan.year), 10)
	if doc.series != "" {
		b = append(b, `,"series":`...)
		b = appendJSONString(b, doc.series)
		b = append(b, `,"number":`...)
		b = strconv.AppendInt(b, int64(doc.plan.number), 10)
	}
	b = append(b, `,"countries":[`...)
	spanishNames := es && r.IntN(10) == 0
	for i, c := range doc.countries {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, countryName(c, spanishNames))
	}
	b = append(b, `],"language":`...)
	lang := doc.plan.lang
	switch r.IntN(20) {
	case 0:
		lang = map[bool]string{false: "en-GB", true: "es-ES"}[es]
	case 1:
		lang = map[bool]string{false: "English", true: "Spanish"}[es]
	}
	b = appendJSONString(b, lang)
	b = append(b, `,"url":`...)
	b = appendJSONString(b, doc.url)
	b = append(b, `,"abstract":`...)
	b = appendJSONString(b, doc.abstract)
	b = append(b, `,"text":"`...)
	for i, bl := range doc.blocks {
		if i > 0 {
			b = append(b, `\n\n`...)
		}
		b = appendJSONStringBody(b, bl.text)
	}
	b = append(b, "\"}\n"...)
	return b
}

// appendJSONString appends s as a JSON string.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	b = appendJSONStringBody(b, s)
	return append(b, '"')
}

const hexDigits = "0123456789abcdef"

// appendJSONStringBody appends s escaped for a JSON string, without the
// quotes. "<", ">" and "&" are escaped too, so that the same text is safe
// inside a <script> element.
func appendJSONStringBody(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
			continue
		}
		b = append(b, s[last:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\t':
			b = append(b, '\\', 't')
		case '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		last = i + 1
	}
	return append(b, s[last:]...)
}
