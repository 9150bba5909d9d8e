package cc

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/kernel"
	"github.com/cajal-sim/cajal/internal/rng"
)

// progGen builds random blocks: elem variables e0..e3, presynaptic p0, p1
// and postsynaptic q0, q1 (synapse blocks), scalars s0, s1, temporaries,
// every operation (binomial draws with at most 1000 trials), random
// draws, and conditions.
type progGen struct {
	r       *rand.Rand
	synapse bool
	locals  []string
	fns     []ir.Fn
}

func newProgGen(seed uint64, synapse bool) *progGen {
	g := &progGen{r: rand.New(rand.NewPCG(seed, 99)), synapse: synapse}
	for f := ir.Add; f <= ir.Select; f++ {
		if standIn && transcendental[f] {
			continue
		}
		g.fns = append(g.fns, f)
	}
	if !standIn {
		g.fns = append(g.fns, ir.Binomial)
	}
	return g
}

// specials are constants and data values that exercise the edge cases.
var specials = []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 2, 3, -2.5, 1e300, -1e300, 1e-310,
	math.Inf(1), math.Inf(-1), math.NaN(), 5e-324, 0.1, 7}

func (g *progGen) num() float64 {
	if g.r.IntN(3) == 0 {
		return specials[g.r.IntN(len(specials))]
	}
	return (g.r.Float64() - 0.5) * math.Pow(10, float64(g.r.IntN(7)-3))
}

func (g *progGen) leaf() *ir.Node {
	switch k := g.r.IntN(12); {
	case k < 2:
		return ir.Num(g.num())
	case k < 5:
		return ir.V(fmt.Sprintf("e%d", g.r.IntN(4)), ir.Elem)
	case k < 6:
		return ir.V(fmt.Sprintf("s%d", g.r.IntN(2)), ir.Scalar)
	case k < 7 && len(g.locals) > 0:
		return ir.V(g.locals[g.r.IntN(len(g.locals))], ir.Local)
	case k < 8:
		n := ir.Call([]ir.Fn{ir.Rand, ir.Randn}[g.r.IntN(2)])
		n.Draw = g.r.IntN(3)
		return n
	case k < 9:
		if g.synapse {
			return ir.Call([]ir.Fn{ir.ElemIdx, ir.PreIdx, ir.PostIdx}[g.r.IntN(3)])
		}
		return ir.Call(ir.ElemIdx)
	case k < 11 && g.synapse:
		return ir.V(fmt.Sprintf("p%d", g.r.IntN(2)), ir.Pre)
	case g.synapse:
		return ir.V(fmt.Sprintf("q%d", g.r.IntN(2)), ir.Post)
	}
	return ir.V("e0", ir.Elem)
}

func (g *progGen) expr(depth int) *ir.Node {
	if depth == 0 || g.r.IntN(4) == 0 {
		return g.leaf()
	}
	f := g.fns[g.r.IntN(len(g.fns))]
	args := make([]*ir.Node, f.Arity())
	for i := range args {
		args[i] = g.expr(depth - 1)
	}
	if f == ir.Binomial {
		// At most 1000 trials, so that no draw walks long; half the
		// time a whole n and p in [0, 1], which draw numbers rather
		// than NaN.
		if g.r.IntN(2) == 0 {
			args[1] = ir.Call(ir.Floor, ir.Call(ir.Abs, args[1]))
			args[2] = ir.Call(ir.Clip, args[2], ir.Num(0), ir.Num(1))
		}
		args[1] = ir.Call(ir.Min, args[1], ir.Num(1000))
	}
	return ir.Call(f, args...)
}

// block returns a random block and, sometimes, a condition.
func (g *progGen) block() (ir.Block, *ir.Node) {
	g.locals = nil
	var b ir.Block
	for range 1 + g.r.IntN(5) {
		var target *ir.Node
		val := g.expr(4)
		switch k := g.r.IntN(10); {
		case k < 2:
			name := fmt.Sprintf("t%d", len(g.locals))
			target = ir.V(name, ir.Local)
			b = append(b, ir.Assign{Target: target, Value: val})
			g.locals = append(g.locals, name)
			continue
		case k < 5 && g.synapse:
			// An accumulation into a neuron (a scatter-add), or any write
			// (serial).
			idx := []ir.Index{ir.Pre, ir.Post}[g.r.IntN(2)]
			target = ir.V(fmt.Sprintf("%c%d", "pq"[idx-ir.Pre], g.r.IntN(2)), idx)
			if g.r.IntN(3) > 0 {
				val = ir.Plus(target, val)
			}
		default:
			target = ir.V(fmt.Sprintf("e%d", g.r.IntN(4)), ir.Elem)
		}
		b = append(b, ir.Assign{Target: target, Value: val})
	}
	var cond *ir.Node
	if g.r.IntN(2) == 0 {
		cond = g.expr(3)
	}
	return b, cond
}

// world is the data one program runs on.
type world struct {
	arrays  map[string][]float64
	scalars map[string]float64
	pre     []int32
	post    []int32
}

const (
	nElem   = 700 // elements (neurons, or synapses)
	nNeuron = 40  // neurons a synapse block reaches
)

func newWorld(r *rand.Rand, g *progGen) *world {
	w := &world{arrays: map[string][]float64{}, scalars: map[string]float64{}}
	val := func() float64 {
		if r.IntN(10) == 0 {
			return g.num()
		}
		return (r.Float64() - 0.5) * 4
	}
	for _, name := range []string{"e0", "e1", "e2", "e3"} {
		a := make([]float64, nElem)
		for i := range a {
			a[i] = val()
		}
		w.arrays[name] = a
	}
	for _, name := range []string{"p0", "p1", "q0", "q1"} {
		a := make([]float64, nNeuron)
		for i := range a {
			a[i] = val()
		}
		w.arrays[name] = a
	}
	w.scalars["s0"], w.scalars["s1"] = val(), val()
	// Synapses sorted by presynaptic neuron, rows of 0 to 35 synapses.
	w.pre, w.post = make([]int32, nElem), make([]int32, nElem)
	for e := range nElem {
		w.pre[e] = int32(e * nNeuron / nElem)
		w.post[e] = int32(r.IntN(nNeuron))
	}
	return w
}

func (w *world) clone() *world {
	c := &world{arrays: map[string][]float64{}, scalars: w.scalars, pre: w.pre, post: w.post}
	for k, v := range w.arrays {
		c.arrays[k] = slices.Clone(v)
	}
	return c
}

func (w *world) env(p *kernel.Program, check bool) *kernel.Env {
	env := &kernel.Env{Pre: w.pre, Post: w.post, Key: rng.NewKey(5, 6), Step: 17, Check: check}
	for _, s := range p.Slots {
		env.Arrays = append(env.Arrays, w.arrays[s.Name])
	}
	for _, s := range p.Scalars {
		env.Scalars = append(env.Scalars, w.scalars[s])
	}
	return env
}

// diff describes the first difference between two worlds, or "".
func (w *world) diff(o *world) string {
	for name, a := range w.arrays {
		for i := range a {
			if !same(a[i], o.arrays[name][i]) {
				return fmt.Sprintf("%s[%d] = %v (%#x) interpreted, %v (%#x) compiled", name, i,
					a[i], math.Float64bits(a[i]), o.arrays[name][i], math.Float64bits(o.arrays[name][i]))
			}
		}
	}
	return ""
}

// sameErr compares the interpreter's error with the compiled one's.
func sameErr(a, b error) bool {
	if a == nil || b == nil {
		return a == b
	}
	var na, nb *kernel.NonFinite
	if !errors.As(a, &na) || !errors.As(b, &nb) {
		return false
	}
	return na.Name == nb.Name && na.Elem == nb.Elem && same(na.Value, nb.Value)
}

// rowsOf returns the begin and end of each presynaptic neuron's synapses.
func rowsOf(pre []int32) (begin, end []int32) {
	begin, end = make([]int32, nNeuron), make([]int32, nNeuron)
	for e := len(pre) - 1; e >= 0; e-- {
		begin[pre[e]] = int32(e)
	}
	for e, p := range pre {
		end[p] = int32(e + 1)
	}
	for r := range begin {
		if end[r] == 0 {
			begin[r] = 0
		}
	}
	return begin, end
}

// runBoth runs one mode with the interpreter and the compiled program on
// copies of w and reports the first difference.
func runBoth(p *kernel.Program, c kernel.Compiled, w *world, check bool,
	run func(m runner, env *kernel.Env) ([]int32, error)) string {
	wi, wc := w.clone(), w.clone()
	outI, errI := run(p.NewMachine().Interpreted(), wi.env(p, check))
	outC, errC := run(c, wc.env(p, check))
	if !sameErr(errI, errC) {
		return fmt.Sprintf("error %v interpreted, %v compiled", errI, errC)
	}
	if !slices.Equal(outI, outC) {
		return fmt.Sprintf("filter %v interpreted, %v compiled", outI, outC)
	}
	return wi.diff(wc)
}
