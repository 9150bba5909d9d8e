package brette2007test

import (
	"math"
	"testing"

	"github.com/cajal-sim/cajal/examples/internal/brette2007"
	"github.com/cajal-sim/cajal/unit"
)

// Rates are a run's mean rates, excitatory and inhibitory, in Hz; of an
// ensemble, the means and the standard deviations over seeds.
type Rates struct{ E, I float64 }

// fake is a result of b at configuration cfg with spikes at the given
// rates, each of the first NE (or last NI) neurons in turn, the synapse
// counts of the full network's mean, 80 events per spike, and, when the
// configuration asks for an ensemble, rates of the ensemble with means
// mean and standard deviations sd, the rates of successive runs
// alternating one sd above and below the mean.
func fake(b *brette2007.Benchmark, cfg brette2007.Config, e, i float64, mean, sd Rates) *brette2007.Result {
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
		o.Ensemble.E = append(o.Ensemble.E, mean.E+float64(z*sd.E))
		o.Ensemble.I = append(o.Ensemble.I, mean.I+float64(z*sd.I))
	}
	return &brette2007.Result{Outcome: o, Config: cfg, Benchmark: b}
}

// Check holds b's check of the full run (brette2007.Full) to its references: a run with
// the rates good and an ensemble with the means ensMean and standard
// deviations ensSD (the benchmark's own, as measured) passes all seven
// statistics; one with each checked statistic out of its band fails:
// every spike counted twice or every other one dropped, one population's
// rate 5 standard deviations from the reference's mean, a synapse count 5
// binomial standard deviations off, 10 % more events per spike, the
// ensemble's mean 5 standard errors of the difference off (while the run
// itself passes); and so does a run of the wrong size or without the
// ensemble.
func Check(t *testing.T, b *brette2007.Benchmark, good, ensMean, ensSD Rates) {
	t.Helper()
	refs, err := b.References()
	if err != nil {
		t.Fatal(err)
	}
	stat := func(key string) (mean, sd, n float64) {
		q, err := refs.Quantity(key)
		if err != nil {
			t.Fatal(err)
		}
		m, _ := q.Reference()
		return m, q.SD, float64(q.N)
	}
	full := brette2007.Full
	mk := func(cfg brette2007.Config, e, i float64) *brette2007.Result {
		return fake(b, cfg, e, i, ensMean, ensSD)
	}
	e, i := good.E, good.I
	rep := mk(full, e, i).Check()
	if err := rep.Err(); err != nil {
		t.Fatalf("a good run fails its check: %v", err)
	}
	if len(rep.Items) != 7 {
		t.Errorf("%d statistics checked, want the summary's 7:\n%s", len(rep.Items), rep)
	}
	short, sparse, noEnsemble := full, full, full
	short.Duration = unit.Q(0.5, unit.Second)
	sparse.P = 0.01
	noEnsemble.Ensemble = 0
	meanE, sdE, nE := stat("rate_e")
	meanI, sdI, nI := stat("rate_i")
	for name, r := range map[string]*brette2007.Result{
		"rates doubled":                mk(full, 2*e, 2*i),
		"rates halved":                 mk(full, e/2, i/2),
		"excitatory rate 5 sd high":    mk(full, meanE+float64(5*sdE), i),
		"inhibitory rate 5 sd low":     mk(full, e, meanI-float64(5*sdI)),
		"the reduced run":              mk(brette2007.Reduced, e, i),
		"no ensemble":                  mk(noEnsemble, e, i),
		"a 0.5 s run":                  mk(short, e, i),
		"a run at another probability": mk(sparse, e, i),
	} {
		if r.Check().Err() == nil {
			t.Errorf("%s passed the check", name)
		}
	}
	_, sdSynE, _ := stat("synapses_e")
	_, sdSynI, _ := stat("synapses_i")
	runs := float64(full.Ensemble)
	for name, spoil := range map[string]func(r *brette2007.Result){
		"excitatory synapses 5 sd few":  func(r *brette2007.Result) { r.SynE -= int(5 * sdSynE) },
		"inhibitory synapses 5 sd many": func(r *brette2007.Result) { r.SynI += int(5 * sdSynI) },
		"10 % more events per spike":    func(r *brette2007.Result) { r.Events += r.Events / 10 },
		"the ensemble's excitatory mean 5 standard errors high": func(r *brette2007.Result) {
			shift(r.Ensemble.E, 5*math.Sqrt(ensSD.E*ensSD.E/runs+sdE*sdE/nE))
		},
		"the ensemble's inhibitory mean 5 standard errors low": func(r *brette2007.Result) {
			shift(r.Ensemble.I, -5*math.Sqrt(ensSD.I*ensSD.I/runs+sdI*sdI/nI))
		},
	} {
		r := mk(full, e, i)
		spoil(r)
		if r.Check().Err() == nil {
			t.Errorf("%s passed the check", name)
		}
	}
}

// shift adds by to each of xs.
func shift(xs []float64, by float64) {
	for k := range xs {
		xs[k] += by
	}
}
