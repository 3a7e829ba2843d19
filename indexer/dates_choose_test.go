package indexer

import "testing"

// Choosing among the head's day, the address's and the body's: the head
// unless the page shows otherwise under its title, and without a head the
// best-placed day.
func TestChoosePageDate(t *testing.T) {
	runPageDates(t, []pageDateCase{
		{"the day under the title beats a head day the page never shows",
			`<meta property="article:published_time" content="2022-01-26T08:00:00+01:00">`,
			`<h1>Touring skis</h1><div class="meta"><time>21.01.2022 - 13:30</time></div>` + para,
			"2022-01-21"},
		{"a Stand line under the title beats a head day the page never shows",
			`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Weapons for Russia","datePublished":"2023-11-06T19:00:00+01:00"}</script>`,
			`<h1>Weapons for Russia</h1><p class="stand small">Stand: 07.11.2023, 07:30 Uhr</p>` + para,
			"2023-11-07"},
		{"a head day the page shows elsewhere stays",
			`<meta property="article:published_time" content="2022-01-26T08:00:00+01:00">`,
			`<h1>Touring skis</h1><div class="meta"><time>21.01.2022 - 13:30</time></div>` + para +
				`<p class="note">Zuerst erschienen am 26.01.2022 in der Printausgabe.</p>`,
			"2022-01-26"},
		{"without an <h1>, the heading the <title> names is the title",
			`<title>Snowflakes with a dog in winter | Dog School</title><meta name="date" content="2022-01-21">`,
			`<div class="logo">Dog School</div><h2>Snowflakes with a dog in winter</h2><p><time itemprop="datePublished">27.01.2022</time></p>` + para,
			"2022-01-27"},
		{"a day just above the headline, in the article's header",
			`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Three macro cases","datePublished":"2022-05-05T21:00:00-05:00"}</script>`,
			`<div class="site"><a href="/">Home</a></div><div class="ArticleHeader"><div class="ArticleHeader-Date">6 May 2022 - 2:00 a. m.</div><h1>Three macro cases</h1></div>` + para,
			"2022-05-06"},
		{"the masthead's day just above the headline is not the article's",
			`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Veterans day","datePublished":"2024-04-25T19:00:00+02:00"}</script>`,
			`<div class="page"><div class="date">Freitag, 26. April 2024, Nr. 98</div><h1>Veterans day</h1>` +
				para + para + para + para + para + para + para + `</div>`,
			"2024-04-25"},
		{"the <title> names the <h2> with other dashes; the header's today above it loses",
			`<title>Column: Queer Royal – On drag on and off the stage</title>`,
			`<div class="top"><time>Mittwoch, 01. November 2023</time><ul><li>Kritiken</li><li>Kolumnen</li><li>Festivals</li><li>Podcast</li></ul>` + para + `</div>` +
				`<h2>Column: Queer Royal - On drag on and off the stage</h2><p><span class="text_datum">31. Oktober 2023.</span> Where does the hatred come from?</p>` + para,
			"2023-10-31"},
		{"with nothing else, the day in the share image's path",
			`<meta property="og:image" content="https://example.org/files/2016/05/04/annual-report-og.png">`,
			`<h1>Annual report 2015</h1>` + para,
			"2016-05-04"},
		{"the page's own day beats the share image's",
			`<meta property="og:image" content="https://example.org/files/2016/05/04/annual-report-og.png">`,
			`<h1>Annual report 2015</h1><p class="date">Published: 12.05.2016</p>` + para,
			"2016-05-12"},
		{"a share image filed by month gives no day",
			`<meta name="twitter:image" content="https://example.org/uploads/2016/05/report.png">`,
			`<h1>Annual report 2015</h1>` + para,
			""},
		{"a day far below the title does not replace the head's",
			`<meta property="article:published_time" content="2022-01-26T08:00:00+01:00">`,
			`<h1>Touring skis</h1>` + para + para + para + para + `<p class="date">21.01.2022</p>`,
			"2022-01-26"},
		{"a caption's date is not the article's",
			`<meta property="article:published_time" content="2026-01-06T13:55:00+01:00">`,
			`<h1>Refinery</h1><figure><figcaption class="caption">The refinery on 21 December 2025.</figcaption></figure>` + para,
			"2026-01-06"},
		{"without a head day: the labelled day beats a date line at the top",
			"", `<h1>Press freedom</h1><p>24.04.2023</p>` + para + para + `<ul><li>Datum 28.04.2023</li></ul>`,
			"2023-04-28"},
		{"without a head day: the day under the title beats the site header's today",
			"", `<div class="top"><span class="date">Donnerstag, 16. Februar 2012</span></div><div class="teaser">` + para + `</div>` +
				`<h1>Berlusconi trial</h1><span class="date">14. Februar 2012</span>` + para,
			"2012-02-14"},
		{"without a head day: an item's own date beats the first <time>, an update",
			"", `<h1>Template</h1><time class="updated" datetime="2018-08-29 14:15:57">2018-08-29 14:15:57</time>` +
				`<time itemprop="datePublished" datetime="2018-06-22 10:20:00">2018-06-22 10:20:00</time>` + para,
			"2018-06-22"},
		{"without a head day: the day the address gives",
			`<link rel="canonical" href="https://example.org/2020/01/13/flood-warning/">`,
			`<h1>Flood warning</h1><span class="date">Tue, 14 Jan 2020</span>` + para,
			"2020-01-13"},
		{"a month in the address gets the body's day, even in another month",
			`<link rel="canonical" href="https://example.org/meldungen/2021/10/migration.html">`,
			`<h1>Migration</h1><p class="date">Stand: 10.11.2021</p>` + para,
			"2021-11-10"},
	})
}
