package cajal

import (
	"errors"
	"math"
	"testing"

	"github.com/cajal-sim/cajal/unit"
)

// run_regularly runs at the start of the steps at t = 0, 1 ms, 2 ms, ...,
// before the state update and the threshold: v grows by 1e-4 a step from
// 0 and reaches 1e-3, the threshold, in the update of step 9; the block at
// step 10 sets it back to 0 before the update. So the neuron spikes at
// 0.9, 1.9, 2.9 ms, with no reset of its own. A monitor made before the
// block records v before it runs (1e-3 at 1 ms), one made after records
// the value it set (0): the start slot runs in the order things were added.
func TestRunRegularlyOrder(t *testing.T) {
	n := newNet(t, Options{})
	g, err := n.NeuronGroup(Neurons{N: 1, Model: "dv/dt = 1/second : 1", Threshold: "v > 0.00095"})
	if err != nil {
		t.Fatal(err)
	}
	before, _ := n.StateMonitor(g, []string{"v"}, nil, unit.Quantity{})
	if err := g.RunRegularly("v = 0", unit.Q(1, unit.Millisecond)); err != nil {
		t.Fatal(err)
	}
	after, _ := n.StateMonitor(g, []string{"v"}, nil, unit.Quantity{})
	sm, err := n.SpikeMonitor(g)
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Set("v", 0.5); err != nil {
		t.Fatal(err)
	}
	run(t, n, unit.Q(3, unit.Millisecond))
	if len(sm.T()) != 3 {
		t.Fatalf("spikes at %v, want 0.9, 1.9, 2.9 ms", sm.T())
	}
	for k, ts := range sm.T() {
		if want := 0.9e-3 + float64(k)*1e-3; math.Abs(ts-want) > 1e-12 {
			t.Errorf("spike %d at %g s, want %g", k, ts, want)
		}
	}
	b, _ := before.Values("v")
	a, _ := after.Values("v")
	if b[0][0] != 0.5 || a[0][0] != 0 || math.Abs(b[0][10]-1e-3) > 1e-12 || a[0][10] != 0 {
		t.Errorf("at 0 ms: before %v after %v; at 1 ms: before %v after %v", b[0][0], a[0][0], b[0][10], a[0][10])
	}
}

// A run_regularly block on synapses, and an interval that is not a
// multiple of dt.
func TestRunRegularlySynapses(t *testing.T) {
	n := newNet(t, Options{})
	g, _ := n.NeuronGroup(Neurons{N: 3, Model: "x : 1"})
	s, err := n.Synapses(Synapses{Source: g, Target: g, Model: "w : 1"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Connect(); err != nil {
		t.Fatal(err)
	}
	if err := s.RunRegularly("w += i + 10*j", unit.Q(0.5, unit.Millisecond)); err != nil {
		t.Fatal(err)
	}
	run(t, n, unit.Q(1, unit.Millisecond)) // at 0 and 0.5 ms
	w, _ := s.Get("w")
	I, J := s.I(), s.J()
	for k := range w {
		if want := 2 * float64(int(I[k])+10*int(J[k])); w[k] != want {
			t.Errorf("synapse %d (%d->%d): w = %v, want %v", k, I[k], J[k], w[k], want)
		}
	}
	if err := g.RunRegularly("x = 1", unit.Q(0.15, unit.Millisecond)); err == nil {
		t.Error("an interval of 1.5 dt: no error")
	}
	if err := g.RunRegularly("y = 1", unit.Q(1, unit.Millisecond)); err == nil {
		t.Error("an unknown variable: no error")
	}
}

// A network operation runs every interval at the start of the step, sees
// the step's time, changes variables the update then uses, and stops the
// run with its error.
func TestNetworkOperations(t *testing.T) {
	n := newNet(t, Options{})
	g, _ := n.NeuronGroup(Neurons{N: 2, Model: "dv/dt = -v/(10*ms) : 1"})
	var times []float64
	stop := errors.New("enough")
	err := n.Every(unit.Q(1, unit.Millisecond), func(net *Network) error {
		times = append(times, net.T().Value)
		if len(times) == 4 {
			return stop
		}
		return g.Set("v", 1.0)
	})
	if err != nil {
		t.Fatal(err)
	}
	var at []float64
	if err := n.At(Times(unit.Millisecond, 0.5, 2.5), func(net *Network) error { at = append(at, net.T().Value); return nil }); err != nil {
		t.Fatal(err)
	}
	err = n.Run(unit.Q(10, unit.Millisecond))
	if !errors.Is(err, stop) {
		t.Fatalf("run: %v, want the operation's error", err)
	}
	if len(times) != 4 || math.Abs(times[3]-3e-3) > 1e-12 || math.Abs(n.T().Value-3e-3) > 1e-12 {
		t.Errorf("calls at %v, stopped at %v; want 0..3 ms and 3 ms", times, n.T())
	}
	if len(at) != 2 || math.Abs(at[0]-0.5e-3) > 1e-12 || math.Abs(at[1]-2.5e-3) > 1e-12 {
		t.Errorf("At calls at %v, want 0.5 and 2.5 ms", at)
	}
	// v was set to 1 at 2 ms and decayed for 10 steps of the exact solution.
	v, _ := g.Get("v")
	if want := math.Exp(-1.0 / 10); math.Abs(v[0]-want) > 1e-12 {
		t.Errorf("v = %v, want %v", v[0], want)
	}
}
