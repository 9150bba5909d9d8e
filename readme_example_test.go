package cajal_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/unit"
)

// The README's first sample, word for word (TestGuidesSamplesRun).
func Example_readme() {
	net, _ := cajal.NewNetwork(cajal.Options{Dt: unit.Q(0.1, unit.Millisecond), Seed: 1})
	g, err := net.NeuronGroup(cajal.Neurons{
		N: 100,
		Model: `
dv/dt = (el - v + R*I)/tau : volt (unless refractory)
I : amp
`,
		Threshold: "v > vt", Reset: "v = vr", Refractory: "2*ms",
		Namespace: cajal.Namespace{"el": "-70*mV", "vr": "-65*mV", "vt": "-50*mV",
			"R": "100*Mohm", "tau": "10*ms"},
	})
	g.Set("I", "1*nA*i/N")
	spikes, _ := net.SpikeMonitor(g)
	err = net.Run(unit.Q(1, unit.Second))
	fmt.Println(spikes.Num(), "spikes", err)
	// Output: 14454 spikes <nil>
}

// docs/checkpoint.md's sample, word for word: a network built by one
// function runs 20 ms, or 10 ms, a checkpoint, and, in a new network, the
// rest from the checkpoint; the two give the same state.
func Example_checkpoint() {
	build := func() (*cajal.Network, *cajal.NeuronGroup) {
		net, _ := cajal.NewNetwork(cajal.Options{Seed: 7})
		g, _ := net.NeuronGroup(cajal.Neurons{N: 50, Threshold: "v > 1", Reset: "v = 0",
			Model: "dv/dt = (1.2 - v)/(10*ms) + 0.5*xi/sqrt(ms) : 1", Method: "euler"})
		return net, g
	}
	ckpt := filepath.Join(os.TempDir(), "cajal-example.ckpt")
	whole, g1 := build()
	whole.Run(unit.Q(20, unit.Millisecond))

	first, _ := build()
	first.Run(unit.Q(10, unit.Millisecond))
	first.Checkpoint(ckpt) // at a step boundary, between runs

	// The same code, here or in another process:
	resumed, g2 := build()
	if err := resumed.Resume(ckpt); err != nil { // before the first Run
		fmt.Println(err)
	}
	resumed.Run(unit.Q(10, unit.Millisecond))
	v1, _ := g1.Get("v")
	v2, _ := g2.Get("v")
	fmt.Println(resumed.T(), v1[0] == v2[0] && v1[49] == v2[49])
	// Output: 20 ms true
}
