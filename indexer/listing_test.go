package indexer

import (
	"reflect"
	"strings"
	"testing"
)

const listingPage = `<html><head><title>Coca in Bolivia - API</title></head><body>
<div id="left"><div class="box"><h3>Recent publications</h3><ul>
<li><a href="/a">Something about Colombia and its conflict</a> Drug Policy Briefing 13, January 2006</li>
<li><a href="/b">Something else entirely here</a> Drug Policy Briefing 12, December 2005</li>
<li><a href="/c">A third recent publication</a> Drug Policy Briefing 11, March 2005</li>
</ul></div></div>
<div id="content">
<h1>Coca in Bolivia</h1>
<p>12 October 2006</p>
<p>Bolivia is the third largest coca producer. The government has promised a different policy on coca, based on the rights of the growers.</p>
<h2>Our work on coca in Bolivia</h2>
<ul>
<li>Hugo Mamani <a href="/h">The Coca Leaf and Its Defenders</a> API Website, 22 June 2006</li>
<li>Rosa Vargas Opinion: <a href="/r">A New Law for the Coca Growers</a> API Website, 19 June 2006</li>
<li><a href="/p"><img src="c.jpg" alt="Cover"></a><a href="/p">Broken Promises in the Chapare</a><br>API Drug Policy Briefing 11, March 2005<br>The eradication policy in the Chapare has failed. Social conflict has grown, while Bolivian growers lose their income.</li>
<li><a href="/d">Coca or Hunger? Growers' movements in Bolivia and Peru</a><br>API Drugs &amp; Conflict Debate Papers 10, April 2004<br>This issue analyses the peasant organisations in both countries and their negotiations with governments.</li>
<li><a href="/more">More publications</a></li>
</ul>
</div></body></html>`

func TestListingPage(t *testing.T) {
	recs, err := Extract("pages/bolivia.html", []byte(listingPage), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 5 {
		t.Fatalf("%d records, want the page and 4 references", len(recs))
	}
	pg := recs[0]
	if pg.Kind != KindPage || pg.Title != "Coca in Bolivia" || pg.Date != "2006-10-12" || pg.Series != "" {
		t.Errorf("page: Kind, Title, Date, Series = %q, %q, %q, %q", pg.Kind, pg.Title, pg.Date, pg.Series)
	}
	if strings.Contains(pg.Text(), "Something about Colombia") || strings.Contains(pg.Text(), "Chapare") {
		t.Errorf("page text holds the sidebar or the entries: %q", pg.Paragraphs)
	}
	type ref struct {
		ID, Title string
		Authors   []string
		Date      string
		Series    string
		Number    int
		Countries []string
		URL       string
	}
	want := []ref{
		{"pages-bolivia-ref-1", "The Coca Leaf and Its Defenders", []string{"Hugo Mamani"}, "2006-06-22", "", 0, nil, "/h"},
		{"pages-bolivia-ref-2", "A New Law for the Coca Growers", []string{"Rosa Vargas"}, "2006-06-19", "", 0, nil, "/r"},
		{"pages-bolivia-ref-3", "Broken Promises in the Chapare", nil, "2005-03", "Drug Policy Briefing", 11, []string{"Bolivia"}, "/p"},
		{"pages-bolivia-ref-4", "Coca or Hunger? Growers' movements in Bolivia and Peru", nil, "2004-04", "Drugs & Conflict Debate Papers", 10, []string{"Bolivia", "Peru"}, "/d"},
	}
	for i, w := range want {
		r := recs[i+1]
		got := ref{r.ID, r.Title, r.Authors, r.Date, r.Series, r.Number, r.Countries, r.URL}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("reference %d =\n%+v\nwant\n%+v", i+1, got, w)
		}
		if r.Kind != KindReference || r.Parent != "pages-bolivia" || r.Source != "pages/bolivia.html" || r.Language != "en" || r.Year == 0 {
			t.Errorf("reference %d: Kind, Parent, Source, Language, Year = %q, %q, %q, %q, %d", i+1, r.Kind, r.Parent, r.Source, r.Language, r.Year)
		}
	}
	if !strings.HasPrefix(recs[3].Abstract, "The eradication policy in the Chapare has failed.") {
		t.Errorf("reference 3 Abstract = %q", recs[3].Abstract)
	}
}

func TestListingStructures(t *testing.T) {
	tests := []struct {
		name string
		body string
		refs int
	}{
		{"divs with headings and meta", `<main><h1>Publications</h1><p>Our papers.</p>` + strings.Repeat(`<div class="pub"><h3><a href="/x">A Paper About Coca Policy</a></h3><p class="meta">Debate Papers 3 · May 2004</p><p>An abstract of the paper.</p></div>`, 4) + `</main>`, 4},
		{"table rows", `<main><h1>Publications</h1><table>` + strings.Repeat(`<tr><td><a href="/x">A Paper About Coca Policy</a></td><td>12 May 2004</td></tr>`, 3) + `</table></main>`, 3},
		{"time elements", `<main><h1>Publications</h1><ul>` + strings.Repeat(`<li><a href="/x">A Paper About Coca Policy</a> <time datetime="2004-05-12">last spring</time></li>`, 3) + `</ul></main>`, 3},
		{"sections of lists: inner lists win", `<main><h1>Publications</h1>` + strings.Repeat(`<section><h2>Group</h2><ul>`+strings.Repeat(`<li><a href="/x">A Paper About Coca Policy</a> Drug Policy Briefing 4, 2004 May</li>`, 3)+`</ul></section>`, 3) + `</main>`, 9},
		{"two entries are not a listing", `<main><h1>Doc</h1><p>Text of a document, long enough to be the main text of the page.</p><ul>` + strings.Repeat(`<li><a href="/x">A Paper About Coca Policy</a>, March 2005</li>`, 2) + `</ul></main>`, 0},
		{"links without dates are not a listing", `<main><h1>Doc</h1><p>Text of a document, long enough to be the main text.</p><ul>` + strings.Repeat(`<li><a href="/x">A Paper About Coca Policy</a></li>`, 5) + `</ul></main>`, 0},
		{"recent box in main is not a listing", `<main><h1>Doc</h1><p>Text of a document, long enough to be the main text.</p><div><h3>Latest publications</h3><ul>` + strings.Repeat(`<li><a href="/x">A Paper About Coca Policy</a>, March 2005</li>`, 4) + `</ul></div></main>`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, err := Extract("p.html", []byte(page("", tt.body)), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := len(recs) - 1; got != tt.refs {
				t.Errorf("%d references, want %d", got, tt.refs)
			}
			if tt.refs > 0 && recs[0].Kind != KindPage {
				t.Errorf("Kind = %q, want page", recs[0].Kind)
			}
			if tt.refs == 0 && recs[0].Kind == KindPage {
				t.Errorf("Kind = page, want a document")
			}
		})
	}
}

func TestEntryNames(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Hugo Mamani", []string{"Hugo Mamani"}},
		{"Rosa Vargas Opinion:", []string{"Rosa Vargas"}},
		{"Martin Jelsma and Pien Metaal:", []string{"Martin Jelsma", "Pien Metaal"}},
		{"Cover", nil},
		{"Jelsma, Martin", []string{"Martin Jelsma"}},
		{"New!", nil},
		{"Read the 2005 paper", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := entryNames(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("entryNames(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestListingEntryDateFromURL(t *testing.T) {
	src := `<html><head><title>Publications</title></head><body><div id="content">
<h1>Publications</h1>
<ul>
<li><a href="/2019/03/14/coca-in-the-andes">Coca in the Andes: a briefing on growers</a><br>Drug Policy Briefing 30</li>
<li><a href="/publications/2018/07/hunger">Hunger and coca in the Chapare region</a><br>Drug Policy Briefing 29, July 2018</li>
<li><a href="/publications/peru-2017">Peru and the eradication campaign of 2017</a><br>Drug Policy Briefing 28, 5 May 2017</li>
</ul></div></body></html>`
	recs, err := Extract("pages/pubs.html", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var dates []string
	for _, r := range recs[1:] {
		dates = append(dates, r.Date)
	}
	if want := []string{"2019-03-14", "2018-07", "2017-05-05"}; !reflect.DeepEqual(dates, want) {
		t.Errorf("entry dates = %q, want %q (from the link, the text, the text)", dates, want)
	}
}
