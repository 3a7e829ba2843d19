package syntax

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestNoBleve checks that the query language stays free of the engine: no
// github.com/blevesearch package is among the dependencies of this package,
// as `go list -deps` reports them.
func TestNoBleve(t *testing.T) {
	gocmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH")
	}
	out, err := exec.Command(gocmd, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if !slices.Contains(deps, "github.com/briefs/briefs/search/syntax") {
		t.Fatalf("go list -deps did not list search/syntax itself: %q", deps)
	}
	for _, d := range deps {
		if strings.HasPrefix(d, "github.com/blevesearch/") {
			t.Errorf("search/syntax depends on %s; it must import no bleve", d)
		}
	}
}
