package models

import (
	"math"
	"testing"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/unit"
)

// nestIzhikevich is NEST's izhikevich update with consistent_integration
// (forward Euler, V and U from the old values), in mV and ms, from NEST's
// initial state; it returns the spike steps.
func nestIzhikevich(I, h float64, steps int) []int {
	const a, b, c, d, vth = 0.02, 0.2, -65.0, 8.0, 30.0
	v, u := -65.0, 0.0
	var spikes []int
	for n := 0; n < steps; n++ {
		vOld, uOld := v, u
		v += h * (0.04*vOld*vOld + 5*vOld + 140 - uOld + I)
		u += h * a * (b*vOld - uOld)
		if v >= vth {
			spikes = append(spikes, n)
			v = c
			u += d
		}
	}
	return spikes
}

// izhikevich reproduces NEST's update step for step: with the regular-
// spiking defaults at NEST's default resolution (0.1 ms), every spike
// falls in the same step as in NEST's recursion over 1 s, for each current
// (Cajal computes in SI units, so rounding differs in the last bits). The
// regular-spiking cell adapts (Izhikevich 2003, Fig. 2): under I_e = 20 pA
// its first interval is shorter than the later ones. Firing starts where
// the rest state loses stability, at the Hopf bifurcation of the model:
// the trace of the Jacobian, 0.08 V + 5 - a, vanishes at V = -62.25 mV,
// where the nullclines meet for I = -(0.04 V^2 + (5 - b) V + 140) = 3.7975
// pA. From NEST's initial state the neuron is silent at 3.7 pA and fires at
// 3.9 pA (the Euler map moves the bifurcation by O(dt^2 |lambda|^2), far
// less than this margin).
func TestIzhikevich(t *testing.T) {
	currents := []float64{20, 3.9, 3.7}
	net := newNet(t, 0.1)
	g, err := neuron(t, "izhikevich").Group(net, "", len(currents))
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Set("I_e", cajal.Times(unit.Picoamp, currents...)); err != nil {
		t.Fatal(err)
	}
	sm, err := net.SpikeMonitor(g)
	if err != nil {
		t.Fatal(err)
	}
	run(t, net, 1000)
	sp := perNeuron(sm, len(currents))
	for i, I := range currents {
		want := nestIzhikevich(I, 0.1, 10000)
		if len(sp[i]) != len(want) {
			t.Fatalf("I_e = %g pA: %d spikes, NEST's recursion %d", I, len(sp[i]), len(want))
		}
		for k, n := range want {
			if math.Abs(sp[i][k]-float64(n)*1e-4) > 1e-9 {
				t.Fatalf("I_e = %g pA: spike %d at %.1f ms, NEST's recursion at %.1f ms", I, k, sp[i][k]*1e3, float64(n)*0.1)
			}
		}
	}
	isi := intervals(sp[0])
	if len(isi) < 5 || isi[0] >= isi[len(isi)-1] {
		t.Errorf("I_e = 20 pA: no adaptation: intervals %v", isi)
	} else {
		t.Logf("I_e = 20 pA: %d spikes in 1 s, first interval %.1f ms, last %.1f ms", len(sp[0]), isi[0]*1e3, isi[len(isi)-1]*1e3)
	}
	if len(sp[1]) == 0 || len(sp[2]) != 0 {
		t.Errorf("onset: %d spikes at 3.9 pA (want some), %d at 3.7 pA (want none)", len(sp[1]), len(sp[2]))
	}
}
