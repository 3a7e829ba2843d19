package indexer

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"
)

// Excludes leave files and folders out of a walk. Patterns use .gitignore
// syntax, the one users know from version control:
//
//   - "name" (no slash) matches a file or folder of that name at any depth;
//     "a/b" or "/name" (a slash before the end) is relative to the root.
//   - A trailing "/" matches folders only ("_sources/").
//   - "*" and "?" match within one path segment, "[a-z]" a class, and "**"
//     any number of segments ("**/build", "docs/**", "a/**/b").
//   - "!pattern" brings back what an earlier pattern left out (the last
//     matching pattern wins); "#" starts a comment; "\" escapes.
//
// A folder that is left out is not entered, so "!" cannot bring back a file
// inside it (as in git). Patterns come from defaultExcludes, then the
// root's .briefsignore file, then Options.Exclude (the command line's
// --exclude), so a later source can undo an earlier one ("!_static/").
// Git's library, go-git, has a matcher too, but pulling all of go-git in
// for it is out of proportion; the lone gitignore module
// (sabhiram/go-gitignore) has been unmaintained since 2021.

// ignoreFile is the name of the exclude file read at the root of a walk.
const ignoreFile = ".briefsignore"

// defaultExcludes are left out of every walk: version-control and
// dependency folders, operating-system junk, and what documentation
// builders leave beside the pages (Sphinx copies every page's source into
// _sources/ as .txt, which would index each page twice). Hidden files and
// folders (".git") are skipped anyway; they are listed for completeness.
var defaultExcludes = []string{
	".git/", ".hg/", ".svn/", "CVS/", "node_modules/", "__pycache__/",
	".DS_Store", "Thumbs.db", "desktop.ini", "._*", "__MACOSX/",
	"_sources/", "_static/", ".doctrees/", ".buildinfo",
}

// excluder decides which paths a walk leaves out.
type excluder struct{ rules []excludeRule }

type excludeRule struct {
	re      *regexp.Regexp
	negate  bool
	dirOnly bool
}

// newExcluder reads the default patterns, the root's .briefsignore, if
// any, and extra. A bad pattern is an error naming where it came from.
func newExcluder(fsys fs.FS, extra []string) (*excluder, error) {
	ex := &excluder{}
	if err := ex.add("default", defaultExcludes); err != nil {
		return nil, err
	}
	if data, err := fs.ReadFile(fsys, ignoreFile); err == nil {
		if err := ex.add(ignoreFile, strings.Split(string(data), "\n")); err != nil {
			return nil, err
		}
	}
	if err := ex.add("--exclude", extra); err != nil {
		return nil, err
	}
	return ex, nil
}

func (ex *excluder) add(source string, lines []string) error {
	for i, line := range lines {
		r, ok, err := parseExcludeRule(line)
		if err != nil {
			if source == ignoreFile {
				return fmt.Errorf("%s line %d: %w", ignoreFile, i+1, err)
			}
			return fmt.Errorf("%s %q: %w", source, line, err)
		}
		if ok {
			ex.rules = append(ex.rules, r)
		}
	}
	return nil
}

// excluded reports whether the path p (slash-separated, relative to the
// root) is left out; isDir says whether it is a folder.
func (ex *excluder) excluded(p string, isDir bool) bool {
	if ex == nil {
		return false
	}
	out := false
	for _, r := range ex.rules {
		if r.dirOnly && !isDir {
			continue
		}
		if r.re.MatchString(p) {
			out = !r.negate
		}
	}
	return out
}

// parseExcludeRule reads one .gitignore line; ok is false for blank lines
// and comments.
func parseExcludeRule(line string) (r excludeRule, ok bool, err error) {
	line = strings.TrimSuffix(line, "\r")
	line = trimUnescapedSpace(line)
	if line == "" || strings.HasPrefix(line, "#") {
		return r, false, nil
	}
	if strings.HasPrefix(line, "!") {
		r.negate = true
		line = line[1:]
	} else if strings.HasPrefix(line, `\!`) || strings.HasPrefix(line, `\#`) {
		line = line[1:]
	}
	if strings.HasSuffix(line, "/") {
		r.dirOnly = true
		line = strings.TrimRight(line, "/")
	}
	if line == "" {
		return r, false, nil
	}
	anchored := strings.Contains(line, "/")
	line = strings.TrimPrefix(line, "/")
	var b strings.Builder
	if anchored {
		b.WriteString("^")
	} else {
		b.WriteString("^(?:.*/)?")
	}
	if err := globToRegexp(&b, line); err != nil {
		return r, false, err
	}
	b.WriteString("$")
	r.re, err = regexp.Compile(b.String())
	if err != nil {
		return r, false, fmt.Errorf("bad pattern: %w", err)
	}
	return r, true, nil
}

// trimUnescapedSpace drops trailing spaces unless the last one is escaped
// with a backslash.
func trimUnescapedSpace(s string) string {
	for strings.HasSuffix(s, " ") && !strings.HasSuffix(s, `\ `) {
		s = s[:len(s)-1]
	}
	return s
}

// globToRegexp writes the regular expression for a .gitignore glob.
func globToRegexp(b *strings.Builder, g string) error {
	segs := strings.Split(g, "/")
	for i, seg := range segs {
		last := i == len(segs)-1
		if seg == "**" {
			switch {
			case last && i == 0:
				b.WriteString(".*")
			case last:
				b.WriteString(".*") // "a/**": everything inside a
			default:
				b.WriteString("(?:.*/)?") // "**/x", "a/**/x": zero or more folders
			}
			continue
		}
		if err := segmentToRegexp(b, seg); err != nil {
			return err
		}
		if !last {
			b.WriteString("/")
		}
	}
	return nil
}

// segmentToRegexp writes one path segment's glob: "*" and "?" stay within
// the segment, "[...]" is a class ("[!...]" negated), "\" escapes.
func segmentToRegexp(b *strings.Builder, seg string) error {
	for i := 0; i < len(seg); i++ {
		c := seg[i]
		switch c {
		case '*':
			for i+1 < len(seg) && seg[i+1] == '*' {
				i++ // "**" inside a segment is a plain "*"
			}
			b.WriteString("[^/]*")
		case '?':
			b.WriteString("[^/]")
		case '\\':
			if i+1 < len(seg) {
				i++
				b.WriteString(regexp.QuoteMeta(seg[i : i+1]))
			}
		case '[':
			end := strings.IndexByte(seg[i+1:], ']')
			if end < 0 {
				return fmt.Errorf("unclosed [ in %q", seg)
			}
			class := seg[i+1 : i+1+end]
			if end == 0 { // "[]...]": a ] first is part of the class
				next := strings.IndexByte(seg[i+2:], ']')
				if next < 0 {
					return fmt.Errorf("unclosed [ in %q", seg)
				}
				class = seg[i+1 : i+2+next]
				end = next + 1
			}
			b.WriteString("[")
			if strings.HasPrefix(class, "!") || strings.HasPrefix(class, "^") {
				b.WriteString("^/")
				class = class[1:]
			}
			b.WriteString(strings.ReplaceAll(strings.ReplaceAll(class, `\`, `\\`), "[", `\[`))
			b.WriteString("]")
			i += end + 1
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	return nil
}

// countFiles counts the files under the folder p, for the summary's
// "N files excluded"; nothing is read.
func countFiles(fsys fs.FS, p string) int {
	n := 0
	_ = fs.WalkDir(fsys, p, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}
