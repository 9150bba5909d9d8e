package cajal

import (
	"math"
	"testing"

	"github.com/cajal-sim/cajal/unit"
)

// poissonState runs three leaky groups, each driven by a PoissonInput
// that takes one path of the binomial sampler (a small mean summed from
// 0; a large mean summed from the mode; p within 1e-12 of 1, drawn as N
// minus a binomial of 1-p), for 20 steps on the given tier and returns
// their v.
func poissonState(t *testing.T, tier Tier) (v [][]float64, native, programs int) {
	net := newNet(t, Options{Seed: 11, Tier: tier})
	inputs := []struct {
		n    int
		rate float64 // Hz; rate*dt is the sources' probability per step
	}{{50, 200}, {10000, 1000}, {29, 1e4 * (1 - 1e-12)}}
	var groups []*NeuronGroup
	for _, in := range inputs {
		g, err := net.NeuronGroup(Neurons{N: 500, Model: "dv/dt = -v/(5*ms) : 1"})
		if err != nil {
			t.Fatal(err)
		}
		if err := net.PoissonInput(PoissonInput{Target: g, Var: "v", N: in.n, Rate: unit.Q(in.rate, unit.Hertz), Weight: 0.25}); err != nil {
			t.Fatal(err)
		}
		groups = append(groups, g)
	}
	run(t, net, unit.Q(2, unit.Millisecond))
	for _, g := range groups {
		vg, err := g.Get("v")
		if err != nil {
			t.Fatal(err)
		}
		v = append(v, vg)
	}
	native, programs = net.Programs()
	return v, native, programs
}

// TestPoissonInputNative runs PoissonInputs compiled (the binomial draw
// in C; every program, the inputs' included, reported native) and
// interpreted: the states agree bit for bit.
func TestPoissonInputNative(t *testing.T) {
	if err := NativeAvailable(); err != nil {
		t.Skipf("no compiled tier: %v", err)
	}
	want, _, _ := poissonState(t, TierInterp)
	got, native, programs := poissonState(t, TierNative)
	if native != programs || programs < 6 {
		t.Errorf("%d of %d programs ran compiled; want all of at least 6 (3 updates, 3 inputs)", native, programs)
	}
	for i := range want {
		nonzero := 0
		for j := range want[i] {
			if math.Float64bits(got[i][j]) != math.Float64bits(want[i][j]) {
				t.Fatalf("group %d neuron %d: v = %v compiled, %v interpreted", i, j, got[i][j], want[i][j])
			}
			if want[i][j] != 0 {
				nonzero++
			}
		}
		if nonzero == 0 {
			t.Errorf("group %d: no input arrived", i)
		}
	}
}
