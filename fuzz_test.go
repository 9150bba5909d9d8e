package cajal

import (
	"testing"
	"time"

	"github.com/cajal-sim/cajal/unit"
)

// FuzzNeuronGroup feeds arbitrary model text, thresholds and resets through
// parsing, checking, integration, compilation and a short run: whatever
// the input, the library returns an error or runs, and never panics.
func FuzzNeuronGroup(f *testing.F) {
	f.Add("dv/dt = (el - v)/tau : volt (unless refractory)", "v > vt", "v = el", "2*ms", "")
	f.Add("dv/dt=(-gl*(v-el)-(g_ampa*v+g_gaba*(v-er))+bgcurrent)/memc : volt\ndg_ampa/dt = -g_ampa/tau_ampa : siemens\ndg_gaba/dt = -g_gaba/tau_gaba : siemens",
		"v > vt", "v = el", "5*ms", "euler")
	f.Add("tau * dv/dt = -v + I : 1\nI : 1", "v > 1", "v = 0", "", "exact")
	f.Add("dx/dt = -x/tau + sqrt(2/tau)*xi : 1\ny = x**2 : 1", "y > 4", "x = 0; x += rand()", "", "heun")
	f.Add("dv/dt = v**2/ms : 1", "v > 1e300", "", "v > 0", "rk4")
	f.Add("w : 1 (shared)\ndv/dt = clip(w, 0, 1)/ms + int(v > 0.5)/ms : 1", "not (v < 2)", "v *= 0.5", "", "rk2")
	ns := Namespace{"el": "-70*mV", "vt": "-50*mV", "tau": "10*ms", "gl": "10*nS", "er": "-80*mV",
		"memc": "200*pF", "bgcurrent": "200*pA", "tau_ampa": "5*ms", "tau_gaba": "10*ms"}
	f.Fuzz(func(t *testing.T, model, threshold, reset, refractory, method string) {
		n, err := NewNetwork(Options{})
		if err != nil {
			t.Fatal(err)
		}
		var refr any
		if refractory != "" {
			refr = refractory
		}
		g, err := n.NeuronGroup(Neurons{N: 3, Model: model, Threshold: threshold, Reset: reset,
			Refractory: refr, Method: method, Namespace: ns})
		if err != nil {
			return
		}
		for _, v := range g.model.Vars {
			_ = g.Set(v.Name, "rand()")
		}
		_ = n.Run(unit.Q(1, unit.Millisecond))
	})
}

// FuzzSynapses feeds arbitrary synapse models, pathways, delays and
// connection conditions through checking, compilation and a short run.
func FuzzSynapses(f *testing.F) {
	f.Add("w : 1\ndA_pre/dt = -A_pre/tau : 1 (event-driven)", "A_pre += 1\nw = clip(w + A_post, 0, 1)\nv_post += w*mV", "w += 0.1", "i != j", "rand()*2*ms")
	f.Add("dc/dt = -c/tau + sqrt(2/tau)*xi*int(c > 1) : 1 (clock-driven)\nx_post = c : 1 (summed)", "c += 1", "c += 2", "", "")
	f.Add("u : 1\ndx/dt = (1 - x)/tau : 1 (event-driven)", "g += u*x; x *= 1 - u", "", "j == i", "1*ms")
	ns := Namespace{"tau": "20*ms"}
	f.Fuzz(func(t *testing.T, model, onPre, onPost, cond, delay string) {
		n, err := NewNetwork(Options{})
		if err != nil {
			t.Fatal(err)
		}
		g, err := n.NeuronGroup(Neurons{N: 4, Model: "dv/dt = -v/(10*ms) : volt\ng : 1\nx : 1", Threshold: "rand() < 0.3"})
		if err != nil {
			t.Fatal(err)
		}
		var d any
		if delay != "" {
			d = delay
		}
		s, err := n.Synapses(Synapses{Source: g, Target: g, Model: model, OnPre: onPre, OnPost: onPost, Delay: d, Namespace: ns})
		if err != nil {
			return
		}
		var opts []ConnectOption
		if cond != "" {
			opts = append(opts, Condition(cond))
		}
		if err := s.Connect(opts...); err != nil {
			return
		}
		start := time.Now()
		_ = n.Run(unit.Q(1, unit.Millisecond))
		if time.Since(start) > 10*time.Second {
			t.Fatalf("slow: %q %q %q %q %q", model, onPre, onPost, cond, delay)
		}
	})
}
