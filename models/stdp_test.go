package models

import (
	"math"
	"testing"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/unit"
)

// pairRun connects a presynaptic generator firing at pre (ms) to a
// postsynaptic generator firing at post (ms) with one synapse of model s,
// weight w0, runs 60 ms and returns the final weight.
func pairRun(t *testing.T, s Synapse, w0 float64, pre, post []float64) float64 {
	t.Helper()
	net := newNet(t, 0.1)
	gen := func(name string, ts []float64) *cajal.NeuronGroup {
		g, err := net.SpikeGeneratorGroup(cajal.SpikeGenerator{Name: name, N: 1, Indices: make([]int, len(ts)), Times: cajal.Times(unit.Millisecond, ts...)})
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	a, b := gen("pre", pre), gen("post", post)
	syn, err := s.Connect(net, "", a, b, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := syn.Set("w", w0); err != nil {
		t.Fatal(err)
	}
	run(t, net, 60)
	return get(t, syn, "w")[0]
}

// NEST's stdp_synapse: a pair with the postsynaptic spike d = 10 ms after
// the presynaptic one changes w by Wmax lambda (1 - w/Wmax)^mu_plus
// exp(-d/tau_plus); the reverse order by -Wmax alpha lambda (w/Wmax)^mu_minus
// exp(-d/tau_minus). From w = 50 (Wmax = 100, lambda = 0.01) that is
// +-0.30327 for the multiplicative default (mu = 1) and +-0.60653 for the
// additive rule (mu = 0). The traces are advanced in closed form, so the
// match is to rounding (1e-12). The additive rule stops at the bounds.
func TestSTDPPair(t *testing.T) {
	mult := synapse(t, "stdp")
	add := mult.With(cajal.Namespace{"mu_plus": 0.0, "mu_minus": 0.0})
	e := math.Exp(-10.0 / 20)
	for _, c := range []struct {
		name      string
		s         Synapse
		pre, post float64
		want      float64
	}{
		{"multiplicative, pre then post", mult, 10, 20, 50 + 100*0.01*0.5*e},
		{"multiplicative, post then pre", mult, 20, 10, 50 - 100*0.01*0.5*e},
		{"additive, pre then post", add, 10, 20, 50 + 100*0.01*e},
		{"additive, post then pre", add, 20, 10, 50 - 100*0.01*e},
	} {
		w := pairRun(t, c.s, 50, []float64{c.pre}, []float64{c.post})
		if math.Abs(w-c.want) > 1e-12 {
			t.Errorf("%s: w = %.12g, want %.12g", c.name, w, c.want)
		}
	}
	if w := pairRun(t, add, 99.9, []float64{10}, []float64{11}); w != 100 {
		t.Errorf("additive potentiation from 99.9: w = %v, want the bound 100", w)
	}
	if w := pairRun(t, add, 0.1, []float64{11}, []float64{10}); w != 0 {
		t.Errorf("additive depression from 0.1: w = %v, want the bound 0", w)
	}
}
