package search

import (
	"slices"

	"github.com/briefs/briefs/indexer"
)

// Collapsing matches by work (see work.go). A match whose record has no
// other version is counted as it is found; the versions of works with
// several are kept aside by each shard (few: translations and listing
// entries, not the bulk of a collection) and counted here, once the shards
// are merged, so that a work whose versions fell in two shards still
// counts once.

// versionMatch is a match that is one version of a work with others.
type versionMatch struct {
	doc   uint64
	score float64
	miss  int // -1: passes every filter; else the index of the one filter it fails
}

// workHit is the best a work's versions offer the hit list.
type workHit struct {
	rep   uint64  // the version shown
	ref   bool    // rep is a listing entry
	score float64 // the best score of any version
}

// mergeVersions counts the version matches of all shards by work: the
// total and each facet count a work once (a facet value once per work
// having it), and each work offers one hit to top. The matches are sorted
// by work and each work's run counted in one go: on a large collection
// with many translations the maps this once kept per facet took a quarter
// of a search's time.
func (w *walk) mergeVersions(shards []*shard, out *collected, top *topN) {
	n := 0
	for _, sh := range shards {
		n += len(sh.versions)
	}
	if n == 0 {
		return
	}
	// keys[i] is a match's work times 2^32 plus its index in ms: sorting
	// plain integers groups the matches of each work.
	ms := make([]versionMatch, 0, n)
	keys := make([]uint64, 0, n)
	for _, sh := range shards {
		for _, m := range sh.versions {
			wk := w.c.works.work(m.doc)
			if !w.p.skipWorks.has(uint64(wk)) {
				keys = append(keys, uint64(wk)<<32|uint64(len(ms)))
				ms = append(ms, m)
			}
		}
	}
	if len(keys) == 0 {
		return
	}
	slices.Sort(keys)
	kinds := w.c.term(facetKind)
	isRef := func(d uint64) bool {
		for _, o := range kinds.of(d) {
			if kinds.values[o] == indexer.KindReference {
				return true
			}
		}
		return false
	}
	// stamp[i][v] is the last work (plus one) that counted value v of facet i.
	fcs := make([]*facetCount, len(w.names))
	stamp := make([][]uint32, len(w.names))
	for i, name := range w.names {
		fcs[i] = out.facets[name]
		stamp[i] = make([]uint32, len(fcs[i].counts))
	}
	out.works = newDocBits(w.c.n)
	for start := 0; start < len(keys); {
		wk := uint32(keys[start] >> 32)
		end := start + 1
		for end < len(keys) && uint32(keys[end]>>32) == wk {
			end++
		}
		run := keys[start:end]
		start = end
		var hit *workHit
		var best workHit
		for _, k := range run {
			m := &ms[uint32(k)]
			if m.miss >= 0 {
				continue
			}
			ref := isRef(m.doc)
			switch {
			case hit == nil:
				best, hit = workHit{rep: m.doc, ref: ref, score: m.score}, &best
			case hit.ref && !ref,
				hit.ref == ref && (m.score > hit.score || m.score == hit.score && w.c.idRank[m.doc] < w.c.idRank[hit.rep]):
				hit.rep, hit.ref = m.doc, ref
			}
			if m.score > hit.score {
				hit.score = m.score
			}
		}
		if hit != nil {
			out.total++
			out.works.add(uint64(wk))
			top.offer(ranked{doc: hit.rep, score: hit.score})
		}
		for i := range w.names {
			counted, has := false, false
			col, seen, counts := w.cols[i], stamp[i], fcs[i].counts
			for _, k := range run {
				m := &ms[uint32(k)]
				if m.miss >= 0 && w.own[i] != m.miss {
					continue
				}
				counted = true
				if col == nil { // the year histogram
					if y := int(w.c.year[m.doc]); y >= w.lo && y <= w.hi {
						has = true
						if v := y - w.lo; seen[v] != wk+1 {
							seen[v] = wk + 1
							counts[v]++
						}
					}
					continue
				}
				for _, v := range col.of(m.doc) {
					has = true
					if seen[v] != wk+1 {
						seen[v] = wk + 1
						counts[v]++
					}
				}
			}
			if counted {
				fcs[i].total++
				if !has {
					fcs[i].missing++
				}
			}
		}
	}
}
