package cajal

import (
	"testing"

	"github.com/cajal-sim/cajal/unit"
)

// The step loop allocates nothing: the difference between runs of 100 and
// 1100 steps is at most the amortised growth of the monitors' records (a
// doubling slice grows a few times in 1000 steps), far below one
// allocation per step. Compiled kernels are used where they can be, made
// before the run (a compilation in the background allocates).
func TestStepLoopDoesNotAllocate(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	tier := TierNative
	if NativeAvailable() != nil {
		tier = TierInterp
	}
	for _, threads := range []int{1, 2} {
		net := newNet(t, Options{Threads: threads, Seed: 1, Tier: tier})
		spec := cobaBench
		spec.N = 4000
		g, err := net.NeuronGroup(spec)
		if err != nil {
			t.Fatal(err)
		}
		if err := g.Set("v", "el + rand()*(vt - el)"); err != nil {
			t.Fatal(err)
		}
		pe, _ := g.Slice(0, 3200)
		s, err := net.Synapses(Synapses{Source: pe, Target: g, OnPre: "g_ampa += 0.3*nS"})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Connect(P(0.02)); err != nil {
			t.Fatal(err)
		}
		if _, err := net.SpikeMonitor(g); err != nil {
			t.Fatal(err)
		}
		run(t, net, unit.Q(10, unit.Millisecond))
		short := testing.AllocsPerRun(3, func() { _ = net.Run(unit.Q(10, unit.Millisecond)) })
		long := testing.AllocsPerRun(3, func() { _ = net.Run(unit.Q(110, unit.Millisecond)) })
		if perStep := (long - short) / 1000; perStep > 0.02 {
			t.Errorf("%d threads: %.3f allocations per step", threads, perStep)
		}
	}
}
