package brette2007

import (
	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/examples/example"
	"github.com/cajal-sim/cajal/unit"
)

// Config sets the size of a run.
type Config struct {
	NE, NI   int           // excitatory and inhibitory neurons
	P        float64       // connection probability
	Duration unit.Quantity // simulated time
	Seed     uint64
	Threads  int
	OutDir   string // where the figure goes; empty for none
	// Tier chooses interpreted or compiled kernels (cajal.Options.Tier).
	Tier cajal.Tier
	// Ensemble is the number of runs whose mean rates Check compares with
	// the reference's: this one and, in parallel after it, the same
	// network with the next seeds; 0 for this run only.
	Ensemble int
}

// Benchmark is what distinguishes one of the two networks: its neuron
// model, parameters and integration method, how it wires and initialises
// the group, its two configurations and its reference file.
type Benchmark struct {
	Name   string // in summaries: "COBA"
	Title  string // the figure's
	Figure string // the figure's file name, in Config.OutDir
	// Equations is the neuron model, integrated with Method.
	Equations, Method string
	// Namespace is the parameters of the model and the synapses, by the
	// names the equations use, for a run of cfg.
	Namespace func(cfg Config) cajal.Namespace
	// Wire makes the excitatory and inhibitory pathways of the group P,
	// connects them and sets the initial state, in the order the
	// benchmark's script does (the order of the random draws).
	Wire func(net *cajal.Network, P *cajal.NeuronGroup, cfg Config, ns cajal.Namespace) (ce, ci *cajal.SynapseGroup, err error)
	// Full is the configuration Check holds a run to; Reduced is the
	// short run of the tests and of `cajal run NAME --quick`.
	Full, Reduced Config
	// References are the benchmark's stored reference numbers.
	References func() (*example.References, error)
}

// Result is a run: its spikes and rates.
type Result struct {
	Outcome
	Config Config
	Figure string
	Method string // the integration method the group used
	// Native of Programs ran compiled kernels (tier 1) at the end.
	Native, Programs int
	// Stats are the network's size and the loop's cost, for benchmarks.
	Stats cajal.Stats
	// Benchmark is the network that ran.
	Benchmark *Benchmark
}

// Run builds the network as the benchmark's script does and runs it; with
// cfg.Ensemble > 1 it then runs the same network with the next
// cfg.Ensemble-1 seeds, in parallel and single-threaded each, and keeps
// the rates of all in the result's Ensemble.
func (b *Benchmark) Run(cfg Config) (*Result, error) {
	r, err := b.run(cfg)
	if err != nil || cfg.Ensemble <= 1 {
		return r, err
	}
	r.Ensemble, err = RunEnsemble(&r.Outcome, cfg.Seed, cfg.Ensemble, func(seed uint64) (*Outcome, error) {
		c := cfg
		c.Seed, c.Threads, c.OutDir, c.Ensemble = seed, 1, "", 0
		o, err := b.run(c)
		if err != nil {
			return nil, err
		}
		return &o.Outcome, nil
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}
