package main

import (
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// The progress line `briefs gen` prints while it writes.

// genProgress draws a bar on stderr when it is a terminal, like ingest's.
type genProgress struct {
	w     io.Writer
	quiet bool
	desc  string
	bar   *progressbar.ProgressBar
}

func newGenProgress(w io.Writer, quiet bool, desc string) *genProgress {
	if f, ok := w.(*os.File); !ok || !term.IsTerminal(int(f.Fd())) {
		quiet = true
	}
	return &genProgress{w: w, quiet: quiet, desc: desc}
}

func (p *genProgress) update(done, total int) {
	if p.quiet {
		return
	}
	if p.bar == nil {
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetDescription(p.desc),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("docs"),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	_ = p.bar.Set(done)
}

func (p *genProgress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
