package indexer

import (
	"errors"
	"math"

	"github.com/ledongthuc/pdf"
)

// The text layer of one PDF page: a small content-stream interpreter on top
// of ledongthuc/pdf's object reader and tokenizer. We do not use the
// library's own Page.Content: it re-reads the font dictionary for every
// glyph (minutes on a long report), indexes widths by byte for two-byte
// fonts, ignores word spacing, text inside form XObjects and ToUnicode maps
// of simple fonts, and cannot be stopped. Here fonts are parsed once per
// page, every glyph is decoded by its own code, and the work is bounded.

// pdfGlyph is one decoded character code placed on the page, in points
// from the bottom-left corner.
type pdfGlyph struct {
	x0, x1 float64 // left and right edge
	y      float64 // baseline
	size   float64 // font size on the page
	text   string  // usually one rune; ligatures give "fi", "ffl"...
}

// errPDFBudget aborts a page whose content exceeds the work budget.
var errPDFBudget = errors.New("PDF content too large to read")

// Limits that keep one hostile page from stalling a walk. Real briefing
// pages hold a few thousand glyphs and a few tens of thousands operators.
const (
	maxPageOps    = 2_000_000
	maxPageGlyphs = 200_000
	maxFormDepth  = 6
)

// pageReader interprets the content of one page.
type pageReader struct {
	glyphs []pdfGlyph
	ops    int
	stop   func() bool // reports that the file's time budget is spent
	fonts  map[fontKey]*pdfFont
}

type fontKey struct {
	res  string // identifies the resource dictionary (form nesting path)
	name string
}

type matrix [6]float64 // a b c d e f, as in PDF

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (apply m, then n).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

type textState struct {
	ctm                matrix
	tc, tw, th, tl, ts float64
	font               *pdfFont
	size               float64
}

// pageGlyphs returns the glyphs of page p in content order.
func pageGlyphs(p pdf.Page, stop func() bool) (glyphs []pdfGlyph, err error) {
	pr := &pageReader{stop: stop, fonts: map[fontKey]*pdfFont{}}
	defer func() {
		if r := recover(); r != nil {
			if r == errPDFBudget {
				err = errPDFBudget
				return
			}
			// A malformed stream ends the page where it broke; what was read
			// before is kept, as viewers do.
			err = nil
		}
		glyphs = pr.glyphs
	}()
	contents := p.V.Key("Contents")
	if contents.IsNull() {
		return nil, nil
	}
	pr.run(contents, p.Resources(), "p", textState{ctm: identity, th: 1}, 0)
	return pr.glyphs, nil
}

func (pr *pageReader) run(strm, res pdf.Value, resID string, g textState, depth int) {
	var stack []textState
	var tm, tlm matrix
	args := make([]pdf.Value, 0, 8)
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		pr.ops++
		if pr.ops > maxPageOps || len(pr.glyphs) > maxPageGlyphs {
			panic(errPDFBudget)
		}
		if pr.ops&1023 == 0 && pr.stop != nil && pr.stop() {
			panic(errPDFBudget)
		}
		args = args[:0]
		for n := stk.Len(); n > 0; n-- {
			args = append(args, pdf.Value{})
		}
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		switch op {
		case "q":
			if len(stack) < 256 {
				stack = append(stack, g)
			}
		case "Q":
			if n := len(stack); n > 0 {
				g, stack = stack[n-1], stack[:n-1]
			}
		case "cm":
			if len(args) == 6 {
				g.ctm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(g.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tc":
			g.tc = num(0)
		case "Tw":
			g.tw = num(0)
		case "Tz":
			g.th = num(0) / 100
		case "TL":
			g.tl = num(0)
		case "Ts":
			g.ts = num(0)
		case "Tf":
			if len(args) == 2 {
				g.font = pr.font(res, resID, args[0].Name())
				g.size = num(1)
			}
		case "Td", "TD":
			if len(args) == 2 {
				if op == "TD" {
					g.tl = -num(1)
				}
				tlm = matrix{1, 0, 0, 1, num(0), num(1)}.mul(tlm)
				tm = tlm
			}
		case "Tm":
			if len(args) == 6 {
				tlm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
				tm = tlm
			}
		case "T*":
			tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
			tm = tlm
		case "Tj":
			if len(args) == 1 {
				pr.show(&g, &tm, args[0].RawString())
			}
		case "'", "\"":
			if op == "\"" && len(args) == 3 {
				g.tw, g.tc = num(0), num(1)
				args = args[2:]
			}
			tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
			tm = tlm
			if len(args) == 1 {
				pr.show(&g, &tm, args[0].RawString())
			}
		case "TJ":
			if len(args) != 1 {
				return
			}
			a := args[0]
			for i := 0; i < a.Len(); i++ {
				x := a.Index(i)
				if x.Kind() == pdf.String {
					pr.show(&g, &tm, x.RawString())
					continue
				}
				// A number moves the pen left (positive) or right (negative),
				// in thousandths of the font size.
				tx := -x.Float64() / 1000 * g.size * g.th
				tm = matrix{1, 0, 0, 1, tx, 0}.mul(tm)
			}
		case "Do":
			if len(args) != 1 || depth >= maxFormDepth {
				return
			}
			name := args[0].Name()
			xo := res.Key("XObject").Key(name)
			if xo.Kind() != pdf.Stream || xo.Key("Subtype").Name() != "Form" {
				return
			}
			fg := g
			if m := xo.Key("Matrix"); m.Len() == 6 {
				var fm matrix
				for i := range fm {
					fm[i] = m.Index(i).Float64()
				}
				fg.ctm = fm.mul(g.ctm)
			}
			fres := xo.Key("Resources")
			if fres.IsNull() {
				fres = res
			}
			pr.run(xo, fres, resID+"/"+name, fg, depth+1)
		}
	})
}

// show places the glyphs of one string and advances the text matrix.
func (pr *pageReader) show(g *textState, tm *matrix, s string) {
	f := g.font
	if f == nil {
		f = defaultFont
	}
	for len(s) > 0 {
		n := f.codeLen(s)
		code := 0
		for i := 0; i < n; i++ {
			code = code<<8 | int(s[i])
		}
		s = s[n:]
		w0 := f.width(code)
		trm := matrix{g.size * g.th, 0, 0, g.size, 0, g.ts}.mul(*tm).mul(g.ctm)
		tx := (w0*g.size + g.tc) * g.th
		if n == 1 && code == 32 {
			tx += g.tw * g.th
		}
		// Only horizontal text: rotated words are margin notes, stamps and
		// axis labels, which would scramble the lines they cross.
		if text := f.decode(code); text != "" && math.Abs(trm[1]) < 0.01*math.Abs(trm[0]) && trm[0] > 0 {
			x1 := trm[4] + w0*trm[0]
			if w0 == 0 {
				x1 = trm[4] + 0.5*trm[0]
			}
			size := math.Abs(trm[3])
			pr.glyphs = append(pr.glyphs, pdfGlyph{x0: trm[4], x1: x1, y: trm[5], size: size, text: text})
		}
		*tm = matrix{1, 0, 0, 1, tx, 0}.mul(*tm)
	}
}
