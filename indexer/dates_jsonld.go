package indexer

// jsonldAnyDate dates a page from JSON-LD of a type not read for its other
// fields (HowTo, Recipe, VideoObject, Review: any CreativeWork carries
// datePublished): the first node's datePublished or dateCreated, when no
// earlier script gave a day.
func jsonldAnyDate(h *headMeta, nodes []map[string]any) {
	if h.jsonld.Date != "" {
		return
	}
	for _, n := range nodes {
		if d := firstNonEmpty(firstString(n["datePublished"]), firstString(n["dateCreated"])); d != "" {
			if h.jsonld.Date = h.stamp(d); h.jsonld.Date != "" {
				return
			}
		}
	}
}
