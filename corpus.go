// Package briefs holds the demo corpus that ships with the binary.
//
// The corpus lives in testdata/corpus because it is also the test corpus
// whose golden metadata the ingestion tests check; go:embed only reaches
// files below the embedding package, so this one-file root package embeds
// it for `briefs serve` to index on first start. One corpus, not two.
package briefs

import (
	"embed"
	"io/fs"
)

//go:embed testdata/corpus
var corpusFS embed.FS

// Corpus returns the demo corpus as a file system rooted at its top folder.
func Corpus() fs.FS {
	sub, err := fs.Sub(corpusFS, "testdata/corpus")
	if err != nil {
		panic(err) // cannot happen: the path is a constant embedded above
	}
	return sub
}
