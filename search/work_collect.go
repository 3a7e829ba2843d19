package search

import "github.com/briefs/briefs/indexer"

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
// having it), and each work offers one hit to top.
func (w *walk) mergeVersions(shards []*shard, out *collected, top *topN) {
	n := 0
	for _, sh := range shards {
		n += len(sh.versions)
	}
	if n == 0 {
		return
	}
	kinds := w.c.term(facetKind)
	isRef := func(d uint64) bool {
		for _, o := range kinds.of(d) {
			if kinds.values[o] == indexer.KindReference {
				return true
			}
		}
		return false
	}
	hits := map[uint32]*workHit{}
	type workValue struct{ work, value uint32 }
	seen := make([]map[workValue]bool, len(w.names))
	counted := make([]map[uint32]bool, len(w.names)) // work -> it had a value
	for i := range w.names {
		seen[i] = map[workValue]bool{}
		counted[i] = map[uint32]bool{}
	}
	for _, sh := range shards {
		for _, m := range sh.versions {
			wk, _ := w.c.works.of(m.doc)
			if w.p.skipWorks[wk] {
				continue
			}
			if m.miss < 0 {
				ref := isRef(m.doc)
				h := hits[wk]
				switch {
				case h == nil:
					hits[wk] = &workHit{rep: m.doc, ref: ref, score: m.score}
				case h.ref && !ref,
					h.ref == ref && (m.score > h.score || m.score == h.score && w.c.idRank[m.doc] < w.c.idRank[h.rep]):
					h.rep, h.ref = m.doc, ref
				}
				if h := hits[wk]; m.score > h.score {
					h.score = m.score
				}
			}
			for i := range w.names {
				if m.miss >= 0 && w.own[i] != m.miss {
					continue
				}
				has := counted[i][wk]
				for _, v := range w.values(i, m.doc) {
					has = true
					if k := (workValue{wk, v}); !seen[i][k] {
						seen[i][k] = true
						out.facets[w.names[i]].counts[v]++
					}
				}
				counted[i][wk] = has
			}
		}
	}
	for i, name := range w.names {
		fc := out.facets[name]
		fc.total += uint64(len(counted[i]))
		for _, has := range counted[i] {
			if !has {
				fc.missing++
			}
		}
	}
	out.total += uint64(len(hits))
	out.works = make(map[uint32]bool, len(hits))
	for wk, h := range hits {
		out.works[wk] = true
		top.offer(ranked{doc: h.rep, score: h.score})
	}
}

// values returns the counter indexes document d adds to in facet i.
func (w *walk) values(i int, d uint64) []uint32 {
	col := w.cols[i]
	if col == nil {
		if y := int(w.c.year[d]); y >= w.lo && y <= w.hi {
			return []uint32{uint32(y - w.lo)}
		}
		return nil
	}
	return col.of(d)
}
