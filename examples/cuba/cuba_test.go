package cuba

import (
	"math"
	"testing"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/examples/internal/brette2007/brette2007test"
	"github.com/cajal-sim/cajal/unit"
)

// The equations are linear, so the exact method must follow the closed
// form: with u = v - El, ge = ge0*exp(-t/taue) and gi = gi0*exp(-t/taui),
//
//	u(t) = (u0 - A - B)*exp(-t/taum) + A*exp(-t/taue) + B*exp(-t/taui)
//
// with A = ge0*taue/(taue-taum), B = gi0*taui/(taui-taum). One neuron from
// v = -60 mV, ge = 1 mV, gi = -5 mV stays below threshold for 5 ms (50
// steps); each step is exact, so only rounding separates the two.
func TestEquations(t *testing.T) {
	net, err := cajal.NewNetwork(cajal.Options{Dt: unit.Q(0.1, unit.Millisecond)})
	if err != nil {
		t.Fatal(err)
	}
	g, err := net.NeuronGroup(cajal.Neurons{N: 1, Model: Equations, Threshold: "v > Vt", Reset: "v = Vr",
		Refractory: unit.Q(5, unit.Millisecond), Method: "linear", Namespace: Namespace()})
	if err != nil {
		t.Fatal(err)
	}
	const v0, ge0, gi0 = -60e-3, 1e-3, -5e-3
	for name, v := range map[string]float64{"v": v0, "ge": ge0, "gi": gi0} {
		if err := g.Set(name, unit.Q(v, unit.Volt)); err != nil {
			t.Fatal(err)
		}
	}
	const T = 5e-3
	if err := net.Run(unit.Q(T, unit.Second)); err != nil {
		t.Fatal(err)
	}
	const taum, taue, taui, el = 20e-3, 5e-3, 10e-3, -49e-3
	a, b := ge0*taue/(taue-taum), gi0*taui/(taui-taum)
	wantV := el + (v0-el-a-b)*math.Exp(-T/taum) + a*math.Exp(-T/taue) + b*math.Exp(-T/taui)
	for name, want := range map[string]float64{"v": wantV, "ge": ge0 * math.Exp(-T/taue), "gi": gi0 * math.Exp(-T/taui)} {
		got, err := g.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(got[0]-want) > 1e-15 {
			t.Errorf("%s after %g s = %.15g V, want %.15g V", name, T, got[0], want)
		}
	}
	if g.Method() != "exact" {
		t.Errorf("method %q, want exact", g.Method())
	}
}

// The reduced run, seed fixed, against the references of the same 0.25 s
// (Brian2's rates over 40 seeds; the reference file gives the bands).
func TestReduced(t *testing.T) { brette2007test.Reduced(t, Benchmark) }

// The mean rates over 8 seeds of the reduced run against Brian2's means for
// the same configuration, within 4 standard errors of the difference
// (ses = 4 in the reference file), a band narrower than a single run's by
// about sqrt(1+1/40)/sqrt(1/8+1/40) = 2.6: an excitatory weight of 1.5
// mV instead of 1.62 mV fails it (inhibitory mean 5.54 Hz against a band of
// 5.71-5.86 Hz).
func TestReducedEnsemble(t *testing.T) { brette2007test.ReducedEnsemble(t, Benchmark, 8) }

// The check passes a full run with Cajal's rates (5.80 and 5.69 Hz, seed
// 1) and the ensemble of Cajal's means and standard deviations over seeds
// 1-30 (excitatory 5.579 +- 0.239 Hz, inhibitory 5.621 +- 0.064 Hz), and
// fails one with any checked statistic out of its band, or of the wrong
// size, or without the ensemble.
func TestCheck(t *testing.T) {
	brette2007test.Check(t, Benchmark, brette2007test.Rates{E: 5.80, I: 5.69},
		brette2007test.Rates{E: 5.579, I: 5.621}, brette2007test.Rates{E: 0.239, I: 0.064})
}

// The reference file agrees with Brian2's rates per seed it was made from.
func TestReferenceFile(t *testing.T) {
	brette2007test.ReferenceFile(t, Benchmark, "testdata/brian2_rates.csv")
}

// Compiled kernels (tier 1) and the interpreter give bit-identical spikes.
func TestCompiledKernelsAgree(t *testing.T) { brette2007test.CompiledKernelsAgree(t, Benchmark) }
