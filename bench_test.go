package cajal

import (
	"fmt"
	"testing"

	"github.com/cajal-sim/cajal/unit"
)

// benchGroup runs b.N steps of a group and reports ns per neuron update.
func benchGroup(b *testing.B, threads, n int, interpret bool, spec Neurons, init map[string]string) {
	net, err := NewNetwork(Options{Threads: threads, Seed: 1, Tier: testTier(interpret)})
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
	sm, err := net.SpikeMonitor(g)
	if err != nil {
		b.Fatal(err)
	}
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
	b.ReportMetric(float64(sm.Num())/float64(n)/net.T().Value, "Hz")
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

// "interpreted=false" runs compiled kernels (tier 1, compiled before the
// run) where a C compiler is available; "interpreted=true" forces the
// interpreter.
func BenchmarkLIF100k(b *testing.B) {
	for _, threads := range []int{1, 2} {
		for _, interp := range []bool{false, true} {
			b.Run(fmt.Sprintf("threads=%d/interpreted=%v", threads, interp), func(b *testing.B) {
				benchGroup(b, threads, 100000, interp, lifBench, map[string]string{"I": "rand()*0.3*nA", "v": "el"})
			})
		}
	}
}

func BenchmarkCOBA10k(b *testing.B) {
	for _, threads := range []int{1, 2} {
		for _, interp := range []bool{false, true} {
			b.Run(fmt.Sprintf("threads=%d/interpreted=%v", threads, interp), func(b *testing.B) {
				benchGroup(b, threads, 10000, interp, cobaBench, map[string]string{"v": "el + rand()*(vt - el)", "g_ampa": "rand()*10*nS"})
			})
		}
	}
}

// benchEvents measures the cost of delivering synaptic events: a Poisson
// group of 1000 sources at 100 Hz drives 1000 neurons through a million
// synapses (all to all), 10,000 presynaptic events per step; with
// plasticity the targets fire at 100 Hz too, another 10,000 postsynaptic
// events. It reports ns per event, the 2000 neuron updates per step
// included (a few percent of the time).
func benchEvents(b *testing.B, threads int, model, onPre, onPost string) {
	net, err := NewNetwork(Options{Threads: threads, Seed: 1, Tier: testTier(false)})
	if err != nil {
		b.Fatal(err)
	}
	src, err := net.PoissonGroup(Poisson{N: 1000, Rates: unit.Q(100, unit.Hertz)})
	if err != nil {
		b.Fatal(err)
	}
	tgt, err := net.NeuronGroup(Neurons{N: 1000, Model: "dg/dt = -g/(5*ms) : siemens\nv : 1", Threshold: "rand() < 0.01", Method: "exact"})
	if err != nil {
		b.Fatal(err)
	}
	syn, err := net.Synapses(Synapses{Source: src, Target: tgt, Model: model, OnPre: onPre, OnPost: onPost,
		Namespace: Namespace{"tau": "20*ms", "eta": 0.01}})
	if err != nil {
		b.Fatal(err)
	}
	if err := syn.Connect(); err != nil {
		b.Fatal(err)
	}
	if err := net.Run(unit.Q(10, unit.Millisecond)); err != nil {
		b.Fatal(err)
	}
	pre0, post0 := syn.Events()
	b.ResetTimer()
	if err := net.Run(unit.Q(float64(b.N)*0.1, unit.Millisecond)); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	pre, post := syn.Events()
	events := float64(pre - pre0 + post - post0)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/events, "ns/event")
	b.ReportMetric(float64(syn.Bytes())/float64(syn.N()), "B/synapse")
}

func BenchmarkSynapticEvents(b *testing.B) {
	for _, threads := range []int{1, 2} {
		b.Run(fmt.Sprintf("static/threads=%d", threads), func(b *testing.B) {
			benchEvents(b, threads, "w : siemens", "g += w", "")
		})
		b.Run(fmt.Sprintf("stdp/threads=%d", threads), func(b *testing.B) {
			benchEvents(b, threads, `w : 1
dA_pre/dt = -A_pre/tau : 1 (event-driven)
dA_post/dt = -A_post/tau : 1 (event-driven)`,
				"A_pre += 1\nw = clip(w + A_post*eta, 0, 100)\ng += w*nS", "A_post += 1\nw = clip(w + A_pre*eta, 0, 100)")
		})
	}
}
