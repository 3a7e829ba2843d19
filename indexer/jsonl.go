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

	"github.com/briefs/briefs/fields"
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

// maxJSONLLine caps one line. A record is a whole document, so lines are
// long (a 15,000-word report is about 100 KB), but a line beyond this is a
// broken file, not a document.
const maxJSONLLine = 64 << 20

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
// Lines are parsed on GOMAXPROCS goroutines, a few lines ahead of fn, which
// is called from the calling goroutine only.
//
// Each record's Hash is the SHA-256 of its line, so re-reading an
// unchanged line is recognised as unchanged.
func ReadJSONL(ctx context.Context, r io.Reader, source string, fn func(Record) error) (Report, error) {
	start := time.Now()
	rep := Report{Files: 1}
	seen := map[string]int{} // id -> line
	in := jsonlInput{
		source: source,
		claim: func(id string, line int) string {
			if prev, dup := seen[id]; dup {
				return fmt.Sprintf("same id %q as line %d", id, prev)
			}
			seen[id] = line
			return ""
		},
	}
	err := in.read(ctx, r, &rep, fn)
	var re *jsonlReadError
	if errors.As(err, &re) {
		err = fmt.Errorf("read %s: %w", source, re.err)
	}
	rep.Took = time.Since(start)
	return rep, err
}

// jsonlInput is one JSON Lines stream being read, alone (ReadJSONL) or as
// one file of a Walk, which checks ids across files and shows progress.
type jsonlInput struct {
	source string
	// claim records that line holds id, or says why it may not: the id is
	// already used.
	claim func(id string, line int) (reason string)
	// raw, if set, counts the bytes read from the file (before gunzip),
	// and step is called with that count after each line.
	raw  *countingReader
	step func(read int64)
}

// jsonlLine is one line, read by the producer of ordered, and then what a
// worker made of it.
type jsonlLine struct {
	no      int
	data    []byte
	tooLong bool
	err     error // a read error after the lines before
	read    int64 // raw bytes read so far
	rec     Record
	reason  string // why the line gives no record
}

// jsonlReadError is a read error, told apart from fn's and ctx's errors
// so that Walk can report the file and go on.
type jsonlReadError struct {
	line int // the last line read whole
	err  error
}

func (e *jsonlReadError) Error() string {
	return fmt.Sprintf("read error after line %d: %v", e.line, e.err)
}

func (e *jsonlReadError) Unwrap() error { return e.err }

// read passes each good line's record to fn and adds the counts and the
// bad lines to rep; a read error is a *jsonlReadError.
func (in jsonlInput) read(ctx context.Context, r io.Reader, rep *Report, fn func(Record) error) error {
	br := bufio.NewReaderSize(r, 1<<20)
	var scratch []byte
	lineNo, done := 0, false
	next := func() (jsonlLine, bool) {
		for !done {
			lineNo++
			line, tooLong, err := readLine(br, scratch[:0], maxJSONLLine)
			scratch = line
			l := jsonlLine{no: lineNo, tooLong: tooLong}
			if in.raw != nil {
				l.read = in.raw.n
			}
			switch {
			case err != nil && !errors.Is(err, io.EOF):
				done = true
				l.err = &jsonlReadError{lineNo - 1, err}
				return l, true
			case errors.Is(err, io.EOF):
				done = true
			}
			if tooLong || len(bytes.TrimSpace(line)) > 0 {
				// The scratch buffer is read into again while this line
				// is parsed: it gets a copy.
				l.data = bytes.Clone(line)
				return l, true
			}
		}
		return jsonlLine{}, false
	}
	parse := func(l jsonlLine) jsonlLine {
		switch {
		case l.err != nil:
		case l.tooLong:
			l.reason = fmt.Sprintf("line longer than %s", sizeString(maxJSONLLine))
		default:
			if l.no == 1 {
				l.data = bytes.TrimPrefix(l.data, []byte("\ufeff"))
			}
			l.rec, l.reason = parseJSONLine(l.data, in.source)
		}
		l.data = nil // parsed: let it go before its turn comes
		return l
	}
	emit := func(l jsonlLine) error {
		if l.err != nil {
			return l.err
		}
		if l.reason == "" {
			l.reason = in.claim(l.rec.ID, l.no)
		}
		if l.reason != "" {
			// A bad line whose id is known names it, so that the record it
			// held before is kept (see Skip.ID).
			rep.Skipped = append(rep.Skipped, Skip{Path: in.source + ":" + strconv.Itoa(l.no), Reason: l.reason, ID: l.rec.ID})
		} else {
			if err := fn(l.rec); err != nil {
				return err
			}
			rep.Documents++
			rep.Records++
		}
		if in.step != nil {
			in.step(l.read)
		}
		return nil
	}
	return ordered(ctx, workers(), next, parse, emit)
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
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

// parseJSONLine turns one line into a record, or says why it cannot. The
// record of a bad line carries only its id, when the line has a usable one.
func parseJSONLine(line []byte, source string) (Record, string) {
	rec, reason := parseJSONRecord(line, source)
	if reason == "" {
		return rec, ""
	}
	var j struct {
		ID *string `json:"id"`
	}
	if json.Unmarshal(line, &j) != nil || j.ID == nil {
		return Record{}, reason
	}
	return Record{ID: strings.TrimSpace(*j.ID)}, reason
}

func parseJSONRecord(line []byte, source string) (Record, string) {
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
	rec.Families = authorFamilies(rec.Authors, invertedFamilies(names))
	rec.Countries = jsonlCountries(j.Countries)

	rec.Language = NormalizeLanguage(j.Language)
	if rec.Language == "" {
		rec.Language = DetectLanguage(rec.Title + "\n" + rec.Abstract + "\n" + strings.Join(rec.Paragraphs, "\n"))
	}

	if reason := jsonlExtra(line, &rec); reason != "" {
		return Record{}, reason
	}

	h := sha256.Sum256(line)
	rec.Hash = hex.EncodeToString(h[:])
	if err := rec.Validate(); err != nil {
		return Record{}, "invalid record: " + err.Error()
	}
	return rec, ""
}

// jsonlExtra reads the keyword fields the table of fields declares beyond
// Record's own (Record.Extra): a list of strings, or one string of values
// separated by commas or semicolons. The line is decoded a second time
// only when the table declares such a field.
func jsonlExtra(line []byte, rec *Record) (reason string) {
	var keys []string
	for _, f := range fields.All() {
		if isExtraKey(f.Key) {
			keys = append(keys, f.Key)
		}
	}
	if len(keys) == 0 {
		return ""
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(line, &raw); err != nil {
		return jsonReason(err)
	}
	for _, k := range keys {
		v, ok := raw[k]
		if !ok || string(bytes.TrimSpace(v)) == "null" {
			continue
		}
		list, err := sidecarList(v, func(s string) []string { return []string{s} })
		if err != nil {
			return fmt.Sprintf("field %q: %v", k, err)
		}
		rec.setExtra(k, list)
	}
	return ""
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
