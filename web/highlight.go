package web

import (
	"html"
	"html/template"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/briefs/briefs/search"
)

// queryTerms picks the plain words out of a query for marking on the
// document page: words, phrase words, prefixes and fuzzy words, but not
// excluded words or metadata fields (author:, year:, …), which do not match
// the text. It walks search's own parse tree; a query that does not parse
// falls back to splitting on spaces, since a missed mark is harmless.
func queryTerms(q string) []string {
	var words []string
	tree, err := search.Parse(q)
	if err != nil {
		words = fallbackTerms(q)
	} else {
		words = treeTerms(tree, nil)
	}
	var terms []string
	for _, w := range words {
		for _, part := range splitWords(w) {
			lw := foldAccents(strings.ToLower(part))
			if len([]rune(lw)) >= 2 {
				terms = append(terms, stemish(lw))
			}
		}
	}
	slices.Sort(terms)
	return slices.Compact(terms)
}

func treeTerms(n search.Node, acc []string) []string {
	switch n := n.(type) {
	case search.Term:
		acc = append(acc, n.Text)
	case search.Phrase:
		acc = append(acc, n.Text)
	case search.Prefix:
		acc = append(acc, n.Text)
	case search.Fuzzy:
		acc = append(acc, n.Text)
	case search.Field:
		if n.Name == "title" || n.Name == "text" {
			acc = treeTerms(n.Node, acc)
		}
	case search.And:
		for _, c := range n.Nodes {
			acc = treeTerms(c, acc)
		}
	case search.Or:
		for _, c := range n.Nodes {
			acc = treeTerms(c, acc)
		}
	}
	return acc // Not and Range: nothing to mark
}

// fallbackTerms reads an unparsable query as words, skipping exclusions,
// fields and operators.
func fallbackTerms(q string) []string {
	var words []string
	for _, tok := range tokenizeQuery(q) {
		if strings.HasPrefix(tok, "-") || strings.Contains(tok, ":") {
			continue
		}
		switch tok {
		case "AND", "OR", "NOT":
			continue
		}
		words = append(words, tok)
	}
	return words
}

// tokenizeQuery splits on spaces outside double quotes; a quoted phrase
// stays one token (with its field prefix, if any).
func tokenizeQuery(q string) []string {
	var toks []string
	var cur strings.Builder
	inQuote := false
	for _, r := range q {
		switch {
		case r == '"':
			inQuote = !inQuote
			cur.WriteRune(' ')
		case unicode.IsSpace(r) && !inQuote:
			if cur.Len() > 0 {
				toks = append(toks, strings.TrimSpace(cur.String()))
				cur.Reset()
			}
		default:
			cur.WriteRune(r)
		}
	}
	if cur.Len() > 0 {
		toks = append(toks, strings.TrimSpace(cur.String()))
	}
	return toks
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// splitWords returns the runs of letters and digits in s.
func splitWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) })
}

// stemish trims a plural ending so that "policies" still marks "policy"
// and "markets" marks "market"; matching is by prefix, so a short stem only
// widens the match.
func stemish(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return strings.TrimSuffix(w, "ies")
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return strings.TrimSuffix(w, "s")
	}
	return w
}

// highlight escapes text and wraps each word that starts with one of terms
// (case-insensitively) in <mark>.
//
// Why the result is safe to mark as trusted HTML: every byte of text goes
// through html.EscapeString, and the only markup added is the constant
// strings "<mark>" and "</mark>" around whole escaped words. Nothing from
// the query is ever written out.
func highlight(text string, terms []string) template.HTML {
	if len(terms) == 0 {
		return template.HTML(html.EscapeString(text))
	}
	var b strings.Builder
	rs := []rune(text)
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && isWordRune(rs[j]) == isWordRune(rs[i]) {
			j++
		}
		chunk := string(rs[i:j])
		if isWordRune(rs[i]) && matchesTerm(foldAccents(strings.ToLower(chunk)), terms) {
			b.WriteString("<mark>")
			b.WriteString(html.EscapeString(chunk))
			b.WriteString("</mark>")
		} else {
			b.WriteString(html.EscapeString(chunk))
		}
		i = j
	}
	return template.HTML(b.String())
}

// foldAccents drops combining marks so that "soberon" marks "Soberón".
func foldAccents(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func matchesTerm(word string, terms []string) bool {
	for _, t := range terms {
		if strings.HasPrefix(word, t) {
			return true
		}
	}
	return false
}
