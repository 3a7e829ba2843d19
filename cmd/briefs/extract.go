package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/briefs/briefs/indexer"
)

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("extract", stderr, "briefs extract [flags] FILE...",
		`Print what the ingester extracts from each file, one JSON record per line
(a listing page prints its own record, then one per listed publication),
without touching any index: the way to see why a document got its metadata.
Folders are walked like ingest walks them. Skipped files are reported on
stderr and make the exit status 3.`,
		"briefs extract testdata/corpus/briefings/dpb-11.html",
		"briefs extract --text=false page.html | jq .countries")
	withText := fs.Bool("text", true, "include the paragraphs of text")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageError{"extract needs at least one FILE"}
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	skipped := 0
	for _, p := range fs.Args() {
		rep, err := indexer.Walk(ctx, pathFS(p), indexer.Options{}, nil, func(rec indexer.Record) error {
			if !*withText {
				rec.Paragraphs, rec.Pages = nil, nil
			}
			return enc.Encode(rec)
		})
		if err != nil {
			return fmt.Errorf("extract %s: %w", p, err)
		}
		for _, s := range rep.Skipped {
			fmt.Fprintf(stderr, "skipped %s: %s\n", s.Path, s.Reason)
		}
		for _, s := range rep.Warnings {
			fmt.Fprintf(stderr, "warning %s: %s\n", s.Path, s.Reason)
		}
		skipped += len(rep.Skipped)
	}
	if skipped > 0 {
		return exitStatus(exitSkipped)
	}
	return nil
}
