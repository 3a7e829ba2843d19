// Package web serves the briefs search engine over HTTP: server-rendered
// HTML pages (search with facets, one page per document with citations),
// exports (CSV, JSON Lines, BibTeX, RIS), an Atom feed and a JSON API.
//
// Handlers return errors and one adapter (Server.handle) renders them;
// pages are typed structs rendered into a buffer before anything is sent;
// templates and static files are embedded, the latter served under a
// content hash so they can be cached for a year. Every state of the UI is
// in the URL (see params.go), so any page is a permalink.
//
// Nothing here imports bleve: the package talks to *search.Index and its
// result types only.
package web
