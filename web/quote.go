package web

import (
	"errors"
	"html"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/briefs/briefs/search"
)

// Tracing a quote (search.TraceQuote): "/quote?text=…" takes a pasted
// sentence or paragraph, misquoted or not, and lists the paragraphs that
// contain it, best first, each with its citation and a "cite this passage"
// link. A search for "quote: …" goes there too.

const (
	paramText = "text"
	// quotePrefix in the search box asks for a quote trace.
	quotePrefix = "quote:"
	// quoteResults is how many passages the page lists.
	quoteResults = 10
	// maxQuoteBytes bounds the pasted text; search.TraceQuote uses its first
	// 80 words anyway.
	maxQuoteBytes = 4000
)

// quotePage is "/quote".
type quotePage struct {
	basePage
	Text     string
	Error    string
	Searched bool // a quote was traced (and Passages may be empty)
	Passages []passageView
	Took     string
}

type passageView struct {
	Title     string
	Authors   string
	Year      int
	DocURL    string // the document at the paragraph
	CiteURL   string // the document with this paragraph's citation
	Locator   string
	HTML      template.HTML // the paragraph, the quote's words marked
	Score     int           // percent of the quote's word pairs found
	APA       string        // in-text citation plus reference
	Paragraph int
}

// handleQuote serves "GET /quote?text=…".
func (s *Server) handleQuote(w http.ResponseWriter, r *http.Request) error {
	text := strings.TrimSpace(r.URL.Query().Get(paramText))
	page := &quotePage{basePage: s.base(r, "Trace a quote"), Text: text}
	page.Nav = "quote"
	page.Box = ""
	if text == "" {
		return s.render(w, r, http.StatusOK, "quote.html", page)
	}
	if len(text) > maxQuoteBytes || !utf8.ValidString(text) {
		page.Error = "Paste at most a paragraph (" + strconv.Itoa(maxQuoteBytes) + " bytes) of text."
		return s.render(w, r, http.StatusBadRequest, "quote.html", page)
	}
	ctx, cancel := s.searchContext(r)
	defer cancel()
	res, err := s.index.TraceQuote(ctx, text, quoteResults)
	if errors.Is(err, search.ErrShortQuote) {
		page.Error = "Paste at least three words of the passage; for fewer words, search for them."
		return s.render(w, r, http.StatusBadRequest, "quote.html", page)
	}
	if err != nil {
		return err
	}
	page.Searched = true
	page.Took = took(res.Took)
	base := s.baseURL(r)
	for _, p := range res.Passages {
		page.Passages = append(page.Passages, newPassageView(p, base))
	}
	return s.render(w, r, http.StatusOK, "quote.html", page)
}

func newPassageView(p search.Passage, base string) passageView {
	rec := citeRecord(p.Record, base)
	doc := "/doc/" + url.PathEscape(rec.ID)
	self, cite := doc, doc+"?cite="+strconv.Itoa(p.Paragraph)
	if p.Part > 1 { // the part of a long document's page showing it
		self += partParam(self, p.Part)
		cite += partParam(cite, p.Part)
	}
	anchor := "#p" + strconv.Itoa(p.Paragraph)
	v := passageView{
		Title:     title(rec),
		Authors:   strings.Join(rec.Authors, ", "),
		Year:      rec.Year,
		DocURL:    self + anchor,
		CiteURL:   cite + "#cite",
		HTML:      markWords(p.Text, p.Matched),
		Score:     int(p.Score*100 + 0.5),
		Paragraph: p.Paragraph,
	}
	// p.Record holds the passage's paragraph only.
	if pc, ok := citePassage(rec, p.Paragraph, p.Paragraph, base+self+anchor); ok {
		v.Locator, v.APA = pc.Locator, pc.APA
	}
	return v
}

// markWords escapes text and puts the runs of marked words in <mark>.
func markWords(text string, marked []bool) template.HTML {
	var b strings.Builder
	open := false
	for i, w := range strings.Fields(text) {
		on := i < len(marked) && marked[i]
		if i > 0 {
			if open && !on {
				b.WriteString("</mark>")
				open = false
			}
			b.WriteByte(' ')
		}
		if on && !open {
			b.WriteString("<mark>")
			open = true
		}
		b.WriteString(html.EscapeString(w))
	}
	if open {
		b.WriteString("</mark>")
	}
	// Trusted: escaped words with only <mark> and </mark> added.
	return template.HTML(b.String())
}

// quoteRedirect is the /quote URL for a search box text starting with
// "quote:", or "" for any other text.
func quoteRedirect(q string) string {
	rest, ok := strings.CutPrefix(strings.TrimSpace(q), quotePrefix)
	if !ok {
		return ""
	}
	return "/quote?" + url.Values{paramText: {strings.TrimSpace(rest)}}.Encode()
}
