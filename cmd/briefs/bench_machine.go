package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

// What `briefs bench` reports about the machine and the process: CPUs,
// memory, load, peak resident memory and CPU time.

// ---- machine ----

type machineInfo struct {
	CPUs   int
	CPU    string
	MemGB  float64
	Go     string
	OSArch string
}

func readMachine() machineInfo {
	m := machineInfo{CPUs: runtime.NumCPU(), Go: runtime.Version(), OSArch: runtime.GOOS + "/" + runtime.GOARCH}
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(data), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPU = strings.TrimSpace(v)
				break
			}
		}
	}
	if kb := procField("/proc/meminfo", "MemTotal"); kb > 0 {
		m.MemGB = float64(kb) / (1 << 20)
	}
	return m
}

// peakRSSKB is the process's peak resident set (VmHWM), in kB; 0 where
// /proc is missing.
func peakRSSKB() int64 { return procField("/proc/self/status", "VmHWM") }

// rssSplit is the resident set by kind: anonymous memory (the Go heap and
// stacks) and file pages, which for us are mostly the memory-mapped index
// segments: the kernel drops those under pressure, so they are a cache
// rather than a need.
type rssSplit struct {
	AnonKB int64 `json:"anon_kb"`
	FileKB int64 `json:"file_kb"`
}

func residentSplit() rssSplit {
	return rssSplit{procField("/proc/self/status", "RssAnon"), procField("/proc/self/status", "RssFile")}
}

// peakSplit holds the highest anonymous and file-backed resident sizes
// seen by sampleRSS: the kernel keeps only the peak of their sum (VmHWM),
// which does not say whether the heap or the mapped index made it.
var peakSplit struct {
	sync.Mutex
	rssSplit
}

// sampleRSS records the resident sizes every 50 ms until ctx ends.
func sampleRSS(ctx context.Context) {
	t := time.NewTicker(50 * time.Millisecond)
	defer t.Stop()
	for {
		r := residentSplit()
		peakSplit.Lock()
		peakSplit.AnonKB = max(peakSplit.AnonKB, r.AnonKB)
		peakSplit.FileKB = max(peakSplit.FileKB, r.FileKB)
		peakSplit.Unlock()
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func peaks() rssSplit {
	r := residentSplit()
	peakSplit.Lock()
	defer peakSplit.Unlock()
	return rssSplit{max(peakSplit.AnonKB, r.AnonKB), max(peakSplit.FileKB, r.FileKB)}
}

func (r rssSplit) String() string {
	return fmt.Sprintf("%.0f MB anonymous, %.0f MB file-backed", float64(r.AnonKB)/1024, float64(r.FileKB)/1024)
}

// procField reads "Key:   123 kB" from a /proc file.
func procField(file, key string) int64 {
	data, err := os.ReadFile(file)
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && k == key {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n
		}
	}
	return 0
}

// loadAverage is the 1-minute load average, or -1.
func loadAverage() float64 {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return -1
	}
	f := strings.Fields(string(data))
	if len(f) == 0 {
		return -1
	}
	x, err := strconv.ParseFloat(f[0], 64)
	if err != nil {
		return -1
	}
	return x
}
