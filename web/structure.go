package web

import (
	"html/template"
	"strings"

	"github.com/briefs/briefs/indexer"
)

// A paragraph's kind (Record.Kinds) decides how the document page shows
// it: a heading as a heading, code as <pre><code>, a list item as a list
// item, a table row as a row. Every paragraph keeps its own block with its
// number, anchor (#p12) and cite link, whatever its kind, so that links to
// paragraphs and passage citations do not depend on the structure.

// paraShape is how one paragraph is shown; the template switches on Tag.
type paraShape struct {
	Tag   string          // "p", "h2", "h3", "h4", "pre", "ul", "ol", "blockquote", "tr", "dt"
	Start int             // for "ol": the item's number in its list
	Cells []template.HTML // for "tr": the cells, highlighted
}

// shapeOf returns the shape of paragraph i of rec; prev is the shape of
// paragraph i-1, to number list items in a run. marked is the paragraph's
// escaped, marked HTML; a table row's cells are cut from it at their " | "
// separators, which escaping leaves as they are and no mark spans (a
// marked word holds no space).
func shapeOf(rec indexer.Record, i int, prev paraShape, marked template.HTML) paraShape {
	kind := ""
	if len(rec.Kinds) == len(rec.Paragraphs) {
		kind = rec.Kinds[i]
	}
	switch kind {
	case "h1", "h2":
		// The page's own h1 is the record's title and its h2s the
		// sections around the text ("Summary"): the text's headings
		// start one level down.
		return paraShape{Tag: "h2"}
	case "h3":
		return paraShape{Tag: "h3"}
	case "h4", "h5", "h6":
		return paraShape{Tag: "h4"}
	case indexer.ParaCode:
		return paraShape{Tag: "pre"}
	case indexer.ParaItem:
		return paraShape{Tag: "ul"}
	case indexer.ParaNumbered:
		start := 1
		if prev.Tag == "ol" {
			start = prev.Start + 1
		}
		return paraShape{Tag: "ol", Start: start}
	case indexer.ParaQuote:
		return paraShape{Tag: "blockquote"}
	case indexer.ParaTerm:
		return paraShape{Tag: "dt"}
	case indexer.ParaRow:
		var cells []template.HTML
		for _, c := range strings.Split(string(marked), " | ") {
			cells = append(cells, template.HTML(c)) // cut from escaped HTML at separators
		}
		return paraShape{Tag: "tr", Cells: cells}
	}
	return paraShape{Tag: "p"}
}
