package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/briefs/briefs/search"
)

// Config is what a Server needs. Only Index is required.
type Config struct {
	Index *search.Index
	// Dev re-reads templates and static files from DevDir on every request,
	// so they can be edited without a restart.
	Dev    bool
	DevDir string // default "web", relative to the working directory
	// Log receives request and error logs; nil discards them.
	Log *slog.Logger
	// SearchTimeout bounds one search (default 5 s); a search that takes
	// longer gets the "narrow it" page with status 503.
	SearchTimeout time.Duration
	// BaseURL ("https://briefs.example.org") is used for absolute links in
	// the feed and in citations; empty means derive it from the request.
	BaseURL string
	// Version is shown in the footer; empty hides it.
	Version string
	// Facets names the facets the search page shows, in order: any of
	// kind, series, country, language, author, publisher, keyword and
	// year (the year chart). nil shows kind, series, country, language, author and
	// the year chart.
	Facets []string
}

// Timeouts of the http.Server. WriteTimeout must cover the slowest handler:
// an export runs up to maxExport/search.MaxSize searches.
const (
	defaultSearchTimeout = 5 * time.Second
	readHeaderTimeout    = 5 * time.Second
	readTimeout          = 10 * time.Second
	writeTimeout         = 60 * time.Second
	idleTimeout          = 120 * time.Second
	maxHeaderBytes       = 64 << 10 // a long query fits; cookies we do not use
	shutdownTimeout      = 10 * time.Second
)

// Server serves the web UI and the JSON API over one index.
type Server struct {
	cfg     Config
	log     *slog.Logger
	index   *search.Index
	timeout time.Duration
	// exportLimit is maxExport; tests lower it to see truncation.
	exportLimit int
	// readHeaderTimeout and idleTimeout are the constants above; tests
	// lower them to see slow and idle clients cut off quickly.
	readHeaderTimeout time.Duration
	idleTimeout       time.Duration
	tmpl              *templates
	assets            *assets
	handler           http.Handler
}

// NewServer parses the templates and hashes the static files, so that
// anything broken fails here and not on a request.
func NewServer(cfg Config) (*Server, error) {
	if cfg.Index == nil {
		return nil, errors.New("new server: no index")
	}
	if err := checkFacets(cfg.Facets); err != nil {
		return nil, fmt.Errorf("new server: %w", err)
	}
	s := &Server{cfg: cfg, index: cfg.Index, log: cfg.Log, timeout: cfg.SearchTimeout, exportLimit: maxExport,
		readHeaderTimeout: readHeaderTimeout, idleTimeout: idleTimeout}
	if s.log == nil {
		s.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if s.timeout <= 0 {
		s.timeout = defaultSearchTimeout
	}
	if cfg.Dev && cfg.DevDir == "" {
		s.cfg.DevDir = "web"
	}
	var err error
	if s.assets, err = loadAssets(s.staticFS()); err != nil {
		return nil, fmt.Errorf("new server: %w", err)
	}
	if s.tmpl, err = parseTemplates(s.templateFS(), s.assets); err != nil {
		return nil, fmt.Errorf("new server: %w", err)
	}
	s.handler = s.middleware(s.routes())
	return s, nil
}

// Handler returns the server's root handler, with logging and security
// headers applied to every response.
func (s *Server) Handler() http.Handler { return s.handler }

// Serve serves on ln until ctx is done; in-flight requests get
// shutdownTimeout to finish. It closes ln.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: s.readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       s.idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// securityHeaders go on every response, pages, API, static files and
// errors alike. The CSP allows no inline script or style at all, which is
// why the templates have no style attributes and the JS is a file.
var securityHeaders = map[string]string{
	"Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
		"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
	"X-Content-Type-Options": "nosniff",
	"Referrer-Policy":        "same-origin",
	"X-Frame-Options":        "DENY",
	"Permissions-Policy":     "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}

// middleware sets the security headers, recovers from panics (a 500, not a
// dropped connection) and logs each request.
func (s *Server) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		h := w.Header()
		for k, v := range securityHeaders {
			h.Set(k, v)
		}
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(p))
				if !sw.wrote {
					s.writeFallback500(sw)
				}
			}
			s.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", sw.status(),
				"duration", time.Since(start).Round(time.Microsecond))
		}()
		next.ServeHTTP(sw, r)
	})
}

// statusWriter remembers the status for the request log.
type statusWriter struct {
	http.ResponseWriter
	code  int
	wrote bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.code, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.code, w.wrote = http.StatusOK, true
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) status() int {
	if !w.wrote {
		return http.StatusOK
	}
	return w.code
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// searchContext bounds one search by the configured timeout.
func (s *Server) searchContext(r *http.Request) (context.Context, context.CancelFunc) {
	return context.WithTimeout(r.Context(), s.timeout)
}

// handleHealth serves "GET /healthz": 200 "ok", the document count and
// the index generation being served. It reads the index's record counter
// rather than searching: a health check must answer at once on a busy
// server (a match-all search with facets took over the 5 s search timeout
// on 100,000 documents under load, and a 503 there takes the server out
// of a load balancer exactly when it is busiest).
func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) error {
	n, err := s.index.Count()
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprintf(w, "ok\ndocuments %d\ngeneration %s\n", n, s.index.Generation())
	return nil
}
