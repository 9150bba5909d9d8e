package coba

import (
	"math"
	"testing"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/examples/internal/brette2007/brette2007test"
	"github.com/cajal-sim/cajal/unit"
)

// One forward-Euler step of one neuron below threshold checks the
// equations and parameters: dv = dt*(ge*(Ee-v) + gi*(Ei-v) - (v-El))/taum,
// and each conductance decays by the factor 1 - dt/tau. The expected
// values are computed here from the script's numbers, so they are exact up
// to rounding.
func TestEquations(t *testing.T) {
	net, err := cajal.NewNetwork(cajal.Options{Dt: unit.Q(0.1, unit.Millisecond)})
	if err != nil {
		t.Fatal(err)
	}
	g, err := net.NeuronGroup(cajal.Neurons{N: 1, Model: Equations, Threshold: "v > Vt", Reset: "v = Vr",
		Refractory: unit.Q(5, unit.Millisecond), Method: "euler", Namespace: Namespace()})
	if err != nil {
		t.Fatal(err)
	}
	const v0, ge0, gi0 = -55e-3, 0.5, 2.0
	for name, v := range map[string]any{"v": unit.Q(v0, unit.Volt), "ge": ge0, "gi": gi0} {
		if err := g.Set(name, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := net.Run(unit.Q(0.1, unit.Millisecond)); err != nil {
		t.Fatal(err)
	}
	const dt, taum = 1e-4, 20e-3
	wantV := v0 + dt*(ge0*(0-v0)+gi0*(-80e-3-v0)-(v0+60e-3))/taum
	for name, want := range map[string]float64{"v": wantV, "ge": ge0 * (1 - dt/5e-3), "gi": gi0 * (1 - dt/10e-3)} {
		got, err := g.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(got[0]-want) > 1e-12*math.Abs(want) {
			t.Errorf("%s after one step = %.15g, want %.15g", name, got[0], want)
		}
	}
}

// The reduced run, seed fixed, against the references of the same 0.25 s
// (Brian2's rates over 40 seeds; the reference file gives the bands).
func TestReduced(t *testing.T) { brette2007test.Reduced(t, Benchmark) }

// The mean rates over 8 seeds of the reduced run against Brian2's means for
// the same configuration, within 4 standard errors of the difference
// (ses = 4 in the reference file), a band narrower than a single run's by
// about sqrt(1+1/40)/sqrt(1/8+1/40) = 2.6: an excitatory weight of 5.5
// nS instead of 6 nS fails it (inhibitory mean 17.0 Hz against a band of
// 17.27-19.76 Hz).
func TestReducedEnsemble(t *testing.T) { brette2007test.ReducedEnsemble(t, Benchmark, 8) }

// The check passes a full run with Cajal's rates (21.03 and 19.47 Hz, seed
// 1) and the ensemble of Cajal's means and standard deviations over seeds
// 1-30 (excitatory 19.28 +- 1.52 Hz, inhibitory 19.18 +- 0.65 Hz), and
// fails one with any checked statistic out of its band, or of the wrong
// size, or without the ensemble.
func TestCheck(t *testing.T) {
	brette2007test.Check(t, Benchmark, brette2007test.Rates{E: 21.03, I: 19.47},
		brette2007test.Rates{E: 19.28, I: 19.18}, brette2007test.Rates{E: 1.52, I: 0.65})
}

// The reference file agrees with Brian2's rates per seed it was made from.
func TestReferenceFile(t *testing.T) {
	brette2007test.ReferenceFile(t, Benchmark, "testdata/brian2_rates.csv")
}

// Compiled kernels (tier 1) and the interpreter give bit-identical spikes.
func TestCompiledKernelsAgree(t *testing.T) { brette2007test.CompiledKernelsAgree(t, Benchmark) }
