package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// RSSSample is the server's resident memory at one moment of the run:
// all of it, and its anonymous part (heap and stacks). The rest is file
// pages, for briefs mostly the memory-mapped index, which grows as queries
// touch more of it and which the kernel reclaims under pressure: a leak
// shows in the anonymous part.
type RSSSample struct {
	Seconds float64 `json:"s"`
	KB      int64   `json:"kb"`
	AnonKB  int64   `json:"anon_kb"`
}

// rssSampler reads /proc/PID/status every interval until stopped.
type rssSampler struct {
	pid     int
	mu      sync.Mutex
	samples []RSSSample
	quit    chan struct{}
	done    chan struct{}
}

// startRSS takes a first sample at once, so that a wrong pid (or a system
// without /proc) is an error before the load starts.
func startRSS(pid int, every time.Duration) (*rssSampler, error) {
	kb, anon, err := readRSS(pid)
	if err != nil {
		return nil, fmt.Errorf("sample RSS of pid %d: %w", pid, err)
	}
	s := &rssSampler{pid: pid, samples: []RSSSample{{0, kb, anon}}, quit: make(chan struct{}), done: make(chan struct{})}
	start := time.Now()
	go func() {
		defer close(s.done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-s.quit:
				return
			case <-t.C:
				kb, anon, err := readRSS(pid)
				if err != nil {
					return // the server is gone; the report shows the gap
				}
				s.mu.Lock()
				s.samples = append(s.samples, RSSSample{time.Since(start).Seconds(), kb, anon})
				s.mu.Unlock()
			}
		}
	}()
	return s, nil
}

func (s *rssSampler) stop() []RSSSample {
	close(s.quit)
	<-s.done
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.samples
}

// readRSS returns VmRSS and RssAnon of pid in kB.
func readRSS(pid int) (rss, anon int64, err error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	found := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		key, rest, ok := strings.Cut(sc.Text(), ":")
		if !ok || (key != "VmRSS" && key != "RssAnon") {
			continue
		}
		fs := strings.Fields(rest)
		if len(fs) == 0 {
			continue
		}
		n, err := strconv.ParseInt(fs[0], 10, 64)
		if err != nil {
			return 0, 0, err
		}
		if key == "VmRSS" {
			rss, found = n, true
		} else {
			anon = n
		}
	}
	if err := sc.Err(); err != nil {
		return 0, 0, err
	}
	if !found {
		return 0, 0, fmt.Errorf("no VmRSS in /proc/%d/status", pid)
	}
	return rss, anon, nil
}
