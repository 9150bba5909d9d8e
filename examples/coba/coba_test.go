package coba

import (
	"math"
	"os"
	"strings"
	"testing"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/examples/internal/brette2007"
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

// The reduced run, seed fixed, against Brian2's rates for the same 0.25 s
// over 40 seeds (Check picks the reduced sample): each rate within
// brette2007.Sigmas standard deviations of the spread over seeds. The
// synapse counts are binomial: 3200*4000 and 800*4000 candidate pairs at
// p = 0.02, within 4 standard deviations.
func TestReduced(t *testing.T) {
	cfg := Reduced
	cfg.OutDir = t.TempDir()
	r, err := Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(r.Summary())
	if err := r.Check(); err != nil {
		t.Error(err)
	}
	for _, c := range []struct {
		name string
		got  int
		n    float64
	}{{"Ce", r.SynE, 3200 * 4000}, {"Ci", r.SynI, 800 * 4000}} {
		mean, sd := c.n*0.02, math.Sqrt(c.n*0.02*0.98)
		if math.Abs(float64(c.got)-mean) > 4*sd {
			t.Errorf("%s has %d synapses, want %.0f +- %.0f", c.name, c.got, mean, 4*sd)
		}
	}
	if fi, err := os.Stat(r.Figure); err != nil || fi.Size() < 10000 {
		t.Errorf("figure %s: %v", r.Figure, err)
	}
}

// The mean rates over 8 seeds of the reduced run against Brian2's means for
// the same configuration, within brette2007.Sigmas standard errors of the
// difference (the reference spread for both), a band narrower than a single
// run's by sqrt(1+1/40)/sqrt(1/8+1/40) = 2.6: an excitatory weight of 5.5
// nS instead of 6 nS fails it (inhibitory mean 17.0 Hz against a band of
// 17.6-19.4 Hz).
func TestReducedEnsemble(t *testing.T) {
	const seeds = 8
	ref, err := Reference()
	if err != nil {
		t.Fatal(err)
	}
	var e, i float64
	for s := uint64(1); s <= seeds; s++ {
		cfg := Reduced
		cfg.Seed = s
		r, err := Run(cfg)
		if err != nil {
			t.Fatal(err)
		}
		re, ri := r.Rates()
		e += re / seeds
		i += ri / seeds
	}
	for _, q := range []struct {
		name string
		got  float64
		ref  brette2007.Stat
	}{{"excitatory", e, ref.Reduced.E()}, {"inhibitory", i, ref.Reduced.I()}} {
		lo, hi := q.ref.MeanBand(seeds)
		if !(q.got >= lo && q.got <= hi) {
			t.Errorf("mean %s rate over %d seeds %.3f Hz, Brian2 %.3f Hz; want %.3f-%.3f", q.name, seeds, q.got, q.ref.Mean, lo, hi)
		} else {
			t.Logf("mean %s rate over %d seeds %.3f Hz, Brian2 %.3f Hz (band %.3f-%.3f)", q.name, seeds, q.got, q.ref.Mean, lo, hi)
		}
	}
}

// Check rejects a wrong result: the same run with every spike counted
// twice (rates doubled) or every other spike dropped (rates halved), and a
// run whose duration has no reference.
func TestCheckFailsOnWrongRates(t *testing.T) {
	r, err := Run(Reduced)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Check(); err != nil {
		t.Fatalf("the run itself fails: %v", err)
	}
	doubled := *r
	doubled.T = append(append([]float64(nil), r.T...), r.T...)
	doubled.I = append(append([]int32(nil), r.I...), r.I...)
	if err := doubled.Check(); err == nil || !strings.Contains(err.Error(), "outside") {
		t.Errorf("rates doubled: Check says %v, want a rate outside its band", err)
	}
	halved := *r
	halved.T, halved.I = nil, nil
	for k := 0; k < len(r.T); k += 2 {
		halved.T, halved.I = append(halved.T, r.T[k]), append(halved.I, r.I[k])
	}
	if err := halved.Check(); err == nil || !strings.Contains(err.Error(), "outside") {
		t.Errorf("rates halved: Check says %v, want a rate outside its band", err)
	}
	other := *r
	other.Duration = 0.5
	if err := other.Check(); err == nil || !strings.Contains(err.Error(), "no reference") {
		t.Errorf("a 0.5 s run: Check says %v, want no reference", err)
	}
}

// The full benchmark (about half a second) against Brian2's rates over
// 1 s, as `cajal validate` checks it.
func TestFull(t *testing.T) {
	if testing.Short() {
		t.Skip("full run")
	}
	r, err := Run(Full)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(r.Summary())
	if err := r.Check(); err != nil {
		t.Error(err)
	}
}

// The reference file parses, holds the script's configuration, and names
// its provenance.
func TestReferenceFile(t *testing.T) {
	ref, err := Reference()
	if err != nil {
		t.Fatal(err)
	}
	if ref.Full.DurationMS != Full.Duration.Value*1e3 || ref.Reduced.DurationMS != Reduced.Duration.Value*1e3 {
		t.Errorf("reference durations %g and %g ms, configs %g and %g s", ref.Full.DurationMS, ref.Reduced.DurationMS,
			Full.Duration.Value, Reduced.Duration.Value)
	}
	if _, err := os.Stat("testdata/" + ref.Script); err != nil {
		t.Errorf("the reference's script: %v", err)
	}
}

// The kernels compiled to C (tier 1) and the interpreter give
// bit-identical spikes, and the compiled ones are used.
func TestCompiledKernelsAgree(t *testing.T) {
	if err := cajal.NativeAvailable(); err != nil {
		t.Skip(err)
	}
	cfg := Reduced
	cfg.Duration = unit.Q(0.1, unit.Second)
	cfg.Tier = cajal.TierNative
	native, err := Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Tier = cajal.TierInterp
	interp, err := Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if native.Native == 0 || native.Native != native.Programs {
		t.Errorf("%d of %d programs ran compiled code", native.Native, native.Programs)
	}
	if interp.Native != 0 {
		t.Errorf("the interpreted run used %d compiled programs", interp.Native)
	}
	if len(native.T) != len(interp.T) || len(native.T) == 0 {
		t.Fatalf("compiled: %d spikes; interpreted: %d", len(native.T), len(interp.T))
	}
	for k := range native.T {
		if native.T[k] != interp.T[k] || native.I[k] != interp.I[k] {
			t.Fatalf("spike %d differs", k)
		}
	}
}
