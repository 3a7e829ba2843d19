package indexer

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"sort"
	"strings"
)

// Two files must never share a record ID: the second would replace the
// first in the index without a word. IDFromPath alone is not unique: it
// drops the extension (x.html, x.pdf, x.txt), folds case and turns every
// run of punctuation into one "-" (genindex.html and genindex-_.html,
// a.b.html and a-b.html), and two ingest roots may each hold index.html.
// assignIDs gives every document of a walk its own ID, keeping the plain
// one wherever there is no clash, so that IDs stay readable and the IDs of
// collections without clashes do not change:
//
//   - Files whose plain IDs clash: the one with the shortest name before
//     its extension keeps the plain ID (genindex.html, not genindex-_.html),
//     a PDF last, then the first in lexical order (x.html, x.txt, x.pdf); each other one gets its extension appended ("x-pdf")
//     when that tells it apart, else a hash of its path ("genindex-3f9a0c").
//   - A plain ID held by another ingest root (Options.Taken): the file gets
//     its root folder's name in front ("docs-index"), or if that is taken
//     too, a hash of root and path after ("index-8d2e41").
//
// An ID depends only on the paths of the root (and on which IDs other
// roots held first), so ingesting the same roots again gives the same IDs.

// idPlan maps each document path of a walk to its record ID, and lists
// the paths that did not get their plain ID, with why.
type idPlan struct {
	ids     map[string]string
	renamed []Skip
}

// idOf returns the ID planned for p, or the plain one for a path outside
// the plan (ExtractFile on a single file, a sidecar-less Extract).
func (o Options) idOf(p string) string {
	if id, ok := o.ids[p]; ok {
		return id
	}
	return IDFromPath(p)
}

// assignIDs plans the IDs of docs (JSON Lines files excluded: their lines
// carry their own IDs). root names the ingest root (an absolute path, or
// "" when unknown) and taken, if not nil, reports IDs another root holds.
func assignIDs(docs []string, root string, taken func(string) bool) idPlan {
	plan := idPlan{ids: map[string]string{}}
	groups := map[string][]string{}
	var order []string
	for _, p := range docs {
		if IsJSONL(p) {
			continue
		}
		base := IDFromPath(p)
		if _, ok := groups[base]; !ok {
			order = append(order, base)
		}
		groups[base] = append(groups[base], p)
	}
	// Every plain ID of the walk is reserved for its own file: a suffixed
	// ID must not take another file's plain one (x.pdf -> "x-pdf" beside
	// x-pdf.html).
	used := map[string]bool{}
	for base := range groups {
		used[base] = true
	}
	free := func(id string) bool { return !used[id] && (taken == nil || !taken(id)) }
	claim := func(p, id, why string) {
		used[id] = true
		plan.ids[p] = id
		if id != IDFromPath(p) {
			plan.renamed = append(plan.renamed, Skip{Path: p, ID: id, Reason: why})
		}
	}
	rootName := IDFromPath(path.Base(strings.ReplaceAll(root, "\\", "/")) + ".dir")
	for _, base := range order {
		paths := groups[base]
		sort.Slice(paths, func(i, j int) bool { return plainer(paths[i], paths[j]) })
		exts := map[string]int{}
		for _, p := range paths {
			exts[extSlug(p)]++
		}
		for i, p := range paths {
			switch {
			case i == 0 && (taken == nil || !taken(base)):
				claim(p, base, "")
			case i == 0:
				why := fmt.Sprintf("another ingest root has the id %q", base)
				if id := rootName + "-" + base; rootName != "" && free(id) {
					claim(p, id, why)
				} else {
					claim(p, uniqueID(base, root+"/"+p, free), why)
				}
			default:
				why := fmt.Sprintf("%s has the id %q", paths[0], plan.ids[paths[0]])
				if id := base + "-" + extSlug(p); exts[extSlug(p)] == 1 && extSlug(p) != "" && free(id) {
					claim(p, id, why)
				} else {
					claim(p, uniqueID(base, p, free), why)
				}
			}
		}
	}
	return plan
}

// plainer orders the paths of one plain ID: the one that keeps it first.
// A PDF comes after the other formats: it is often merged into the web
// page that links to it and then gives no record of its own.
func plainer(a, b string) bool {
	sa, sb := stem(a), stem(b)
	if len(sa) != len(sb) {
		return len(sa) < len(sb)
	}
	if pa, pb := formatOf(a) == formatPDF, formatOf(b) == formatPDF; pa != pb {
		return pb
	}
	return a < b
}

// stem is a path without ".gz" and its extension.
func stem(p string) string {
	p = strings.TrimSuffix(p, ".gz")
	if ext := path.Ext(p); !strings.Contains(ext, "/") {
		p = strings.TrimSuffix(p, ext)
	}
	return p
}

// extSlug is a path's extension as an ID part: "pdf" for x.pdf and
// x.PDF.gz, "" for none.
func extSlug(p string) string {
	p = strings.TrimSuffix(strings.ToLower(p), ".gz")
	ext := path.Ext(p)
	if strings.Contains(ext, "/") {
		return ""
	}
	return IDFromPath(strings.TrimPrefix(ext, ".") + ".x")
}

// uniqueID appends to base the first six hex digits of the SHA-256 of key,
// and a counter in the (unlikely) case that is taken too.
func uniqueID(base, key string, free func(string) bool) string {
	sum := sha256.Sum256([]byte(key))
	id := base + "-" + hex.EncodeToString(sum[:3])
	for n := 2; !free(id); n++ {
		id = fmt.Sprintf("%s-%s-%d", base, hex.EncodeToString(sum[:3]), n)
	}
	return id
}
