// Package cuba is benchmark 2 of Brette et al. (2007), "Simulation of
// networks of spiking neurons: a review of tools and strategies",
// J Comput Neurosci 23:349: the random network of Vogels & Abbott (2005)
// with current-based synapses, as Brian2's example CUBA.py defines it.
//
// 4000 leaky integrate-and-fire neurons, 3200 excitatory and 800
// inhibitory, each connected to each neuron with probability 0.02. The
// membrane obeys
//
//	dv/dt = (ge + gi - (v-El))/taum
//
// where the synaptic currents ge and gi are written as potentials (volt),
// incremented by 60*0.27/10 mV = 1.62 mV per excitatory spike and by
// -20*4.5/10 mV = -9 mV per inhibitory one. The resting potential El =
// -49 mV lies above the threshold -50 mV, so every neuron fires on its own
// and recurrent inhibition holds the network at about 5.6 Hz. Potentials
// start uniform between reset and threshold; exact integration of the
// linear equations, dt = 0.1 ms, 1 s.
package cuba

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/examples/example"
	"github.com/cajal-sim/cajal/examples/internal/brette2007"
	"github.com/cajal-sim/cajal/examples/internal/cputime"
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
	// Ensemble is the number of runs whose mean rates Check compares with
	// the reference's: this one and, in parallel after it, the same
	// network with the next seeds; 0 for this run only.
	Ensemble int
}

// Full is the benchmark: 3200 + 800 neurons, p = 0.02, 1 s, and the mean
// rates of an ensemble of 30 seeds (1-30), whose mean is held to a band
// about a quarter as wide as a single run's.
var Full = Config{NE: 3200, NI: 800, P: 0.02, Duration: unit.Q(1, unit.Second), Seed: 1, Ensemble: 30}

// Reduced is the run of `cajal run cuba --quick`: the same network for
// 0.25 s, which holds the first synchronous volley and the settling into
// the asynchronous state; its reference is Brian2's over the same 0.25 s.
var Reduced = Config{NE: 3200, NI: 800, P: 0.02, Duration: unit.Q(0.25, unit.Second), Seed: 1}

// The example's parameters.
var (
	taum = unit.Q(20, unit.Millisecond)
	taue = unit.Q(5, unit.Millisecond)
	taui = unit.Q(10, unit.Millisecond)
	vt   = unit.Q(-50, unit.Millivolt) // threshold
	vr   = unit.Q(-60, unit.Millivolt) // reset
	el   = unit.Q(-49, unit.Millivolt) // resting potential
	we   = unit.Q(60*0.27/10, unit.Millivolt)
	wi   = unit.Q(-20*4.5/10, unit.Millivolt)
)

// Namespace is the example's parameters, by the names the equations use.
func Namespace() cajal.Namespace {
	return cajal.Namespace{"taum": taum, "taue": taue, "taui": taui, "Vt": vt, "Vr": vr, "El": el,
		"we": we, "wi": wi}
}

// Equations is the neuron model.
const Equations = `
dv/dt = (ge + gi - (v-El))/taum : volt (unless refractory)
dge/dt = -ge/taue : volt
dgi/dt = -gi/taui : volt
`

// Result is a run: its spikes and rates.
type Result struct {
	brette2007.Outcome
	Config Config
	Method string // the integration method used
	Figure string
	// Native of Programs ran compiled kernels (tier 1) at the end.
	Native, Programs int
	// Stats are the network's size and the loop's cost, for benchmarks.
	Stats cajal.Stats
}

// Run builds the network as the example does and runs it; with
// cfg.Ensemble > 1 it then runs the same network with the next
// cfg.Ensemble-1 seeds, in parallel and single-threaded each, and keeps
// the rates of all in the result's Ensemble.
func Run(cfg Config) (*Result, error) {
	r, err := run(cfg)
	if err != nil || cfg.Ensemble <= 1 {
		return r, err
	}
	r.Ensemble, err = brette2007.RunEnsemble(&r.Outcome, cfg.Seed, cfg.Ensemble, func(seed uint64) (*brette2007.Outcome, error) {
		c := cfg
		c.Seed, c.Threads, c.OutDir, c.Ensemble = seed, 1, "", 0
		o, err := run(c)
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

// run builds the network as the example does and runs it once.
func run(cfg Config) (*Result, error) {
	net, err := cajal.NewNetwork(cajal.Options{Progress: cfg.Progress.Network(), Dt: unit.Q(0.1, unit.Millisecond), Seed: cfg.Seed,
		Threads: cfg.Threads, Tier: cfg.Tier})
	if err != nil {
		return nil, err
	}
	ns := Namespace()
	ns["NE"] = cfg.NE
	P, err := net.NeuronGroup(cajal.Neurons{Name: "P", N: cfg.NE + cfg.NI, Model: Equations,
		Threshold: "v > Vt", Reset: "v = Vr", Refractory: unit.Q(5, unit.Millisecond), Method: "linear", Namespace: ns})
	if err != nil {
		return nil, err
	}
	if err := P.Set("v", "Vr + rand()*(Vt - Vr)"); err != nil {
		return nil, err
	}
	// ge and gi start at zero.
	Ce, err := net.Synapses(cajal.Synapses{Name: "Ce", Source: P, Target: P, OnPre: "ge += we", Namespace: ns})
	if err != nil {
		return nil, err
	}
	Ci, err := net.Synapses(cajal.Synapses{Name: "Ci", Source: P, Target: P, OnPre: "gi += wi", Namespace: ns})
	if err != nil {
		return nil, err
	}
	if err := Ce.Connect(cajal.Condition("i < NE"), cajal.P(cfg.P)); err != nil {
		return nil, err
	}
	if err := Ci.Connect(cajal.Condition("i >= NE"), cajal.P(cfg.P)); err != nil {
		return nil, err
	}
	sm, err := net.SpikeMonitor(P)
	if err != nil {
		return nil, err
	}
	start, cpu0 := time.Now(), cputime.Process()
	if err := net.Run(cfg.Duration); err != nil {
		return nil, err
	}
	wall, cpu := time.Since(start), cputime.Process()-cpu0
	res := &Result{Config: cfg, Method: P.Method(), Outcome: brette2007.Outcome{NE: cfg.NE, NI: cfg.NI,
		Duration: cfg.Duration.Value, Wall: wall, CPU: cpu, T: sm.T(), I: sm.I(), SynE: Ce.N(), SynI: Ci.N()}}
	res.Native, res.Programs = net.Programs()
	res.Stats = net.Stats()
	for _, s := range []*cajal.SynapseGroup{Ce, Ci} {
		pre, _ := s.Events()
		res.Events += pre
	}
	if cfg.OutDir != "" {
		res.Figure = filepath.Join(cfg.OutDir, "cuba.png")
		if err := res.Draw(res.Figure, "CUBA (Brette et al. 2007, benchmark 2)"); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// Summary reports the statistics Check compares: the rates, the synapse
// counts and the synaptic events per spike, and the ensemble's mean rates
// when there is one; and the time the loop took.
func (r *Result) Summary() string {
	e, i := r.Rates()
	s := fmt.Sprintf("CUBA, %d+%d neurons, %d+%d synapses, %g s (%s): excitatory %.2f Hz, inhibitory %.2f Hz; %d synaptic events (%.2f per spike); loop %.3f s per simulated second",
		r.NE, r.NI, r.SynE, r.SynI, r.Duration, r.Method, e, i, r.Events, r.EventsPerSpike(), r.SecondsPerSecond())
	if len(r.Ensemble.E) > 0 {
		s += "\nensemble of " + r.Ensemble.String()
	}
	return s
}
