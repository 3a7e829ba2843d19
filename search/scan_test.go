package search

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// frequentRecord is a long report where "growers" and "state" occur in
// every paragraph, far more than maxOccurrences times, "state growers"
// only in paragraph at (0-based) and "needle" only in paragraph deep.
func frequentRecord(id string, n, at, deep int) Record {
	rec := Record{ID: id, Kind: "briefing", Title: "A report", Language: "en"}
	for i := range n {
		p := fmt.Sprintf("Paragraph %d. Growers and the state met again; the growers left.", i+1)
		switch i {
		case at:
			p = "The state growers spoke."
		case deep:
			p += " A needle."
		}
		rec.Paragraphs = append(rec.Paragraphs, p)
	}
	return rec
}

// TestFrequentTermPhrase: in a long report whose phrase words are both
// too frequent to be read from the index, the snippets still come from
// the paragraph holding the phrase (though others hold more matches),
// found in the scanned start of the text; and a scan stops once it has
// enough paragraphs, or at its bound.
func TestFrequentTermPhrase(t *testing.T) {
	long := frequentRecord("long", 3000, 40, 2900) // about 200 KB
	idx := mustBuildIndex(t, long, rec("short", "growers"))
	res := mustSearch(t, idx, Query{Text: `"state growers"`})
	if len(res.Hits) != 1 || len(res.Hits[0].Snippets) == 0 {
		t.Fatalf("hits %+v", res.Hits)
	}
	found := false
	for _, sn := range res.Hits[0].Snippets {
		found = found || sn.Paragraph == 41 && strings.Contains(string(sn.HTML), "<mark>state</mark> <mark>growers</mark>")
	}
	if !found {
		t.Errorf("no snippet from paragraph 41, which holds the phrase: %+v", res.Hits[0].Snippets)
	}

	// The scan itself: "growers", or "state growers" as words, are in
	// every paragraph, so the first chunk gives three paragraphs as good
	// as any; no paragraph of the start holds "growers" and "needle", so
	// that scan reads up to its bound and no further.
	g, err := idx.acquire()
	if err != nil {
		t.Fatal(err)
	}
	defer g.release()
	r, err := g.reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	doc, err := r.InternalID("long")
	if err != nil {
		t.Fatal(err)
	}
	d, _, err := g.stored("long")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		words  []string
		phrase string
		most   int
	}{
		{[]string{"growers"}, "", scanChunk},
		{[]string{"state", "growers"}, "state growers", scanBytes}, // one paragraph has the phrase
		{[]string{"state", "growers"}, "", scanChunk},
		{[]string{"growers", "needle"}, "", scanBytes},
	} {
		var phrases []string
		if c.phrase != "" {
			phrases = []string{c.phrase}
		}
		hl := newHighlighter(g, c.words, phrases)
		occs, frequent, err := hl.occurrences(context.Background(), r, doc, proseField(FieldBody, "en"), "en")
		if err != nil || len(frequent) == 0 {
			t.Fatalf("%v: frequent %v, %v", c.words, frequent, err)
		}
		occs, sc, err := hl.scanFrequent(d, "en", occs, frequent, 3)
		if err != nil {
			t.Fatal(err)
		}
		body := strings.Join(long.Paragraphs, paragraphSep)
		if c.phrase != "" && string(sc.text) != body[:sc.end] {
			t.Errorf("%v: scanned text is not the body's start", c.words)
		}
		if last := body[sc.end-1]; last != ' ' && last != '\n' {
			t.Errorf("%v: the scan ends inside a word: %q", c.words, body[sc.end-10:sc.end+10])
		}
		if sc.end > c.most || sc.end < c.most-200 {
			t.Errorf("%v: scanned %d bytes, want about %d", c.words, sc.end, c.most)
		}
		for _, o := range occs {
			if o.pos < 0 && o.start >= sc.end {
				t.Errorf("%v: occurrence at %d past the scan", c.words, o.start)
			}
		}
	}
}

// TestHugeDocumentReadsBounded: one pathological record, megabytes of
// text on a single line, costs nothing to searches that do not show it,
// and a search that shows it (a rare word at its very end, or a word in
// every sentence of it) decompresses a bounded window of its text, not
// the text; so does its document page. Bytes read stand for time here:
// they are what grew with the document's length.
func TestHugeDocumentReadsBounded(t *testing.T) {
	filler := "the policy of the state towards the growers of the leaf was discussed again. "
	huge := Record{ID: "huge", Kind: "briefing", Title: "A huge file", Language: "en",
		Paragraphs: []string{strings.Repeat(filler, (3<<20)/len(filler)) + "needle"}}
	idx := mustBuildIndex(t, huge, rec("a", "coca eradication"), rec("b", "coca substitution"))
	store := idx.cur.store
	read := func(f func()) int64 {
		before := store.Unpacked()
		f()
		return store.Unpacked() - before
	}
	// The two short records hold a few dozen bytes each.
	if n := read(func() { mustSearch(t, idx, Query{Text: "coca"}) }); n > 1024 {
		t.Errorf("a search not showing the huge record read %d bytes", n)
	}
	const bound = 256 << 10 // the scan's 64 KB, passages and part boundaries, with room
	for _, q := range []string{"needle", "growers", `"the growers"`, "policy leaf needle"} {
		var res *Results
		n := read(func() { res = mustSearch(t, idx, Query{Text: q}) })
		if len(res.Hits) == 0 || res.Hits[0].ID != "huge" || len(res.Hits[0].Snippets) == 0 {
			t.Fatalf("%s: hits %+v", q, res.Hits)
		}
		if n > bound {
			t.Errorf("%s: showing the huge record read %d bytes of its %d", q, n, len(huge.Paragraphs[0]))
		}
	}
	if n := read(func() {
		if _, err := idx.Document(context.Background(), "huge"); err != nil {
			t.Fatal(err)
		}
	}); n > partBytes*3/2+bound {
		t.Errorf("its document page read %d bytes", n)
	}
}
