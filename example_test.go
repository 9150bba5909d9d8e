package cajal_test

import (
	"fmt"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/unit"
)

// A leaky integrate-and-fire neuron driven by a constant current fires
// regularly; a second neuron, below threshold, stays silent.
func Example() {
	net, err := cajal.NewNetwork(cajal.Options{Dt: unit.Q(0.1, unit.Millisecond)})
	if err != nil {
		panic(err)
	}
	g, err := net.NeuronGroup(cajal.Neurons{
		N: 2,
		Model: `
dv/dt = (el - v + R*I)/tau : volt (unless refractory)
I : amp
`,
		Threshold: "v > vt", Reset: "v = el", Refractory: "2*ms",
		Namespace: cajal.Namespace{"el": "-70*mV", "vt": "-50*mV", "R": "100*Mohm", "tau": "10*ms"},
	})
	if err != nil {
		panic(err)
	}
	if err := g.Set("I", []unit.Quantity{unit.Q(0.5, unit.Nanoamp), unit.Q(0.1, unit.Nanoamp)}); err != nil {
		panic(err)
	}
	if err := g.Set("v", "el"); err != nil {
		panic(err)
	}
	spikes, err := net.SpikeMonitor(g)
	if err != nil {
		panic(err)
	}
	if err := net.Run(unit.Q(100, unit.Millisecond)); err != nil {
		panic(err)
	}
	fmt.Println("method:", g.Method())
	fmt.Println("spikes per neuron:", spikes.Count())
	fmt.Printf("first spike at %.1f ms\n", spikes.T()[0]*1e3)
	// Output:
	// method: exact
	// spikes per neuron: [14 0]
	// first spike at 5.1 ms
}

// Errors name the line and column and say what was expected.
func Example_error() {
	net, _ := cajal.NewNetwork(cajal.Options{})
	_, err := net.NeuronGroup(cajal.Neurons{
		N:         1,
		Model:     "dv/dt = (el - v)/tau : volt",
		Namespace: cajal.Namespace{"el": "-70*mV", "tau": "10*nS"},
	})
	fmt.Println(err)
	// Output:
	// neurons.model:1:10: dimension mismatch in the equation for v: dv/dt must have dimension volt/second (the unit of v, volt, per second), got volt/siemens
	// 	dv/dt = (el - v)/tau : volt
	// 	         ^
}
