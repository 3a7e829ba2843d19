package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// One document of `briefs gen`: its metadata, title, abstract and body,
// before it is rendered.

// genDocument is what a document says, whatever its format.
type genDocument struct {
	plan      docPlan
	id, slug  string
	title     string
	authors   []string
	date      string // YYYY-MM-DD
	series    string
	publisher int
	countries []int // indexes into genCountries
	abstract  string
	blocks    []genBlock
	url       string
	variant   int // which metadata convention an HTML page uses
}

type genBlock struct {
	heading bool
	text    string
}

// docGen renders documents; one per goroutine.
type docGen struct {
	seed uint64
	v    *genVocab
	r    *rand.Rand
	pcg  *rand.PCG
	buf  []byte
	// topic holds the current document's topic words: a document repeats
	// its subject's words, which is what makes term frequencies, and so
	// ranking, differ between documents.
	topic []string
	long  bool // every document a long report (genConfig.Long)
}

func newDocGen(seed uint64) *docGen {
	pcg := rand.NewPCG(0, 0)
	return &docGen{seed: seed, v: vocabulary(), pcg: pcg, r: rand.New(pcg), buf: make([]byte, 0, 64<<10)}
}

func (g *docGen) document(d docPlan) *genDocument {
	g.pcg.Seed(g.seed, uint64(d.n)<<8|0x64)
	r, v := g.r, g.v
	es := d.lang == "es"
	doc := &genDocument{plan: d, id: fmt.Sprintf("brief-%06d", d.n), series: "", publisher: r.IntN(len(genPublishers))}
	if d.series >= 0 {
		doc.series = genSeries[d.series].Name
		doc.publisher = genSeries[d.series].Publisher
	}
	doc.date = fmt.Sprintf("%04d-%02d-%02d", d.year, d.month, d.day)
	doc.variant = r.IntN(5)

	// One to four countries, the popular ones more often.
	nc := 1 + pick(r, 40, 30, 20, 10)
	for len(doc.countries) < nc {
		c := v.countriesT.draw(r)
		if !slices.Contains(doc.countries, c) {
			doc.countries = append(doc.countries, c)
		}
	}
	// One to three authors; Spanish documents mostly by Spanish names.
	na := 1 + pick(r, 55, 30, 15)
	for len(doc.authors) < na {
		var name string
		if useES := r.Float64() < 0.1 || es && r.Float64() < 0.8; useES {
			name = v.esAuthors[v.esAuthorsT.draw(r)]
		} else {
			name = v.enAuthors[v.enAuthorsT.draw(r)]
		}
		if !slices.Contains(doc.authors, name) {
			doc.authors = append(doc.authors, name)
		}
	}

	g.topic = g.topic[:0]
	for range 12 {
		if es {
			g.topic = append(g.topic, v.esWords[v.esWordsT.draw(r)])
		} else {
			g.topic = append(g.topic, v.enWords[v.enWordsT.draw(r)])
		}
	}
	doc.title = g.title(es, doc.countries)
	doc.slug = slugOf(doc.title)
	doc.url = fmt.Sprintf("https://%s/publications/%d-%s", genPublishers[doc.publisher].Host, d.n, doc.slug)
	doc.abstract = g.abstract(es, doc.countries)

	// Body length: 600 to 2,500 words, shorter ones more common (mean
	// about 1,100); 1% are long reports of 8,000 to 15,000 words.
	words := 600 + int(1900*math.Pow(r.Float64(), 3))
	if r.IntN(100) == 0 {
		words = 8000 + r.IntN(7001)
	}
	if g.long {
		words = longMinWords + r.IntN(longMaxWords-longMinWords+1)
	}
	doc.blocks = g.body(es, words, doc.countries)
	return doc
}

// pick returns i with probability weights[i]/sum(weights).
func pick(r *rand.Rand, weights ...int) int {
	sum := 0
	for _, w := range weights {
		sum += w
	}
	n := r.IntN(sum)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

func countryName(c int, es bool) string {
	if es {
		return genCountries[c][1]
	}
	return genCountries[c][0]
}

// countryRef is a country as running text names it: "the Netherlands",
// "los Países Bajos".
func countryRef(c int, es bool) string {
	name := countryName(c, es)
	if es {
		return esCountryArticle[name] + name
	}
	if enCountryThe[name] {
		return "the " + name
	}
	return name
}

// listing joins names: "A", "A and B", "A, B and C" ("y" in Spanish).
func listing(names []string, es bool) string {
	and := " and "
	if es {
		and = " y "
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + and + names[len(names)-1]
}

func (g *docGen) countryNames(cs []int, es bool) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = countryName(c, es)
	}
	return out
}

func countryRefs(cs []int, es bool) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = countryRef(c, es)
	}
	return out
}

func (g *docGen) collocation(es bool) string {
	if es {
		return esCollocations[g.v.esColT.draw(g.r)]
	}
	return enCollocations[g.v.enColT.draw(g.r)]
}

func (g *docGen) title(es bool, cs []int) string {
	r, v := g.r, g.v
	col := g.collocation(es)
	c1 := countryRef(cs[0], es)
	c2 := ""
	if len(cs) > 1 {
		c2 = countryRef(cs[1], es)
	}
	if es {
		col = upperFirst(col)
		switch r.IntN(5) {
		case 0:
			return col + " en " + c1
		case 1:
			if c2 != "" {
				return col + " en " + c1 + " y " + c2
			}
			return col + ": el caso de " + c1
		case 2:
			return col + ": lecciones de " + c1
		case 3:
			return "Más allá de la " + strings.ToLower(col) + ": " + g.collocation(true) + " en " + c1
		default:
			return col + " y " + g.collocation(true)
		}
	}
	noun := func() string { return titleCase(v.enNouns[v.enNounsT.draw(r)]) }
	adj := func() string { return titleCase(v.enAdj[v.enAdjT.draw(r)]) }
	switch r.IntN(7) {
	case 0:
		return titleCase(col) + " in " + c1
	case 1:
		if c2 != "" {
			return titleCase(col) + " in " + c1 + " and " + c2
		}
		return titleCase(col) + ": The Case of " + c1
	case 2:
		return titleCase(col) + ": Lessons from " + c1
	case 3:
		return "The " + adj() + " " + noun() + " of " + titleCase(col)
	case 4:
		return "Beyond " + titleCase(col) + ": " + adj() + " " + titleCase(plural(strings.ToLower(noun()))) + " in " + c1
	case 5:
		return "Rethinking " + titleCase(col)
	default:
		return titleCase(col) + " and " + titleCase(g.collocation(false)) + " in " + c1
	}
}

// minorWords stay in lower case inside an English title.
var minorWords = map[string]bool{"of": true, "in": true, "and": true, "the": true, "to": true,
	"for": true, "a": true, "on": true, "who": true}

func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if i == 0 || !minorWords[w] {
			words[i] = upperFirst(w)
		}
	}
	return strings.Join(words, " ")
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func (g *docGen) abstract(es bool, cs []int) string {
	names := listing(countryRefs(cs, es), es)
	var b []byte
	if es {
		b = append(b, "Este informe analiza la "...)
		b = append(b, g.collocation(true)...)
		b = append(b, " en "...)
	} else {
		b = append(b, "This paper examines "...)
		b = append(b, g.collocation(false)...)
		b = append(b, " in "...)
	}
	b = append(b, names...)
	b = append(b, ". "...)
	for i := range 2 {
		b = g.sentence(b, es, 14+g.r.IntN(16), "")
		if i == 0 {
			b = append(b, ' ')
		}
	}
	return string(b)
}

// mention is where the body names a country: before the sentence that
// starts after word offset at.
type mention struct {
	at      int
	country int
}

// body writes paragraphs of sentences until words are written, with a
// heading every few paragraphs and every country named two to five times.
func (g *docGen) body(es bool, words int, cs []int) []genBlock {
	r := g.r
	var ms []mention
	for _, c := range cs {
		for range 2 + r.IntN(4) {
			ms = append(ms, mention{r.IntN(words * 9 / 10), c})
		}
	}
	slices.SortFunc(ms, func(a, b mention) int { return a.at - b.at })
	headings := enHeadings
	if es {
		headings = esHeadings
	}
	var blocks []genBlock
	written, paras, nextHeading := 0, 0, 3+r.IntN(4)
	for written < words || len(ms) > 0 {
		if paras == nextHeading && written < words {
			blocks = append(blocks, genBlock{heading: true, text: headings[r.IntN(len(headings))]})
			nextHeading += 3 + r.IntN(4)
		}
		target := 40 + r.IntN(140)
		if r.IntN(10) == 0 {
			target = 15 + r.IntN(25) // a short paragraph now and then
		}
		target = max(min(target, words-written), 8)
		b := g.buf[:0]
		for n := 0; n < target; {
			if len(b) > 0 {
				b = append(b, ' ')
			}
			lead := ""
			if len(ms) > 0 && (ms[0].at <= written+n || written+n >= words) {
				lead = g.mentionLead(es, ms[0].country)
				ms = ms[1:]
			}
			k := 6 + r.IntN(26)
			b = g.sentence(b, es, k, lead)
			n += k
		}
		written += target
		paras++
		blocks = append(blocks, genBlock{text: string(b)})
		g.buf = b
	}
	return blocks
}

func (g *docGen) mentionLead(es bool, c int) string {
	name := countryRef(c, es)
	if es {
		switch g.r.IntN(3) {
		case 0:
			return "En " + name + ", "
		case 1:
			return "La experiencia de " + name + " muestra que "
		}
		return "Según datos de " + name + ", "
	}
	switch g.r.IntN(3) {
	case 0:
		return "In " + name + ", "
	case 1:
		return "The experience of " + name + " suggests that "
	}
	return "Across " + name + ", "
}

// sentence appends a sentence of about n words: function words and
// Zipfian content words, now and then a collocation, a number or a comma.
// lead, if set, opens the sentence ("In Peru, ").
func (g *docGen) sentence(b []byte, es bool, n int, lead string) []byte {
	r, v := g.r, g.v
	fw, fwT, cw, cwT := v.enFunc, v.enFuncT, v.enWords, v.enWordsT
	if es {
		fw, fwT, cw, cwT = v.esFunc, v.esFuncT, v.esWords, v.esWordsT
	}
	start := len(b)
	b = append(b, lead...)
	for i := 0; i < n; i++ {
		if i > 0 {
			b = append(b, ' ')
		}
		u := r.Uint32()
		switch {
		case u < 1<<32/28:
			b = append(b, g.collocation(es)...)
			i++
		case u < 1<<32/28+1<<32/120:
			b = strconv.AppendInt(b, int64(2+r.IntN(98)), 10)
			if es {
				b = append(b, " por ciento"...)
			} else {
				b = append(b, " per cent"...)
			}
			i++
		case u < 1<<32/2:
			b = append(b, fw[fwT.draw(r)]...)
		case u < 1<<32/2+1<<32/16:
			b = append(b, g.topic[r.IntN(len(g.topic))]...)
		default:
			b = append(b, cw[cwT.draw(r)]...)
		}
		if i < n-1 && r.IntN(14) == 0 {
			b = append(b, ',')
		}
	}
	b = capitalizeAt(b, start)
	b = append(b, '.')
	return b
}

// capitalizeAt upper-cases the letter starting at b[i].
func capitalizeAt(b []byte, i int) []byte {
	if i >= len(b) {
		return b
	}
	if c := b[i]; c >= 'a' && c <= 'z' {
		b[i] = c - 'a' + 'A'
		return b
	}
	r, n := utf8.DecodeRune(b[i:])
	u := unicode.ToUpper(r)
	if u == r || utf8.RuneLen(u) != n {
		return b
	}
	utf8.EncodeRune(b[i:], u)
	return b
}

// slugOf makes a file-name-safe slug of the first words of a title.
func slugOf(title string) string {
	var b strings.Builder
	words := 0
	dash := false
	for _, r := range strings.ToLower(title) {
		switch r {
		case 'á', 'à', 'ä':
			r = 'a'
		case 'é', 'è':
			r = 'e'
		case 'í':
			r = 'i'
		case 'ó', 'ô':
			r = 'o'
		case 'ú', 'ü':
			r = 'u'
		case 'ñ':
			r = 'n'
		}
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				words++
				if words >= 6 {
					break
				}
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}
