package cajal

import "time"

// Stats are a network's size and what its runs have cost, for benchmarks:
// the measures simulators are compared by.
type Stats struct {
	Neurons      int           // neurons in all groups
	Synapses     int           // synapses in all synapse groups
	SynapseBytes int64         // memory of the synapses (SynapseGroup.Bytes)
	Events       int64         // synaptic events delivered, all pathways
	Steps        int64         // time steps run
	Simulated    float64       // seconds simulated (Steps * dt)
	Loop         time.Duration // wall-clock time in the clock loop (not building, compiling or writing files)
	Native       int           // programs that ran compiled code at the end of the last run
	Programs     int           // programs of the last run
	// Processes is the number of processes the network is split over
	// (Options.Comm); Exchange is the part of Loop this process spent
	// exchanging spikes and values with the others, waiting for them
	// included. SynapseBytes counts this process's synapses.
	Processes int
	Exchange  time.Duration
	// ExchangeEvery is the number of steps whose spikes the last run
	// exchanged at once: the minimum delay in steps where every delay
	// from a split group allows it, else 1 (docs/mpi.md).
	ExchangeEvery int
}

// Stats reports the network's size and what its runs have cost so far.
func (n *Network) Stats() Stats {
	if n.invalid() {
		return Stats{}
	}
	st := Stats{Steps: n.stepsRun, Simulated: float64(n.stepsRun) * n.dt, Loop: n.loop, Processes: 1, Exchange: n.sim.Exchange}
	if n.sim.Split() {
		st.Processes = n.opts.Comm.Size()
	}
	st.ExchangeEvery = max(n.sim.LastBatch, 1)
	for _, g := range n.groups {
		st.Neurons += g.N()
	}
	for _, s := range n.synapses {
		st.Synapses += s.N()
		st.SynapseBytes += s.Bytes()
		pre, post := s.Events()
		st.Events += pre + post
	}
	st.Native, st.Programs = n.Programs()
	return st
}

// NeuronStep is the loop's time per neuron and step, in nanoseconds.
func (s Stats) NeuronStep() float64 {
	return float64(s.Loop.Nanoseconds()) / float64(max(s.Steps, 1)) / float64(max(s.Neurons, 1))
}

// PerEvent is the loop's time per synaptic event, in nanoseconds: all of
// the loop's time, neuron updates included.
func (s Stats) PerEvent() float64 { return float64(s.Loop.Nanoseconds()) / float64(max(s.Events, 1)) }

// BytesPerSynapse is the synapses' memory per synapse.
func (s Stats) BytesPerSynapse() float64 {
	return float64(s.SynapseBytes) / float64(max(s.Synapses, 1))
}
