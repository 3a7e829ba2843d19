package indexer

import (
	"bytes"
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
)

// JSON-LD: the page's schema.org nodes, read leniently, of any CreativeWork type.

// isNewsType reports whether a schema.org type is a news article: its
// author may be a newsroom, desk or agency rather than a person.
func isNewsType(typ string) bool {
	switch strings.ToLower(typ) {
	case "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "backgroundnewsarticle",
		"opinionnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "liveblogposting":
		return true
	}
	return false
}

// Types we read, best first. An article-like node beats a WebPage.
var jsonldRank = map[string]int{
	"report": 1, "scholarlyarticle": 1, "article": 2, "newsarticle": 2, "blogposting": 2,
	"opinionnewsarticle": 1, "analysisnewsarticle": 2, "reportagenewsarticle": 2, "backgroundnewsarticle": 2,
	"techarticle": 2, "book": 2, "chapter": 2, "thesis": 2, "creativework": 3, "publicationissue": 3,
	"socialmediaposting": 3, "webpage": 4, "itempage": 4, "aboutpage": 4, "collectionpage": 4,
}

// readJSONLD reads one <script type="application/ld+json">: an object, an
// array or an @graph. Broken JSON is ignored: it is common and the page's
// other metadata still counts.
func readJSONLD(h *headMeta, src string) {
	var v any
	dec := json.NewDecoder(bytes.NewReader([]byte(strings.TrimSpace(src))))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return
	}
	var nodes []map[string]any
	byID := map[string]map[string]any{}
	var collect func(v any, depth int)
	collect = func(v any, depth int) {
		if depth > 8 {
			return
		}
		switch t := v.(type) {
		case []any:
			for _, e := range t {
				collect(e, depth+1)
			}
		case map[string]any:
			if id, ok := t["@id"].(string); ok && len(t) > 1 {
				byID[id] = t
			}
			if _, ok := t["@type"]; ok {
				nodes = append(nodes, t)
			}
			if g, ok := t["@graph"]; ok {
				collect(g, depth+1)
			}
		}
	}
	collect(v, 0)
	var best map[string]any
	bestRank := 99
	for _, n := range nodes {
		for _, typ := range jsonStrings(n["@type"]) {
			if r, ok := jsonldRank[strings.ToLower(typ)]; ok && r < bestRank {
				best, bestRank = n, r
			}
		}
	}
	if best == nil {
		jsonldAnyDate(h, nodes)
		return
	}
	if bestRank == 4 {
		if me, ok := deref(best["mainEntity"], byID).(map[string]any); ok {
			for _, typ := range jsonStrings(me["@type"]) {
				if r, ok := jsonldRank[strings.ToLower(typ)]; ok && r < 4 {
					best, bestRank = me, r
				}
			}
		}
	}
	if h.jsonld.Title != "" {
		if h.jsonldRank <= 2 || bestRank > 2 {
			// An earlier script already gave us the article. Sites that
			// emit two (a SEO plugin's graph and their own) sometimes name
			// the author only in the second.
			if len(h.jsonld.Authors) == 0 && len(h.jsonld.Orgs) == 0 && bestRank < 4 {
				var newsroom bool
				h.jsonld.Authors, h.jsonld.Orgs, newsroom = jsonPeople(best["author"], byID)
				h.news = h.news || newsroom
			}
			return
		}
		// The earlier script described the page; this one holds the
		// article, which replaces what the page gave.
		h.jsonld, h.jsonldDesc, h.jsonldSpatial = metaFields{}, "", nil
	}
	h.jsonldRank = bestRank
	for _, typ := range jsonStrings(best["@type"]) {
		if strings.EqualFold(typ, "OpinionNewsArticle") {
			h.opinion = true
		}
	}
	if isOpinionLabel(firstString(best["articleSection"])) {
		h.opinion = true
	}
	j := &h.jsonld
	j.Title = collapse(firstNonEmpty(firstString(best["headline"]), firstString(best["name"])))
	var newsroom bool
	j.Authors, j.Orgs, newsroom = jsonPeople(best["author"], byID)
	if len(j.Authors) == 0 && len(j.Orgs) == 0 {
		j.Authors, j.Orgs, newsroom = jsonPeople(best["creator"], byID)
	}
	j.personTyped = true
	h.news = newsroom
	for _, typ := range jsonStrings(best["@type"]) {
		h.news = h.news || isNewsType(typ)
	}
	j.Date = h.stamp(firstNonEmpty(firstString(best["datePublished"]), firstString(best["dateCreated"])))
	for _, part := range jsonList(best["isPartOf"]) {
		part = deref(part, byID)
		switch t := part.(type) {
		case string:
			if !strings.Contains(t, "/") {
				j.Series, j.Number = cleanSeries(t)
			}
		case map[string]any:
			skip := false
			for _, typ := range jsonStrings(t["@type"]) {
				switch strings.ToLower(typ) {
				case "website", "webpage", "organization", "collectionpage":
					skip = true
				}
			}
			if name := firstString(t["name"]); !skip && name != "" && j.Series == "" {
				j.Series, j.Number = cleanSeries(name)
				if n := parseNumber(firstNonEmpty(jsonScalar(t["issueNumber"]), jsonScalar(t["volumeNumber"]))); n > 0 && j.Number == 0 {
					j.Number = n
				}
			}
		}
	}
	if n := parseNumber(firstNonEmpty(jsonScalar(best["reportNumber"]), jsonScalar(best["issueNumber"]))); n > 0 {
		j.Number = n
	}
	switch lang := best["inLanguage"].(type) {
	case map[string]any:
		j.Language = NormalizeLanguage(firstNonEmpty(firstString(lang["alternateName"]), firstString(lang["name"])))
	default:
		j.Language = NormalizeLanguage(firstString(lang))
	}
	h.jsonldDesc = firstNonEmpty(firstString(best["description"]), firstString(best["abstract"]))
	switch pub := deref(best["publisher"], byID).(type) {
	case map[string]any:
		j.Publisher = collapse(firstString(pub["name"]))
	default:
		j.Publisher = collapse(firstString(pub))
	}
	if kw, ok := best["keywords"].(string); ok {
		j.Keywords = splitKeywords(kw)
	} else {
		j.Keywords = splitKeywords(jsonStrings(best["keywords"])...)
	}
	for _, sc := range jsonList(best["spatialCoverage"]) {
		sc = deref(sc, byID)
		var name string
		switch t := sc.(type) {
		case string:
			name = t
		case map[string]any:
			name = firstString(t["name"])
			if name == "" {
				if addr, ok := t["address"].(map[string]any); ok {
					name = firstString(addr["addressCountry"])
				}
			}
		}
		h.jsonldSpatial = append(h.jsonldSpatial, splitCountries(name)...)
	}
	if u := firstString(best["url"]); strings.HasPrefix(u, "http") {
		j.URL = u
	}
}

// jsonPeople reads an author value: a string, an object with a name (or
// given and family names), or an array of either. Objects typed
// Organization come back apart, as orgs; news says one was typed
// NewsMediaOrganization.
func jsonPeople(v any, byID map[string]map[string]any) (people, orgs []string, news bool) {
	for _, e := range jsonList(v) {
		e = deref(e, byID)
		switch t := e.(type) {
		case string:
			people = append(people, splitAuthors(t)...)
		case []any:
			// A list nested in the list: read its names too.
			p, o, n := jsonPeople(t, byID)
			people, orgs, news = append(people, p...), append(orgs, o...), news || n
		case map[string]any:
			isOrg := false
			for _, typ := range jsonStrings(t["@type"]) {
				typ = strings.ToLower(typ)
				isOrg = isOrg || strings.Contains(typ, "organization")
				news = news || typ == "newsmediaorganization"
			}
			name := firstString(t["name"])
			if name == "" {
				name = strings.TrimSpace(firstString(t["givenName"]) + " " + firstString(t["familyName"]))
			}
			switch {
			case name == "":
			case isOrg:
				orgs = append(orgs, collapse(name))
			default:
				// One "name" sometimes holds several ("A und B, dpa").
				people = append(people, splitAuthors(name)...)
			}
		}
	}
	return people, orgs, news
}

func deref(v any, byID map[string]map[string]any) any {
	if m, ok := v.(map[string]any); ok && len(m) == 1 {
		if id, ok := m["@id"].(string); ok {
			if n, ok := byID[id]; ok {
				return n
			}
		}
	}
	return v
}

func jsonList(v any) []any {
	switch t := v.(type) {
	case nil:
		return nil
	case []any:
		return t
	default:
		return []any{t}
	}
}

func jsonStrings(v any) []string {
	var out []string
	for _, e := range jsonList(v) {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func firstString(v any) string {
	for _, e := range jsonList(v) {
		if s, ok := e.(string); ok && strings.TrimSpace(s) != "" {
			return strings.TrimSpace(unescapeAgain(s))
		}
	}
	return ""
}

// unescapeAgain decodes HTML entities left in a metadata value. Many CMSs
// escape twice (content="&amp;#8217;"), and JSON-LD strings often carry
// entities; a literal "&quot;" in a title is never meant.
func unescapeAgain(s string) string {
	if !strings.Contains(s, "&") || !strings.Contains(s, ";") {
		return s
	}
	return html.UnescapeString(s)
}

func jsonScalar(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case json.Number:
		return t.String()
	}
	return ""
}
