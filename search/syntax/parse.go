package syntax

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefs/briefs/fields"
)

// The query language is the one users know from web search engines:
//
//	coca bolivia              both words (AND is implicit; AND and && may be written)
//	"harm reduction"          the exact phrase ("phrase"~N is accepted, the slop ignored)
//	coca OR cocaine           either (OR or |, upper case only); binds looser than AND:
//	                          a b OR c means (a b) OR c
//	-heroin  NOT heroin       exclude; -"phrase" and -(group) too
//	(a OR b) c                grouping, at most 20 levels deep
//	author:Soberón            a field (title, author, series, country,
//	title:"coca leaf"         publisher, year, language, kind, text;
//	title:(coca OR leaf)      case-insensitive, with the aliases listed in Fields)
//	year:2005  year:1998..2005  year:1998..  year:..2005  year:>=2010  year:<2000
//	coca*                     prefix (at least 2 characters before the *)
//	coca~  coca~1  coca~2     fuzzy (automatic distance, or 1 or 2 edits)
//
// Decisions worth knowing:
//   - A colon after a word that is not a field is text: "Coca: a human issue"
//     searches Coca, a, human and issue. A word with a colon inside
//     (http://x, 10:30) becomes a phrase of its parts, which is how the
//     analyser would split it anyway.
//   - Words with no letter or digit ("–", "&", "...") are dropped: they
//     cannot match anything and would otherwise empty an AND.
//   - A query made only of exclusions is an error, and so is an OR side made
//     only of exclusions (a OR -b would match nearly everything). So in the
//     tree a Not always sits in an And beside at least one node that is not a
//     Not: package search can translate it as a must-not clause.
//   - Field never wraps a Not directly: title:(-a -b) becomes
//     -title:a -title:b, and year values become Range nodes without Field.
//   - Inside quotes, \" and \\ stand for " and \; any other backslash is
//     literal. This is what lets Phrase.String (strconv.Quote) parse back.
//   - Invalid UTF-8 is dropped (strings.ToValidUTF8), white space of any kind
//     becomes a plain space and other invisible runes (control and format
//     characters) are dropped, so SyntaxError.Pos counts bytes of the
//     repaired query, which is the same as the input for any ordinary query.

// Limits on a query. They keep parsing and the bleve query it turns into
// small whatever is pasted into the box; real queries stay far below them.
const (
	// MaxLength is the longest query Parse accepts, in bytes.
	MaxLength     = 2000
	maxQueryDepth = 20 // nested parentheses
	maxQueryTerms = 64 // words, phrases, prefixes, fuzzy words and years
)

// SyntaxError is returned for malformed queries; the web UI shows Error()
// above the kept query.
type SyntaxError struct {
	Pos   int    // byte offset in Query where the problem is
	Msg   string // what is wrong, for a user: `unterminated quote — add a closing "`
	Query string // the query after repair (see Parse), which Pos indexes
}

// Error returns the message prefixed by the 1-based column, counted in
// characters (runes) because that is what users see.
func (e *SyntaxError) Error() string {
	pos := min(max(e.Pos, 0), len(e.Query))
	return fmt.Sprintf("col %d: %s", utf8.RuneCountInString(e.Query[:pos])+1, e.Msg)
}

// QueryField is a field users may write before a colon.
type QueryField struct {
	Name    string   // canonical name, as in Field.Name and Range.Field
	Aliases []string // other names accepted for it
	Example string   // a value to show in help and error messages
}

// Fields lists the field names users may write before a colon, with their
// aliases, from the table of fields (package fields): title, author
// (authors, by), year, series, country (countries), language (lang), kind
// (type), publisher, keyword (keywords), text (body).
func Fields() []QueryField {
	var out []QueryField
	for _, f := range fields.All() {
		if f.Queryable() {
			out = append(out, queryField(f))
		}
	}
	return out
}

func queryField(f fields.Field) QueryField {
	return QueryField{Name: f.Name, Aliases: append([]string(nil), f.Query[1:]...), Example: f.Example}
}

func lookupField(name string) (QueryField, bool) {
	f, ok := fields.ByQueryName(name)
	if !ok {
		return QueryField{}, false
	}
	return queryField(f), true
}

// Parse parses the user's query box. An empty or all-space query returns
// (nil, nil): match everything. Errors are always *SyntaxError. Invalid
// UTF-8 and invisible characters are repaired first, never rejected; see
// the notes at the top of this file.
func Parse(s string) (Node, error) {
	return parse(s, limits{length: MaxLength, depth: maxQueryDepth, terms: maxQueryTerms})
}

type limits struct{ length, depth, terms int }

func parse(s string, lim limits) (Node, error) {
	q := repair(s)
	if strings.TrimLeft(q, " ") == "" {
		return nil, nil
	}
	if len(q) > lim.length {
		pos := lim.length
		for pos > 0 && !utf8.RuneStart(q[pos]) {
			pos--
		}
		return nil, &SyntaxError{Pos: pos, Query: q,
			Msg: fmt.Sprintf("the query is too long — shorten it to at most %d characters", lim.length)}
	}
	toks, err := lex(q)
	if err != nil {
		return nil, err
	}
	p := &parser{q: q, toks: toks, lim: lim}
	start := p.peek().pos
	n, err := p.parseOr("")
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind == tRParen {
		return nil, p.fail(t.pos, "unmatched ) — remove it or add a ( before it")
	}
	if n == nil {
		return nil, p.fail(start, "nothing to search for — type a word with letters or digits")
	}
	if !positive(n) {
		return nil, p.fail(start, "add at least one word to search for, besides the excluded ones")
	}
	return n, nil
}

type parser struct {
	q     string
	toks  []token
	i     int
	depth int
	terms int
	lim   limits
}

func (p *parser) peek() token { return p.toks[p.i] }

func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

func (p *parser) fail(pos int, msg string) error {
	return &SyntaxError{Pos: pos, Msg: msg, Query: p.q}
}

// startsOperand reports whether t can begin an operand.
func startsOperand(t token) bool {
	switch t.kind {
	case tWord, tPhrase, tLParen, tMinus, tNot:
		return true
	}
	return false
}

// parseOr parses operands joined by OR. field is the canonical field name
// inside field:(…), or "". A nil node means every word was dropped.
func (p *parser) parseOr(field string) (Node, error) {
	var nodes []Node
	lastOr := -1 // position of the OR before the current side
	for {
		start := p.peek().pos
		n, err := p.parseAnd(field)
		if err != nil {
			return nil, err
		}
		t := p.peek()
		switch {
		case n == nil && t.kind == tOr:
			return nil, p.fail(t.pos, "OR needs a word before it")
		case n == nil && lastOr >= 0:
			return nil, p.fail(lastOr, "OR needs a word after it")
		case n != nil && (lastOr >= 0 || t.kind == tOr) && !positive(n):
			return nil, p.fail(start, "each side of OR needs a word to search for, besides the excluded ones")
		}
		if o, ok := n.(Or); ok {
			nodes = append(nodes, o.Nodes...)
		} else if n != nil {
			nodes = append(nodes, n)
		}
		if t.kind != tOr {
			break
		}
		p.next()
		if !startsOperand(p.peek()) {
			return nil, p.fail(t.pos, "OR needs a word after it")
		}
		lastOr = t.pos
	}
	switch len(nodes) {
	case 0:
		return nil, nil
	case 1:
		return nodes[0], nil
	}
	return Or{Nodes: nodes}, nil
}

// parseAnd parses operands next to each other, with or without AND.
func (p *parser) parseAnd(field string) (Node, error) {
	var nodes []Node
	seen := false // an operand was written, even if it was dropped
	for {
		t := p.peek()
		switch t.kind {
		case tOr, tRParen, tEOF:
			switch len(nodes) {
			case 0:
				return nil, nil
			case 1:
				return nodes[0], nil
			}
			return And{Nodes: nodes}, nil
		case tAnd:
			p.next()
			if !seen {
				return nil, p.fail(t.pos, "AND needs a word before it")
			}
			if !startsOperand(p.peek()) {
				return nil, p.fail(t.pos, "AND needs a word after it")
			}
			continue
		}
		seen = true
		n, _, err := p.parseUnary(field)
		if err != nil {
			return nil, err
		}
		if a, ok := n.(And); ok {
			nodes = append(nodes, a.Nodes...)
		} else if n != nil {
			nodes = append(nodes, n)
		}
	}
}

// parseUnary parses an operand with any - or NOT before it. Negations are
// read in a loop, not by recursion, so "NOT NOT NOT …" cannot go deep.
func (p *parser) parseUnary(field string) (Node, int, error) {
	neg := false
	for {
		t := p.peek()
		if t.kind != tMinus && t.kind != tNot {
			break
		}
		p.next()
		neg = !neg
		if !startsOperand(p.peek()) {
			if t.kind == tNot {
				return nil, 0, p.fail(t.pos, "NOT needs a word after it")
			}
			return nil, 0, p.fail(t.pos, "- needs a word right after it, e.g. -cocaine")
		}
	}
	n, pos, err := p.parsePrimary(field)
	if err != nil || n == nil || !neg {
		return n, pos, err
	}
	if inner, ok := n.(Not); ok {
		return inner.Node, pos, nil // -(-x) is x
	}
	if !positive(n) {
		return nil, 0, p.fail(pos, "add at least one word to search for, besides the excluded ones")
	}
	return Not{Node: n}, pos, nil
}

// parsePrimary parses a word, a phrase or a parenthesised group.
func (p *parser) parsePrimary(field string) (Node, int, error) {
	t := p.next()
	switch t.kind {
	case tLParen:
		p.depth++
		if p.depth > p.lim.depth {
			return nil, 0, p.fail(t.pos, fmt.Sprintf("too many nested parentheses — at most %d levels", p.lim.depth))
		}
		if p.peek().kind == tRParen {
			return nil, 0, p.fail(t.pos, "empty () — put words inside or remove them")
		}
		n, err := p.parseOr(field)
		if err != nil {
			return nil, 0, err
		}
		if p.peek().kind != tRParen {
			return nil, 0, p.fail(t.pos, "unclosed ( — add a ) to close it")
		}
		p.next()
		p.depth--
		if n == nil {
			return nil, 0, p.fail(t.pos, "empty () — put words inside or remove them")
		}
		return n, t.pos, nil
	case tPhrase:
		if field == "year" {
			n, err := p.year(t.text, t.pos)
			return n, t.pos, err
		}
		if err := p.count(t.pos); err != nil {
			return nil, 0, err
		}
		return Phrase{Text: t.text}, t.pos, nil
	case tWord:
		n, err := p.word(t, field)
		return n, t.pos, err
	}
	// Unreachable: callers check startsOperand first.
	return nil, 0, p.fail(t.pos, "expected a word here")
}

// count counts one more word against the limit.
func (p *parser) count(pos int) error {
	p.terms++
	if p.terms > p.lim.terms {
		return p.fail(pos, fmt.Sprintf("too many words — a query can have at most %d", p.lim.terms))
	}
	return nil
}

// word parses a bare word, which may be field:value.
func (p *parser) word(t token, field string) (Node, error) {
	w := t.text
	i := strings.IndexByte(w, ':')
	if i <= 0 {
		return p.plainWord(w, t.pos, field)
	}
	f, ok := lookupField(w[:i])
	if !ok {
		return p.plainWord(w, t.pos, field)
	}
	if field != "" {
		return nil, p.fail(t.pos, fmt.Sprintf("%s can't be used inside %s:(…) — write it outside the parentheses", w[:i+1], field))
	}
	name, value, vpos := w[:i], w[i+1:], t.pos+i+1
	var n Node
	var err error
	switch {
	case value == "":
		// field:"phrase" or field:(group): the value is the next token,
		// written right after the colon.
		next := p.peek()
		if next.pos != t.end || (next.kind != tPhrase && next.kind != tLParen) {
			return nil, p.fail(t.pos, fmt.Sprintf("%s: needs a value, e.g. %s:%s", name, name, f.Example))
		}
		n, _, err = p.parsePrimary(f.Name)
	case value[0] == '-':
		return nil, p.fail(t.pos, fmt.Sprintf("put the - before the field to exclude, e.g. -%s:%s", name, f.Example))
	default:
		n, err = p.plainWord(value, vpos, f.Name)
		if err == nil && n == nil {
			return nil, p.fail(t.pos, fmt.Sprintf("%s: needs a value, e.g. %s:%s", name, name, f.Example))
		}
	}
	if err != nil {
		return nil, err
	}
	return withField(f.Name, n), nil
}

// withField restricts n to a field, pushing the field inside negations so
// that Not never sits directly in a Field. Year values are already Ranges.
func withField(name string, n Node) Node {
	if name == "year" {
		return n
	}
	switch n := n.(type) {
	case Not:
		return Not{Node: withField(name, n.Node)}
	case And:
		if !positive(n) {
			nodes := make([]Node, len(n.Nodes))
			for i, c := range n.Nodes {
				nodes[i] = withField(name, c)
			}
			return And{Nodes: nodes}
		}
	}
	return Field{Name: name, Node: n}
}

// plainWord parses a word that is not field:value: a term, a prefix, a
// fuzzy term, or a year when field is "year". It returns nil for a word
// with nothing searchable in it.
func (p *parser) plainWord(w string, pos int, field string) (Node, error) {
	// Colons around a word are punctuation ("Coca: a human issue"), and
	// dashes left after them are not an exclusion.
	core := strings.TrimLeft(w, ":-")
	pos += len(w) - len(core)
	core = strings.TrimRight(core, ":")
	if core == "" {
		return nil, nil
	}
	if field == "year" {
		return p.year(core, pos)
	}
	i := strings.IndexAny(core, "*~")
	if i < 0 {
		if !hasLetterOrDigit(core) {
			return nil, nil
		}
		if err := p.count(pos); err != nil {
			return nil, err
		}
		// A word the printer would quote (a:b, a bare OR) is a phrase.
		if strings.Contains(core, ":") || core == "AND" || core == "OR" || core == "NOT" {
			return Phrase{Text: core}, nil
		}
		return Term{Text: core}, nil
	}
	stem, op, opPos := core[:i], core[i+1:], pos+i
	if core[i] == '*' {
		if utf8.RuneCountInString(stem) < 2 || !hasLetterOrDigit(stem) {
			return nil, p.fail(pos, "a wildcard needs at least 2 letters before the *, e.g. coca*")
		}
		if strings.Contains(op, "~") {
			return nil, p.fail(opPos, "a word can't have both * and ~")
		}
		if op != "" {
			return nil, p.fail(opPos, "wildcards are only allowed at the end of a word, e.g. coca*")
		}
		if strings.Contains(stem, ":") {
			return nil, p.fail(opPos, "a word with : in it can't end in * — remove the * or the :")
		}
		if err := p.count(pos); err != nil {
			return nil, err
		}
		return Prefix{Text: stem}, nil
	}
	if stem == "" || !hasLetterOrDigit(stem) {
		return nil, p.fail(pos, "~ goes right after a word, e.g. coca~ or coca~1")
	}
	if strings.Contains(op, "*") {
		return nil, p.fail(opPos, "a word can't have both * and ~")
	}
	if strings.Contains(stem, ":") {
		return nil, p.fail(opPos, "a word with : in it can't end in ~ — remove the ~ or the :")
	}
	dist := 0
	switch {
	case op == "":
	case op == "1" || op == "2":
		dist = int(op[0] - '0')
	case isDigits(op):
		return nil, p.fail(opPos, "fuzziness can be 1 or 2 — e.g. coca~1, or coca~ to choose automatically")
	default:
		return nil, p.fail(opPos, "~ goes at the end of a word, e.g. coca~ or coca~2")
	}
	if err := p.count(pos); err != nil {
		return nil, err
	}
	return Fuzzy{Text: stem, Distance: dist}, nil
}

// positive reports whether n searches for something rather than only
// excluding: a Not, or an And of Nots, does not.
func positive(n Node) bool {
	switch n := n.(type) {
	case Not:
		return false
	case And:
		for _, c := range n.Nodes {
			if _, ok := c.(Not); !ok {
				return true
			}
		}
		return false
	}
	return true
}

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return true
		}
	}
	return false
}
