package cajal

import (
	"testing"

	"github.com/cajal-sim/cajal/unit"
)

// The parts of a step that threads split — rows of synapses cut at
// target blocks, summed variables, clock-driven synapses that read
// presynaptic variables, a pathway that writes presynaptic variables (run
// alone), two pathways into one target variable, subgroups, a group too
// small to split — give bit-identical results at 1, 2 and 3 threads.
func TestThreadsDoNotChangeSynapticResults(t *testing.T) {
	var ref []float64
	for _, threads := range []int{1, 2, 3} {
		n := newNet(t, Options{Seed: 8, Threads: threads})
		g, err := n.NeuronGroup(Neurons{N: 3000, Model: `
dv/dt = (-v + 1.05 + ge - gi + s + 0.2*sqrt(10*ms)*xi)/(10*ms) : 1 (unless refractory)
dge/dt = -ge/(5*ms) : 1
dgi/dt = -gi/(10*ms) : 1
s : 1
c : 1
`, Threshold: "v > 1", Reset: "v = 0", Refractory: "2*ms", Method: "euler"})
		if err != nil {
			t.Fatal(err)
		}
		small, err := n.NeuronGroup(Neurons{N: 50, Model: "dv/dt = (1.2 - v)/(10*ms) : 1", Threshold: "v > 1", Reset: "v = rand()*0.2", Method: "exact"})
		if err != nil {
			t.Fatal(err)
		}
		if err := g.Set("v", "rand()"); err != nil {
			t.Fatal(err)
		}
		exc, _ := g.Slice(0, 2400)
		inh, _ := g.Slice(2400, 3000)
		ee, err := n.Synapses(Synapses{Source: exc, Target: g, Model: "w : 1", OnPre: "ge += w", Delay: unit.Q(1.5, unit.Millisecond)})
		if err != nil {
			t.Fatal(err)
		}
		ie, err := n.Synapses(Synapses{Source: inh, Target: g, Model: "w : 1", OnPre: "gi += w\nc_pre += 1"})
		if err != nil {
			t.Fatal(err)
		}
		se, err := n.Synapses(Synapses{Source: small, Target: g, OnPre: "ge += 0.01"})
		if err != nil {
			t.Fatal(err)
		}
		gap, err := n.Synapses(Synapses{Source: g, Target: g, Model: `
dx/dt = (v_pre - x)/(3*ms) + 0.1*xi/sqrt(ms) : 1 (clock-driven)
s_post = 0.002*x : 1 (summed)
`, Method: "euler"})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			s *SynapseGroup
			p float64
		}{{ee, 0.02}, {ie, 0.05}, {se, 0.2}, {gap, 0.002}} {
			if err := c.s.Connect(P(c.p)); err != nil {
				t.Fatal(err)
			}
		}
		ee.Set("w", Uniform{0.0, 0.05})
		ie.Set("w", "0.1*rand()")
		run(t, n, unit.Q(60, unit.Millisecond))
		if pre, _ := ee.Events(); pre < 5000 {
			t.Fatalf("%d excitatory events: the test needs activity", pre)
		}
		var got []float64
		for _, name := range []string{"v", "ge", "gi", "s", "c"} {
			x, _ := g.Get(name)
			got = append(got, x...)
		}
		x, _ := gap.Get("x")
		vs, _ := small.Get("v")
		got = append(append(got, x...), vs...)
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
