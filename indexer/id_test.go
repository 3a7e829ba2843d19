package indexer

import "testing"

func TestIDFromPath(t *testing.T) {
	tests := []struct{ in, want string }{
		{"briefing.html", "briefing"},
		{"Briefings/Peru 2005.HTML", "briefings-peru-2005"},
		{"a/b/report.v2.html", "a-b-report-v2"},
		{"notes.txt.gz", "notes"},
		{"page.html.gz", "page"},
		{"--odd__name--.md", "odd-name"},
		{"Perú/coca.html", "per-coca"},
		{"noext", "noext"},
		{"dir.v1/file", "dir-v1-file"},
	}
	for _, tt := range tests {
		if got := IDFromPath(tt.in); got != tt.want {
			t.Errorf("IDFromPath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := referenceID("page", 3); got != "page-ref-3" {
		t.Errorf("referenceID = %q", got)
	}
}
