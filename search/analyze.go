package search

import (
	"fmt"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Ingest analysis: each record's prose is tokenized once for all the
// fields made from it, and each distinct word is run through its
// language's filters once per builder rather than once per occurrence.
//
// bleve analyses every text field on its own: the prose fields with their
// language's analyzer, then FieldSpell, which is the same text again under
// plainAnalyzer. The second pass tokenized the whole record again only to
// learn which lower-cased words it holds (FieldSpell has no positions and
// no frequencies), and the Snowball stemmers ran on every token though a
// briefing uses a few hundred distinct words. docAnalysis replaces the
// analyzers of a mapped document's prose fields and FieldSpell with ones
// that share one tokenization: the prose analyzers collect the words for
// FieldSpell as they go, and the spell analyzer (moved after them in the
// document, since scorch analyses a document's fields in order on one
// goroutine) gives each distinct word once. Terms come from a memo of
// what the analyzer's filters make of each raw token, which holds because
// every filter of these analyzers looks at one token's term alone
// (TestDocAnalysisMatchesMapping checks that the index terms, offsets and
// positions are those of the mapping's analyzers).
type docAnalysis struct {
	tokenizer analysis.Tokenizer
	lower     []analysis.TokenFilter            // plainAnalyzer's filters (for FieldSpell)
	filters   map[string][]analysis.TokenFilter // field name -> its analyzer's filters
	memos     chan *termMemo                    // idle memos; one per analysing goroutine
	docs      atomic.Uint64                     // numbers the documents for memoTerm.doc
}

// memoLimit bounds the distinct raw tokens one memo holds (about 100
// bytes each): past it the memo starts again empty. A corpus's vocabulary
// is Zipfian, so the words worth keeping come back at once.
const memoLimit = 200_000

// termMemo maps a raw token (as the tokenizer gives it) of one field's
// analyzer to its index term and its FieldSpell word. Memos are not
// shared between goroutines: Analyze takes one from docAnalysis.memos and
// gives it back.
type termMemo struct {
	byField map[string]map[string]*memoTerm
	size    int
}

type memoTerm struct {
	term  []byte // the index term; nil if a filter drops the token (a stop word)
	spell []byte // the word as FieldSpell holds it
	// doc is the last document (spellWords.id) whose FieldSpell words
	// this token was added to, which spares the look-up in its set for
	// every repeated token.
	doc uint64
}

func newDocAnalysis(m mapping.IndexMapping) (*docAnalysis, error) {
	chain := func(name string) (*analysis.DefaultAnalyzer, error) {
		a, ok := m.AnalyzerNamed(name).(*analysis.DefaultAnalyzer)
		if !ok || len(a.CharFilters) > 0 {
			return nil, fmt.Errorf("analyzer %s: not a plain tokenizer and token filters", name)
		}
		return a, nil
	}
	plain, err := chain(plainAnalyzer)
	if err != nil {
		return nil, err
	}
	d := &docAnalysis{tokenizer: plain.Tokenizer, lower: plain.TokenFilters,
		filters: map[string][]analysis.TokenFilter{}, memos: make(chan *termMemo, 8)}
	for _, g := range langGroups {
		a, err := chain(langAnalyzer[g])
		if err != nil {
			return nil, err
		}
		if a.Tokenizer != plain.Tokenizer {
			// Both come from the mapping's cache, so the same name gives the
			// same tokenizer; sharing one tokenization needs it.
			return nil, fmt.Errorf("analyzer %s: tokenizer differs from %s's", langAnalyzer[g], plainAnalyzer)
		}
		for _, base := range []string{FieldTitle, FieldAbstract, FieldBody} {
			d.filters[proseField(base, g)] = a.TokenFilters
		}
	}
	return d, nil
}

// document maps a record's fields (docFields) with the index mapping and
// attaches the shared analysis.
func (d *docAnalysis) document(m mapping.IndexMapping, id string, fields map[string]any) (*document.Document, error) {
	doc := document.NewDocument(id)
	if err := m.MapDocument(doc, fields); err != nil {
		return nil, err
	}
	d.attach(doc)
	return doc, nil
}

// attach gives the prose fields and FieldSpell of a document mapped by
// the index mapping the shared analysis, and moves FieldSpell last.
func (d *docAnalysis) attach(doc *document.Document) {
	words := &spellWords{id: d.docs.Add(1), set: map[string]struct{}{}}
	var spell *document.TextField
	fields := doc.Fields[:0]
	for _, f := range doc.Fields {
		tf, ok := f.(*document.TextField)
		if !ok {
			fields = append(fields, f)
			continue
		}
		if tf.Name() == FieldSpell {
			spell = document.NewTextFieldCustom(FieldSpell, tf.ArrayPositions(), nil, tf.Options(), words)
			continue
		}
		if filters, ok := d.filters[tf.Name()]; ok {
			f = document.NewTextFieldCustom(tf.Name(), tf.ArrayPositions(), tf.Value(), tf.Options(),
				&proseAnalyzer{d: d, field: tf.Name(), filters: filters, words: words})
		}
		fields = append(fields, f)
	}
	if spell != nil {
		fields = append(fields, spell)
	}
	doc.Fields = fields
}

func (d *docAnalysis) memo() *termMemo {
	select {
	case m := <-d.memos:
		return m
	default:
		return &termMemo{byField: map[string]map[string]*memoTerm{}}
	}
}

func (d *docAnalysis) release(m *termMemo) {
	if m.size > memoLimit {
		m.byField, m.size = map[string]map[string]*memoTerm{}, 0
	}
	select {
	case d.memos <- m:
	default:
	}
}

// lookup returns what field's analyzer makes of a raw token.
func (d *docAnalysis) lookup(m *termMemo, field string, filters []analysis.TokenFilter, tok *analysis.Token) *memoTerm {
	fm := m.byField[field]
	if fm == nil {
		fm = map[string]*memoTerm{}
		m.byField[field] = fm
	}
	if t, ok := fm[string(tok.Term)]; ok {
		return t
	}
	t := &memoTerm{
		term:  filterOne(filters, tok),
		spell: filterOne(d.lower, tok),
	}
	fm[string(tok.Term)] = t
	m.size++
	return t
}

// filterOne runs filters over a copy of one token and returns its term,
// nil if they dropped it.
func filterOne(filters []analysis.TokenFilter, tok *analysis.Token) []byte {
	c := *tok
	c.Term = append([]byte(nil), tok.Term...)
	out := analysis.TokenStream{&c}
	for _, f := range filters {
		out = f.Filter(out)
	}
	if len(out) != 1 {
		return nil
	}
	return out[0].Term
}

// proseAnalyzer analyses one prose field of one document.
type proseAnalyzer struct {
	d       *docAnalysis
	field   string
	filters []analysis.TokenFilter
	words   *spellWords
}

func (a *proseAnalyzer) Analyze(input []byte) analysis.TokenStream {
	tokens := a.d.tokenizer.Tokenize(input)
	m := a.d.memo()
	defer a.d.release(m)
	out := tokens[:0]
	for _, tok := range tokens {
		t := a.d.lookup(m, a.field, a.filters, tok)
		if t.doc != a.words.id {
			t.doc = a.words.id
			a.words.add(t.spell)
		}
		if t.term == nil {
			continue // positions keep their gaps, as the stop filters leave them
		}
		tok.Term = t.term // shared with the memo: nothing downstream writes to a term
		out = append(out, tok)
	}
	return out
}

// spellWords collects the distinct FieldSpell words of one document and,
// as FieldSpell's analyzer, gives each once.
type spellWords struct {
	id    uint64
	set   map[string]struct{}
	order []string
}

func (w *spellWords) add(word []byte) {
	if len(word) == 0 {
		return
	}
	if _, ok := w.set[string(word)]; ok {
		return
	}
	s := string(word)
	w.set[s] = struct{}{}
	w.order = append(w.order, s)
}

func (w *spellWords) Analyze([]byte) analysis.TokenStream {
	toks := make([]analysis.Token, len(w.order))
	out := make(analysis.TokenStream, len(w.order))
	for i, s := range w.order {
		toks[i] = analysis.Token{Term: []byte(s), Position: i + 1, Type: analysis.AlphaNumeric}
		out[i] = &toks[i]
	}
	return out
}
