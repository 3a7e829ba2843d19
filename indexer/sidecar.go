package indexer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// A sidecar is a name.json, name.yaml or name.yml file beside a document
// (same folder, same name without extension) whose fields override what
// was extracted. It lets a curator fix a title or add a series number
// without editing the source file. Keys are Record's JSON names.

// sidecarExts are tried in this order; the first present wins.
var sidecarExts = []string{".json", ".yaml", ".yml"}

// maxSidecarSize bounds a sidecar: it holds a few fields, never a document.
const maxSidecarSize = 1 << 20

// sidecarStem is the path of a document without its extension (and a
// trailing ".gz"): "a/b.html.gz" gives "a/b".
func sidecarStem(p string) string {
	p = strings.TrimSuffix(p, ".gz")
	return strings.TrimSuffix(p, path.Ext(p))
}

// sidecar is a parsed sidecar: its raw bytes (hashed with the document)
// and its fields.
type sidecar struct {
	name   string
	raw    []byte
	fields map[string]json.RawMessage
}

// parseSidecar reads a sidecar's bytes; YAML goes through the same JSON
// field decoding so both formats accept exactly the same values.
func parseSidecar(name string, data []byte) (*sidecar, error) {
	sc := &sidecar{name: name, raw: data}
	if !strings.HasSuffix(name, ".json") {
		var v any
		if err := yaml.Unmarshal(data, &v); err != nil {
			return nil, fmt.Errorf("sidecar %s: %v", path.Base(name), err)
		}
		if v == nil {
			return sc, nil // an empty YAML file sets nothing
		}
		m, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("sidecar %s: want a mapping of fields, got %s", path.Base(name), describe(v))
		}
		j, err := json.Marshal(m)
		if err != nil {
			return nil, fmt.Errorf("sidecar %s: %v", path.Base(name), err)
		}
		data = j
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("sidecar %s: %v", path.Base(name), err)
	}
	if dec.More() {
		return nil, fmt.Errorf("sidecar %s: more than one JSON value", path.Base(name))
	}
	if _, ok := v.(map[string]any); !ok {
		return nil, fmt.Errorf("sidecar %s: want an object of fields, got %s", path.Base(name), describe(v))
	}
	if err := json.Unmarshal(data, &sc.fields); err != nil {
		return nil, fmt.Errorf("sidecar %s: %v", path.Base(name), err)
	}
	return sc, nil
}

func describe(v any) string {
	switch v.(type) {
	case []any:
		return "a list"
	case string:
		return "a string"
	case json.Number, int, float64:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", v)
}

// apply overrides rec's fields with the sidecar's. It returns the
// sidecar's countries separately (mapped to canonical names; they replace
// the detected ones) and the names of keys it did not know.
func (sc *sidecar) apply(rec *Record) (countries []string, unknown []string, err error) {
	if sc == nil {
		return nil, nil, nil
	}
	keys := make([]string, 0, len(sc.fields))
	for k := range sc.fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	_, yearGiven := sc.fields["year"]
	var errs []error
	for _, k := range keys {
		raw := sc.fields[k]
		if bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
			clearField(rec, k)
			continue
		}
		var ferr error
		switch k {
		case "id", "title", "series", "abstract", "publisher", "source", "url", "pdf_url", "parent", "note":
			var s string
			if s, ferr = sidecarString(raw); ferr == nil {
				*stringField(rec, k) = collapse(s)
			}
		case "kind":
			var s string
			if s, ferr = sidecarString(raw); ferr == nil {
				switch s = strings.ToLower(strings.TrimSpace(s)); s {
				case KindBriefing, KindPaper, KindOpinion, KindPage, KindReference, KindDocument:
					rec.Kind = s
				default:
					ferr = fmt.Errorf("unknown kind %q", s)
				}
			}
		case "language":
			var s string
			if s, ferr = sidecarString(raw); ferr == nil {
				rec.Language = firstNonEmpty(NormalizeLanguage(s), strings.ToLower(collapse(s)))
			}
		case "date":
			var s string
			if s, ferr = sidecarScalar(raw); ferr == nil {
				if d := parseDate(s); d != "" {
					rec.Date = d
					if !yearGiven {
						rec.Year = yearOf(d)
					}
				} else {
					ferr = fmt.Errorf("%q is not a date", s)
				}
			}
		case "year":
			var n int
			if n, ferr = sidecarInt(raw); ferr == nil {
				if !validYear(n) {
					ferr = fmt.Errorf("%d is out of range", n)
				} else {
					rec.Year = n
				}
			}
		case "number":
			var n int
			if n, ferr = sidecarInt(raw); ferr == nil {
				if n < 0 {
					ferr = fmt.Errorf("%d is negative", n)
				} else {
					rec.Number = n
				}
			}
		case "authors":
			var list []string
			if list, ferr = sidecarList(raw, splitAuthors); ferr == nil {
				rec.Authors = normaliseAuthors(list)
				rec.Families = authorFamilies(rec.Authors, invertedFamilies(list))
			}
		case "keywords":
			var list []string
			if list, ferr = sidecarList(raw, func(s string) []string { return splitKeywords(s) }); ferr == nil {
				rec.Keywords = splitKeywords(list...)
			}
		case "countries":
			var list []string
			if list, ferr = sidecarList(raw, func(s string) []string {
				return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' })
			}); ferr == nil {
				for _, c := range list {
					if name, ok := CountryName(c); ok {
						countries = append(countries, name)
					} else if c = collapse(c); c != "" {
						countries = append(countries, c)
					}
				}
				if countries == nil {
					countries = []string{} // given, but empty: no countries
				}
			}
		case "paragraphs":
			var list []string
			if list, ferr = sidecarList(raw, func(s string) []string { return []string{s} }); ferr == nil {
				rec.Paragraphs = rec.Paragraphs[:0]
				for _, p := range list {
					if p = collapse(p); p != "" {
						rec.Paragraphs = append(rec.Paragraphs, p)
					}
				}
				rec.Pages, rec.Kinds = nil, nil
			}
		case "pages":
			var pages []int
			if ferr = json.Unmarshal(raw, &pages); ferr == nil {
				rec.Pages = pages
			}
		case "hash":
			// The hash is computed from the files; a sidecar cannot set it.
		default:
			if isExtraKey(k) {
				var list []string
				if list, ferr = sidecarList(raw, func(s string) []string { return []string{s} }); ferr == nil {
					rec.setExtra(k, list)
				}
				break
			}
			unknown = append(unknown, k)
		}
		if ferr != nil {
			errs = append(errs, fmt.Errorf("%s: %v", k, ferr))
		}
	}
	if len(errs) > 0 {
		return nil, nil, fmt.Errorf("sidecar %s: %w", path.Base(sc.name), errors.Join(errs...))
	}
	if yearGiven && rec.Date != "" && yearOf(rec.Date) != rec.Year {
		// The sidecar corrected the year: the extracted date was wrong too.
		rec.Date = strconv.Itoa(rec.Year)
	}
	return countries, unknown, nil
}

func stringField(rec *Record, k string) *string {
	switch k {
	case "id":
		return &rec.ID
	case "title":
		return &rec.Title
	case "series":
		return &rec.Series
	case "abstract":
		return &rec.Abstract
	case "publisher":
		return &rec.Publisher
	case "source":
		return &rec.Source
	case "url":
		return &rec.URL
	case "pdf_url":
		return &rec.PDFURL
	case "parent":
		return &rec.Parent
	case "note":
		return &rec.Note
	}
	return new(string)
}

// clearField handles "key": null, which empties a wrongly extracted field.
func clearField(rec *Record, k string) {
	switch k {
	case "authors":
		rec.Authors, rec.Families = nil, nil
	case "keywords":
		rec.Keywords = nil
	case "countries":
		rec.Countries = nil
	case "date":
		rec.Date = ""
	case "year":
		rec.Year = 0
	case "number":
		rec.Number = 0
	case "language":
		rec.Language = ""
	case "id", "title", "series", "abstract", "publisher", "url", "pdf_url", "parent", "note":
		*stringField(rec, k) = ""
	default:
		if isExtraKey(k) {
			rec.setExtra(k, nil)
		}
	}
}

func sidecarString(raw json.RawMessage) (string, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", errors.New("want a string")
	}
	return s, nil
}

// sidecarScalar accepts a string or a number ("date": 2005).
func sidecarScalar(raw json.RawMessage) (string, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), nil
	}
	return "", errors.New("want a string")
}

// sidecarInt accepts a whole number, or a string holding one.
func sidecarInt(raw json.RawMessage) (int, error) {
	var n json.Number
	if err := json.Unmarshal(raw, &n); err != nil {
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return 0, errors.New("want a number")
		}
		n = json.Number(strings.TrimSpace(s))
	}
	i, err := strconv.Atoi(n.String())
	if err != nil {
		return 0, fmt.Errorf("want a whole number, got %s", n)
	}
	return i, nil
}

// sidecarList accepts a list of strings, or one string that split divides.
func sidecarList(raw json.RawMessage, split func(string) []string) ([]string, error) {
	var list []string
	if err := json.Unmarshal(raw, &list); err == nil {
		return list, nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return split(s), nil
	}
	return nil, errors.New("want a list of strings")
}
