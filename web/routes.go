package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/gorilla/mux"
)

// routes lists every route of the site: it reads as the sitemap.
func (s *Server) routes() http.Handler {
	r := mux.NewRouter()
	// Match on the escaped path and never clean it: IDs are opaque and may
	// contain escaped slashes or dots, and "/doc/..%2Fetc" must reach the
	// document handler as an unknown ID, not be redirected elsewhere.
	r.UseEncodedPath()
	r.SkipClean(true)

	get := []string{http.MethodGet, http.MethodHead}
	r.Handle("/", s.handle(s.handleSearch)).Methods(get...)
	r.Handle("/search", s.handle(s.handleSearch)).Methods(get...)
	r.Handle("/doc/{id}", s.handle(s.handleDoc)).Methods(get...)
	r.Handle("/cite/{id}", s.handle(s.handleCite)).Methods(get...)
	r.Handle("/quote", s.handle(s.handleQuote)).Methods(get...)
	r.Handle("/trends", s.handle(s.handleTrends)).Methods(get...)
	r.Handle("/trends.{format:csv|json}", s.handle(s.handleTrendsData)).Methods(get...)
	r.Handle("/export.{format:csv|jsonl|bib|ris|json}", s.handle(s.handleExport)).Methods(get...)
	r.Handle("/feed.atom", s.handle(s.handleFeed)).Methods(get...)
	r.Handle("/static/{name}", s.handle(s.handleStatic)).Methods(get...)
	r.Handle("/healthz", s.handle(s.handleHealth)).Methods(get...)

	// The JSON API has its own error adapter. Its routes sit on the root
	// router rather than a subrouter because mux v1.8.1 reports a wrong
	// method on a subrouter route as 404 instead of 405.
	r.Handle("/api/search", s.apiHandle(s.handleAPISearch)).Methods(get...)
	r.Handle("/api/doc/{id}", s.apiHandle(s.handleAPIDoc)).Methods(get...)
	r.Handle("/api/facets", s.apiHandle(s.handleAPIFacets)).Methods(get...)

	// Misses under /api/ are JSON like every API response.
	notFound := func(http.ResponseWriter, *http.Request) error {
		return &Error{Status: http.StatusNotFound, Message: msgNotFound}
	}
	r.NotFoundHandler = s.byPrefix(notFound)
	r.MethodNotAllowedHandler = s.byPrefix(methodNotAllowed)
	return r
}

// byPrefix serves f's error as JSON under /api/ and as a page elsewhere.
func (s *Server) byPrefix(f func(http.ResponseWriter, *http.Request) error) http.Handler {
	page, api := s.handle(f), s.apiHandle(f)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/api/") {
			api(w, r)
			return
		}
		page(w, r)
	})
}

func methodNotAllowed(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Allow", "GET, HEAD")
	return &Error{Status: http.StatusMethodNotAllowed, Message: "Only GET and HEAD are supported"}
}

// pathParam returns a route variable, unescaped: the router matches on the
// escaped path (see routes), so "%2F" in an ID arrives here as "/".
func pathParam(r *http.Request, name string) string {
	v := mux.Vars(r)[name]
	if u, err := url.PathUnescape(v); err == nil {
		return u
	}
	return v
}
