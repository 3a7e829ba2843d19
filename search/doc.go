// Package search turns indexer Records into a full-text index and answers
// queries over it. It is the only package that imports bleve; callers see
// our own types (Query, Results, Document), never bleve's.
//
// # Index directory
//
// An index lives in a directory of generations (see dir.go): a Builder
// (NewBuilder, Add, Commit) writes the next generation beside the live one
// and swaps it in atomically, so readers never see a half-built index and a
// killed ingest changes nothing. Open searches the live generation; Reload
// switches to a newer one without stopping searches in flight. One writer
// at a time holds DIR/lock; a second one fails at once with ErrLocked.
//
// # Mapping
//
// The mapping is explicit and versioned (MappingVersion; an index built
// with another version is refused with a *VersionError). Title, abstract
// and body are indexed per language group (title_en, title_es, ...), each
// with its language's analyzer, so English is stemmed the English way and
// Spanish the Spanish way. Facet fields are keywords with doc values, plus
// folded variants for case- and accent-insensitive matching (country:peru
// finds "Perú"). Scoring is BM25.
//
// # Queries
//
// Parse turns the search box into a small tree (ast.go); translate.go turns
// the tree into bleve queries, once per language group, every word required
// by default. Filters (Query.Countries, YearFrom, ...) do not change scores.
// Facets are disjunctive: each is counted with every filter but its own.
// Snippets are cut from the stored text of the shown hits at query time.
// When nothing matches, a query of three or more words is retried needing
// only most of them, and a respelled query is suggested.
package search
