package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// singleFileFS is the folder of one file, showing only that file, so that a
// file named on the command line goes through the same Walk as a folder
// (and its sidecar name.json or name.yaml is still found beside it).
type singleFile struct {
	dir  fs.FS
	name string
}

func singleFileFS(path string) fs.FS {
	return singleFile{dir: os.DirFS(filepath.Dir(path)), name: filepath.Base(path)}
}

func (s singleFile) visible(name string) bool {
	if name == "." || name == s.name {
		return true
	}
	stem := strings.TrimSuffix(s.name, ".gz")
	stem = strings.TrimSuffix(stem, filepath.Ext(stem))
	for _, ext := range []string{".json", ".yaml", ".yml"} {
		if name == stem+ext {
			return true
		}
	}
	return false
}

func (s singleFile) Open(name string) (fs.File, error) {
	if !s.visible(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return s.dir.Open(name)
}

func (s singleFile) ReadDir(name string) ([]fs.DirEntry, error) {
	if name != "." {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	all, err := fs.ReadDir(s.dir, ".")
	if err != nil {
		return nil, err
	}
	var out []fs.DirEntry
	for _, e := range all {
		if e.Name() == s.name {
			out = append(out, e)
		}
	}
	return out, nil
}
