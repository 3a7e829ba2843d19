package search

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	index "github.com/blevesearch/bleve_index_api"
)

// Expansion of prefix (erradic*) and fuzzy (cocaine~) terms into the words
// of the corpus, from the term dictionary of FieldSpell.

// fuzziness is the edit distance of a fuzzy term: the user's (at most 2,
// bleve's limit), or by length: none up to 2 letters, 1 up to 5, else 2.
func fuzziness(f Fuzzy) int {
	if f.Distance > 0 {
		return min(f.Distance, 2)
	}
	switch n := utf8.RuneCountInString(f.Text); {
	case n <= 2:
		return 0
	case n <= 5:
		return 1
	}
	return 2
}

// expandPrefix lists the words of the corpus (FieldSpell) starting with the
// prefix, the most frequent first, at most maxExpansions.
func (t *translator) expandPrefix(p Prefix) []string {
	prefix := strings.ToLower(p.Text)
	key := "p\x00" + prefix
	if words, ok := t.exp[key]; ok {
		return words
	}
	words := t.dictionary(p.String(), func(r index.IndexReader) (index.FieldDict, error) {
		return r.FieldDictPrefix(FieldSpell, []byte(prefix))
	})
	t.exp[key] = words
	return words
}

// expandFuzzy lists the words of the corpus within the term's edit
// distance, the most frequent first, at most maxExpansions.
func (t *translator) expandFuzzy(f Fuzzy) []string {
	word := strings.ToLower(f.Text)
	d := fuzziness(f)
	key := "f\x00" + strconv.Itoa(d) + "\x00" + word
	if words, ok := t.exp[key]; ok {
		return words
	}
	var words []string
	if d == 0 {
		words = []string{word}
	} else {
		words = t.dictionary(f.String(), func(r index.IndexReader) (index.FieldDict, error) {
			fr, ok := r.(index.IndexReaderFuzzy)
			if !ok {
				return nil, fmt.Errorf("index reader %T cannot do fuzzy lookups", r)
			}
			return fr.FieldDictFuzzy(FieldSpell, word, d, "")
		})
	}
	t.exp[key] = words
	return words
}

// dictionary collects the terms of a dictionary iterator, keeping the
// maxExpansions most frequent.
func (t *translator) dictionary(what string, open func(index.IndexReader) (index.FieldDict, error)) []string {
	r, err := t.reader()
	if err != nil {
		t.err = err
		return nil
	}
	d, err := open(r)
	if err != nil {
		t.err = err
		return nil
	}
	defer d.Close()
	var entries []index.DictEntry
	for {
		e, err := d.Next()
		if err != nil {
			t.err = err
			return nil
		}
		if e == nil {
			break
		}
		entries = append(entries, *e)
	}
	for i := range entries {
		if entries[i].Count == 0 { // fuzzy dictionaries skip counting
			entries[i].Count = docFreq(r, FieldSpell, entries[i].Term)
		}
	}
	sort.Slice(entries, func(i, j int) bool {
		if entries[i].Count != entries[j].Count {
			return entries[i].Count > entries[j].Count
		}
		return entries[i].Term < entries[j].Term
	})
	if len(entries) > maxExpansions {
		t.notes = append(t.notes, fmt.Sprintf("%s matches %d words; only the %d most frequent were searched",
			what, len(entries), maxExpansions))
		entries = entries[:maxExpansions]
	}
	words := make([]string, len(entries))
	for i, e := range entries {
		words[i] = e.Term
	}
	return words
}

func (t *translator) reader() (index.IndexReader, error) {
	if t.r == nil {
		r, err := t.g.reader()
		if err != nil {
			return nil, err
		}
		t.r = r
	}
	return t.r, nil
}

// docFreq is the number of records whose field holds term.
func docFreq(r index.IndexReader, field, term string) uint64 {
	tfr, err := r.TermFieldReader(context.Background(), []byte(term), field, false, false, false)
	if err != nil {
		return 0
	}
	defer tfr.Close()
	return tfr.Count()
}
