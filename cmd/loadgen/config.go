package main

import (
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"time"
)

// Config is one load run.
type Config struct {
	URL         string        // base URL of the server
	Clients     int           // concurrent clients
	Duration    time.Duration // how long to send requests
	MaxRequests int           // stop after this many requests, whatever the time
	Timeout     time.Duration // bound on one request
	PID         int           // server process to sample RSS from; 0 for none
	Seed        uint64        // of the request mix
	MaxErrors   int           // failed requests tolerated before exit status 1
	JSON        bool          // print the report as JSON
	AllowRemote bool          // permit a non-loopback URL
}

func parseConfig(args []string, stderr io.Writer) (Config, error) {
	var cfg Config
	fs := flag.NewFlagSet("loadgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: loadgen [flags]

Send a mix of searches, document pages, exports and feeds to a briefs
server from concurrent clients for a fixed time, then report requests,
errors by kind, latency percentiles and the server's RSS over time.

Example:
  briefs serve --index /tmp/big.index --addr 127.0.0.1:8080 &
  loadgen -url http://127.0.0.1:8080 -c 32 -d 60s -pid $!

Flags:
`)
		fs.PrintDefaults()
	}
	fs.StringVar(&cfg.URL, "url", "http://127.0.0.1:8080", "base URL of the briefs server (loopback only, see -allow-remote)")
	fs.IntVar(&cfg.Clients, "c", 32, "concurrent clients")
	fs.DurationVar(&cfg.Duration, "d", 60*time.Second, "how long to send requests")
	fs.IntVar(&cfg.MaxRequests, "n", 1_000_000, "stop after this many requests even if -d has not passed")
	fs.DurationVar(&cfg.Timeout, "timeout", 30*time.Second, "bound on one request")
	fs.IntVar(&cfg.PID, "pid", 0, "pid of the server, to sample its RSS every second from /proc/PID/status (0: do not sample)")
	fs.Uint64Var(&cfg.Seed, "seed", 1, "seed of the request mix")
	fs.IntVar(&cfg.MaxErrors, "max-errors", 0, "exit with status 1 when more requests than this fail")
	fs.BoolVar(&cfg.JSON, "json", false, "print the report as JSON")
	fs.BoolVar(&cfg.AllowRemote, "allow-remote", false, "allow a URL that is not on this machine")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		return cfg, usageError{"loadgen takes no arguments: " + strings.Join(fs.Args(), " ")}
	}
	return cfg, cfg.check()
}

func (c *Config) check() error {
	switch {
	case c.Clients < 1 || c.Clients > 10000:
		return usageError{"-c must be from 1 to 10000"}
	case c.Duration <= 0 || c.Duration > 24*time.Hour:
		return usageError{"-d must be positive and at most 24h"}
	case c.MaxRequests < 1:
		return usageError{"-n must be at least 1"}
	case c.Timeout <= 0:
		return usageError{"-timeout must be positive"}
	case c.MaxErrors < 0:
		return usageError{"-max-errors must not be negative"}
	}
	u, err := url.Parse(c.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return usageError{fmt.Sprintf("-url %q is not an http(s) URL", c.URL)}
	}
	c.URL = strings.TrimRight(u.Scheme+"://"+u.Host+u.Path, "/")
	if !c.AllowRemote && !isLoopback(u.Hostname()) {
		return usageError{fmt.Sprintf("-url %s is not a loopback address; pass -allow-remote to load another machine", c.URL)}
	}
	return nil
}

// isLoopback accepts localhost and loopback IPs; names are not resolved,
// so a name that happens to point at 127.0.0.1 still needs -allow-remote.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
