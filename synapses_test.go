package cajal

import (
	"math"
	"testing"

	"github.com/cajal-sim/cajal/unit"
)

// A spike from a generator reaches its targets after the delay and adds
// the weight to the postsynaptic conductance, which then decays.
func TestSynapseDeliversAfterDelay(t *testing.T) {
	n := newNet(t, Options{})
	gen, err := n.SpikeGeneratorGroup(SpikeGenerator{N: 2, Indices: []int{0, 1, 0}, Times: Times(unit.Millisecond, 1, 1, 4)})
	if err != nil {
		t.Fatal(err)
	}
	post, err := n.NeuronGroup(Neurons{N: 3, Model: "dg/dt = -g/(5*ms) : siemens", Method: "exact"})
	if err != nil {
		t.Fatal(err)
	}
	syn, err := n.Synapses(Synapses{Source: gen, Target: post, Model: "w : siemens", OnPre: "g += w",
		Delay: unit.Q(2, unit.Millisecond)})
	if err != nil {
		t.Fatal(err)
	}
	if err := syn.Connect(Pairs([]int{0, 0, 1}, []int{0, 1, 1})); err != nil {
		t.Fatal(err)
	}
	if err := syn.Set("w", []unit.Quantity{unit.Q(1, unit.Nanosiemens), unit.Q(2, unit.Nanosiemens), unit.Q(4, unit.Nanosiemens)}); err != nil {
		t.Fatal(err)
	}
	mon, _ := n.StateMonitor(post, []string{"g"}, nil, unit.Quantity{})
	run(t, n, unit.Q(10, unit.Millisecond))
	g := mustValues(t, mon, "g")
	// The spikes at 1 ms arrive in the synapses slot of the step at 3 ms,
	// after that step's state update: the monitor sees them at 3.1 ms.
	at := func(ms float64) int { return int(math.Round(ms / 0.1)) }
	if g[0][at(3.0)] != 0 || g[1][at(3.0)] != 0 {
		t.Errorf("g before arrival: %v, %v", g[0][at(3.0)], g[1][at(3.0)])
	}
	if math.Abs(g[0][at(3.1)]-1e-9) > 1e-18 || math.Abs(g[1][at(3.1)]-6e-9) > 1e-18 || g[2][at(3.1)] != 0 {
		t.Errorf("g after arrival: %v %v %v, want 1, 6, 0 nS", g[0][at(3.1)], g[1][at(3.1)], g[2][at(3.1)])
	}
	// Exact decay between events, then the second spike of neuron 0 at 6 ms.
	want := 1e-9*math.Exp(-3.0/5) + 1e-9
	if math.Abs(g[0][at(6.1)]-want) > 1e-15 {
		t.Errorf("g[0] at 6.1 ms = %v, want %v", g[0][at(6.1)], want)
	}
	if pre, _ := syn.Events(); pre != 5 {
		t.Errorf("%d events delivered, want 5", pre)
	}
}

// Fixed-probability connection: the number of synapses is binomial with
// n = 200*300 pairs and p = 0.1 (mean 6000, standard deviation 73); the
// test allows 4 standard deviations. The condition i != j removes the
// diagonal, and a second Connect adds to the first.
func TestConnect(t *testing.T) {
	n := newNet(t, Options{Seed: 3})
	a, _ := n.NeuronGroup(Neurons{N: 200, Model: "v : 1"})
	b, _ := n.NeuronGroup(Neurons{N: 300, Model: "v : 1"})
	s, err := n.Synapses(Synapses{Source: a, Target: b, Model: "w : 1"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Connect(P(0.1)); err != nil {
		t.Fatal(err)
	}
	if got := s.N(); math.Abs(float64(got)-6000) > 4*73 {
		t.Errorf("%d synapses, want 6000 +- 292", got)
	}
	// Each target column gets about 20 synapses: no systematic hole.
	perTarget := make([]int, 300)
	for _, j := range s.J() {
		perTarget[j]++
	}
	for j := 0; j < 300; j += 50 {
		sum := 0
		for _, c := range perTarget[j : j+50] {
			sum += c
		}
		if math.Abs(float64(sum)-1000) > 4*30 {
			t.Errorf("targets %d-%d have %d synapses, want 1000 +- 120", j, j+49, sum)
		}
	}
	// Synapses are numbered by presynaptic, then postsynaptic neuron: the
	// new ones take their places among the old.
	diagonal := func() (n int) {
		I, J := s.I(), s.J()
		for k := range I {
			if I[k] == J[k] && J[k] < 10 {
				n++
			}
		}
		for k := 1; k < len(I); k++ {
			if I[k] < I[k-1] || (I[k] == I[k-1] && J[k] < J[k-1]) {
				t.Fatalf("synapse %d (%d -> %d) after synapse %d (%d -> %d)", k, I[k], J[k], k-1, I[k-1], J[k-1])
			}
		}
		return n
	}
	before, diag := s.N(), diagonal()
	if err := s.Connect(Condition("i == j and j < 10")); err != nil {
		t.Fatal(err)
	}
	if s.N()-before != 10 || diagonal() != diag+10 {
		t.Errorf("the condition made %d synapses, %d of them i == j < 10; want 10", s.N()-before, diagonal()-diag)
	}
	c, _ := n.Synapses(Synapses{Source: a, Target: a})
	if err := c.Connect(Condition("i != j"), Multiplicity(2)); err != nil {
		t.Fatal(err)
	}
	if c.N() != 2*200*199 {
		t.Errorf("all-to-all without self-connections, 2 each: %d synapses, want %d", c.N(), 2*200*199)
	}
	if err := c.Connect(Multiplicity(1 << 30)); err == nil {
		t.Error("accepted 2^30 synapses per pair")
	}
	if err := c.Connect(P(1.5)); err == nil {
		t.Error("a probability of 1.5 was accepted")
	}
	if err := s.Connect(Condition("v_pre + 1")); err == nil {
		t.Error("a non-boolean condition was accepted")
	}
}

// Pair-based STDP with event-driven traces (as seed 000): a presynaptic
// spike at 10 ms and a postsynaptic one at 10 ms + d change w by
// eta*exp(-d/tau) in the on_post pathway (the pre trace has decayed for d).
func TestEventDrivenSTDP(t *testing.T) {
	for _, d := range []float64{2, 5, 20} {
		n := newNet(t, Options{})
		pre, _ := n.SpikeGeneratorGroup(SpikeGenerator{N: 1, Indices: []int{0}, Times: Times(unit.Millisecond, 10)})
		post, _ := n.SpikeGeneratorGroup(SpikeGenerator{N: 1, Indices: []int{0}, Times: Times(unit.Millisecond, 10+d)})
		syn, err := n.Synapses(Synapses{Source: pre, Target: post, Model: `
w : 1
dA_pre/dt = -A_pre/tau : 1 (event-driven)
dA_post/dt = -A_post/tau : 1 (event-driven)
`, OnPre: "A_pre += 1\nw = clip(w + A_post*eta, 0, 1)", OnPost: "A_post += 1\nw = clip(w + A_pre*eta, 0, 1)",
			Namespace: Namespace{"tau": unit.Q(20, unit.Millisecond), "eta": 0.01}})
		if err != nil {
			t.Fatal(err)
		}
		if err := syn.Connect(); err != nil {
			t.Fatal(err)
		}
		run(t, n, unit.Q(50, unit.Millisecond))
		w, _ := syn.Get("w")
		want := 0.01 * math.Exp(-d/20)
		if math.Abs(w[0]-want) > 1e-12 {
			t.Errorf("d = %g ms: w = %.12g, want %.12g", d, w[0], want)
		}
	}
}

// Tsodyks-Markram short-term depression and facilitation (seed 001's
// synapse): for regular presynaptic spikes every T the closed-form
// recursion is u' = U + (u + U(1-u) - U) e^{-T/tf}, x' = 1 + (x(1-u) - 1) e^{-T/tr},
// with the release u*x computed before the updates.
func TestTsodyksSynapse(t *testing.T) {
	n := newNet(t, Options{})
	var times []float64
	for k := 0; k < 10; k++ {
		times = append(times, 5+20*float64(k))
	}
	idx := make([]int, len(times))
	pre, _ := n.SpikeGeneratorGroup(SpikeGenerator{N: 1, Indices: idx, Times: Times(unit.Millisecond, times...)})
	post, _ := n.NeuronGroup(Neurons{N: 1, Model: "g : 1"})
	syn, err := n.Synapses(Synapses{Source: pre, Target: post, Model: `
w : 1
U : 1
tau_rec : second
tau_facil : second
dx/dt = (1 - x)/tau_rec : 1 (event-driven)
du/dt = (U - u)/tau_facil : 1 (event-driven)
`, OnPre: "g += w*u*x\nx *= (1 - u)\nu += U*(1 - u)"})
	if err != nil {
		t.Fatal(err)
	}
	if err := syn.Connect(OneToOne()); err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]any{"w": 1.0, "U": 0.1, "x": 1.0, "u": 0.1,
		"tau_rec": unit.Q(100, unit.Millisecond), "tau_facil": unit.Q(300, unit.Millisecond)} {
		if err := syn.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	run(t, n, unit.Q(200, unit.Millisecond))
	// The recursion, starting from the state at the first spike (the
	// first spike at 5 ms finds x = 1 and u relaxed from 0.1 towards U =
	// 0.1: unchanged).
	x, u, g := 1.0, 0.1, 0.0
	for k := range times {
		if k > 0 {
			T := 20e-3
			x = 1 + (x-1)*math.Exp(-T/0.1)
			u = 0.1 + (u-0.1)*math.Exp(-T/0.3)
		}
		g += u * x
		x *= 1 - u
		u += 0.1 * (1 - u)
	}
	got, _ := post.Get("g")
	if math.Abs(got[0]-g) > 1e-12 {
		t.Errorf("summed release %.12g, recursion gives %.12g", got[0], g)
	}
}

// Heterogeneous delays: each synapse delivers after its own delay, and
// several spikes of one neuron are in flight at once.
func TestHeterogeneousDelays(t *testing.T) {
	n := newNet(t, Options{})
	gen, _ := n.SpikeGeneratorGroup(SpikeGenerator{N: 1, Indices: []int{0, 0, 0}, Times: Times(unit.Millisecond, 0, 1, 2)})
	post, _ := n.NeuronGroup(Neurons{N: 4, Model: "count : 1\nlast : second"})
	syn, err := n.Synapses(Synapses{Source: gen, Target: post, OnPre: "count += 1\nlast = t", Delay: "(1 + 3*j)*ms"})
	if err != nil {
		t.Fatal(err)
	}
	if err := syn.Connect(); err != nil {
		t.Fatal(err)
	}
	run(t, n, unit.Q(20, unit.Millisecond))
	count, _ := post.Get("count")
	last, _ := post.Get("last")
	for j := 0; j < 4; j++ {
		want := (2 + 1 + 3*float64(j)) * 1e-3
		if count[j] != 3 || math.Abs(last[j]-want) > 1e-12 {
			t.Errorf("target %d: %v arrivals, last at %v s; want 3, %v s", j, count[j], last[j], want)
		}
	}
}

// A summed variable writes the sum over each neuron's synapses every step.
func TestSummed(t *testing.T) {
	n := newNet(t, Options{})
	a, _ := n.NeuronGroup(Neurons{N: 3, Model: "x : 1"})
	b, _ := n.NeuronGroup(Neurons{N: 2, Model: "total : 1"})
	if err := a.Set("x", []float64{1, 2, 4}); err != nil {
		t.Fatal(err)
	}
	s, err := n.Synapses(Synapses{Source: a, Target: b, Model: "w : 1\ntotal_post = w*x_pre : 1 (summed)"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Connect(Pairs([]int{0, 1, 2, 2}, []int{0, 0, 0, 1})); err != nil {
		t.Fatal(err)
	}
	if err := s.Set("w", "j + 1"); err != nil {
		t.Fatal(err)
	}
	run(t, n, unit.Q(0.2, unit.Millisecond))
	total, _ := b.Get("total")
	if total[0] != 7 || total[1] != 8 {
		t.Errorf("total = %v, want [7 8]", total)
	}
}

// A Poisson group fires at its rate: over 2000 neurons x 1 s at 20 Hz the
// count is Poisson with mean 40000 (sd 200); the Bernoulli-per-step
// process is exact up to the per-step probability (rate*dt = 0.002 per
// step, so the binomial variance is 0.2 % below Poisson's).
func TestPoissonGroupRate(t *testing.T) {
	n := newNet(t, Options{Seed: 9})
	p, err := n.PoissonGroup(Poisson{N: 2000, Rates: unit.Q(20, unit.Hertz)})
	if err != nil {
		t.Fatal(err)
	}
	sm, err := n.SpikeMonitor(p)
	if err != nil {
		t.Fatal(err)
	}
	run(t, n, unit.Q(1, unit.Second))
	if c := float64(sm.Num()); math.Abs(c-40000) > 4*200 {
		t.Errorf("%v spikes, want 40000 +- 800", c)
	}
	q, err := n.PoissonGroup(Poisson{N: 1000, Rates: "50*Hz*(t > 1.5*second)"})
	if err != nil {
		t.Fatal(err)
	}
	sq, err := n.SpikeMonitor(q)
	if err != nil {
		t.Fatal(err)
	}
	run(t, n, unit.Q(1, unit.Second))
	early := 0
	for _, ts := range sq.T() {
		if ts < 1.5 {
			early++
		}
	}
	if early != 0 || math.Abs(float64(sq.Num())-25000) > 4*158 {
		t.Errorf("time-dependent rate: %d spikes in the silent half, %d in all (want 0 and 25000)", early, sq.Num())
	}
}

// Synapses may not connect groups of another network, and bad pathway
// code is an error naming the line.
func TestSynapseErrors(t *testing.T) {
	n1, n2 := newNet(t, Options{}), newNet(t, Options{})
	a, _ := n1.NeuronGroup(Neurons{N: 2, Model: "v : volt"})
	b, _ := n2.NeuronGroup(Neurons{N: 2, Model: "v : volt"})
	if _, err := n1.Synapses(Synapses{Source: a, Target: b}); err == nil {
		t.Error("connected groups of two networks")
	}
	cases := []Synapses{
		{Source: a, Target: a, OnPre: "u += 1*mV"},
		{Source: a, Target: a, OnPre: "v += 1*nS"},
		{Source: a, Target: a, Model: "w : 1", OnPre: "v += w"},
		{Source: a, Target: a, OnPre: "v += 1*mV", Delay: unit.Q(1, unit.Millivolt)},
		{Source: a, Target: a, OnPre: "v += 1*mV", Delay: unit.Q(-1, unit.Millisecond)},
		{Source: a, Target: a, Model: "dx/dt = -x*v_post/(ms*mV) : 1 (event-driven)", OnPre: "x += 1"},
		{Source: a, Target: a, OnPre: "t = 1*ms"},
	}
	for _, c := range cases {
		if _, err := n1.Synapses(c); err == nil {
			t.Errorf("accepted %+v", c)
		} else {
			t.Log(err)
		}
	}
	s, _ := n1.Synapses(Synapses{Source: a, Target: a, OnPre: "v += 1*mV", Delay: "rand()*mV"})
	if err := s.Connect(); err == nil {
		t.Error("a delay in mV was accepted")
	}
}

// A delay too long for the spike queues is an error, not an allocation
// that exhausts memory.
func TestDelayTooLong(t *testing.T) {
	for _, d := range []any{unit.Q(1e6, unit.Second), "1e9*second*(i+1)"} {
		n := newNet(t, Options{})
		g, _ := n.NeuronGroup(Neurons{N: 2, Model: "v : 1", Threshold: "True"})
		s, err := n.Synapses(Synapses{Source: g, Target: g, OnPre: "v += 1", Delay: d})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Connect(); err != nil {
			t.Fatal(err)
		}
		if err := n.Run(unit.Q(1, unit.Millisecond)); err == nil {
			t.Errorf("delay %v: no error", d)
		}
	}
}

// Synapses take 12 bytes each with one float64 variable and one delay for
// all (the variable and a 32-bit postsynaptic index; rows cost 4 bytes per
// presynaptic neuron), more only for what they need: per-synapse delays,
// the order by postsynaptic neuron for on_post, each synapse's presynaptic
// neuron where on_post reads a presynaptic trace (kept per neuron, with no
// per-synapse lastupdate), per-synapse event-driven variables and their
// lastupdate.
func TestSynapseMemory(t *testing.T) {
	n := newNet(t, Options{})
	a, _ := n.NeuronGroup(Neurons{N: 1000, Model: "v : 1"})
	cases := []struct {
		spec Synapses
		want float64 // bytes per synapse
	}{
		{Synapses{Model: "w : 1", OnPre: "v += w", Delay: unit.Q(1, unit.Millisecond)}, 12},
		{Synapses{OnPre: "v += 1"}, 4},
		{Synapses{Model: "w : 1", OnPre: "v += w", Delay: "rand()*ms"}, 12 + 8 + 4},
		{Synapses{Model: "w : 1\ndA/dt = -A/(20*ms) : 1 (event-driven)", OnPre: "v += w\nA += 1", OnPost: "w += A"}, 12 + 4 + 4},
		{Synapses{Model: "w : 1\ndB/dt = -B/(20*ms) : 1 (event-driven)", OnPre: "v += w\nw += B", OnPost: "B += 1"}, 12 + 4},
		{Synapses{Model: "w : 1\ndA/dt = -A/(20*ms) : 1 (event-driven)", OnPre: "v += w\nA = A*0.5 + 1", OnPost: "w += A"}, 12 + 8 + 8 + 4},
	}
	for _, c := range cases {
		c.spec.Source, c.spec.Target = a, a
		s, err := n.Synapses(c.spec)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Connect(); err != nil {
			t.Fatal(err)
		}
		run(t, n, unit.Q(0.1, unit.Millisecond)) // compile: rows, orders, delays in steps
		// Rows, the order by postsynaptic neuron and the rows cut per thread
		// cost 4 bytes per neuron each: 0.004 per synapse here.
		if got := float64(s.Bytes()) / float64(s.N()); got > c.want+0.02 || got < c.want {
			t.Errorf("%q / %q: %.3f bytes per synapse, want %g", c.spec.Model, c.spec.OnPost, got, c.want)
		}
	}
}
