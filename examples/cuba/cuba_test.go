package cuba

import (
	"math"
	"os"
	"strings"
	"testing"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/examples/internal/brette2007"
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
// run's by sqrt(1+1/40)/sqrt(1/8+1/40) = 2.6: an excitatory weight of 1.5
// mV instead of 1.62 mV fails it (inhibitory mean 5.54 Hz against a band of
// 5.66-5.91 Hz).
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
