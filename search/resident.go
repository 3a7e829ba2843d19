package search

// The index's segments are read through memory maps, and every page a
// search touches stays in the process's resident memory until the
// generation is closed: a server on a 100,000-record index held 790 MB
// of them. LimitResident bounds that, as a database bounds its buffer
// pool: past the bound the mapped pages are dropped from the process.
// They stay in the kernel's page cache, so a search that needs one again
// maps it back without reading the disk (a minor fault).

// LimitResident keeps this process's resident memory near n bytes (0: no
// bound): after each search or document read that leaves it above n, the
// pages of the index's memory-mapped files are dropped from it
// (trimMapped). What else the process holds (its heap) is not touched.
// Where the resident memory cannot be read (not Linux), it does nothing.
func (x *Index) LimitResident(n int64) { x.resident.Store(n) }

// keepResident applies LimitResident's bound.
func (x *Index) keepResident() {
	n := x.resident.Load()
	if n <= 0 {
		return
	}
	if rss := residentBytes(); rss > n {
		trimMapped(x.dir)
	}
}
