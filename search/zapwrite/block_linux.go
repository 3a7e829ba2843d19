package zapwrite

import (
	"syscall"
	"unsafe"
)

// mapBlock returns n bytes of zeroed memory for the postings log, mapped
// outside the Go heap and aligned to huge pages, which the kernel is
// asked to use (MADV_HUGEPAGE: with transparent huge pages in "madvise"
// mode, Debian's default, it uses them for nothing else). The log is
// written at random, a term's slice here and another's there, and with
// 4 KB pages nearly every such write missed the TLB as well as the
// cache. The mapping is a huge page longer than the block, to align it;
// the part not used is never touched, so it costs no memory. unmap
// gives it all back; ok is false if nothing could be mapped.
func mapBlock(n int) (b []byte, unmap func(), ok bool) {
	m, err := syscall.Mmap(-1, 0, n+hugePage, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return nil, nil, false
	}
	off := 0
	if r := int(uintptr(unsafe.Pointer(unsafe.SliceData(m))) % hugePage); r != 0 {
		off = hugePage - r
	}
	b = m[off : off+n : off+n]
	_ = syscall.Madvise(b, madvHugePage) // a hint: the block works without it
	return b, func() { syscall.Munmap(m) }, true
}

const (
	hugePage     = 2 << 20
	madvHugePage = 14 // MADV_HUGEPAGE, not in package syscall
)
