package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefs/briefs/search"
)

// Error is the one error type handlers return to say what the user should
// see. Message is written for the user and shown as is; Err is for the log
// only and never leaves the server.
type Error struct {
	Status  int
	Message string
	Err     error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

func badRequest(msg string) *Error { return &Error{Status: http.StatusBadRequest, Message: msg} }

// User-facing messages shared by the HTML pages and the JSON API.
const (
	msgNotFound   = "Page not found"
	msgNoDocument = "No document has this ID"
	msgTimeout    = "The search took too long; narrow it with more specific words or filters"
	msgInternal   = "Something went wrong on our side"
)

// asError translates any error into an *Error: search's typed errors become
// 400 and 404 with their message, timeouts 503, and everything else a 500
// whose cause goes to the log but not to the user.
func asError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	var synErr *search.SyntaxError
	if errors.As(err, &synErr) {
		// "col 7: unterminated quote …" reads better as a sentence.
		msg := synErr.Error()
		if rest, ok := strings.CutPrefix(msg, "col "); ok {
			msg = "Column " + rest
		}
		return &Error{Status: http.StatusBadRequest, Message: msg, Err: err}
	}
	var reqErr *search.RequestError
	if errors.As(err, &reqErr) {
		return &Error{Status: http.StatusBadRequest, Message: sentence(reqErr.Error()), Err: err}
	}
	switch {
	case errors.Is(err, search.ErrNotFound):
		return &Error{Status: http.StatusNotFound, Message: msgNoDocument, Err: err}
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return &Error{Status: http.StatusServiceUnavailable, Message: msgTimeout, Err: err}
	}
	return &Error{Status: http.StatusInternalServerError, Message: msgInternal, Err: err}
}

// sentence makes search's lower-case error text a sentence for people.
func sentence(s string) string {
	s = capitalize(s)
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// logError logs a failed request: 5xx at error level with the cause, 4xx at
// info since they are the user's doing.
func (s *Server) logError(r *http.Request, e *Error) {
	level := slog.LevelInfo
	if e.Status >= 500 {
		level = slog.LevelError
	}
	attrs := []any{"method", r.Method, "path", r.URL.Path, "status", e.Status, "msg", e.Message}
	if e.Err != nil {
		attrs = append(attrs, "err", e.Err.Error())
	}
	s.log.Log(r.Context(), level, "request failed", attrs...)
}

// handle adapts a page handler that returns an error: nil means the handler
// has written its response; anything else becomes the error page.
func (s *Server) handle(f func(http.ResponseWriter, *http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := f(w, r); err != nil {
			s.serveError(w, r, err)
		}
	}
}

// serveError renders the HTML error page for err.
func (s *Server) serveError(w http.ResponseWriter, r *http.Request, err error) {
	e := asError(err)
	s.logError(r, e)
	if e.Status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "10")
	}
	page := errorPage{basePage: s.base(r, http.StatusText(e.Status)), Status: e.Status, Message: e.Message}
	if e.Status == http.StatusInternalServerError {
		page.Message = msgInternal // never the cause
	}
	if rerr := s.render(w, r, e.Status, "error.html", &page); rerr != nil {
		s.log.Error("render error page", "err", rerr)
		s.writeFallback500(w)
	}
}

// apiHandle is handle for the JSON API: errors are written as
// {"error": "..."} with the matching status.
func (s *Server) apiHandle(f func(http.ResponseWriter, *http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := f(w, r); err != nil {
			e := asError(err)
			s.logError(r, e)
			msg := e.Message
			if e.Status == http.StatusInternalServerError {
				msg = "internal error"
			}
			if e.Status == http.StatusServiceUnavailable {
				w.Header().Set("Retry-After", "10")
			}
			writeJSON(w, e.Status, apiError{Error: msg})
		}
	}
}

type apiError struct {
	Error string `json:"error"`
}
