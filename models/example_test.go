package models_test

import (
	"fmt"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/models"
	"github.com/cajal-sim/cajal/unit"
)

// Print a model: its equations, threshold, reset, method, NEST's default
// parameters with units, initial values and receptors.
func Example() {
	m, _ := models.LookupNeuron("iaf_psc_exp")
	fmt.Print(m)
	// Output:
	// iaf_psc_exp (neuron)
	//   equations:
	//     dV_m/dt = -(V_m - E_L)/tau_m + (I_syn_ex + I_syn_in + I_e)/C_m : volt (unless refractory)
	//     dI_syn_ex/dt = -I_syn_ex/tau_syn_ex : amp
	//     dI_syn_in/dt = -I_syn_in/tau_syn_in : amp
	//     I_e : amp
	//   threshold: V_m >= V_th
	//   reset: V_m = V_reset
	//   refractory: t_ref + dt
	//   method: exact
	//   parameters:
	//     C_m = 250 pF
	//     E_L = -70 mV
	//     I_e = 0 A
	//     V_reset = -70 mV
	//     V_th = -55 mV
	//     t_ref = 2 ms
	//     tau_m = 10 ms
	//     tau_syn_ex = 2 ms
	//     tau_syn_in = 2 ms
	//   initial values:
	//     V_m = E_L
	//   receptors:
	//     ex: I_syn_ex += w*pA
	//     in: I_syn_in -= abs(w)*pA
}

// Make a group of a model with a parameter changed, drive one of its
// neurons through the excitatory receptor with Poisson input via static
// synapses, and count the spikes. Without input, 500 pA makes the neuron
// fire every 15.9 ms: 63 spikes in a second.
func ExampleNeuron_Group() {
	net, err := cajal.NewNetwork(cajal.Options{Dt: unit.Q(0.1, unit.Millisecond), Seed: 1})
	if err != nil {
		panic(err)
	}
	m, _ := models.LookupNeuron("iaf_psc_exp")
	g, err := m.With(cajal.Namespace{"I_e": unit.Q(500, unit.Picoamp)}).Group(net, "lif", 2)
	if err != nil {
		panic(err)
	}
	input, err := net.PoissonGroup(cajal.Poisson{N: 100, Rates: unit.Q(10, unit.Hertz)})
	if err != nil {
		panic(err)
	}
	static, _ := models.LookupSynapse("static")
	syn, err := static.Connect(net, "input", input, g, m.Receptors["ex"], cajal.Pairs([]int{0, 1}, []int{1, 1}))
	if err != nil {
		panic(err)
	}
	if err := syn.Set("w", 100.0); err != nil { // pA
		panic(err)
	}
	spikes, err := net.SpikeMonitor(g)
	if err != nil {
		panic(err)
	}
	if err := net.Run(unit.Q(1, unit.Second)); err != nil {
		panic(err)
	}
	fmt.Println("neurons:", g.N(), "synapses:", syn.N())
	fmt.Println("spikes without input:", spikes.Count()[0])
	fmt.Println("more spikes with input:", spikes.Count()[1] > spikes.Count()[0])
	// Output:
	// neurons: 2 synapses: 2
	// spikes without input: 63
	// more spikes with input: true
}
