package models

import (
	"math"
	"testing"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/unit"
)

// hh_psc_alpha has the squid axon's parameters per 1e-4 cm^2, so I_e =
// 100 pA is 1 uA/cm^2. The Hodgkin-Huxley equations fire repetitively for
// a constant current above I = 6.26 uA/cm^2, where a stable limit cycle
// appears at a finite frequency (a fold of limit cycles below the Hopf
// bifurcation at 9.78 uA/cm^2; Rinzel & Miller 1980, Math Biosci 49:27):
// at 615 pA, 2% below, the neuron fires a few spikes at the onset and falls
// silent (none after 100 ms); at 640 pA, 2% above, it fires to the end of
// the run at about 50 Hz (more than 40 Hz: the jump to a finite rate of a
// type II neuron). At 1000 pA it fires regularly. rk4 at dt = 0.01 ms is
// converged: halving the step changes no spike count and moves no spike by
// more than 0.02 ms (two steps of the finer grid).
func TestHHRepetitiveFiring(t *testing.T) {
	currents := []float64{615, 640, 1000}
	var ref [][]float64
	for _, dt := range []float64{0.01, 0.005} {
		net := newNet(t, dt)
		g, err := neuron(t, "hh_psc_alpha").Group(net, "", len(currents))
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
		run(t, net, 300)
		sp := perNeuron(sm, len(currents))
		if ref == nil {
			ref = sp
			last615 := 0.0
			if n := len(sp[0]); n > 0 {
				last615 = sp[0][n-1]
			}
			if last615 > 0.1 {
				t.Errorf("615 pA: spikes until %.1f ms, want silence after 100 ms", last615*1e3)
			}
			rate := float64(len(sp[1])-1) / (sp[1][len(sp[1])-1] - sp[1][0])
			if sp[1][len(sp[1])-1] < 0.28 || rate < 40 {
				t.Errorf("640 pA: %d spikes, last at %.1f ms, %.1f Hz; want repetitive firing above 40 Hz", len(sp[1]), sp[1][len(sp[1])-1]*1e3, rate)
			}
			isi := intervals(sp[2])
			if len(isi) < 10 || math.Abs(isi[len(isi)-1]-isi[len(isi)-2]) > 0.02e-3 {
				t.Errorf("1000 pA: intervals %v, want regular firing", isi)
			}
			t.Logf("615 pA: %d spikes; 640 pA: %.1f Hz; 1000 pA: %.1f Hz", len(sp[0]), rate, 1/isi[len(isi)-1])
			continue
		}
		for i, I := range currents {
			if len(sp[i]) != len(ref[i]) {
				t.Errorf("%g pA: %d spikes at dt = %g ms, %d at 0.01 ms", I, len(sp[i]), dt, len(ref[i]))
				continue
			}
			for k := range sp[i] {
				if math.Abs(sp[i][k]-ref[i][k]) > 0.02e-3 {
					t.Errorf("%g pA: spike %d at %.3f ms, at dt = 0.01 ms %.3f ms", I, k, sp[i][k]*1e3, ref[i][k]*1e3)
				}
			}
		}
	}
}

// The alpha current of hh_psc_alpha peaks at w pA at t = tau_syn_ex =
// 0.2 ms (rk4 at dt = 0.01 ms, within 1e-6 of w), and an excitatory spike
// of 100 pA moves the membrane without firing it (the spike detection
// needs V_m above 0 mV).
func TestHHAlphaCurrent(t *testing.T) {
	m := neuron(t, "hh_psc_alpha")
	net := newNet(t, 0.01)
	g, err := m.Group(net, "", 1)
	if err != nil {
		t.Fatal(err)
	}
	stimulate(t, net, g, m, "ex", 100, 1)
	sm, err := net.SpikeMonitor(g)
	if err != nil {
		t.Fatal(err)
	}
	tr, _ := record(t, net, g, 5, "I_syn_ex", "x_ex", "V_m")
	k0 := firstNonzero(t, tr["x_ex"])
	if got := tr["I_syn_ex"][k0+20]; math.Abs(got-100e-12) > 1e-6*100e-12 {
		t.Errorf("I_syn_ex = %g pA at tau_syn_ex, want 100 pA", got*1e12)
	}
	if sm.Num() != 0 || tr["V_m"][len(tr["V_m"])-1] <= -65e-3 {
		t.Errorf("%d spikes, V_m = %g mV", sm.Num(), tr["V_m"][len(tr["V_m"])-1]*1e3)
	}
}
