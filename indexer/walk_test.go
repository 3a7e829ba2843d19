package indexer

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

const goodHTML = `<html><head><title>A Good Page</title></head><body><h1>A Good Page</h1>
<p>Some text about drug policy that is long enough to be a paragraph.</p></body></html>`

func gz(t testing.TB, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// walkAll walks fsys and returns the report and the IDs of the records.
func walkAll(t *testing.T, fsys fs.FS, opts Options) (Report, []string) {
	t.Helper()
	var ids []string
	rep, err := Walk(context.Background(), fsys, opts, nil, func(r Record) error {
		if err := r.Validate(); err != nil {
			t.Errorf("record %s: %v", r.ID, err)
		}
		ids = append(ids, r.ID)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return rep, ids
}

func skipReasons(rep Report) map[string]string {
	m := map[string]string{}
	for _, s := range rep.Skipped {
		m[s.Path] = s.Reason
	}
	return m
}

func TestWalkBadInputs(t *testing.T) {
	deep := strings.Repeat("<div>", 100000) + "deep text inside" + strings.Repeat("</div>", 100000)
	fsys := fstest.MapFS{
		"a-good.html":                {Data: []byte(goodHTML)},
		"b-empty.html":               {Data: nil},
		"c-blank.txt":                {Data: []byte(" \n\t\n")},
		"d-binary.html":              {Data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")},
		"e-nul.htm":                  {Data: []byte("<p>abc\x00def</p>")},
		"f-invalid-utf8.html":        {Data: []byte("<h1>Sober\xf3n on coca</h1><p>Text \xff\xfe here</p>")},
		"g-truncated.html":           {Data: []byte("<html><body><h1>Cut Short</h1><p>This paragraph never ends <b>and")},
		"h-deep.html":                {Data: []byte(deep)},
		"i-notext.html":              {Data: []byte("<html><head><title> </title></head><body><script>x()</script></body></html>")},
		"j-good.txt":                 {Data: []byte("A Text Note\n\nIt has a body.\n")},
		"k-bad-sidecar.html":         {Data: []byte(goodHTML)},
		"k-bad-sidecar.json":         {Data: []byte("{nope")},
		"l-good.md":                  {Data: []byte("# Markdown Note\n\nBody.\n")},
		"m-bad.html.gz":              {Data: []byte("not gzip at all")},
		"n-good.html.gz":             {Data: gz(t, []byte(goodHTML))},
		"notes.pdf":                  {Data: []byte("%PDF-1.4 but cut short")},
		"README":                     {Data: []byte("ignored")},
		".hidden/x.html":             {Data: []byte(goodHTML)},
		"sub/z-good.xhtml":           {Data: []byte(goodHTML)},
		"sub/z-good.json":            {Data: []byte(`{"title": "From the sidecar"}`)},
		"sub/orphan.json":            {Data: []byte(`{}`)},
		"o-control.html":             {Data: []byte(strings.Repeat("\x01\x02\x03\x04x", 100))},
		"p-whitespace-only-body.txt": {Data: []byte("\n\n\n")},
	}
	start := time.Now()
	rep, ids := walkAll(t, fsys, Options{})
	if time.Since(start) > 20*time.Second {
		t.Errorf("walk took %v", time.Since(start))
	}
	wantSkips := map[string]string{
		"b-empty.html":               "empty file",
		"c-blank.txt":                "empty file",
		"d-binary.html":              "not a text file",
		"e-nul.htm":                  "not a text file",
		"i-notext.html":              "no text",
		"k-bad-sidecar.html":         "sidecar k-bad-sidecar.json: invalid character 'n' looking for beginning of object key string",
		"m-bad.html.gz":              "bad gzip: gzip: invalid header",
		"notes.pdf":                  "corrupt PDF",
		"o-control.html":             "not a text file",
		"p-whitespace-only-body.txt": "empty file",
	}
	if got := skipReasons(rep); !prefixMaps(got, wantSkips) {
		t.Errorf("skipped:\n%v\nwant\n%v", got, wantSkips)
	}
	wantIDs := []string{"a-good", "f-invalid-utf8", "g-truncated", "h-deep", "j-good", "l-good", "n-good", "sub-z-good"}
	if strings.Join(ids, " ") != strings.Join(wantIDs, " ") {
		t.Errorf("records = %q, want %q", ids, wantIDs)
	}
	if rep.Files != 18 || rep.Documents != 8 || rep.Records != 8 {
		t.Errorf("Files, Documents, Records = %d, %d, %d; want 18, 8, 8", rep.Files, rep.Documents, rep.Records)
	}
	// README and sub/orphan.json are ignored; so is .hidden/, uncounted.
	if rep.Ignored != 2 {
		t.Errorf("Ignored = %d, want 2", rep.Ignored)
	}
}

// prefixMaps reports whether got has the keys of want, each value
// starting with want's.
func prefixMaps(got, want map[string]string) bool {
	if len(got) != len(want) {
		return false
	}
	for k, v := range want {
		if g, ok := got[k]; !ok || !strings.HasPrefix(g, v) {
			return false
		}
	}
	return true
}

func TestWalkRepairsAndKeepsText(t *testing.T) {
	fsys := fstest.MapFS{
		"invalid.html":   {Data: []byte("<h1>Sober\xf3n on coca</h1><p>Text \xff\xfe here \xef\xbf\xbd too</p>")},
		"truncated.html": {Data: []byte("<html><body><h1>Cut Short</h1><p>This paragraph never ends <b>and")},
		"deep.html":      {Data: []byte(strings.Repeat("<div>", 100000) + "<p>deep text inside</p>" + strings.Repeat("</div>", 100000))},
		"deepspan.html":  {Data: []byte("<h1>Spans</h1>" + strings.Repeat("<span>", 50000) + "deep span text")},
	}
	got := map[string]Record{}
	_, err := Walk(context.Background(), fsys, Options{}, nil, func(r Record) error { got[r.ID] = r; return nil })
	if err != nil {
		t.Fatal(err)
	}
	if r := got["invalid"]; r.Title != "Soberón on coca" || strings.ContainsRune(r.Text(), '\uFFFD') {
		t.Errorf("invalid: Title = %q, text %q", r.Title, r.Text())
	}
	if r := got["truncated"]; r.Title != "Cut Short" || !strings.Contains(r.Text(), "This paragraph never ends and") {
		t.Errorf("truncated: Title = %q, text %q", r.Title, r.Text())
	}
	if r := got["deep"]; !strings.Contains(r.Text()+r.Title, "deep text inside") {
		t.Errorf("deep: text %q", r.Text())
	}
	if r := got["deepspan"]; !strings.Contains(r.Text(), "deep span text") {
		t.Errorf("deepspan: text %q", r.Text())
	}
}

func TestWalkOversize(t *testing.T) {
	big := "<html><body><h1>Big</h1><p>" + strings.Repeat("word ", 10000) + "</p><p>THE END</p></body></html>"
	fsys := fstest.MapFS{"big.html": {Data: []byte(big)}, "small.html": {Data: []byte(goodHTML)}}
	rep, ids := walkAll(t, fsys, Options{MaxFileSize: 4096})
	if len(rep.Skipped) != 0 || len(ids) != 2 {
		t.Fatalf("skipped %v, records %q", rep.Skipped, ids)
	}
	if len(rep.Warnings) != 1 || rep.Warnings[0].Path != "big.html" || !strings.Contains(rep.Warnings[0].Reason, "larger than 4 KiB") {
		t.Errorf("warnings = %v", rep.Warnings)
	}
}

func TestWalkGzipBomb(t *testing.T) {
	// 64 MiB of text compresses to about 64 KiB: with a 1 MiB cap only the
	// first MiB may ever be decompressed.
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	w.Write([]byte("<html><body><h1>Bomb</h1><p>"))
	chunk := bytes.Repeat([]byte("coca "), 1<<16)
	for i := 0; i < 200; i++ {
		w.Write(chunk)
	}
	w.Close()
	if b.Len() > 1<<20 {
		t.Fatalf("test bomb is %d bytes compressed; want it small", b.Len())
	}
	fsys := fstest.MapFS{"bomb.html.gz": {Data: b.Bytes()}, "good.html": {Data: []byte(goodHTML)}}
	rep, ids := walkAll(t, fsys, Options{MaxFileSize: 1 << 20})
	if strings.Join(ids, " ") != "bomb good" {
		t.Errorf("records %q, want the bomb cut short and the good file", ids)
	}
	if len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0].Reason, "decompresses to more than 1 MiB") {
		t.Errorf("warnings = %v", rep.Warnings)
	}
}

func TestWalkGzipTruncated(t *testing.T) {
	full := gz(t, []byte(goodHTML+strings.Repeat("<p>more text</p>", 200)))
	fsys := fstest.MapFS{"cut.html.gz": {Data: full[:len(full)-40]}}
	rep, ids := walkAll(t, fsys, Options{})
	if len(ids) != 1 || len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0].Reason, "truncated gzip") {
		t.Errorf("records %q, warnings %v", ids, rep.Warnings)
	}
}

// errFS fails to open one file, as a file without read permission would
// (tests may run as root, where chmod 000 does not stop reads).
type errFS struct {
	fstest.MapFS
	bad string
}

func (f errFS) Open(name string) (fs.File, error) {
	if name == f.bad {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.Open(name)
}

func TestWalkUnreadable(t *testing.T) {
	fsys := errFS{fstest.MapFS{"a.html": {Data: []byte(goodHTML)}, "b.html": {Data: []byte(goodHTML)}, "c.html": {Data: []byte(goodHTML)}}, "b.html"}
	rep, ids := walkAll(t, fsys, Options{})
	if strings.Join(ids, " ") != "a c" {
		t.Errorf("records %q, want a c", ids)
	}
	if got := skipReasons(rep)["b.html"]; got != "cannot read: permission denied" {
		t.Errorf("reason = %q", got)
	}
}

func TestWalkSymlinkNotFollowed(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.html"), []byte(goodHTML), 0o644); err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "in.html"), []byte(goodHTML), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "secret.html"), filepath.Join(root, "link.html")); err != nil {
		t.Skipf("symlinks unsupported: %v", err)
	}
	if err := os.Symlink(outside, filepath.Join(root, "dirlink")); err != nil {
		t.Fatal(err)
	}
	rep, ids := walkAll(t, os.DirFS(root), Options{})
	if strings.Join(ids, " ") != "in" {
		t.Errorf("records %q, want only in", ids)
	}
	if skipReasons(rep)["link.html"] != "symbolic link not followed" {
		t.Errorf("skipped %v", rep.Skipped)
	}
}

func TestWalkStops(t *testing.T) {
	fsys := fstest.MapFS{"a.html": {Data: []byte(goodHTML)}, "b.html": {Data: []byte(goodHTML)}, "c.html": {Data: []byte(goodHTML)}}
	stop := errors.New("stop")
	n := 0
	rep, err := Walk(context.Background(), fsys, Options{}, nil, func(Record) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || rep.Records != 1 {
		t.Errorf("Walk = %v with %d records, want the callback's error after 1", err, rep.Records)
	}

	ctx, cancel := context.WithCancel(context.Background())
	var done []int
	_, err = Walk(ctx, fsys, Options{}, func(d, total int) {
		done = append(done, d)
		if total != 3 {
			t.Errorf("total = %d", total)
		}
		cancel()
	}, func(Record) error { return nil })
	if !errors.Is(err, context.Canceled) || len(done) != 1 {
		t.Errorf("Walk after cancel = %v, progress %v", err, done)
	}
}

func TestWalkProgress(t *testing.T) {
	fsys := fstest.MapFS{"a.html": {Data: []byte(goodHTML)}, "b.html": {Data: nil}, "c.txt": {Data: []byte("x\n")}}
	var calls [][2]int
	_, err := Walk(context.Background(), fsys, Options{}, func(d, total int) { calls = append(calls, [2]int{d, total}) }, func(Record) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) != 3 || calls[2] != [2]int{3, 3} {
		t.Errorf("progress calls = %v", calls)
	}
}

func TestReportString(t *testing.T) {
	rep := Report{Files: 62, Documents: 61, Records: 75, Took: 1234 * time.Millisecond,
		Skipped: []Skip{{Path: "bad.html", Reason: "not a text file"}}}
	got := rep.String()
	want := "62 files: 61 documents, 75 records read, 1 skipped, 0 warnings in 1.2s\n  skipped bad.html: not a text file"
	if got != want {
		t.Errorf("String() =\n%s\nwant\n%s", got, want)
	}
}
