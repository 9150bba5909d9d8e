package models

import (
	"math"
	"sort"
	"strings"
	"testing"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/unit"
)

func newNet(t testing.TB, dt float64) *cajal.Network {
	t.Helper()
	net, err := cajal.NewNetwork(cajal.Options{Dt: unit.Q(dt, unit.Millisecond), Seed: 1, Threads: 1})
	if err != nil {
		t.Fatal(err)
	}
	return net
}

func neuron(t testing.TB, name string) Neuron {
	t.Helper()
	m, ok := LookupNeuron(name)
	if !ok {
		t.Fatalf("no neuron model %q", name)
	}
	return m
}

func synapse(t testing.TB, name string) Synapse {
	t.Helper()
	s, ok := LookupSynapse(name)
	if !ok {
		t.Fatalf("no synapse model %q", name)
	}
	return s
}

func run(t testing.TB, net *cajal.Network, ms float64) {
	t.Helper()
	if err := net.Run(unit.Q(ms, unit.Millisecond)); err != nil {
		t.Fatal(err)
	}
}

func get(t testing.TB, g interface {
	Get(string) ([]float64, error)
}, name string) []float64 {
	t.Helper()
	v, err := g.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// The registry lists the models the package promises, sorted.
func TestRegistry(t *testing.T) {
	wantN := []string{"aeif_cond_exp", "hh_psc_alpha", "iaf_cond_alpha", "iaf_cond_exp", "iaf_psc_alpha", "iaf_psc_exp", "izhikevich"}
	wantS := []string{"graupner_brunel", "static", "stdp", "tsodyks", "vogels_sprekeler"}
	for _, c := range []struct {
		got, want []string
	}{{Neurons(), wantN}, {Synapses(), wantS}} {
		if !sort.StringsAreSorted(c.got) {
			t.Errorf("names not sorted: %v", c.got)
		}
		for _, w := range c.want {
			if !contains(c.got, w) {
				t.Errorf("%s missing from %v", w, c.got)
			}
		}
	}
	if _, ok := LookupNeuron("iaf_psc_nonexistent"); ok {
		t.Error("found a model that does not exist")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Every neuron model builds a group, runs, and accepts every receptor
// from every synapse model; every model has a name, a documentation
// paragraph and its parameters' units right (the run checks dimensions).
func TestEveryModelBuilds(t *testing.T) {
	for _, nn := range Neurons() {
		m := neuron(t, nn)
		if m.Doc == "" || len(m.Receptors) == 0 {
			t.Errorf("%s: missing documentation or receptors", nn)
		}
		for _, sn := range Synapses() {
			s := synapse(t, sn)
			if s.Doc == "" {
				t.Errorf("%s: missing documentation", sn)
			}
			if !s.Fits(nn) {
				continue
			}
			for _, port := range sortedKeys(m.Receptors) {
				// hh_psc_alpha needs dt < 0.05 ms with rk4.
				net := newNet(t, 0.025)
				g, err := m.Group(net, "", 3)
				if err != nil {
					t.Fatalf("%s: %v", nn, err)
				}
				src, err := net.PoissonGroup(cajal.Poisson{N: 3, Rates: unit.Q(200, unit.Hertz)})
				if err != nil {
					t.Fatal(err)
				}
				syn, err := s.Connect(net, "", src, g, m.Receptors[port])
				if err != nil {
					t.Fatalf("%s -> %s (%s): %v", sn, nn, port, err)
				}
				if syn.N() != 9 {
					t.Errorf("%s: %d synapses, want 9", sn, syn.N())
				}
				// Postsynaptic spikes for the on_post pathways.
				g.Set("I_e", unit.Q(2, unit.Nanoamp))
				run(t, net, 20) // longer than graupner_brunel's delay D
				if pre, _ := syn.Events(); pre == 0 {
					t.Errorf("%s -> %s: no presynaptic events", sn, nn)
				}
				vm := "V_m"
				if _, err := g.Unit(vm); err != nil {
					vm = "V_s" // the two-compartment model's soma
				}
				for _, v := range get(t, g, vm) {
					if math.IsNaN(v) {
						t.Errorf("%s -> %s: %s is NaN", sn, nn, vm)
					}
				}
			}
		}
	}
}

// String prints the equations, the parameters with units and the
// receptors; With changes one parameter and leaves the original alone.
func TestStringAndWith(t *testing.T) {
	m := neuron(t, "iaf_psc_exp")
	s := m.String()
	for _, want := range []string{"iaf_psc_exp", "dV_m/dt = -(V_m - E_L)/tau_m", ": volt (unless refractory)",
		"threshold: V_m >= V_th", "C_m = 250 pF", "tau_m = 10 ms", "V_th = -55 mV", "ex: I_syn_ex += w*pA", "method: exact"} {
		if !strings.Contains(s, want) {
			t.Errorf("String() lacks %q:\n%s", want, s)
		}
	}
	m2 := m.With(cajal.Namespace{"V_th": unit.Q(-60, unit.Millivolt)})
	if !strings.Contains(m2.String(), "V_th = -60 mV") || !strings.Contains(m.String(), "V_th = -55 mV") {
		t.Error("With changed the original or did not change the copy")
	}
	st := synapse(t, "stdp").String()
	for _, want := range []string{"dK_plus/dt = -K_plus/tau_plus : 1 (event-driven)", "tau_plus = 20 ms", "Wmax = 100", "on_post:"} {
		if !strings.Contains(st, want) {
			t.Errorf("String() lacks %q:\n%s", want, st)
		}
	}
}

// A misspelt parameter is an error naming it; a synapse parameter hidden
// by a variable of the target neuron is an error.
func TestUnknownParameter(t *testing.T) {
	net := newNet(t, 0.1)
	_, err := neuron(t, "iaf_psc_exp").With(cajal.Namespace{"tau_M": unit.Q(20, unit.Millisecond)}).Group(net, "", 1)
	if err == nil || !strings.Contains(err.Error(), "tau_M") {
		t.Errorf("misspelt parameter: %v", err)
	}
	g, err := net.NeuronGroup(cajal.Neurons{N: 1, Model: "dv/dt = -v/tau_plus : 1\ntau_plus : second"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = synapse(t, "stdp").Connect(net, "", g, g, "")
	if err == nil || !strings.Contains(err.Error(), "tau_plus") {
		t.Errorf("hidden parameter: %v", err)
	}
	t.Log(err)
}
