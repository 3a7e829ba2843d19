package search

import (
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"syscall"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// Errors a build meets in the background: scorch reports merge and
// persist failures through a callback, kept here until the build asks.

// asyncErrorCallback is the name under which scorch finds
// reportAsyncError (its config refers to callbacks by name).
const asyncErrorCallback = "briefs.build"

func init() {
	scorch.RegistryAsyncErrorCallbacks[asyncErrorCallback] = reportAsyncError
}

// building maps the directory of each generation under construction to
// its Builder's asyncErrors, so that reportAsyncError, which only gets a
// path, reaches the right Builder.
var building sync.Map // string -> *asyncErrors

// asyncErrors keeps the first background error of one build.
type asyncErrors struct {
	once sync.Once
	err  error
	done chan struct{} // closed when err is set
}

func newAsyncErrors() *asyncErrors { return &asyncErrors{done: make(chan struct{})} }

func (a *asyncErrors) set(err error) {
	a.once.Do(func() {
		a.err = err
		close(a.done)
	})
}

// get returns the first background error, or nil.
func (a *asyncErrors) get() error {
	select {
	case <-a.done:
		return a.err
	default:
		return nil
	}
}

// reportAsyncError receives scorch's background errors. Failing to delete
// obsolete files is harmless (the whole generation directory is removed or
// kept as a unit); anything else means the generation cannot be completed.
func reportAsyncError(err error, path string) {
	if errors.Is(err, scorch.ErrCleanup) {
		return
	}
	building.Range(func(k, v any) bool {
		dir := k.(string)
		if path == dir || strings.HasPrefix(path, dir+string(filepath.Separator)) {
			v.(*asyncErrors).set(newBackgroundError(err))
			return false
		}
		return true
	})
}

// backgroundError is a scorch background failure. scorch reports it as a
// message, not a wrapped error, so the errno that matters to a user (a
// full disk) is recovered from the text for errors.Is.
type backgroundError struct {
	msg   string
	errno error
}

func (e *backgroundError) Error() string { return e.msg }
func (e *backgroundError) Unwrap() error { return e.errno }

func newBackgroundError(err error) error {
	msg := err.Error()
	var se *scorch.ScorchError
	if errors.As(err, &se) {
		msg = se.ErrMsg
	}
	e := &backgroundError{msg: msg}
	for _, errno := range []syscall.Errno{syscall.ENOSPC, syscall.EIO, syscall.EROFS} {
		if strings.Contains(msg, errno.Error()) {
			e.errno = errno
			break
		}
	}
	return e
}
