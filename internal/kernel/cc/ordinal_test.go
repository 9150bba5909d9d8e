package cc

import (
	"testing"

	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/kernel"
	"github.com/cajal-sim/cajal/internal/rng"
)

// TestOrdinalNumbersDraws runs x = rand() + randn() + i on elements 0 to
// 299 numbered by Env.Ordinal as 1000 + 3e: both tiers give what the same
// program gives on those elements of a larger array, as a rank holding
// part of a network's synapses must.
func TestOrdinalNumbersDraws(t *testing.T) {
	x := ir.V("x", ir.Elem)
	val := ir.Plus(ir.Plus(&ir.Node{Kind: ir.Op, Fn: ir.Rand}, &ir.Node{Kind: ir.Op, Fn: ir.Randn, Draw: 1}), &ir.Node{Kind: ir.Op, Fn: ir.ElemIdx})
	p, err := kernel.Compile(ir.Block{{Target: x, Value: val}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	key := rng.NewKey(7, 3)
	whole := make([]float64, 2000)
	if err := p.NewMachine().Interpreted().Range(&kernel.Env{Arrays: [][]float64{whole}, Key: key, Step: 11}, 0, len(whole)); err != nil {
		t.Fatal(err)
	}
	ord := make([]int32, 300)
	for e := range ord {
		ord[e] = int32(1000 + 3*e)
	}
	run := func(m kernel.Compiled, list bool) []float64 {
		part := make([]float64, len(ord))
		env := &kernel.Env{Arrays: [][]float64{part}, Key: key, Step: 11, Ordinal: ord, Distinct: true}
		if list {
			idx := make([]int32, len(ord))
			for e := range idx {
				idx[e] = int32(e)
			}
			err = m.Indices(env, idx)
		} else {
			err = m.Range(env, 0, len(part))
		}
		if err != nil {
			t.Fatal(err)
		}
		return part
	}
	machines := map[string]kernel.Compiled{"interpreted": p.NewMachine().Interpreted()}
	if available {
		if _, terr := findToolchain(); terr == nil {
			comp, err := testCompiler(t).Request(p).Wait()
			if err != nil {
				t.Fatal(err)
			}
			machines["compiled"] = comp
		}
	}
	for name, m := range machines {
		for _, list := range []bool{false, true} {
			got := run(m, list)
			for e, o := range ord {
				if !same(got[e], whole[o]) {
					t.Fatalf("%s (list %v): element %d (ordinal %d) = %v, want %v", name, list, e, o, got[e], whole[o])
				}
			}
		}
	}
}
