package cajal

import (
	"math"

	"github.com/cajal-sim/cajal/cluster"
	"github.com/cajal-sim/cajal/internal/sim"
	"path/filepath"
	"testing"

	"github.com/cajal-sim/cajal/unit"
)

// traceNet is pair STDP between Poisson sources and neurons that fire at
// random (their spikes do not depend on the weights), with a delay on
// on_pre. With pin, a SynapseMonitor of both traces keeps them per
// synapse, as Brian2 does; without, they are kept per neuron.
func traceNet(t *testing.T, pin bool, opts Options) (*Network, *SynapseGroup) {
	t.Helper()
	n, s, err := buildTraceNet(pin, opts)
	if err != nil {
		t.Fatal(err)
	}
	return n, s
}

func buildTraceNet(pin bool, opts Options) (*Network, *SynapseGroup, error) {
	opts.Seed = 5
	n, err := NewNetwork(opts)
	if err != nil {
		return nil, nil, err
	}
	src, err := n.PoissonGroup(Poisson{N: 200, Rates: unit.Q(40, unit.Hertz)})
	if err != nil {
		return nil, nil, err
	}
	tgt, err := n.NeuronGroup(Neurons{N: 120, Model: "dg/dt = -g/(5*ms) : 1", Threshold: "rand() < 0.004", Method: "exact"})
	if err != nil {
		return nil, nil, err
	}
	s, err := n.Synapses(Synapses{Source: src, Target: tgt, Model: `w : 1
dA/dt = -A/(20*ms) : 1 (event-driven)
dB/dt = -B/(30*ms) : 1 (event-driven)`,
		OnPre: "g += w\nA += 0.01\nw = clip(w + B, 0, 0.2)", OnPost: "B -= 0.012\nw = clip(w + A, 0, 0.2)",
		Delay: unit.Q(1, unit.Millisecond)})
	if err != nil {
		return nil, nil, err
	}
	if err := s.Connect(P(0.3)); err != nil {
		return nil, nil, err
	}
	if err := s.Set("w", "0.1*rand()"); err != nil {
		return nil, nil, err
	}
	if pin {
		if _, err := n.SynapseMonitor(s, []string{"A", "B"}, []int{0}, unit.Q(10, unit.Millisecond)); err != nil {
			return nil, nil, err
		}
	}
	return n, s, nil
}

func get(t *testing.T, s *SynapseGroup, name string) []float64 {
	t.Helper()
	v, err := s.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// close reports the largest difference between a and b relative to the
// largest magnitude in b.
func relDiff(a, b []float64) float64 {
	scale, d := 0.0, 0.0
	for i := range b {
		scale = max(scale, math.Abs(b[i]))
		d = max(d, math.Abs(a[i]-b[i]))
	}
	if scale == 0 {
		return d
	}
	return d / scale
}

// Traces kept per neuron give the weights, traces and lastupdate that
// per-synapse traces give, to rounding: both are the same function of the
// spike times, the decays computed at other moments. Tolerance 1e-12:
// each of the ~10^3 events a weight sees adds a trace value with a few
// ulps of difference (~1e-16 relative each). The weights moved by far
// more than that (the rule runs), and the memory per synapse is lower.
func TestTracesPerNeuronAsPerSynapse(t *testing.T) {
	nPer, sPer := traceNet(t, false, Options{})
	nSyn, sSyn := traceNet(t, true, Options{})
	w0 := get(t, sSyn, "w")
	run(t, nPer, unit.Q(300, unit.Millisecond))
	run(t, nSyn, unit.Q(300, unit.Millisecond))
	// A, B and lastupdate go (24 bytes); on_post's list of presynaptic
	// neurons comes (4): 20 bytes less, within rounding of the rows.
	if bp, bs := float64(sPer.Bytes())/float64(sPer.N()), float64(sSyn.Bytes())/float64(sSyn.N()); math.Abs(bs-bp-20) > 0.5 {
		t.Errorf("per neuron %.1f bytes per synapse, per synapse %.1f: want 20 less", bp, bs)
	}
	wPer, wSyn := get(t, sPer, "w"), get(t, sSyn, "w")
	if d := relDiff(wPer, wSyn); d > 1e-12 {
		t.Errorf("weights differ by %g relative", d)
	}
	if d := relDiff(wSyn, w0); d < 1e-3 {
		t.Errorf("the weights hardly changed (%g): the test would not see a wrong rule", d)
	}
	for _, v := range []string{"A", "B"} {
		if d := relDiff(get(t, sPer, v), get(t, sSyn, v)); d > 1e-12 {
			t.Errorf("%s differs by %g relative", v, d)
		}
	}
	lp, ls := get(t, sPer, "lastupdate"), get(t, sSyn, "lastupdate")
	for i := range ls {
		if lp[i] != ls[i] {
			t.Fatalf("synapse %d: lastupdate %v per neuron, %v per synapse", i, lp[i], ls[i])
		}
	}
	// Get read the traces without moving them: the next run still keeps
	// them per neuron.
	run(t, nPer, unit.Q(10, unit.Millisecond))
	if _, ok := sPer.ss.Arrays["A"]; ok {
		t.Errorf("Get moved A to the synapses")
	}
}

// Setting a trace moves it to the synapses; a run starts it per neuron
// again once every synapse holds 0, and runs it per synapse otherwise.
// Either way the weights follow the per-synapse network's, and lastupdate
// is the same, also after a run with every trace per synapse.
func TestTracesSet(t *testing.T) {
	nPer, sPer := traceNet(t, false, Options{})
	nSyn, sSyn := traceNet(t, true, Options{})
	for _, set := range []map[string]float64{{"A": 0}, {"A": 0.5}, {"A": 0.5, "B": -0.5}, {"A": 0, "B": 0}} {
		run(t, nPer, unit.Q(50, unit.Millisecond))
		run(t, nSyn, unit.Q(50, unit.Millisecond))
		for v, x := range set {
			for _, s := range []*SynapseGroup{sPer, sSyn} {
				if err := s.Set(v, x); err != nil {
					t.Fatal(err)
				}
			}
			if _, ok := sPer.ss.Arrays[v]; !ok {
				t.Fatalf("Set left %s per neuron", v)
			}
		}
		run(t, nPer, unit.Q(50, unit.Millisecond))
		run(t, nSyn, unit.Q(50, unit.Millisecond))
		for v, x := range set {
			if _, perSyn := sPer.ss.Arrays[v]; perSyn != (x != 0) {
				t.Errorf("%v: %s per synapse %v in the next run", set, v, perSyn)
			}
		}
		if d := relDiff(get(t, sPer, "w"), get(t, sSyn, "w")); d > 1e-12 {
			t.Errorf("%v: weights differ by %g relative", set, d)
		}
		if d := sameBits(get(t, sPer, "lastupdate"), get(t, sSyn, "lastupdate")); d != "" {
			t.Errorf("%v: lastupdate: %s", set, d)
		}
	}
}

// Store and Restore, and a checkpoint resumed by a new network, bring back
// traces kept per neuron exactly: the continued runs agree bit for bit.
func TestTracesRestoreAndResume(t *testing.T) {
	n, s := traceNet(t, false, Options{})
	run(t, n, unit.Q(40, unit.Millisecond))
	if err := n.Store("x"); err != nil {
		t.Fatal(err)
	}
	ck := filepath.Join(t.TempDir(), "ck")
	if err := n.Checkpoint(ck); err != nil {
		t.Fatal(err)
	}
	run(t, n, unit.Q(40, unit.Millisecond))
	want := get(t, s, "w")
	if err := n.Restore("x"); err != nil {
		t.Fatal(err)
	}
	run(t, n, unit.Q(40, unit.Millisecond))
	same := func(what string, got []float64) {
		for i := range want {
			if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
				t.Fatalf("%s: synapse %d has w = %v, want %v", what, i, got[i], want[i])
			}
		}
	}
	same("restored", get(t, s, "w"))
	n2, s2 := traceNet(t, false, Options{})
	if err := n2.Resume(ck); err != nil {
		t.Fatal(err)
	}
	run(t, n2, unit.Q(40, unit.Millisecond))
	same("resumed", get(t, s2, "w"))
}

// The traces kept per neuron give the same bits at any thread count and
// in both tiers.
func TestTracesThreadsAndTiers(t *testing.T) {
	var want []float64
	for _, o := range []Options{{Threads: 1, Tier: TierInterp}, {Threads: 2, Tier: TierInterp}, {Threads: 1, Tier: TierNative}, {Threads: 3, Tier: TierNative}} {
		if o.Tier == TierNative && NativeAvailable() != nil {
			continue
		}
		n, s := traceNet(t, false, o)
		run(t, n, unit.Q(60, unit.Millisecond))
		got := get(t, s, "w")
		if want == nil {
			want = got
			continue
		}
		for i := range want {
			if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
				t.Fatalf("%+v: synapse %d has w = %v, want %v", o, i, got[i], want[i])
			}
		}
	}
}

// Split over processes, each keeps the presynaptic traces of every
// neuron (from the spikes all receive) and the postsynaptic traces of its
// own: every rank ends with one process's weights and traces, bit for bit.
func TestTracesSplit(t *testing.T) {
	state := func(n *Network, s *SynapseGroup) ([]float64, error) {
		if err := n.Run(unit.Q(60, unit.Millisecond)); err != nil {
			return nil, err
		}
		var out []float64
		for _, v := range []string{"w", "A", "B", "lastupdate"} {
			x, err := s.Get(v)
			if err != nil {
				return nil, err
			}
			out = append(out, x...)
		}
		return out, nil
	}
	n, s := traceNet(t, false, Options{})
	want, err := state(n, s)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []int{2, 3} {
		got, err := runRanks(k, func(c cluster.Comm) ([]float64, error) {
			n, s, err := buildTraceNet(false, Options{Comm: c, Threads: 2})
			if err != nil {
				return nil, err
			}
			return state(n, s)
		})
		if err != nil {
			t.Fatal(err)
		}
		for r, g := range got {
			if d := sameBits(g, want); d != "" {
				t.Errorf("%d ranks, rank %d: %s", k, r, d)
			}
		}
	}
}

// A pathway with many events reads the other side's traces decayed once
// per neuron (sim.NowEvents), one with few decays them per synapse: the
// two give the same bits, in both tiers.
func TestTracesNowSameBits(t *testing.T) {
	defer func(x float64) { sim.NowEvents = x }(sim.NowEvents)
	var want []float64
	for _, tier := range []Tier{TierInterp, TierNative} {
		if tier == TierNative && NativeAvailable() != nil {
			continue
		}
		for _, now := range []float64{0, math.Inf(1)} {
			sim.NowEvents = now
			n := newNet(t, Options{Seed: 3, Tier: tier})
			src, _ := n.PoissonGroup(Poisson{N: 60, Rates: unit.Q(300, unit.Hertz)})
			tgt, _ := n.NeuronGroup(Neurons{N: 50, Model: "dg/dt = -g/(5*ms) : 1", Threshold: "rand() < 0.03", Method: "exact"})
			s, err := n.Synapses(Synapses{Source: src, Target: tgt, Model: "w : 1\ndA/dt = -A/(20*ms) : 1 (event-driven)\ndB/dt = -B/(30*ms) : 1 (event-driven)",
				OnPre: "g += w\nA += 0.01\nw = clip(w + B, 0, 0.2)", OnPost: "B -= 0.012\nw = clip(w + A, 0, 0.2)"})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Connect(); err != nil {
				t.Fatal(err)
			}
			if err := s.Set("w", 0.1); err != nil {
				t.Fatal(err)
			}
			run(t, n, unit.Q(50, unit.Millisecond))
			got := get(t, s, "w")
			if want == nil {
				want = got
				if relDiff(got, make([]float64, len(got))) == 0 {
					t.Fatal("no weight changed")
				}
				continue
			}
			if d := sameBits(got, want); d != "" {
				t.Errorf("%v, NowEvents %v: %s", tier, now, d)
			}
		}
	}
}
