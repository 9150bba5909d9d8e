package cajal

import (
	"flag"
	"fmt"
	"math"
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
	for _, c := range badCalls {
		err := c.call()
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

// badCalls are requests that once exhausted memory, panicked, did nothing
// or were silently ignored; each must give an error naming the request.
// Networks use an 8 GiB memory limit so that the messages do not depend
// on the machine.
var badCalls = []struct {
	name string
	call func() error
}{
	{"a group of 2e9 neurons", func() error {
		_, err := limited().NeuronGroup(Neurons{N: 2e9, Model: "v : volt"})
		return err
	}},
	{"P(0.05) on 200k x 200k", func() error { return connect(200_000, 200_000, P(0.05)) }},
	{"all-to-all 46k x 46k", func() error { return connect(46_000, 46_000) }},
	{"Multiplicity(-3)", func() error { return connect(2, 2, Multiplicity(-3)) }},
	{"Multiplicity(0)", func() error { return connect(2, 2, Multiplicity(0)) }},
	{"OneToOne with P", func() error { return connect(2, 2, OneToOne(), P(0.5)) }},
	{"Pairs with P", func() error { return connect(2, 2, Pairs([]int{0}, []int{1}), P(0.5)) }},
	{"P with PExpr", func() error { return connect(2, 2, PExpr("0.5"), P(0.5)) }},
	{"PExpr above 1", func() error { return connect(2, 2, PExpr("5.0")) }},
	{"PExpr NaN", func() error { return connect(10, 10, PExpr("log(i - 5.0)")) }},
	{"nil ConnectOption", func() error { return connect(2, 2, nil) }},
	{"Run(1e30 s)", func() error { return limited().Run(unit.Q(1e30, unit.Second)) }},
	{"Run(1e15 s)", func() error { return limited().Run(unit.Q(1e15, unit.Second)) }},
	{"Dt = 1e-300 s", func() error {
		n, _ := NewNetwork(Options{Dt: unit.Q(1e-300, unit.Second)})
		return n.Run(unit.Q(1, unit.Second))
	}},
	{"tau = 0 with the exact method", func() error {
		n := limited()
		ns := Namespace{"tau": unit.Q(0, unit.Millisecond), "el": unit.Q(-70, unit.Millivolt)}
		if _, err := n.NeuronGroup(Neurons{N: 1, Model: "dv/dt = (el - v)/tau : volt", Method: "exact", Namespace: ns}); err != nil {
			return err
		}
		return n.Run(unit.Q(1, unit.Millisecond))
	}},
	{"NaN in the namespace", func() error {
		n := limited()
		_, err := n.NeuronGroup(Neurons{N: 1, Model: "count : 1", Threshold: "count > 1", Reset: "count += nan",
			Namespace: Namespace{"nan": math.NaN()}})
		if err == nil {
			err = n.Run(unit.Q(1, unit.Millisecond))
		}
		return err
	}},
	{"NaN written by a reset", func() error {
		n := limited()
		if _, err := n.NeuronGroup(Neurons{Name: "g", N: 1, Model: "dv/dt = 1/ms : 1", Method: "euler", Threshold: "v > 1", Reset: "v = log(v - 2)"}); err != nil {
			return err
		}
		return n.Run(unit.Q(5, unit.Millisecond))
	}},
	{"a sum of a million terms", func() error {
		_, err := limited().NeuronGroup(Neurons{N: 1, Model: "dv/dt = (v" + strings.Repeat("\n + v", 1_000_000) + ")/ms : 1"})
		return err
	}},
	{"variable named mV", func() error { _, err := limited().NeuronGroup(Neurons{N: 1, Model: "mV : volt"}); return err }},
	{"variable named exp", func() error { _, err := limited().NeuronGroup(Neurons{N: 1, Model: "exp : 1"}); return err }},
	{"variable named pi", func() error { _, err := limited().NeuronGroup(Neurons{N: 1, Model: "pi : 1"}); return err }},
	{"SpikeMonitor(nil)", func() error { _, err := limited().SpikeMonitor(nil); return err }},
	{"Synapses from Subgroup{}", func() error {
		n := limited()
		g, _ := n.NeuronGroup(Neurons{N: 1, Model: "v : 1"})
		_, err := n.Synapses(Synapses{Source: Subgroup{}, Target: g})
		return err
	}},
	{"monitor on another network's group", func() error {
		g, _ := limited().NeuronGroup(Neurons{Name: "other", N: 1, Model: "v : 1"})
		_, err := limited().SpikeMonitor(g)
		return err
	}},
	{"negative Poisson rate", func() error {
		_, err := limited().PoissonGroup(Poisson{N: 2, Rates: unit.Q(-5, unit.Hertz)})
		return err
	}},
	{"Poisson rate above 1/dt", func() error {
		_, err := limited().PoissonGroup(Poisson{N: 2, Rates: "20*kHz*(i + 1)"})
		return err
	}},
	{"generator period NaN", func() error {
		_, err := limited().SpikeGeneratorGroup(SpikeGenerator{N: 1, Period: unit.Q(math.NaN(), unit.Second)})
		return err
	}},
	{"generator period below dt", func() error {
		_, err := limited().SpikeGeneratorGroup(SpikeGenerator{N: 1, Period: unit.Q(0.01, unit.Millisecond)})
		return err
	}},
	{"state recordings beyond the limit", func() error {
		n := limited()
		g, _ := n.NeuronGroup(Neurons{N: 100_000, Model: "v : volt"})
		if _, err := n.StateMonitor(g, []string{"v"}, nil, unit.Quantity{}); err != nil {
			return err
		}
		return n.Run(unit.Q(10, unit.Second))
	}},
}

// limited is a network with an 8 GiB memory limit.
func limited() *Network {
	n, err := NewNetwork(Options{MemoryLimit: 8 << 30})
	if err != nil {
		panic(err)
	}
	return n
}

// connect makes groups of ns and nt neurons in a limited network and
// connects them.
func connect(ns, nt int, opts ...ConnectOption) error {
	n := limited()
	a, err := n.NeuronGroup(Neurons{Name: "a", N: ns, Model: "v : 1"})
	if err != nil {
		return err
	}
	b, err := n.NeuronGroup(Neurons{Name: "b", N: nt, Model: "v : 1"})
	if err != nil {
		return err
	}
	s, err := n.Synapses(Synapses{Name: "s", Source: a, Target: b, Model: "w : 1"})
	if err != nil {
		return err
	}
	return s.Connect(opts...)
}
