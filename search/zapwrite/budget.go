package zapwrite

import (
	"runtime/debug"
	"sync"
)

// The Go runtime's memory limit counts only the Go heap, not the logs'
// blocks mapped outside it, so while a budget is set the limit is kept
// at the budget less those blocks.
var budget memoryBudget

type memoryBudget struct {
	mu            sync.Mutex
	total, mapped int64
}

// SetMemoryBudget keeps the runtime's memory limit (debug.SetMemoryLimit)
// at total less what the Writers' postings logs hold outside the Go heap,
// so that the two together stay within total. It returns the budget
// before, 0 for none; a total of 0 stops the tracking and leaves the
// limit as it is.
func SetMemoryBudget(total int64) int64 {
	budget.mu.Lock()
	defer budget.mu.Unlock()
	prev := budget.total
	budget.total = total
	budget.apply()
	return prev
}

func addMapped(n int) {
	budget.mu.Lock()
	defer budget.mu.Unlock()
	budget.mapped += int64(n)
	budget.apply()
}

// apply sets the limit; the heap keeps at least a quarter of the budget.
func (b *memoryBudget) apply() {
	if b.total > 0 {
		debug.SetMemoryLimit(max(b.total-b.mapped, b.total/4))
	}
}
