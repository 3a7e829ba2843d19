package indexer

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Pathological pages: nesting capped before parsing, and a token reader for pages too deep to parse.

var (
	voidTags = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
		"img": true, "input": true, "link": true, "meta": true, "param": true, "source": true, "track": true,
		"wbr": true, "keygen": true, "frame": true, "basefont": true, "bgsound": true, "image": true}
	// Elements the parser closes by itself when a sibling starts; counting
	// them would make ordinary <p><p><p> look deep.
	impliedEndTags = map[string]bool{"p": true, "li": true, "dt": true, "dd": true, "option": true,
		"optgroup": true, "tr": true, "td": true, "th": true, "thead": true, "tbody": true, "tfoot": true,
		"rb": true, "rt": true, "rtc": true, "rp": true, "colgroup": true, "caption": true,
		"html": true, "head": true, "body": true}
)

// limitNesting drops start and end tags nested deeper than maxNesting,
// keeping their text, so that the parser accepts the document. Most pages
// are returned unchanged after one tokenizer pass.
func limitNesting(src string) string {
	if !tooDeep(src) {
		return src
	}
	var out strings.Builder
	out.Grow(len(src))
	z := html.NewTokenizer(strings.NewReader(src))
	depth, dropped := 0, 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out.String()
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			if voidTags[string(name)] || impliedEndTags[string(name)] {
				break
			}
			if depth >= maxNesting {
				dropped++
				continue
			}
			depth++
		case html.EndTagToken:
			name, _ := z.TagName()
			if voidTags[string(name)] || impliedEndTags[string(name)] {
				break
			}
			if dropped > 0 {
				dropped--
				continue
			}
			if depth > 0 {
				depth--
			}
		}
		out.Write(raw)
	}
}

func tooDeep(src string) bool {
	// Every start tag opens with a "<" not followed by "/": a page with
	// no more of those than maxNesting cannot nest deeper, and most pages
	// are told so by two byte counts instead of a tokenizer pass.
	if strings.Count(src, "<")-strings.Count(src, "</") <= maxNesting {
		return false
	}
	z := html.NewTokenizer(strings.NewReader(src))
	depth := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return false
		case html.StartTagToken:
			name, _ := z.TagName()
			if !voidTags[string(name)] && !impliedEndTags[string(name)] {
				depth++
				if depth > maxNesting {
					return true
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if !voidTags[string(name)] && !impliedEndTags[string(name)] && depth > 0 {
				depth--
			}
		}
	}
}

// extractHTMLTokens is the last resort for a document the parser rejects:
// the text between tags, split into paragraphs at block tags.
func extractHTMLTokens(src string) Record {
	var rec Record
	z := html.NewTokenizer(strings.NewReader(src))
	var buf strings.Builder
	skip, inTitle := 0, false
	flush := func() {
		if t := collapse(buf.String()); t != "" {
			rec.Paragraphs = append(rec.Paragraphs, t)
		}
		buf.Reset()
	}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		switch tt {
		case html.TextToken:
			if skip > 0 {
				continue
			}
			if inTitle {
				rec.Title = collapse(string(z.Text()))
				continue
			}
			buf.Write(z.Text())
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch a {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg:
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case atom.Title:
				inTitle = tt == html.StartTagToken
			}
			if isBlockTag(a) || a == atom.Br {
				flush()
			}
		}
	}
	flush()
	if rec.Title == "" && len(rec.Paragraphs) > 0 {
		rec.Title = cutAtWord(rec.Paragraphs[0], 200)
	}
	rec.Language = DetectLanguage(rec.Text())
	rec.Countries = Countries(rec.Title, "", rec.Paragraphs)
	rec.Kind = KindDocument
	return rec
}
