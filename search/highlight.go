package search

import (
	"context"
	"html/template"
	"strings"
)

// Highlight marks a query's words in texts of one record (its paragraphs,
// say) written in language, as the result list's snippets mark them: the
// same positive words and phrases of the query (prefix and fuzzy terms
// expanded against the index), analysed as that language's records are
// indexed, so "eradicate" marks "eradication" and "context" does not mark
// "contextlib". It returns one escaped, marked text per text given. The
// query is validated as Search validates it.
func (x *Index) Highlight(ctx context.Context, q Query, language string, texts []string) ([]template.HTML, error) {
	p, err := q.plan()
	if err != nil {
		return nil, err
	}
	g, err := x.acquire()
	if err != nil {
		return nil, err
	}
	defer x.keepResident() // after the release: deferred calls run last first
	defer g.release()
	t := newTranslator(g, g.matching(p))
	defer t.close()
	words, phrases := t.positive(p.tree)
	if t.err != nil {
		return nil, t.err
	}
	h := newHighlighter(g, words, phrases)
	group := langGroup(language)
	out := make([]template.HTML, len(texts))
	for i, text := range texts {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		text = strings.ToValidUTF8(text, "\uFFFD")
		out[i] = markup(text, h.matches(text, group), 0, len(text))
	}
	return out, nil
}
