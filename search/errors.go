package search

import (
	"errors"
	"fmt"
)

// Sentinel errors callers branch on.
var (
	// ErrNotFound: Document was asked for an ID the index does not hold.
	ErrNotFound = errors.New("not found")
	// ErrNoIndex: Open found no committed generation in the directory.
	ErrNoIndex = errors.New("no index")
	// ErrLocked: another Builder holds the directory's write lock.
	ErrLocked = errors.New("index is locked")
	// ErrClosed: the Index was used after Close.
	ErrClosed = errors.New("index is closed")
)

// RequestError is a query the caller should not have sent: a page beyond
// the result window, a negative size, an unknown sort. The web layer turns
// it into a 400 with Msg as the message.
type RequestError struct{ Msg string }

func (e *RequestError) Error() string { return e.Msg }

func requestErrorf(format string, args ...any) error {
	return &RequestError{Msg: fmt.Sprintf(format, args...)}
}

// VersionError says the index on disk was built by a briefs whose mapping
// differs from this one's; the fix is a rebuild.
type VersionError struct {
	Dir  string
	Have int // 0 when the index records no version
	Want int
}

func (e *VersionError) Error() string {
	have := fmt.Sprintf("mapping version %d", e.Have)
	if e.Have == 0 {
		have = "no mapping version"
	}
	return fmt.Sprintf("index %s was built with %s, this briefs needs %d: re-ingest with `briefs ingest --rebuild`",
		e.Dir, have, e.Want)
}

// LockedError is returned by NewBuilder when another writer holds the
// directory. It matches ErrLocked with errors.Is.
type LockedError struct {
	Dir string
	PID int // 0 if the holder's pid could not be read
}

func (e *LockedError) Error() string {
	if e.PID == 0 {
		return fmt.Sprintf("index %s is being written by another process", e.Dir)
	}
	return fmt.Sprintf("index %s is being written by another process (pid %d)", e.Dir, e.PID)
}

func (e *LockedError) Is(target error) bool { return target == ErrLocked }
