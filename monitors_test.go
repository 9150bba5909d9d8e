package cajal

import (
	"bytes"
	"math"
	"runtime"
	"strings"
	"testing"

	"github.com/cajal-sim/cajal/unit"
)

// A state monitor with an interval records every n-th step; a population
// rate monitor sees the fraction that fired; progress is reported.
func TestMonitors(t *testing.T) {
	var report bytes.Buffer
	var calls int
	var lastDone, lastTotal float64
	n := newNet(t, Options{Report: &report, Progress: func(done, total float64) { calls++; lastDone, lastTotal = done, total }})
	// Neurons 0-9 fire every step from 1 ms on; 10-19 never.
	g, err := n.NeuronGroup(Neurons{N: 20, Model: "dx/dt = 1/second : 1", Threshold: "i < 10 and t >= 1*ms"})
	if err != nil {
		t.Fatal(err)
	}
	sub, _ := g.Slice(5, 15)
	st, err := n.StateMonitor(sub, []string{"x"}, []int{0, 9}, unit.Q(1, unit.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	rate, err := n.PopulationRateMonitor(g)
	if err != nil {
		t.Fatal(err)
	}
	subSpikes, err := n.SpikeMonitor(sub)
	if err != nil {
		t.Fatal(err)
	}
	run(t, n, unit.Q(5, unit.Millisecond))
	if len(st.T()) != 5 || math.Abs(st.T()[3]-3e-3) > 1e-12 {
		t.Errorf("state monitor times %v, want 0, 1, 2, 3, 4 ms", st.T())
	}
	x := mustValues(t, st, "x")
	if len(x) != 2 || math.Abs(x[1][4]-4e-3) > 1e-12 {
		t.Errorf("x of neuron 14 = %v, want 4e-3 at 4 ms", x[1])
	}
	if r := rate.Rate(); len(r) != 50 || r[5] != 0 || math.Abs(r[10]-0.5/1e-4) > 1e-6 {
		t.Errorf("population rate at 0.5 ms %v and 1 ms %v, want 0 and 5000 Hz", r[5], r[10])
	}
	// Neurons 5-9 of the group are 0-4 of the subgroup: 5 neurons x 40 steps.
	if subSpikes.Num() != 200 || subSpikes.Count()[0] != 40 || subSpikes.Count()[5] != 0 {
		t.Errorf("subgroup spikes: %d in all, counts %v", subSpikes.Num(), subSpikes.Count())
	}
	if calls == 0 || lastDone != lastTotal || !strings.Contains(report.String(), "100%") {
		t.Errorf("progress: %d calls, last %v of %v, report %q", calls, lastDone, lastTotal, report.String())
	}
	if _, err := n.StateMonitor(g, []string{"y"}, nil, unit.Quantity{}); err == nil {
		t.Error("recorded an unknown variable")
	}
	if _, err := n.StateMonitor(g, []string{"x"}, nil, unit.Q(0.15, unit.Millisecond)); err == nil {
		t.Error("accepted an interval that is not a multiple of dt")
	}
}

// A recurrent network with random connections, delays, noise and
// plasticity gives bit-identical results at 1, 2 and 4 threads.
func TestNetworkThreadsDoNotChangeResults(t *testing.T) {
	var ref []float64
	for _, threads := range []int{1, 2, 4} {
		got := runThreadsNet(t, Options{Seed: 21, Threads: threads}, 2000, 0.05)
		if ref == nil {
			ref = got
			continue
		}
		for k := range got {
			if got[k] != ref[k] {
				t.Fatalf("%d threads: value %d is %v, with 1 thread %v", threads, k, got[k], ref[k])
			}
		}
	}
}

// TestAutomaticThreadsDoNotChangeResults runs a network big enough for
// two workers with the thread count chosen automatically: the run then
// alternates steps with and without its workers while it times them
// (internal/sim's tuner), and must give what one thread gives, bit for bit.
func TestAutomaticThreadsDoNotChangeResults(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("needs two processors")
	}
	ref := runThreadsNet(t, Options{Seed: 5, Threads: 1}, 8000, 0.005)
	got := runThreadsNet(t, Options{Seed: 5}, 8000, 0.005)
	for k := range got {
		if got[k] != ref[k] {
			t.Fatalf("automatic threads: value %d is %v, with 1 thread %v", k, got[k], ref[k])
		}
	}
}

// runThreadsNet runs for 100 ms a recurrent network of n noisy neurons
// connected with probability p through plastic synapses with random
// delays, and returns the neurons' v and the weights.
func runThreadsNet(t *testing.T, opts Options, n int, p float64) []float64 {
	t.Helper()
	net := newNet(t, opts)
	g, err := net.NeuronGroup(Neurons{N: n, Model: `
dv/dt = (-v + 1.1 + g + 0.1*sqrt(10*ms)*xi)/(10*ms) : 1 (unless refractory)
dg/dt = -g/(5*ms) : 1
`, Threshold: "v > 1", Reset: "v = 0", Refractory: "2*ms", Method: "euler"})
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Set("v", "rand()"); err != nil {
		t.Fatal(err)
	}
	s, err := net.Synapses(Synapses{Source: g, Target: g, Model: "w : 1\ndA/dt = -A/(20*ms) : 1 (event-driven)",
		OnPre: "g += w - 0.02\nA += 1", OnPost: "w = clip(w + 0.001*A, 0, 0.05)", Delay: "rand()*3*ms"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Connect(P(p), Condition("i != j")); err != nil {
		t.Fatal(err)
	}
	if err := s.Set("w", Uniform{0.0, 0.02}); err != nil {
		t.Fatal(err)
	}
	run(t, net, unit.Q(100, unit.Millisecond))
	if pre, post := s.Events(); pre < 10000 || post < 10000 {
		t.Fatalf("only %d and %d synaptic events: the test needs activity", pre, post)
	}
	v, _ := g.Get("v")
	w, _ := s.Get("w")
	return append(v, w...)
}

// A synapse monitor records synaptic variables over time.
func TestSynapseMonitor(t *testing.T) {
	n := newNet(t, Options{})
	gen, _ := n.SpikeGeneratorGroup(SpikeGenerator{N: 1, Indices: []int{0, 0}, Times: Times(unit.Millisecond, 1, 3)})
	post, _ := n.NeuronGroup(Neurons{N: 2, Model: "v : 1"})
	s, _ := n.Synapses(Synapses{Source: gen, Target: post, Model: "w : 1", OnPre: "w += j + 1"})
	if err := s.Connect(); err != nil {
		t.Fatal(err)
	}
	m, err := n.SynapseMonitor(s, []string{"w"}, []int{0, 1}, unit.Q(1, unit.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	run(t, n, unit.Q(5, unit.Millisecond))
	w := mustValues(t, m, "w")
	// Samples at 0..4 ms, before each step: the spikes at 1 and 3 ms show
	// from 2 and 4 ms on.
	want := [][]float64{{0, 0, 1, 1, 2}, {0, 0, 2, 2, 4}}
	for k := range want {
		for i := range want[k] {
			if w[k][i] != want[k][i] {
				t.Fatalf("w of synapse %d = %v, want %v", k, w[k], want[k])
			}
		}
	}
	if _, err := n.SynapseMonitor(s, []string{"w"}, []int{5}, unit.Quantity{}); err == nil {
		t.Error("recorded a synapse that does not exist")
	}
	if _, err := n.SynapseMonitor(s, []string{"w"}, []int{}, unit.Quantity{}); err == nil {
		t.Error("an empty list of synapses was accepted")
	}
	all, err := n.SynapseMonitor(s, []string{"w"}, nil, unit.Quantity{})
	if err != nil {
		t.Fatal(err)
	}
	run(t, n, unit.Q(1, unit.Millisecond))
	if w := mustValues(t, all, "w"); len(w) != s.N() {
		t.Errorf("nil indices recorded %d synapses, want all %d", len(w), s.N())
	}
}
