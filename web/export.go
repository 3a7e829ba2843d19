package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/briefs/briefs/fields"
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

// hitRecord is a hit's record (without its text), which the exports and
// the citation code share with the document page. A URL that is not
// http(s) is dropped: reference managers make links of it.
func hitRecord(h search.Hit) search.Record {
	rec := h.Record
	rec.URL, rec.PDFURL = webURL(rec.URL), webURL(rec.PDFURL)
	return rec
}

// csvColumns are the export's columns, in order: the fields of the table
// of fields marked CSV (kind, publisher and abstract come after the older
// columns so that scripts reading those by position keep working).
func csvColumns() []fields.Field {
	var out []fields.Field
	for _, f := range fields.All() {
		if f.CSV {
			out = append(out, f)
		}
	}
	return out
}

// writeCSV writes one row per record; a field with several values (authors,
// countries) gives one cell with the values separated by "; ".
func writeCSV(buf *bytes.Buffer, recs []search.Record) error {
	cw := csv.NewWriter(buf)
	cols := csvColumns()
	row := make([]string, len(cols))
	for i, f := range cols {
		row[i] = f.Key
	}
	if err := cw.Write(row); err != nil {
		return err
	}
	for _, r := range recs {
		for i, f := range cols {
			row[i] = csvSafe(strings.Join(r.Values(f.Key), "; "))
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

// writeJSONL writes one record per line, the fields a collection declares
// (Record.Extra) as keys of their own, as sidecars and JSON Lines give them.
func writeJSONL(buf *bytes.Buffer, recs []search.Record) error {
	for _, r := range recs {
		extra := r.Extra
		r.Extra = nil
		b, err := json.Marshal(r)
		if err != nil {
			return err
		}
		keys := slices.Sorted(maps.Keys(extra))
		if len(keys) > 0 {
			b = b[:len(b)-1] // reopen the object
			for _, k := range keys {
				kb, _ := json.Marshal(k)
				vb, err := json.Marshal(extra[k])
				if err != nil {
					return err
				}
				b = append(append(append(append(b, ','), kb...), ':'), vb...)
			}
			b = append(b, '}')
		}
		buf.Write(b)
		buf.WriteByte('\n')
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
