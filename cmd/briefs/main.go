// Command briefs ingests policy briefings into a search index and serves
// them: `briefs ingest`, `briefs search`, `briefs serve` and friends. main
// only wires the process (signals, exit codes); run does the work and is
// what the tests call.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// Exit codes, documented in the README.
const (
	exitOK      = 0
	exitError   = 1 // the command failed
	exitUsage   = 2 // bad flags or arguments
	exitSkipped = 3 // ingest finished, but some files were skipped
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// exitCode prints err (unless it is only an exit status) and maps it to the
// process exit code.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	var st exitStatus
	if errors.As(err, &st) {
		return int(st)
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "briefs: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stderr, "briefs: %v\n", err)
	return exitError
}

// exitStatus ends the process with a code but prints nothing more: the
// command has already said what happened.
type exitStatus int

func (e exitStatus) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// usageError is a mistake in how the command was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// command is one subcommand: its name, a one-line summary and its run func.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"ingest", "extract files and add them to an index", runIngest},
		{"extract", "print what the ingester extracts from files, as JSON lines", runExtract},
		{"search", "search an index from the shell", runSearch},
		{"serve", "serve the web UI and JSON API", runServe},
		{"eval", "measure ranking and extraction quality", runEval},
		{"gen", "write a synthetic corpus for benchmarks", runGen},
		{"bench", "measure ingest and query speed on a generated corpus", runBench},
		{"version", "print the version", runVersion},
	}
}

const version = "0.1.0"

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		usage(stderr)
		return usageError{"no command given"}
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			return run(ctx, []string{args[1], "-h"}, stdout, stderr)
		}
		usage(stdout)
		return nil
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	usage(stderr)
	return usageError{fmt.Sprintf("unknown command %q", name)}
}

func usage(w io.Writer) {
	fmt.Fprint(w, `briefs: a full-text search engine for policy briefings

Usage:
  briefs <command> [flags] [arguments]

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Run "briefs <command> -h" for a command's flags and examples.
The index lives in ./briefs.index unless --index or $BRIEFS_INDEX says otherwise.
`)
}

func runVersion(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("version", stderr, "briefs version", "Print the version of briefs.")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "briefs %s\n", version)
	return nil
}
