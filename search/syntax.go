package search

import "github.com/briefs/briefs/search/syntax"

// The query language lives in package syntax (search/syntax), which imports
// no bleve; these aliases keep its tree and errors spelt as before in this
// package and for its callers.
type (
	// Node is one node of a parsed query (syntax.Node).
	Node = syntax.Node
	// SyntaxError is returned for malformed queries (syntax.SyntaxError).
	SyntaxError = syntax.SyntaxError

	Term   = syntax.Term
	Phrase = syntax.Phrase
	Prefix = syntax.Prefix
	Fuzzy  = syntax.Fuzzy
	Field  = syntax.Field
	Range  = syntax.Range
	And    = syntax.And
	Or     = syntax.Or
	Not    = syntax.Not
)

// Parse parses the user's query box: see syntax.Parse.
func Parse(s string) (Node, error) { return syntax.Parse(s) }
