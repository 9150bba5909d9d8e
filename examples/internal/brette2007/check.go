package brette2007

import (
	"fmt"
	"math"

	"github.com/cajal-sim/cajal/examples/example"
)

// Size is a configuration whose rates the reference file holds: a run is
// compared with the quantities whose keys begin with Prefix only if it
// has these sizes and this duration.
type Size struct {
	NE, NI   int     // excitatory and inhibitory neurons
	P        float64 // connection probability
	Duration float64 // simulated time, seconds
	Prefix   string  // of the rates' keys: "" for the full run, "reduced_" for the reduced one
	Ensemble int     // runs whose mean rates are compared; 0 for none
}

// Check compares a run, whose connection probability was p, with the
// reference quantities of the size: the mean rates of the excitatory and
// inhibitory populations (keys Prefix+"rate_e", Prefix+"rate_i"), the
// numbers of synapses of each pathway ("synapses_e", "synapses_i") and
// the synaptic events per spike ("events_per_spike"); and, when the size
// has an ensemble, the ensemble's mean rates with the same rates'
// references. A run of another size, or with another ensemble, fails.
func Check(o *Outcome, p float64, size Size, refs *example.References, err error) example.Report {
	c := example.NewChecker(refs, err)
	if o.NE != size.NE || o.NI != size.NI || p != size.P || math.Abs(o.Duration-size.Duration) > 1e-12 || len(o.Ensemble.E) != size.Ensemble {
		c.Report.Fail("run size", fmt.Errorf("%d+%d neurons at p = %g for %g s, %d runs; the references are of %d+%d neurons at p = %g for %g s, %d runs",
			o.NE, o.NI, p, o.Duration, len(o.Ensemble.E), size.NE, size.NI, size.P, size.Duration, size.Ensemble))
		return c.Report
	}
	e, i := o.Rates()
	c.Value(size.Prefix+"rate_e", e)
	c.Value(size.Prefix+"rate_i", i)
	if size.Ensemble > 0 {
		for _, m := range []struct {
			key string
			xs  []float64
		}{{size.Prefix + "rate_e", o.Ensemble.E}, {size.Prefix + "rate_i", o.Ensemble.I}} {
			n := len(c.Report.Items)
			c.Mean(m.key, example.NewStat(m.xs))
			if len(c.Report.Items) > n {
				c.Report.Items[n].Name += fmt.Sprintf(", mean of %d seeds", len(m.xs))
			}
		}
	}
	c.Value("synapses_e", float64(o.SynE))
	c.Value("synapses_i", float64(o.SynI))
	c.Value("events_per_spike", o.EventsPerSpike())
	return c.Report
}
