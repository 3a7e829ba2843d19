package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Tests of who may write an index and how readers follow writers, with
// real processes (run from TestBinary in crash_test.go).

// testSecondWriter starts an ingest, and while it holds the index starts a
// second one: the second must fail at once, naming the first's pid, while
// searches keep working; once the first is done a writer gets in again.
func testSecondWriter(t *testing.T, bin string) {
	base, extra := crashCorpus(t, bin, 100)
	idx := filepath.Join(t.TempDir(), "idx")
	runIngestOK(t, bin, idx, base)

	first, firstOut := ingestCmd(bin, idx, "--rebuild", base, extra)
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	firstDone := make(chan error, 1)
	go func() { firstDone <- first.Wait() }()
	// The writer records its pid in the lock file once it holds the lock.
	pid := strconv.Itoa(first.Process.Pid)
	deadline := time.Now().Add(30 * time.Second)
	for {
		b, _ := os.ReadFile(filepath.Join(idx, "lock"))
		if strings.TrimSpace(string(b)) == pid {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the first ingest never took the lock\n%s", firstOut)
		}
		time.Sleep(2 * time.Millisecond)
	}

	for _, args := range [][]string{{base}, {"--rebuild", base}} {
		second, out := ingestCmd(bin, idx, args...)
		start := time.Now()
		timer := time.AfterFunc(30*time.Second, func() { second.Process.Kill() })
		err := second.Run()
		timer.Stop()
		took := time.Since(start)
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != exitError {
			t.Errorf("second writer %v: %v after %s, want exit status 1\n%s", args, err, took, out)
		}
		want := fmt.Sprintf("index %s is being written by another process (pid %s)", idx, pid)
		if !strings.Contains(out.String(), want) {
			t.Errorf("second writer %v said %q, want %q", args, out, want)
		}
		if took > 5*time.Second {
			t.Errorf("second writer %v took %s to give up", args, took)
		}
	}
	// Readers take no lock.
	search := exec.Command(bin, "search", "--index", idx, "drug policy")
	if out, err := search.CombinedOutput(); err != nil || !bytes.Contains(out, []byte(" hits in ")) {
		t.Errorf("search during the ingest: %v\n%s", err, out)
	}
	select {
	case err := <-firstDone:
		if err != nil {
			t.Fatalf("first ingest: %v\n%s", err, firstOut)
		}
	case <-time.After(2 * time.Minute):
		first.Process.Kill()
		t.Fatal("first ingest did not finish")
	}
	if strings.Contains(firstOut.String(), "another process") {
		t.Errorf("the first writer was disturbed: %s", firstOut)
	}
	// The lock went with the first writer.
	runIngestOK(t, bin, idx, base)
}

// serveProc is a running `briefs serve`.
type serveProc struct {
	cmd  *exec.Cmd
	url  string
	logs *lockedBuffer
	done chan error
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

var servingURL = regexp.MustCompile(`msg=serving url=(http://127\.0\.0\.1:\d+)/`)

// startServe starts `briefs serve` on a free loopback port and waits for
// the URL it logs.
func startServe(t *testing.T, bin string, args ...string) *serveProc {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &serveProc{cmd: cmd, logs: &lockedBuffer{}, done: make(chan error, 1)}
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			fmt.Fprintln(p.logs, line)
			if m := servingURL.FindStringSubmatch(line); m != nil {
				urls <- m[1]
			}
		}
		io.Copy(p.logs, stderr)
		p.done <- cmd.Wait()
	}()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
		}
	})
	select {
	case p.url = <-urls:
	case err := <-p.done:
		t.Fatalf("serve exited: %v\n%s", err, p.logs)
	case <-time.After(30 * time.Second):
		t.Fatalf("serve did not log its URL\n%s", p.logs)
	}
	return p
}

// total returns the number of results of q on the server's JSON API.
func (p *serveProc) total(t *testing.T, q string) int {
	t.Helper()
	resp, err := http.Get(p.url + "/api/search?q=" + q)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var res struct{ Total int }
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /api/search?q=%s: %d %v", q, resp.StatusCode, err)
	}
	return res.Total
}

// waitTotal polls until q has want results and returns how long it took.
func (p *serveProc) waitTotal(t *testing.T, q string, want int, limit time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	for {
		if p.total(t, q) == want {
			return time.Since(start)
		}
		if time.Since(start) > limit {
			t.Fatalf("%s: %q still lacks its %d results after %s\n%s", p.url, q, want, limit, p.logs)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// stop ends the server with SIGTERM and checks it shuts down cleanly.
func (p *serveProc) stop(t *testing.T) {
	t.Helper()
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-p.done:
		if err != nil {
			t.Errorf("serve after SIGTERM: %v\n%s", err, p.logs)
		}
	case <-time.After(20 * time.Second):
		t.Errorf("serve did not stop on SIGTERM\n%s", p.logs)
	}
}

const freshDoc = `<!doctype html><html lang="en"><head><title>Quokkaphrase and the new briefing</title>
<meta name="citation_title" content="Quokkaphrase and the new briefing">
<meta name="citation_author" content="Ana Test">
<meta name="citation_publication_date" content="2024/05/01">
</head><body><article><h1>Quokkaphrase and the new briefing</h1>
<p>This briefing was added while the server ran; the word quokkaphrase occurs nowhere else.</p>
</article></body></html>`

// testServePicksUpIngest runs two servers on one index, one reloading on
// its timer (the default 2 s) and one only on SIGHUP, and checks that a
// finished ingest reaches each of them without a restart.
func testServePicksUpIngest(t *testing.T, bin string) {
	work := t.TempDir()
	base, fresh := filepath.Join(work, "base"), filepath.Join(work, "fresh")
	copyTree(t, filepath.Join("..", "..", "testdata", "corpus"), base)
	idx := filepath.Join(work, "idx")
	runIngestOK(t, bin, idx, base)

	timer := startServe(t, bin, "--index", idx)
	hup := startServe(t, bin, "--index", idx, "--reload", "0")
	for _, p := range []*serveProc{timer, hup} {
		if n := p.total(t, "quokkaphrase"); n != 0 {
			t.Fatalf("%s: quokkaphrase has %d results before the ingest", p.url, n)
		}
	}
	if err := os.MkdirAll(fresh, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(fresh, "quokka.html"), []byte(freshDoc), 0o644); err != nil {
		t.Fatal(err)
	}
	runIngestOK(t, bin, idx, base, fresh)

	took := timer.waitTotal(t, "quokkaphrase", 1, 2*time.Second+5*time.Second)
	t.Logf("the timer-reloading server found the new document %s after the ingest", took.Round(time.Millisecond))
	if !strings.Contains(timer.logs.String(), "switched to a newer index generation") {
		t.Errorf("no switch in the log:\n%s", timer.logs)
	}
	if n := hup.total(t, "quokkaphrase"); n != 0 {
		t.Errorf("the --reload 0 server switched without SIGHUP")
	}
	hup.cmd.Process.Signal(syscall.SIGHUP)
	took = hup.waitTotal(t, "quokkaphrase", 1, 5*time.Second)
	t.Logf("the SIGHUP server found it %s after the signal", took.Round(time.Millisecond))

	// The old documents are all still there, on both.
	for _, p := range []*serveProc{timer, hup} {
		resp, err := http.Get(p.url + "/healthz")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !strings.Contains(string(b), "generation gen-000002") {
			t.Errorf("%s/healthz = %q, want generation gen-000002", p.url, b)
		}
		p.stop(t)
	}
}
