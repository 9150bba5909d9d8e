package cajal

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"regexp"
	"strings"
	"testing"
)

// guides maps each guide of docs/ to the prefix of the examples in
// guides_example_test.go that hold its samples.
var guides = map[string]string{
	"docs/coming-from-brian2.md":   "Example_brian2",
	"docs/coming-from-nest.md":     "Example_nest",
	"docs/coming-from-annarchy.md": "Example_annarchy",
	"README.md":                    "Example_readme",
	"docs/checkpoint.md":           "Example_checkpoint",
}

// goBlock is a fenced Go block of a markdown file.
var goBlock = regexp.MustCompile("(?s)```go\n(.*?)```")

// Every Go sample of the guides (and of the README and
// docs/checkpoint.md) is, word for word, the body of an example of
// guides_example_test.go or readme_example_test.go (whose Output comments
// go test checks) or one of those files' functions, and every example
// written for a guide appears in it: the docs show only code that compiles
// and prints what they say.
func TestGuidesSamplesRun(t *testing.T) {
	known := map[string]string{} // sample text -> function
	var funcs []string
	for _, file := range []string{"guides_example_test.go", "readme_example_test.go"} {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, file, src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			whole := string(src[fset.Position(fd.Pos()).Offset:fset.Position(fd.End()).Offset]) + "\n"
			known[whole] = fd.Name.Name
			body := string(src[fset.Position(fd.Body.Lbrace).Offset+2 : fset.Position(fd.Body.Rbrace).Offset])
			known[dedent(body)] = fd.Name.Name
			funcs = append(funcs, fd.Name.Name)
		}
	}
	for guide, prefix := range guides {
		md, err := os.ReadFile(guide)
		if err != nil {
			t.Fatal(err)
		}
		shown := map[string]bool{}
		blocks := goBlock.FindAllStringSubmatch(string(md), -1)
		for _, b := range blocks {
			name, ok := known[b[1]]
			if !ok {
				first, _, _ := strings.Cut(strings.TrimSpace(b[1]), "\n")
				t.Errorf("%s: the sample that starts %q is not the body of an example", guide, first)
			}
			shown[name] = true
		}
		if len(blocks) == 0 {
			t.Errorf("%s has no Go samples", guide)
		}
		for _, name := range funcs {
			if strings.HasPrefix(name, prefix) && !shown[name] {
				t.Errorf("%s does not show %s", guide, name)
			}
		}
	}
}

// dedent removes one tab from the start of each line of a function body.
func dedent(body string) string {
	lines := strings.Split(body, "\n")
	for k, l := range lines {
		lines[k] = strings.TrimPrefix(l, "\t")
	}
	return strings.Join(lines, "\n")
}
