package search

import (
	"strings"

	"github.com/briefs/briefs/indexer"
)

// Name is a personal name split for citing (see indexer.ParseName).
type Name = indexer.Name

// AuthorNames splits the authors of a record or hit, using the family names
// its sources gave (families, parallel to authors, may be nil) and
// inferring the rest.
func AuthorNames(authors, families []string) []Name {
	var ns []Name
	for i, a := range authors {
		if a = strings.TrimSpace(a); a == "" {
			continue
		}
		f := ""
		if i < len(families) {
			f = families[i]
		}
		ns = append(ns, indexer.NameWithFamily(a, f))
	}
	return ns
}
