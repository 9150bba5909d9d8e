package cajal

import (
	"math"
	"testing"
)

func ruleNet(t *testing.T, ns, nt int, same bool) (*Network, *NeuronGroup, *NeuronGroup) {
	n := newNet(t, Options{Seed: 3})
	a, err := n.NeuronGroup(Neurons{Name: "a", N: ns, Model: "x : 1"})
	if err != nil {
		t.Fatal(err)
	}
	b := a
	if !same {
		if b, err = n.NeuronGroup(Neurons{Name: "b", N: nt, Model: "x : 1"}); err != nil {
			t.Fatal(err)
		}
	}
	return n, a, b
}

// Fixed in-degree without autapses or multapses: every target has exactly
// k synapses from k distinct sources, none from itself. Each source is
// chosen by each target with probability k/(n-1), so its out-degree has
// mean 200*20/199 and standard deviation under 4.2; 6 of them bound it.
func TestFixedInDegree(t *testing.T) {
	n, g, _ := ruleNet(t, 200, 200, true)
	s, _ := n.Synapses(Synapses{Source: g, Target: g, Model: "w : 1"})
	if err := s.Connect(FixedInDegree(20), Autapses(false), Multapses(false)); err != nil {
		t.Fatal(err)
	}
	in := map[int32]map[int32]bool{}
	out := make([]int, 200)
	I, J := s.I(), s.J()
	for k := range I {
		if I[k] == J[k] {
			t.Fatalf("autapse on %d", I[k])
		}
		if in[J[k]] == nil {
			in[J[k]] = map[int32]bool{}
		}
		if in[J[k]][I[k]] {
			t.Fatalf("multapse %d -> %d", I[k], J[k])
		}
		in[J[k]][I[k]] = true
		out[I[k]]++
	}
	for j := int32(0); j < 200; j++ {
		if len(in[j]) != 20 {
			t.Errorf("target %d has in-degree %d", j, len(in[j]))
		}
	}
	mean := 200 * 20 / 199.0
	for i, c := range out {
		if math.Abs(float64(c)-mean) > 6*4.2 {
			t.Errorf("source %d has out-degree %d, mean %.1f", i, c, mean)
		}
	}
	if err := s.Connect(FixedInDegree(200), Autapses(false), Multapses(false)); err == nil {
		t.Error("200 distinct sources of 199: no error")
	}
}

// Fixed out-degree with multapses, onto another group; fixed total
// number; Offsets as Brian2's j = 'i + k for k in range(-1, 2) if
// 0 <= i + k < N_post'.
func TestOtherRules(t *testing.T) {
	n, a, b := ruleNet(t, 30, 40, false)
	s, _ := n.Synapses(Synapses{Name: "out", Source: a, Target: b, Model: "w : 1"})
	if err := s.Connect(FixedOutDegree(7)); err != nil {
		t.Fatal(err)
	}
	out := make([]int, 30)
	for _, i := range s.I() {
		out[i]++
	}
	for i, c := range out {
		if c != 7 {
			t.Errorf("source %d has out-degree %d", i, c)
		}
	}
	tot, _ := n.Synapses(Synapses{Name: "tot", Source: a, Target: b, Model: "w : 1"})
	if err := tot.Connect(FixedTotalNumber(500), Multapses(false)); err != nil {
		t.Fatal(err)
	}
	seen := map[[2]int32]bool{}
	I, J := tot.I(), tot.J()
	for k := range I {
		seen[[2]int32{I[k], J[k]}] = true
	}
	if tot.N() != 500 || len(seen) != 500 {
		t.Errorf("fixed total number: %d synapses, %d pairs; want 500", tot.N(), len(seen))
	}
	off, _ := n.Synapses(Synapses{Name: "off", Source: a, Target: b, Model: "w : 1"})
	if err := off.Connect(Offsets(-1, 2)); err != nil {
		t.Fatal(err)
	}
	if off.N() != 30*3-1 { // i = 0 has no j = -1; i = 29 reaches j = 30 < 40
		t.Errorf("offsets: %d synapses, want 89", off.N())
	}
	for k, i := range off.I() {
		if d := off.J()[k] - i; d < -1 || d > 1 {
			t.Errorf("offsets: synapse %d -> %d", i, off.J()[k])
		}
	}
	if err := off.Connect(FixedInDegree(3), P(0.5)); err == nil {
		t.Error("a fixed rule with P: no error")
	}
}

// BenchmarkFixedInDegree connects 10,000 targets with in-degree 1,000
// each (10^7 synapses, no multapses) and reports the time per synapse
// (1.7-1.8 s for all of them on the development machine, 2026-12-02).
func BenchmarkFixedInDegree(b *testing.B) {
	for range b.N {
		b.StopTimer()
		net, err := NewNetwork(Options{Seed: 3})
		if err != nil {
			b.Fatal(err)
		}
		g, err := net.NeuronGroup(Neurons{Name: "a", N: 10000, Model: "x : 1"})
		if err != nil {
			b.Fatal(err)
		}
		s, _ := net.Synapses(Synapses{Source: g, Target: g, OnPre: "x += 1"})
		b.StartTimer()
		if err := s.Connect(FixedInDegree(1000), Multapses(false)); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if s.N() != 10000000 {
			b.Fatalf("%d synapses", s.N())
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e7, "ns/synapse")
}
