package web

import (
	"html/template"
	"net/http"
	"strconv"

	"github.com/briefs/briefs/search"
)

// Page data: one typed struct per template, each embedding basePage, so a
// misspelt field fails the render tests instead of rendering empty.

// basePage is what the layout needs on every page.
type basePage struct {
	Title   string
	Version string
	// Box is the text in the header's search box; Hidden are the filters
	// the header form carries along, so a new query keeps them.
	Box    string
	Hidden []hiddenField
	// Head is page-specific metadata for <head>.
	Meta      []metaTag
	Canonical string
	JSONLD    any // marshalled by html/template inside <script type="application/ld+json">
	// Nav marks the current section in the header ("search", "doc").
	Nav string
}

type hiddenField struct{ Name, Value string }

type metaTag struct{ Name, Content string }

func (s *Server) base(r *http.Request, title string) basePage {
	return basePage{Title: title, Version: s.cfg.Version, Box: r.URL.Query().Get(paramQ)}
}

// searchPage is "/" and "/search".
type searchPage struct {
	basePage
	facets     []string // the facets shown, in order (Config.Facets); nil: the default
	Query      search.Query
	QueryError string
	Results    *search.Results
	// Landing is true for the empty query: corpus overview and recent
	// documents instead of a result list.
	Landing bool
	Recent  []hitView

	Hits []hitView
	// PartialHits follow Hits under PartialHeading: records holding only
	// some of the words of a short query (search.Results.More).
	PartialHits    []hitView
	PartialHeading string
	Facets         []facetGroup
	Chips          []chip
	ClearURL       string
	Chart          *yearChart
	YearFrom       string
	YearTo         string
	Pager          *pager
	Sorts          []sortLink
	Exports        []link
	FeedURL        string
	CompareURL     string // the trends page for this search
	APIURL         string
	Suggestion     *link
	// Relax lists one link per active filter (and the text), each removing
	// it; shown when nothing matched.
	Relax     []chip
	FormState []hiddenField // what the facet form carries besides its inputs
	Stats     *corpusStats
	Select    *selection // hits selected for export (cite.go)
	PastEnd   *pastEnd   // the page asked for is past the last one (edges.go)
	// SyntaxHint adds the hint on quotes and parentheses to a query error:
	// only syntax errors get it.
	SyntaxHint bool
}

type hitView struct {
	search.Hit
	URL          string
	KindLabel    string
	SeriesLabel  string // "Drug Policy Briefing No. 12"
	SeriesURL    string // narrows the search to this series, if not already
	CountryLinks []link // each narrows to that country, if not already
	LanguageName string // "Spanish"
	DateLabel    string // "14 March 2005"
	Snippets     []snippetView
	ParentURL    string
	// The Cite panel (cite.go): three rich formats, downloads, the page
	// with all six, and whether the hit is selected for export.
	CiteURL   string
	Cites     []citeBlock
	Downloads []link
	Selected  bool
	Versions  []link // the other versions of its work (versions.go)
}

type snippetView struct {
	HTML template.HTML // search's trusted snippet HTML
	URL  string
	Page int
}

type facetGroup struct {
	Field   string
	Label   string
	Values  []facetItem
	MoreURL string // "show more" when values were cut
	Missing int
}

type facetItem struct {
	Value    string
	Label    string
	Count    int
	Selected bool
	ID       string // the checkbox's id, for its <label>
}

type chip struct {
	Label     string // "Country: Peru"
	RemoveURL string
}

type link struct {
	Label string
	URL   string
}

type sortLink struct {
	Label   string
	URL     string
	Current bool
}

type pager struct {
	Prev, Next string
	Pages      []pageLink
	Current    int
	Last       int
}

type pageLink struct {
	N       int
	URL     string
	Current bool
	Gap     bool // an ellipsis between windows
}

type corpusStats struct {
	Documents uint64
	FirstYear int
	LastYear  int
	Series    int
	Countries int
	Authors   int
	Languages int
}

// docPage is "/doc/{id}".
type docPage struct {
	basePage
	Record     search.Record
	Query      search.Query
	KindLabel  string
	Info       []metaRow
	Groups     []paraGroup
	Part       *partNav // nil when the text comes in one part
	Prev, Next *refLink
	Langs      []refLink
	References []refLink
	Parent     *refLink
	FullText   *refLink  // for a listing entry: the work's full text in the index
	ListedOn   []refLink // the listing pages naming this work
	Copies     []refLink // other versions: copies in other files or formats
	Cites      []citeBlock
	Passage    *passageCitation
	SearchURL  string // the search this page was reached from, if any
	Permalink  string
}

type metaRow struct {
	Label string
	Value string
	Links []link // when set, shown instead of Value
}

// partNav links the parts of a long document's text.
type partNav struct {
	N, NextN, Of     int
	PrevURL, NextURL string
}

// paraGroup is a run of paragraphs; for PDFs one per page.
type paraGroup struct {
	Page  int    // 0 when the document has no pages
	ID    string // "page-7"
	Paras []para
}

type para struct {
	N       int
	ID      string // "p12"
	HTML    template.HTML
	CiteURL string
	Cited   bool
	Shape   paraShape // heading, code, list item… (structure.go)
}

type refLink struct {
	search.Ref
	URL   string
	Label string
}

type citeBlock struct {
	ID    string // "cite-apa"
	Label string
	Text  string        // plain text
	HTML  template.HTML // the rich text (italics) of APA, Chicago and MLA; see richCite
}

// errorPage is every error, 4xx and 5xx.
type errorPage struct {
	basePage
	Status  int
	Message string
}

func (e errorPage) StatusText() string {
	return strconv.Itoa(e.Status) + " " + http.StatusText(e.Status)
}
