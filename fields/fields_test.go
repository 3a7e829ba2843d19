package fields

import (
	"slices"
	"testing"
)

// TestTable checks the table's own rules: names, keys and query names are
// unique, facets have labels, and the default facets are today's set.
func TestTable(t *testing.T) {
	names, keys, query := map[string]bool{}, map[string]bool{}, map[string]string{}
	for _, f := range All() {
		if f.Name == "" || f.Key == "" {
			t.Errorf("%+v: a field needs a name and a key", f)
		}
		if names[f.Name] || keys[f.Key] {
			t.Errorf("%s: name or key %q used twice", f.Name, f.Key)
		}
		names[f.Name], keys[f.Key] = true, true
		for _, q := range f.Query {
			if other, ok := query[q]; ok {
				t.Errorf("query name %q names %s and %s", q, other, f.Name)
			}
			query[q] = f.Name
		}
		if f.Queryable() && (f.Query[0] != f.Name || f.Example == "") {
			t.Errorf("%s: the first query name is the field's name, and it needs an example", f.Name)
		}
		if f.FacetOrder > 0 && !f.IsFacet() {
			t.Errorf("%s: a default facet without a facet label", f.Name)
		}
	}
	if got, want := DefaultFacets(), []string{"kind", "series", "country", "language", "author", "year"}; !slices.Equal(got, want) {
		t.Errorf("DefaultFacets() = %v, want %v", got, want)
	}
	if f, ok := ByQueryName("BY"); !ok || f.Name != "author" {
		t.Errorf(`ByQueryName("BY") = %v, %v`, f.Name, ok)
	}
}

func TestDeclare(t *testing.T) {
	before := len(All())
	undo := Declare(Field{Name: "region", Key: "region", Query: []string{"region"}, Analysis: Keyword, Facet: "Region"})
	if f, ok := ByKey("region"); !ok || !f.IsFacet() || len(All()) != before+1 {
		t.Errorf("after Declare: %v %v, %d fields", f, ok, len(All()))
	}
	if ts := Terms(); ts[len(ts)-1].Name != "region" {
		t.Errorf("Terms() does not end with the declared facet: %v", ts)
	}
	undo()
	if _, ok := ByName("region"); ok || len(All()) != before {
		t.Errorf("undo left the field in the table (%d fields)", len(All()))
	}
}
