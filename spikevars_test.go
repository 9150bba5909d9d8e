package cajal

import (
	"math"
	"testing"

	"github.com/cajal-sim/cajal/unit"
)

// A spike monitor's variables are read after the threshold and before
// the reset: v grows by 1e-3 a step (neuron i from i*1e-3) and crosses
// 0.0095 at 0.01, so every recorded v is 0.01, never the reset value 0.
// Trains gives each neuron's spikes.
func TestSpikeMonitorVariables(t *testing.T) {
	n := newNet(t, Options{})
	g, err := n.NeuronGroup(Neurons{N: 3, Model: "dv/dt = 10/second : 1\nw : 1", Threshold: "v > 0.0095", Reset: "v = 0"})
	if err != nil {
		t.Fatal(err)
	}
	g.Set("v", "i*0.001")
	g.Set("w", "i")
	sm, err := n.SpikeMonitor(g, Variables("v", "w"))
	if err != nil {
		t.Fatal(err)
	}
	run(t, n, unit.Q(3, unit.Millisecond))
	v, err := sm.Values("v")
	if err != nil {
		t.Fatal(err)
	}
	w, _ := sm.Values("w")
	if len(v) != sm.Num() || sm.Num() < 6 {
		t.Fatalf("%d values for %d spikes", len(v), sm.Num())
	}
	for k := range v {
		if math.Abs(v[k]-0.01) > 1e-9 || w[k] != float64(sm.I()[k]) {
			t.Errorf("spike %d of neuron %d: v = %v, w = %v", k, sm.I()[k], v[k], w[k])
		}
	}
	trains := sm.Trains()
	for i, tr := range trains {
		// neuron i first spikes in step 9-i, then every 10 steps.
		for k, ts := range tr {
			if want := float64(9-i+10*k) * 1e-4; math.Abs(ts-want) > 1e-12 {
				t.Errorf("neuron %d spike %d at %v, want %v", i, k, ts, want)
			}
		}
	}
	if _, err := sm.Values("x"); err == nil {
		t.Error("an unrecorded variable: no error")
	}
}

// A random draw in a subexpression is one draw per element and step in
// each block that uses it, however often the block uses it (as Brian2
// computes a subexpression once per block): x and y get the same value,
// which differs between neurons.
func TestSubexpressionDrawShared(t *testing.T) {
	n := newNet(t, Options{Seed: 2})
	g, err := n.NeuronGroup(Neurons{N: 100, Model: "d = rand() : 1\nx : 1\ny : 1", Threshold: "True", Reset: "x = d\ny = d"})
	if err != nil {
		t.Fatal(err)
	}
	run(t, n, unit.Q(0.1, unit.Millisecond))
	x, _ := g.Get("x")
	y, _ := g.Get("y")
	distinct := map[float64]bool{}
	for i := range x {
		if x[i] != y[i] {
			t.Errorf("neuron %d: x = %v, y = %v", i, x[i], y[i])
		}
		distinct[x[i]] = true
	}
	if len(distinct) < 100 {
		t.Errorf("%d distinct values among 100 neurons", len(distinct))
	}
}
