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
// A generation holds the bleve index and, in docs/, a document store of
// our own (package docstore) with each record's metadata and text, read
// for hits, snippets and document pages. After a swap the earlier
// generations are removed (BuildOptions.Keep keeps some), and a finished
// generation keeps only the segments its index uses (prune.go).
//
// # Mapping
//
// The mapping is explicit and versioned (MappingVersion; an index built
// with another version is refused with a *VersionError). Title, abstract
// and body are indexed per language group (title_en, title_es, ...), each
// with its language's analyzer, so English is stemmed the English way and
// Spanish the Spanish way; the analyzers are bleve's, rebuilt on a faster
// tokenizer of ours that gives the same tokens (tokenizer.go). The
// metadata fields, their facets, filters and field queries come from the
// table of fields (package fields, read in table.go): facet fields are
// keywords, plus folded variants for case- and accent-insensitive
// matching (country:peru finds "Perú"). Prose is ranked
// by our BM25F (see Ranking); bleve's BM25 model only scores matches in
// metadata fields (author:..., series:...).
//
// # Queries
//
// Parse turns the search box into a small tree (package search/syntax, the
// query language, which imports no bleve); translate.go turns
// the tree into bleve queries, once per language group, with our own BM25F
// and phrase searchers (bm25.go, phrase.go). collect.go walks the matches
// once (in one part per core when there are many) and, from per-document
// columns read when a generation opens (columns.go), applies the filters
// (Query.Filters, YearFrom, ...; they do not change scores), counts the
// facets and keeps the requested page. Facets are disjunctive: each is
// counted over the matches that pass every filter but its own. Snippets
// of the shown hits are cut at query time around the occurrences the
// index recorded (term vectors: positions and byte offsets), reading only
// that text from the document store (passages.go), so their cost does
// not grow with the document; a long document's page comes in parts
// (DocumentPart, parts.go).
//
// Records that are versions of one work (a translation, another copy, a
// listing entry naming a document) share a work key; the walk collapses
// their matches into one hit per work, and totals and facets count works
// (work.go, work_collect.go). Hit.Versions and Document.Versions reach the
// others.
//
// # Default matching
//
// How the plain words of a query combine depends on how many there are
// (syntax.DefaultMatching):
//
//   - Fewer than four content words (stop words such as "the" or "de" do
//     not count): the records holding every word come first, and only they
//     are counted in Results.Total and the facets, so adding a word narrows
//     them ("coca eradication Peru"). With two or three words, the records
//     holding some of them follow, marked Partial and counted in
//     Results.More, those with more of the words first. If nothing has
//     them all, a respelled query is suggested.
//   - Four or more: a long query or a question ("What has forced
//     eradication achieved in the Chapare?"). Records with any of its
//     words match, ranked by BM25F over all of them, so those with more
//     (and rarer) words come first, with a note. Words that only make a
//     request ("find", "articles", "interested", ...; requestWord) are not
//     searched. A "quoted phrase" counts where it appears exactly (its
//     words score again) but is not required; prefix* and fuzzy~ words
//     rank like plain words.
//   - Operators keep their meaning at any length: +word and +"phrase" are
//     required, -word excludes, field:value and (a OR b) groups must
//     match, and a query written with AND (or &&) requires every word and
//     is never relaxed.
//
// # Ranking
//
// Prose is scored by our own BM25F (bm25.go), not bleve's "bm25" scoring
// model, which uses sqrt(tf), a wrong average field length, idf squared
// and a per-field coordination factor. The title counts three times, the
// abstract twice, the body once (TitleBoost, ...); k1 = 1.2, b = 0.5.
// idf is computed over the whole index, not per language, and a ranked
// query weighs most in the language whose records have most of its words,
// so a Spanish question ranks Spanish records first. docs/quality.md has
// the measurements behind each choice.
package search
