package indexer

import (
	"path"
	"strconv"
	"strings"
)

// IDFromPath derives a record ID from a path relative to the ingest root:
// the extension (and a trailing ".gz") is dropped, the rest lower-cased and
// every run of characters other than a-z and 0-9 replaced by "-". IDs are
// stable, so ingesting the same folder twice yields the same records, and
// safe in URLs without escaping.
func IDFromPath(p string) string {
	p = strings.ReplaceAll(p, "\\", "/")
	p = strings.TrimSuffix(p, ".gz")
	if ext := path.Ext(p); ext != "" && !strings.Contains(ext, "/") {
		p = strings.TrimSuffix(p, ext)
	}
	p = strings.ToLower(p)
	var b strings.Builder
	dash := false
	for _, r := range p {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

// referenceID is the ID of the n-th (1-based) entry of a listing page.
func referenceID(pageID string, n int) string {
	return pageID + "-ref-" + strconv.Itoa(n)
}
