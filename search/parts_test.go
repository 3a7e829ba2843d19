package search

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// longRecord has n paragraphs of about 1 KB, "needle" in paragraph at.
func longRecord(id string, n, at int) Record {
	rec := Record{ID: id, Kind: "briefing", Title: "A long report", Language: "en"}
	for i := range n {
		p := fmt.Sprintf("Paragraph %d. ", i+1) + strings.Repeat("Coca growers and the state met again. ", 25)
		if i == at {
			p += "The needle was found here."
		}
		rec.Paragraphs = append(rec.Paragraphs, p)
		rec.Pages = append(rec.Pages, i/10+1)
	}
	return rec
}

func TestDocumentParts(t *testing.T) {
	long := longRecord("long", 1200, 1100) // about 1.2 MB: five parts
	one := Record{ID: "line", Kind: "briefing", Title: "One line", Language: "en",
		Paragraphs: []string{strings.Repeat("word ", 200_000) + "needle"}} // 1 MB in one paragraph
	idx := mustBuildIndex(t, long, one, rec("short", "coca"))
	ctx := context.Background()

	for _, r := range []Record{long, one} {
		first, err := idx.Document(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if first.Parts < 4 || first.Part != 1 || first.FirstParagraph != 1 {
			t.Fatalf("%s: part %d of %d from paragraph %d", r.ID, first.Part, first.Parts, first.FirstParagraph)
		}
		// The parts, in order, give back every paragraph exactly; each is
		// at most a part and a half long.
		var got []string
		var pages []int
		for n := 1; n <= first.Parts; n++ {
			d, err := idx.DocumentPart(ctx, r.ID, n)
			if err != nil {
				t.Fatal(err)
			}
			size := 0
			for i, p := range d.Record.Paragraphs {
				size += len(p)
				num := d.FirstParagraph + i
				if i == 0 && len(got) == num { // continues a paragraph split between parts
					got[num-1] += p
					continue
				}
				if num != len(got)+1 {
					t.Fatalf("%s part %d: paragraph %d follows %d", r.ID, n, num, len(got))
				}
				got = append(got, p)
				if d.Record.Pages != nil {
					pages = append(pages, d.Record.Pages[i])
				}
			}
			if size > partBytes*3/2 {
				t.Errorf("%s part %d: %d bytes", r.ID, n, size)
			}
		}
		if strings.Join(got, "|") != strings.Join(r.Paragraphs, "|") {
			t.Errorf("%s: parts do not add up to the text (%d paragraphs, want %d)", r.ID, len(got), len(r.Paragraphs))
		}
		if r.Pages != nil && fmt.Sprint(pages) != fmt.Sprint(r.Pages) {
			t.Errorf("%s: pages differ", r.ID)
		}
		// A part past the last gives the last.
		if d, _ := idx.DocumentPart(ctx, r.ID, 999); d.Part != first.Parts {
			t.Errorf("%s: part 999 gave part %d", r.ID, d.Part)
		}
	}
	if d, _ := idx.Document(ctx, "short"); d.Parts != 1 || len(d.Record.Paragraphs) != 1 {
		t.Errorf("short document: %d parts, %d paragraphs", d.Parts, len(d.Record.Paragraphs))
	}
}

// TestLongSnippets: the snippet of a match deep in a long document names
// its paragraph, page and part, and the part holds that paragraph.
func TestLongSnippets(t *testing.T) {
	long := longRecord("long", 1200, 1100)
	idx := mustBuildIndex(t, long, rec("short", "coca"))
	res := mustSearch(t, idx, Query{Text: "needle"})
	if len(res.Hits) != 1 || len(res.Hits[0].Snippets) != 1 {
		t.Fatalf("hits %+v", res.Hits)
	}
	sn := res.Hits[0].Snippets[0]
	if sn.Paragraph != 1101 || sn.Page != 111 || sn.Part < 2 {
		t.Fatalf("snippet at paragraph %d, page %d, part %d", sn.Paragraph, sn.Page, sn.Part)
	}
	if m := marked(string(sn.HTML)); len(m) != 1 || m[0] != "needle" {
		t.Errorf("marked %q in %s", m, sn.HTML)
	}
	d, err := idx.DocumentPart(context.Background(), "long", sn.Part)
	if err != nil {
		t.Fatal(err)
	}
	i := sn.Paragraph - d.FirstParagraph
	if i < 0 || i >= len(d.Record.Paragraphs) || !strings.Contains(d.Record.Paragraphs[i], "needle") {
		t.Errorf("part %d (from paragraph %d, %d paragraphs) does not hold paragraph %d", sn.Part, d.FirstParagraph, len(d.Record.Paragraphs), sn.Paragraph)
	}
	// A word in every paragraph: three snippets, each cut to a passage.
	res = mustSearch(t, idx, Query{Text: "growers"})
	for _, h := range res.Hits {
		if h.ID != "long" {
			continue
		}
		if len(h.Snippets) != 3 {
			t.Errorf("%d snippets", len(h.Snippets))
		}
		for _, s := range h.Snippets {
			if n := len([]rune(string(s.HTML))); n > 2*snippetLen {
				t.Errorf("snippet of %d characters", n)
			}
		}
	}
}

// TestQuoteInLongDocuments: a quote from deep in a long report, or from
// the end of a huge file on one line, is traced to its paragraph and the
// part of the document page showing it, reading a bounded window of each
// candidate, not its whole text.
func TestQuoteInLongDocuments(t *testing.T) {
	long := longRecord("long", 1200, 1100) // about 1.2 MB
	filler := "the policy of the state towards the growers of the leaf was discussed again. "
	line := Record{ID: "line", Kind: "briefing", Title: "One line", Language: "en",
		Paragraphs: []string{strings.Repeat(filler, (2<<20)/len(filler)) + "At last the needle was found here, in the end."}}
	idx := mustBuildIndex(t, long, line, rec("short", "coca growers"))
	store := idx.cur.store
	for _, c := range []struct {
		quote, id string
		para      int
	}{
		{"Paragraph 1101. Coca growers and the state met again.", "long", 1101},
		{"at last the needle was found there, in the end", "line", 1},
	} {
		before := store.Unpacked()
		res, err := idx.TraceQuote(context.Background(), c.quote, 3)
		if err != nil {
			t.Fatal(err)
		}
		if read := store.Unpacked() - before; read > 512<<10 {
			t.Errorf("%q: read %d bytes", c.quote, read)
		}
		if len(res.Passages) == 0 {
			t.Fatalf("%q: no passage", c.quote)
		}
		p := res.Passages[0]
		if p.Record.ID != c.id || p.Paragraph != c.para || p.Part < 2 || len(p.Record.Paragraphs) != 1 || p.Score < 0.5 {
			t.Fatalf("%q: %s paragraph %d part %d (%d paragraphs), score %.2f", c.quote, p.Record.ID, p.Paragraph, p.Part, len(p.Record.Paragraphs), p.Score)
		}
		d, err := idx.DocumentPart(context.Background(), c.id, p.Part)
		if err != nil {
			t.Fatal(err)
		}
		if i := p.Paragraph - d.FirstParagraph; i < 0 || i >= len(d.Record.Paragraphs) || !strings.Contains(d.Record.Paragraphs[i], strings.Fields(p.Text)[len(strings.Fields(p.Text))-1]) {
			t.Errorf("%q: part %d does not show the passage", c.quote, p.Part)
		}
		if len(p.Text) > quoteReadWindow {
			t.Errorf("%q: passage of %d bytes", c.quote, len(p.Text))
		}
	}
}
