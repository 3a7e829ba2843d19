package web

import (
	"errors"
	"html"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/briefs/briefs/fields"
	"github.com/briefs/briefs/search"
)

// handleDoc serves "GET /doc/{id}?q=…&cite=N": one document with its
// metadata, full text (query words marked), neighbours and citations. IDs
// are opaque: whatever the path holds is looked up as is, so
// "/doc/..%2F..%2Fetc%2Fpasswd" is merely an unknown ID and a 404.
func (s *Server) handleDoc(w http.ResponseWriter, r *http.Request) error {
	id := pathParam(r, "id")
	v := r.URL.Query()
	var q search.Query
	if t := strings.TrimSpace(v.Get(paramQ)); len(t) <= search.MaxQueryLength {
		q.Text = t // only used to mark words; a too-long one is ignored
	}
	ctx, cancel := s.searchContext(r)
	defer cancel()
	part, _ := strconv.Atoi(v.Get("part"))
	doc, err := s.index.DocumentPart(ctx, id, part)
	if err != nil {
		return err
	}
	var parent *search.Document
	if p := doc.Record.Parent; p != "" {
		parent, err = s.index.Document(ctx, p)
		if err != nil && !errors.Is(err, search.ErrNotFound) {
			return err
		}
	}
	marks, err := s.marks(r, q, doc.Record)
	if err != nil {
		return err
	}
	cite, _ := strconv.Atoi(v.Get("cite"))
	page := buildDocPage(doc, parent, q, marks, cite, s.baseURL(r))
	page.Version = s.cfg.Version
	page.Box = q.Text
	return s.render(w, r, http.StatusOK, "doc.html", page)
}

// marks returns rec's paragraphs, escaped, with the query's words marked
// by the search package's highlighter: the analysis the result list's
// snippets come from, so both pages mark the same words. A query that
// does not parse or is not allowed marks nothing (the page was asked for
// the document; a missed mark is harmless), and no query gives nil.
func (s *Server) marks(r *http.Request, q search.Query, rec search.Record) ([]template.HTML, error) {
	if q.Text == "" {
		return nil, nil
	}
	ctx, cancel := s.searchContext(r)
	defer cancel()
	marks, err := s.index.Highlight(ctx, q, rec.Language, rec.Paragraphs)
	var synErr *search.SyntaxError
	var reqErr *search.RequestError
	if errors.As(err, &synErr) || errors.As(err, &reqErr) {
		return nil, nil
	}
	return marks, err
}

// baseURL is the site's absolute address for feed IDs, citations and meta
// tags: Config.BaseURL, or else the request's scheme and host.
func (s *Server) baseURL(r *http.Request) string {
	if s.cfg.BaseURL != "" {
		return strings.TrimRight(s.cfg.BaseURL, "/")
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	host := r.Host
	if !validHost(host) {
		host = "localhost"
	}
	return scheme + "://" + host
}

// webURL returns u if it is an absolute http(s) URL, else "": a record's
// links come from crawled pages and end up in hrefs, meta tags and JSON-LD.
func webURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}

// validHost accepts host[:port] made of the characters DNS names, IPv4 and
// bracketed IPv6 addresses use, so a forged Host header cannot inject
// anything into the links we print.
func validHost(h string) bool {
	if h == "" || len(h) > 255 {
		return false
	}
	for _, c := range h {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.ContainsRune(".-:[]", c):
		default:
			return false
		}
	}
	return true
}

// partParam is the query parameter that asks for part n of a long
// document's text, to append to u.
func partParam(u string, n int) string {
	if strings.Contains(u, "?") {
		return "&part=" + strconv.Itoa(n)
	}
	return "?part=" + strconv.Itoa(n)
}

// buildDocPage is the pure part of handleDoc.
// marks holds the paragraphs' marked HTML (see Server.marks), or nil.
func buildDocPage(doc *search.Document, parent *search.Document, q search.Query, marks []template.HTML, cite int, base string) *docPage {
	rec := doc.Record
	rec.URL, rec.PDFURL = webURL(rec.URL), webURL(rec.PDFURL)
	self := "/doc/" + url.PathEscape(rec.ID)
	p := &docPage{
		Record:    rec,
		Query:     q,
		KindLabel: kindLabel(rec.Kind),
		Permalink: base + self,
	}
	p.Title = title(rec)
	p.Nav = "doc"
	p.Canonical = p.Permalink
	if q.Text != "" {
		p.SearchURL = searchURL(search.Query{Text: q.Text})
	}
	p.Info = docInfo(rec)
	if raw := strings.TrimSpace(doc.Record.PDFURL); raw != "" && rec.PDFURL == "" {
		// A PDF merged from the ingested folder has a path, not a web
		// address: show it, so the reader knows where the pages come from.
		p.Info = append(p.Info, metaRow{Label: "PDF file", Value: raw})
	}
	p.Groups = paragraphGroups(rec, q.Text, marks, cite, doc.FirstParagraph, doc.Part)
	if doc.Parts > 1 {
		p.Part = &partNav{N: doc.Part, NextN: doc.Part + 1, Of: doc.Parts}
		partURL := func(n int) string {
			u := docURL(rec.ID, q)
			return u + partParam(u, n)
		}
		if doc.Part > 1 {
			p.Part.PrevURL = partURL(doc.Part - 1)
		}
		if doc.Part < doc.Parts {
			p.Part.NextURL = partURL(doc.Part + 1)
		}
	}

	ref := func(r *search.Ref, label string) *refLink {
		if r == nil {
			return nil
		}
		return &refLink{Ref: *r, URL: docURL(r.ID, q), Label: label}
	}
	if doc.Prev != nil {
		p.Prev = ref(doc.Prev, refNumberLabel(*doc.Prev))
	}
	if doc.Next != nil {
		p.Next = ref(doc.Next, refNumberLabel(*doc.Next))
	}
	for _, t := range doc.Translations {
		p.Langs = append(p.Langs, *ref(&t, languageName(t.Language)))
	}
	for _, r := range doc.References {
		p.References = append(p.References, *ref(&r, r.Title))
	}
	if parent != nil {
		pr := search.Ref{ID: parent.Record.ID, Title: title(parent.Record), Year: parent.Record.Year}
		p.Parent = ref(&pr, pr.Title)
	}
	p.FullText, p.ListedOn, p.Copies = docVersions(doc, q)

	p.Cites = citeBlocks(withPermalink(rec, p.Permalink), "cite-")
	if pc, ok := citePassage(withPermalink(rec, p.Permalink), cite, doc.FirstParagraph, base+self+"#p"+strconv.Itoa(cite)); ok {
		p.Passage = &pc
	}
	p.Meta = docMeta(rec, p.Permalink)
	p.JSONLD = docJSONLD(rec, p.Permalink)
	return p
}

func refNumberLabel(r search.Ref) string {
	if r.Number > 0 {
		return "No. " + strconv.Itoa(r.Number) + ": " + r.Title
	}
	return r.Title
}

// docInfo is the metadata table; filterable values link to a search.
func docInfo(rec search.Record) []metaRow {
	var rows []metaRow
	add := func(label, value string) {
		if strings.TrimSpace(value) != "" {
			rows = append(rows, metaRow{Label: label, Value: value})
		}
	}
	addLinks := func(label, field string, values []string) {
		if len(values) == 0 {
			return
		}
		row := metaRow{Label: label}
		for _, v := range values {
			q := search.Query{}.WithFilter(field, v)
			row.Links = append(row.Links, link{Label: valueLabel(field, v), URL: searchURL(q)})
		}
		rows = append(rows, row)
	}
	add("Type", kindLabel(rec.Kind))
	addLinks("Authors", paramAuthor, rec.Authors)
	add("Date", displayDate(rec))
	if rec.Series != "" {
		addLinks("Series", paramSeries, []string{rec.Series})
	}
	if rec.Number > 0 {
		add("Number", strconv.Itoa(rec.Number))
	}
	addLinks("Countries", paramCountry, rec.Countries)
	if rec.Language != "" {
		addLinks("Language", paramLanguage, []string{rec.Language})
	}
	add("Publisher", rec.Publisher)
	add("Keywords", strings.Join(rec.Keywords, ", "))
	// The keyword facets a collection declares in the table of fields.
	for _, f := range fields.Terms() {
		if vals := rec.Extra[f.Key]; len(vals) > 0 {
			addLinks(f.Facet, f.Name, vals)
		}
	}
	add("Source file", rec.Source)
	add("Note", rec.Note)
	return rows
}

// displayDate is "14 March 2005", "March 2005", "2005" or "".
func displayDate(rec search.Record) string {
	y, m, d := dateParts(rec)
	switch {
	case y == 0:
		return ""
	case d > 0:
		return strconv.Itoa(d) + " " + monthNames[m] + " " + strconv.Itoa(y)
	case m > 0:
		return monthNames[m] + " " + strconv.Itoa(y)
	}
	return strconv.Itoa(y)
}

// paragraphGroups numbers the paragraphs from 1 (anchors p1, p2, …) and,
// when the record has page numbers, groups them under page headings.
// marks, when not nil, holds each paragraph's marked HTML.
func paragraphGroups(rec search.Record, qtext string, marks []template.HTML, cited, first, part int) []paraGroup {
	paged := len(rec.Pages) == len(rec.Paragraphs) && len(rec.Pages) > 0
	citeBase := "/doc/" + url.PathEscape(rec.ID) + "?"
	if qtext != "" {
		citeBase += paramQ + "=" + url.QueryEscape(qtext) + "&"
	}
	if part > 1 {
		citeBase += "part=" + strconv.Itoa(part) + "&"
	}
	seen := map[int]bool{}
	var groups []paraGroup
	var shape paraShape
	for i, text := range rec.Paragraphs {
		n := first + i
		page := 0
		if paged {
			page = rec.Pages[i]
		}
		if len(groups) == 0 || groups[len(groups)-1].Page != page {
			g := paraGroup{Page: page}
			if page > 0 && !seen[page] { // ids stay unique if pages repeat
				g.ID = "page-" + strconv.Itoa(page)
				seen[page] = true
			}
			groups = append(groups, g)
		}
		g := &groups[len(groups)-1]
		marked := template.HTML(html.EscapeString(text))
		if i < len(marks) {
			marked = marks[i]
		}
		shape = shapeOf(rec, i, shape, marked)
		g.Paras = append(g.Paras, para{
			N:       n,
			ID:      "p" + strconv.Itoa(n),
			HTML:    marked,
			CiteURL: citeBase + "cite=" + strconv.Itoa(n) + "#cite",
			Cited:   n == cited,
			Shape:   shape,
		})
	}
	return groups
}
