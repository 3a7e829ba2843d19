// Command exports lists the exported names of this module's packages that
// no other package uses: functions, types, constants, variables, methods
// and struct fields that could be unexported (or, unused, deleted).
//
//	go run ./tools/exports ./...
//
// Commands (package main) are left out. A use is a reference the type
// checker records from another package, tests included (an external _test
// package counts as another package, the package's own tests do not). Uses
// it cannot see are listed all the same, so each line is a place to look,
// not a verdict: methods that satisfy an interface (String, Error), fields
// read by reflection (encoding/json, html/template) and names a package
// exports on purpose, such as the errors its functions return.
package main

import (
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"
)

func main() {
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: go run ./tools/exports [packages] (default ./...)")
	}
	flag.Parse()
	patterns := flag.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	if err := run(".", patterns, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "exports:", err)
		os.Exit(1)
	}
}

// export is one exported name and where it is declared.
type export struct {
	pkg, kind, name string
	pos             token.Position
}

// run loads the packages under dir matching patterns, with their tests,
// and writes one line per exported name no other package uses, grouped by
// package with a count.
func run(dir string, patterns []string, w io.Writer) error {
	cfg := &packages.Config{
		Mode:  packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo,
		Dir:   dir,
		Tests: true,
	}
	root, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return err
	}
	if packages.PrintErrors(pkgs) > 0 {
		return fmt.Errorf("packages contain errors")
	}
	// A package and its test variant declare the same objects twice, so
	// declarations and uses are matched by position.
	declared := map[string]export{}
	used := map[string]bool{}
	total := map[string]int{}
	for _, p := range pkgs {
		// Uses from another package, an external test package (p_test)
		// included. A type whose methods or fields another package uses
		// is used too, even if that package never names it (the result
		// of a constructor).
		for _, obj := range p.TypesInfo.Uses {
			if obj.Pkg() == nil || obj.Pkg().Path() == p.PkgPath {
				continue
			}
			used[key(p.Fset, obj)] = true
			if owner := ownerType(obj); owner != nil {
				used[key(p.Fset, owner)] = true
			}
		}
		// A command (package main) cannot be imported: what it exports
		// is there for encoding/json or by habit.
		if strings.HasSuffix(p.PkgPath, "_test") || p.Name == "main" {
			continue
		}
		for id, obj := range p.TypesInfo.Defs {
			if obj == nil || !obj.Exported() {
				continue
			}
			pos := p.Fset.Position(id.Pos())
			if strings.HasSuffix(pos.Filename, "_test.go") {
				continue
			}
			kind := kindOf(obj, p.Types)
			if kind == "" {
				continue
			}
			k := key(p.Fset, obj)
			if _, ok := declared[k]; !ok {
				declared[k] = export{pkg: p.PkgPath, kind: kind, name: nameOf(obj, id), pos: pos}
				total[p.PkgPath]++
			}
		}
	}
	byPkg := map[string][]export{}
	for k, e := range declared {
		if !used[k] {
			byPkg[e.pkg] = append(byPkg[e.pkg], e)
		}
	}
	var names []string
	for p := range total {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		es := byPkg[p]
		sort.Slice(es, func(i, j int) bool {
			if es[i].pos.Filename != es[j].pos.Filename {
				return es[i].pos.Filename < es[j].pos.Filename
			}
			return es[i].pos.Line < es[j].pos.Line
		})
		fmt.Fprintf(w, "%s: %d exported, %d used by no other package\n", p, total[p], len(es))
		for _, e := range es {
			rel, err := filepath.Rel(root, e.pos.Filename)
			if err != nil {
				rel = e.pos.Filename
			}
			fmt.Fprintf(w, "\t%-6s %-32s %s:%d\n", e.kind, e.name, filepath.ToSlash(rel), e.pos.Line)
		}
	}
	return nil
}

func key(fset *token.FileSet, obj types.Object) string {
	pos := fset.Position(obj.Pos())
	return fmt.Sprintf("%s:%d", pos.Filename, pos.Offset)
}

// kindOf says what an exported object is, or "" for one that is not part
// of the package's API (a local, a parameter, a field of an unexported
// type, a method of an unexported type).
func kindOf(obj types.Object, pkg *types.Package) string {
	switch obj := obj.(type) {
	case *types.Func:
		sig, _ := obj.Type().(*types.Signature)
		if sig != nil && sig.Recv() != nil {
			if named := recvNamed(sig.Recv().Type()); named != nil && named.Obj().Exported() {
				return "method"
			}
			return ""
		}
		return "func"
	case *types.TypeName:
		if obj.Parent() == pkg.Scope() {
			return "type"
		}
	case *types.Const:
		if obj.Parent() == pkg.Scope() {
			return "const"
		}
	case *types.Var:
		if obj.Parent() == pkg.Scope() {
			return "var"
		}
		if obj.IsField() && !obj.Embedded() {
			if owner := fieldOwner(obj, pkg); owner != "" {
				return "field"
			}
		}
	}
	return ""
}

// nameOf is how a line names the object: Type.Method and Type.Field for
// methods and fields, the plain name otherwise.
func nameOf(obj types.Object, id *ast.Ident) string {
	switch obj := obj.(type) {
	case *types.Func:
		if sig, _ := obj.Type().(*types.Signature); sig != nil && sig.Recv() != nil {
			return recvNamed(sig.Recv().Type()).Obj().Name() + "." + id.Name
		}
	case *types.Var:
		if obj.IsField() {
			return fieldOwner(obj, obj.Pkg()) + "." + id.Name
		}
	}
	return id.Name
}

// ownerType is the named type declaring a method or field, or nil.
func ownerType(obj types.Object) types.Object {
	switch obj := obj.(type) {
	case *types.Func:
		if sig, _ := obj.Type().(*types.Signature); sig != nil && sig.Recv() != nil {
			if n := recvNamed(sig.Recv().Type()); n != nil {
				return n.Obj()
			}
		}
	case *types.Var:
		if obj.IsField() && obj.Pkg() != nil {
			if name := fieldOwner(obj, obj.Pkg()); name != "" {
				return obj.Pkg().Scope().Lookup(name)
			}
		}
	}
	return nil
}

func recvNamed(t types.Type) *types.Named {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := t.(*types.Named)
	return n
}

// fieldOwner is the exported package-level struct type that declares
// field f, or "".
func fieldOwner(f *types.Var, pkg *types.Package) string {
	for _, name := range pkg.Scope().Names() {
		tn, ok := pkg.Scope().Lookup(name).(*types.TypeName)
		if !ok || !tn.Exported() {
			continue
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for i := range st.NumFields() {
			if st.Field(i) == f {
				return tn.Name()
			}
		}
	}
	return ""
}
