package cc

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/kernel"
)

// splitNet is a synaptic pathway that runs in split loops: an STDP on_pre
// with a decaying trace (exp), a clipped weight that reads a postsynaptic
// trace, and a conductance added into the postsynaptic neuron.
type splitNet struct {
	p                *kernel.Program
	comp             *Program
	post             []int32
	begin, end, rows []int32
	apre, last, w    []float64 // per synapse
	g, apost         []float64 // per postsynaptic neuron
	t                float64
}

const (
	splitSyn    = 1400
	splitNeuron = 30
)

// splitProgram compiles the block of the pathway.
func splitProgram(tb testing.TB) *kernel.Program {
	v := ir.V
	apre, last, w := v("apre", ir.Elem), v("last", ir.Elem), v("w", ir.Elem)
	tt := v("t", ir.Scalar)
	b := ir.Block{
		{Target: apre, Value: ir.Plus(ir.Times(apre, ir.Call(ir.Exp, ir.Over(ir.Minus(last, tt), ir.Num(0.02)))), ir.Num(1))},
		{Target: last, Value: tt},
		{Target: w, Value: ir.Call(ir.Clip, ir.Plus(w, ir.Times(v("apost", ir.Post), ir.Num(0.75))), ir.Num(0), ir.Num(100))},
		{Target: v("g", ir.Post), Value: ir.Plus(v("g", ir.Post), ir.Times(w, ir.Num(1e-9)))},
	}
	p, err := kernel.Compile(b, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// newSplitNet compiles the pathway and fills its data: rows of 0, 1, 7,
// 255, 256, 257 and 624 synapses (across the chunk size) whose targets
// repeat within every row.
func newSplitNet(t *testing.T) *splitNet {
	t.Helper()
	c := testCompiler(t)
	p := splitProgram(t)
	if !splittable(p) || p.Serial {
		t.Fatalf("want a split program (not serial):\n%s", p)
	}
	comp, err := c.Request(p).Wait()
	if err != nil {
		t.Fatal(err)
	}
	src, err := Source(p)
	if err != nil || !strings.Contains(src, "#pragma GCC ivdep") {
		t.Fatalf("source without split loops (%v)", err)
	}
	n := &splitNet{p: p, comp: comp.(*Program), t: 0.125}
	r := rand.New(rand.NewPCG(41, 42))
	for _, k := range []int{0, 1, 7, 255, 256, 257, 624} {
		n.begin = append(n.begin, int32(len(n.post)))
		for range k {
			n.post = append(n.post, int32(r.IntN(splitNeuron)))
		}
		n.end = append(n.end, int32(len(n.post)))
	}
	if len(n.post) != splitSyn {
		t.Fatalf("%d synapses, want %d", len(n.post), splitSyn)
	}
	n.rows = []int32{4, 0, 6, 2, 5, 1, 3}
	for range splitSyn {
		n.apre = append(n.apre, r.Float64()*3)
		n.last = append(n.last, n.t-r.Float64()*0.1)
		n.w = append(n.w, []float64{0, 100, 99.9, 0.01}[r.IntN(4)]+r.Float64()-0.5)
	}
	for range splitNeuron {
		n.g = append(n.g, r.Float64()*1e-8)
		n.apost = append(n.apost, (r.Float64()-0.5)*2)
	}
	return n
}

// env binds copies of the data; arrays maps each slot's name to its copy.
func (n *splitNet) env(check bool) (*kernel.Env, map[string][]float64) {
	arrays := map[string][]float64{"apre": slices.Clone(n.apre), "last": slices.Clone(n.last),
		"w": slices.Clone(n.w), "g": slices.Clone(n.g), "apost": slices.Clone(n.apost)}
	env := &kernel.Env{Post: n.post, Check: check, Distinct: true, Scalars: []float64{n.t}}
	for _, s := range n.p.Slots {
		env.Arrays = append(env.Arrays, arrays[s.Name])
	}
	return env, arrays
}

// compare runs call in both tiers, with and without checks, and demands
// the interpreter's bits in every array and its error; it returns the
// interpreter's error with checks on.
func (n *splitNet) compare(t *testing.T, name string, call func(m runner, env *kernel.Env) error) error {
	t.Helper()
	var checked error
	for _, check := range []bool{false, true} {
		envI, ai := n.env(check)
		envC, ac := n.env(check)
		errI := call(n.p.NewMachine().Interpreted(), envI)
		errC := call(n.comp, envC)
		if !sameErr(errI, errC) {
			t.Fatalf("%s, check %v: error %v interpreted, %v compiled", name, check, errI, errC)
		}
		if d, ok := envC.Cache.(*envData); !ok || d.a.split != 1 {
			t.Fatalf("%s: the call did not run split loops", name)
		}
		for k, a := range ai {
			for i := range a {
				if math.Float64bits(a[i]) != math.Float64bits(ac[k][i]) {
					t.Fatalf("%s, check %v: %s[%d] = %v compiled, %v interpreted", name, check, k, i, ac[k][i], a[i])
				}
			}
		}
		if check {
			checked = errI
		}
	}
	return checked
}

// modes are the calls that run split loops.
func (n *splitNet) modes() map[string]func(m runner, env *kernel.Env) error {
	return map[string]func(m runner, env *kernel.Env) error{
		"Rows":  func(m runner, env *kernel.Env) error { return m.Rows(env, n.rows, n.begin, n.end) },
		"Range": func(m runner, env *kernel.Env) error { return m.Range(env, 3, splitSyn-2) },
	}
}

// TestSplitMatchesInterpreter runs the split pathway over rows that cross
// the chunk size and whose synapses share targets, and over a range: every
// array has the interpreter's bits.
func TestSplitMatchesInterpreter(t *testing.T) {
	n := newSplitNet(t)
	for name, call := range n.modes() {
		if err := n.compare(t, name, call); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
}

// TestSplitNonFinite makes stored values NaN or infinite — a trace in the
// middle of a long row and in a later row, a conductance added into, the
// weights that read a NaN — and demands the interpreter's error (the first
// non-finite value in the call's order), the one expected, and the
// interpreter's arrays.
func TestSplitNonFinite(t *testing.T) {
	n := newSplitNet(t)
	first := n.begin[6] + 300 // row 6 is the 4th row called
	n.apre[first] = math.Inf(1)
	n.apre[n.begin[5]+10] = math.NaN() // row 5 comes later
	err := n.compare(t, "Rows", n.modes()["Rows"])
	var nf *kernel.NonFinite
	if !errors.As(err, &nf) || nf.Name != "apre" || nf.Elem != int(first) {
		t.Fatalf("error %v, want apre at %d", err, first)
	}

	// A conductance that is already infinite: the first synapse called
	// that reaches it adds into it.
	n = newSplitNet(t)
	target := n.post[n.begin[4]+5] // row 4 is called first
	n.g[target] = math.Inf(-1)
	err = n.compare(t, "Rows", n.modes()["Rows"])
	if !errors.As(err, &nf) || nf.Name != "g_post" || nf.Elem != int(target) {
		t.Fatalf("error %v, want g_post at %d", err, target)
	}

	// A NaN postsynaptic trace, read through a gather, makes the weights
	// of the synapses onto that neuron NaN.
	n = newSplitNet(t)
	target = n.post[n.begin[6]+17]
	n.apost[target] = math.NaN()
	e0 := -1
	for _, r := range n.rows {
		for e := n.begin[r]; e < n.end[r] && e0 < 0; e++ {
			if n.post[e] == target {
				e0 = int(e)
			}
		}
	}
	err = n.compare(t, "Rows", n.modes()["Rows"])
	if !errors.As(err, &nf) || nf.Name != "w" || nf.Elem != e0 {
		t.Fatalf("error %v, want w at %d", err, e0)
	}
}

// BenchmarkSplitRows runs the split pathway for 20 rows of 500 synapses
// each call (100,000 synapses onto 2,000 neurons), interpreted, compiled
// in split loops, and compiled in one loop (the split cleared), with
// checks, and reports the cost per synapse.
func BenchmarkSplitRows(b *testing.B) {
	p := splitProgram(b)
	comp, err := testCompiler(b).Request(p).Wait()
	if err != nil {
		b.Fatal(err)
	}
	const nrow, rowLen, nneuron, called = 200, 500, 2000, 20
	r := rand.New(rand.NewPCG(1, 2))
	post := make([]int32, nrow*rowLen)
	for e := range post {
		post[e] = int32(r.IntN(nneuron))
	}
	begin, end := make([]int32, nrow), make([]int32, nrow)
	for k := range begin {
		begin[k], end[k] = int32(k*rowLen), int32((k+1)*rowLen)
	}
	rows := make([]int32, called)
	env := &kernel.Env{Post: post, Check: true, Distinct: true, Scalars: []float64{1}}
	for _, s := range p.Slots {
		a := make([]float64, map[ir.Index]int{ir.Elem: len(post), ir.Post: nneuron}[s.Index])
		for i := range a {
			a[i] = r.Float64()
		}
		env.Arrays = append(env.Arrays, a)
	}
	c, m := comp.(*Program), p.NewMachine().Interpreted()
	runs := map[string]func() error{
		"interp": func() error { return m.Rows(env, rows, begin, end) },
		"split":  func() error { return c.Rows(env, rows, begin, end) },
		"one-loop": func() error {
			d, err := c.prepare(env, modeRows)
			if err != nil {
				return err
			}
			d.a.rows, d.a.nrows = uintptr(unsafe.Pointer(&rows[0])), int64(len(rows))
			d.a.begin, d.a.end = uintptr(unsafe.Pointer(&begin[0])), uintptr(unsafe.Pointer(&end[0]))
			d.a.split = 0
			return c.run(env, d, kernel.RowSpan(rows, begin, end))
		},
	}
	for _, name := range []string{"interp", "split", "one-loop"} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				for k, x := range r.Perm(nrow)[:called] {
					rows[k] = int32(x)
				}
				if err := runs[name](); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/(called*rowLen), "ns/syn")
		})
	}
}
