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
// having it), and each work offers one hit to top. The matches are placed
// by their document's position in works.order, which lists each work's
// versions together, so reading that list in order gives each work's
// matches in one run: on a large collection with many translations the
// maps this once kept per facet took a quarter of a search's time, and
// sorting the matches by work a tenth.
func (w *walk) mergeVersions(shards []*shard, out *collected, top *topN) {
	n := 0
	for _, sh := range shards {
		n += len(sh.versions)
	}
	if n == 0 {
		return
	}
	works := w.c.works
	// slot[k]: the index in ms of the match of document works.order[k], or -1.
	ms := make([]versionMatch, 0, n)
	slot := make([]int32, len(works.order))
	for k := range slot {
		slot[k] = -1
	}
	for _, sh := range shards {
		for _, m := range sh.versions {
			if !w.p.skipWorks.has(uint64(works.work(m.doc))) {
				slot[works.pos[m.doc]] = int32(len(ms))
				ms = append(ms, m)
			}
		}
	}
	if len(ms) == 0 {
		return
	}
	kinds := w.c.term(facetKind)
	ref := slices.Index(kinds.values, indexer.KindReference) // -1: none
	isRef := func(d uint64) bool {
		return ref >= 0 && slices.Contains(kinds.of(d), uint32(ref))
	}
	// runs lists the matches of each work that has some, work after work:
	// runs[starts[j]:starts[j+1]] are the matches of work runWork[j], as
	// positions in works.order.
	runs := make([]int32, 0, len(ms))
	var starts []int32
	var runWork []uint32
	out.works = newDocBits(w.c.n)
	for k := 0; k < len(works.order); {
		wk := works.work(uint64(works.order[k]))
		begin := len(runs)
		for ; k < len(works.order) && works.work(uint64(works.order[k])) == wk; k++ {
			if slot[k] >= 0 {
				runs = append(runs, int32(k))
			}
		}
		if len(runs) == begin {
			continue
		}
		starts = append(starts, int32(begin))
		runWork = append(runWork, wk)
		var hit *workHit
		var best workHit
		for _, k := range runs[begin:] {
			m := &ms[slot[k]]
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
	}
	starts = append(starts, int32(len(runs)))
	// Facet by facet, each reading the column of the versions in order.
	for i, name := range w.names {
		fc := out.facets[name]
		var col *termColumn
		if w.cols[i] != nil {
			col = w.cols[i].versions
		}
		// seen[v] is the last work (plus one) that counted value v.
		seen := make([]uint32, len(fc.counts))
		for j, wk := range runWork {
			counted, has := false, false
			for _, k := range runs[starts[j]:starts[j+1]] {
				if m := &ms[slot[k]]; m.miss >= 0 && w.own[i] != m.miss {
					continue
				}
				counted = true
				if col == nil { // the year histogram
					if y := int(w.c.vyear[k]); y >= w.lo && y <= w.hi {
						has = true
						if v := y - w.lo; seen[v] != wk+1 {
							seen[v] = wk + 1
							fc.counts[v]++
						}
					}
					continue
				}
				for _, v := range col.of(uint64(k)) {
					has = true
					if seen[v] != wk+1 {
						seen[v] = wk + 1
						fc.counts[v]++
					}
				}
			}
			if counted {
				fc.total++
				if !has {
					fc.missing++
				}
			}
		}
	}
}
