// Command loadgen puts a running briefs server under load: N concurrent
// clients send a mix of keyword, phrase, facet-filtered, sorted and paged
// searches, document pages, exports and feeds for a fixed time, then it
// reports the requests made, the errors by kind, latency percentiles and,
// given the server's pid, its resident memory sampled every second.
//
//	loadgen -url http://127.0.0.1:8080 -c 32 -d 60s -pid $(pgrep -n briefs)
//
// It learns what to ask from the server itself (the newest documents and
// the facet values of /api/search and /api/facets), so it works on any
// index. It only talks to loopback addresses unless -allow-remote is
// given, stops by itself after -d or -n requests, and exits with status 1
// when more than -max-errors requests failed.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	switch {
	case err == nil:
	case errors.Is(err, flag.ErrHelp):
	case errors.As(err, new(usageError)):
		fmt.Fprintf(os.Stderr, "loadgen: %v\n", err)
		os.Exit(2)
	default:
		fmt.Fprintf(os.Stderr, "loadgen: %v\n", err)
		os.Exit(1)
	}
}

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// run parses the flags, runs the load and prints the report.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseConfig(args, stderr)
	if err != nil {
		return err
	}
	rep, err := Run(ctx, cfg, stderr)
	if err != nil {
		return err
	}
	if cfg.JSON {
		if err := rep.WriteJSON(stdout); err != nil {
			return err
		}
	} else {
		rep.WriteText(stdout)
	}
	if n := rep.Errors(); n > cfg.MaxErrors {
		return fmt.Errorf("%d requests failed (allowed: %d)", n, cfg.MaxErrors)
	}
	return nil
}
