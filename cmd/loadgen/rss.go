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

// RSSSample is the server's resident memory at one moment of the run.
type RSSSample struct {
	Seconds float64 `json:"s"`
	KB      int64   `json:"kb"`
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
	kb, err := readRSS(pid)
	if err != nil {
		return nil, fmt.Errorf("sample RSS of pid %d: %w", pid, err)
	}
	s := &rssSampler{pid: pid, samples: []RSSSample{{0, kb}}, quit: make(chan struct{}), done: make(chan struct{})}
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
				kb, err := readRSS(pid)
				if err != nil {
					return // the server is gone; the report shows the gap
				}
				s.mu.Lock()
				s.samples = append(s.samples, RSSSample{time.Since(start).Seconds(), kb})
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

// readRSS returns VmRSS of pid in kB.
func readRSS(pid int) (int64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			f := strings.Fields(rest)
			if len(f) == 0 {
				break
			}
			return strconv.ParseInt(f[0], 10, 64)
		}
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	return 0, fmt.Errorf("no VmRSS in /proc/%d/status", pid)
}
