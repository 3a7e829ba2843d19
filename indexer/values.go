package indexer

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/briefs/briefs/fields"
)

// Values returns the values of the record's field whose JSON key is key
// (a fields.Field's Key): a string field as one value (none when empty), a
// list as it is, a number as its decimal digits (none when 0), and any
// other key from Extra. It is how the index, the exports and the facets
// read a field named in the table of fields without a list of their own.
func (r Record) Values(key string) []string {
	i, ok := recordKeys[key]
	if !ok {
		return r.Extra[key]
	}
	switch v := reflect.ValueOf(r).Field(i); v.Kind() {
	case reflect.String:
		if s := v.String(); s != "" {
			return []string{s}
		}
	case reflect.Int:
		if n := v.Int(); n != 0 {
			return []string{strconv.FormatInt(n, 10)}
		}
	case reflect.Slice:
		if vals, ok := v.Interface().([]string); ok {
			return vals
		}
	}
	return nil
}

// isExtra reports whether a table field is held in Record.Extra: its key
// is none of Record's own JSON keys.
func isExtra(f fields.Field) bool {
	_, own := recordKeys[f.Key]
	return !own
}

// isExtraKey reports whether key names a keyword field of the table held
// in Extra.
func isExtraKey(key string) bool {
	f, ok := fields.ByKey(key)
	return ok && isExtra(f) && f.Analysis == fields.Keyword
}

// setExtra stores the values of an Extra field, normalised as keywords
// are (white space collapsed, duplicates dropped, a "a; b" value split);
// none removes the field.
func (r *Record) setExtra(key string, vals []string) {
	vals = splitKeywords(vals...)
	if len(vals) == 0 {
		delete(r.Extra, key)
		if len(r.Extra) == 0 {
			r.Extra = nil
		}
		return
	}
	if r.Extra == nil {
		r.Extra = map[string][]string{}
	}
	r.Extra[key] = vals
}

// recordKeys maps Record's JSON keys to the index of their struct field.
var recordKeys = func() map[string]int {
	m := map[string]int{}
	t := reflect.TypeOf(Record{})
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			m[name] = i
		}
	}
	return m
}()
