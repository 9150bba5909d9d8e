package kernel

import (
	"math"
	"testing"

	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/rng"
)

// evalBlock runs a block element by element by walking the tree: the
// reference semantics the compiled programs must reproduce up to the
// rounding of reassociated constants.
func evalBlock(b ir.Block, arrays map[string][]float64, e int, key rng.Key, step uint64) {
	locals := map[string]float64{}
	var eval func(n *ir.Node) float64
	eval = func(n *ir.Node) float64 {
		switch n.Kind {
		case ir.Const:
			return n.Value
		case ir.Var:
			if n.Index == ir.Local {
				return locals[n.Name]
			}
			return arrays[n.Name][e]
		}
		switch n.Fn {
		case ir.Rand:
			return key.Uniform(step, uint64(e), uint64(n.Draw))
		case ir.Randn:
			return key.Normal(step, uint64(e), uint64(n.Draw))
		case ir.ElemIdx:
			return float64(e)
		}
		args := make([]float64, len(n.Args))
		for i, a := range n.Args {
			args[i] = eval(a)
		}
		return ir.Eval(n.Fn, args...)
	}
	for _, a := range b {
		x := eval(a.Value)
		if a.Target.Index == ir.Local {
			locals[a.Target.Name] = x
		} else {
			arrays[a.Target.Name][e] = x
		}
	}
}

func v(name string) *ir.Node { return ir.V(name, ir.Elem) }

func TestProgramMatchesTreeWalk(t *testing.T) {
	// A conductance-based update with a reset-like second write, a
	// temporary, a shared subexpression and random draws.
	dv := ir.Over(ir.Plus(ir.Times(ir.Num(-10e-9), ir.Minus(v("v"), ir.Num(-0.06))),
		ir.Times(v("g"), ir.Minus(ir.Num(0), v("v")))), ir.Num(200e-12))
	block := ir.Block{
		{Target: ir.V("k", ir.Local), Value: ir.Call(ir.Exp, ir.Over(ir.Num(-1e-4), ir.Num(5e-3)))},
		{Target: v("v"), Value: ir.Plus(v("v"), ir.Times(ir.Num(1e-4), dv))},
		{Target: v("g"), Value: ir.Plus(ir.Times(v("g"), ir.V("k", ir.Local)),
			ir.Times(ir.Num(1e-9), ir.Call(ir.Rand)))},
		{Target: v("w"), Value: ir.Plus(v("v"), ir.Call(ir.Clip, v("g"), ir.Num(0), ir.Num(1e-9)))},
		{Target: v("v"), Value: ir.Call(ir.Select, ir.Call(ir.Gt, v("v"), ir.Num(-0.05)), ir.Num(-0.06), v("v"))},
		{Target: v("x"), Value: ir.Plus(ir.Call(ir.Randn), ir.Call(ir.ElemIdx))},
	}
	block[5].Value.Args[0].Draw = 1
	const n = 1000
	mk := func() map[string][]float64 {
		m := map[string][]float64{}
		for _, name := range []string{"v", "g", "w", "x"} {
			m[name] = make([]float64, n)
		}
		for i := 0; i < n; i++ {
			m["v"][i] = -0.07 + 0.03*float64(i)/n
			m["g"][i] = 1e-9 * float64(i%7)
		}
		return m
	}
	want, got := mk(), mk()
	key := rng.NewKey(3, 4)
	for e := 0; e < n; e++ {
		evalBlock(block, want, e, key, 9)
	}
	p, err := Compile(block, nil)
	if err != nil {
		t.Fatal(err)
	}
	env := &Env{Key: key, Step: 9}
	for _, s := range p.Slots {
		env.Arrays = append(env.Arrays, got[s.Name])
	}
	m := p.NewMachine()
	if err := m.Range(env, 0, 500); err != nil {
		t.Fatal(err)
	}
	idx := []int32{}
	for e := 500; e < n; e++ {
		idx = append(idx, int32(e))
	}
	if err := m.Indices(env, idx); err != nil {
		t.Fatal(err)
	}
	for name := range want {
		for e := 0; e < n; e++ {
			// The compiler folds chains of constant factors (x/a*b becomes
			// x*(b/a)), which may change the last bits.
			if d := math.Abs(want[name][e] - got[name][e]); d > 1e-13*math.Abs(want[name][e]) {
				t.Fatalf("%s[%d] = %v, tree walk gives %v\n%s", name, e, got[name][e], want[name][e], p)
			}
		}
	}
	if p.NumRegs > 12 {
		t.Errorf("program uses %d registers; liveness should need fewer\n%s", p.NumRegs, p)
	}
}

func TestScatterAddThroughSynapses(t *testing.T) {
	// g_post += w for synapses that share postsynaptic neurons.
	block := ir.Block{{Target: ir.V("g", ir.Post), Value: ir.Plus(ir.V("g", ir.Post), v("w"))}}
	p, err := Compile(block, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.Serial {
		t.Fatalf("g_post += w should compile to a scatter-add:\n%s", p)
	}
	g := make([]float64, 3)
	w := []float64{1, 2, 4, 8, 16}
	env := &Env{Arrays: [][]float64{nil, nil}, Post: []int32{0, 1, 1, 1, 2}}
	for i, s := range p.Slots {
		if s.Name == "g" {
			env.Arrays[i] = g
		} else {
			env.Arrays[i] = w
		}
	}
	if err := p.NewMachine().Indices(env, []int32{0, 1, 2, 3, 4}); err != nil {
		t.Fatal(err)
	}
	if g[0] != 1 || g[1] != 14 || g[2] != 16 {
		t.Errorf("g = %v, want [1 14 16]", g)
	}
	// The forms the peephole rules produce: g_post += w*k, g_post += k,
	// g_post -= w.
	for _, val := range []*ir.Node{
		ir.Plus(ir.V("g", ir.Post), ir.Times(v("w"), ir.Num(1e-9))),
		ir.Plus(ir.V("g", ir.Post), ir.Num(1)),
		ir.Minus(ir.V("g", ir.Post), v("w")),
	} {
		p, err := Compile(ir.Block{{Target: ir.V("g", ir.Post), Value: val}}, nil)
		if err != nil || p.Serial {
			t.Errorf("g_post = %s should compile to a scatter-add (err %v):\n%s", val, err, p)
		}
	}
	// A non-additive write to a neuron runs one synapse at a time.
	block = ir.Block{{Target: ir.V("g", ir.Post), Value: ir.Times(ir.V("g", ir.Post), ir.Num(0.5))}}
	if p, err = Compile(block, nil); err != nil || !p.Serial {
		t.Fatalf("g_post *= 0.5 should run serially (err %v)", err)
	}
}

func TestFilterAndNonFinite(t *testing.T) {
	p, err := Compile(nil, ir.Call(ir.Gt, v("v"), ir.Num(1)))
	if err != nil {
		t.Fatal(err)
	}
	vals := make([]float64, 300)
	vals[3], vals[150], vals[299] = 2, 5, 1.5
	out, err := p.NewMachine().Filter(&Env{Arrays: [][]float64{vals}}, 0, 300, nil)
	if err != nil || len(out) != 3 || out[0] != 3 || out[1] != 150 || out[2] != 299 {
		t.Fatalf("Filter = %v, %v", out, err)
	}
	q, _ := Compile(ir.Block{{Target: v("v"), Value: ir.Call(ir.Log, v("v"))}}, nil)
	vals = []float64{1, 2, 0, 4}
	err = q.NewMachine().Range(&Env{Arrays: [][]float64{vals}, Check: true}, 0, 4)
	nf, ok := err.(*NonFinite)
	if !ok || nf.Elem != 2 || nf.Name != "v" || !math.IsInf(nf.Value, -1) {
		t.Fatalf("want a NonFinite error at element 2, got %v", err)
	}
}

func TestRowsMatchesIndices(t *testing.T) {
	// g_post += w*x_pre + i_pre over rows of synapses: Rows, with the
	// presynaptic neuron taken from the row, gives what Indices gives with
	// an explicit presynaptic index per synapse, serial or chunked.
	for _, serial := range []bool{false, true} {
		val := ir.Plus(ir.V("g", ir.Post), ir.Plus(ir.Times(v("w"), ir.V("x", ir.Pre)), ir.Call(ir.PreIdx)))
		if serial {
			val = ir.Times(val, ir.V("g", ir.Post)) // not additive: one synapse at a time
		}
		p, err := Compile(ir.Block{{Target: ir.V("g", ir.Post), Value: val}}, nil)
		if err != nil || p.Serial != serial {
			t.Fatalf("serial %v: compile: %v\n%s", serial, err, p)
		}
		// 3 presynaptic neurons (offset 2 in their group) with 300, 0 and
		// 5 synapses onto 7 neurons.
		begin, end := []int32{0, 300, 300}, []int32{300, 300, 305}
		nsyn := 305
		pre, post, w := make([]int32, nsyn), make([]int32, nsyn), make([]float64, nsyn)
		for e := range nsyn {
			r := 0
			if e >= 300 {
				r = 2
			}
			pre[e], post[e], w[e] = int32(2+r), int32(e*5%7), float64(e%11)/3
		}
		x := []float64{0, 0, 0.5, 1.5, 2.5}
		run := func(rows bool) []float64 {
			g := make([]float64, 7)
			for k := range g {
				g[k] = 1 + float64(k)/8
			}
			env := &Env{Post: post, Pre: pre, PreBase: 2}
			for _, s := range p.Slots {
				env.Arrays = append(env.Arrays, map[string][]float64{"g": g, "w": w, "x": x}[s.Name])
			}
			m := p.NewMachine()
			if rows {
				env.Pre = nil
				if err := m.Rows(env, []int32{2, 0, 1}, begin, end); err != nil {
					t.Fatal(err)
				}
				return g
			}
			idx := []int32{}
			for _, r := range []int32{2, 0, 1} {
				for e := begin[r]; e < end[r]; e++ {
					idx = append(idx, e)
				}
			}
			if err := m.Indices(env, idx); err != nil {
				t.Fatal(err)
			}
			return g
		}
		got, want := run(true), run(false)
		for k := range want {
			if math.Float64bits(got[k]) != math.Float64bits(want[k]) {
				t.Fatalf("serial %v: g = %v by rows, %v by indices", serial, got, want)
			}
		}
	}
}
