package indexer

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The report of a Walk: what was indexed, skipped and why, and how it
// reads in the terminal.

// Report sums up a walk: what was read, what was skipped and why.
type Report struct {
	Files     int    // supported files found
	Documents int    // files that produced records, and good JSON lines
	Records   int    // records passed to fn
	Merged    int    // PDFs merged into the web page linking to them
	Ignored   int    // other files: unsupported extensions, hidden files
	Excluded  int    // files left out by an exclude pattern (see exclude.go)
	Skipped   []Skip // files that gave no record, with the reason
	Warnings  []Skip // files read with a problem (truncated, repaired...)
	Took      time.Duration

	// Renamed lists the files whose plain ID (IDFromPath) another file
	// has, with the ID they got instead (see assignIDs).
	Renamed []Skip
}

// Skip names a file (or a line of a JSON Lines file, "path:LINE") and what
// went wrong with it. ID is the ID of the record it would give, when known
// (IDFromPath for a file, the id of a JSON line that has a usable one), so
// that an index update can keep the record it gave before rather than
// delete it for a bad read (see search.Builder.Seen).
type Skip struct{ Path, Reason, ID string }

// String is a human summary: one line of counts, then every skipped file
// and every warning with its reason.
func (r Report) String() string {
	var b strings.Builder
	// "read", not "indexed": the index line that follows says how many of
	// them changed the index (none, on a second run over the same files).
	fmt.Fprintf(&b, "%s: %s, %s read, %d skipped, %s",
		count(r.Files, "file"), count(r.Documents, "document"), count(r.Records, "record"),
		len(r.Skipped), count(len(r.Warnings), "warning"))
	if r.Merged > 0 {
		fmt.Fprintf(&b, ", %d %s merged into %s", r.Merged, plural(r.Merged, "PDF", "PDFs"), plural(r.Merged, "its web page", "their web pages"))
	}
	if r.Excluded > 0 {
		fmt.Fprintf(&b, ", %d %s excluded", r.Excluded, plural(r.Excluded, "file", "files"))
	}
	if r.Ignored > 0 {
		fmt.Fprintf(&b, ", %d other %s ignored", r.Ignored, plural(r.Ignored, "file", "files"))
	}
	if len(r.Renamed) > 0 {
		fmt.Fprintf(&b, ", %d %s a longer id (another file has the plain one)", len(r.Renamed), plural(len(r.Renamed), "file given", "files given"))
	}
	fmt.Fprintf(&b, " in %s", roundDuration(r.Took))
	for _, s := range r.Skipped {
		fmt.Fprintf(&b, "\n  skipped %s: %s", s.Path, s.Reason)
	}
	for _, s := range r.Warnings {
		fmt.Fprintf(&b, "\n  warning %s: %s", s.Path, s.Reason)
	}
	for i, s := range r.Renamed {
		if i == maxRenamedShown {
			fmt.Fprintf(&b, "\n  … and %d more files given a longer id", len(r.Renamed)-i)
			break
		}
		fmt.Fprintf(&b, "\n  id %s for %s: %s", s.ID, s.Path, s.Reason)
	}
	return b.String()
}

// maxRenamedShown is how many renamed files the summary lists: a
// collection with a PDF beside every HTML page would otherwise fill the
// screen, and the ids follow one rule (assignIDs).
const maxRenamedShown = 20

// count is "1 file", "2 files".
func count(n int, noun string) string {
	return strconv.Itoa(n) + " " + plural(n, noun, noun+"s")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func roundDuration(d time.Duration) time.Duration {
	switch {
	case d >= time.Second:
		return d.Round(100 * time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(time.Millisecond)
	}
	return d.Round(time.Microsecond)
}
