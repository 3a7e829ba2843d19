package search

import (
	"encoding/json"
	"strings"
)

// docFields turns a record into the field map bleve indexes (see
// newMapping for what each field is for). Keys not in the mapping would be
// ignored by the static mapping, so every key here has a constant.
func docFields(rec Record, root string) (map[string]any, error) {
	g := langGroup(rec.Language)
	f := map[string]any{
		FieldLangGroup: g,
		FieldRoot:      root,
	}
	if rec.Title != "" {
		f[proseField(FieldTitle, g)] = rec.Title
	}
	// Keywords count as abstract text: a short, author-chosen description.
	abstract := append(nonEmpty(rec.Abstract), rec.Keywords...)
	if len(abstract) > 0 {
		f[proseField(FieldAbstract, g)] = abstract
	}
	// The body is indexed as one text, not one array element per
	// paragraph: bleve analyses each element as a field of its own and
	// then merges their term maps, which cost a tenth of ingest. Paragraph
	// numbers come from the stored record (snippets re-read it), so the
	// only difference is that a phrase may now run across the break
	// between two paragraphs.
	body := strings.Join(rec.Paragraphs, "\n\n")
	if body != "" {
		f[proseField(FieldBody, g)] = body
	}
	spell := strings.Join(append(append(nonEmpty(rec.Title), abstract...), body), "\n\n")
	if strings.TrimSpace(spell) != "" {
		f[FieldSpell] = spell
	}

	facet := func(display, key, text string, values []string) {
		var vals, keys []string
		for _, v := range values {
			if v = strings.TrimSpace(v); v != "" {
				vals = append(vals, v)
				keys = append(keys, normKey(v))
			}
		}
		if len(vals) == 0 {
			return
		}
		f[display] = vals
		f[key] = keys
		if text != "" {
			f[text] = vals
		}
	}
	facet(FieldAuthor, FieldAuthorKey, FieldAuthorText, rec.Authors)
	facet(FieldSeries, FieldSeriesKey, FieldSeriesText, nonEmpty(rec.Series))
	facet(FieldCountry, FieldCountryKey, FieldCountryText, rec.Countries)
	facet(FieldPublisher, FieldPublisherKey, FieldPublisherText, nonEmpty(rec.Publisher))
	if lang := strings.ToLower(strings.TrimSpace(rec.Language)); lang != "" {
		f[FieldLanguage] = lang
	}
	if rec.Kind != "" {
		f[FieldKind] = strings.ToLower(rec.Kind)
	}
	if rec.Parent != "" {
		f[FieldParent] = rec.Parent
	}
	if keys := workKeys(rec); len(keys) > 0 {
		f[FieldWork] = keys
	}
	if rec.Year > 0 {
		f[FieldYear] = float64(rec.Year)
	}
	if rec.Number > 0 {
		f[FieldNumber] = float64(rec.Number)
	}
	if t, ok := rec.Time(); ok {
		f[FieldDate] = t
	}
	if rec.Hash != "" {
		f[FieldHash] = rec.Hash
	}

	full, err := json.Marshal(rec)
	if err != nil {
		return nil, err
	}
	hit, err := json.Marshal(hitRecord(rec))
	if err != nil {
		return nil, err
	}
	f[FieldRecord] = string(full)
	f[FieldHit] = string(hit)
	return f, nil
}

// hitRecord strips a record to what a result list shows, for FieldHit: the
// body can be megabytes and a page of hits needs none of it.
func hitRecord(rec Record) Record {
	rec.Paragraphs, rec.Pages, rec.Keywords = nil, nil, nil
	rec.Hash, rec.Note = "", "" // PDFURL stays: a hit shows its PDF version
	return rec
}

func nonEmpty(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return []string{s}
}

// decodeRecord unmarshals a stored record blob.
func decodeRecord(s string) (Record, error) {
	var rec Record
	err := json.Unmarshal([]byte(s), &rec)
	return rec, err
}
