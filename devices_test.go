package cajal

import (
	"math"
	"testing"

	"github.com/cajal-sim/cajal/unit"
)

// NEST-style devices: per-spike weights of a spike generator reach the
// target through weight_pre; parrots repeat spikes one step later; the
// weight recorder logs each event.
func TestDevices(t *testing.T) {
	n := newNet(t, Options{})
	gen, err := n.SpikeGeneratorGroup(SpikeGenerator{N: 2, Indices: []int{0, 1, 0}, Times: Times(unit.Millisecond, 1, 2, 3),
		Weights: []float64{0.5, 2, 4}})
	if err != nil {
		t.Fatal(err)
	}
	post, _ := n.NeuronGroup(Neurons{N: 1, Model: "total : 1"})
	s, _ := n.Synapses(Synapses{Source: gen, Target: post, Model: "w : 1", OnPre: "total += weight_pre*w\nw += 1"})
	if err := s.Connect(); err != nil {
		t.Fatal(err)
	}
	if err := s.Set("w", 1.0); err != nil {
		t.Fatal(err)
	}
	rec, err := s.WeightRecorder("w", "pre")
	if err != nil {
		t.Fatal(err)
	}
	parrots, err := n.ParrotGroup("parrots", gen)
	if err != nil {
		t.Fatal(err)
	}
	genSpikes, err := n.SpikeMonitor(gen)
	if err != nil {
		t.Fatal(err)
	}
	parrotSpikes, err := n.SpikeMonitor(parrots)
	if err != nil {
		t.Fatal(err)
	}
	run(t, n, unit.Q(5, unit.Millisecond))
	got, _ := post.Get("total")
	// 0.5*1 + 2*1 + 4*2: the second spike of neuron 0 meets w = 2.
	if got[0] != 10.5 {
		t.Errorf("total = %v, want 10.5", got[0])
	}
	if rec.Len() != 3 || rec.Values()[2] != 3 || rec.Senders()[1] != 1 || rec.Targets()[0] != 0 || math.Abs(rec.Times()[2]-3e-3) > 1e-12 {
		t.Errorf("weight recorder: values %v senders %v times %v", rec.Values(), rec.Senders(), rec.Times())
	}
	if parrotSpikes.Num() != 3 {
		t.Fatalf("parrots fired %d times, want 3", parrotSpikes.Num())
	}
	for k := range genSpikes.T() {
		if parrotSpikes.I()[k] != genSpikes.I()[k] || math.Abs(parrotSpikes.T()[k]-genSpikes.T()[k]-1e-4) > 1e-12 {
			t.Errorf("parrot spike %d: neuron %d at %v; generator: %d at %v", k, parrotSpikes.I()[k], parrotSpikes.T()[k], genSpikes.I()[k], genSpikes.T()[k])
		}
	}
	if _, err := s.WeightRecorder("w", "post"); err == nil {
		t.Error("recorded a pathway that does not exist")
	}
}

// A shared variable takes one value even before any synapse exists.
func TestSharedBeforeConnect(t *testing.T) {
	n := newNet(t, Options{})
	g, _ := n.NeuronGroup(Neurons{N: 2, Model: "v : 1"})
	s, err := n.Synapses(Synapses{Source: g, Target: g, Model: "tau : second (shared, constant)"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Set("tau", unit.Q(5, unit.Millisecond)); err != nil {
		t.Fatal(err)
	}
	if err := s.Set("tau", []float64{1, 2}); err == nil {
		t.Error("a shared variable took two values")
	}
	if err := s.Connect(); err != nil {
		t.Fatal(err)
	}
	tau, _ := s.Get("tau")
	if len(tau) != 4 || tau[3] != 5e-3 {
		t.Errorf("tau = %v", tau)
	}
}
