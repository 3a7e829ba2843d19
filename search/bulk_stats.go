package search

// The BM25 corpus statistics of a build from empty, counted as records
// are added rather than read back from the postings at Commit.

// recordStats is what one record adds to the BM25 corpus statistics
// (corpusStats): its language group and the length of each prose field.
type recordStats struct {
	group string
	lens  [3]uint32 // FieldTitle, FieldAbstract, FieldBody, in tokens
}

// proseBases are the prose fields, in the order of recordStats.lens.
var proseBases = [3]string{FieldTitle, FieldAbstract, FieldBody}

// statsTotals sums recordStats over the records kept.
type statsTotals struct {
	groupDocs map[string]uint64
	total     map[string]uint64 // prose field -> tokens
	docs      map[string]uint64 // prose field -> records with any
}

func (t *statsTotals) add(r recordStats, sign int) {
	t.groupDocs[r.group] += uint64(sign)
	for i, n := range r.lens {
		if n > 0 {
			f := proseField(proseBases[i], r.group)
			t.total[f] += uint64(sign * int(n))
			t.docs[f] += uint64(sign)
		}
	}
}

// corpusStats are the statistics statsValue would read from the index's
// postings, without reading them.
func (t *statsTotals) corpusStats() *corpusStats {
	st := &corpusStats{GroupDocs: map[string]uint64{}, AvgLen: map[string]float64{}}
	for g, n := range t.groupDocs {
		if n > 0 {
			st.GroupDocs[g] = n
		}
	}
	for f, docs := range t.docs {
		if docs > 0 {
			st.AvgLen[f] = float64(t.total[f]) / float64(docs)
		}
	}
	return st
}

// recordStats reads an added record's language group and prose lengths.
func (bw *bulkWriter) recordStats(op *bulkOp) recordStats {
	var rs recordStats
	for _, f := range op.doc.Fields {
		if f.Name() == FieldLangGroup {
			rs.group = string(f.Value())
		} else if i, ok := bw.prose[f.Name()]; ok {
			rs.lens[i] += uint32(f.AnalyzedLength())
		}
	}
	for _, a := range op.analysed {
		if i, ok := bw.prose[a.Name]; ok {
			rs.lens[i] += uint32(len(a.Tokens))
		}
	}
	return rs
}
