package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// newFlagSet makes a subcommand's flag set whose -h prints the synopsis, a
// description, the flags and examples.
func newFlagSet(name string, stderr io.Writer, synopsis, description string, examples ...string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		out := fs.Output()
		fmt.Fprintf(out, "Usage: %s\n\n%s\n", synopsis, description)
		hasFlags := false
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintln(out, "\nFlags:")
			fs.PrintDefaults()
		}
		if len(examples) > 0 {
			fmt.Fprintln(out, "\nExamples:")
			for _, e := range examples {
				fmt.Fprintf(out, "  %s\n", e)
			}
		}
	}
	return fs
}

// parseFlags parses args; -h prints usage to stdout's place and ends the
// command successfully, other mistakes are usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		return exitStatus(exitOK)
	}
	if err != nil {
		return usageError{err.Error()}
	}
	return nil
}

// listFlag is a repeatable string flag: --country Peru --country Bolivia.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ", ") }
func (l *listFlag) Set(v string) error {
	*l = append(*l, v)
	return nil
}

// defaultIndexDir is where the index lives unless --index says otherwise.
func defaultIndexDir() string {
	if d := os.Getenv("BRIEFS_INDEX"); d != "" {
		return d
	}
	return "briefs.index"
}
