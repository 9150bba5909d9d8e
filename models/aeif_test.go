package models

import (
	"math"
	"testing"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/unit"
)

// runAeif simulates one aeif_cond_exp neuron per current for ms
// milliseconds and returns the spike times of each and the largest V_m
// recorded.
func runAeif(t *testing.T, m Neuron, dt, ms float64, currents ...float64) ([][]float64, float64) {
	t.Helper()
	net := newNet(t, dt)
	g, err := m.Group(net, "", len(currents))
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
	mon, err := net.StateMonitor(g, []string{"V_m"}, nil, unit.Quantity{})
	if err != nil {
		t.Fatal(err)
	}
	run(t, net, ms)
	vmax := math.Inf(-1)
	vs, _ := mon.Values("V_m")
	for _, v := range vs {
		for _, x := range v {
			vmax = math.Max(vmax, x)
		}
	}
	return perNeuron(sm, len(currents)), vmax
}

func intervals(ts []float64) []float64 {
	var out []float64
	for k := 1; k < len(ts); k++ {
		out = append(out, ts[k]-ts[k-1])
	}
	return out
}

// Without subthreshold adaptation (a = 0) the AdEx membrane obeys
// C dV/dt = I_e - I_rh + g_L Delta_T (exp((V - V_th)/Delta_T) - 1 - (V - V_th)/Delta_T)
// near rest, whose right-hand side is smallest at V = V_th: a fixed point
// exists, and the neuron started at E_L never fires, if and only if I_e <
// I_rh = g_L (V_th - E_L - Delta_T) = 546 pA with NEST's defaults (Brette &
// Gerstner 2005; Touboul 2008). One-step methods keep the fixed points, so
// 3% below I_rh the neuron is silent for 500 ms; 3% above it fires, the
// first spike after the slow passage near V_th (about pi C sqrt(2
// Delta_T/(g_L (I_e - I_rh))) = 80 ms by the normal form of the
// saddle-node).
func TestAeifRheobase(t *testing.T) {
	m := neuron(t, "aeif_cond_exp").With(cajal.Namespace{"a": unit.Q(0, unit.Nanosiemens)})
	const irh = 30 * (-50.4 + 70.6 - 2) // pA
	sp, _ := runAeif(t, m, 0.1, 500, 0.97*irh, 1.03*irh)
	if len(sp[0]) != 0 {
		t.Errorf("I_e = 0.97 I_rh: %d spikes, want none", len(sp[0]))
	}
	if len(sp[1]) == 0 || sp[1][0] < 0.05 {
		t.Errorf("I_e = 1.03 I_rh: spikes %v, want a first spike after a slow passage (> 50 ms)", sp[1])
	} else {
		t.Logf("I_rh = %.1f pA; first spike at 1.03 I_rh after %.1f ms", irh, sp[1][0]*1e3)
	}
}

// Spike-frequency adaptation (Brette & Gerstner 2005, NEST's defaults, a =
// 4 nS, b = 80.5 pA): under 800 pA the interspike intervals lengthen, each
// at least as long as the previous (within a step), to a steady interval
// several times the first. Without adaptation (With a = 0, b = 0) every
// interval is the same within a step. The recorded V_m never exceeds
// V_peak (it is reset in the step that crosses it), and lowering V_peak
// from 0 to -30 mV, where V_m already diverges, moves no spike by more than
// a step. Each interval at dt = 0.1 ms is within 1.5 steps of the same
// interval at dt = 0.01 ms (one step of grid rounding, and the rk4 error).
func TestAeifAdaptation(t *testing.T) {
	const dt = 0.1e-3
	m := neuron(t, "aeif_cond_exp")
	sp, vmax := runAeif(t, m, 0.1, 500, 800)
	isi := intervals(sp[0])
	if len(isi) < 5 {
		t.Fatalf("%d spikes", len(sp[0]))
	}
	for k := 1; k < len(isi); k++ {
		if isi[k] < isi[k-1]-dt-1e-12 {
			t.Errorf("interval %d (%.1f ms) shorter than interval %d (%.1f ms)", k, isi[k]*1e3, k-1, isi[k-1]*1e3)
		}
	}
	last := isi[len(isi)-1]
	if last < 3*isi[0] || math.Abs(last-isi[len(isi)-2]) > 2*dt {
		t.Errorf("intervals %v: no adaptation to a steady interval", isi)
	}
	if vmax >= 0 {
		t.Errorf("V_m recorded at %.3f mV, at or above V_peak", vmax*1e3)
	}
	t.Logf("adapting intervals (ms): first %.1f, last %.1f", isi[0]*1e3, last*1e3)

	plain, _ := runAeif(t, m.With(cajal.Namespace{"a": unit.Q(0, unit.Nanosiemens), "b": unit.Q(0, unit.Picoamp)}), 0.1, 500, 800)
	pisi := intervals(plain[0])
	for _, x := range pisi {
		if math.Abs(x-pisi[0]) > dt+1e-12 {
			t.Errorf("without adaptation the intervals vary: %v", pisi)
			break
		}
	}
	if len(pisi) < 3*len(isi) {
		t.Errorf("without adaptation %d spikes, with %d", len(plain[0]), len(sp[0]))
	}

	low, vmaxLow := runAeif(t, m.With(cajal.Namespace{"V_peak": unit.Q(-30, unit.Millivolt)}), 0.1, 500, 800)
	fine, _ := runAeif(t, m, 0.01, 500, 800)
	if len(low[0]) != len(sp[0]) {
		t.Errorf("V_peak = -30 mV: %d spikes, default %d", len(low[0]), len(sp[0]))
	} else {
		for k := range low[0] {
			if math.Abs(low[0][k]-sp[0][k]) > dt+1e-12 {
				t.Errorf("V_peak = -30 mV: spike %d at %.2f ms, default at %.2f ms", k, low[0][k]*1e3, sp[0][k]*1e3)
			}
		}
	}
	fisi := intervals(fine[0])
	if len(fisi) != len(isi) {
		t.Errorf("dt = 0.01 ms: %d spikes, at 0.1 ms %d", len(fine[0]), len(sp[0]))
	} else {
		for k := range fisi {
			if math.Abs(fisi[k]-isi[k]) > 1.5*dt {
				t.Errorf("interval %d: %.2f ms at dt = 0.01 ms, %.2f ms at 0.1 ms", k, fisi[k]*1e3, isi[k]*1e3)
			}
		}
	}
	if vmaxLow >= -30e-3 {
		t.Errorf("V_peak = -30 mV: V_m recorded at %.3f mV", vmaxLow*1e3)
	}
}
