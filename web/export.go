package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/briefs/briefs/search"
)

// maxExport caps one export at 1,000 records: enough for a bibliography,
// small enough to build in memory within the write timeout (ten searches of
// search.MaxSize). When the search has more, the response says so with the
// header "X-Briefs-Truncated: true" (and a comment line in BibTeX).
const maxExport = 1000

// exportTimeoutFactor bounds a whole export at this many search timeouts
// (15 s by default); one that takes longer gets the 503 "narrow it" answer.
const exportTimeoutFactor = 3

// exportFormats maps the route's {format} to its content type.
var exportFormats = map[string]string{
	"csv":   "text/csv; charset=utf-8",
	"jsonl": "application/x-ndjson; charset=utf-8",
	"bib":   "application/x-bibtex; charset=utf-8",
	"ris":   "application/x-research-info-systems; charset=utf-8",
	"json":  "application/vnd.citationstyles.csl+json; charset=utf-8", // CSL-JSON
}

// handleExport serves "GET /export.{csv|jsonl|bib|ris}?<search params>":
// every result of the search (all pages, up to maxExport) as a download.
func (s *Server) handleExport(w http.ResponseWriter, r *http.Request) error {
	format := pathParam(r, "format")
	ctype, ok := exportFormats[format]
	if !ok {
		return &Error{Status: http.StatusNotFound, Message: msgNotFound}
	}
	q, err := parseQuery(r.URL.Query())
	if err != nil {
		return err
	}
	// The export as a whole is bounded too, not only each of its page
	// searches: under load ten pages of 5 s each would hold a connection
	// for most of the write timeout.
	ctx, cancel := context.WithTimeout(r.Context(), exportTimeoutFactor*s.timeout)
	defer cancel()
	var recs []search.Record
	var total uint64
	if sel := parseSelection(r.URL.Query()); len(sel) > 0 {
		// Just the selected records (cite.go), whatever the search.
		recs, _, err = s.selectedRecords(ctx, sel)
		total = uint64(len(recs))
		if err == nil && len(recs) == 0 {
			return &Error{Status: http.StatusNotFound, Message: "None of the selected documents is in the index any more."}
		}
	} else {
		recs, total, err = s.collect(ctx, q, s.exportLimit)
	}
	if err != nil {
		return err
	}
	truncated := total > uint64(len(recs))
	var buf bytes.Buffer
	switch format {
	case "csv":
		err = writeCSV(&buf, recs)
	case "jsonl":
		err = writeJSONL(&buf, recs)
	case "bib":
		if truncated {
			fmt.Fprintf(&buf, "%% briefs export truncated: the first %d of %d results\n\n", len(recs), total)
		}
		keys := map[string]bool{}
		for _, rec := range recs {
			buf.WriteString(uniqueBibKey(citeBibTeX(rec), bibKey(rec), keys))
			buf.WriteByte('\n')
		}
	case "json":
		err = writeCSL(&buf, recs)
	case "ris":
		for _, rec := range recs {
			buf.WriteString(citeRIS(rec))
			buf.WriteString("\r\n")
		}
	}
	if err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", exportName(q, format)))
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	h.Set("X-Briefs-Total", strconv.FormatUint(total, 10))
	if truncated {
		h.Set("X-Briefs-Truncated", "true")
	}
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(buf.Bytes())
	}
	return nil
}

// collect runs q page by page and returns up to limit records and the
// total number of hits. Each page gets its own search timeout.
func (s *Server) collect(ctx context.Context, q search.Query, limit int) ([]search.Record, uint64, error) {
	q.Size, q.Snippets, q.FacetSize = search.MaxSize, -1, 1
	var recs []search.Record
	var total uint64
	for page := 1; len(recs) < limit; page++ {
		q.Page = page
		res, err := s.searchOnce(ctx, q)
		if err != nil {
			return nil, 0, err
		}
		total = res.Total
		partial := false
		for _, h := range res.Hits {
			if h.Partial { // an export holds the full matches, the total
				partial = true
				break
			}
			recs = append(recs, hitRecord(h))
		}
		if partial || len(res.Hits) == 0 || page >= res.Pages {
			break
		}
	}
	if len(recs) > limit {
		recs = recs[:limit]
	}
	return recs, total, nil
}

func (s *Server) searchOnce(ctx context.Context, q search.Query) (*search.Results, error) {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	return s.index.Search(ctx, q)
}

// hitRecord turns a hit back into a record (without its text) so that the
// exports share the citation code of the document page. A URL that is not
// http(s) is dropped: reference managers make links of it.
func hitRecord(h search.Hit) search.Record {
	return search.Record{
		ID: h.ID, Kind: h.Kind, Title: h.Title, Authors: h.Authors, Families: h.Families, Date: h.Date, Year: h.Year,
		Series: h.Series, Number: h.Number, Countries: h.Countries, Language: h.Language,
		Publisher: h.Publisher, Abstract: h.Abstract, Source: h.Source, URL: webURL(h.URL), Parent: h.Parent,
	}
}

// csvHeader is the export's column list, in order.
// kind, publisher and abstract come last so that scripts reading the
// older columns by position keep working.
var csvHeader = []string{"id", "title", "authors", "date", "year", "series", "number", "countries", "language", "url", "source",
	"kind", "publisher", "abstract"}

func writeCSV(buf *bytes.Buffer, recs []search.Record) error {
	cw := csv.NewWriter(buf)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	num := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	for _, r := range recs {
		row := []string{r.ID, r.Title, strings.Join(r.Authors, "; "), r.Date, num(r.Year), r.Series,
			num(r.Number), strings.Join(r.Countries, "; "), r.Language, r.URL, r.Source, r.Kind, r.Publisher, r.Abstract}
		for i := range row {
			row[i] = csvSafe(row[i])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe defuses spreadsheet formulas: a cell starting with = + - @ or a
// control character is prefixed with an apostrophe, which spreadsheets
// hide, so opening an export cannot run a formula from a hostile title.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func writeJSONL(buf *bytes.Buffer, recs []search.Record) error {
	enc := json.NewEncoder(buf) // one compact object per line
	for _, r := range recs {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return nil
}

// exportName is the download's file name: "briefs-coca-policy.csv".
func exportName(q search.Query, ext string) string {
	var words []string
	n := 0
	for _, w := range strings.Fields(q.Text) {
		if f := asciiFold(w); f != "" && n+len(f) <= 40 {
			words = append(words, f)
			n += len(f) + 1
		}
	}
	name := "briefs"
	if len(words) > 0 {
		name += "-" + strings.Join(words, "-")
	}
	return name + "." + ext
}

// uniqueBibKey gives an entry a key no earlier entry of the export has:
// two works by one author in one year whose titles start alike would
// otherwise share "soberon2005coca", and reference managers merge or
// drop entries with the same key. The second gets "soberon2005cocab", the
// third "...c", as bibliographies write "2005a, 2005b".
func uniqueBibKey(entry, key string, used map[string]bool) string {
	k := key
	for i := 1; used[k]; i++ {
		k = key + suffixLetters(i)
	}
	used[k] = true
	if k == key {
		return entry
	}
	return strings.Replace(entry, "{"+key+",", "{"+k+",", 1)
}

// suffixLetters numbers from 1 as b, c, ..., z, ba, bb, ...: the first
// entry keeps the bare key, standing for "a".
func suffixLetters(i int) string {
	var b []byte
	for ; i > 0; i /= 26 {
		b = append([]byte{byte('a' + i%26)}, b...)
	}
	return string(b)
}
