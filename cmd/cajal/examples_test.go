package main

import (
	"errors"
	"strings"
	"testing"

	"github.com/cajal-sim/cajal/examples"
	"github.com/cajal-sim/cajal/examples/example"
)

// fake is an example whose full run reports one item, passing or not.
type fake struct {
	name string
	pass bool
	ran  *[]example.Size
}

func (f fake) Name() string                             { return f.name }
func (f fake) Description() string                      { return "a fake" }
func (f fake) Seed() string                             { return "" }
func (f fake) References() (*example.References, error) { return nil, nil }
func (f fake) Run(o example.Options) (example.Outcome, error) {
	*f.ran = append(*f.ran, o.Size)
	it := example.Item{Name: "x", Got: "1", Band: "0 to 2", Pass: f.pass, InReference: true}
	return example.Outcome{Summary: f.name, Report: example.Report{Items: []example.Item{it}}}, nil
}

// withRegistry replaces the registry for a test.
func withRegistry(t *testing.T, list ...example.Example) {
	t.Helper()
	registry = func() []example.Example { return list }
	lookup = func(name string) (example.Example, error) {
		for _, e := range list {
			if e.Name() == name {
				return e, nil
			}
		}
		return nil, errors.New("unknown")
	}
	t.Cleanup(func() { registry, lookup = examples.All, examples.Lookup })
}

// validate runs every example at full size and fails, so that cajal
// exits non-zero, when any check fails.
func TestValidateFailsOnAnyFailure(t *testing.T) {
	var ran []example.Size
	withRegistry(t, fake{"a", true, &ran}, fake{"b", true, &ran})
	if err := (validateCmd{Out: t.TempDir()}).Run(nil); err != nil {
		t.Errorf("two passing examples: %v", err)
	}
	if len(ran) != 2 || ran[0] != example.Full || ran[1] != example.Full {
		t.Errorf("validate ran sizes %v, want two full runs", ran)
	}
	withRegistry(t, fake{"a", true, &ran}, fake{"b", false, &ran})
	err := (validateCmd{Out: t.TempDir()}).Run(nil)
	if err == nil || !strings.Contains(err.Error(), "[b]") {
		t.Errorf("a failing example: error %v, want one naming b", err)
	}
	if err := (validateCmd{Models: []string{"a"}, Out: t.TempDir()}).Run(nil); err != nil {
		t.Errorf("validating the passing one alone: %v", err)
	}
	if err := (validateCmd{Models: []string{"c"}}).Run(nil); err == nil {
		t.Error("an unknown example validated")
	}
}
