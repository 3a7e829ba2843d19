//go:build !unix

package search

import (
	"errors"
	"os"
	"path/filepath"
)

// dirLock on systems without flock: an exclusively created lock file. A
// killed writer leaves it behind, and it must then be removed by hand; the
// error says which file.
type dirLock struct{ path string }

func lockDir(dir string) (*dirLock, error) {
	path := filepath.Join(dir, lockFile)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return nil, &LockedError{Dir: dir}
		}
		return nil, err
	}
	f.Close()
	return &dirLock{path: path}, nil
}

func (l *dirLock) unlock() error {
	if l == nil || l.path == "" {
		return nil
	}
	err := os.Remove(l.path)
	l.path = ""
	return err
}
