package syntax

import (
	"fmt"
	"strconv"
	"strings"
)

// The query language parses into this small tree (see parse.go); package
// search translates the tree into bleve queries (search/translate.go). Keeping the tree our own lets the
// parser be tested without an index and lets "searched for: ..." be printed
// from what was understood, not from what was typed.

// Node is one node of a parsed query.
type Node interface {
	// String prints the node back in the query language, fully
	// parenthesised where grouping matters, so users see what we understood.
	String() string
}

// Term is a single word; it matches the analysed text (stemmed per language).
type Term struct{ Text string }

// Phrase is an "exact phrase": its words in this order, next to each other.
type Phrase struct{ Text string }

// Prefix is word*: any term starting with Text.
type Prefix struct{ Text string }

// Fuzzy is word~ or word~N: terms within Distance edits (0 means automatic).
type Fuzzy struct {
	Text     string
	Distance int
}

// Field restricts a sub-query to one field: title, author, series, country,
// publisher, year, language, kind or text. Name is the canonical (lower-case) name.
type Field struct {
	Name string
	Node Node
}

// Range is year:1998..2005; From or To may be 0 for an open end.
type Range struct {
	Field    string
	From, To int
}

// And requires every one of its nodes (implicit between words).
type And struct{ Nodes []Node }

// Or requires at least one of its nodes.
type Or struct{ Nodes []Node }

// Not excludes documents matching Node (written -word or NOT word).
type Not struct{ Node Node }

func (t Term) String() string   { return quoteIfNeeded(t.Text) }
func (p Phrase) String() string { return strconv.Quote(p.Text) }
func (p Prefix) String() string { return p.Text + "*" }
func (f Fuzzy) String() string {
	if f.Distance > 0 {
		return fmt.Sprintf("%s~%d", f.Text, f.Distance)
	}
	return f.Text + "~"
}
func (f Field) String() string { return f.Name + ":" + group(f.Node) }
func (r Range) String() string {
	from, to := "", ""
	if r.From != 0 {
		from = strconv.Itoa(r.From)
	}
	if r.To != 0 {
		to = strconv.Itoa(r.To)
	}
	return fmt.Sprintf("%s:%s..%s", r.Field, from, to)
}
func (a And) String() string { return join(a.Nodes, " ") }
func (o Or) String() string  { return join(o.Nodes, " OR ") }
func (n Not) String() string { return "-" + group(n.Node) }

func join(nodes []Node, sep string) string {
	parts := make([]string, len(nodes))
	for i, n := range nodes {
		parts[i] = group(n)
	}
	return strings.Join(parts, sep)
}

// group parenthesises compound nodes so the printed form parses back to the
// same tree.
func group(n Node) string {
	switch n := n.(type) {
	case And:
		if len(n.Nodes) > 1 {
			return "(" + n.String() + ")"
		}
	case Or:
		if len(n.Nodes) > 1 {
			return "(" + n.String() + ")"
		}
	}
	return n.String()
}

// quoteIfNeeded quotes a bare word that would otherwise read as syntax.
func quoteIfNeeded(s string) string {
	switch s {
	case "AND", "OR", "NOT":
		return strconv.Quote(s)
	}
	if strings.ContainsAny(s, " \"():*~") || strings.HasPrefix(s, "-") {
		return strconv.Quote(s)
	}
	return s
}
