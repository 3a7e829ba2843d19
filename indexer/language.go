package indexer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Thresholds of DetectLanguage.
const (
	// A title of a few words may hold no stop word at all or a misleading
	// one ("de" is Spanish, French, Portuguese and Dutch); five hits of the
	// winning language are the least that decides.
	minLanguageHits = 5
	// The winner's weighted score must beat the runner-up's by this factor,
	// otherwise the languages are too close to call.
	languageMargin = 1.5
	// And its count of stop words must beat every other language's by this
	// factor: a text half English, half Spanish has a clear weighted winner
	// (English stop words are rarely shared, Spanish ones often) but nearly
	// as many Spanish stop words as English ones. Single-language samples
	// have ratios of 1.6 and more, even-handed mixtures about 1.25.
	mixedMargin = 1.4
	// Enough words for any language; bounds the cost on long bodies.
	maxLanguageWords = 5000
)

// detectable lists the languages DetectLanguage knows, in the order of the
// bits of stopWords.
var detectable = []struct {
	code  string
	words string
}{
	{"en", `the of and to in is that for it as was with be by on not he this are or his from at which but
		have an they has had were their been its more will would there can also who than these such into
		other should between about after we our them may what when all one over most only both because
		while under those could how does did do any being her she through against during without`},
	{"es", `de la que el en y los del se las por un para con no una su al es lo como más pero sus le ya o
		fue este ha sí porque esta son entre está cuando muy sin sobre ser también me hasta hay donde
		han quien desde todo nos durante todos uno les ni contra otros fueron ese eso había ante ellos
		esto antes algunos qué unos otro otras otra él tanto esa estos mucho quienes nada muchos cual
		sea poco ella estar estas algunas algo así tiene puede hace según además`},
	{"fr", `de la le et les des en un du une que est pour qui dans par plus pas au sur ne se ce il sont aux
		avec ou son sa ses cette mais été leur leurs nous vous ils elle elles on ont être avoir fait
		comme tout tous aussi entre dont même lors ces sans peut très bien où après depuis encore deux
		ainsi sous était l d qu n c j y selon contre toute toutes chez leurs dès`},
	{"pt", `de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das
		tem à seu sua ou ser quando muito há nos já está eu também só pelo pela até isso ela entre era
		depois sem mesmo aos ter seus quem nas esse eles estão você foram essa num nem suas às têm numa
		pelos elas havia seja qual será nós lhe deles essas esses pelas este dele são sobre pode ainda`},
	{"de", `der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an
		werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war
		haben nur oder aber vor zur bis mehr durch man sein wurde sei kann gegen vom können schon wenn
		habe seine ihre dann unter wir soll ich eines diese dieser wieder keine seiner worden will
		zwischen immer was gibt alle diesem seit muss doch uns beim sowie`},
	{"nl", `de van het een en in is dat op te zijn voor met die niet aan er om ook als dan maar bij of uit
		nog worden door naar heeft tot ze wordt over hij kan hun dit was werd zich moet meer al wel zo
		geen na waar andere deze omdat hebben we wij zou tussen onder nu veel tegen alleen zoals
		zullen kunnen haar hem mijn jaar twee daar hier`},
	{"it", `di e il la che in a per un del è della non i le con si da una dei al alla sono nel delle gli
		lo come anche più ma ha nella dal ci degli o questo ad sul se essere suo sua loro hanno dalla
		questa tra fra stato cui quando molto ancora tutti può sulla nei già dopo solo ed senza perché
		quale così quello ogni agli negli dell all nell sull l d stati anni questi`},
}

// stopWords maps each stop word to the set of languages (bit i =
// detectable[i]) that have it.
var stopWords = func() map[string]uint8 {
	m := map[string]uint8{}
	for i, l := range detectable {
		for _, w := range strings.Fields(l.words) {
			m[w] |= 1 << i
		}
	}
	return m
}()

// longestStop is the byte length of the longest stop word: an ASCII
// word longer than that is none.
var longestStop = func() int {
	n := 0
	for w := range stopWords {
		n = max(n, len(w))
	}
	return n
}()

// shortStops is stopWords for lower-cased ASCII words of up to 8 bytes,
// most words of running text, keyed by the word's bytes packed into a
// uint64 (packASCII): an open-addressing table of 16 KB that stays in
// the cache, where the map look-up of every word of every record was a
// twentieth of a bulk ingest's CPU.
var shortStops = func() *packedTable {
	t := &packedTable{keys: make([]uint64, 1<<packedBits), masks: make([]uint8, 1<<packedBits)}
	for w, mask := range stopWords {
		if k, ok := packASCII(w); ok {
			t.put(k, mask)
		}
	}
	return t
}()

// packedBits is the log2 of packedTable's slots: 2,048 for the 600 or so
// stop words.
const packedBits = 11

type packedTable struct {
	keys  []uint64 // 0: empty
	masks []uint8
}

func (t *packedTable) slot(k uint64) int {
	return int((k * 0x9E3779B97F4A7C15) >> (64 - packedBits))
}

func (t *packedTable) put(k uint64, mask uint8) {
	i := t.slot(k)
	for t.keys[i] != 0 && t.keys[i] != k {
		i = (i + 1) & (len(t.keys) - 1)
	}
	t.keys[i] = k
	t.masks[i] |= mask
}

func (t *packedTable) get(k uint64) uint8 {
	for i := t.slot(k); ; i = (i + 1) & (len(t.keys) - 1) {
		switch t.keys[i] {
		case k:
			return t.masks[i]
		case 0:
			return 0
		}
	}
}

// packASCII packs w, lower-cased, into a uint64, one byte each, if it is
// 1 to 8 ASCII bytes.
func packASCII(w string) (uint64, bool) {
	if len(w) == 0 || len(w) > 8 {
		return 0, false
	}
	var k uint64
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return 0, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		k |= uint64(c) << (8 * i)
	}
	return k, true
}

// DetectLanguage guesses the ISO 639-1 code of text, or returns "" when
// the text is too short or unclear. Text mostly in another script than
// Latin, or Latin text whose stop words are too few for one of our seven
// languages (Polish, Croatian, Swahili...), goes to a trigram and script
// model (see langid.go). The seven languages (en, es, fr, pt, de, nl, it)
// are told by their stop words. Each word of the stop-word profile of k languages gives each of
// them 1/k, so that shared words ("de", "la", "in") weigh less than telling
// ones ("the", "los", "não"). The winner needs at least five stop words, a
// score 1.5 times the runner-up's and 1.4 times as many stop words as any
// other language (else the text is mixed); only the first 5,000 words are
// read.
func DetectLanguage(text string) string {
	sample := languageSample(text)
	if nonLatinShare(sample) >= 0.5 {
		return detectOtherLanguage(sample)
	}
	code, density := detectByStopWords(text)
	if code != "" && density >= minStopWordDensity {
		return code
	}
	if other := detectOtherLanguage(sample); other != "" && !isStopWordLanguage(other) {
		return other
	}
	return code
}

// detectByStopWords is DetectLanguage for the seven languages with a
// stop-word list; it also returns the share of the text's words that are
// stop words of the winner (over a third in running text of that language,
// far less in a related language that shares a few short words).
func detectByStopWords(text string) (string, float64) {
	var (
		hits  [8]int
		score [8]float64
		buf   [32]byte
		words int
	)
	for i := 0; words < maxLanguageWords; words++ {
		t, ok := nextSpan(text, i)
		if !ok {
			break
		}
		i = t.end
		w := text[t.start:t.end]
		var mask uint8
		if k, ok := packASCII(w); ok {
			mask = shortStops.get(k)
		} else if len(w) <= len(buf) && (len(w) <= longestStop || !t.ascii) {
			mask = stopWords[string(lowerAppend(buf[:0], w))]
		}
		if mask == 0 {
			continue
		}
		n := 0
		for m := mask; m != 0; m &= m - 1 {
			n++
		}
		for i := range detectable {
			if mask&(1<<i) != 0 {
				hits[i]++
				score[i] += 1 / float64(n)
			}
		}
	}
	best, second := -1, -1
	for i := range detectable {
		switch {
		case best < 0 || score[i] > score[best]:
			best, second = i, best
		case second < 0 || score[i] > score[second]:
			second = i
		}
	}
	if hits[best] < minLanguageHits || score[best] < languageMargin*score[second] {
		return "", 0
	}
	for i := range detectable {
		if i != best && float64(hits[best]) < mixedMargin*float64(hits[i]) {
			return "", 0
		}
	}
	return detectable[best].code, float64(hits[best]) / float64(max(words, 1))
}

func lowerAppend(dst []byte, w string) []byte {
	for _, r := range w {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			dst = append(dst, byte(r))
			continue
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// NormalizeLanguage maps a language tag or name to its ISO 639-1 code:
// "es", "es_ES", "es-419", "spa", "Spanish", "español" and "castellano" all
// give "es"; "en-GB", "eng" and "English" give "en". It returns "" for
// anything unknown, including "und", "mul" and lists of languages.
func NormalizeLanguage(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return ""
	}
	if c, ok := languageNames[nameKey(s)]; ok {
		return c
	}
	// A tag: the primary subtag decides ("pt-BR", "zh-Hant-TW", "en_US.UTF-8").
	primary, _, _ := strings.Cut(s, "-")
	primary, _, _ = strings.Cut(primary, "_")
	primary, _, _ = strings.Cut(primary, ".")
	primary, _, _ = strings.Cut(primary, "@")
	switch len(primary) {
	case 2:
		if c, ok := deprecatedISO6391[primary]; ok {
			return c
		}
		if strings.Contains(iso6391, " "+primary+" ") {
			return primary
		}
	case 3:
		return iso6392[primary]
	}
	return ""
}

// iso6391 lists every ISO 639-1 code, space-delimited for lookups.
const iso6391 = " aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy" +
	" da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz" +
	" ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo" +
	" lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps" +
	" pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn" +
	" to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu "

// deprecatedISO6391 still turns up in old metadata.
var deprecatedISO6391 = map[string]string{"iw": "he", "in": "id", "ji": "yi", "mo": "ro"}

// iso6392 maps the ISO 639-2 codes (bibliographic and terminology forms) of
// the languages our sources are likely to use.
var iso6392 = map[string]string{
	"eng": "en", "spa": "es", "fra": "fr", "fre": "fr", "por": "pt", "deu": "de", "ger": "de",
	"nld": "nl", "dut": "nl", "ita": "it", "cat": "ca", "eus": "eu", "baq": "eu", "glg": "gl",
	"rus": "ru", "zho": "zh", "chi": "zh", "ara": "ar", "jpn": "ja", "kor": "ko", "hin": "hi",
	"tur": "tr", "pol": "pl", "swe": "sv", "nor": "no", "nob": "nb", "nno": "nn", "dan": "da",
	"fin": "fi", "ell": "el", "gre": "el", "ron": "ro", "rum": "ro", "hun": "hu", "ces": "cs",
	"cze": "cs", "slk": "sk", "slo": "sk", "ukr": "uk", "bul": "bg", "hrv": "hr", "srp": "sr",
	"slv": "sl", "heb": "he", "fas": "fa", "per": "fa", "urd": "ur", "ben": "bn", "ind": "id",
	"msa": "ms", "may": "ms", "vie": "vi", "tha": "th", "swa": "sw", "que": "qu", "aym": "ay",
	"grn": "gn", "lat": "la", "mya": "my", "bur": "my", "khm": "km", "lao": "lo", "nep": "ne",
	"pus": "ps", "amh": "am", "som": "so", "hau": "ha", "yor": "yo", "ibo": "ig", "zul": "zu",
	"afr": "af", "tgl": "tl", "kur": "ku", "sqi": "sq", "alb": "sq", "mkd": "mk", "mac": "mk",
	"bos": "bs", "lit": "lt", "lav": "lv", "est": "et", "isl": "is", "ice": "is", "gle": "ga",
	"cym": "cy", "wel": "cy", "hye": "hy", "arm": "hy", "kat": "ka", "geo": "ka", "aze": "az",
	"kaz": "kk", "uzb": "uz", "tgk": "tg", "mon": "mn", "bel": "be", "mlt": "mt", "ltz": "lb",
	"tam": "ta", "tel": "te", "pan": "pa", "guj": "gu", "mar": "mr", "sin": "si", "hat": "ht",
}

// languageNames maps language names in English, in the language itself and
// in Spanish/French/Portuguese (keys as nameKey folds them) to codes.
var languageNames = func() map[string]string {
	m := map[string]string{}
	for code, names := range map[string]string{
		"en": "english; inglés; anglais; inglês; englisch",
		"es": "spanish; castilian; español; castellano; espagnol; espanhol; spanisch",
		"fr": "french; français; francés; francês; französisch",
		"pt": "portuguese; português; portugués; portugais; portugiesisch",
		"de": "german; deutsch; alemán; allemand; alemão",
		"nl": "dutch; nederlands; flemish; vlaams; neerlandés; holandés; néerlandais; holandês; niederländisch",
		"it": "italian; italiano; italien; italienisch",
		"ca": "catalan; català; catalán",
		"eu": "basque; euskara; euskera; vasco",
		"gl": "galician; galego; gallego",
		"ru": "russian; русский; ruso; russe; russo",
		"zh": "chinese; mandarin; 中文; chino; chinois; chinês",
		"ar": "arabic; العربية; árabe; arabe",
		"ja": "japanese; 日本語; japonés; japonais",
		"qu": "quechua; kichwa; runasimi",
		"ay": "aymara",
		"gn": "guarani; guaraní",
	} {
		for _, n := range strings.Split(names, ";") {
			m[nameKey(n)] = code
		}
	}
	return m
}()
