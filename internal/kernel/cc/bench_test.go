package cc

import (
	"testing"

	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/kernel"
)

// coba is the Euler step of the conductance-based neuron of seed 000 (the
// program of kernel's BenchmarkCOBAUpdate).
func coba(b *testing.B) *kernel.Program {
	v, ga, gg := ir.V("v", ir.Elem), ir.V("g_ampa", ir.Elem), ir.V("g_gaba", ir.Elem)
	dv := ir.Over(ir.Plus(ir.Minus(ir.Times(ir.Num(-10e-9), ir.Minus(v, ir.Num(-0.06))),
		ir.Plus(ir.Times(ga, v), ir.Times(gg, ir.Minus(v, ir.Num(-0.08))))), ir.Num(2e-10)), ir.Num(1))
	block := ir.Block{
		{Target: ir.V("nr", ir.Local), Value: ir.Call(ir.Ge, ir.Minus(ir.V("t", ir.Scalar), ir.V("lastspike", ir.Elem)), ir.Num(5e-3))},
		{Target: v, Value: ir.Call(ir.Select, ir.V("nr", ir.Local), ir.Plus(v, ir.Times(ir.Num(1e-4), dv)), v)},
		{Target: ga, Value: ir.Plus(ga, ir.Times(ir.Num(1e-4), ir.Over(ir.Call(ir.Neg, ga), ir.Num(5e-3))))},
		{Target: gg, Value: ir.Plus(gg, ir.Times(ir.Num(1e-4), ir.Over(ir.Call(ir.Neg, gg), ir.Num(10e-3))))},
	}
	p, err := kernel.Compile(block, nil)
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// BenchmarkCOBA runs the conductance-based update over 10,000 neurons,
// interpreted and compiled, with and without the non-finite check, and
// reports the cost per neuron.
func BenchmarkCOBA(b *testing.B) {
	p := coba(b)
	comp, err := testCompiler(b).Request(p).Wait()
	if err != nil {
		b.Fatal(err)
	}
	const n = 10000
	for _, bc := range []struct {
		name string
		m    interface {
			Range(*kernel.Env, int, int) error
		}
		check bool
	}{
		{"interp", p.NewMachine().Interpreted(), true},
		{"tier1", comp, true},
		{"tier1-nocheck", comp, false},
	} {
		b.Run(bc.name, func(b *testing.B) {
			env := &kernel.Env{Scalars: make([]float64, len(p.Scalars)), Check: bc.check}
			for range p.Slots {
				a := make([]float64, n)
				for i := range a {
					a[i] = -0.06
				}
				env.Arrays = append(env.Arrays, a)
			}
			for b.Loop() {
				if err := bc.m.Range(env, 0, n); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/elem")
		})
	}
}

// BenchmarkCallOverhead measures one call into compiled code: a Range of
// one element of a one-instruction program, and a bare purego call of an
// empty C function.
func BenchmarkCallOverhead(b *testing.B) {
	c := testCompiler(b)
	v := ir.V("v", ir.Elem)
	p, err := kernel.Compile(ir.Block{{Target: v, Value: ir.Plus(v, ir.Num(1))}}, nil)
	if err != nil {
		b.Fatal(err)
	}
	comp, err := c.Request(p).Wait()
	if err != nil {
		b.Fatal(err)
	}
	env := &kernel.Env{Arrays: [][]float64{make([]float64, 1)}}
	b.Run("Range1", func(b *testing.B) {
		for b.Loop() {
			if err := comp.Range(env, 0, 1); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("SyscallN", func(b *testing.B) {
		fn := comp.(*Program).fn
		d, err := comp.(*Program).prepare(env, modeRange)
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			invoke(fn, &d.a) // lo = hi = 0: returns at once
		}
	})
}
