// Package indexer turns files on disk into Records, the unit the search
// index stores.
//
// # Records
//
// A Record is one searchable document: a title, authors, a date as precise
// as the source gives ("2005", "2005-03" or "2005-03-14") and its year, a
// series and number ("Drug Policy Briefing", 11), countries, a language
// (ISO 639-1), an abstract, the main text as paragraphs, and where it came
// from (Source, URL, PDFURL, Hash). Its ID is derived from the file's path
// relative to the ingest root (see IDFromPath), so ingesting the same folder
// twice yields the same records. Files whose plain IDs clash (x.html and
// x.pdf, genindex.html and genindex-_.html, index.html in two roots) each
// get an ID of their own (see assignIDs): no file is lost to another's ID.
//
// Excluded files (exclude.go: version-control and dependency folders, OS
// junk, documentation build leftovers such as Sphinx's _sources/, a root's
// .briefsignore, Options.Exclude) are not read and are counted in
// Report.Excluded.
//
// Kind says what a record is: "briefing" when its series is a Briefing or
// an Informe, "paper" for a Paper, Report or Documento series, "opinion"
// when the page labels itself Opinion, Commentary or Op-ed, "document"
// otherwise. A listing page (a page whose main area lists at least three
// publications, each with a title and a series number or a date) is one
// "page" record for its overview text plus one "reference" record per
// entry, with IDs "<page id>-ref-<n>" and Parent set to the page. Web
// pages (listing.go) and pages saved as text or Markdown (listing_text.go)
// are split alike; entry.go reads an entry's authors, title, series,
// number and date in the forms entries are written in.
//
// # Formats
//
// Walk reads .html, .htm, .xhtml, .txt, .md and .pdf files, each
// optionally gzipped (.gz, decompressed up to Options.MaxFileSize). PDFs
// are read page by page (pdf.go): each paragraph carries its page number.
// A web page and the PDF it links to (by citation_pdf_url or a link in its
// main text named like a PDF file of the walk) become one record: the
// page's metadata with the PDF's text (merge.go), unless their titles show
// they are different documents. Walk therefore reads every other file
// first and the PDFs that no page claimed last. Other files are
// ignored and counted; symbolic links are not followed, so a walk never
// leaves its root.
//
// HTML is decoded from its declared charset (a BOM, <meta charset> or
// http-equiv Content-Type), else as UTF-8 with stray invalid bytes read as
// windows-1252. Page furniture is removed (scripts, styles, navigation,
// headers, footers, sidebars, forms and anything whose class, id, role or
// aria-label names a cookie banner, share buttons, a menu, a newsletter box,
// related links or comments), then the main container is chosen: a single
// <article>, else <main> or [role=main], else a content-classed element,
// else the element with the most paragraph text. Each paragraph, list item,
// heading, quotation, table row or run of text between blocks (a double
// <br> ends one) becomes one paragraph.
//
// Plain text and Markdown may start with a header block ("Title:",
// "Authors:", "Date:", "Series:", "Number:", "Country:", "Language:",
// "Abstract:", "URL:" ... ended by a blank line; Markdown may use YAML front
// matter instead). Without one, the title is the first "#" heading
// (Markdown) or the first non-empty line. Paragraphs are split at blank
// lines; Markdown markup is removed.
//
// # Where metadata comes from
//
// Each field is taken from the most trusted source that has it:
//
//  1. Highwire Press citation_* meta tags (what Google Scholar reads);
//  2. schema.org JSON-LD (Report, ScholarlyArticle, Article, ... also in
//     @graph); authors typed Organization count only on news articles
//     (NewsArticle and its kinds), where they are newsroom or agency
//     bylines;
//  3. Dublin Core (DC.* and dcterms.*);
//  4. OpenGraph (og:*, article:*);
//  5. plain meta tags (author, description), <time datetime>, <html lang>,
//     Content-Language;
//  6. the visible text near the title: the <h1> (else <title>), a byline
//     ("By A and B", "Authors: A; B", "Por A y B"), a dateline in English or
//     Spanish ("17 November 2005", "14 de marzo de 2005"), a series line
//     ("IDPR Drug Policy Briefing No. 11", "Informe ... n.º 12").
//
// When sources agree on a date at different precisions, the most precise
// is kept. Titles lose a site-name suffix or prefix ("Title | Institute");
// author names are normalised ("Surname, Given" becomes "Given Surname",
// ALL CAPS becomes title case, organisations are dropped when people are
// listed); series lose a leading publisher acronym and their number.
// Countries given explicitly (DC.coverage, JSON-LD spatialCoverage, a
// "Country:" line) come first, followed by the ones Countries finds central
// in the title, abstract and text. The language is the declared one, else
// DetectLanguage's guess. The abstract is the declared description, else
// the first real paragraph cut at about 400 characters.
//
// A sidecar beside a document (name.json, name.yaml or name.yml, same name
// without extension) overrides any field it sets, using Record's JSON keys;
// its countries replace the detected ones, and the kind follows a series it
// sets unless it sets the kind too. The record's Hash covers the document
// and its sidecar.
//
// # What is skipped, and why
//
// A bad file never stops a walk and never panics the extractor; Walk
// reports it in Report.Skipped with a reason and goes on:
//
//   - "empty file": nothing but white space;
//   - "not a text file": a binary signature, NUL bytes or mostly control
//     characters (an image or a PDF renamed .html);
//   - "no text": neither a title nor any text once the furniture is gone;
//   - "cannot read: ...": the file could not be opened or read;
//   - "bad gzip: ...": a .gz file that is not gzip;
//   - "sidecar x.json: ...": a sidecar that is not valid JSON/YAML or sets
//     a field to a wrong value (the document would carry wrong metadata);
//   - "same id ... as ...": two files whose paths give the same ID
//     ("a.html" and "a.txt"); the first read wins (lexical order, PDFs
//     last);
//   - "symbolic link not followed".
//
// Other problems are repaired and reported in Report.Warnings: files larger
// than Options.MaxFileSize (64 MiB by default) are read up to the cap, a gz
// bomb is cut at the cap, a truncated gzip stream gives what it holds.
// Invalid UTF-8 is repaired, U+FFFD and control characters are removed (the
// search highlighter drops fragments holding U+FFFD), truncated or
// malformed HTML gives what is there, and nesting deeper than the HTML
// parser accepts (512 open elements) is flattened, keeping the text.
package indexer
