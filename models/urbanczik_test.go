package models

import (
	"math"
	"testing"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/unit"
)

// With the dendrite uncoupled (g_sp = 0) and I_e = 450 pA the soma settles
// at E_L + I_e/g_L = -55 mV = theta, where phi = phi_max/(1 + rate_slope) =
// 100 Hz. A step then fires with probability p = 1 - exp(-phi dt), and a
// spike is followed by 31 silent steps (t_ref + dt), so the mean interval
// is (31 + (1-p)/p) dt = 13.05 ms: 76.6 Hz. Over 200 neurons and 2 s the
// count (30,600) has a standard deviation of about CV*sqrt(count) = 135
// (CV 0.77); the tolerance of 2 % is 4.5 of them.
func TestUrbanczikNeuronRate(t *testing.T) {
	m := neuron(t, "pp_cond_exp_mc_urbanczik").With(cajal.Namespace{"g_sp": unit.Q(0, unit.Nanosiemens)})
	net := newNet(t, 0.1)
	g, err := m.Group(net, "", 200)
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Set("I_e", unit.Q(450, unit.Picoamp)); err != nil {
		t.Fatal(err)
	}
	run(t, net, 200) // settle: 20 membrane time constants
	sm, err := net.SpikeMonitor(g)
	if err != nil {
		t.Fatal(err)
	}
	run(t, net, 2000)
	p := 1 - math.Exp(-100*1e-4)
	want := 1 / ((31 + (1-p)/p) * 1e-4)
	got := float64(sm.Num()) / 200 / 2
	if math.Abs(got-want)/want > 0.02 {
		t.Errorf("rate %.2f Hz, want %.2f Hz", got, want)
	}
}
