package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestRun runs the command on a small module of two packages and a
// command, and checks the names it lists: only what no other package
// uses, with what counts as a use (a method of a constructor's result, an
// external test, a command's call) and what does not (the package's own
// tests), and nothing of the command itself.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.22\n",
		"a/a.go": `package a

// C is used by a's external test only.
const C = 1

// Unused is used by a's own test only.
func Unused() int { return helper() }

func helper() int { return 2 }

// T is never named outside, but b calls its method.
type T struct {
	F     int // never used outside
	Shown int // read by b
}

func New() *T { return &T{} }

func (t *T) M() int      { return t.F }
func (t *T) Private() int { return 0 }
`,
		"a/a_test.go": `package a

import "testing"

func TestUnused(t *testing.T) { _ = Unused() }
`,
		"a/ext_test.go": `package a_test

import (
	"testing"

	"example.com/m/a"
)

func TestC(t *testing.T) { _ = a.C }
`,
		"cmd/c/main.go": `package main

import "example.com/m/b"

// Exported is left out: a command cannot be imported.
func Exported() int { return b.Use() }

func main() { _ = Exported() }
`,
		"b/b.go": `package b

import "example.com/m/a"

func Use() int { t := a.New(); return t.M() + t.Shown }
`,
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := run(dir, []string{"./..."}, &out); err != nil {
		t.Fatal(err)
	}
	want := `example.com/m/a: 8 exported, 3 used by no other package
	func   Unused                           a/a.go:7
	field  T.F                              a/a.go:13
	method T.Private                        a/a.go:20
example.com/m/b: 1 exported, 0 used by no other package
`
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
}
