package search

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/briefs/briefs/fields"
)

// Field queries on metadata fields (author:, country:, language:, year:,
// ...): which index fields each one matches is the table of fields'
// business (table.go).

// field translates a field:query node.
func (t *translator) field(n Field, g string, sc scope) part {
	switch n.Name {
	case "title":
		return t.node(n.Node, g, scopeTitle, false)
	case "text":
		return t.node(n.Node, g, sc, false)
	}
	if f, ok := fields.ByName(n.Name); ok {
		return t.fieldQuery(n, f) // table.go
	}
	t.err = errUnknownField(n.Name)
	return nonePart
}

func errUnknownField(name string) error { return fmt.Errorf("unknown field %q", name) }

// meta matches a node against a name-like metadata field: the whole value
// (folded, so case and accents do not matter) or its words.
func (t *translator) meta(n Node, keyField, textField string) part {
	switch n := n.(type) {
	case Term:
		return t.metaText(n.Text, keyField, textField)
	case Phrase:
		return t.metaText(n.Text, keyField, textField)
	case Prefix:
		key := normKey(n.Text)
		if key == "" {
			return vacuousPart
		}
		pk := query.NewPrefixQuery(key)
		pk.SetField(keyField)
		pt := query.NewPrefixQuery(key)
		pt.SetField(textField)
		return part{q: query.NewDisjunctionQuery([]query.Query{pk, pt})}
	case Fuzzy:
		key := normKey(n.Text)
		if key == "" {
			return vacuousPart
		}
		q := query.NewFuzzyQuery(key)
		q.SetField(textField)
		q.SetFuzziness(fuzziness(n))
		return part{q: q}
	case And:
		var must, mustNot []query.Query
		for _, c := range n.Nodes {
			if not, ok := c.(Not); ok {
				if p := t.meta(not.Node, keyField, textField); !p.vacuous && !p.none {
					mustNot = append(mustNot, p.q)
				}
				continue
			}
			p := t.meta(c, keyField, textField)
			if p.none {
				return nonePart
			}
			if !p.vacuous {
				must = append(must, p.q)
			}
		}
		if len(must) == 0 && len(mustNot) == 0 {
			return vacuousPart
		}
		if len(must) == 0 {
			must = append(must, query.NewMatchAllQuery())
		}
		return part{q: query.NewBooleanQuery([]query.Query{conj(must...)}, nil, mustNot)}
	case Or:
		return t.or(n.Nodes, func(c Node) part { return t.meta(c, keyField, textField) })
	case Not:
		return negate(t.meta(n.Node, keyField, textField))
	}
	t.err = fmt.Errorf("%s cannot be used inside a field query", n)
	return nonePart
}

func (t *translator) metaText(text, keyField, textField string) part {
	key := normKey(text)
	if key == "" {
		return vacuousPart
	}
	qs := []query.Query{termQuery(key, keyField)}
	switch words := strings.Fields(key); len(words) {
	case 1:
		qs = append(qs, termQuery(words[0], textField))
	default:
		// every word, in order: author:"ricardo soberon" finds
		// "Ricardo Soberón Garrido"
		q := query.NewMatchPhraseQuery(key)
		q.SetField(textField)
		qs = append(qs, q)
	}
	return part{q: query.NewDisjunctionQuery(qs)}
}

// exact matches keyword values (language, kind) or years, after norm.
func (t *translator) exact(n Node, field string, norm func(string) string) part {
	switch n := n.(type) {
	case Term:
		return t.exactText(n.Text, field, norm)
	case Phrase:
		return t.exactText(n.Text, field, norm)
	case Range:
		return part{q: yearRange(n.From, n.To), filter: true}
	case Or:
		return t.or(n.Nodes, func(c Node) part { return t.exact(c, field, norm) })
	case Not:
		return negate(t.exact(n.Node, field, norm))
	}
	t.err = fmt.Errorf("%s cannot be used inside a field query", n)
	return nonePart
}

func (t *translator) exactText(text, field string, norm func(string) string) part {
	if field == FieldYear {
		y, err := strconv.Atoi(strings.TrimSpace(text))
		if err != nil {
			t.err = fmt.Errorf("year:%s: a year is a number such as 2005 (or a range 2000..2005)", text)
			return nonePart
		}
		return part{q: yearRange(y, y), filter: true}
	}
	v := norm(text)
	if v == "" {
		return vacuousPart
	}
	return part{q: termQuery(v, field), filter: true}
}
