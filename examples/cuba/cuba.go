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

// Reduced is the run of the tests and of `cajal run cuba --quick`: the
// same network for 0.25 s (brette2007.Reduced), which holds the first
// synchronous volley and the settling into the asynchronous state; its
// reference is Brian2's over the same 0.25 s.
var Reduced = brette2007.Reduced

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

// Benchmark is the network: the model, its parameters, the wiring.
var Benchmark = &brette2007.Benchmark{Name: "CUBA", Title: "CUBA (Brette et al. 2007, benchmark 2)", Figure: "cuba.png",
	Equations: Equations, Method: "linear", Namespace: namespace, Wire: wire, References: References}

// Run builds the network as the example does and runs it; with
// cfg.Ensemble > 1 it then runs the same network with the next
// cfg.Ensemble-1 seeds, in parallel and single-threaded each, and keeps
// the rates of all in the result's Ensemble.
func Run(cfg Config) (*Result, error) { return Benchmark.Run(cfg) }

// namespace is the example's parameters and the number of excitatory
// neurons, which the connection conditions use.
func namespace(cfg Config) cajal.Namespace {
	ns := Namespace()
	ns["NE"] = cfg.NE
	return ns
}

// wire sets the potentials uniform between reset and threshold and
// connects the first NE neurons (excitatory) and the others (inhibitory)
// to all.
func wire(net *cajal.Network, P *cajal.NeuronGroup, cfg Config, ns cajal.Namespace) (Ce, Ci *cajal.SynapseGroup, err error) {
	if err := P.Set("v", "Vr + rand()*(Vt - Vr)"); err != nil {
		return nil, nil, err
	}
	// ge and gi start at zero.
	Ce, err = net.Synapses(cajal.Synapses{Name: "Ce", Source: P, Target: P, OnPre: "ge += we", Namespace: ns})
	if err != nil {
		return nil, nil, err
	}
	Ci, err = net.Synapses(cajal.Synapses{Name: "Ci", Source: P, Target: P, OnPre: "gi += wi", Namespace: ns})
	if err != nil {
		return nil, nil, err
	}
	if err := Ce.Connect(cajal.Condition("i < NE"), cajal.P(cfg.P)); err != nil {
		return nil, nil, err
	}
	if err := Ci.Connect(cajal.Condition("i >= NE"), cajal.P(cfg.P)); err != nil {
		return nil, nil, err
	}
	return Ce, Ci, nil
}
