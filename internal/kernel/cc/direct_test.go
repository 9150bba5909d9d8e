package cc

import (
	"math"
	"testing"

	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/kernel"
)

// TestElementwiseHazards runs, over distinct synapses that share
// postsynaptic neurons, programs for which running element after element
// would differ from the interpreter's chunks — a postsynaptic variable
// read and written, and v_pre and v_post bound to one array (synapses of a
// group onto itself) — and programs for which it would not; the compiled
// tier gives the interpreter's bits in every case.
func TestElementwiseHazards(t *testing.T) {
	c := testCompiler(t)
	v := func(name string, idx ir.Index) *ir.Node { return ir.V(name, idx) }
	blocks := map[string]ir.Block{
		"g_post += w":             {{Target: v("g", ir.Post), Value: ir.Plus(v("g", ir.Post), v("w", ir.Elem))}},
		"g_post += w; x = g_post": {{Target: v("g", ir.Post), Value: ir.Plus(v("g", ir.Post), v("w", ir.Elem))}, {Target: v("x", ir.Elem), Value: v("g", ir.Post)}},
		"x = g_post; g_post += w": {{Target: v("x", ir.Elem), Value: v("g", ir.Post)}, {Target: v("g", ir.Post), Value: ir.Plus(v("g", ir.Post), v("w", ir.Elem))}},
		"g_post += w*g_pre":       {{Target: v("g", ir.Post), Value: ir.Plus(v("g", ir.Post), ir.Times(v("w", ir.Elem), v("g", ir.Pre)))}},
	}
	const nsyn, nneuron = 700, 40
	post, w := make([]int32, nsyn), make([]float64, nsyn)
	begin, end := make([]int32, nneuron), make([]int32, nneuron)
	for e := range nsyn {
		post[e], w[e] = int32(e*7%nneuron), 1+float64(e%13)/7
	}
	for r := range nneuron {
		begin[r], end[r] = int32(r*nsyn/nneuron), int32((r+1)*nsyn/nneuron)
	}
	rows := []int32{3, 17, 0, 39, 22, 5}
	for name, b := range blocks {
		p, err := kernel.Compile(b, nil)
		if err != nil {
			t.Fatal(err)
		}
		comp, err := c.Request(p).Wait()
		if err != nil {
			t.Fatal(err)
		}
		run := func(m interface {
			Rows(*kernel.Env, []int32, []int32, []int32) error
		}) ([]float64, []float64) {
			g, x := make([]float64, nneuron), make([]float64, nsyn)
			for k := range g {
				g[k] = 0.5 + float64(k)/64
			}
			// One group: g_pre and g_post are the same array.
			env := &kernel.Env{Post: post, Distinct: true}
			for _, s := range p.Slots {
				env.Arrays = append(env.Arrays, map[string][]float64{"g": g, "w": w, "x": x}[s.Name])
			}
			if err := m.Rows(env, rows, begin, end); err != nil {
				t.Fatal(err)
			}
			return g, x
		}
		g1, x1 := run(p.NewMachine())
		g2, x2 := run(comp)
		for k := range g1 {
			if math.Float64bits(g1[k]) != math.Float64bits(g2[k]) {
				t.Fatalf("%s: g[%d] = %v compiled, %v interpreted", name, k, g2[k], g1[k])
			}
		}
		for k := range x1 {
			if math.Float64bits(x1[k]) != math.Float64bits(x2[k]) {
				t.Fatalf("%s: x[%d] = %v compiled, %v interpreted", name, k, x2[k], x1[k])
			}
		}
	}
}
