package search

import (
	"fmt"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/briefs/briefs/search/zapwrite"
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
	lower     []analysis.TokenFilter // plainAnalyzer's filters (for FieldSpell)
	memos     map[string]*termMemo   // prose field name -> the memo of its analyzer
	refs      map[string]int         // prose field name -> its index in memoTerm.refs
}

// memoLimit bounds the distinct raw tokens one memo holds (about 200
// bytes each, with its terms and table slot): past it the memo starts
// again empty. A corpus's vocabulary
// is Zipfian, so the words worth keeping come back at once.
const memoLimit = 200_000

// termMemo maps a raw token (as the tokenizer gives it) to what one
// analyzer's filters make of it. One memo per language group is shared by
// the goroutines analysing at once: after the first few documents nearly
// every look-up is a hit, under the read lock.
type termMemo struct {
	filters []analysis.TokenFilter
	mu      sync.RWMutex
	terms   memoTable
}

// memoTerm is one raw token's analysis; term and spell never change once
// in a memo.
type memoTerm struct {
	// the raw token, if short (memo.go); beside term and spell, read
	// together on a hit
	keyLen   uint8
	keyShort [memoKeyInline]byte
	term     []byte // the index term; nil if a filter drops the token (a stop word)
	spell    []byte // the word as FieldSpell holds it
	// refs give term to the segment writer of a build from empty
	// (bulk.go), which caches its postings in them: one per prose field
	// (refTitle, refAbstract, refBody) and FieldSpell (refSpell, spell).
	// Only the writer's goroutine touches them after the memo entry is
	// made.
	refs [4]zapwrite.TermRef
}

// Indexes of memoTerm.refs.
const (
	refTitle = iota
	refAbstract
	refBody
	refSpell
)

func newMemoTerm(key, term, spell []byte) *memoTerm {
	t := &memoTerm{term: term, spell: spell}
	t.setKey(key)
	return t
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
	d := &docAnalysis{tokenizer: plain.Tokenizer, lower: plain.TokenFilters, memos: map[string]*termMemo{}, refs: map[string]int{}}
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
		memo := &termMemo{filters: a.TokenFilters}
		for ref, base := range []string{FieldTitle, FieldAbstract, FieldBody} {
			d.memos[proseField(base, g)] = memo
			d.refs[proseField(base, g)] = ref
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
	words := &spellWords{}
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
		if memo, ok := d.memos[tf.Name()]; ok {
			f = document.NewTextFieldCustom(tf.Name(), tf.ArrayPositions(), tf.Value(), tf.Options(),
				&proseAnalyzer{d: d, memo: memo, words: words, ref: d.refs[tf.Name()]})
		}
		fields = append(fields, f)
	}
	if spell != nil {
		fields = append(fields, spell)
	}
	doc.Fields = fields
}

// lookup returns the memo's entries for tokens, analysing the tokens it
// does not hold yet. It appends them to out if out has the room.
func (d *docAnalysis) lookup(m *termMemo, tokens analysis.TokenStream, out []*memoTerm) []*memoTerm {
	if cap(out) >= len(tokens) {
		out = out[:len(tokens)]
	} else {
		out = make([]*memoTerm, len(tokens))
	}
	// The table's slots first, then the entries they point to: loads
	// that do not wait on each other, so that their cache misses overlap.
	missing := false
	m.mu.RLock()
	for i, tok := range tokens {
		out[i] = m.terms.candidate(tok.Term)
	}
	for i, tok := range tokens {
		if t := out[i]; t != nil && !m.terms.confirm(t, tok.Term) {
			out[i] = m.terms.get(tok.Term, memoHash(tok.Term))
		}
		missing = missing || out[i] == nil
	}
	m.mu.RUnlock()
	if !missing {
		return out
	}
	for i, tok := range tokens {
		if out[i] != nil {
			continue
		}
		t := newMemoTerm(tok.Term, filterOne(m.filters, tok), filterOne(d.lower, tok))
		h := memoHash(tok.Term)
		m.mu.Lock()
		if m.terms.n >= memoLimit {
			m.terms = memoTable{} // entries handed out stay valid
		}
		if have := m.terms.get(tok.Term, h); have != nil {
			t = have
		} else {
			m.terms.put(t, tok.Term, h)
		}
		m.mu.Unlock()
		out[i] = t
	}
	return out
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
	d     *docAnalysis
	memo  *termMemo
	words *spellWords
	ref   int // its field's index in memoTerm.refs
}

func (a *proseAnalyzer) Analyze(input []byte) analysis.TokenStream {
	out, _ := a.analyze(input, nil)
	return out
}

// analyze is Analyze taking its tokens from buf, if given and the
// tokenizer is ours; the tokens stay valid until buf is reset. With buf,
// it also returns each token's term as the segment writer's TermRef.
func (a *proseAnalyzer) analyze(input []byte, buf *tokenBuf) (analysis.TokenStream, []*zapwrite.TermRef) {
	var tokens analysis.TokenStream
	var terms []*memoTerm
	if wt, ok := a.d.tokenizer.(*wordTokenizer); ok && buf != nil {
		start := len(buf.out)
		buf.out = wt.tokenize(input, buf.out, tokenSlab{buf: buf})
		tokens = buf.out[start:len(buf.out):len(buf.out)]
		terms = a.d.lookup(a.memo, tokens, buf.terms)
		buf.terms = terms[:0]
	} else {
		tokens = a.d.tokenizer.Tokenize(input)
		terms = a.d.lookup(a.memo, tokens, nil)
	}
	var refs []*zapwrite.TermRef
	refStart := 0
	if buf != nil {
		refStart = len(buf.refs)
	}
	out := tokens[:0]
	for i, tok := range tokens {
		t := terms[i]
		a.words.add(t)
		if t.term == nil {
			continue // positions keep their gaps, as the stop filters leave them
		}
		tok.Term = t.term // shared with the memo: nothing downstream writes to a term
		out = append(out, tok)
		if buf != nil {
			buf.refs = append(buf.refs, &t.refs[a.ref])
		}
	}
	if buf != nil {
		refs = buf.refs[refStart:len(buf.refs):len(buf.refs)]
	}
	return out, refs
}

// spellWords collects the FieldSpell words of one document, one per
// token, and gives them as FieldSpell's analyzer. The field keeps no
// frequencies or norms (SkipFreqNorm), so a word given many times is
// indexed once like any other.
type spellWords struct {
	words [][]byte
	refs  []*zapwrite.TermRef // with words, for a build from empty (bulk.go)
}

func (w *spellWords) add(t *memoTerm) {
	if len(t.spell) > 0 {
		w.words = append(w.words, t.spell)
		if w.refs != nil {
			w.refs = append(w.refs, &t.refs[refSpell])
		}
	}
}

func (w *spellWords) Analyze([]byte) analysis.TokenStream {
	toks := make([]analysis.Token, len(w.words))
	out := make(analysis.TokenStream, len(w.words))
	for i, word := range w.words {
		toks[i] = analysis.Token{Term: word, Position: i + 1, Type: analysis.AlphaNumeric}
		out[i] = &toks[i]
	}
	return out
}
