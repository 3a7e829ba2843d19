package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/briefs/briefs/search"
)

// Citing from the result list: every hit has a Cite panel (APA, Chicago and
// MLA as rich text, downloads of BibTeX, RIS and CSL-JSON, and a link to the
// page with all six formats), and hits can be selected with checkboxes kept
// in the URL ("sel=ID", repeatable) so that an export takes just those.

// paramSel is the URL parameter holding selected record IDs.
const paramSel = "sel"

// maxSelected bounds a selection: the IDs ride in every link of the page,
// and a bibliography picked by hand is far smaller.
const maxSelected = 100

// citeBlocks are the six formats of rec, the rich ones with their HTML.
func citeBlocks(rec search.Record, idPrefix string) []citeBlock {
	rich := func(id, label string, marked func(search.Record) string) citeBlock {
		m := marked(rec)
		return citeBlock{ID: idPrefix + id, Label: label, Text: plainCite(m), HTML: richCite(m)}
	}
	return []citeBlock{
		rich("apa", "APA (7th edition)", apaMarked),
		rich("chicago", "Chicago (17th edition, author-date)", chicagoMarked),
		rich("mla", "MLA (9th edition)", mlaMarked),
		{ID: idPrefix + "bibtex", Label: "BibTeX", Text: citeBibTeX(rec)},
		{ID: idPrefix + "ris", Label: "RIS", Text: citeRIS(rec)},
		{ID: idPrefix + "csl", Label: "CSL-JSON", Text: citeCSL(rec)},
	}
}

// withPermalink gives a record without a web address of its own this
// site's permalink as its source, so that its citation still says where to
// find it.
func withPermalink(rec search.Record, permalink string) search.Record {
	if webURL(rec.URL) == "" {
		rec.URL = permalink
	}
	return rec
}

// citeURL is the Cite page of id; it carries the search so the page can
// lead back to it.
func citeURL(id string, q search.Query) string {
	q.Size, q.FacetSize = 0, 0
	return withQuery("/cite/"+url.PathEscape(id), encodeQuery(q))
}

// downloadLinks are the per-record downloads.
func downloadLinks(id string) []link {
	sel := paramSel + "=" + url.QueryEscape(id)
	return []link{
		{"BibTeX", "/export.bib?" + sel}, {"RIS", "/export.ris?" + sel}, {"CSL-JSON", "/export.json?" + sel},
	}
}

// citePage is "/cite/{id}".
type citePage struct {
	basePage
	Record    search.Record
	DocURL    string
	BackURL   string // the search the page was reached from, if any
	Cites     []citeBlock
	Downloads []link
}

// handleCite serves "GET /cite/{id}?q=…": the six citation formats of one
// record with copy buttons and downloads.
func (s *Server) handleCite(w http.ResponseWriter, r *http.Request) error {
	id := pathParam(r, "id")
	q, _ := parseQuery(r.URL.Query()) // only for the way back; a bad one is dropped
	ctx, cancel := s.searchContext(r)
	defer cancel()
	doc, err := s.index.Document(ctx, id)
	if err != nil {
		return err
	}
	rec := citeRecord(doc.Record, s.baseURL(r))
	page := &citePage{
		basePage:  s.base(r, "Cite: "+title(rec)),
		Record:    rec,
		DocURL:    docURL(id, q),
		Cites:     citeBlocks(rec, "cite-"),
		Downloads: downloadLinks(id),
	}
	page.Box = q.Text
	if !isEmpty(q) {
		page.BackURL = searchURL(q)
	}
	return s.render(w, r, http.StatusOK, "cite.html", page)
}

// citeRecord is rec as cited: only web addresses kept, the permalink as
// the source of a record without one.
func citeRecord(rec search.Record, base string) search.Record {
	rec.URL, rec.PDFURL = webURL(rec.URL), webURL(rec.PDFURL)
	return withPermalink(rec, base+"/doc/"+url.PathEscape(rec.ID))
}

// parseSelection reads the selected IDs: trimmed, deduplicated, in the
// order given, at most maxSelected.
func parseSelection(v url.Values) []string {
	var sel []string
	for _, id := range v[paramSel] {
		if id = strings.TrimSpace(id); id != "" && !slices.Contains(sel, id) && len(sel) < maxSelected {
			sel = append(sel, id)
		}
	}
	return sel
}

// selectionQuery is "sel=a&sel=b" (empty for none).
func selectionQuery(sel []string) string {
	return url.Values{paramSel: sel}.Encode()
}

func addSelection(u string, sel []string) string {
	if len(sel) == 0 || u == "" {
		return u
	}
	sep := "?"
	if strings.Contains(u, "?") {
		sep = "&"
	}
	return u + sep + selectionQuery(sel)
}

// selection is the results page's view of the selected hits.
type selection struct {
	IDs     []string
	Hidden  []hiddenField // the search's own parameters, for the select form
	Others  []string      // selected IDs not on this page, carried along
	Exports []link        // exports of just the selection
	Clear   string        // the page without the selection
}

// applySelection marks the selected hits, adds the Cite panel of each hit
// and carries the selection through every link of the page that keeps the
// search (pager, sort, filters), so that it survives paging.
func applySelection(page *searchPage, v url.Values, base string) {
	sel := parseSelection(v)
	q := page.Query
	on := map[string]bool{}
	for i := range page.Hits {
		h := &page.Hits[i]
		rec := citeRecord(hitRecord(h.Hit), base)
		h.CiteURL = citeURL(h.ID, q)
		h.Cites = citeBlocks(rec, "cite-"+h.ID+"-")[:3]
		h.Downloads = downloadLinks(h.ID)
		h.Selected = slices.Contains(sel, h.ID)
		on[h.ID] = true
	}
	st := &selection{IDs: sel}
	keys := append(append([]string{paramQ}, filterFields()...), paramFrom, paramTo, paramSort, paramPage, paramSize, paramFacetSize)
	for _, k := range keys {
		for _, val := range v[k] {
			st.Hidden = append(st.Hidden, hiddenField{k, val})
		}
	}
	for _, id := range sel {
		if !on[id] {
			st.Others = append(st.Others, id)
		}
	}
	page.Select = st
	if len(sel) == 0 {
		return
	}
	for _, f := range []struct{ label, format string }{
		{"BibTeX", "bib"}, {"RIS", "ris"}, {"CSL-JSON", "json"}, {"CSV", "csv"}, {"JSON Lines", "jsonl"},
	} {
		st.Exports = append(st.Exports, link{f.label, "/export." + f.format + "?" + selectionQuery(sel)})
	}
	st.Clear = pageURL(q, max(q.Page, 1))
	if p := page.Pager; p != nil {
		p.Prev, p.Next = addSelection(p.Prev, sel), addSelection(p.Next, sel)
		for i := range p.Pages {
			p.Pages[i].URL = addSelection(p.Pages[i].URL, sel)
		}
	}
	for i := range page.Sorts {
		page.Sorts[i].URL = addSelection(page.Sorts[i].URL, sel)
	}
	for _, id := range sel {
		page.FormState = append(page.FormState, hiddenField{paramSel, id})
		page.Hidden = append(page.Hidden, hiddenField{paramSel, id})
	}
}

// selectedRecords fetches the selected records, in the order selected; IDs
// that are not in the index (any more) are counted in missing.
func (s *Server) selectedRecords(ctx context.Context, ids []string) (recs []search.Record, missing int, err error) {
	for _, id := range ids {
		doc, err := s.index.Document(ctx, id)
		if errors.Is(err, search.ErrNotFound) {
			missing++
			continue
		}
		if err != nil {
			return nil, 0, err
		}
		rec := doc.Record
		rec.Paragraphs, rec.Pages, rec.Hash = nil, nil, ""
		rec.URL, rec.PDFURL = webURL(rec.URL), webURL(rec.PDFURL)
		recs = append(recs, rec)
	}
	return recs, missing, nil
}
