package search

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/briefs/briefs/indexer"
	"github.com/briefs/briefs/search/syntax"
)

// describe writes a translated bleve query as a compact expression, so a
// test can say which query a form becomes: the kinds of the nodes, their
// fields and terms, and the clauses of each boolean query.
//
//	bm25(title_en body_en: coca)   BM25F over prose fields (bm25Query)
//	phrase(title_en: coca leaf)    the positions filter of a phrase
//	term(author_key: jelsma)       one keyword term
//	and(...) or(...) bool(must: ... filter: ...)
func describe(q query.Query) string {
	var b strings.Builder
	describeTo(&b, q)
	return b.String()
}

func describeTo(b *strings.Builder, q query.Query) {
	list := func(name string, qs []query.Query) {
		b.WriteString(name + "(")
		for i, c := range qs {
			if i > 0 {
				b.WriteString(", ")
			}
			describeTo(b, c)
		}
		b.WriteString(")")
	}
	switch q := q.(type) {
	case *bm25Query:
		b.WriteString("bm25")
		if q.min > 1 {
			fmt.Fprintf(b, "[min %d]", q.min)
		}
		if q.cover {
			b.WriteString("[cover]")
		}
		if q.coord {
			b.WriteString("[coord]")
		}
		b.WriteString("(")
		for i, f := range q.fields {
			if i > 0 {
				b.WriteString(" ")
			}
			fmt.Fprintf(b, "%s^%g", f.name, f.boost)
		}
		b.WriteString(": " + strings.Join(q.terms, " ") + ")")
	case *phraseQuery:
		words := make([]string, len(q.terms))
		for i, t := range q.terms {
			words[i] = fmt.Sprintf("%s@%d", t, q.offs[i])
		}
		fmt.Fprintf(b, "phrase(%s: %s)", strings.Join(q.fields, " "), strings.Join(words, " "))
	case *query.TermQuery:
		fmt.Fprintf(b, "term(%s: %s)", q.FieldVal, q.Term)
	case *query.PrefixQuery:
		fmt.Fprintf(b, "prefix(%s: %s)", q.FieldVal, q.Prefix)
	case *query.FuzzyQuery:
		fmt.Fprintf(b, "fuzzy(%s: %s~%d)", q.FieldVal, q.Term, q.Fuzziness)
	case *query.MatchPhraseQuery:
		fmt.Fprintf(b, "matchphrase(%s: %s)", q.FieldVal, q.MatchPhrase)
	case *query.NumericRangeQuery:
		bound := func(v *float64) string {
			if v == nil {
				return ""
			}
			return fmt.Sprint(*v)
		}
		fmt.Fprintf(b, "range(%s: %s..%s)", q.FieldVal, bound(q.Min), bound(q.Max))
	case *query.MatchAllQuery:
		b.WriteString("all")
	case *query.MatchNoneQuery:
		b.WriteString("none")
	case *query.ConjunctionQuery:
		list("and", q.Conjuncts)
	case *groupsQuery:
		list("or", q.branches)
	case *query.DisjunctionQuery:
		name := "or"
		if q.Min > 0 {
			name = fmt.Sprintf("or[min %g]", q.Min)
		}
		list(name, q.Disjuncts)
	case *query.BooleanQuery:
		b.WriteString("bool(")
		sep := ""
		clause := func(name string, c query.Query) {
			if c == nil {
				return
			}
			b.WriteString(sep + name + ": ")
			sep = "; "
			// NewBooleanQuery wraps must in a conjunction and should
			// and must-not in disjunctions of its own: their clauses
			// are listed without that wrapper.
			var qs []query.Query
			switch c := c.(type) {
			case *query.ConjunctionQuery:
				qs = c.Conjuncts
			case *query.DisjunctionQuery:
				qs = c.Disjuncts
			default:
				describeTo(b, c)
				return
			}
			for i, c := range qs {
				if i > 0 {
					b.WriteString(", ")
				}
				describeTo(b, c)
			}
		}
		clause("must", q.Must)
		clause("should", q.Should)
		clause("not", q.MustNot)
		if q.Filter != nil {
			b.WriteString(sep + "filter: ")
			describeTo(b, q.Filter)
		}
		b.WriteString(")")
	default:
		fmt.Fprintf(b, "%T", q)
	}
}

// proseNames spells out the prose fields of a scope in the expected
// expressions: EN (ES) stands for the English (Spanish) title, abstract
// and body with their boosts, TITLE_EN for the English title alone.
var proseNames = strings.NewReplacer(
	"TITLE_EN", fmt.Sprintf("title_en^%g", TitleBoost),
	"EN", fmt.Sprintf("title_en^%g abstract_en^%g body_en^%g", TitleBoost, AbstractBoost, BodyBoost),
	"ES", fmt.Sprintf("title_es^%g abstract_es^%g body_es^%g", TitleBoost, AbstractBoost, BodyBoost),
)

type translateCase struct {
	q    string
	any  bool        // translate as the partial matches (MatchAny), not by the default rule
	mode syntax.Mode // what the default matching rule decides for q
	want string      // describe of the bleve query; "" when it cannot match
	hits []string    // the records it matches, sorted
}

// translateAll translates each case's query as a search does, checks the
// bleve query built against the expected expression, and runs it on g's
// bleve index to check the records it matches.
func translateAll(t *testing.T, g *generation, cases []translateCase) {
	t.Helper()
	for _, c := range cases {
		tree, err := Parse(c.q)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.q, err)
			continue
		}
		m := syntax.DefaultMatching(c.q, tree, g.content)
		if m.Mode != c.mode {
			t.Errorf("%q: matching mode %d, want %d", c.q, m.Mode, c.mode)
		}
		if c.any {
			m.Mode = syntax.MatchAny
		}
		tr := newTranslator(g, m)
		q, none, err := tr.text(tree)
		tr.close()
		switch {
		case err != nil:
			t.Errorf("%q: %v", c.q, err)
			continue
		case none:
			if c.want != "" {
				t.Errorf("%q: matches nothing, want\n%s", c.q, proseNames.Replace(c.want))
			}
			continue
		}
		if got, want := describe(q), proseNames.Replace(c.want); got != want {
			t.Errorf("%q translates to\n%s\nwant\n%s", c.q, got, want)
		}
		res, err := g.idx.Search(bleve.NewSearchRequestOptions(q, 100, 0, false))
		if err != nil {
			t.Errorf("%q: search: %v", c.q, err)
			continue
		}
		var hits []string
		for _, h := range res.Hits {
			hits = append(hits, h.ID)
		}
		sort.Strings(hits)
		if !slices.Equal(hits, c.hits) {
			t.Errorf("%q matches %q, want %q", c.q, hits, c.hits)
		}
	}
}

// englishIndex is the English part of the fixture and one record with a
// publisher: an index of one language group.
func englishIndex(t *testing.T) *generation {
	t.Helper()
	var recs []Record
	for _, r := range fixture() {
		if r.Language == "en" {
			recs = append(recs, r)
		}
	}
	recs = append(recs, Record{ID: "tni-1", Kind: indexer.KindBriefing, Title: "Opium in Myanmar",
		Publisher: "Transnational Institute (TNI)", Year: 2010, Language: "en", Hash: "htni1",
		Paragraphs: []string{"Opium cultivation rose again."}})
	return acquired(t, mustBuildIndex(t, recs...))
}

func TestTranslateWords(t *testing.T) {
	translateAll(t, englishIndex(t), []translateCase{
		// One word: BM25F over title, abstract and body, stemmed.
		{q: "coca", want: "bm25(EN: coca)", hits: []string{"dpb-10", "dpb-11", "dpb-12", "pubs-ref-1"}},
		{q: "eradication", want: "bm25(EN: erad)", hits: []string{"dpb-10", "pubs-ref-1"}},
		// Short queries require every word (MatchAll) ...
		{q: "coca eradication", want: "and(bm25(EN: coca), bm25(EN: erad))", hits: []string{"dpb-10", "pubs-ref-1"}},
		// ... and their partial matches any of them, ranking those with more first.
		{q: "coca eradication", any: true, want: "bm25[coord](EN: coca erad)",
			hits: []string{"dpb-10", "dpb-11", "dpb-12", "pubs-ref-1"}},
		// An explicit AND is the same as none.
		{q: "coca AND peru", want: "and(bm25(EN: coca), bm25(EN: peru))", hits: []string{"dpb-10", "pubs-ref-1"}},
		// Stop words drop out; a query of only stop words cannot match.
		{q: "the coca", want: "bm25(EN: coca)", hits: []string{"dpb-10", "dpb-11", "dpb-12", "pubs-ref-1"}},
		{q: "the", want: ""},
		// A word the analyzer splits is a phrase.
		{q: "drug-policy", want: "bool(must: and(bm25[min 2](EN: drug polici)); filter: phrase(title_en abstract_en body_en: drug@0 polici@1))"},
	})
}

func TestTranslatePhrasesAndBooleans(t *testing.T) {
	translateAll(t, englishIndex(t), []translateCase{
		// A phrase: its positions filter, BM25F over its words scores.
		{q: `"coca leaf"`, want: "bool(must: and(bm25[min 2](EN: coca leaf)); filter: phrase(title_en abstract_en body_en: coca@0 leaf@1))",
			hits: []string{"dpb-12"}},
		// A stop word in a phrase leaves a gap.
		{q: `"war on drugs"`, want: "bool(must: and(bm25[min 2](EN: war drug)); filter: phrase(title_en abstract_en body_en: war@0 drug@2))",
			hits: []string{"op-1"}},
		// An OR of plain words is one bag of words.
		{q: "coca OR cannabis", want: "bm25(EN: coca cannabi)", hits: []string{"dp-2", "dpb-10", "dpb-11", "dpb-12", "pubs-ref-1"}},
		// Any other OR is a disjunction of its sides.
		{q: `coca OR "coca leaf"`,
			want: "or(bm25(EN: coca), bool(must: and(bm25[min 2](EN: coca leaf)); filter: phrase(title_en abstract_en body_en: coca@0 leaf@1)))",
			hits: []string{"dpb-10", "dpb-11", "dpb-12", "pubs-ref-1"}},
		// -x and NOT x are must-not clauses.
		{q: "coca -peru", want: "bool(must: and(bm25(EN: coca)); not: bm25(EN: peru))", hits: []string{"dpb-11", "dpb-12"}},
		{q: "coca NOT peru", want: "bool(must: and(bm25(EN: coca)); not: bm25(EN: peru))", hits: []string{"dpb-11", "dpb-12"}},
		{q: "coca -(peru OR bolivia)", want: "bool(must: and(bm25(EN: coca)); not: bm25(EN: peru bolivia))", hits: []string{"dpb-11"}},
		// Grouping: (a OR b) c.
		{q: "(peru OR colombia) coca",
			want: "and(bm25(EN: peru colombia), bm25(EN: coca))", hits: []string{"dpb-10", "dpb-11", "pubs-ref-1"}},
	})
}

func TestTranslatePrefixAndFuzzy(t *testing.T) {
	translateAll(t, englishIndex(t), []translateCase{
		// A prefix expands to the words of the collection starting with it.
		{q: "erad*", want: "bm25(EN: erad)", hits: []string{"dpb-10", "pubs-ref-1"}},
		// The most frequent first.
		{q: "red*", want: "bm25(EN: reduc reduct)", hits: []string{"dp-1", "dpb-10", "op-1"}},
		// One no word starts with matches nothing.
		{q: "zzzz*", want: ""},
		// A fuzzy word: the words within its edit distance (1 up to 5 letters).
		{q: "cocaa~", want: "bm25(EN: coca)", hits: []string{"dpb-10", "dpb-11", "dpb-12", "pubs-ref-1"}},
	})
}

func TestTranslateFields(t *testing.T) {
	translateAll(t, englishIndex(t), []translateCase{
		{q: "title:coca", want: "bm25(TITLE_EN: coca)", hits: []string{"dpb-10", "dpb-12", "pubs-ref-1"}},
		{q: "title:(coca OR leaf)", want: "bm25(TITLE_EN: coca leaf)", hits: []string{"dpb-10", "dpb-12", "pubs-ref-1"}},
		{q: `title:"coca leaf"`, want: "bool(must: and(bm25[min 2](TITLE_EN: coca leaf)); filter: phrase(title_en: coca@0 leaf@1))",
			hits: []string{"dpb-12"}},
		{q: "text:coca", want: "bm25(EN: coca)", hits: []string{"dpb-10", "dpb-11", "dpb-12", "pubs-ref-1"}},
		{q: "body:coca", want: "bm25(EN: coca)", hits: []string{"dpb-10", "dpb-11", "dpb-12", "pubs-ref-1"}},

		// Name-like fields: the whole folded value or its words.
		{q: "author:jelsma", want: "or(term(author_key: jelsma), term(author_text: jelsma))", hits: []string{"dpb-11", "dpb-12"}},
		{q: `author:"Martin Jelsma"`, want: "or(term(author_key: martin jelsma), matchphrase(author_text: martin jelsma))",
			hits: []string{"dpb-11", "dpb-12"}},
		{q: "by:soberon", want: "or(term(author_key: soberon), term(author_text: soberon))", hits: []string{"dpb-10"}},
		{q: "author:jel*", want: "or(prefix(author_key: jel), prefix(author_text: jel))", hits: []string{"dpb-11", "dpb-12"}},
		{q: "author:jelsmaa~", want: "fuzzy(author_text: jelsmaa~2)", hits: []string{"dpb-11", "dpb-12"}},
		{q: "author:(jelsma OR metaal)",
			want: "or(or(term(author_key: jelsma), term(author_text: jelsma)), or(term(author_key: metaal), term(author_text: metaal)))",
			hits: []string{"dpb-11", "dpb-12", "op-1"}},
		{q: "author:(jelsma -metaal)",
			want: "bool(must: and(or(term(author_key: jelsma), term(author_text: jelsma))); not: or(term(author_key: metaal), term(author_text: metaal)))",
			hits: []string{"dpb-11"}},
		{q: `series:"Debate Papers"`, want: "or(term(series_key: debate papers), matchphrase(series_text: debate papers))",
			hits: []string{"dp-1", "dp-2"}},
		{q: "country:Perú", want: "or(term(country_key: peru), term(country_text: peru))", hits: []string{"dpb-10", "dpb-12"}},
		{q: "publisher:TNI", want: "or(term(publisher_key: tni), term(publisher_text: tni))", hits: []string{"tni-1"}},

		// Keyword fields and years are filters: they select without scoring.
		{q: "language:EN", want: "bool(must: and(all); filter: term(language: en))",
			hits: []string{"dp-1", "dp-2", "dpb-10", "dpb-11", "dpb-12", "op-1", "pubs", "pubs-ref-1", "pubs-ref-2", "tni-1"}},
		{q: "lang:(es OR fr)", want: "bool(must: and(all); filter: or(term(language: es), term(language: fr)))"},
		{q: "kind:Briefing", want: "bool(must: and(all); filter: term(kind: briefing))", hits: []string{"dpb-10", "dpb-11", "dpb-12", "tni-1"}},
		{q: "type:paper", want: "bool(must: and(all); filter: term(kind: paper))", hits: []string{"dp-1", "dp-2"}},
		{q: "-kind:page coca", want: "bool(must: and(bm25(EN: coca)); not: term(kind: page))",
			hits: []string{"dpb-10", "dpb-11", "dpb-12", "pubs-ref-1"}},
	})
}

func TestTranslateYears(t *testing.T) {
	translateAll(t, englishIndex(t), []translateCase{
		{q: "year:2005", want: "bool(must: and(all); filter: range(year: 2005..2005))", hits: []string{"dpb-11", "pubs-ref-2"}},
		{q: "year:2004..2006", want: "bool(must: and(all); filter: range(year: 2004..2006))",
			hits: []string{"dpb-10", "dpb-11", "dpb-12", "pubs-ref-1", "pubs-ref-2"}},
		{q: "year:2006..", want: "bool(must: and(all); filter: range(year: 2006..))", hits: []string{"dp-2", "dpb-12", "tni-1"}},
		{q: "year:>=2009", want: "bool(must: and(all); filter: range(year: 2009..))", hits: []string{"dp-2", "tni-1"}},
		{q: "year:..2004", want: "bool(must: and(all); filter: range(year: ..2004))", hits: []string{"dp-1", "dpb-10", "pubs-ref-1"}},
		{q: "year:<2004", want: "bool(must: and(all); filter: range(year: ..2003))", hits: []string{"dp-1"}},
		// Beside text a year filters the matches of the text.
		{q: "coca year:2005", want: "bool(must: and(bm25(EN: coca)); filter: and(range(year: 2005..2005)))", hits: []string{"dpb-11"}},
		// In an OR it is a side of its own.
		{q: "coca OR year:2005", want: "or(bm25(EN: coca), bool(must: and(all); filter: range(year: 2005..2005)))",
			hits: []string{"dpb-10", "dpb-11", "dpb-12", "pubs-ref-1", "pubs-ref-2"}},
	})
}

// TestTranslateMatching checks the default matching rule as the
// translator applies it: from four content words a query is ranked (one
// bag of words, records needing only one of them), unless it says AND.
func TestTranslateMatching(t *testing.T) {
	translateAll(t, englishIndex(t), []translateCase{
		// Stop words do not count: still two words, both required.
		{q: "the war on drugs", want: "and(bm25(EN: war), bm25(EN: drug))", hits: []string{"op-1"}},
		{q: "coca eradication peru farmers markets", mode: syntax.MatchRanked,
			want: "bm25[cover](EN: coca erad peru farmer market)", hits: []string{"dpb-10", "dpb-11", "dpb-12", "pubs-ref-1"}},
		// +word is required; the bag then only ranks.
		{q: "coca eradication peru farmers +markets", mode: syntax.MatchRanked,
			want: "bool(must: and(bm25(EN: market)); should: bm25[cover](EN: coca erad peru farmer))", hits: []string{"dpb-10"}},
		// Request words ("find", "articles") are left out of a ranked bag.
		{q: "find articles about coca eradication peru", mode: syntax.MatchRanked,
			want: "bm25[cover](EN: coca erad peru)", hits: []string{"dpb-10", "dpb-11", "dpb-12", "pubs-ref-1"}},
		{q: "coca AND eradication AND peru AND farmers",
			want: "and(bm25(EN: coca), bm25(EN: erad), bm25(EN: peru), bm25(EN: farmer))", hits: []string{"dpb-10"}},
	})
}

// TestTranslateLanguages checks the branches of an index of two language
// groups: text is translated once per group with its own analyzer, and
// metadata once for all.
func TestTranslateLanguages(t *testing.T) {
	translateAll(t, acquired(t, fixtureIndex(t)), []translateCase{
		// A prose word can only match in its group's fields: no filter.
		{q: "coca", want: "or(bm25(EN: coca), bm25(ES: coc))",
			hits: []string{"dpb-10", "dpb-11", "dpb-12", "dpb-12-es", "pubs-ref-1"}},
		// Each group analyses the word its own way.
		{q: "erradicación", want: "or(bm25(EN: erradicacion), bm25(ES: erradic))", hits: []string{"dpb-13-es"}},
		// Metadata alone: one branch for every language.
		{q: "author:metaal", want: "or(term(author_key: metaal), term(author_text: metaal))",
			hits: []string{"dpb-12", "dpb-12-es", "dpb-13-es", "op-1"}},
		// A branch that could match outside its group's prose is limited
		// to the group's records.
		{q: "coca OR year:2008",
			want: "or(bool(must: and(or(bm25(EN: coca), bool(must: and(all); filter: range(year: 2008..2008)))); filter: term(lang_group: en)), " +
				"bool(must: and(or(bm25(ES: coc), bool(must: and(all); filter: range(year: 2008..2008)))); filter: term(lang_group: es)))",
			hits: []string{"dpb-10", "dpb-11", "dpb-12", "dpb-12-es", "dpb-13-es", "pubs-ref-1"}},
	})
}

// TestTranslateErrors checks the trees Parse never builds but the
// translator still refuses, with the field's name in the error.
func TestTranslateErrors(t *testing.T) {
	g := englishIndex(t)
	for _, c := range []struct {
		tree Node
		want string
	}{
		{Field{Name: "colour", Node: Term{Text: "red"}}, `unknown field "colour"`},
		{Range{Field: "number", From: 1, To: 3}, "only year ranges"},
		{Field{Name: "year", Node: Term{Text: "abc"}}, "year:abc"},
		{Field{Name: "author", Node: Range{Field: "year", From: 1}}, "inside a field query"},
	} {
		tr := newTranslator(g, syntax.Matching{})
		_, _, err := tr.text(c.tree)
		tr.close()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v, want one containing %q", c.tree, err, c.want)
		}
	}
}
