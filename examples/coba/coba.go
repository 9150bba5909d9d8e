// Package coba is benchmark 1 of Brette et al. (2007), "Simulation of
// networks of spiking neurons: a review of tools and strategies",
// J Comput Neurosci 23:349: the random network of Vogels & Abbott (2005)
// with conductance-based synapses, as the Brian team's benchmark script
// (Brian's examples/COBA.py) defines it.
//
// 4000 leaky integrate-and-fire neurons, 3200 excitatory and 800
// inhibitory, each connected to each neuron with probability 0.02. The
// membrane obeys
//
//	dv/dt = (ge*(Ee-v) + gi*(Ei-v) - (v-El))/taum
//
// with the conductances ge and gi in units of the leak conductance (10 nS),
// incremented by 6 nS/10 nS per excitatory spike and 67 nS/10 nS per
// inhibitory one. The script measures potentials from El; here they are
// absolute (Ee = 0 mV, Ei = -80 mV, El = -60 mV, threshold -50 mV, reset
// -60 mV). There is no external input: the network starts from random
// potentials and strong random conductances and sustains its own
// irregular activity at about 19 Hz. Forward Euler, dt = 0.1 ms, 1 s.
package coba

import (
	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/examples/internal/brette2007"
	"github.com/cajal-sim/cajal/unit"
)

// Config sets the size of a run.
type Config = brette2007.Config

// Result is a run: its spikes and rates.
type Result = brette2007.Result

// Full is the benchmark: 3200 + 800 neurons, p = 0.02, 1 s, and the
// mean rates of an ensemble of 30 seeds (brette2007.Full).
var Full = brette2007.Full

// Reduced is the run of the tests and of `cajal run coba --quick`: the
// same network for 0.25 s (brette2007.Reduced), which holds the initial
// burst and the settling into the asynchronous state; its reference is
// Brian2's over the same 0.25 s.
var Reduced = brette2007.Reduced

// The script's parameters.
var (
	taum = unit.Q(20, unit.Millisecond)
	taue = unit.Q(5, unit.Millisecond)
	taui = unit.Q(10, unit.Millisecond)
	ee   = unit.Q(0, unit.Millivolt)   // excitatory reversal potential
	ei   = unit.Q(-80, unit.Millivolt) // inhibitory reversal potential
	el   = unit.Q(-60, unit.Millivolt) // resting potential
	vt   = unit.Q(-50, unit.Millivolt) // threshold
	vr   = unit.Q(-60, unit.Millivolt) // reset
)

// Weights in units of the leak conductance, 10 nS.
const (
	we = 6.0 / 10  // excitatory: 6 nS
	wi = 67.0 / 10 // inhibitory: 67 nS
)

// Namespace is the script's parameters, by the names the equations use.
func Namespace() cajal.Namespace {
	return cajal.Namespace{"taum": taum, "taue": taue, "taui": taui, "Ee": ee, "Ei": ei, "El": el,
		"Vt": vt, "Vr": vr, "we": we, "wi": wi}
}

// Equations is the neuron model.
const Equations = `
dv/dt = (ge*(Ee-v) + gi*(Ei-v) - (v-El))/taum : volt (unless refractory)
dge/dt = -ge/taue : 1
dgi/dt = -gi/taui : 1
`

// Benchmark is the network: the model, its parameters, the wiring.
var Benchmark = &brette2007.Benchmark{Name: "COBA", Title: "COBA (Brette et al. 2007, benchmark 1)", Figure: "coba.png",
	Equations: Equations, Method: "euler", Namespace: func(Config) cajal.Namespace { return Namespace() },
	Wire: wire, References: References}

// Run builds the network as the script does and runs it; with
// cfg.Ensemble > 1 it then runs the same network with the next
// cfg.Ensemble-1 seeds, in parallel and single-threaded each, and keeps
// the rates of all in the result's Ensemble.
func Run(cfg Config) (*Result, error) { return Benchmark.Run(cfg) }

// wire connects the excitatory and inhibitory neurons, slices of P, to
// all of P, and sets the script's initial state.
func wire(net *cajal.Network, P *cajal.NeuronGroup, cfg Config, ns cajal.Namespace) (Ce, Ci *cajal.SynapseGroup, err error) {
	Pe, err := P.Slice(0, cfg.NE)
	if err != nil {
		return nil, nil, err
	}
	Pi, err := P.Slice(cfg.NE, cfg.NE+cfg.NI)
	if err != nil {
		return nil, nil, err
	}
	Ce, err = net.Synapses(cajal.Synapses{Name: "Ce", Source: Pe, Target: P, OnPre: "ge += we", Namespace: ns})
	if err != nil {
		return nil, nil, err
	}
	if err := Ce.Connect(cajal.P(cfg.P)); err != nil {
		return nil, nil, err
	}
	Ci, err = net.Synapses(cajal.Synapses{Name: "Ci", Source: Pi, Target: P, OnPre: "gi += wi", Namespace: ns})
	if err != nil {
		return nil, nil, err
	}
	if err := Ci.Connect(cajal.P(cfg.P)); err != nil {
		return nil, nil, err
	}
	// The script's initial state, in absolute potentials: v = El - 5 mV +
	// 5 mV*N(0,1), conductances ge = 4 + 1.5*N(0,1), gi = 20 + 12*N(0,1).
	for _, s := range [][2]string{{"v", "El + (randn()*5 - 5)*mV"}, {"ge", "randn()*1.5 + 4"}, {"gi", "randn()*12 + 20"}} {
		if err := P.Set(s[0], s[1]); err != nil {
			return nil, nil, err
		}
	}
	return Ce, Ci, nil
}
