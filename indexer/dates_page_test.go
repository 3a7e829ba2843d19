package indexer

import "testing"

// para is a paragraph long enough to be the page's main text.
const para = `<p>The committee met for three days to weigh the evidence from the regions and agreed on a set of
recommendations that the ministry will answer before the end of the year, after hearing the unions.</p>`

// Dates the page shows or marks up in its body, outside the places the
// top-of-text reader looks: in an article's footer, a post-meta block
// removed as chrome, a byline with the day, after a label.
func TestPageDates(t *testing.T) {
	runPageDates(t, []pageDateCase{
		{"itemprop datePublished in a footer block",
			"", `<h1>Repair café opens</h1>` + para + `<div class="footer"><span class="news-date"><time itemprop="datePublished" datetime="2020-01-27">27.01.2020</time></span></div>`,
			"2020-01-27"},
		{"byline with the day after the text",
			"", `<h1>Climate notes</h1>` + para + `<div class="asset-footer"><div class="asset-meta">Von Christian am 03.05.2013, 11:51 | 0 Meinungen</div></div>`,
			"2013-05-03"},
		{"French byline with the day",
			"", `<h1>Les grenades</h1><footer><p>par Marie Dupont le 29 juin 2019</p></footer>` + para,
			"2019-06-29"},
		{"updated label at the end",
			"", `<h1>Arbeit und Kinder</h1>` + para + `<p class="info">Aktualisiert: 30.12.2016</p>`,
			"2016-12-30"},
		{"weekday in front, in a date header",
			"", `<div class="blog-posts"><h2 class="date-header"><span>Samstag, 5. Oktober 2013</span></h2><h3>Interview</h3>` + para + `</div>`,
			"2013-10-05"},
		{"time in a page header outside the article",
			"", `<header class="entry-meta"><span class="byline"><time class="entry-date" datetime="2020-04-09T07:59:57+02:00">Do 9 Apr 2020</time></span></header><article><h1>Experts in the crisis</h1>` + para + `</article>`,
			"2020-04-09"},
		{"label and date in a definition list",
			"", `<h1>Working with drawings</h1>` + para + `<aside class="blogData"><dl><dt>Datum</dt><dd>12.01.2017</dd></dl></aside>`,
			"2017-01-12"},
		{"dates in comments are not the page's",
			"", `<h1>Open letter</h1>` + para + `<ol class="comments"><li>Anna am 03.05.2013 um 11:51</li></ol>`,
			""},
		{"a month-only address gets the day the page shows",
			`<link rel="canonical" href="https://example.blogspot.com/2013/10/interview.html">`,
			`<div class="date-outer"><h2 class="date-header"><span>Saturday, October 5, 2013</span></h2><h3>Interview</h3>` + para + `</div>`,
			"2013-10-05"},
		{"a UTC timestamp takes the local day the page shows",
			`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Alternative therapies","datePublished":"2019-10-18T22:04:00Z"}</script>`,
			`<h1>Alternative therapies</h1><p><span>Von Claudia Beispiel</span> <span class="infoline-datum">19. Oktober 2019 00:04 Uhr</span></p>` + para,
			"2019-10-19"},
		{"a UTC timestamp takes the day of the address",
			`<meta property="article:published_time" content="2020-02-25T02:25:54+00:00"><link rel="canonical" href="https://example.com/2020/02/24/press-secretary-leaves/">`,
			`<h1>Press secretary leaves</h1>` + para,
			"2020-02-24"},
		{"a UTC timestamp the page shows too stays",
			`<meta property="article:published_time" content="2026-06-30T16:34:54Z"><link rel="canonical" href="https://example.com/news/court-ruling-20260701-p60.html">`,
			`<h1>Court ruling</h1><p><time datetime="2026-06-30T16:34:54.488Z">June 30, 2026 - 4.34pm</time></p>` + para,
			"2026-06-30"},
		{"a blog's posts sit in a widget: its date header still counts",
			`<link rel="canonical" href="https://example.blogspot.com/2015/06/juni.html">`,
			`<div class="widget Blog" id="Blog1"><div class="post-header"><div class="date-header">Freitag, 5. Juni 2015</div></div><h3>Juni</h3>` + para + `</div>`,
			"2015-06-05"},
		{"of two labelled dates, the published one",
			"", `<h1>Rezension</h1>` + para + `<p class="footer">Letzte Änderung: 31.10.2023 - 14:49:39<br>Erschienen am: 01.11.2023</p>`,
			"2023-11-01"},
		{"a UTC morning stamp is not moved to the day before",
			`<meta property="article:published_time" content="2022-05-06T09:30:19+00:00">`,
			`<h1>Blessing of vehicles</h1>` + para + para + para + para + `<p class="date">05.05.2022</p>`,
			"2022-05-06"},
		{"a timestamp with its own offset stays",
			`<meta property="article:published_time" content="2020-06-29T00:16:15+03:00">`,
			`<h1>Night session</h1>` + para + para + para + para + `<p class="date">28.06.2020</p>`,
			"2020-06-29"},
		{"a block classed sidebar that holds the title is the article",
			"", `<div id="sidebar" class="site-content"><header><h1>Experts in the crisis</h1><span class="byline"><time class="entry-date" datetime="2020-04-09T07:59:57+02:00">Do 9 Apr 2020</time></span></header>` + para + `</div>`,
			"2020-04-09"},
		{"a block classed navigation that holds most of the text is the article",
			"", `<div class="with-navigation"><h2>Von Sprachregeln</h2>` + para + para + `<div class="authorBlock"><span class="label">Datum:</span> 19.11.2021<br><span class="label">Autor:</span> Fritz Beispiel</div></div><div class="sidebar"><p class="date">01.12.2021</p></div>`,
			"2021-11-19"},
		{"a date inside the headline",
			"", `<h1>Spectators return<br><small><span class="icon"></span> 02.02.2022 • Verband</small></h1>` + para,
			"2022-02-02"},
		{"a post footer's sentence with the verb after the date",
			"", `<h1>Virtual wall</h1>` + para + `<div class="post-footer">Dieser Artikel wurde am 14. Dezember 2015 um 14:48 von <a href="/author/admin/">Heiner</a> geschrieben und unter <a href="/c/arduino/">Arduino</a>, <a href="/c/elektronik/">Elektronik</a> abgelegt. Die Kommentare können über den RSS-Feed verfolgt werden. Du kannst einen Kommentar schreiben oder einen Trackback auf deiner Seite einrichten.</div>`,
			"2015-12-14"},
		{"a label in a long paragraph of running text is not the page's",
			"", `<h1>Porting to Python 3</h1><p>Version 5.2 of our tool was released on November 5, 2019. It is the first version that supports Python 3, and it took the better part of a decade for the community to get there, with many false starts, some of them ours, which this post goes through one by one.</p>` + para,
			""},
		{"a long first paragraph that opens with its day",
			"", `<h1>Bioenergy protests</h1><p class="lead">The sector says the cap slows the transition.</p><p>29.11.2022 – Mehrfach und vehement hatte die Branche die Nachteile der Abschöpfung kritisiert. ` +
				`Nun liegt der Entwurf vor, und er sieht weiterhin vor, dass Erlöse oberhalb einer Grenze abgeschöpft werden, auch bei kleinen Anlagen, ` +
				`die ihren Strom vor Ort verkaufen. Die Verbände fordern Ausnahmen für Biogas, weil die Kosten der Anlagen stark gestiegen sind und die ` +
				`Betreiber keine Rücklagen mehr haben, um die kommenden Monate zu überstehen.</p>` + para,
			"2022-11-29"},
		{"a paragraph that opens with the day in parentheses",
			"", `<h1>Energy prices</h1><h5><em>Von Leonora Beispiel</em></h5><p>(21. November 2022) Energieverbraucher erhalten eine Preiserhöhung nach der nächsten, und Grundversorger lehnen neue Kunden ab.</p>` + para,
			"2022-11-21"},
		{"a place and a date open a press release",
			"", `<h1>Food programme</h1><p>Berlin, 25. Januar 2022: Die künftige Zusammenarbeit mit dem Welternährungsprogramm wird ausgebaut, sagte die Ministerin.</p>` + para,
			"2022-01-25"},
		{"a lead classed teaser just under the title is the article's",
			"", `<div class="intro"><h1>Food programme</h1><div class="page-teaser-text"><p>Pressemitteilung vom 25. Januar 2022 | Berlin – Die künftige Zusammenarbeit wird ausgebaut.</p></div></div>` + para,
			"2022-01-25"},
		{"a date in a sentence is no dateline",
			"", `<h1>Court ruling</h1><p>On 3 May 2021 the court ruled that the ban was lawful, and the government welcomed it in a statement that the opposition called hasty.</p>` + para,
			""},
	})
}

// pageDateCase is a page of our own and the day it should get.
type pageDateCase struct{ name, head, body, want string }

// runPageDates extracts each page and checks its date.
func runPageDates(t *testing.T, tests []pageDateCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := extractOne(t, page(tt.head, tt.body))
			if rec.Date != tt.want {
				t.Errorf("date = %q, want %q", rec.Date, tt.want)
			}
		})
	}
}

func TestHasLabel(t *testing.T) {
	tests := []struct {
		before string
		labels []string
		want   bool
	}{
		{"veröffentlicht am freitag, ", publishedLabels, true},
		{"stand: ", updatedLabels, true},
		{"posted on ", publishedLabels, true},
		{"last edited ", updatedLabels, true},
		{"mise en ligne ", publishedLabels, true},
		{"pressemitteilung vom ", publishedLabels, true},
		{"the minister said the date of the vote was ", publishedLabels, false},
		{"", publishedLabels, false},
	}
	for _, tt := range tests {
		if got := hasLabel(tt.before, tt.labels); got != tt.want {
			t.Errorf("hasLabel(%q) = %v, want %v", tt.before, got, tt.want)
		}
	}
}

func TestLeadDate(t *testing.T) {
	tests := []struct{ text, want string }{
		{"29.11.2022 – Mehrfach hatte die Branche gewarnt", "2022-11-29"},
		{"(21. November 2022) Energieverbraucher erhalten", "2022-11-21"},
		{"Berlin, 3. Mai 2021: Die Regierung", "2021-05-03"},
		{"14.03.2019, 11:51 Uhr - Der Rat", "2019-03-14"},
		{"Pressemitteilung vom 25. Januar 2022 | Berlin – Die", "2022-01-25"},
		{"Am 3. Mai 2021 hat der Rat beschlossen", ""},
		{"29.11.2022 Mehrfach hatte die Branche gewarnt", ""},
		{"Die Branche hatte schon lange vor dem Winter und zuletzt am 29.11.2022 – gewarnt", ""},
		{"März 2022 – Monatsbericht", ""},
	}
	for _, tt := range tests {
		if got := leadDate(tt.text); got != tt.want {
			t.Errorf("leadDate(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestLocalDayOf(t *testing.T) {
	tests := []struct {
		utcDay string
		hour   int
		local  string
		want   bool
	}{
		{"2021-11-04", 23, "2021-11-05", true},  // Europe after midnight
		{"2020-02-25", 2, "2020-02-24", true},   // American evening
		{"2022-05-06", 9, "2022-05-05", false},  // no publisher is that far west
		{"2022-05-06", 12, "2022-05-07", false}, // nor that far east
		{"2022-05-06", 23, "2022-05-08", false}, // two days is not a time zone
	}
	for _, tt := range tests {
		if got := localDayOf(tt.utcDay, tt.hour, tt.local); got != tt.want {
			t.Errorf("localDayOf(%s, %d, %s) = %v, want %v", tt.utcDay, tt.hour, tt.local, got, tt.want)
		}
	}
}
