package models

import (
	"math"
	"testing"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/unit"
)

// A regular presynaptic train every T = 20 ms through a Tsodyks-Markram
// synapse (U = 0.2, tau_rec = 200 ms, tau_fac = 500 ms: facilitation and
// depression) releases r_n = u_n x_n at spike n, where, as in NEST's
// tsodyks2_synapse, x_{n+1} = 1 + (x_n (1 - u_n) - 1) exp(-T/tau_rec) and
// u_{n+1} = U + u_n (1 - U) exp(-T/tau_fac), from x_1 = 1, u_1 = U. Each
// release (the jump of the target's g by w*r) matches the recursion to
// rounding (1e-12); the releases converge to the fixed point u* = U/(1 -
// (1 - U) e_f), x* = (1 - e_r)/(1 - (1 - u*) e_r) (e_f, e_r the decay
// factors over T): after 60 spikes the distance, which shrinks by at most
// (1 - U) e_f = 0.77 per spike, is below 1e-6.
func TestTsodyksRegularTrain(t *testing.T) {
	const n, T, U, tr, tf = 60, 20e-3, 0.2, 0.2, 0.5
	net := newNet(t, 0.1)
	times := make([]float64, n)
	for k := range times {
		times[k] = 1 + 20*float64(k)
	}
	gen, err := net.SpikeGeneratorGroup(cajal.SpikeGenerator{N: 1, Indices: make([]int, n), Times: cajal.Times(unit.Millisecond, times...)})
	if err != nil {
		t.Fatal(err)
	}
	post, err := net.NeuronGroup(cajal.Neurons{N: 1, Model: "g : 1"})
	if err != nil {
		t.Fatal(err)
	}
	s := synapse(t, "tsodyks").With(cajal.Namespace{"U": U, "tau_rec": unit.Q(tr, unit.Second), "tau_fac": unit.Q(tf, unit.Second)})
	if _, err := s.Connect(net, "", gen, post, "g += w"); err != nil {
		t.Fatal(err)
	}
	mon, err := net.StateMonitor(post, []string{"g"}, nil, unit.Quantity{})
	if err != nil {
		t.Fatal(err)
	}
	run(t, net, 20*n+5)
	g := mustTrace(t, mon, "g")
	var got []float64
	for k := 1; k < len(g); k++ {
		if d := g[k] - g[k-1]; d != 0 {
			got = append(got, d)
		}
	}
	if len(got) != n {
		t.Fatalf("%d releases, want %d", len(got), n)
	}
	x, u := 1.0, U
	er, ef := math.Exp(-T/tr), math.Exp(-T/tf)
	for k := 0; k < n; k++ {
		if math.Abs(got[k]-u*x) > 1e-12 {
			t.Fatalf("release %d: %.12g, recursion %.12g", k, got[k], u*x)
		}
		x, u = 1+(x*(1-u)-1)*er, U+u*(1-U)*ef
	}
	us := U / (1 - (1-U)*ef)
	xs := (1 - er) / (1 - (1-us)*er)
	if math.Abs(got[n-1]-us*xs) > 1e-6 {
		t.Errorf("release after %d spikes %.8f, steady state %.8f", n, got[n-1], us*xs)
	}
	t.Logf("releases: first %.4f, second %.4f, steady %.4f (u* = %.4f, x* = %.4f)", got[0], got[1], us*xs, us, xs)
}

func mustTrace(t *testing.T, m *cajal.StateMonitor, name string) []float64 {
	t.Helper()
	v, err := m.Values(name)
	if err != nil {
		t.Fatal(err)
	}
	return v[0]
}

// With the defaults (U = 0.5, tau_rec = 800 ms, tau_fac standing in for
// NEST's 0) the synapse only depresses: u = U at every spike, and a 10 Hz
// train releases U x_n with x_{n+1} = 1 + (x_n (1 - U) - 1) exp(-T/tau_rec)
// (to 1e-12).
func TestTsodyksDepressionDefaults(t *testing.T) {
	const n, T, U, tr = 10, 0.1, 0.5, 0.8
	net := newNet(t, 0.1)
	times := make([]float64, n)
	for k := range times {
		times[k] = 1 + 100*float64(k)
	}
	gen, err := net.SpikeGeneratorGroup(cajal.SpikeGenerator{N: 1, Indices: make([]int, n), Times: cajal.Times(unit.Millisecond, times...)})
	if err != nil {
		t.Fatal(err)
	}
	post, err := net.NeuronGroup(cajal.Neurons{N: 1, Model: "g : 1"})
	if err != nil {
		t.Fatal(err)
	}
	syn, err := synapse(t, "tsodyks").Connect(net, "", gen, post, "g += w")
	if err != nil {
		t.Fatal(err)
	}
	run(t, net, 100*n)
	x, sum := 1.0, 0.0
	for k := 0; k < n; k++ {
		sum += U * x
		x = 1 + (x*(1-U)-1)*math.Exp(-T/tr)
	}
	if g := get(t, post, "g")[0]; math.Abs(g-sum) > 1e-12 {
		t.Errorf("total release %.12g, recursion %.12g", g, sum)
	}
	if u := get(t, syn, "u")[0]; math.Abs(u-(U+U*(1-U))) > 1e-12 {
		t.Errorf("u = %v after the last spike, want U + U(1 - U) = 0.75", u)
	}
}
