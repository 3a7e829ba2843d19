package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
)

// The JSON API encodes search's own types, the same that `briefs search
// --json` prints, so there is one documented shape. Errors are
// {"error": "..."} (see apiHandle).

// handleAPISearch serves "GET /api/search?<search params>": search.Results.
func (s *Server) handleAPISearch(w http.ResponseWriter, r *http.Request) error {
	q, err := parseQuery(r.URL.Query())
	if err != nil {
		return err
	}
	res, err := s.searchOnce(r.Context(), q)
	if err != nil {
		return err
	}
	for i := range res.Hits {
		h := &res.Hits[i]
		h.URL, h.PDFURL = webURL(h.URL), webURL(h.PDFURL)
		for j := range h.Versions {
			h.Versions[j].URL = webURL(h.Versions[j].URL)
		}
	}
	return writeJSON(w, http.StatusOK, res)
}

// handleAPIDoc serves "GET /api/doc/{id}?part=N": search.Document, with
// part N of a long text (about 256 KiB a part).
func (s *Server) handleAPIDoc(w http.ResponseWriter, r *http.Request) error {
	ctx, cancel := s.searchContext(r)
	defer cancel()
	part, _ := strconv.Atoi(r.URL.Query().Get("part"))
	doc, err := s.index.DocumentPart(ctx, pathParam(r, "id"), part)
	if err != nil {
		return err
	}
	// Links come from crawled pages: API clients get them only if they
	// are http(s), as the pages do (see webURL).
	doc.Record.URL, doc.Record.PDFURL = webURL(doc.Record.URL), webURL(doc.Record.PDFURL)
	for j := range doc.Versions {
		doc.Versions[j].URL = webURL(doc.Versions[j].URL)
	}
	return writeJSON(w, http.StatusOK, doc)
}

// handleAPIFacets serves "GET /api/facets?<search params>": only the
// search.Facets of the search, without hits.
func (s *Server) handleAPIFacets(w http.ResponseWriter, r *http.Request) error {
	q, err := parseQuery(r.URL.Query())
	if err != nil {
		return err
	}
	q.Page, q.Size, q.Snippets = 0, 1, -1
	res, err := s.searchOnce(r.Context(), q)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, res.Facets)
}

// writeJSON encodes v into a buffer first, so an encoding error becomes a
// clean 500 rather than a truncated body. Encoding cannot fail for our
// types, so the error is returned only for the adapter's sake.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
	return nil
}
