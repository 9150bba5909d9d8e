package cajal

import (
	"testing"

	"github.com/cajal-sim/cajal/unit"
)

// A network with noise, delayed synapses in flight and a PoissonInput is
// stored mid-run; after Restore, the same run repeats bit for bit (random
// numbers depend on the step), and a changed parameter changes it.
func TestStoreRestore(t *testing.T) {
	n := newNet(t, Options{Seed: 5})
	ns := Namespace{"tau": "10*ms", "mu": "0.8"}
	g, err := n.NeuronGroup(Neurons{N: 50, Model: "dv/dt = (mu - v)/tau + 0.3*xi/sqrt(tau) : 1",
		Threshold: "v > 1", Reset: "v = 0", Namespace: ns})
	if err != nil {
		t.Fatal(err)
	}
	s, _ := n.Synapses(Synapses{Source: g, Target: g, OnPre: "v += 0.05", Delay: unit.Q(3, unit.Millisecond)})
	if err := s.Connect(FixedInDegree(5)); err != nil {
		t.Fatal(err)
	}
	if err := n.PoissonInput(PoissonInput{Target: g, Var: "v", N: 10, Rate: unit.Q(50, unit.Hertz), Weight: 0.02}); err != nil {
		t.Fatal(err)
	}
	sm, err := n.SpikeMonitor(g)
	if err != nil {
		t.Fatal(err)
	}
	run(t, n, unit.Q(20, unit.Millisecond))
	n.Store("mid")
	k0 := sm.Num()
	run(t, n, unit.Q(20, unit.Millisecond))
	v1, _ := g.Get("v")
	first := append([]float64(nil), sm.T()[k0:]...)
	if err := n.Restore("mid"); err != nil {
		t.Fatal(err)
	}
	k1 := sm.Num()
	run(t, n, unit.Q(20, unit.Millisecond))
	v2, _ := g.Get("v")
	second := sm.T()[k1:]
	if len(first) == 0 || len(first) != len(second) {
		t.Fatalf("%d spikes after the store, %d after the restore", len(first), len(second))
	}
	for k := range first {
		if first[k] != second[k] {
			t.Fatalf("spike %d at %v, then %v", k, first[k], second[k])
		}
	}
	for i := range v1 {
		if v1[i] != v2[i] {
			t.Fatalf("neuron %d: v = %v, then %v", i, v1[i], v2[i])
		}
	}
	ns["mu"] = "0.9"
	if err := n.Restore("mid"); err != nil {
		t.Fatal(err)
	}
	run(t, n, unit.Q(20, unit.Millisecond))
	v3, _ := g.Get("v")
	same := true
	for i := range v1 {
		same = same && v1[i] == v3[i]
	}
	if same {
		t.Error("another mu gives the same state")
	}
	if err := n.Restore("nothing"); err == nil {
		t.Error("an unknown name: no error")
	}
}
