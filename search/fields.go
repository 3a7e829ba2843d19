package search

import (
	"encoding/json"
	"strings"
	"unicode/utf8"

	"github.com/briefs/briefs/search/docstore"
)

// indexFields turns a record into the field map bleve indexes (see
// newMapping for what each field is for) and returns the body as the
// index analyses it (the paragraphs joined), for the document store. Keys
// not in the mapping would be ignored by the static mapping, so every key
// here has a constant. Without spellText, FieldSpell holds a placeholder:
// the builder's analysis (docAnalysis) takes its words from the prose
// fields and never reads it.
func indexFields(rec Record, root string, spellText bool) (map[string]any, string) {
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
	// numbers come from the document store (storeRecord), so the
	// only difference is that a phrase may now run across the break
	// between two paragraphs.
	body := strings.Join(rec.Paragraphs, paragraphSep)
	if body != "" {
		f[proseField(FieldBody, g)] = body
	}
	if spellText {
		spell := strings.Join(append(append(nonEmpty(rec.Title), abstract...), body), "\n\n")
		if strings.TrimSpace(spell) != "" {
			f[FieldSpell] = spell
		}
	} else if len(nonEmpty(rec.Title)) > 0 || len(abstract) > 0 || strings.TrimSpace(body) != "" {
		f[FieldSpell] = "-"
	}

	metaFields(f, rec) // author, series, country, ..., from the table of fields (table.go)
	if rec.Parent != "" {
		f[FieldParent] = rec.Parent
	}
	if keys := workKeys(rec, root); len(keys) > 0 {
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

	return f, body
}

// storeRecord writes a record to the document store (docstore): its
// metadata as JSON, its body as the text the index analysed (the
// paragraphs joined by "\n\n", so the offsets of matches point into it)
// and each paragraph's start and page.
func storeRecord(s *docstore.Store, rec Record, body string) error {
	meta := rec
	meta.Paragraphs, meta.Pages = nil, nil
	blob, err := json.Marshal(meta)
	if err != nil {
		return err
	}
	paged := len(rec.Pages) == len(rec.Paragraphs)
	starts := make([]uint32, len(rec.Paragraphs))
	pages := make([]uint32, len(rec.Paragraphs))
	off := 0
	for i, p := range rec.Paragraphs {
		starts[i] = uint32(off)
		off += len(p) + len(paragraphSep)
		if paged && rec.Pages[i] > 0 {
			pages[i] = uint32(rec.Pages[i])
		}
	}
	return s.Put(rec.ID, blob, body, starts, pages)
}

// paragraphSep joins the paragraphs of a body, in the index and the store.
const paragraphSep = docstore.Sep

// validText replaces invalid UTF-8 in a record's prose with U+FFFD. The
// tokenizer stops at an invalid byte, and the document store keeps the
// text exactly as the index analysed it, so both must see the same valid
// text (the indexer already gives valid text; this is for other callers).
func validText(rec Record) Record {
	fix := func(s string) string {
		if utf8.ValidString(s) {
			return s
		}
		return strings.ToValidUTF8(s, "\uFFFD")
	}
	rec.Title, rec.Abstract = fix(rec.Title), fix(rec.Abstract)
	copied := false
	for i, p := range rec.Paragraphs {
		if q := fix(p); q != p {
			if !copied { // the caller's slice stays as it was
				rec.Paragraphs, copied = append([]string(nil), rec.Paragraphs...), true
			}
			rec.Paragraphs[i] = q
		}
	}
	return rec
}

func nonEmpty(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return []string{s}
}

// decodeRecord unmarshals a record's metadata from the document store.
func decodeRecord(b []byte) (Record, error) {
	var rec Record
	err := json.Unmarshal(b, &rec)
	return rec, err
}
