package web

import (
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/briefs/briefs/search"
)

// A hit or document stands for a work; its other versions (search.Version:
// translations, copies in other files, listing entries naming it) are
// reachable from it: "also in Spanish · PDF · listed on 2 pages" under a
// hit, and on the document page the full text of a listing entry, the
// pages listing a document and its other copies.

const kindReference = "reference"

// hitVersions is the line of links under a hit to the other versions of
// its work.
func hitVersions(h search.Hit, q search.Query) []link {
	var out []link
	seenLang := map[string]bool{strings.ToLower(h.Language): true}
	pages := map[string]bool{}
	for _, v := range h.Versions {
		if v.Kind == kindReference {
			if v.Parent != "" {
				pages[v.Parent] = true
			}
			continue
		}
		lang := strings.ToLower(v.Language)
		switch {
		case lang != "" && !seenLang[lang]:
			seenLang[lang] = true
			out = append(out, link{Label: "also in " + languageName(lang), URL: docURL(v.ID, q)})
		case lang == "" || lang == strings.ToLower(h.Language):
			out = append(out, link{Label: formatLabel(v.Source), URL: docURL(v.ID, q)})
		}
	}
	if u := webURL(h.PDFURL); u != "" {
		out = append(out, link{Label: "PDF", URL: u})
	}
	delete(pages, h.Parent) // a listing entry shows its own page already
	if n := len(pages); n > 0 {
		label := "listed on "
		if h.Kind == kindReference {
			label = "also listed on "
		}
		if label += strconv.Itoa(n) + " page"; n > 1 {
			label += "s"
		}
		out = append(out, link{Label: label, URL: docURL(h.ID, q) + "#listed"})
	}
	return out
}

// formatLabel names another copy of a work by its file's format.
func formatLabel(source string) string {
	ext := strings.TrimSuffix(strings.ToLower(source), ".gz")
	switch path.Ext(ext) {
	case ".pdf":
		return "PDF"
	case ".txt":
		return "text"
	case ".md", ".markdown":
		return "Markdown"
	case ".html", ".htm", ".xhtml":
		return "web page"
	}
	return "another copy"
}

// docVersions sorts a document's other versions for its page: the full
// text of a listing entry (the best full-text version: same language
// first), the listing pages naming the work, and other copies not already
// linked as translations.
func docVersions(doc *search.Document, q search.Query) (full *refLink, listed, copies []refLink) {
	rec := doc.Record
	var texts []search.Version
	seenPage := map[string]bool{}
	if rec.Kind == kindReference && rec.Parent != "" {
		seenPage[rec.Parent] = true // shown as this entry's own page
	}
	for _, v := range doc.Versions {
		if v.Kind == kindReference {
			if v.Parent != "" && !seenPage[v.Parent] {
				seenPage[v.Parent] = true
				label := v.ParentTitle
				if label == "" {
					label = v.Parent
				}
				listed = append(listed, refLink{Ref: search.Ref{ID: v.Parent, Title: label}, URL: docURL(v.Parent, search.Query{}), Label: label})
			}
			continue
		}
		texts = append(texts, v)
	}
	if rec.Kind == kindReference && len(texts) > 0 {
		best := slices.IndexFunc(texts, func(v search.Version) bool { return strings.EqualFold(v.Language, rec.Language) })
		best = max(best, 0)
		v := texts[best]
		full = &refLink{Ref: search.Ref{ID: v.ID, Title: v.Title, Language: v.Language, Year: v.Year}, URL: docURL(v.ID, q), Label: v.Title}
	}
	for _, v := range texts {
		if full != nil && v.ID == full.ID || slices.ContainsFunc(doc.Translations, func(t search.Ref) bool { return t.ID == v.ID }) {
			continue
		}
		label := formatLabel(v.Source)
		if !strings.EqualFold(v.Language, rec.Language) && v.Language != "" {
			label = languageName(v.Language)
		}
		copies = append(copies, refLink{Ref: search.Ref{ID: v.ID, Title: v.Title, Language: v.Language, Year: v.Year}, URL: docURL(v.ID, q), Label: label})
	}
	return full, listed, copies
}
