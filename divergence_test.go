package cajal

import (
	"errors"
	"math"
	"testing"

	"github.com/cajal-sim/cajal/unit"
)

// A reset that writes NaN stops the run like a diverging state update: v
// rises at 1/ms from 0, crosses 1 in the step at 1.0 ms (dt 0.1 ms, the
// value after the step's update is 1.1 > 1), and the reset writes
// log(v - 2) = log(-0.9) = NaN (interpreted and compiled).
func TestResetDivergence(t *testing.T) {
	for _, interpret := range []bool{false, true} {
		n := newNet(t, Options{Tier: testTier(interpret)})
		g, err := n.NeuronGroup(Neurons{Name: "g", N: 3, Model: "dv/dt = int(i == 1)/ms : 1", Method: "euler",
			Threshold: "v > 1", Reset: "v = log(v - 2)"})
		if err != nil {
			t.Fatal(err)
		}
		sm, err := n.SpikeMonitor(g)
		if err != nil {
			t.Fatal(err)
		}
		err = n.Run(unit.Q(5, unit.Millisecond))
		var de *DivergenceError
		if !errors.As(err, &de) {
			t.Fatalf("want a DivergenceError, got %v", err)
		}
		if de.Group != "g" || de.Var != "v" || de.Elem != 1 || !math.IsNaN(de.Value) || math.Abs(de.Time-1.0e-3) > 1e-12 {
			t.Errorf("divergence reported as %+v", de)
		}
		if sm.Num() != 1 || sm.T()[0] != de.Time {
			t.Errorf("the monitor recorded %d spikes (%v); want the one of the diverging step", sm.Num(), sm.T())
		}
		if math.Abs(n.T().Value-de.Time) > 1e-12 {
			t.Errorf("the network stopped at %v, the divergence was at %v", n.T(), de.Time)
		}
	}
}

// A pathway that writes NaN or infinity into a postsynaptic variable (by
// += or by =) or into a synaptic variable stops the run, naming the
// pathway, the variable as the pathway wrote it, the element (the
// target neuron or the synapse) and the time of the spike (neuron 0 fires
// in the step at 0.2 ms).
func TestPathwayDivergence(t *testing.T) {
	for _, c := range []struct {
		onPre, v string
		elem     int
	}{
		{"count_post += log(w - 2)", "count_post", 1},
		{"count_post = 1/(w - 1)", "count_post", 1},
		{"w = log(w - 2)", "w", 0},
	} {
		for _, interpret := range []bool{false, true} {
			n := newNet(t, Options{Tier: testTier(interpret)})
			gen, err := n.SpikeGeneratorGroup(SpikeGenerator{N: 1, Indices: []int{0}, Times: Times(unit.Millisecond, 0.2)})
			if err != nil {
				t.Fatal(err)
			}
			tgt, err := n.NeuronGroup(Neurons{Name: "tgt", N: 2, Model: "count : 1"})
			if err != nil {
				t.Fatal(err)
			}
			s, err := n.Synapses(Synapses{Name: "syn", Source: gen, Target: tgt, Model: "w : 1", OnPre: c.onPre})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Connect(Pairs([]int{0}, []int{1})); err != nil {
				t.Fatal(err)
			}
			if err := s.Set("w", 1.0); err != nil {
				t.Fatal(err)
			}
			err = n.Run(unit.Q(1, unit.Millisecond))
			var de *DivergenceError
			if !errors.As(err, &de) {
				t.Fatalf("%s: want a DivergenceError, got %v", c.onPre, err)
			}
			if de.Group != "syn.pre" || de.Var != c.v || de.Elem != c.elem || math.Abs(de.Time-0.2e-3) > 1e-12 {
				t.Errorf("%s: divergence reported as %+v", c.onPre, de)
			}
		}
	}
}
