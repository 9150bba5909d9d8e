package brette2007

import (
	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/cluster"
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
	OutDir   string           // where the figure goes; empty for none
	Progress example.Progress // progress of the runs; nil for none
	// Tier chooses interpreted or compiled kernels (cajal.Options.Tier).
	Tier cajal.Tier
	// Comm splits the network over processes (cajal.Options.Comm).
	Comm cluster.Comm
	// Ensemble is the number of runs whose mean rates Check compares with
	// the reference's: this one and, in parallel after it, the same
	// network with the next seeds; 0 for this run only.
	Ensemble int
}

// Full is the benchmark: 3200 + 800 neurons, p = 0.02, 1 s, and the mean
// rates of an ensemble of 30 seeds (1-30), whose mean is held to a band
// about a quarter as wide as a single run's.
var Full = Config{NE: 3200, NI: 800, P: 0.02, Duration: unit.Q(1, unit.Second), Seed: 1, Ensemble: 30}

// Reduced is the run of the tests and of `cajal run NAME --quick`: the
// same network for 0.25 s; its reference is the reference simulator's
// over the same 0.25 s.
var Reduced = Config{NE: 3200, NI: 800, P: 0.02, Duration: unit.Q(0.25, unit.Second), Seed: 1}

// Benchmark is what distinguishes one of the two networks: its neuron
// model, parameters and integration method, how it wires and initialises
// the group, and its reference file.
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

// RunExample runs Full or Reduced, as the options ask, and, at full
// size, checks the result: the example's Run as the command calls it.
func (b *Benchmark) RunExample(o example.Options) (example.Outcome, error) {
	cfg := Reduced
	if o.Size == example.Full {
		cfg = Full
	}
	cfg.OutDir, cfg.Threads, cfg.Progress, cfg.Comm = o.OutDir, o.Threads, o.Progress, o.Comm
	r, err := b.Run(cfg)
	if err != nil {
		return example.Outcome{}, err
	}
	out := example.Outcome{Summary: r.Summary(), Figures: example.Figures(r.Figure)}
	if o.Size == example.Full {
		out.Report = r.Check()
	}
	return out, nil
}
