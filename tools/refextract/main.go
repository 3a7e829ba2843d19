// Command refextract runs two published extractors, go-trafilatura (a Go
// port of trafilatura) and go-readability (a Go port of Mozilla's
// Readability), over an extraction test collection and writes what each
// finds as JSON Lines that `briefs eval extract --predictions` scores with
// exactly the rules it applies to briefs' own extractor.
//
//	cd tools/refextract
//	go run . -tool trafilatura ../../../shared/eval/fundus-meta > /tmp/trafilatura.jsonl
//	go run ./../../cmd/briefs eval extract --predictions /tmp/trafilatura.jsonl ../shared/eval/fundus-meta
//
// It is a module of its own so that these libraries never become
// dependencies of briefs.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-trafilatura"
)

type truthLine struct {
	File string `json:"file"`
	URL  string `json:"url"`
}

type prediction struct {
	File    string   `json:"file"`
	Title   string   `json:"title"`
	Authors []string `json:"authors"`
	Date    string   `json:"date"`
}

func main() {
	tool := flag.String("tool", "trafilatura", "trafilatura or readability")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: refextract [-tool trafilatura|readability] DIR > predictions.jsonl")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 || (*tool != "trafilatura" && *tool != "readability") {
		flag.Usage()
		os.Exit(2)
	}
	dir := flag.Arg(0)
	f, err := os.Open(filepath.Join(dir, "truth.jsonl"))
	if err != nil {
		fatal(err)
	}
	defer f.Close()
	out := json.NewEncoder(os.Stdout)
	out.SetEscapeHTML(false)
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var t truthLine
		if err := json.Unmarshal(sc.Bytes(), &t); err != nil || t.File == "" {
			continue
		}
		data, err := readPage(filepath.Join(dir, t.File))
		if err != nil {
			fmt.Fprintln(os.Stderr, t.File+":", err)
			continue
		}
		pageURL, _ := url.Parse(t.URL)
		p := prediction{File: t.File, Authors: []string{}}
		switch *tool {
		case "trafilatura":
			res, err := trafilatura.Extract(bytes.NewReader(data), trafilatura.Options{OriginalURL: pageURL, EnableFallback: true})
			if err != nil {
				fmt.Fprintln(os.Stderr, t.File+":", err)
				break
			}
			p.Title = res.Metadata.Title
			p.Authors = split(res.Metadata.Author, ";")
			if !res.Metadata.Date.IsZero() {
				p.Date = res.Metadata.Date.Format("2006-01-02")
			}
		case "readability":
			art, err := readability.FromReader(bytes.NewReader(data), pageURL)
			if err != nil {
				fmt.Fprintln(os.Stderr, t.File+":", err)
				break
			}
			p.Title = art.Title()
			p.Authors = split(byPrefix.ReplaceAllString(art.Byline(), ""), ",;", " and ", " & ")
			if d, err := art.PublishedTime(); err == nil && !d.IsZero() {
				p.Date = d.Format("2006-01-02")
			}
		}
		if err := out.Encode(p); err != nil {
			fatal(err)
		}
	}
	if err := sc.Err(); err != nil {
		fatal(err)
	}
}

var byPrefix = regexp.MustCompile(`(?i)^\s*(by|von|par|por|di|door)\s+`)

// split cuts a byline into names at any of the characters in cuts and at
// each of the words.
func split(s, cuts string, words ...string) []string {
	for _, w := range words {
		s = strings.ReplaceAll(s, w, cuts[:1])
	}
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(cuts, r) }) {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	if out == nil {
		out = []string{}
	}
	return out
}

func readPage(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil || !strings.HasSuffix(path, ".gz") {
		return data, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(io.LimitReader(zr, 64<<20))
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "refextract:", err)
	os.Exit(1)
}
