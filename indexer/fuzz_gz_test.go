package indexer

import (
	"bytes"
	"strings"
	"testing"
)

// fuzzGzipCap is the MaxFileSize of FuzzExtractGzip: small, so that a
// bomb the fuzzer builds is cut quickly and the cut is easy to check.
const fuzzGzipCap = 64 << 10

// gz (walk_test.go) compresses the seeds.

// FuzzExtractGzip feeds .gz files to the extractor: as given (broken
// headers, truncated streams, concatenated members, bombs) or, with
// compress set, the fuzzer's bytes gzipped first, so that the content
// behind the gzip layer is explored too. Besides the invariants of every
// extractor, the text extracted may never exceed the decompression cap.
func FuzzExtractGzip(f *testing.F) {
	doc := []byte("Title: Coca\nDate: 2005\n\nThe coca leaf.\n")
	f.Add(gz(f, doc), false, false)
	f.Add(gz(f, []byte(goodHTML)), true, false)
	f.Add(doc, false, true)
	f.Add([]byte(goodHTML), true, true)
	f.Add(gz(f, doc)[:20], false, false)                                          // truncated
	f.Add(append(gz(f, doc), gz(f, []byte("Second member.\n"))...), false, false) // two members
	f.Add(gz(f, bytes.Repeat([]byte("a "), 1<<20)), false, false)                 // a small bomb
	f.Add(gz(f, []byte{}), false, false)                                          // empty content
	f.Add([]byte("\x1f\x8b\x08\x00garbage"), true, false)                         // bad header
	f.Add(gz(f, []byte("\x00\x01\x02\xff binary")), false, false)
	f.Fuzz(func(t *testing.T, data []byte, html, compress bool) {
		name := "f.txt.gz"
		if html {
			name = "f.html.gz"
		}
		if compress {
			data = gz(t, data)
		}
		recs, err := Extract(name, data, Options{MaxFileSize: fuzzGzipCap})
		checkRecords(t, recs, err)
		for _, r := range recs {
			n := len(r.Title) + len(r.Abstract)
			for _, p := range r.Paragraphs {
				n += len(p)
			}
			// Extraction may add a little (entities, separators), never
			// a multiple of the cap.
			if n > 2*fuzzGzipCap {
				t.Fatalf("record %s holds %d bytes of text from a file capped at %d", r.ID, n, fuzzGzipCap)
			}
			if !strings.HasPrefix(r.ID, "f") {
				t.Fatalf("record ID %q not from the file name", r.ID)
			}
		}
	})
}
