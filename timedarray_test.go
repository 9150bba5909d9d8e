package cajal

import (
	"math"
	"strings"
	"testing"

	"github.com/cajal-sim/cajal/unit"
)

// A 2-D TimedArray read by a threshold: neuron i spikes at step n exactly
// when row n/K holds a value above 0.5 in column i (K = Dt/dt = 10), so
// the spikes show the sampling rule at every interval edge (steps 9 and
// 10, 19 and 20) and the last row held after the end.
func TestTimedArraySampling(t *testing.T) {
	n := newNet(t, Options{})
	vals := []float64{
		1, 0, 0, // [0, 1 ms)
		0, 1, 0, // [1, 2 ms)
		0, 0, 1, // [2, 3 ms), and after
	}
	ta := TimedArray{Values: vals, Neurons: 3, Dt: unit.Q(1, unit.Millisecond)}
	g, err := n.NeuronGroup(Neurons{N: 3, Model: "x : 1", Threshold: "stim(t, i) > 0.5",
		Namespace: Namespace{"stim": ta}})
	if err != nil {
		t.Fatal(err)
	}
	sm, err := n.SpikeMonitor(g)
	if err != nil {
		t.Fatal(err)
	}
	run(t, n, unit.Q(4, unit.Millisecond))
	got := map[[2]int]bool{}
	for k, i := range sm.I() {
		got[[2]int{int(i), int(math.Round(sm.T()[k] / n.Dt().Value))}] = true
	}
	for step := 0; step < 40; step++ {
		row := min(step/10, 2)
		for i := 0; i < 3; i++ {
			if want := vals[row*3+i] > 0.5; got[[2]int{i, step}] != want {
				t.Errorf("neuron %d, step %d: spike %v, want %v", i, step, got[[2]int{i, step}], want)
			}
		}
	}
}

// A 1-D TimedArray with a unit in a subexpression and an equation:
// dv/dt = I/C integrates the piecewise-constant current exactly, so v after
// 3 ms is (1 + 2 + 3) nA * 1 ms / C; a Get of the subexpression reads the
// current row.
func TestTimedArrayUnits(t *testing.T) {
	n := newNet(t, Options{})
	ta := &TimedArray{Values: []float64{1, 2, 3}, Unit: unit.Q(1, unit.Nanoamp), Dt: unit.Q(1, unit.Millisecond)}
	g, err := n.NeuronGroup(Neurons{N: 2, Model: "dv/dt = I/C : volt\nI = stim(t) : amp",
		Namespace: Namespace{"stim": ta, "C": "1*nF"}})
	if err != nil {
		t.Fatal(err)
	}
	run(t, n, unit.Q(3, unit.Millisecond))
	v, _ := g.Get("v")
	if want := 6e-9 * 1e-3 / 1e-9; math.Abs(v[0]-want) > 1e-12 || v[0] != v[1] {
		t.Errorf("v = %v, want %g V", v, want)
	}
	I, err := g.Get("I")
	if err != nil || math.Abs(I[0]-3e-9) > 1e-24 {
		t.Errorf("I after the last row = %v (%v), want 3e-9 A", I, err)
	}
}

func TestTimedArrayErrors(t *testing.T) {
	n := newNet(t, Options{})
	ta := TimedArray{Values: []float64{1, 2}, Dt: unit.Q(1, unit.Millisecond)}
	for _, c := range []struct{ model, want string }{
		{"x = stim : 1", "is a TimedArray"},
		{"x = stim(t, i) : 1", "called as stim(t)"},
		{"x = stim(2*t) : 1", "must be t"},
		{"x = stim(t) : volt", "dimension"},
	} {
		_, err := n.NeuronGroup(Neurons{N: 2, Model: c.model, Namespace: Namespace{"stim": ta}})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want one saying %q", c.model, err, c.want)
		}
	}
	bad := TimedArray{Values: []float64{1, 2, 3}, Neurons: 2, Dt: unit.Q(1, unit.Millisecond)}
	if _, err := n.NeuronGroup(Neurons{N: 2, Model: "x = s(t, i) : 1", Namespace: Namespace{"s": bad}}); err == nil {
		t.Error("3 values in rows of 2: no error")
	}
	odd := TimedArray{Values: []float64{1, 2}, Dt: unit.Q(0.15, unit.Millisecond)}
	g, err := n.NeuronGroup(Neurons{N: 1, Model: "dx/dt = s(t)/second : 1", Namespace: Namespace{"s": odd}})
	if err != nil {
		t.Fatal(err)
	}
	_ = g
	if err := n.Run(unit.Q(1, unit.Millisecond)); err == nil || !strings.Contains(err.Error(), "multiple") {
		t.Errorf("Dt not a multiple of dt: error %v", err)
	}
}
