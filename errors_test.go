package cajal

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/cajal-sim/cajal/unit"
)

var update = flag.Bool("update", false, "rewrite golden files")

var lifNS = Namespace{"el": unit.Q(-60, unit.Millivolt), "vt": unit.Q(-50, unit.Millivolt),
	"tau": unit.Q(10, unit.Millisecond), "gl": unit.Q(10, unit.Nanosiemens), "C": unit.Q(200, unit.Picofarad)}

// badInputs are model errors a user can make; each must give an error
// naming the place and what was expected, never a panic.
var badInputs = []struct {
	name string
	opts Options
	spec Neurons
}{
	{name: "unknown identifier", spec: Neurons{N: 1, Model: "dv/dt = (el - v)/tau_m : volt"}},
	{name: "unit mismatch in a sum", spec: Neurons{N: 1, Model: `
dv/dt = (gl*(el - v) + g)/C : volt
dg/dt = -g/tau : siemens
`}},
	{name: "equation dimension", spec: Neurons{N: 1, Model: "dv/dt = gl*(el - v) : volt"}},
	{name: "syntax error", spec: Neurons{N: 1, Model: "dv/dt = (el - v / tau : volt"}},
	{name: "threshold not boolean", spec: Neurons{N: 1, Model: "dv/dt = (el - v)/tau : volt", Threshold: "v - vt"}},
	{name: "reset dimension", spec: Neurons{N: 1, Model: "dv/dt = (el - v)/tau : volt", Threshold: "v > vt", Reset: "v = 5"}},
	{name: "reset of a subexpression", spec: Neurons{N: 1, Model: "dv/dt = (el - v)/tau : volt\nI = gl*v : amp", Threshold: "v > vt", Reset: "I = 0*amp"}},
	{name: "unknown flag", spec: Neurons{N: 1, Model: "dv/dt = (el - v)/tau : volt (unless refactory)"}},
	{name: "unknown unit", spec: Neurons{N: 1, Model: "dv/dt = (el - v)/tau : volts"}},
	{name: "reserved name", spec: Neurons{N: 1, Model: "t : second"}},
	{name: "exp of a quantity", spec: Neurons{N: 1, Model: "dv/dt = exp(v)/tau : volt"}},
	{name: "unknown function", spec: Neurons{N: 1, Model: "dv/dt = expp(el - v)/tau : volt"}},
	{name: "duplicate definition", spec: Neurons{N: 1, Model: "dv/dt = (el - v)/tau : volt\nv : volt"}},
	{name: "noise outside an equation", spec: Neurons{N: 1, Model: "dv/dt = (el - v)/tau : volt", Threshold: "v > vt", Reset: "v = el + xi*mV*sqrt(ms)"}},
	{name: "refractory dimension", spec: Neurons{N: 1, Model: "dv/dt = (el - v)/tau : volt", Threshold: "v > vt", Refractory: "5*mV"}},
	{name: "negative refractory", spec: Neurons{N: 1, Model: "dv/dt = (el - v)/tau : volt", Threshold: "v > vt", Refractory: unit.Q(-1, unit.Millisecond)}},
	{name: "zero size", spec: Neurons{N: 0, Model: "dv/dt = (el - v)/tau : volt"}},
	{name: "negative dt", opts: Options{Dt: unit.Q(-0.1, unit.Millisecond)}, spec: Neurons{N: 1, Model: "v : volt"}},
	{name: "dt not a duration", opts: Options{Dt: unit.Q(0.1, unit.Millivolt)}, spec: Neurons{N: 1, Model: "v : volt"}},
	{name: "unknown method", spec: Neurons{N: 1, Model: "dv/dt = (el - v)/tau : volt", Method: "rk45"}},
	{name: "method cannot integrate", spec: Neurons{N: 1, Model: "dv/dt = (el - v)**2/(tau*mV) : volt", Method: "exact"}},
	{name: "not a condition", spec: Neurons{N: 1, Model: "dv/dt = (el - v)/tau : volt", Threshold: "v > vt and 1"}},
	{name: "namespace value", spec: Neurons{N: 1, Model: "dv/dt = (el - v)/tau : volt", Namespace: Namespace{"el": []int{1}}}},
	{name: "exponent of a quantity", spec: Neurons{N: 1, Model: "dv/dt = (el - v)/tau * (v/mV)**(v/mV) * mV**v : volt"}},
}

// TestBadInput checks each bad input's error against testdata/errors.golden
// (go test -update rewrites it).
func TestBadInput(t *testing.T) {
	var out strings.Builder
	for _, c := range badInputs {
		n, err := NewNetwork(c.opts)
		if err == nil {
			if c.spec.Namespace == nil {
				c.spec.Namespace = lifNS
			}
			_, err = n.NeuronGroup(c.spec)
		}
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		fmt.Fprintf(&out, "=== %s\n%s\n", c.name, err)
	}
	golden := "testdata/errors.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != string(want) {
		t.Errorf("errors differ from %s (run go test -update and review the diff):\n%s", golden, got)
	}
}
