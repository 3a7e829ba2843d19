//go:build !unix

package main

// cpuSeconds is not measured where getrusage is missing: the bench's CPU
// figures are 0 there.
func cpuSeconds() float64 { return 0 }
