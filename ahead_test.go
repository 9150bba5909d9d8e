package cajal

import (
	"errors"
	"math"
	"testing"

	"github.com/cajal-sim/cajal/unit"
)

// aheadRun runs for 50 ms a recurrent network of 2000 neurons (two
// members' blocks at 2 threads) whose synapses run onPre, with a state
// monitor every sample (none if 0) and tau_d set to tauD, if given, and returns the neurons' v, the
// synapses' w, the monitor's samples of v, the run's error and how many
// steps updated ahead (internal/sim's ahead.go).
func aheadRun(t *testing.T, threads int, model, onPre string, sample unit.Quantity, tauD ...string) (state []float64, samples [][]float64, err error, ahead int64) {
	t.Helper()
	net := newNet(t, Options{Seed: 9, Threads: threads})
	g, e := net.NeuronGroup(Neurons{Name: "g", N: 2000, Model: model, Threshold: "v > 1", Reset: "v = 0", Method: "euler"})
	if e != nil {
		t.Fatal(e)
	}
	if e := g.Set("v", "rand()"); e != nil {
		t.Fatal(e)
	}
	for _, expr := range tauD {
		if e := g.Set("tau_d", expr); e != nil {
			t.Fatal(e)
		}
	}
	s, e := net.Synapses(Synapses{Source: g, Target: g, Model: "w : 1", OnPre: onPre})
	if e != nil {
		t.Fatal(e)
	}
	if e := s.Connect(P(0.02), Condition("i != j")); e != nil {
		t.Fatal(e)
	}
	if e := s.Set("w", Uniform{0, 0.05}); e != nil {
		t.Fatal(e)
	}
	var sm *StateMonitor
	if sample.Value > 0 {
		if sm, e = net.StateMonitor(g, []string{"v"}, []int{0, 1500, 1999}, sample); e != nil {
			t.Fatal(e)
		}
	}
	err = net.Run(unit.Q(50, unit.Millisecond))
	v, _ := g.Get("v")
	w, _ := s.Get("w")
	if sm != nil {
		samples = mustValues(t, sm, "v")
	}
	return append(v, w...), samples, err, net.sim.Ahead
}

const aheadModel = "dv/dt = (1.2 - v)/(10*ms) : 1"

// With two threads a step's update runs ahead, in the last phase of the
// step before, except at the steps where a state monitor samples (every
// 1 ms, 10 steps) and at the run's first step; values and samples are
// those of one thread, which never updates ahead.
func TestUpdateAheadKeepsResults(t *testing.T) {
	ref, refSamples, err, ahead := aheadRun(t, 1, aheadModel, "v_post += w", unit.Q(1, unit.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	if ahead != 0 {
		t.Fatalf("one thread: %d steps updated ahead", ahead)
	}
	got, samples, err, ahead := aheadRun(t, 2, aheadModel, "v_post += w", unit.Q(1, unit.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	// Steps 1 to 499, less the 49 that sample (10, 20, ... 490).
	if ahead != 450 {
		t.Errorf("two threads: %d steps updated ahead, want 450", ahead)
	}
	sameFloats(t, "v and w", got, ref)
	for k := range samples {
		sameFloats(t, "samples", samples[k], refSamples[k])
	}
}

// Synaptic code that reads a presynaptic neuron's variable keeps the
// usual order: the neuron may be in another member's block, being reset,
// or updated for the next step. Code that also writes that variable as a
// postsynaptic one runs alone (step.go's plan). Either way two threads
// give what one gives.
func TestUpdateAheadNotWithPresynapticReads(t *testing.T) {
	const model = aheadModel + "\ng : 1"
	for _, onPre := range []string{"g_post += w*(0.5 + 0.1*v_pre)", "v_post += w*(0.5 + 0.1*v_pre)"} {
		ref, _, err, _ := aheadRun(t, 1, model, onPre, unit.Quantity{})
		if err != nil {
			t.Fatal(err)
		}
		got, _, err, ahead := aheadRun(t, 2, model, onPre, unit.Quantity{})
		if err != nil {
			t.Fatal(err)
		}
		if ahead != 0 {
			t.Errorf("%s: %d steps updated ahead with synaptic code reading v_pre", onPre, ahead)
		}
		sameFloats(t, onPre+": v and w", got, ref)
	}
}

// A divergence in an update run ahead is reported by its own step, after
// the monitors recorded the step before, as in the usual order: neuron
// 1500's v grows as exp(t/tau_d), which passes the largest float64 once
// t/tau_d > 709.78, at t > 3.04 ms, in the step at 3.1 ms.
func TestUpdateAheadDivergence(t *testing.T) {
	const model = "dv/dt = (1.2 - v)/(10*ms) + 0.001*exp(t/tau_d)/ms : 1\ntau_d : second"
	const tauD = "int(i == 1500)*(3*ms/700) + int(i != 1500)*second"
	ref, _, refErr, _ := aheadRun(t, 1, model, "v_post += w", unit.Quantity{}, tauD)
	got, _, err, ahead := aheadRun(t, 2, model, "v_post += w", unit.Quantity{}, tauD)
	var want, de *DivergenceError
	if !errors.As(refErr, &want) || !errors.As(err, &de) {
		t.Fatalf("want divergence errors, got %v and %v", refErr, err)
	}
	if de.Group != want.Group || de.Var != want.Var || de.Elem != want.Elem || de.Time != want.Time ||
		math.Float64bits(de.Value) != math.Float64bits(want.Value) {
		t.Errorf("two threads: %+v; one thread: %+v", *de, *want)
	}
	if de.Elem != 1500 || math.Abs(de.Time-3.1e-3) > 1e-9 {
		t.Errorf("divergence of %d at %v s, want neuron 1500 at 3.1 ms", de.Elem, de.Time)
	}
	// Steps 1 to 31 updated ahead, the diverging one included.
	if steps := int64(math.Round(de.Time / 1e-4)); ahead != steps {
		t.Errorf("%d steps updated ahead up to the divergence at step %d, want %d", ahead, steps, steps)
	}
	sameFloats(t, "v and w", got, ref)
}
