package brette2007

import (
	"fmt"

	"github.com/cajal-sim/cajal/examples/example"
)

// Check compares the full run with the references: each population's
// mean rate with the reference simulator's over many seeds (one more draw
// of their distribution), the ensemble's mean rates with the reference's
// means, the synapse counts with the binomial distribution of the
// connection rule, and the events per spike with the mean number of
// targets; the reference file gives each band and why. A run of another
// size, or without the ensemble, fails.
func (r *Result) Check() example.Report { return r.CheckAs(Full, "") }

// CheckAs compares the run with the references of the configuration cfg,
// whose rates' keys begin with prefix.
func (r *Result) CheckAs(cfg Config, prefix string) example.Report {
	refs, err := r.Benchmark.References()
	size := Size{NE: cfg.NE, NI: cfg.NI, P: cfg.P, Duration: cfg.Duration.Value, Prefix: prefix, Ensemble: cfg.Ensemble}
	return Check(&r.Outcome, r.Config.P, size, refs, err)
}

// Summary reports the statistics Check compares: the rates, the synapse
// counts and the synaptic events per spike, and the ensemble's mean rates
// when there is one; the integration method where the group chose it
// (the method asked for is a family, such as "linear"); and the time the
// loop took.
func (r *Result) Summary() string {
	e, i := r.Rates()
	method := ""
	if r.Method != r.Benchmark.Method {
		method = " (" + r.Method + ")"
	}
	s := fmt.Sprintf("%s, %d+%d neurons, %d+%d synapses, %g s%s: excitatory %.2f Hz, inhibitory %.2f Hz; %d synaptic events (%.2f per spike); loop %.3f s per simulated second",
		r.Benchmark.Name, r.NE, r.NI, r.SynE, r.SynI, r.Duration, method, e, i, r.Events, r.EventsPerSpike(), r.SecondsPerSecond())
	if len(r.Ensemble.E) > 0 {
		s += "\nensemble of " + r.Ensemble.String()
	}
	return s
}
