package cajal

import (
	"fmt"
	"testing"

	"github.com/cajal-sim/cajal/unit"
)

// benchGroup runs b.N steps of a group and reports ns per neuron update.
func benchGroup(b *testing.B, threads, n int, spec Neurons, init map[string]string) {
	net, err := NewNetwork(Options{Threads: threads, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	spec.N = n
	g, err := net.NeuronGroup(spec)
	if err != nil {
		b.Fatal(err)
	}
	for k, v := range init {
		if err := g.Set(k, v); err != nil {
			b.Fatal(err)
		}
	}
	sm := net.SpikeMonitor(g)
	// Warm up: compile and settle.
	if err := net.Run(unit.Q(10, unit.Millisecond)); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	if err := net.Run(unit.Q(float64(b.N)*0.1, unit.Millisecond)); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/neuron-step")
	b.ReportMetric(float64(sm.Num())/float64(n)/net.T(), "Hz")
}

// The leaky integrate-and-fire group: exact integration, threshold, reset
// and refractoriness, with a spread of inputs so that some neurons fire.
var lifBench = Neurons{
	Model: `
dv/dt = (el - v + R*I)/tau : volt (unless refractory)
I : amp
`,
	Threshold: "v > vt", Reset: "v = el", Refractory: "2*ms",
	Namespace: Namespace{"el": "-70*mV", "vt": "-50*mV", "R": "100*Mohm", "tau": "10*ms"},
}

// The conductance-based neuron of Vogels et al. 2011 (seed 000) without
// synapses, with Euler integration as in the seed.
var cobaBench = Neurons{
	Model: `
dv/dt=(-gl*(v-el)-(g_ampa*v+g_gaba*(v-er))+bgcurrent)/memc : volt (unless refractory)
dg_ampa/dt = -g_ampa/tau_ampa : siemens
dg_gaba/dt = -g_gaba/tau_gaba : siemens
`,
	Threshold: "v > vt", Reset: "v = el", Refractory: "5*ms", Method: "euler",
	Namespace: Namespace{"gl": "10*nS", "el": "-60*mV", "er": "-80*mV", "vt": "-50*mV",
		"memc": "200*pF", "bgcurrent": "200*pA", "tau_ampa": "5*ms", "tau_gaba": "10*ms"},
}

func BenchmarkLIF100k(b *testing.B) {
	for _, threads := range []int{1, 2} {
		b.Run(fmt.Sprintf("threads=%d", threads), func(b *testing.B) {
			benchGroup(b, threads, 100000, lifBench, map[string]string{"I": "rand()*0.3*nA", "v": "el"})
		})
	}
}

func BenchmarkCOBA10k(b *testing.B) {
	for _, threads := range []int{1, 2} {
		b.Run(fmt.Sprintf("threads=%d", threads), func(b *testing.B) {
			benchGroup(b, threads, 10000, cobaBench, map[string]string{"v": "el + rand()*(vt - el)", "g_ampa": "rand()*10*nS"})
		})
	}
}
