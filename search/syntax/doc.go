// Package syntax is the query language of package search, as regexp/syntax
// is regexp's: the syntax tree (Node and its types), the parser (Parse),
// the field names users may write before a colon (Fields, read from the
// table of fields, package fields), the default
// matching rule (DefaultMatching) and the list of a query's positive terms
// (Positive). It knows nothing of the index: package search translates the
// tree into bleve queries, and this package imports no bleve.
package syntax
