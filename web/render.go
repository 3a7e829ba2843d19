package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"math"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/briefs/briefs/internal/digits"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

// pageTemplates are the pages; each is parsed together with layout.html
// and parts.html (blocks that several pages share).
var pageTemplates = []string{"search.html", "doc.html", "error.html", "cite.html", "quote.html", "trends.html"}

// templates holds one parsed template set per page.
type templates struct {
	pages map[string]*template.Template
}

func (s *Server) templateFS() fs.FS {
	if s.cfg.Dev {
		return os.DirFS(filepath.Join(s.cfg.DevDir, "templates"))
	}
	sub, _ := fs.Sub(templateFiles, "templates") // cannot fail: the directory is embedded
	return sub
}

func (s *Server) staticFS() fs.FS {
	if s.cfg.Dev {
		return os.DirFS(filepath.Join(s.cfg.DevDir, "static"))
	}
	sub, _ := fs.Sub(staticFiles, "static")
	return sub
}

// parseTemplates parses layout.html plus each page, returning the first
// error instead of panicking.
func parseTemplates(fsys fs.FS, a *assets) (*templates, error) {
	funcs := template.FuncMap{
		"static":    a.url,
		"commas":    commas,
		"kindLabel": kindLabel,
		"join":      strings.Join,
		"took":      took,
		"plural":    plural,
		"add":       func(a, b int) int { return a + b },
		"sub":       func(a, b int) int { return a - b },
	}
	t := &templates{pages: map[string]*template.Template{}}
	for _, name := range pageTemplates {
		tmpl, err := template.New("layout.html").Funcs(funcs).ParseFS(fsys, "layout.html", "parts.html", name)
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", name, err)
		}
		t.pages[name] = tmpl
	}
	return t, nil
}

// render executes page into a buffer first, so that a template error never
// leaves half a page on the wire, then writes status, headers and body.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, page any) error {
	tmpl := s.tmpl
	if s.cfg.Dev {
		var err error
		if tmpl, err = parseTemplates(s.templateFS(), s.assets); err != nil {
			return err
		}
	}
	t, ok := tmpl.pages[name]
	if !ok {
		return fmt.Errorf("render: no template %s", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout.html", page); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(buf.Bytes())
	}
	return nil
}

// fallback500 is written when even the error page cannot be rendered. It is
// plain and needs no template.
const fallback500 = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Error</title>` +
	`<h1>Something went wrong on our side</h1><p>The error has been logged. Please try again later.</p></html>`

func (s *Server) writeFallback500(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	_, _ = io.WriteString(w, fallback500)
}

// assets are the static files, read once and hashed so that their URLs
// change whenever their content does and can be cached for a year.
type assets struct {
	files map[string]*asset
}

type asset struct {
	name    string
	data    []byte
	hash    string // first 12 hex digits of the SHA-256
	ctype   string
	modtime time.Time
}

func loadAssets(fsys fs.FS) (*assets, error) {
	a := &assets{files: map[string]*asset{}}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		ctype := mime.TypeByExtension(path.Ext(p))
		if ctype == "" {
			ctype = http.DetectContentType(data)
		}
		a.files[p] = &asset{name: p, data: data, hash: hex.EncodeToString(sum[:6]), ctype: ctype}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load static files: %w", err)
	}
	for _, need := range []string{"style.css", "app.js"} {
		if a.files[need] == nil {
			return nil, fmt.Errorf("load static files: %s missing", need)
		}
	}
	return a, nil
}

// url is the template func "static": the versioned URL of a static file.
// An unknown name is a template bug, reported when the page renders.
func (a *assets) url(name string) (string, error) {
	f := a.files[name]
	if f == nil {
		return "", fmt.Errorf("static: no file %q", name)
	}
	return "/static/" + name + "?v=" + f.hash, nil
}

// handleStatic serves "GET /static/{name}". Only known files are served (no
// directory listings); a request carrying the current hash may be cached
// for a year since its URL changes with its content.
func (s *Server) handleStatic(w http.ResponseWriter, r *http.Request) error {
	name := pathParam(r, "name")
	a := s.assets
	if s.cfg.Dev {
		var err error
		if a, err = loadAssets(s.staticFS()); err != nil {
			return err
		}
	}
	f := a.files[name]
	if f == nil {
		return &Error{Status: http.StatusNotFound, Message: msgNotFound}
	}
	h := w.Header()
	h.Set("Content-Type", f.ctype)
	if r.URL.Query().Get("v") == f.hash && !s.cfg.Dev {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	h.Set("ETag", `"`+f.hash+`"`)
	http.ServeContent(w, r, f.name, f.modtime, bytes.NewReader(f.data))
	return nil
}

// Template helpers.

// commas formats a count with thousands separators: 12345 -> "12,345".
func commas(n any) string {
	switch n := n.(type) {
	case int:
		return digits.Grouped(int64(n))
	case uint64:
		if n <= math.MaxInt64 {
			return digits.Grouped(int64(n))
		}
	}
	return fmt.Sprint(n)
}

// kindLabel is the human label of a record kind.
func kindLabel(kind string) string {
	switch kind {
	case "briefing":
		return "Briefing"
	case "paper":
		return "Paper"
	case "opinion":
		return "Opinion"
	case "page":
		return "Web page"
	case "reference":
		return "Listed publication"
	case "document", "":
		return "Document"
	}
	return kind
}

// took formats a search duration for "in 12 ms".
func took(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return "<1 ms"
	case d < time.Second:
		return strconv.FormatInt(d.Milliseconds(), 10) + " ms"
	}
	return strconv.FormatFloat(d.Seconds(), 'f', 2, 64) + " s"
}

// plural returns "1 document" or "1,234 documents".
func plural(n any, word string) string {
	if fmt.Sprint(n) == "1" {
		return "1 " + word
	}
	return commas(n) + " " + word + "s"
}
