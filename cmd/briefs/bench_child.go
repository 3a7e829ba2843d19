package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/briefs/briefs/internal/digits"
)

// The parent side of `briefs bench`: it runs the ingest and serve phases
// as child processes of the same binary and gathers their figures.

func bench(ctx context.Context, cfg benchConfig, stderr io.Writer) (*benchReport, error) {
	rep := &benchReport{Config: cfg, Machine: readMachine(), LoadFrom: loadAverage()}
	say := func(format string, args ...any) {
		if !cfg.Quiet {
			fmt.Fprintf(stderr, "bench: "+format+"\n", args...)
		}
	}

	if cfg.Index != "" && !cfg.SkipIngest {
		if ents, err := os.ReadDir(cfg.Index); err == nil && len(ents) > 0 {
			// An incremental ingest would measure an update, not a build,
			// and bench must not touch a real index.
			return nil, usageError{fmt.Sprintf("bench: --index %s is not empty", cfg.Index)}
		}
	}
	work, err := os.MkdirTemp("", "briefs-bench-")
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	if cfg.Keep {
		say("keeping corpus and index under %s", work)
	} else {
		defer os.RemoveAll(work)
	}
	corpus := cfg.Corpus
	if corpus == "" {
		corpus = filepath.Join(work, "corpus")
	}
	index := cfg.Index
	if index == "" {
		index = filepath.Join(work, "index")
	}
	rep.Corpus = corpus

	switch {
	case cfg.SkipIngest:
		say("querying the index in %s as it is", index)
	case hasCorpus(corpus, cfg.Format):
		say("reusing the %s corpus in %s", cfg.Format, corpus)
	default:
		say("generating %s %s documents into %s", digits.Grouped(int64(cfg.Docs)), cfg.Format, corpus)
		if err := os.MkdirAll(corpus, 0o755); err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
		bar := newGenProgress(stderr, cfg.Quiet, "generating")
		sum, err := generate(ctx, genConfig{Docs: cfg.Docs, Seed: cfg.Seed, Format: cfg.Format,
			Spanish: cfg.Spanish, PerFolder: 1000, Long: cfg.Long}, corpus, bar.update)
		bar.finish()
		if err != nil {
			return nil, err
		}
		say("generated %s", sum)
		rep.Gen = &sum
	}

	if !cfg.SkipIngest {
		say("ingesting (child process)")
		childArgs := []string{"--format", cfg.Format, "--corpus", corpus, "--index", index}
		if cfg.Quiet {
			childArgs = append(childArgs, "--quiet")
		}
		childArgs = append(childArgs, profileArgs(cfg, "ingest")...)
		out, err := runChild(ctx, "ingest", childArgs, nil, stderr)
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(out, &rep.Ingest); err != nil {
			return nil, fmt.Errorf("bench: ingest child said %q: %w", out, err)
		}
		say("ingested %s records in %.1f s", digits.Grouped(int64(rep.Ingest.Records)), rep.Ingest.Seconds)
	}
	size, err := dirSize(index)
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	rep.IndexMB = float64(size) / 1e6

	say("querying: %d queries in process, then %d over HTTP with %d clients (child process)", cfg.Queries, cfg.HTTPQueries, cfg.Clients)
	serveArgs := []string{"--index", index, "--seed", strconv.FormatUint(cfg.Seed, 10), "--queries", strconv.Itoa(cfg.Queries),
		"--resident", strconv.Itoa(cfg.ResidentMB)}
	if cfg.Long {
		serveArgs = append(serveArgs, "--long")
	}
	serveArgs = append(serveArgs, profileArgs(cfg, "serve")...)
	if err := benchServe(ctx, cfg, serveArgs, rep, stderr); err != nil {
		return nil, err
	}
	rep.LoadTo = loadAverage()
	return rep, nil
}

// benchServe starts the serve child, waits for its in-process figures and
// its address, runs the HTTP clients against it, then lets it finish and
// report its peak memory.
func benchServe(ctx context.Context, cfg benchConfig, args []string, rep *benchReport, stderr io.Writer) error {
	cmd, err := childCommand(ctx, "serve", args)
	if err != nil {
		return err
	}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("bench: start serve child: %w", err)
	}
	defer cmd.Wait() //nolint:errcheck // waited for below on the normal path
	lines := bufio.NewScanner(stdout)
	lines.Buffer(make([]byte, 64<<10), 16<<20)
	next := func(v any) error {
		if !lines.Scan() {
			return fmt.Errorf("bench: serve child ended early: %v", lines.Err())
		}
		return json.Unmarshal(lines.Bytes(), v)
	}
	var ready serveResult
	if err := next(&ready); err != nil {
		stdin.Close()
		return err
	}
	if cfg.HTTPQueries > 0 {
		mix := queryMix(cfg.Seed, cfg.Queries)
		rep.HTTP = httpLoad(ctx, "http://"+ready.Addr, mix, cfg.HTTPQueries, cfg.Clients)
	}
	stdin.Close()
	var done serveResult
	if err := next(&done); err != nil {
		return err
	}
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("bench: serve child: %w", err)
	}
	ready.PeakRSSKB, ready.Resident, ready.Peaks = done.PeakRSSKB, done.Resident, done.Peaks
	rep.HTTP.CPU = done.HTTPCPU
	ready.Addr = ""
	rep.Serve = ready
	return nil
}

func profileArgs(cfg benchConfig, phase string) []string {
	var args []string
	if cfg.CPUProfile != "" {
		args = append(args, "--cpuprofile", phaseFile(cfg.CPUProfile, phase))
	}
	if cfg.MemProfile != "" {
		args = append(args, "--memprofile", phaseFile(cfg.MemProfile, phase))
	}
	return args
}

// phaseFile turns cpu.pprof into cpu-ingest.pprof.
func phaseFile(name, phase string) string {
	ext := filepath.Ext(name)
	return strings.TrimSuffix(name, ext) + "-" + phase + ext
}

// childCommand runs this binary as `briefs bench --phase PHASE ARGS`.
func childCommand(ctx context.Context, phase string, args []string) (*exec.Cmd, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("bench: find own binary: %w", err)
	}
	cmd := exec.CommandContext(ctx, exe, append([]string{"bench", "--phase", phase}, args...)...)
	cmd.Env = append(os.Environ(), benchChildEnv+"=1")
	return cmd, nil
}

// runChild runs a phase to its end and returns its standard output.
func runChild(ctx context.Context, phase string, args []string, stdin io.Reader, stderr io.Writer) ([]byte, error) {
	cmd, err := childCommand(ctx, phase, args)
	if err != nil {
		return nil, err
	}
	cmd.Stdin, cmd.Stderr = stdin, stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("bench: %s child: %w", phase, err)
	}
	return out, nil
}

// hasCorpus reports whether dir holds generated files of format.
func hasCorpus(dir, format string) bool {
	if format == genJSONL {
		files, _ := jsonlFiles(dir)
		return len(files) > 0
	}
	ents, err := os.ReadDir(filepath.Join(dir, format))
	return err == nil && len(ents) > 0
}

// jsonlFiles lists OUT/briefings*.jsonl in order.
func jsonlFiles(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "briefings*.jsonl"))
	slices.Sort(files)
	return files, err
}

func dirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			fi, err := d.Info()
			if err != nil {
				return err
			}
			n += fi.Size()
		}
		return nil
	})
	return n, err
}
