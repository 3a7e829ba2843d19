package indexer

import "testing"

// A list of other posts gives the page's day only through the page's own
// entry.
func TestSelfLinkDates(t *testing.T) {
	canon := `<link rel="canonical" href="https://example.org/blog/vote-censorship/">`
	runPageDates(t, []pageDateCase{
		{"the page's entry in a recent-posts widget",
			canon, `<h1>Vote censorship</h1>` + para + `<div class="widget widget_recent_entries"><h3>Recent posts</h3><ul>` +
				`<li><a href="http://example.org/blog/vote-censorship/">Vote censorship</a> <span class="post-date">26/10/2018</span></li>` +
				`<li><a href="http://example.org/blog/crossroads/">At the crossroads</a> <span class="post-date">20/10/2018</span></li></ul></div>`,
			"2018-10-26"},
		{"a teaser the link to the page wraps",
			`<link rel="canonical" href="https://example.org/human-rights">`,
			`<h1>Respect human rights</h1>` + para + `<div class="latest"><div class="row"><a href="/belarus-refugees"><div class="teaser"><div class="date">09.11.2021</div><h2>Refugees in Belarus</h2></div></a></div>` +
				`<div class="row"><a href="/human-rights"><div class="teaser"><div class="date">10.11.2021</div><h2>Respect human rights</h2><p>An appeal to the next government for a fair health policy, with six demands on care, on access for the uninsured and on the rights of patients in homes and hospitals, which the association sent to all parties before the talks.</p></div></a></div></div>`,
			"2021-11-10"},
		{"other pages' entries do not date the page",
			canon, `<h1>Vote censorship</h1>` + para + para + para + `<div class="related-posts"><ul>` +
				`<li><a href="http://example.org/blog/crossroads/">At the crossroads</a> <span class="post-date">20/10/2018</span></li></ul></div>`,
			""},
	})
}
