package search

import (
	"context"
	"errors"
	"testing"
)

func refIDs(refs []Ref) []string {
	out := []string{}
	for _, r := range refs {
		out = append(out, r.ID)
	}
	return out
}

func refID(r *Ref) string {
	if r == nil {
		return ""
	}
	return r.ID
}

func TestDocument(t *testing.T) {
	idx := fixtureIndex(t)
	for _, tc := range []struct {
		id, prev, next string
		translations   []string
		references     []string
	}{
		// Neighbours stay in the record's language and skip listing entries.
		{id: "dpb-10", next: "dpb-11", translations: []string{}, references: []string{}},
		{id: "dpb-12", prev: "dpb-11", translations: []string{"dpb-12-es"}, references: []string{}},
		{id: "dpb-12-es", next: "dpb-13-es", translations: []string{"dpb-12"}, references: []string{}},
		{id: "dp-2", prev: "dp-1", translations: []string{}, references: []string{}},
		{id: "op-1", translations: []string{}, references: []string{}},
		// A listing page lists its entries, newest first.
		{id: "pubs", translations: []string{}, references: []string{"pubs-ref-2", "pubs-ref-1"}},
	} {
		t.Run(tc.id, func(t *testing.T) {
			doc, err := idx.Document(context.Background(), tc.id)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Record.ID != tc.id {
				t.Errorf("Record.ID = %q", doc.Record.ID)
			}
			if got := refID(doc.Prev); got != tc.prev {
				t.Errorf("Prev = %q, want %q", got, tc.prev)
			}
			if got := refID(doc.Next); got != tc.next {
				t.Errorf("Next = %q, want %q", got, tc.next)
			}
			if got := refIDs(doc.Translations); !equalStrings(got, tc.translations) {
				t.Errorf("Translations = %v, want %v", got, tc.translations)
			}
			if got := refIDs(doc.References); !equalStrings(got, tc.references) {
				t.Errorf("References = %v, want %v", got, tc.references)
			}
		})
	}
}

func TestDocumentRecordIsComplete(t *testing.T) {
	idx := fixtureIndex(t)
	doc, err := idx.Document(context.Background(), "dpb-12-es")
	if err != nil {
		t.Fatal(err)
	}
	var want Record
	for _, r := range fixture() {
		if r.ID == "dpb-12-es" {
			want = r
		}
	}
	if got := doc.Record; got.Title != want.Title || len(got.Paragraphs) != 2 || got.Hash != want.Hash || got.Countries[1] != "Perú" {
		t.Errorf("Record = %+v, want %+v", got, want)
	}
	if doc.Translations[0].Title != "The coca leaf and the UN conventions" || doc.Translations[0].Language != "en" || doc.Translations[0].Number != 12 {
		t.Errorf("translation ref = %+v", doc.Translations[0])
	}
}

func TestDocumentNotFound(t *testing.T) {
	idx := fixtureIndex(t)
	if _, err := idx.Document(context.Background(), "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Document(nope) error = %v, want ErrNotFound", err)
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
