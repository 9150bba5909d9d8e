package modelfile

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The model file in the package documentation runs as it stands, and its
// summary counts the spikes of its group.
func TestPackageDocExample(t *testing.T) {
	fs := token.NewFileSet()
	f, err := parser.ParseFile(fs, "doc.go", nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	text := docExample((*ast.CommentGroup)(f.Doc).Text())
	if !strings.Contains(text, "[[neurons]]") {
		t.Fatalf("no model file in the package documentation:\n%s", text)
	}
	m, err := Parse("doc.go example", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	res, err := m.Run(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	// Driven 25 mV above rest towards a threshold 20 mV above it, each
	// neuron fires; the summary gives a positive rate.
	if !regexp.MustCompile(`^exc: [1-9]\d* spikes, \d+\.\d\d Hz$`).MatchString(res.Summary) {
		t.Errorf("summary %q", res.Summary)
	}
}

// docExample is the indented block of a doc comment's text.
func docExample(doc string) string {
	var b strings.Builder
	in := false
	for _, line := range strings.Split(doc, "\n") {
		switch {
		case strings.HasPrefix(line, "\t"):
			in = true
			b.WriteString(strings.TrimPrefix(line, "\t") + "\n")
		case in && line == "":
			b.WriteString("\n")
		case in:
			return b.String()
		}
	}
	return b.String()
}

// tomlBlock matches a fenced TOML block of a Markdown file.
var tomlBlock = regexp.MustCompile("(?s)```toml\n(.*?)```")

// Every TOML example of docs/modelfile.md is a whole model file that
// runs (the files it names, such as stim.npy, are written beside it
// first); an example whose text says "# error:" must instead fail with
// the error that follows.
func TestModelfileDocExamples(t *testing.T) {
	md, err := os.ReadFile("../docs/modelfile.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := tomlBlock.FindAllStringSubmatch(string(md), -1)
	if len(blocks) < 10 {
		t.Fatalf("%d TOML examples in docs/modelfile.md; want one per section", len(blocks))
	}
	for k, b := range blocks {
		text := b[1]
		dir := t.TempDir()
		writeNpy2(t, filepath.Join(dir, "stim.npy"), [][]float64{{0.5, 1}, {1.5, 2}})
		path := filepath.Join(dir, "example.toml")
		f, err := Parse(path, []byte(text))
		if err == nil {
			_, err = f.Run(filepath.Join(dir, "out"))
		}
		want := ""
		if i := strings.Index(text, "# error: "); i >= 0 {
			want = strings.TrimSpace(strings.SplitN(text[i+len("# error: "):], "\n", 2)[0])
		}
		switch {
		case want == "" && err != nil:
			t.Errorf("example %d:\n%s\nerror: %v", k+1, text, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("example %d: error %v; want one containing %q", k+1, err, want)
		}
	}
}
