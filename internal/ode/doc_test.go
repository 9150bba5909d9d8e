package ode

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// sentenceMethods returns the backquoted or bare method names, in order,
// in the sentence of text that starts with lead.
func sentenceMethods(t *testing.T, text, lead string) []Method {
	t.Helper()
	text = strings.Join(strings.Fields(text), " ")
	i := strings.Index(text, lead)
	if i < 0 {
		t.Fatalf("no sentence starting %q", lead)
	}
	sentence, _, _ := strings.Cut(text[i:], ".")
	var out []Method
	for _, w := range regexp.MustCompile(`[a-z_0-9]+`).FindAllString(sentence, -1) {
		for _, m := range Methods {
			if w == string(m) {
				out = append(out, m)
			}
		}
	}
	return out
}

// The documentation of the automatic choice (docs/language.md and the
// package comment) names the methods in the order Choose tries them.
func TestChoiceOrderDocumented(t *testing.T) {
	for _, c := range []struct{ file, lead string }{
		{"../../docs/language.md", "Without a method Cajal picks"},
		{"doc.go", "Choose picks a method"},
	} {
		text, err := os.ReadFile(c.file)
		if err != nil {
			t.Fatal(err)
		}
		got := sentenceMethods(t, string(text), c.lead)
		if strings.Join(asStrings(got), ",") != strings.Join(asStrings(ChoiceOrder), ",") {
			t.Errorf("%s says Choose tries %v; it tries %v", c.file, got, ChoiceOrder)
		}
	}
}

// docs/language.md lists every method Parse accepts, and Parse's error
// names them all.
func TestMethodsDocumented(t *testing.T) {
	text, err := os.ReadFile("../../docs/language.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, _ := strings.Cut(string(text), "## Integration methods")
	_, perr := Parse("rk45")
	for _, m := range Methods {
		if !strings.Contains(section, "`"+string(m)+"`") {
			t.Errorf("docs/language.md does not list the method %s", m)
		}
		if perr == nil || !strings.Contains(perr.Error(), string(m)) {
			t.Errorf("Parse's error %v does not name %s", perr, m)
		}
		if got, err := Parse(string(m)); err != nil || got != m {
			t.Errorf("Parse(%q) = %v, %v", m, got, err)
		}
	}
}

func asStrings(ms []Method) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = string(m)
	}
	return out
}
