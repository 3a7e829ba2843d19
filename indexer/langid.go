package indexer

import (
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// Languages beyond the seven DetectLanguage tells by stop words are
// identified by whatlanggo: a pure-Go port of the whatlang trigram models,
// 84 languages, that first reads the script (Cyrillic, Arabic, Hebrew,
// Devanagari, Bengali, Thai, Khmer, Myanmar, Georgian, Hangul, Kana, Han,
// Greek, Ethiopic...) and then tells the languages written in it apart.
// It is chosen over lingua-go, which is more accurate on short Latin text
// but embeds hundreds of megabytes of models and is far slower; over our
// own stop-word lists because those know seven languages and would need
// one list per language and script. Its models are fixed (the library has
// had no release since 2020), which suits an indexer: the same text gets
// the same language.

const (
	// languageSampleRunes bounds what the trigram model reads: enough for
	// any language, and it keeps a long report cheap.
	languageSampleRunes = 3000
	// minStopWordDensity is the share of a text's words that must be stop
	// words of the winning language for the stop-word detector to be
	// trusted alone; below it, a related language sharing a few short
	// words ("i", "a", "da", "je" are Italian, Portuguese and Croatian)
	// is more likely.
	minStopWordDensity = 0.12
	// minTrigramConfidence is the least confidence of whatlanggo's answer
	// on text in a script several languages share.
	minTrigramConfidence = 0.5
)

// languageSample returns the start of text, at most languageSampleRunes.
func languageSample(text string) string {
	n := 0
	for i := range text {
		if n == languageSampleRunes {
			return text[:i]
		}
		n++
	}
	return text
}

// nonLatinShare is the share of the letters of s that are not Latin.
func nonLatinShare(s string) float64 {
	letters, other := 0, 0
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'a' <= r|0x20 && r|0x20 <= 'z' {
				letters++
			}
			continue
		}
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) {
			letters++
			if !unicode.Is(unicode.Latin, r) {
				other++
			}
		}
	}
	if letters == 0 {
		return 0
	}
	return float64(other) / float64(letters)
}

// detectOtherLanguage asks the trigram model; "" when it is unsure or the
// language has no ISO 639-1 code.
func detectOtherLanguage(sample string) string {
	info := whatlanggo.Detect(sample)
	if info.Lang < 0 || info.Confidence < minTrigramConfidence && !info.IsReliable() {
		return ""
	}
	return NormalizeLanguage(info.Lang.Iso6391())
}

// isStopWordLanguage reports whether code is one of the seven languages
// the stop-word detector knows: its answer on them is the better one.
func isStopWordLanguage(code string) bool {
	for _, l := range detectable {
		if l.code == code {
			return true
		}
	}
	return false
}
