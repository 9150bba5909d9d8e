package brette2007

import (
	"time"

	"github.com/cajal-sim/cajal/plot"
)

// Outcome is a run of a network of NE excitatory neurons (indices 0 to
// NE-1) and NI inhibitory ones (NE to NE+NI-1), recorded by one spike
// monitor of the whole group.
type Outcome struct {
	NE, NI   int
	Duration float64   // simulated time, seconds
	T        []float64 // spike times, seconds
	I        []int32   // spike indices, in the whole group
	SynE     int       // synapses from excitatory neurons
	SynI     int       // synapses from inhibitory neurons
	Events   int64     // synaptic events delivered
	// Wall is the wall-clock time of the simulation loop (the network's
	// Run), without building the network; CPU is the processor time the
	// process used meanwhile, all threads (zero where the system does not
	// say).
	Wall, CPU time.Duration
	// Ensemble is the rates of this run and of runs with the next seeds,
	// when the configuration asks for them.
	Ensemble Ensemble
}

// Rates is the mean rate per neuron of the excitatory and inhibitory
// populations over the whole run, in Hz.
func (o *Outcome) Rates() (e, i float64) {
	var ne, ni int
	for _, k := range o.I {
		if int(k) < o.NE {
			ne++
		} else {
			ni++
		}
	}
	return float64(ne) / float64(o.NE) / o.Duration, float64(ni) / float64(o.NI) / o.Duration
}

// PopulationRate is the rate per neuron of the whole group in bins of
// width w seconds: bin centres in ms, rates in Hz.
func (o *Outcome) PopulationRate(w float64) (ms, hz []float64) {
	centres, counts := plot.Histogram(o.T, 0, o.Duration, w)
	n := float64(o.NE + o.NI)
	ms = make([]float64, len(centres))
	hz = make([]float64, len(counts))
	for k := range centres {
		ms[k] = centres[k] * 1e3
		hz[k] = counts[k] / n / w
	}
	return ms, hz
}

// EventsPerSpike is the number of synaptic events delivered per spike:
// the mean number of targets of a spiking neuron.
func (o *Outcome) EventsPerSpike() float64 {
	if len(o.T) == 0 {
		return 0
	}
	return float64(o.Events) / float64(len(o.T))
}

// SecondsPerSecond is the wall-clock time of the loop per simulated second.
func (o *Outcome) SecondsPerSecond() float64 { return o.Wall.Seconds() / o.Duration }
