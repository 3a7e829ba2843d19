package search

import (
	"bytes"
	"encoding/json"
	"slices"

	"github.com/briefs/briefs/fields"
)

// The JSON of a Query and of Facets gives each term facet a key of its
// own, named as in the table of fields ("author": [...], "country": {...}),
// so that a facet declared in the table appears in the API and in
// searches.json without a struct field.

type queryJSON Query // Query's fields without its methods

// MarshalJSON writes the filters as keys beside "q".
func (q Query) MarshalJSON() ([]byte, error) {
	extra := map[string]any{}
	for name, vals := range q.Filters {
		if len(vals) > 0 {
			extra[name] = vals
		}
	}
	return withKeys(queryJSON(q), extra)
}

// UnmarshalJSON reads the filters from the keys of the term facets.
func (q *Query) UnmarshalJSON(b []byte) error {
	var j queryJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	filters, err := termKeys[[]string](b)
	for name, vals := range filters {
		j.Filters = setFilter(j.Filters, name, vals)
	}
	*q = Query(j)
	return err
}

// setFilter returns m with name's values set (removed when there are none).
func setFilter(m map[string][]string, name string, vals []string) map[string][]string {
	if len(vals) == 0 {
		delete(m, name)
		return m
	}
	if m == nil {
		m = map[string][]string{}
	}
	m[name] = vals
	return m
}

// WithFilter returns q with the values of the facet name replaced (a copy;
// q's filters are not changed).
func (q Query) WithFilter(name string, vals ...string) Query {
	m := make(map[string][]string, len(q.Filters)+1)
	for k, v := range q.Filters {
		m[k] = slices.Clone(v)
	}
	q.Filters = setFilter(m, name, slices.Clone(vals))
	if len(q.Filters) == 0 {
		q.Filters = nil
	}
	return q
}

type facetsJSON Facets

// MarshalJSON writes each term facet as a key beside "year".
func (f Facets) MarshalJSON() ([]byte, error) {
	extra := map[string]any{}
	for name, tf := range f.Terms {
		extra[name] = tf
	}
	return withKeys(facetsJSON(f), extra)
}

// UnmarshalJSON reads the term facets of the table.
func (f *Facets) UnmarshalJSON(b []byte) error {
	var j facetsJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	terms, err := termKeys[TermFacet](b)
	j.Terms = terms
	*f = Facets(j)
	return err
}

// termKeys decodes the keys of a JSON object named after the term facets
// of the table of fields.
func termKeys[T any](b []byte) (map[string]T, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, err
	}
	var out map[string]T
	for _, f := range fields.Terms() {
		v, ok := raw[f.Name]
		if !ok {
			continue
		}
		var t T
		if err := json.Unmarshal(v, &t); err != nil {
			return nil, err
		}
		if out == nil {
			out = map[string]T{}
		}
		out[f.Name] = t
	}
	return out, nil
}

// Term returns the term facet called name (empty when not counted).
func (f Facets) Term(name string) TermFacet { return f.Terms[name] }

// withKeys marshals v, a struct, and adds the keys of extra to the object,
// in the order of the table of fields.
func withKeys(v any, extra map[string]any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil || len(extra) == 0 {
		return b, err
	}
	var buf bytes.Buffer
	buf.Write(b[:len(b)-1]) // without the closing brace
	add := func(name string, val any) error {
		vb, err := json.Marshal(val)
		if err != nil {
			return err
		}
		if buf.Len() > 1 {
			buf.WriteByte(',')
		}
		kb, _ := json.Marshal(name)
		buf.Write(kb)
		buf.WriteByte(':')
		buf.Write(vb)
		return nil
	}
	done := map[string]bool{}
	for _, f := range fields.All() {
		if val, ok := extra[f.Name]; ok {
			if err := add(f.Name, val); err != nil {
				return nil, err
			}
			done[f.Name] = true
		}
	}
	rest := make([]string, 0, len(extra))
	for name := range extra {
		if !done[name] {
			rest = append(rest, name)
		}
	}
	slices.Sort(rest)
	for _, name := range rest {
		if err := add(name, extra[name]); err != nil {
			return nil, err
		}
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}
