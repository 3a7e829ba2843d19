package indexer

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxNesting caps element nesting before parsing. x/net/html refuses
// documents whose open-element stack passes 512 and returns no tree at all,
// so deeper tags are dropped (their text kept) to still read such a page.
const maxNesting = 256

// extractHTML turns an HTML document into its record and, for a listing
// page, one reference record per entry (IDs and hashes are set by the
// caller).
func extractHTML(src string) (Record, []Record) {
	root, err := html.Parse(strings.NewReader(limitNesting(src)))
	if err != nil || root == nil {
		return extractHTMLTokens(src), nil
	}
	p := newPage(root)
	return p.extract()
}

// htmlPage holds one parsed HTML document while it is read.
type htmlPage struct {
	root, body *html.Node
	doc        *goquery.Document
	head       headMeta
	textLen    map[*html.Node]int
	main       *html.Node
	title      *html.Node // the visible title (h1), if any
	titleText  string     // its text without kicker and hidden parts
	logos      []string   // the site's names its logo headings give
	newsTyped  bool       // a JSON-LD node calls the page a news article
	blocks     []textBlock
	groups     [][]*html.Node     // listing entries, in document order
	marks      []authorMark       // author-marked elements, read before chrome removal
	rawLen     map[*html.Node]int // text lengths before chrome removal
	rawTexts   []string           // the visible text nodes before chrome removal
}

func newPage(root *html.Node) *htmlPage {
	p := &htmlPage{root: root, doc: goquery.NewDocumentFromNode(root)}
	p.body = findFirst(root, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	if p.body == nil {
		p.body = root
	}
	return p
}

func (p *htmlPage) extract() (Record, []Record) {
	p.head = readHead(p.doc)
	p.newsTyped = p.typedNews()
	removeNavigation(p.body)
	p.rawLen = textLengths(p.body, 0)
	p.marks = p.authorMarks()
	pageDates := p.pageDates()
	p.removeChrome(p.rawLen)
	p.textLen = textLengths(p.body, len(p.rawLen))
	p.main = p.chooseMain()
	p.title, p.titleText, p.logos = p.chooseHeading(p.head.metaTitles())
	p.groups = findListing(p.main, p.textLen)
	entryOf := map[*html.Node]int{}
	for i, item := range flattenGroups(p.groups) {
		entryOf[item] = i
	}
	p.blocks = flatten(p.body, p.main, entryOf)

	vis := p.visibleMeta()
	rec, opinion := resolve(p.head.sources(), vis)
	head, _ := resolve(p.head.sources(), shownMeta{})
	pageDates.cands = outsideEntries(pageDates.cands, flattenGroups(p.groups))
	rec.Date = pageDates.choose(dateSources{head: head.Date, utcHour: p.head.utcHour(head.Date),
		url: dateFromURL(p.head.citation.URL), time: p.timeElement(), shown: vis.Date, image: imageDay(&p.head)})
	rec.Year = yearOf(rec.Date)
	rec.Authors = pickAuthors(append(p.head.sources(), vis.metaFields), vis.nameLine,
		append(p.head.siteNames(), p.head.otherSites...), p.head.news)
	rec.Authors = p.unseenAuthors(rec.Authors, vis.Authors, rec.Series)
	rec.Families = authorFamilies(rec.Authors, metaFamilies(p.doc))
	rec.Title = p.titleSources(vis.Title, rec.URL).pick()
	rec.Paragraphs, rec.Kinds = p.paragraphs(rec.Title)
	rec.Title = docTitle(rec.Title, rec.Paragraphs)
	rec.Abstract = firstNonEmpty(p.head.abstract(), firstParagraph(rec.Paragraphs, vis.metaLines))
	if rec.Language == "" {
		rec.Language = DetectLanguage(rec.Title + "\n" + rec.Abstract + "\n" + rec.Text())
	}
	rec.Countries = mergeCountries(p.head.countries(vis), Countries(rec.Title, rec.Abstract, rec.Paragraphs))
	rec.Kind = kindFor(rec.Series, opinion || p.head.opinion || p.opinionClass())

	var refs []Record
	if len(p.groups) > 0 {
		rec.Kind = KindPage
		// A listing page is an overview, not a publication: a series line
		// near its top names what it lists, not what it is.
		if vis.Series != "" && rec.Series == vis.Series && p.head.series() == "" {
			rec.Series, rec.Number = "", 0
		}
		refs = p.references(rec.Language)
	}
	return rec, refs
}
