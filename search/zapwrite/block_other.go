//go:build !linux

package zapwrite

// mapBlock maps nothing where huge pages are not asked for: the postings
// log's blocks come from the Go heap.
func mapBlock(int) ([]byte, func(), bool) { return nil, nil, false }
