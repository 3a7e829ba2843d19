package indexer

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// JSON Lines input: one record per line, for corpora exported from another
// system (a CMS, a database, the output of `briefs gen`). A line is
//
//	{"id": "dpb-11", "title": "...", "text": "...", "authors": ["..."],
//	 "date": "2005-03-14", "year": 2005, "series": "Drug Policy Briefing",
//	 "number": 11, "countries": ["Peru"], "language": "en",
//	 "url": "https://...", "abstract": "..."}
//
// Only id and text are required. The text is split into paragraphs at
// blank lines (at single newlines if it has no blank line). Values are
// normalised as the extractor normalises what it reads from a page: the
// series loses a publisher acronym, countries get their canonical names,
// the language its ISO 639-1 code (detected from the text when missing).

// MaxJSONLLine caps one line. A record is a whole document, so lines are
// long (a 15,000-word report is about 100 KB), but a line beyond this is a
// broken file, not a document.
const MaxJSONLLine = 64 << 20

// jsonlRecord is the shape of one line. Fields are pointers or raw where
// a missing value must be told apart from a wrong one.
type jsonlRecord struct {
	ID        *string  `json:"id"`
	Title     string   `json:"title"`
	Text      *string  `json:"text"`
	Authors   []string `json:"authors"`
	Date      string   `json:"date"`
	Year      int      `json:"year"`
	Series    string   `json:"series"`
	Number    int      `json:"number"`
	Countries []string `json:"countries"`
	Language  string   `json:"language"`
	URL       string   `json:"url"`
	Abstract  string   `json:"abstract"`
	// Also accepted, since Record has them and exports often do.
	Publisher string   `json:"publisher"`
	Keywords  []string `json:"keywords"`
	PDFURL    string   `json:"pdf_url"`
}

// ReadJSONL reads JSON Lines from r and calls fn with each record, in line
// order. source names the input in records (Record.Source) and in the
// report: a bad line (invalid JSON, no id or text, a value of the wrong
// type, a date that is not one, an id already used) is listed in
// Report.Skipped as "source:LINE" with the reason, and reading goes on.
// Blank lines are ignored. Only a read error, fn's error or ctx's
// cancellation stops it early.
//
// Each record's Hash is the SHA-256 of its line, so re-reading an
// unchanged line is recognised as unchanged.
func ReadJSONL(ctx context.Context, r io.Reader, source string, fn func(Record) error) (Report, error) {
	start := time.Now()
	rep := Report{Files: 1}
	br := bufio.NewReaderSize(r, 1<<20)
	seen := map[string]int{} // id -> line
	var buf []byte
	for lineNo := 1; ; lineNo++ {
		if err := ctx.Err(); err != nil {
			rep.Took = time.Since(start)
			return rep, err
		}
		line, tooLong, err := readLine(br, buf[:0], MaxJSONLLine)
		buf = line
		if err != nil && !errors.Is(err, io.EOF) {
			rep.Took = time.Since(start)
			return rep, fmt.Errorf("read %s: %w", source, err)
		}
		at := source + ":" + strconv.Itoa(lineNo)
		switch {
		case tooLong:
			rep.Skipped = append(rep.Skipped, Skip{at, fmt.Sprintf("line longer than %s", sizeString(MaxJSONLLine))})
		case len(bytes.TrimSpace(line)) > 0:
			if lineNo == 1 {
				line = bytes.TrimPrefix(line, []byte("\ufeff"))
			}
			rec, reason := parseJSONLine(line, source)
			if reason == "" {
				if prev, dup := seen[rec.ID]; dup {
					reason = fmt.Sprintf("same id %q as line %d", rec.ID, prev)
				}
			}
			if reason != "" {
				rep.Skipped = append(rep.Skipped, Skip{at, reason})
				break
			}
			seen[rec.ID] = lineNo
			if ferr := fn(rec); ferr != nil {
				rep.Took = time.Since(start)
				return rep, ferr
			}
			rep.Documents++
			rep.Records++
		}
		if errors.Is(err, io.EOF) {
			break
		}
	}
	rep.Took = time.Since(start)
	return rep, nil
}

// readLine reads one line into buf without its line ending. A line longer
// than max is read to its end but not kept: tooLong is set and the line is
// empty. err is io.EOF after the last line.
func readLine(br *bufio.Reader, buf []byte, max int) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > max+2 { // room for "\r\n"
				tooLong, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err != nil && !errors.Is(err, io.EOF):
			return buf, tooLong, err
		}
		buf = bytes.TrimSuffix(buf, []byte("\n"))
		buf = bytes.TrimSuffix(buf, []byte("\r"))
		if !tooLong && len(buf) > max {
			tooLong, buf = true, buf[:0]
		}
		if errors.Is(err, io.EOF) && len(buf) == 0 && !tooLong {
			return buf, false, io.EOF
		}
		return buf, tooLong, err
	}
}

// parseJSONLine turns one line into a record, or says why it cannot.
func parseJSONLine(line []byte, source string) (Record, string) {
	var j jsonlRecord
	if err := json.Unmarshal(line, &j); err != nil {
		return Record{}, jsonReason(err)
	}
	switch {
	case j.ID == nil || strings.TrimSpace(*j.ID) == "":
		return Record{}, "missing id"
	case j.Text == nil || strings.TrimSpace(*j.Text) == "":
		return Record{}, "missing text"
	}
	rec := Record{
		ID:        strings.TrimSpace(*j.ID),
		Title:     collapse(j.Title),
		Abstract:  collapse(j.Abstract),
		Publisher: collapse(j.Publisher),
		URL:       strings.TrimSpace(j.URL),
		PDFURL:    strings.TrimSpace(j.PDFURL),
		Keywords:  splitKeywords(j.Keywords...),
		Source:    source,
	}
	rec.Paragraphs = splitParagraphs(*j.Text)
	if len(rec.Paragraphs) == 0 {
		return Record{}, "missing text"
	}
	if rec.Title == "" {
		// A result list needs something to show; a text file without a
		// header is titled by its first line in the same way.
		rec.Title = cutAtWord(rec.Paragraphs[0], 120)
	}

	if d := strings.TrimSpace(j.Date); d != "" {
		rec.Date = parseDate(d)
		if rec.Date == "" {
			return Record{}, fmt.Sprintf("date %q is not a date", j.Date)
		}
		rec.Year = yearOf(rec.Date)
		if !validYear(rec.Year) {
			return Record{}, fmt.Sprintf("date %q is out of range", j.Date)
		}
		if j.Year != 0 && j.Year != rec.Year {
			return Record{}, fmt.Sprintf("year %d does not match date %q", j.Year, j.Date)
		}
	} else if j.Year != 0 {
		if !validYear(j.Year) {
			return Record{}, fmt.Sprintf("year %d is out of range", j.Year)
		}
		rec.Year = j.Year
		rec.Date = strconv.Itoa(j.Year)
	}

	if j.Number < 0 {
		return Record{}, fmt.Sprintf("number %d is negative", j.Number)
	}
	if s := strings.TrimSpace(j.Series); s != "" {
		rec.Series, rec.Number = cleanSeries(s)
	}
	if j.Number > 0 {
		rec.Number = j.Number
	}
	rec.Kind = kindFor(rec.Series, false)

	var names []string
	for _, a := range j.Authors {
		names = append(names, splitAuthors(a)...)
	}
	rec.Authors = normaliseAuthors(names)
	rec.Countries = jsonlCountries(j.Countries)

	rec.Language = NormalizeLanguage(j.Language)
	if rec.Language == "" {
		rec.Language = DetectLanguage(rec.Title + "\n" + rec.Abstract + "\n" + strings.Join(rec.Paragraphs, "\n"))
	}

	h := sha256.Sum256(line)
	rec.Hash = hex.EncodeToString(h[:])
	if err := rec.Validate(); err != nil {
		return Record{}, "invalid record: " + err.Error()
	}
	return rec, ""
}

// jsonlCountries gives known countries their canonical names and keeps
// unknown ones as written (a region, a territory the gazetteer lacks),
// without duplicates.
func jsonlCountries(in []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range in {
		c = collapse(c)
		if c == "" {
			continue
		}
		if name, ok := CountryName(c); ok {
			c = name
		}
		if !seen[strings.ToLower(c)] {
			seen[strings.ToLower(c)] = true
			out = append(out, c)
		}
	}
	return out
}

// splitParagraphs cuts text at blank lines, or at every newline when there
// is no blank line (one paragraph per line is a common export), and
// normalises white space inside each paragraph.
func splitParagraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	lines := strings.Split(text, "\n")
	blank := false
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			blank = true
			break
		}
	}
	var out []string
	if !blank {
		for _, l := range lines {
			if p := collapse(l); p != "" {
				out = append(out, p)
			}
		}
		return out
	}
	start := 0
	for i := 0; i <= len(lines); i++ {
		if i < len(lines) && strings.TrimSpace(lines[i]) != "" {
			continue
		}
		if i > start {
			if p := collapse(strings.Join(lines[start:i], " ")); p != "" {
				out = append(out, p)
			}
		}
		start = i + 1
	}
	return out
}

// jsonReason words a decoding error for the report: which field holds
// what instead of what we need.
func jsonReason(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		want := te.Type.String()
		switch want {
		case "string":
			want = "a string"
		case "[]string":
			want = "a list of strings"
		case "int":
			want = "a whole number"
		}
		if te.Field == "" {
			return fmt.Sprintf("a line must be a JSON object, not %s", te.Value)
		}
		return fmt.Sprintf("field %q is %s, want %s", te.Field, te.Value, want)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("invalid JSON at byte %d: %v", se.Offset, err)
	}
	return "invalid JSON: " + err.Error()
}
