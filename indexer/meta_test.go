package indexer

import (
	"reflect"
	"strconv"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	next := strconv.Itoa(time.Now().Year() + 2)
	tests := []struct{ in, want string }{
		{"2005", "2005"},
		{"2005-03", "2005-03"},
		{"2005-03-14", "2005-03-14"},
		{"2005/03/14", "2005-03-14"},
		{"2005/3/4", "2005-03-04"},
		{"20050314", "2005-03-14"},
		{"2005-03-14T23:30:00-05:00", "2005-03-14"}, // cut in its own offset, not UTC
		{"2005-03-14T01:00:00+09:00", "2005-03-14"},
		{"2005-03-14 10:00", "2005-03-14"},
		{"Mon, 14 Mar 2005 10:00:00 GMT", "2005-03-14"},
		{"17 November 2005", "2005-11-17"},
		{"November 17, 2005", "2005-11-17"},
		{"14 de marzo de 2005", "2005-03-14"},
		{"2005-02-30", ""},
		{"2005-13", ""},
		{"1850", ""},
		{next, ""},
		{"soon", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := parseDate(tt.in); got != tt.want {
			t.Errorf("parseDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFindDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"17 November 2005", "2005-11-17"},
		{"Thursday, 17 November 2005", "2005-11-17"},
		{"17th November 2005", "2005-11-17"},
		{"17 Nov. 2005", "2005-11-17"},
		{"November 17, 2005", "2005-11-17"},
		{"Nov 17th, 2005", "2005-11-17"},
		{"March 2005", "2005-03"},
		{"TNI Drug Policy Briefing 11, March 2005", "2005-03"},
		{"Published: 2005-03-14", "2005-03-14"},
		{"14 de marzo de 2005", "2005-03-14"},
		{"martes, 1º de marzo de 2005", "2005-03-01"},
		{"marzo de 2005", "2005-03"},
		{"Marzo 2005", "2005-03"},
		{"14 setiembre 2005", "2005-09-14"},
		{"14 mars 2005", "2005-03-14"},
		{"14/03/2005", "2005-03-14"}, // the day can only be 14
		{"03/14/2005", "2005-03-14"}, // the US order, unambiguous too
		{"03/04/2005", ""},           // March 4 or April 3
		{"03.04.2005", "2005-04-03"}, // but dots are day-first
		{"06.01.2026, Lesezeit 5 Min.", "2026-01-06"},
		{"Do 25.04.24 | 14:07 Uhr", "2024-04-25"}, // two-digit year with dots
		{"Version 1.2.10", ""},
		{"By A. Person, 2005", ""},    // a bare year is not a date
		{"Peru in 2005 and 2006", ""}, // nor are years in a sentence
		{"Hugo Cabieses Coca and Drugs TNI Website, 22 June 2005", "2005-06-22"},
		{"31 February 2005", ""},
		// More languages.
		{"14 giugno 2024", "2024-06-14"},
		{"2 października 2020", "2020-10-02"},
		{"Warszawa, marzec 2019", "2019-03"},
		{"14. března 2005", "2005-03-14"},
		{"5 мая 2020 г.", "2020-05-05"},
		{"14 Haziran 2024 Cuma", "2024-06-14"},
		{"12 Agustus 2023", "2023-08-12"},
		{"3 martie 2021", "2021-03-03"},
		{"den 4 augusti 2022", "2022-08-04"},
		{"2020年3月14日 10:05", "2020-03-14"},
		{"2020년 3월 14일", "2020-03-14"},
		{"发布时间：2020年3月", "2020-03"},
		{"2020年13月1日", ""},
	}
	for _, tt := range tests {
		if got, _, _ := findDate(tt.in); got != tt.want {
			t.Errorf("findDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseByline(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"By Martin Jelsma", []string{"Martin Jelsma"}},
		{"By Martin Jelsma and Pien Metaal", []string{"Martin Jelsma", "Pien Metaal"}},
		{"By Ana Pérez, Luis Gómez and Tom Blickman", []string{"Ana Pérez", "Luis Gómez", "Tom Blickman"}},
		{"By Ana Pérez, Luis Gómez, and Tom Blickman", []string{"Ana Pérez", "Luis Gómez", "Tom Blickman"}},
		{"Authors: Jelsma, Martin; Metaal, Pien", []string{"Martin Jelsma", "Pien Metaal"}},
		{"Author: Ricardo Soberón Garrido", []string{"Ricardo Soberón Garrido"}},
		{"Por Ana Pérez y Luis Gómez", []string{"Ana Pérez", "Luis Gómez"}},
		{"Autores: Ana Pérez, Luis Gómez y Rosa Vargas", []string{"Ana Pérez", "Luis Gómez", "Rosa Vargas"}},
		{"By MARTIN JELSMA | 17 November 2005", []string{"Martin Jelsma"}},
		{"By Martin Jelsma, 17 November 2005", []string{"Martin Jelsma"}},
		{"By Martin Jelsma on 17 November 2005", []string{"Martin Jelsma"}},
		{"By Martin Jelsma (TNI)", []string{"Martin Jelsma"}},
		{"By Martin Jelsma, Transnational Institute", []string{"Martin Jelsma"}},
		{"By Juan de la Cruz", []string{"Juan de la Cruz"}},
		{"by the way, this is a sentence that happens to start with by", nil},
		{"By 2010 the policy had failed", nil},
		{"Martin Jelsma", nil}, // no byline marker
		// "By" in other languages, with or without a colon.
		{"von Max Muster", []string{"Max Muster"}},
		{"Von: Bill MCCARTHY, Marisha GOLDHAMER", []string{"Bill MCCARTHY", "Marisha GOLDHAMER"}},
		{"Par Jeanne Exemple et Paul Exemple", []string{"Jeanne Exemple", "Paul Exemple"}},
		{"door Anna de Vries en Piet Jansen", []string{"Anna de Vries", "Piet Jansen"}},
		{"Av Kari Nordmann og Ola Nordmann", []string{"Kari Nordmann", "Ola Nordmann"}},
		{"af Hans Hansen", []string{"Hans Hansen"}},
		{"di Mario Rossi e Anna Bianchi", []string{"Mario Rossi", "Anna Bianchi"}},
		{"przez Jan Kowalski i Anna Nowak", []string{"Jan Kowalski", "Anna Nowak"}},
		{"Di 25.04.24 | 14:07 Uhr | Von Eva Beispiel-Muster", []string{"Eva Beispiel-Muster"}}, // dateline first
		{"Von Anna Muster, Frankfurt", []string{"Anna Muster"}},                                // a place, not a person
		{"By Ana Pérez, Luis Gómez", []string{"Ana Pérez", "Luis Gómez"}},                      // two people
		{"By TPN, in News, Business, Tourism", nil},                                            // categories, and an acronym
		{"Di Maio said on Tuesday that the talks had failed", nil},
		// "Author:" in more languages.
		{"Autori: Mario Rossi e Anna Bianchi", []string{"Mario Rossi", "Anna Bianchi"}},
		{"Autorzy: Jan Kowalski i Anna Nowak", []string{"Jan Kowalski", "Anna Nowak"}},
		{"Författare: Anna Svensson och Erik Lind", []string{"Anna Svensson", "Erik Lind"}},
		{"Yazar: Ayşe Yılmaz", []string{"Ayşe Yılmaz"}},
		{"Penulis: Siti Rahma", []string{"Siti Rahma"}},
		{"Oleh Siti Rahma dan Budi Santoso", []string{"Siti Rahma", "Budi Santoso"}},
		{"Автор: Иван Петров", []string{"Иван Петров"}},
		{"Авторы: Иван Петров, Анна Смирнова", []string{"Иван Петров", "Анна Смирнова"}},
		{"Автор: Иван Петров и Анна Смирнова", []string{"Иван Петров", "Анна Смирнова"}},
		{"Autori: Ion Popescu și Maria Ionescu", []string{"Ion Popescu", "Maria Ionescu"}},
		{"作者：王伟", []string{"王伟"}},
		{"著者：佐藤 花子、鈴木 一郎", []string{"佐藤 花子", "鈴木 一郎"}},
		{"글: 김민수", []string{"김민수"}},
		{"作者：这是一段很长的不是名字的说明文字", nil}, // too long for a name
		{"王伟", nil}, // no label: a caseless word says nothing
	}
	for _, tt := range tests {
		got, ok := parseByline(tt.in)
		if !reflect.DeepEqual(got, tt.want) || ok != (tt.want != nil) {
			t.Errorf("parseByline(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestNormaliseAuthors(t *testing.T) {
	tests := []struct {
		in, want []string
	}{
		{[]string{"Jelsma, Martin"}, []string{"Martin Jelsma"}},
		{[]string{"García Márquez, Gabriel"}, []string{"Gabriel García Márquez"}},
		{[]string{"  Martin   Jelsma "}, []string{"Martin Jelsma"}},
		{[]string{"By Martin Jelsma"}, []string{"Martin Jelsma"}},
		{[]string{"MARTIN JELSMA"}, []string{"Martin Jelsma"}},
		{[]string{"RICARDO SOBERÓN"}, []string{"Ricardo Soberón"}},
		{[]string{"JEAN-PIERRE O'BRIEN"}, []string{"Jean-Pierre O'Brien"}},
		{[]string{"JUAN DE LA CRUZ"}, []string{"Juan de la Cruz"}},
		{[]string{"Martin Jelsma", "martin jelsma", "Pien Metaal"}, []string{"Martin Jelsma", "Pien Metaal"}},
		{[]string{"Transnational Institute", "Martin Jelsma"}, []string{"Martin Jelsma"}},
		{[]string{"TNI", "Martin Jelsma"}, []string{"Martin Jelsma"}},
		{[]string{"Transnational Institute"}, []string{"Transnational Institute"}},
		{[]string{"Smith, Jr."}, []string{"Smith, Jr."}},
		{[]string{"", "  "}, nil},
		{[]string{"von Jemima Kelly", "Ursula von der Leyen", "von der Leyen"}, []string{"Jemima Kelly", "Ursula von der Leyen", "von der Leyen"}},
		{[]string{"105092", "Ana Pérez"}, []string{"Ana Pérez"}},
		{[]string{"sophie-example", "jane_doe", "a.b@example.org", "https://example.org/authors/x"}, nil},
		{[]string{"Povilas Example", "professor at the faculty of law"}, []string{"Povilas Example"}},
		{[]string{"신현주 기자"}, []string{"신현주"}},
		{[]string{"山田太郎記者"}, []string{"山田太郎"}},
	}
	for _, tt := range tests {
		if got := normaliseAuthors(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("normaliseAuthors(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitAuthors(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Martin Jelsma", []string{"Martin Jelsma"}},
		{"Jelsma, Martin", []string{"Jelsma, Martin"}},
		{"Martin Jelsma, Tom Blickman", []string{"Martin Jelsma", "Tom Blickman"}},
		{"Martin Jelsma and Tom Blickman", []string{"Martin Jelsma", "Tom Blickman"}},
		{"Martin Jelsma & Tom Blickman", []string{"Martin Jelsma", "Tom Blickman"}},
		{"A. Pérez; L. Gómez", []string{"A. Pérez", "L. Gómez"}},
		{"Ana Pérez y Luis Gómez", []string{"Ana Pérez", "Luis Gómez"}},
		{"Martin Jelsma, TNI", []string{"Martin Jelsma", "TNI"}},
		{"Felix Schröder und Jörg Soldwisch, dpa", []string{"Felix Schröder", "Jörg Soldwisch", "dpa"}},
		{"Trine Jørgensen og Tôrtia Reimer-Johansen", []string{"Trine Jørgensen", "Tôrtia Reimer-Johansen"}},
		{"Anna de Vries en Piet Jansen", []string{"Anna de Vries", "Piet Jansen"}},
		{"Mathatisi Example/Lineo Sample", []string{"Mathatisi Example", "Lineo Sample"}},
		{"牛镛、岳弘彬", []string{"牛镛", "岳弘彬"}},
		{"Ahmet Örnek ve Ayşe Örnek", []string{"Ahmet Örnek", "Ayşe Örnek"}},
		{"https://example.org/author/x", nil},
	}
	for _, tt := range tests {
		if got := splitAuthors(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitAuthors(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseSeries(t *testing.T) {
	tests := []struct {
		in     string
		series string
		number int
		ok     bool
	}{
		{"Drug Policy Briefing 11", "Drug Policy Briefing", 11, true},
		{"IDPR Drug Policy Briefing No. 11", "Drug Policy Briefing", 11, true},
		{"TNI Drug Policy Briefing 11, March 2005", "Drug Policy Briefing", 11, true},
		{"TNI Drugs & Conflict Debate Papers 10, April 2004", "Drugs & Conflict Debate Papers", 10, true},
		{"Debate Papers No. 10", "Debate Papers", 10, true},
		{"Debate Papers nr. 10", "Debate Papers", 10, true},
		{"Briefing Series", "Briefing Series", 0, true},
		{"TNI Briefing Series", "Briefing Series", 0, true},
		{"Informe sobre Políticas de Drogas n.º 12", "Informe sobre Políticas de Drogas", 12, true},
		{"Informe sobre políticas de drogas nº 12", "Informe sobre políticas de drogas", 12, true},
		{"Informe sobre Políticas de Drogas n° 12", "Informe sobre Políticas de Drogas", 12, true},
		{"Documentos de Debate núm. 3", "Documentos de Debate", 3, true},
		{"Series: Drug Policy Briefing", "Drug Policy Briefing", 0, true},
		{"Working Paper #4", "Working Paper", 4, true},
		{"Drugs and Conflict No. 9", "Drugs and Conflict", 9, true},
		{"Policy Report 2005", "", 0, false}, // a year, not a number
		{"Policy Briefings", "", 0, false},   // a section heading
		{"This report shows that 12", "", 0, false},
		{"The forced eradication policy has failed in 25 years", "", 0, false},
		{"Published 17 November 2005", "", 0, false},
		{"", "", 0, false},
	}
	for _, tt := range tests {
		s, n, ok := parseSeries(tt.in)
		if s != tt.series || n != tt.number || ok != tt.ok {
			t.Errorf("parseSeries(%q) = %q, %d, %v; want %q, %d, %v", tt.in, s, n, ok, tt.series, tt.number, tt.ok)
		}
	}
}

func TestCleanSeries(t *testing.T) {
	tests := []struct {
		in     string
		series string
		number int
	}{
		{"TNI Drug Policy Briefing", "Drug Policy Briefing", 0},
		{"Drug Policy Briefing No. 11", "Drug Policy Briefing", 11},
		{"Drugs and Democracy", "Drugs and Democracy", 0},
	}
	for _, tt := range tests {
		if s, n := cleanSeries(tt.in); s != tt.series || n != tt.number {
			t.Errorf("cleanSeries(%q) = %q, %d; want %q, %d", tt.in, s, n, tt.series, tt.number)
		}
	}
}

func TestCleanTitle(t *testing.T) {
	sites := []string{"International Drug Policy Research", "Transnational Institute (TNI)"}
	tests := []struct{ in, want string }{
		{"Broken Promises | International Drug Policy Research", "Broken Promises"},
		{"Broken Promises - IDPR", "Broken Promises"},
		{"Broken Promises | TNI", "Broken Promises"},
		{"Broken Promises | XYZ", "Broken Promises"}, // a short acronym after " | "
		{"IDPR: Broken Promises", "Broken Promises"},
		{"Transnational Institute: Broken Promises", "Broken Promises"},
		{"Coca: a human issue", "Coca: a human issue"},
		{"Coca - a human issue", "Coca - a human issue"},
		{"Peru - Coca | International Drug Policy Research", "Peru - Coca"},
		{"  Broken   Promises  ", "Broken Promises"},
		{"IDPR", "IDPR"},
	}
	for _, tt := range tests {
		if got := cleanTitle(tt.in, sites...); got != tt.want {
			t.Errorf("cleanTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestKindFor(t *testing.T) {
	tests := []struct {
		series  string
		opinion bool
		want    string
	}{
		{"Drug Policy Briefing", false, KindBriefing},
		{"Informe sobre Políticas de Drogas", false, KindBriefing},
		{"Debate Papers", false, KindPaper},
		{"Policy Report", false, KindPaper},
		{"Documentos de Debate", false, KindPaper},
		{"", true, KindOpinion},
		{"Drug Policy Briefing", true, KindBriefing},
		{"", false, KindDocument},
	}
	for _, tt := range tests {
		if got := kindFor(tt.series, tt.opinion); got != tt.want {
			t.Errorf("kindFor(%q, %v) = %q, want %q", tt.series, tt.opinion, got, tt.want)
		}
	}
}

func TestCutAtWord(t *testing.T) {
	s := "one two three four five"
	if got := cutAtWord(s, 100); got != s {
		t.Errorf("cutAtWord(%q, 100) = %q", s, got)
	}
	if got := cutAtWord(s, 12); got != "one two…" {
		t.Errorf("cutAtWord(%q, 12) = %q, want %q", s, got, "one two…")
	}
	if got := cutAtWord("ééééé", 5); got != "éé…" {
		t.Errorf("cutAtWord cut inside a rune: %q", got)
	}
}

func TestDateFromURL(t *testing.T) {
	for _, tt := range []struct{ url, want string }{
		{"https://example.org/2019/03/14/coca-in-the-andes", "2019-03-14"},
		{"https://example.org/news/2019-03-14-coca-in-the-andes.html", "2019-03-14"},
		{"https://example.org/news/2019_03_14_coca.html", "2019-03-14"},
		{"https://example.org/world/coca-rules-20260701-p60bhj.html", "2026-07-01"},
		{"/publications/2019/03/coca-in-the-andes", "2019-03"},
		{"https://example.org/wp-content/uploads/2005/11/brief.pdf", "2005-11"},
		{"https://example.org/2019/13/40/slug", ""},                     // no such month or day
		{"https://example.org/2019/02/30/slug", "2019-02"},              // no 30 February: the month stands
		{"https://example.org/a-65464327", ""},                          // an article number
		{"https://example.org/news/A2026012914320005196", ""},           // digits run on: an ID
		{"https://example.org/brief?utm_id=20190314", ""},               // the query does not count
		{"https://example.org/2019/brief", ""},                          // a year alone is not a date
		{"https://example.org/reports/1850/03/14/history", ""},          // not a year of ours
		{"https://example.org/a/20190314/b/2018/01/02/c", "2019-03-14"}, // the first
		{"", ""},
		{"://bad url", ""},
	} {
		if got := dateFromURL(tt.url); got != tt.want {
			t.Errorf("dateFromURL(%q) = %q, want %q", tt.url, got, tt.want)
		}
	}
}
