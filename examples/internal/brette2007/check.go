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
}

// Check compares a run, whose connection probability was p, with the
// reference quantities of the size: the mean rates of the excitatory and
// inhibitory populations (keys Prefix+"rate_e", Prefix+"rate_i"), the
// numbers of synapses of each pathway ("synapses_e", "synapses_i") and
// the synaptic events per spike ("events_per_spike"). A run of another
// size fails.
func Check(o *Outcome, p float64, size Size, refs *example.References, err error) example.Report {
	c := example.NewChecker(refs, err)
	if o.NE != size.NE || o.NI != size.NI || p != size.P || math.Abs(o.Duration-size.Duration) > 1e-12 {
		c.Report.Fail("run size", fmt.Errorf("%d+%d neurons at p = %g for %g s; the references are of %d+%d neurons at p = %g for %g s",
			o.NE, o.NI, p, o.Duration, size.NE, size.NI, size.P, size.Duration))
		return c.Report
	}
	e, i := o.Rates()
	c.Value(size.Prefix+"rate_e", e)
	c.Value(size.Prefix+"rate_i", i)
	c.Value("synapses_e", float64(o.SynE))
	c.Value("synapses_i", float64(o.SynI))
	c.Value("events_per_spike", o.EventsPerSpike())
	return c.Report
}
