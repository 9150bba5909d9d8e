package cajal

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/cajal-sim/cajal/cluster"
	"github.com/cajal-sim/cajal/unit"
)

// splitNet builds a network a user might split over processes: noise,
// refractoriness, Poisson sources and a PoissonInput, homogeneous and
// per-synapse delays, STDP on both pathways, clock-driven synapses with
// noise and a summed variable, a spike monitor recording a variable and a
// state monitor. It runs it for d and returns everything it can read back:
// spikes, recorded values, final state of neurons and synapses.
func splitNet(opts Options, d unit.Quantity) ([]float64, error) {
	return splitNetDelays(opts, d, false)
}

// splitNetDelays is splitNet; with delayed, every synapse from a neuron
// group delays its events by at least 0.2 ms (two steps), so that the
// processes may exchange spikes in batches, and the spike monitor records
// no variable.
func splitNetDelays(opts Options, d unit.Quantity, delayed bool) ([]float64, error) {
	n, err := NewNetwork(opts)
	if err != nil {
		return nil, err
	}
	ms := unit.Millisecond
	g, err := n.NeuronGroup(Neurons{Name: "g", N: 1100, Model: `
dv/dt = (-v + 1.1 + ge - gi + s + 0.3*sqrt(10*ms)*xi)/(10*ms) : 1 (unless refractory)
dge/dt = -ge/(5*ms) : 1
dgi/dt = -gi/(10*ms) : 1
s : 1
`, Threshold: "v > 1", Reset: "v = 0.2*rand()", Refractory: "2*ms", Method: "euler",
		Events: map[string]string{"high": "ge > 0.3 and rand() < 0.5"}})
	if err != nil {
		return nil, err
	}
	if err := g.Set("v", "rand()"); err != nil {
		return nil, err
	}
	src, err := n.PoissonGroup(Poisson{Name: "src", N: 200, Rates: unit.Q(20, unit.Hertz)})
	if err != nil {
		return nil, err
	}
	exc, _ := g.Slice(0, 900)
	inh, _ := g.Slice(900, 1100)
	ee, err := n.Synapses(Synapses{Name: "ee", Source: exc, Target: g, Model: `w : 1
dApre/dt = -Apre/(20*ms) : 1 (event-driven)
dApost/dt = -Apost/(20*ms) : 1 (event-driven)`,
		OnPre: "ge += w\nApre += 0.01\nw = clip(w + Apost, 0, 0.1)", OnPost: "Apost -= 0.012\nw = clip(w + Apre, 0, 0.1)",
		Delay: unit.Q(1.5, ms)})
	if err != nil {
		return nil, err
	}
	ieDelay, inDelay := "rand()*3*ms", unit.Q(0, ms)
	if delayed {
		ieDelay, inDelay = "0.2*ms + rand()*3*ms", unit.Q(0.5, ms)
	}
	ie, err := n.Synapses(Synapses{Name: "ie", Source: inh, Target: g, Model: "w : 1", OnPre: "gi += w", Delay: ieDelay})
	if err != nil {
		return nil, err
	}
	in, err := n.Synapses(Synapses{Name: "in", Source: src, Target: g, OnPre: "ge += 0.05", Delay: inDelay})
	if err != nil {
		return nil, err
	}
	gap, err := n.Synapses(Synapses{Name: "gap", Source: g, Target: g, Model: `
dx/dt = (v_post - x)/(3*ms) + 0.1*xi/sqrt(ms) : 1 (clock-driven)
s_post = 0.002*x : 1 (summed)
`, Method: "euler"})
	if err != nil {
		return nil, err
	}
	for _, c := range []struct {
		s    *SynapseGroup
		rule ConnectOption
	}{{ee, P(0.04)}, {ie, P(0.1)}, {in, FixedInDegree(5)}, {gap, P(0.003)}} {
		if err := c.s.Connect(c.rule); err != nil {
			return nil, err
		}
	}
	if err := ee.Set("w", Uniform{0.0, 0.05}); err != nil {
		return nil, err
	}
	if err := ie.Set("w", "0.1*rand()"); err != nil {
		return nil, err
	}
	if err := n.PoissonInput(PoissonInput{Target: inh, Var: "ge", N: 20, Rate: unit.Q(5, unit.Hertz), Weight: 0.02}); err != nil {
		return nil, err
	}
	var vars []MonitorOption
	if !delayed {
		vars = append(vars, Variables("ge"))
	}
	spikes, err := n.SpikeMonitor(g, vars...)
	if err != nil {
		return nil, err
	}
	rate, err := n.PopulationRateMonitor(exc)
	if err != nil {
		return nil, err
	}
	states, err := n.StateMonitor(g, []string{"v", "gi"}, []int{0, 5, 600, 1099}, unit.Q(0.5, ms))
	if err != nil {
		return nil, err
	}
	wmon, err := n.SynapseMonitor(ee, []string{"w", "Apre"}, []int{0, 7, 1000, 20000, 35000}, unit.Q(1, ms))
	if err != nil {
		return nil, err
	}
	if err := ie.RunRegularly("w = w*0.99 + 0.001*rand()", unit.Q(2, ms)); err != nil {
		return nil, err
	}
	var events *EventMonitor
	if !delayed { // an event monitor reads other processes' neurons at every step
		if events, err = n.EventMonitor(g, "high", Variables("ge", "v")); err != nil {
			return nil, err
		}
	}
	var recorders []*WeightRecorder
	for _, path := range []string{"pre", "post"} {
		wr, err := ee.WeightRecorder("w", path)
		if err != nil {
			return nil, err
		}
		recorders = append(recorders, wr)
	}
	if err := n.Run(d); err != nil {
		return nil, err
	}
	// A second run continues where the first stopped, with more
	// synapses (per-synapse delays: events of the old ones are on their
	// way) and a new synapse group.
	if err := ee.Set("w", "w*0.9"); err != nil {
		return nil, err
	}
	if err := ie.Connect(P(0.05)); err != nil {
		return nil, err
	}
	late, err := n.Synapses(Synapses{Name: "late", Source: exc, Target: inh, Model: "w : 1", OnPre: "ge += w", Delay: "0.5*ms + rand()*ms"})
	if n.sim.Split() && delayed && n.sim.LastBatch < 2 {
		return nil, fmt.Errorf("the spikes were exchanged every %d steps, want batches", n.sim.LastBatch)
	}
	if err != nil {
		return nil, err
	}
	if err := late.Connect(P(0.05)); err != nil {
		return nil, err
	}
	if err := late.Set("w", "0.02*rand()"); err != nil {
		return nil, err
	}
	if err := n.Run(d); err != nil {
		return nil, err
	}
	var out []float64
	for _, v := range []string{"w", "Apre"} {
		tr, err := wmon.Values(v)
		if err != nil {
			return nil, err
		}
		for _, x := range tr {
			out = append(out, x...)
		}
	}
	if events != nil {
		if events.Num() < 100 {
			return nil, fmt.Errorf("only %d events of the event monitor: the test needs more", events.Num())
		}
		for _, i := range events.I() {
			out = append(out, float64(i))
		}
		out = append(out, events.T()...)
		for _, v := range []string{"ge", "v"} {
			x, err := events.Values(v)
			if err != nil {
				return nil, err
			}
			out = append(out, x...)
		}
	}
	for _, wr := range recorders {
		for _, ints := range [][]int32{wr.Senders(), wr.Targets(), wr.Synapses()} {
			for _, x := range ints {
				out = append(out, float64(x))
			}
		}
		out = append(out, wr.Times()...)
		out = append(out, wr.Values()...)
	}
	for _, i := range spikes.I() {
		out = append(out, float64(i))
	}
	out = append(out, spikes.T()...)
	if !delayed {
		ge, err := spikes.Values("ge")
		if err != nil {
			return nil, err
		}
		out = append(out, ge...)
	}
	out = append(out, rate.Rate()...)
	for _, v := range []string{"v", "gi"} {
		tr, err := states.Values(v)
		if err != nil {
			return nil, err
		}
		for _, x := range tr {
			out = append(out, x...)
		}
	}
	for _, v := range []string{"v", "ge", "gi", "s", "lastspike"} {
		x, err := g.Get(v)
		if err != nil {
			return nil, err
		}
		out = append(out, x...)
	}
	for _, sv := range []struct {
		s *SynapseGroup
		v string
	}{{ee, "w"}, {ee, "Apre"}, {ee, "Apost"}, {ie, "w"}, {ie, "delay"}, {gap, "x"}, {late, "w"}, {late, "delay"}} {
		x, err := sv.s.Get(sv.v)
		if err != nil {
			return nil, err
		}
		out = append(out, x...)
	}
	for _, s := range []*SynapseGroup{ee, ie, in, gap, late} {
		out = append(out, float64(s.N()))
		for _, i := range s.I() {
			out = append(out, float64(i))
		}
		for _, j := range s.J() {
			out = append(out, float64(j))
		}
	}
	return out, nil
}

// runRanks runs build on k ranks in this process (cluster.Local) and
// returns each rank's result.
func runRanks[T any](k int, build func(c cluster.Comm) (T, error)) ([]T, error) {
	comms := cluster.Local(k)
	out := make([]T, k)
	errs := make([]error, k)
	var wg sync.WaitGroup
	for r := range comms {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[r], errs[r] = build(comms[r])
		}()
	}
	wg.Wait()
	return out, errors.Join(errs...)
}

// sameBits reports where two results first differ, or "".
func sameBits(got, want []float64) string {
	if len(got) != len(want) {
		return fmt.Sprintf("%d values, want %d", len(got), len(want))
	}
	for i := range got {
		if math.Float64bits(got[i]) != math.Float64bits(want[i]) && !(math.IsNaN(got[i]) && math.IsNaN(want[i])) {
			return fmt.Sprintf("value %d is %v, want %v", i, got[i], want[i])
		}
	}
	return ""
}

// A network split over 2 or 3 ranks, with 1 or 2 threads each, gives
// every rank the spikes, records and final state of one process, bit for
// bit.
func TestSplitSameAsOneProcess(t *testing.T) {
	d := unit.Q(30, unit.Millisecond)
	want, err := splitNet(Options{Seed: 11, Threads: 1, Tier: TierInterp}, d)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 100000 {
		t.Fatalf("the reference run gave only %d values", len(want))
	}
	cases := []struct {
		ranks, threads int
		tier           Tier
	}{{2, 1, TierInterp}, {3, 1, TierInterp}, {4, 1, TierInterp}, {2, 2, TierInterp}}
	if NativeAvailable() == nil {
		cases = append(cases, struct {
			ranks, threads int
			tier           Tier
		}{3, 2, TierNative})
	}
	for _, c := range cases {
		got, err := runRanks(c.ranks, func(comm cluster.Comm) ([]float64, error) {
			return splitNet(Options{Seed: 11, Threads: c.threads, Tier: c.tier, Comm: comm}, d)
		})
		if err != nil {
			t.Fatalf("%d ranks: %v", c.ranks, err)
		}
		for r := range got {
			if diff := sameBits(got[r], want); diff != "" {
				t.Errorf("%d ranks x %d threads (%v), rank %d: %s", c.ranks, c.threads, c.tier, r, diff)
			}
		}
	}
}

// The same network with another seed is a different network: the test
// above compares things that depend on the random streams.
func TestSplitComparisonSeesSeed(t *testing.T) {
	d := unit.Q(10, unit.Millisecond)
	a, err := splitNet(Options{Seed: 11, Threads: 1, Tier: TierInterp}, d)
	if err != nil {
		t.Fatal(err)
	}
	got, err := runRanks(2, func(comm cluster.Comm) ([]float64, error) {
		return splitNet(Options{Seed: 12, Threads: 1, Tier: TierInterp, Comm: comm}, d)
	})
	if err != nil {
		t.Fatal(err)
	}
	if sameBits(got[0], a) == "" {
		t.Fatal("seeds 11 and 12 gave the same results")
	}
}

// What a split network cannot compute is refused with a clear error, on
// every rank.
func TestSplitRefuses(t *testing.T) {
	errs, _ := runRanks(2, func(comm cluster.Comm) (error, error) {
		n, err := NewNetwork(Options{Comm: comm})
		if err != nil {
			return nil, err
		}
		g, err := n.NeuronGroup(Neurons{Name: "g", N: 600, Model: "dv/dt = (1.1 - v)/(10*ms) : 1", Threshold: "v > 1", Reset: "v = 0"})
		if err != nil {
			return nil, err
		}
		s, err := n.Synapses(Synapses{Name: "s", Source: g, Target: g, Model: "w : 1", OnPre: "w += v_pre"})
		if err != nil {
			return nil, err
		}
		if err := s.Connect(P(0.1)); err != nil {
			return nil, err
		}
		return n.Run(unit.Q(1, unit.Millisecond)), nil
	})
	for r, err := range errs {
		if err == nil || !strings.Contains(err.Error(), "presynaptic variable v_pre") {
			t.Errorf("rank %d: %v, want a refusal naming v_pre", r, err)
		}
	}
}

// A divergence on one rank stops every rank with the error one process
// reports: the same group, variable, element (a synapse's number in the
// whole network) and time.
func TestSplitDivergence(t *testing.T) {
	build := func(comm cluster.Comm) (error, error) {
		n, err := NewNetwork(Options{Comm: comm, Seed: 1, Tier: TierInterp})
		if err != nil {
			return nil, err
		}
		g, err := n.NeuronGroup(Neurons{Name: "g", N: 700, Model: "dv/dt = (1.5 - v)/(10*ms) : 1", Threshold: "v > 1", Reset: "v = 0"})
		if err != nil {
			return nil, err
		}
		if err := g.Set("v", "rand()"); err != nil {
			return nil, err
		}
		s, err := n.Synapses(Synapses{Name: "s", Source: g, Target: g, Model: "dx/dt = x*1000/ms : 1 (clock-driven)\nw : 1", OnPre: "v_post += 0.001*w", Method: "euler"})
		if err != nil {
			return nil, err
		}
		if err := s.Connect(P(0.05)); err != nil {
			return nil, err
		}
		x := make([]float64, s.N())
		x[s.N()-40] = 1 // a synapse onto one of the last neurons
		if err := s.Set("x", x); err != nil {
			return nil, err
		}
		return n.Run(unit.Q(50, unit.Millisecond)), nil
	}
	want, err := build(nil)
	if err != nil {
		t.Fatal(err)
	}
	var d *DivergenceError
	if !errors.As(want, &d) || d.Var != "x" {
		t.Fatalf("one process: %v, want a divergence of s.x", want)
	}
	for _, k := range []int{2, 3} {
		got, err := runRanks(k, build)
		if err != nil {
			t.Fatal(err)
		}
		for r, e := range got {
			if e == nil || e.Error() != want.Error() {
				t.Errorf("%d ranks, rank %d: %v, want %v", k, r, e, want)
			}
		}
	}
}

// With every delay at least two steps, the processes exchange spikes in
// batches of steps (the minimum delay) instead of after every threshold;
// spikes, records and state are still those of one process.
func TestSplitBatchesSameAsOneProcess(t *testing.T) {
	d := unit.Q(30, unit.Millisecond)
	want, err := splitNetDelays(Options{Seed: 5, Threads: 1, Tier: TierInterp}, d, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ ranks, threads int }{{2, 1}, {3, 1}, {2, 2}} {
		got, err := runRanks(c.ranks, func(comm cluster.Comm) ([]float64, error) {
			return splitNetDelays(Options{Seed: 5, Threads: c.threads, Tier: TierInterp, Comm: comm}, d, true)
		})
		if err != nil {
			t.Fatalf("%d ranks: %v", c.ranks, err)
		}
		for r := range got {
			if diff := sameBits(got[r], want); diff != "" {
				t.Errorf("%d ranks x %d threads, rank %d: %s", c.ranks, c.threads, r, diff)
			}
		}
	}
}

// With batched exchanges too, a divergence (here in a state update, before
// the step's spikes are known) stops every rank with the error of one
// process, and the spike and rate monitors hold the records of one
// process up to it.
func TestSplitBatchesDivergence(t *testing.T) {
	build := func(comm cluster.Comm) ([]float64, error) {
		n, err := NewNetwork(Options{Comm: comm, Seed: 2, Tier: TierInterp})
		if err != nil {
			return nil, err
		}
		g, err := n.NeuronGroup(Neurons{Name: "g", N: 700, Model: "dv/dt = (1.5 - v)/(10*ms) : 1\ndz/dt = k*z*z/ms : 1\nk : 1", Threshold: "v > 1", Reset: "v = 0"})
		if err != nil {
			return nil, err
		}
		if err := g.Set("v", "rand()"); err != nil {
			return nil, err
		}
		k := make([]float64, 700)
		k[650] = 1 // z of a neuron of the last rank runs away after some 50 ms
		if err := g.Set("k", k); err != nil {
			return nil, err
		}
		if err := g.Set("z", 0.02); err != nil {
			return nil, err
		}
		s, err := n.Synapses(Synapses{Name: "s", Source: g, Target: g, Model: "w : 1", OnPre: "v_post += 0.01", Delay: unit.Q(0.4, unit.Millisecond)})
		if err != nil {
			return nil, err
		}
		if err := s.Connect(P(0.05)); err != nil {
			return nil, err
		}
		spikes, err := n.SpikeMonitor(g)
		if err != nil {
			return nil, err
		}
		rate, err := n.PopulationRateMonitor(g)
		if err != nil {
			return nil, err
		}
		runErr := n.Run(unit.Q(200, unit.Millisecond))
		var d *DivergenceError
		if !errors.As(runErr, &d) {
			return nil, fmt.Errorf("run: %v, want a divergence", runErr)
		}
		if n.sim.Split() && n.sim.LastBatch != 4 {
			return nil, fmt.Errorf("batches of %d steps, want 4", n.sim.LastBatch)
		}
		out := []float64{float64(d.Elem), d.Time, float64(n.sim.Step)}
		for _, i := range spikes.I() {
			out = append(out, float64(i))
		}
		out = append(out, spikes.T()...)
		return append(out, rate.Rate()...), nil
	}
	want, err := build(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []int{2, 3} {
		got, err := runRanks(k, build)
		if err != nil {
			t.Fatal(err)
		}
		for r := range got {
			if diff := sameBits(got[r], want); diff != "" {
				t.Errorf("%d ranks, rank %d: %s", k, r, diff)
			}
		}
	}
}

// Each process keeps, from the build on, only the synapses onto its own
// neurons (and their numbers in the whole network): the memory of the
// synapses is split too.
func TestSplitBuildKeepsOwnSynapses(t *testing.T) {
	build := func(comm cluster.Comm) ([2]int64, error) {
		n, err := NewNetwork(Options{Comm: comm, Seed: 3})
		if err != nil {
			return [2]int64{}, err
		}
		g, err := n.NeuronGroup(Neurons{Name: "g", N: 2048, Model: "v : 1"})
		if err != nil {
			return [2]int64{}, err
		}
		s, err := n.Synapses(Synapses{Name: "s", Source: g, Target: g, Model: "w : 1", OnPre: "v_post += w"})
		if err != nil {
			return [2]int64{}, err
		}
		if err := s.Connect(P(0.1)); err != nil {
			return [2]int64{}, err
		}
		// A fixed in-degree draws only this process's targets' sources.
		in, err := n.Synapses(Synapses{Name: "in", Source: g, Target: g, Model: "w : 1", OnPre: "v_post += w"})
		if err != nil {
			return [2]int64{}, err
		}
		if err := in.Connect(FixedInDegree(50)); err != nil {
			return [2]int64{}, err
		}
		if lo, hi := g.sg.Own(); in.ss.N() != 50*(hi-lo) {
			return [2]int64{}, fmt.Errorf("%d synapses with in-degree 50 onto %d neurons", in.ss.N(), hi-lo)
		}
		return [2]int64{int64(s.ss.N()), s.Bytes()}, nil
	}
	one, err := build(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []int{2, 4} {
		got, err := runRanks(k, build)
		if err != nil {
			t.Fatal(err)
		}
		var held int64
		for r, x := range got {
			held += x[0]
			// 2048 targets in blocks of whole chunks: each process holds
			// about 1/k of the synapses (the binomial spread of 419,000
			// synapses is some 600, far below the 5 % allowed here), at
			// 12 bytes plus 4 for its number.
			share := float64(x[0]) / float64(one[0])
			if math.Abs(share-1/float64(k)) > 0.05/float64(k) || x[1] > (one[1]/int64(k))*16/12*105/100 {
				t.Errorf("%d processes, rank %d: %d of %d synapses, %d bytes (one process: %d)", k, r, x[0], one[0], x[1], one[1])
			}
		}
		if held != one[0] {
			t.Errorf("%d processes hold %d synapses in all, one process %d", k, held, one[0])
		}
	}
}

// A slice of values of the wrong length is refused on a split network as
// in one process: the message names all the synapses, not this process's.
func TestSplitSetWrongLength(t *testing.T) {
	build := func(comm cluster.Comm) (error, error) {
		n, err := NewNetwork(Options{Comm: comm, Seed: 1})
		if err != nil {
			return nil, err
		}
		g, err := n.NeuronGroup(Neurons{Name: "g", N: 1000, Model: "v : 1"})
		if err != nil {
			return nil, err
		}
		s, err := n.Synapses(Synapses{Name: "s", Source: g, Target: g, Model: "w : 1", OnPre: "v_post += w"})
		if err != nil {
			return nil, err
		}
		if err := s.Connect(FixedInDegree(3)); err != nil {
			return nil, err
		}
		return s.Set("w", make([]float64, 2999)), nil
	}
	want, err := build(nil)
	if err != nil || want == nil {
		t.Fatalf("one process: %v, %v", want, err)
	}
	got, err := runRanks(2, build)
	if err != nil {
		t.Fatal(err)
	}
	for r, e := range got {
		if e == nil || e.Error() != want.Error() {
			t.Errorf("rank %d: %v, want %v", r, e, want)
		}
	}
}
