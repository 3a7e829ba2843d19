package main

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
)

// The vocabulary of `briefs gen` and the samplers that draw from it: Zipf
// word frequencies and alias tables.

type genVocab struct {
	enFunc, enWords, esFunc, esWords []string
	enFuncT, enWordsT, esFuncT       *aliasTable
	esWordsT                         *aliasTable
	enNouns, enAdj                   []string
	enNounsT, enAdjT                 *aliasTable
	enAuthors, esAuthors             []string
	enAuthorsT, esAuthorsT           *aliasTable
	enSeries, esSeries               []int
	enSeriesT, esSeriesT             *aliasTable
	countriesT                       *aliasTable
	enColT, esColT                   *aliasTable
	yearT                            *aliasTable
}

var vocabulary = sync.OnceValue(buildVocab)

func buildVocab() *genVocab {
	v := &genVocab{}
	// Content words are ranked in a fixed shuffled order so that the common
	// ones mix nouns, verbs and adjectives, as in real text.
	mix := rand.New(rand.NewPCG(0x766f6361, 0x62))
	var nouns []string
	for _, n := range strings.Fields(enNouns) {
		nouns = append(nouns, n, plural(n))
	}
	v.enNouns = dedupe(strings.Fields(enNouns))
	v.enAdj = dedupe(strings.Fields(enAdjectives))
	v.enWords = dedupe(slices.Concat(nouns, strings.Fields(enMass), v.enAdj,
		strings.Fields(enVerbs), strings.Fields(enAdverbs)))
	mix.Shuffle(len(v.enWords), func(i, j int) { v.enWords[i], v.enWords[j] = v.enWords[j], v.enWords[i] })
	v.esWords = dedupe(strings.Fields(esContent))
	mix.Shuffle(len(v.esWords), func(i, j int) { v.esWords[i], v.esWords[j] = v.esWords[j], v.esWords[i] })
	v.enFunc = dedupe(strings.Fields(enFunction))
	v.esFunc = dedupe(strings.Fields(esFunction))

	// Content words follow Zipf-Mandelbrot (rank offset 8): the commonest
	// content word is about 2% of them, not the 12% of a pure Zipf law.
	v.enWordsT = zipfTable(len(v.enWords), 1.0, 8)
	v.esWordsT = zipfTable(len(v.esWords), 1.0, 8)
	v.enFuncT = zipfTable(len(v.enFunc), 1.1, 0)
	v.esFuncT = zipfTable(len(v.esFunc), 1.1, 0)
	v.enNounsT = zipfTable(len(v.enNouns), 0.9, 2)
	v.enAdjT = zipfTable(len(v.enAdj), 0.9, 2)
	v.enColT = zipfTable(len(enCollocations), 0.8, 0)
	v.esColT = zipfTable(len(esCollocations), 0.8, 0)

	given, sur := strings.Fields(enGiven), strings.Fields(enSurnames)
	v.enAuthors = makeNames(mix, 1500, func(r *rand.Rand) string {
		g := given[r.IntN(len(given))]
		if r.IntN(20) == 0 {
			return g + " " + enParticleSurnames[r.IntN(len(enParticleSurnames))]
		}
		return g + " " + sur[r.IntN(len(sur))]
	})
	esGivenNames, esSur := strings.Fields(esGiven), strings.Fields(esSurnames)
	v.esAuthors = makeNames(mix, 500, func(r *rand.Rand) string {
		g := esGivenNames[r.IntN(len(esGivenNames))]
		if r.IntN(8) == 0 {
			g = esCompoundGiven[r.IntN(len(esCompoundGiven))]
		}
		name := g + " " + esSur[r.IntN(len(esSur))]
		if r.IntN(2) == 0 {
			name += " " + esSur[r.IntN(len(esSur))]
		}
		return name
	})
	v.enAuthorsT = zipfTable(len(v.enAuthors), 1.05, 5)
	v.esAuthorsT = zipfTable(len(v.esAuthors), 1.05, 5)

	for i, s := range genSeries {
		if s.Lang == "es" {
			v.esSeries = append(v.esSeries, i)
		} else {
			v.enSeries = append(v.enSeries, i)
		}
	}
	v.enSeriesT = zipfTable(len(v.enSeries), 0.9, 0)
	v.esSeriesT = zipfTable(len(v.esSeries), 0.9, 0)
	v.countriesT = zipfTable(len(genCountries), 0.9, 0)

	// More is published every year: the weight grows as (y-1985)^1.5.
	years := make([]float64, 2025-1990+1)
	for i := range years {
		years[i] = math.Pow(float64(i+5), 1.5)
	}
	v.yearT = newAliasTable(years)
	return v
}

func makeNames(r *rand.Rand, n int, one func(*rand.Rand) string) []string {
	seen := map[string]bool{}
	var out []string
	for len(out) < n {
		name := one(r)
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	return out
}

func dedupe(words []string) []string {
	seen := map[string]bool{}
	out := words[:0:0]
	for _, w := range words {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// plural is the regular English plural, good enough for our noun list.
func plural(n string) string {
	switch {
	case strings.HasSuffix(n, "y") && len(n) > 1 && !strings.ContainsRune("aeiou", rune(n[len(n)-2])):
		return n[:len(n)-1] + "ies"
	case strings.HasSuffix(n, "s"), strings.HasSuffix(n, "x"), strings.HasSuffix(n, "ch"), strings.HasSuffix(n, "sh"):
		return n + "es"
	case n == "man":
		return "men"
	case n == "woman":
		return "women"
	case n == "child":
		return "children"
	case n == "leaf":
		return "leaves"
	case n == "person":
		return "people"
	}
	return n + "s"
}

// zipfTable weighs rank k (1-based) as 1/(k+q)^s.
func zipfTable(n int, s, q float64) *aliasTable {
	w := make([]float64, n)
	for i := range w {
		w[i] = 1 / math.Pow(float64(i+1)+q, s)
	}
	return newAliasTable(w)
}

// aliasTable draws an index with given weights in constant time (Vose's
// alias method): the generator draws a hundred million words for a large
// corpus, so this is its innermost loop.
type aliasTable struct {
	prob  []uint64 // threshold out of 1<<32
	alias []int32
}

func newAliasTable(weights []float64) *aliasTable {
	n := len(weights)
	var sum float64
	for _, w := range weights {
		sum += w
	}
	t := &aliasTable{prob: make([]uint64, n), alias: make([]int32, n)}
	scaled := make([]float64, n)
	var small, large []int
	for i, w := range weights {
		scaled[i] = w * float64(n) / sum
		if scaled[i] < 1 {
			small = append(small, i)
		} else {
			large = append(large, i)
		}
	}
	for len(small) > 0 && len(large) > 0 {
		s, l := small[len(small)-1], large[len(large)-1]
		small = small[:len(small)-1]
		t.prob[s] = uint64(scaled[s] * (1 << 32))
		t.alias[s] = int32(l)
		scaled[l] -= 1 - scaled[s]
		if scaled[l] < 1 {
			large = large[:len(large)-1]
			small = append(small, l)
		}
	}
	for _, i := range append(small, large...) {
		t.prob[i] = 1 << 32
		t.alias[i] = int32(i)
	}
	return t
}

func (t *aliasTable) draw(r *rand.Rand) int {
	u := r.Uint64()
	i := int((u >> 32) * uint64(len(t.prob)) >> 32)
	if u&0xffffffff < t.prob[i] {
		return i
	}
	return int(t.alias[i])
}
