package web

import (
	"bytes"
	"encoding/xml"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/briefs/briefs/search"
)

// feedSize is the number of entries in a feed: readers poll, so only the
// newest matter.
const feedSize = 50

// Atom 1.0 (RFC 4287) elements, written with encoding/xml.
type atomFeed struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title     string      `xml:"title"`
	Subtitle  string      `xml:"subtitle,omitempty"`
	ID        string      `xml:"id"`
	Updated   string      `xml:"updated"`
	Links     []atomLink  `xml:"link"`
	Author    atomPerson  `xml:"author"`
	Generator string      `xml:"generator"`
	Entries   []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title      atomText       `xml:"title"`
	ID         string         `xml:"id"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published,omitempty"`
	Links      []atomLink     `xml:"link"`
	Authors    []atomPerson   `xml:"author"`
	Summary    *atomText      `xml:"summary,omitempty"`
	Categories []atomCategory `xml:"category"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

// handleFeed serves "GET /feed.atom?<search params>": the newest matching
// documents as an Atom feed. The sort is forced to newest; documents
// without a date are left out, since a feed announces what is new.
func (s *Server) handleFeed(w http.ResponseWriter, r *http.Request) error {
	q, err := parseQuery(r.URL.Query())
	if err != nil {
		return err
	}
	q.Sort, q.Page, q.Size, q.Snippets, q.FacetSize = search.SortNewest, 0, feedSize, -1, 1
	res, err := s.searchOnce(r.Context(), q)
	if err != nil {
		return err
	}
	feed := buildFeed(res, q, s.baseURL(r))
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(feed); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(buf.Bytes())
	}
	return nil
}

// buildFeed is the pure part of handleFeed. IDs are absolute URLs on base.
func buildFeed(res *search.Results, q search.Query, base string) atomFeed {
	feedTitle := "briefs"
	if res.SearchedFor != "" {
		feedTitle += ": " + res.SearchedFor
	} else if q.Text != "" {
		feedTitle += ": " + q.Text
	}
	fq := q
	fq.Sort, fq.Size, fq.Snippets, fq.FacetSize = "", 0, 0, 0
	self := base + feedURL(fq)
	feed := atomFeed{
		Title:     feedTitle,
		Subtitle:  "Newest documents matching this search",
		ID:        self,
		Author:    atomPerson{Name: "briefs"},
		Generator: "briefs",
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: self},
			{Rel: "alternate", Type: "text/html", Href: base + sortURL(fq, search.SortNewest)},
		},
	}
	var newest time.Time
	for _, h := range res.Hits {
		if h.Partial { // the feed follows the full matches only
			break
		}
		rec := hitRecord(h)
		t, ok := rec.Time()
		if !ok {
			continue
		}
		if t.After(newest) {
			newest = t
		}
		link := base + "/doc/" + url.PathEscape(h.ID)
		e := atomEntry{
			Title:   atomText{Type: "text", Body: title(rec)},
			ID:      link,
			Updated: t.UTC().Format(time.RFC3339),
			Links:   []atomLink{{Rel: "alternate", Type: "text/html", Href: link}},
		}
		e.Published = e.Updated
		for _, a := range h.Authors {
			e.Authors = append(e.Authors, atomPerson{Name: a})
		}
		if h.Abstract != "" {
			e.Summary = &atomText{Type: "text", Body: h.Abstract}
		}
		if u := webURL(h.URL); u != "" {
			e.Links = append(e.Links, atomLink{Rel: "related", Type: "text/html", Href: u})
		}
		if h.Kind != "" {
			e.Categories = append(e.Categories, atomCategory{Term: h.Kind, Label: kindLabel(h.Kind)})
		}
		for _, c := range h.Countries {
			e.Categories = append(e.Categories, atomCategory{Term: c})
		}
		feed.Entries = append(feed.Entries, e)
	}
	if newest.IsZero() {
		newest = time.Unix(0, 0) // an empty feed: any fixed instant is valid
	}
	feed.Updated = newest.UTC().Format(time.RFC3339)
	return feed
}
