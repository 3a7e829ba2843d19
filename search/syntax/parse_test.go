package syntax

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// parseCase is one row of the parser table: either want (the tree printed
// with String, "" for a nil tree) and optionally tree (the exact structure),
// or wantErr (a substring of the message) at wantPos.
type parseCase struct {
	in      string
	want    string
	tree    Node
	wantErr string
	wantPos int
}

var parseCases = []parseCase{
	// Empty queries match everything.
	{in: "", want: ""},
	{in: "   ", want: ""},
	{in: "\t\n\u00a0", want: ""},
	{in: "\x00\x01", want: ""},

	// Words are all required.
	{in: "coca", want: "coca", tree: Term{"coca"}},
	{in: "coca bolivia", want: "coca bolivia", tree: And{[]Node{Term{"coca"}, Term{"bolivia"}}}},
	{in: "  coca   bolivia  ", want: "coca bolivia"},
	{in: "coca AND bolivia", want: "coca bolivia"},
	{in: "coca && bolivia", want: "coca bolivia"},
	{in: "coca&&bolivia", want: "coca bolivia"},
	{in: "coca AND bolivia peru", want: "coca bolivia peru", tree: And{[]Node{Term{"coca"}, Term{"bolivia"}, Term{"peru"}}}},
	{in: "AT&T", want: "AT&T", tree: Term{"AT&T"}},

	// Phrases.
	{in: `"exact phrase"`, want: `"exact phrase"`, tree: Phrase{"exact phrase"}},
	{in: `"  exact   phrase "`, want: `"exact phrase"`},
	{in: `"coca"`, want: `"coca"`, tree: Phrase{"coca"}},
	{in: `coca"leaf tea"`, want: `coca "leaf tea"`},
	{in: `"coca leaf"~3`, want: `"coca leaf"`, tree: Phrase{"coca leaf"}},
	{in: `"coca leaf"~`, want: `"coca leaf"`},
	{in: `"a \"quoted\" word"`, want: `"a \"quoted\" word"`, tree: Phrase{`a "quoted" word`}},
	{in: `"C:\path\to"`, want: `"C:\\path\\to"`, tree: Phrase{`C:\path\to`}},
	{in: `"a \\ b"`, want: `"a \\ b"`, tree: Phrase{`a \ b`}},
	{in: `"coca OR leaf"`, want: `"coca OR leaf"`, tree: Phrase{"coca OR leaf"}},
	{in: `"(coca) -leaf*"`, want: `"(coca) -leaf*"`},

	// OR binds looser than the implicit AND.
	{in: "coca OR cocaine", want: "coca OR cocaine", tree: Or{[]Node{Term{"coca"}, Term{"cocaine"}}}},
	{in: "a b OR c", want: "(a b) OR c", tree: Or{[]Node{And{[]Node{Term{"a"}, Term{"b"}}}, Term{"c"}}}},
	{in: "a OR b c", want: "a OR (b c)"},
	{in: "a OR b OR c", want: "a OR b OR c", tree: Or{[]Node{Term{"a"}, Term{"b"}, Term{"c"}}}},
	{in: "(a OR b) OR c", want: "a OR b OR c"},
	{in: "a OR (b OR c)", want: "a OR b OR c"},
	{in: "a | b", want: "a OR b"},
	{in: "a|b", want: "a OR b"},
	{in: "a || b", want: "a OR b"},
	{in: "a AND b OR c AND d", want: "(a b) OR (c d)"},
	{in: "coca AND (leaf OR tea)", want: "coca (leaf OR tea)"},
	{in: "(a OR b) (c OR d)", want: "(a OR b) (c OR d)"},
	{in: "a NOT b OR c", want: "(a -b) OR c"},
	{in: "coca or cocaine", want: "coca or cocaine", tree: And{[]Node{Term{"coca"}, Term{"or"}, Term{"cocaine"}}}},
	{in: "Or And Not", want: "Or And Not"},

	// Grouping and simplification.
	{in: "(coca)", want: "coca", tree: Term{"coca"}},
	{in: "((coca))", want: "coca"},
	{in: "(a b) c", want: "a b c", tree: And{[]Node{Term{"a"}, Term{"b"}, Term{"c"}}}},
	{in: "a (b (c d))", want: "a b c d"},
	{in: "a (b -c)", want: "a b -c"},
	{in: "a (-b -c)", want: "a -b -c"},
	{in: "(a (b OR (c d)))", want: "a (b OR (c d))"},
	{in: "-(a b) c", want: "-(a b) c", tree: And{[]Node{Not{And{[]Node{Term{"a"}, Term{"b"}}}}, Term{"c"}}}},
	{in: strings.Repeat("(", 20) + "coca" + strings.Repeat(")", 20), want: "coca"},

	// Exclusion.
	{in: "coca -cocaine", want: "coca -cocaine", tree: And{[]Node{Term{"coca"}, Not{Term{"cocaine"}}}}},
	{in: "-cocaine coca", want: "-cocaine coca"},
	{in: `coca -"cocaine paste"`, want: `coca -"cocaine paste"`, tree: And{[]Node{Term{"coca"}, Not{Phrase{"cocaine paste"}}}}},
	{in: "coca -(paste OR base)", want: "coca -(paste OR base)"},
	{in: "coca NOT cocaine", want: "coca -cocaine"},
	{in: "coca AND NOT cocaine", want: "coca -cocaine"},
	{in: "coca --cocaine", want: "coca -cocaine"},
	{in: "coca -(-leaf)", want: "coca leaf"},
	{in: "NOT NOT coca", want: "coca"},
	{in: "coca -NOT leaf", want: "coca leaf"},
	{in: "cross-border trade", want: "cross-border trade", tree: And{[]Node{Term{"cross-border"}, Term{"trade"}}}},
	{in: "2005-03", want: "2005-03", tree: Term{"2005-03"}},
	{in: "coca-", want: "coca-"},
	{in: "Bolivia - Peru", want: "Bolivia Peru"},
	{in: "Bolivia -- Peru", want: "Bolivia Peru"},
	{in: "Bolivia -", want: "Bolivia"},
	{in: "(Bolivia -)", want: "Bolivia"},

	// Fields, case-insensitive, with aliases.
	{in: "title:coca", want: "title:coca", tree: Field{"title", Term{"coca"}}},
	{in: "Author:Soberón", want: "author:Soberón", tree: Field{"author", Term{"Soberón"}}},
	{in: "AUTHOR:Soberón", want: "author:Soberón"},
	{in: "authors:Jelsma", want: "author:Jelsma"},
	{in: "by:Jelsma", want: "author:Jelsma"},
	{in: "publisher:TNI", want: "publisher:TNI", tree: Field{"publisher", Term{"TNI"}}},
	{in: `Publisher:"Transnational Institute"`, want: `publisher:"Transnational Institute"`},
	{in: "series:debate", want: "series:debate"},
	{in: "Country:Bolivia", want: "country:Bolivia"},
	{in: "countries:Perú", want: "country:Perú"},
	{in: "language:es", want: "language:es"},
	{in: "lang:pt", want: "language:pt"},
	{in: "kind:briefing", want: "kind:briefing"},
	{in: "type:opinion", want: "kind:opinion"},
	{in: "text:coca", want: "text:coca"},
	{in: "body:coca", want: "text:coca"},
	{in: `title:"coca leaf"`, want: `title:"coca leaf"`, tree: Field{"title", Phrase{"coca leaf"}}},
	{in: `series:"Drug Policy Briefing" coca`, want: `series:"Drug Policy Briefing" coca`},
	{in: "title:(coca OR leaf)", want: "title:(coca OR leaf)", tree: Field{"title", Or{[]Node{Term{"coca"}, Term{"leaf"}}}}},
	{in: "title:(coca leaf) tea", want: "title:(coca leaf) tea"},
	{in: "title:(coca -leaf)", want: "title:(coca -leaf)", tree: Field{"title", And{[]Node{Term{"coca"}, Not{Term{"leaf"}}}}}},
	{in: "title:((coca))", want: "title:coca"},
	{in: "title:co*", want: "title:co*", tree: Field{"title", Prefix{"co"}}},
	{in: "text:coca~1", want: "text:coca~1", tree: Field{"text", Fuzzy{"coca", 1}}},
	{in: "-title:coca bolivia", want: "-title:coca bolivia", tree: And{[]Node{Not{Field{"title", Term{"coca"}}}, Term{"bolivia"}}}},
	{in: "NOT author:Jelsma coca", want: "-author:Jelsma coca"},
	{in: "title:(-leaf) coca", want: "-title:leaf coca", tree: And{[]Node{Not{Field{"title", Term{"leaf"}}}, Term{"coca"}}}},
	{in: "coca title:(-a -b)", want: "coca -title:a -title:b"},
	{in: "coca -title:(-leaf)", want: "coca title:leaf"},
	{in: "title:author", want: "title:author", tree: Field{"title", Term{"author"}}},
	{in: "title:OR", want: `title:"OR"`, tree: Field{"title", Phrase{"OR"}}},
	{in: "title::coca", want: "title:coca"},
	{in: "title:coca:", want: "title:coca"},
	{in: "author", want: "author", tree: Term{"author"}},

	// A colon after a word that is not a field is text.
	{in: "Coca: a human issue", want: "Coca a human issue", tree: And{[]Node{Term{"Coca"}, Term{"a"}, Term{"human"}, Term{"issue"}}}},
	{in: "Coca : leaf", want: "Coca leaf"},
	{in: "http://x", want: `"http://x"`, tree: Phrase{"http://x"}},
	{in: "10:30 meeting", want: `"10:30" meeting`},
	{in: "foo:bar", want: `"foo:bar"`},
	{in: "title:http://x", want: `title:"http://x"`, tree: Field{"title", Phrase{"http://x"}}},
	{in: ":-coca", want: "coca"},
	{in: ":OR:", want: `"OR"`, tree: Phrase{"OR"}},

	// Years.
	{in: "year:2005", want: "year:2005..2005", tree: Range{"year", 2005, 2005}},
	{in: "YEAR:2005", want: "year:2005..2005"},
	{in: "year:1998..2005", want: "year:1998..2005", tree: Range{"year", 1998, 2005}},
	{in: "year:1998..", want: "year:1998..", tree: Range{"year", 1998, 0}},
	{in: "year:..2005", want: "year:..2005", tree: Range{"year", 0, 2005}},
	{in: "year:2005..2005", want: "year:2005..2005"},
	{in: "year:>=2010", want: "year:2010..", tree: Range{"year", 2010, 0}},
	{in: "year:>2010", want: "year:2011..", tree: Range{"year", 2011, 0}},
	{in: "year:<=2000", want: "year:..2000", tree: Range{"year", 0, 2000}},
	{in: "year:<2000", want: "year:..1999", tree: Range{"year", 0, 1999}},
	{in: `year:"2005"`, want: "year:2005..2005"},
	{in: "year:(2005 OR 2010)", want: "year:2005..2005 OR year:2010..2010", tree: Or{[]Node{Range{"year", 2005, 2005}, Range{"year", 2010, 2010}}}},
	{in: "coca -year:2005", want: "coca -year:2005..2005", tree: And{[]Node{Term{"coca"}, Not{Range{"year", 2005, 2005}}}}},
	{in: "coca year:(-2005)", want: "coca -year:2005..2005"},
	{in: "year:1000..9999", want: "year:1000..9999"},

	// Prefixes and fuzzy words.
	{in: "coca*", want: "coca*", tree: Prefix{"coca"}},
	{in: "co*", want: "co*", tree: Prefix{"co"}},
	{in: "cé*", want: "cé*", tree: Prefix{"cé"}},
	{in: "OR*", want: "OR*", tree: Prefix{"OR"}},
	{in: "coca~", want: "coca~", tree: Fuzzy{"coca", 0}},
	{in: "coca~1", want: "coca~1", tree: Fuzzy{"coca", 1}},
	{in: "coca~2", want: "coca~2", tree: Fuzzy{"coca", 2}},
	{in: "-coca~ leaf", want: "-coca~ leaf"},

	// Unicode and repairs.
	{in: "política de drogas en Bolivia", want: "política de drogas en Bolivia"},
	{in: `"reducción de daños" niño OR año`, want: `("reducción de daños" niño) OR año`},
	{in: "Perú OR Colombia", want: "Perú OR Colombia"},
	{in: "author:Muñoz title:cocaína", want: "author:Muñoz title:cocaína"},
	{in: "ÑANDÚ", want: "ÑANDÚ", tree: Term{"ÑANDÚ"}},
	{in: "Bolivia & Peru", want: "Bolivia Peru"},
	{in: "coca – hoja", want: "coca hoja"},
	{in: "coca ... ?", want: "coca"},
	{in: "coca\tleaf\nbolivia", want: "coca leaf bolivia"},
	{in: "coca\u00a0leaf", want: "coca leaf"},
	{in: "coca\x00leaf", want: "cocaleaf"},
	{in: "co\u00adca", want: "coca"},
	{in: "coca\xffleaf", want: "cocaleaf"},
	{in: "Sober\xf3n", want: "Sobern"},
	{in: "\"coca\x00\x1fleaf\"", want: `"cocaleaf"`},
	{in: `a\b`, want: `a\b`, tree: Term{`a\b`}},

	// Errors: quotes.
	{in: `"coca`, wantErr: `unterminated quote — add a closing "`, wantPos: 0},
	{in: `coca "leaf tea`, wantErr: "unterminated quote", wantPos: 5},
	{in: `"coca\"`, wantErr: "unterminated quote", wantPos: 0},
	{in: `""`, wantErr: "empty quotes", wantPos: 0},
	{in: `coca "  "`, wantErr: "empty quotes", wantPos: 5},

	// Errors: parentheses.
	{in: "(coca", wantErr: "unclosed ( — add a )", wantPos: 0},
	{in: "coca (leaf OR (tea)", wantErr: "unclosed (", wantPos: 5},
	{in: "coca)", wantErr: "unmatched )", wantPos: 4},
	{in: "(coca)) leaf", wantErr: "unmatched )", wantPos: 6},
	{in: ")", wantErr: "unmatched )", wantPos: 0},
	{in: "()", wantErr: "empty ()", wantPos: 0},
	{in: "coca ()", wantErr: "empty ()", wantPos: 5},
	{in: "coca ( ... )", wantErr: "empty ()", wantPos: 5},
	{in: strings.Repeat("(", 21) + "coca" + strings.Repeat(")", 21), wantErr: "too many nested parentheses — at most 20", wantPos: 20},

	// Errors: operators without operands.
	{in: "OR coca", wantErr: "OR needs a word before it", wantPos: 0},
	{in: "| coca", wantErr: "OR needs a word before it", wantPos: 0},
	{in: "coca OR", wantErr: "OR needs a word after it", wantPos: 5},
	{in: "coca OR OR leaf", wantErr: "OR needs a word after it", wantPos: 5},
	{in: "coca | | leaf", wantErr: "OR needs a word after it", wantPos: 5},
	{in: "(coca OR) leaf", wantErr: "OR needs a word after it", wantPos: 6},
	{in: "(OR coca)", wantErr: "OR needs a word before it", wantPos: 1},
	{in: "coca OR ...", wantErr: "OR needs a word after it", wantPos: 5},
	{in: "... OR coca", wantErr: "OR needs a word before it", wantPos: 4},
	{in: "coca OR AND leaf", wantErr: "OR needs a word after it", wantPos: 5},
	{in: "AND coca", wantErr: "AND needs a word before it", wantPos: 0},
	{in: "coca AND", wantErr: "AND needs a word after it", wantPos: 5},
	{in: "coca && OR leaf", wantErr: "AND needs a word after it", wantPos: 5},
	{in: "coca NOT", wantErr: "NOT needs a word after it", wantPos: 5},
	{in: "coca NOT OR leaf", wantErr: "NOT needs a word after it", wantPos: 5},
	{in: "coca NOT)", wantErr: "NOT needs a word after it", wantPos: 5},
	{in: "coca -NOT", wantErr: "NOT needs a word after it", wantPos: 6},
	{in: "coca -OR leaf", wantErr: "- needs a word right after it", wantPos: 5},

	// Errors: only exclusions.
	{in: "-coca", wantErr: "add at least one word to search for, besides the excluded ones", wantPos: 0},
	{in: "-coca -leaf", wantErr: "add at least one word to search for", wantPos: 0},
	{in: "NOT coca", wantErr: "add at least one word to search for", wantPos: 0},
	{in: " -(coca leaf)", wantErr: "add at least one word to search for", wantPos: 1},
	{in: "title:(-coca)", wantErr: "add at least one word to search for", wantPos: 0},
	{in: "-title:coca -year:2005", wantErr: "add at least one word to search for", wantPos: 0},
	{in: "coca -(-a -b)", wantErr: "add at least one word to search for", wantPos: 6},
	{in: "coca OR -leaf", wantErr: "each side of OR needs a word to search for", wantPos: 8},
	{in: "-leaf OR coca", wantErr: "each side of OR needs a word to search for", wantPos: 0},
	{in: "a OR (-b -c) OR d", wantErr: "each side of OR needs a word to search for", wantPos: 5},
	{in: "title:(a OR -b)", wantErr: "each side of OR needs a word to search for", wantPos: 12},

	// Errors: fields.
	{in: "author:", wantErr: "author: needs a value, e.g. author:Soberón", wantPos: 0},
	{in: "coca author: Soberón", wantErr: "author: needs a value, e.g. author:Soberón", wantPos: 5},
	{in: "by:", wantErr: "by: needs a value, e.g. by:Soberón", wantPos: 0},
	{in: "(title:)", wantErr: "title: needs a value", wantPos: 1},
	{in: "title:...", wantErr: "title: needs a value", wantPos: 0},
	{in: `title: "coca leaf"`, wantErr: "title: needs a value", wantPos: 0},
	{in: "title:-coca", wantErr: "put the - before the field to exclude, e.g. -title:coca", wantPos: 0},
	{in: "title:(author:Jelsma)", wantErr: "author: can't be used inside title:(…)", wantPos: 7},
	{in: "year:", wantErr: "year: needs a value, e.g. year:2005", wantPos: 0},

	// Errors: years.
	{in: "year:abc", wantErr: "year: takes a year or a range", wantPos: 5},
	{in: "year:2005a", wantErr: "year: takes a year or a range", wantPos: 5},
	{in: "year:20050", wantErr: "year 20050 is out of range — years go from 1000 to 9999", wantPos: 5},
	{in: "year:999", wantErr: "year 999 is out of range", wantPos: 5},
	{in: "year:0", wantErr: "year 0 is out of range", wantPos: 5},
	{in: "year:99999999999999999999999", wantErr: "is out of range", wantPos: 5},
	{in: "year:>9999", wantErr: "year 10000 is out of range", wantPos: 5},
	{in: "year:<1000", wantErr: "year 999 is out of range", wantPos: 5},
	{in: "year:2005..1998", wantErr: "the year range goes backwards — write year:1998..2005", wantPos: 5},
	{in: "year:..", wantErr: "year: needs a year", wantPos: 5},
	{in: "year:1998-2005", wantErr: "year: takes a year or a range", wantPos: 5},
	{in: "year:2005*", wantErr: "year: takes a year or a range", wantPos: 5},
	{in: "year:(2005 OR coca)", wantErr: "year: takes a year or a range", wantPos: 14},
	{in: `year:"soon"`, wantErr: "year: takes a year or a range", wantPos: 5},

	// Errors: wildcards and fuzziness.
	{in: "*", wantErr: "a wildcard needs at least 2 letters before the *", wantPos: 0},
	{in: "coca a*", wantErr: "a wildcard needs at least 2 letters before the *", wantPos: 5},
	{in: "*coca", wantErr: "a wildcard needs at least 2 letters before the *", wantPos: 0},
	{in: "é*", wantErr: "a wildcard needs at least 2 letters", wantPos: 0},
	{in: "co*a", wantErr: "wildcards are only allowed at the end of a word", wantPos: 2},
	{in: "coca**", wantErr: "wildcards are only allowed at the end of a word", wantPos: 4},
	{in: "co*~", wantErr: "a word can't have both * and ~", wantPos: 2},
	{in: "coca~*", wantErr: "a word can't have both * and ~", wantPos: 4},
	{in: "http://x*", wantErr: "can't end in *", wantPos: 8},
	{in: "coca~3", wantErr: "fuzziness can be 1 or 2", wantPos: 4},
	{in: "coca~0", wantErr: "fuzziness can be 1 or 2", wantPos: 4},
	{in: "coca~10", wantErr: "fuzziness can be 1 or 2", wantPos: 4},
	{in: "coca~x", wantErr: "~ goes at the end of a word", wantPos: 4},
	{in: "co~ca", wantErr: "~ goes at the end of a word", wantPos: 2},
	{in: "~", wantErr: "~ goes right after a word", wantPos: 0},
	{in: "coca ~2", wantErr: "~ goes right after a word", wantPos: 5},

	// Errors: nothing searchable, limits.
	{in: "...", wantErr: "nothing to search for", wantPos: 0},
	{in: "  – ", wantErr: "nothing to search for", wantPos: 2},
	{in: strings.Repeat("coca ", 64) + "leaf", wantErr: "too many words — a query can have at most 64", wantPos: 320},
	{in: strings.Repeat("a OR ", 64) + "b", wantErr: "too many words", wantPos: 320},
	{in: strings.Repeat("x", 2001), wantErr: "the query is too long", wantPos: 2000},
}

func TestParse(t *testing.T) {
	for _, tt := range parseCases {
		t.Run(tt.in, func(t *testing.T) {
			got, err := Parse(tt.in)
			if tt.wantErr != "" {
				var se *SyntaxError
				if !errors.As(err, &se) {
					t.Fatalf("Parse(%q) = %v, %v; want *SyntaxError containing %q", tt.in, got, err, tt.wantErr)
				}
				if !strings.Contains(se.Msg, tt.wantErr) || se.Pos != tt.wantPos {
					t.Errorf("Parse(%q) error = %q at %d, want %q at %d", tt.in, se.Msg, se.Pos, tt.wantErr, tt.wantPos)
				}
				if got != nil {
					t.Errorf("Parse(%q) = %v with an error, want nil", tt.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse(%q) error = %v, want %q", tt.in, err, tt.want)
			}
			if got == nil {
				if tt.want != "" {
					t.Fatalf("Parse(%q) = nil, want %q", tt.in, tt.want)
				}
				return
			}
			if s := got.String(); s != tt.want {
				t.Errorf("Parse(%q).String() = %q, want %q", tt.in, s, tt.want)
			}
			if tt.tree != nil && !reflect.DeepEqual(got, tt.tree) {
				t.Errorf("Parse(%q) = %#v, want %#v", tt.in, got, tt.tree)
			}
			checkTree(t, got)
		})
	}
}

// TestParseRoundTrip checks that what String prints parses back to the
// same tree, so "searched for: …" can be pasted into the box.
func TestParseRoundTrip(t *testing.T) {
	for _, tt := range parseCases {
		if tt.wantErr != "" || tt.want == "" {
			continue
		}
		got, err := Parse(tt.in)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.in, err)
		}
		again, err := Parse(got.String())
		if err != nil {
			t.Errorf("Parse(%q) (printed from %q): %v", got.String(), tt.in, err)
			continue
		}
		if !reflect.DeepEqual(again, got) {
			t.Errorf("Parse(%q) = %#v, want %#v (printed from %q)", got.String(), again, got, tt.in)
		}
	}
}

func TestSyntaxErrorError(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{`coca "leaf tea`, `col 6: unterminated quote — add a closing "`},
		{`política "coca`, `col 10: unterminated quote — add a closing "`},
		{`año OR`, `col 5: OR needs a word after it`},
		{`author:`, `col 1: author: needs a value, e.g. author:Soberón`},
	}
	for _, tt := range tests {
		_, err := Parse(tt.in)
		if err == nil || err.Error() != tt.want {
			t.Errorf("Parse(%q) error = %v, want %q", tt.in, err, tt.want)
		}
	}
	// A hand-made error with a position out of range must not panic.
	for _, e := range []*SyntaxError{{Pos: -3, Msg: "m", Query: "abc"}, {Pos: 99, Msg: "m", Query: "abc"}} {
		if got := e.Error(); !strings.HasSuffix(got, ": m") {
			t.Errorf("(%+v).Error() = %q", *e, got)
		}
	}
}

func TestFields(t *testing.T) {
	want := map[string]string{
		"title": "title", "author": "author", "authors": "author", "by": "author",
		"series": "series", "country": "country", "countries": "country", "year": "year",
		"language": "language", "lang": "language", "kind": "kind", "type": "kind",
		"text": "text", "body": "text", "publisher": "publisher", "keyword": "keyword", "keywords": "keyword",
	}
	got := map[string]string{}
	for _, f := range Fields() {
		got[f.Name] = f.Name
		for _, a := range f.Aliases {
			got[a] = f.Name
		}
		if f.Example == "" {
			t.Errorf("Fields(): %s has no example", f.Name)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Fields() names = %v, want %v", got, want)
	}
	// Every name is accepted before a colon, in any case.
	for name, canon := range want {
		q := strings.ToUpper(name[:1]) + name[1:] + ":2005"
		n, err := Parse(q)
		if err != nil {
			t.Errorf("Parse(%q): %v", q, err)
			continue
		}
		wantS := canon + ":2005"
		if canon == "year" {
			wantS = "year:2005..2005"
		}
		if n.String() != wantS {
			t.Errorf("Parse(%q) = %q, want %q", q, n, wantS)
		}
	}
	// Callers cannot change the parser's table through the result.
	Fields()[1].Aliases[0] = "x"
	if _, ok := lookupField("authors"); !ok {
		t.Error("changing Fields() changed the parser's field names")
	}
}

// checkTree checks the shape promised to query.go: no single-child or
// nested And/Or, Field never wraps a Field, a Not or a Range, and every Not
// sits in an And beside a node that is not a Not.
func checkTree(t testing.TB, n Node) {
	t.Helper()
	var walk func(n Node, parent Node, inField bool)
	walk = func(n Node, parent Node, inField bool) {
		switch n := n.(type) {
		case Term, Phrase, Prefix, Fuzzy:
		case Range:
			if inField {
				t.Errorf("%s: Range inside a Field", n)
			}
		case Field:
			if inField {
				t.Errorf("%s: nested Field", n)
			}
			if _, ok := n.Node.(Not); ok {
				t.Errorf("%s: Field wraps a Not", n)
			}
			walk(n.Node, n, true)
		case Not:
			a, ok := parent.(And)
			if !ok || !positive(a) {
				t.Errorf("%s: Not outside an And with a positive node (parent %v)", n, parent)
			}
			if _, ok := n.Node.(Not); ok {
				t.Errorf("%s: double negation", n)
			}
			walk(n.Node, n, inField)
		case And:
			if len(n.Nodes) < 2 {
				t.Errorf("%s: And with %d nodes", n, len(n.Nodes))
			}
			for _, c := range n.Nodes {
				if _, ok := c.(And); ok {
					t.Errorf("%s: nested And", n)
				}
				walk(c, n, inField)
			}
		case Or:
			if len(n.Nodes) < 2 {
				t.Errorf("%s: Or with %d nodes", n, len(n.Nodes))
			}
			for _, c := range n.Nodes {
				if _, ok := c.(Or); ok {
					t.Errorf("%s: nested Or", n)
				}
				walk(c, n, inField)
			}
		default:
			t.Errorf("unexpected node %#v", n)
		}
	}
	walk(n, nil, false)
}

func FuzzParse(f *testing.F) {
	for _, tt := range parseCases {
		f.Add(tt.in)
	}
	// Printing may lengthen a query (year:2005 prints as year:2005..2005)
	// or add parentheses ((a b) OR c), so the round trip is checked
	// without the limits meant for what users type.
	noLimits := limits{length: 1 << 30, depth: 1 << 30, terms: 1 << 30}
	f.Fuzz(func(t *testing.T, in string) {
		n, err := Parse(in)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Parse(%q) error %T %v, want *SyntaxError", in, err, err)
			}
			if se.Pos < 0 || se.Pos > len(se.Query) || se.Msg == "" || !utf8.ValidString(se.Query) {
				t.Fatalf("Parse(%q) error %+v: bad position, message or query", in, *se)
			}
			_ = se.Error()
			if n != nil {
				t.Fatalf("Parse(%q) = %v with an error", in, n)
			}
			return
		}
		if n == nil {
			if strings.TrimLeft(repair(in), " ") != "" {
				t.Fatalf("Parse(%q) = nil, nil for a query with text", in)
			}
			return
		}
		checkTree(t, n)
		printed := n.String()
		if !utf8.ValidString(printed) {
			t.Fatalf("Parse(%q).String() = %q is not valid UTF-8", in, printed)
		}
		again, err := parse(printed, noLimits)
		if err != nil {
			t.Fatalf("Parse(%q).String() = %q does not parse: %v", in, printed, err)
		}
		if !reflect.DeepEqual(again, n) {
			t.Fatalf("Parse(%q) = %#v\nprinted %q\nparses as %#v", in, n, printed, again)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	const q = `coca leaf "harm reduction" author:Soberón Bolivia`
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(q); err != nil {
			b.Fatal(err)
		}
	}
}

func ExampleParse() {
	n, err := Parse(`"harm reduction" (coca OR cocaine) -heroin by:Soberón year:>=2005`)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(n)

	_, err = Parse(`coca "leaf tea`)
	fmt.Println(err)
	// Output:
	// "harm reduction" (coca OR cocaine) -heroin author:Soberón year:2005..
	// col 6: unterminated quote — add a closing "
}
