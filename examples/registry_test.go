package examples

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Every example has a unique name, which is the name of its package's
// folder, a description, and, if it is a published seed, a reference
// file that parses and names it.
func TestRegistry(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range All() {
		name := e.Name()
		if seen[name] {
			t.Errorf("example %q registered twice", name)
		}
		seen[name] = true
		pkg := reflect.TypeOf(e).PkgPath()
		if filepath.Base(pkg) != name {
			t.Errorf("example %q is implemented in package %s; name it after its package", name, pkg)
		}
		if e.Description() == "" || strings.Contains(e.Description(), "\n") {
			t.Errorf("%s: the description must be one line, got %q", name, e.Description())
		}
		refs, err := e.References()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if e.Seed() == "" {
			continue
		}
		if refs == nil {
			t.Errorf("%s is seed %s and has no reference file", name, e.Seed())
			continue
		}
		if refs.Example != name {
			t.Errorf("%s: its reference file is for %q", name, refs.Example)
		}
		if _, err := os.Stat(filepath.Join(name, "testdata", "reference.toml")); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := Lookup("nonesuch"); err == nil || !strings.Contains(err.Error(), "vogels2011") {
		t.Errorf("Lookup of an unknown name: %v; want an error listing the known ones", err)
	}
	if e, err := Lookup("tsodyks2000"); err != nil || e.Seed() != "001" {
		t.Errorf("Lookup(tsodyks2000) = %v, %v", e, err)
	}
}
