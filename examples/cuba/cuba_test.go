package cuba

import (
	"math"
	"os"
	"testing"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/examples/example"
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

// The reduced run, seed fixed, against the references of the same 0.25 s
// (Brian2's rates over 40 seeds): each rate within about 4 standard
// deviations of the spread over seeds, the synapse counts within 4
// standard deviations of the binomial distribution, the events per spike
// within 2 of the mean number of targets (the reference file says why).
func TestReduced(t *testing.T) {
	cfg := Reduced
	cfg.OutDir = t.TempDir()
	r, err := Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(r.Summary())
	rep := r.check(Reduced, "reduced_")
	t.Log(rep)
	if err := rep.Err(); err != nil {
		t.Error(err)
	}
	if len(rep.Items) != 5 {
		t.Errorf("%d statistics checked, want the summary's 5 (two rates, two synapse counts, events per spike)", len(rep.Items))
	}
	if fi, err := os.Stat(r.Figure); err != nil || fi.Size() < 10000 {
		t.Errorf("figure %s: %v", r.Figure, err)
	}
}

// The mean rates over 8 seeds of the reduced run against Brian2's means for
// the same configuration, within 4 standard errors of the difference
// (ses = 4 in the reference file), a band narrower than a single run's by
// about sqrt(1+1/40)/sqrt(1/8+1/40) = 2.6: an excitatory weight of 1.5
// mV instead of 1.62 mV fails it (inhibitory mean 5.54 Hz against a band of
// 5.71-5.86 Hz).
func TestReducedEnsemble(t *testing.T) {
	const seeds = 8
	refs, err := References()
	if err != nil {
		t.Fatal(err)
	}
	rates, err := example.Ensemble(seeds, 0, func(k int) ([2]float64, error) {
		cfg := Reduced
		cfg.Seed, cfg.Threads = uint64(k+1), 1
		r, err := Run(cfg)
		if err != nil {
			return [2]float64{}, err
		}
		e, i := r.Rates()
		return [2]float64{e, i}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for p, key := range []string{"reduced_rate_e", "reduced_rate_i"} {
		q, err := refs.Quantity(key)
		if err != nil {
			t.Fatal(err)
		}
		var xs []float64
		for _, r := range rates {
			xs = append(xs, r[p])
		}
		it := q.CheckMean(example.NewStat(xs))
		if !it.Pass {
			t.Errorf("%s: %s, accepted %s", it.Name, it.Got, it.Band)
		} else {
			t.Logf("%s: %s; reference %s, accepted %s", it.Name, it.Got, it.Reference, it.Band)
		}
	}
}

// Cajal's ensemble of the full run, seeds 1-30: excitatory 5.579 +- 0.239 Hz, inhibitory 5.621 +- 0.064 Hz (mean +- sd).
var ensE, ensI = [2]float64{5.579, 0.239}, [2]float64{5.621, 0.064}

// fake is a result of the configuration with spikes at the given rates,
// each of the first NE (or last NI) neurons in turn, the synapse counts,
// 80 events per spike, and, when the configuration asks for an ensemble,
// rates of the ensemble with Cajal's means and standard deviations, the
// rates of successive runs alternating one sd above and below the mean.
func fake(cfg Config, e, i float64) *Result {
	o := brette2007.Outcome{NE: cfg.NE, NI: cfg.NI, Duration: cfg.Duration.Value, SynE: 256000, SynI: 64000}
	ne, ni := int(math.Round(e*float64(cfg.NE)*o.Duration)), int(math.Round(i*float64(cfg.NI)*o.Duration))
	for k := range ne {
		o.T, o.I = append(o.T, 0), append(o.I, int32(k%cfg.NE))
	}
	for k := range ni {
		o.T, o.I = append(o.T, 0), append(o.I, int32(cfg.NE+k%cfg.NI))
	}
	o.Events = int64(80 * len(o.T))
	o.Ensemble.Seed = cfg.Seed
	for k := range cfg.Ensemble {
		z := float64(1 - 2*(k%2))
		o.Ensemble.E = append(o.Ensemble.E, ensE[0]+z*ensE[1])
		o.Ensemble.I = append(o.Ensemble.I, ensI[0]+z*ensI[1])
	}
	return &Result{Outcome: o, Config: cfg}
}

// Check passes a full run with Cajal's rates (5.80 and 5.69 Hz, seed 1)
// and fails one with each checked statistic out of its band: every spike
// counted twice or every other one dropped, one population's rate 5
// standard deviations from the reference's mean, a synapse count 5
// binomial standard deviations off, 10 % more events per spike, the
// ensemble's mean 5 standard errors of the difference off (while the run
// itself passes); and a run of the wrong size or without the ensemble.
func TestCheck(t *testing.T) {
	refs, err := References()
	if err != nil {
		t.Fatal(err)
	}
	sd := func(key string) float64 {
		q, err := refs.Quantity(key)
		if err != nil {
			t.Fatal(err)
		}
		return q.SD
	}
	n := func(key string) int {
		q, err := refs.Quantity(key)
		if err != nil {
			t.Fatal(err)
		}
		return q.N
	}
	shift := func(xs []float64, by float64) {
		for k := range xs {
			xs[k] += by
		}
	}
	mean := func(key string) float64 {
		q, err := refs.Quantity(key)
		if err != nil {
			t.Fatal(err)
		}
		m, _ := q.Reference()
		return m
	}
	e, i := 5.80, 5.69
	rep := fake(Full, e, i).Check()
	if err := rep.Err(); err != nil {
		t.Fatalf("a good run fails its check: %v", err)
	}
	if len(rep.Items) != 7 {
		t.Errorf("%d statistics checked, want the summary's 7:\n%s", len(rep.Items), rep)
	}
	short := Full
	short.Duration = unit.Q(0.5, unit.Second)
	sparse := Full
	sparse.P = 0.01
	noEnsemble := Full
	noEnsemble.Ensemble = 0
	for name, r := range map[string]*Result{
		"rates doubled":                fake(Full, 2*e, 2*i),
		"rates halved":                 fake(Full, e/2, i/2),
		"excitatory rate 5 sd high":    fake(Full, mean("rate_e")+5*sd("rate_e"), i),
		"inhibitory rate 5 sd low":     fake(Full, e, mean("rate_i")-5*sd("rate_i")),
		"the reduced run":              fake(Reduced, e, i),
		"no ensemble":                  fake(noEnsemble, e, i),
		"a 0.5 s run":                  fake(short, e, i),
		"a run at another probability": fake(sparse, e, i),
	} {
		if r.Check().Err() == nil {
			t.Errorf("%s passed the check", name)
		}
	}
	for name, spoil := range map[string]func(r *Result){
		"excitatory synapses 5 sd few":  func(r *Result) { r.SynE -= int(5 * sd("synapses_e")) },
		"inhibitory synapses 5 sd many": func(r *Result) { r.SynI += int(5 * sd("synapses_i")) },
		"10 % more events per spike":    func(r *Result) { r.Events += r.Events / 10 },
		"the ensemble's excitatory mean 5 standard errors high": func(r *Result) {
			shift(r.Ensemble.E, 5*math.Sqrt(ensE[1]*ensE[1]/float64(Full.Ensemble)+sd("rate_e")*sd("rate_e")/float64(n("rate_e"))))
		},
		"the ensemble's inhibitory mean 5 standard errors low": func(r *Result) {
			shift(r.Ensemble.I, -5*math.Sqrt(ensI[1]*ensI[1]/float64(Full.Ensemble)+sd("rate_i")*sd("rate_i")/float64(n("rate_i"))))
		},
	} {
		r := fake(Full, e, i)
		spoil(r)
		if r.Check().Err() == nil {
			t.Errorf("%s passed the check", name)
		}
	}
}

// The reference file parses; its rates' means, standard deviations and
// numbers of seeds are those of Brian2's rates per seed
// (testdata/brian2_rates.csv) to the digits stored; its synapse counts are
// the binomial distribution's of the configuration; the script it names
// is stored.
func TestReferenceFile(t *testing.T) {
	refs, err := References()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("testdata/brian2_rates.csv")
	if err != nil {
		t.Fatal(err)
	}
	seeds, err := brette2007.ReadSeedRates(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		key string
		xs  func() []float64
	}{
		{"rate_e", func() []float64 { return seeds["full"].RateE }},
		{"rate_i", func() []float64 { return seeds["full"].RateI }},
		{"reduced_rate_e", func() []float64 { return seeds["reduced"].RateE }},
		{"reduced_rate_i", func() []float64 { return seeds["reduced"].RateI }},
	} {
		q, err := refs.Quantity(c.key)
		if err != nil {
			t.Fatal(err)
		}
		if seeds["full"] == nil || seeds["reduced"] == nil {
			t.Fatalf("rates per seed: %v", seeds)
		}
		s := example.NewStat(c.xs())
		if q.Mean == nil || math.Abs(*q.Mean-s.Mean) > 5e-5 || math.Abs(q.SD-s.SD) > 5e-5 || q.N != s.N {
			t.Errorf("%s: file %v +- %v over %d, rates per seed %.4f +- %.4f over %d", c.key, q.Mean, q.SD, q.N, s.Mean, s.SD, s.N)
		}
		if src := refs.SourceOf(q); src.Script == "" {
			t.Errorf("%s: no script", c.key)
		} else if _, err := os.Stat(src.Script); err != nil {
			t.Errorf("%s: the reference's script: %v", c.key, err)
		}
	}
	for _, c := range []struct {
		key   string
		pairs float64
	}{{"synapses_e", float64(Full.NE * (Full.NE + Full.NI))}, {"synapses_i", float64(Full.NI * (Full.NE + Full.NI))}} {
		q, err := refs.Quantity(c.key)
		if err != nil {
			t.Fatal(err)
		}
		mean, sd := c.pairs*Full.P, math.Sqrt(c.pairs*Full.P*(1-Full.P))
		if v, _ := q.Reference(); math.Abs(v-mean) > 1e-6 || math.Abs(q.SD-sd) > 0.005 {
			t.Errorf("%s: file %v +- %v, binomial %v +- %v", c.key, v, q.SD, mean, sd)
		}
	}
	if q, err := refs.Quantity("events_per_spike"); err != nil {
		t.Error(err)
	} else if v, _ := q.Reference(); v != Full.P*float64(Full.NE+Full.NI) {
		t.Errorf("events per spike: file %v, mean number of targets %v", v, Full.P*float64(Full.NE+Full.NI))
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
