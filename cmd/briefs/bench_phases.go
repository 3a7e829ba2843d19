package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/briefs/briefs/indexer"
	"github.com/briefs/briefs/search"
	"github.com/briefs/briefs/web"
)

// The phases of `briefs bench` that run in a child process (bench --phase
// ingest|serve), so that each has a peak RSS of its own.

// ---- ingest phase (child) ----

func benchIngestPhase(ctx context.Context, cfg benchConfig, stdout, stderr io.Writer) error {
	if cfg.Corpus == "" || cfg.Index == "" {
		return usageError{"bench --phase ingest needs --corpus and --index"}
	}
	stop, err := startProfiles(cfg)
	if err != nil {
		return err
	}
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	start, cpu0 := time.Now(), cpuSeconds()

	var res ingestResult
	if cfg.Format == genJSONL {
		res, err = benchIngestJSONL(ctx, cfg.Corpus, cfg.Index)
	} else {
		root := filepath.Join(cfg.Corpus, cfg.Format)
		var rep indexer.Report
		rep, _, err = ingest(ctx, ingestConfig{IndexDir: cfg.Index, Rebuild: true, Quiet: cfg.Quiet}, []string{root}, stderr)
		res = ingestResult{Files: rep.Files, Records: rep.Records, Skipped: len(rep.Skipped)}
		if err == nil {
			res.Bytes, err = dirSize(root)
		}
	}
	if err != nil {
		return err
	}
	res.Seconds = time.Since(start).Seconds()
	res.CPU = cpuSeconds() - cpu0
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	res.AllocMB = float64(after.TotalAlloc-before.TotalAlloc) / 1e6
	res.GCCycles = after.NumGC - before.NumGC
	res.PeakRSSKB, res.Resident, res.Peaks = peakRSSKB(), residentSplit(), peaks()
	if err := stop(); err != nil {
		return err
	}
	return json.NewEncoder(stdout).Encode(res)
}

// benchIngestJSONL builds an index from the corpus's JSON Lines files,
// through ingest as `briefs ingest briefings*.jsonl` does, so that the
// figures are those of what users run.
func benchIngestJSONL(ctx context.Context, corpus, index string) (ingestResult, error) {
	var res ingestResult
	files, err := jsonlFiles(corpus)
	if err != nil {
		return res, err
	}
	rep, _, err := ingest(ctx, ingestConfig{IndexDir: index, Rebuild: true, Quiet: true}, files, io.Discard)
	if err != nil {
		return res, err
	}
	res = ingestResult{Files: rep.Files, Records: rep.Records, Skipped: len(rep.Skipped)}
	for _, name := range files {
		fi, err := os.Stat(name)
		if err != nil {
			return res, err
		}
		res.Bytes += fi.Size()
	}
	return res, nil
}

// startProfiles starts the CPU profile; the returned func stops it and
// writes the heap profile.
func startProfiles(cfg benchConfig) (func() error, error) {
	var cpu *os.File
	if cfg.CPUProfile != "" {
		f, err := os.Create(cfg.CPUProfile)
		if err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return nil, fmt.Errorf("bench: %w", err)
		}
		cpu = f
	}
	return func() error {
		if cpu != nil {
			pprof.StopCPUProfile()
			if err := cpu.Close(); err != nil {
				return fmt.Errorf("bench: %w", err)
			}
		}
		if cfg.MemProfile != "" {
			f, err := os.Create(cfg.MemProfile)
			if err != nil {
				return fmt.Errorf("bench: %w", err)
			}
			runtime.GC()
			err = pprof.Lookup("allocs").WriteTo(f, 0)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return fmt.Errorf("bench: %w", err)
			}
		}
		return nil
	}, nil
}

// ---- serve phase (child) ----

// benchServePhase opens the index, runs the query mix in process, then
// serves HTTP on a loopback port until stdin closes. It writes two JSON
// lines: the in-process figures with the address, then the peak RSS.
func benchServePhase(ctx context.Context, cfg benchConfig, stdin io.Reader, stdout io.Writer) error {
	if cfg.Index == "" {
		return usageError{"bench --phase serve needs --index"}
	}
	stop, err := startProfiles(cfg)
	if err != nil {
		return err
	}
	start := time.Now()
	ix, err := search.Open(cfg.Index)
	if err != nil {
		return err
	}
	defer ix.Close()
	ix.LimitResident(int64(cfg.ResidentMB) << 20) // as briefs serve --resident
	res := serveResult{OpenMS: ms(time.Since(start))}

	mix := queryMix(cfg.Seed, cfg.Queries)
	res.InProcess, res.Mix, err = runMix(ctx, ix, mix)
	if err != nil {
		return err
	}
	if cfg.Long {
		sn, none, err := snippetCost(ctx, ix, mix)
		if err != nil {
			return err
		}
		res.Snippets, res.NoSnippets = &sn, &none
	}

	srv, err := web.NewServer(web.Config{Index: ix})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	go hs.Serve(ln) //nolint:errcheck // ends with Close below
	res.Addr = ln.Addr().String()
	enc := json.NewEncoder(stdout)
	if err := enc.Encode(res); err != nil {
		hs.Close()
		return err
	}
	cpu0 := cpuSeconds()
	_, _ = io.Copy(io.Discard, stdin) // the parent closes stdin when its clients are done
	hs.Close()
	httpCPU := cpuSeconds() - cpu0
	if err := stop(); err != nil {
		return err
	}
	return enc.Encode(serveResult{PeakRSSKB: peakRSSKB(), Resident: residentSplit(), Peaks: peaks(), HTTPCPU: httpCPU})
}
