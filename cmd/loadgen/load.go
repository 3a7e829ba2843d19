package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// Error kinds counted in the report.
const (
	err5xx       = "5xx"       // the server failed
	err4xx       = "4xx"       // the server refused a request loadgen thinks valid
	errTransport = "transport" // no answer: refused, reset, timed out
)

// result is one request's outcome.
type result struct {
	kind   string
	status int
	errKey string // "" when the request succeeded
	took   time.Duration
	detail string // for the first failures of each kind, shown in the report
}

// Run learns the corpus from the server, then sends requests from
// cfg.Clients goroutines until cfg.Duration has passed or
// cfg.MaxRequests were sent, sampling the server's RSS meanwhile.
// Requests in flight when the time is up are waited for (each bounded by
// cfg.Timeout), so the end of the run produces no errors of its own.
func Run(ctx context.Context, cfg Config, log io.Writer) (*Report, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	client := &http.Client{
		Timeout: cfg.Timeout,
		Transport: &http.Transport{
			MaxIdleConns:        cfg.Clients,
			MaxIdleConnsPerHost: cfg.Clients,
			IdleConnTimeout:     30 * time.Second,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	defer client.CloseIdleConnections()
	dctx, cancel := context.WithTimeout(ctx, cfg.Timeout)
	v, err := discover(dctx, client, cfg.URL)
	cancel()
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(log, "loadgen: %d documents, %d words, %d phrases learnt from %s; %d clients for %s\n",
		len(v.ids), len(v.words), len(v.phrases), cfg.URL, cfg.Clients, cfg.Duration)

	var sampler *rssSampler
	if cfg.PID > 0 {
		if sampler, err = startRSS(cfg.PID, time.Second); err != nil {
			return nil, err
		}
	}
	start := time.Now()
	deadline := start.Add(cfg.Duration)
	var sent atomic.Int64
	results := make(chan result, 4*cfg.Clients)
	var wg sync.WaitGroup
	for c := range cfg.Clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m := newMix(v, cfg.Seed, c)
			for time.Now().Before(deadline) && ctx.Err() == nil && sent.Add(1) <= int64(cfg.MaxRequests) {
				kind, path := m.next()
				results <- do(ctx, client, cfg.URL, kind, path)
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	rep := newReport(cfg)
	for r := range results {
		rep.add(r)
	}
	rep.Seconds = time.Since(start).Seconds()
	if sampler != nil {
		rep.RSS = sampler.stop()
	}
	if err := ctx.Err(); err != nil {
		return rep, fmt.Errorf("interrupted: %w", err)
	}
	return rep, nil
}

// do sends one GET and reads the whole body, as a browser would.
func do(ctx context.Context, client *http.Client, base, kind, path string) result {
	r := result{kind: kind}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+path, nil)
	if err != nil {
		r.errKey, r.detail = errTransport, err.Error()
		return r
	}
	start := time.Now()
	resp, err := client.Do(req)
	if err == nil {
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	r.took = time.Since(start)
	switch {
	case err != nil:
		r.errKey, r.detail = errTransport, err.Error()
		var ue interface{ Timeout() bool }
		if errors.As(err, &ue) && ue.Timeout() {
			r.detail = fmt.Sprintf("GET %s: timed out after %s", path, r.took.Round(time.Millisecond))
		}
	case resp.StatusCode >= 500:
		r.status, r.errKey, r.detail = resp.StatusCode, err5xx, fmt.Sprintf("GET %s: %s", path, resp.Status)
	case resp.StatusCode >= 400:
		r.status, r.errKey, r.detail = resp.StatusCode, err4xx, fmt.Sprintf("GET %s: %s", path, resp.Status)
	default:
		r.status = resp.StatusCode
	}
	return r
}
