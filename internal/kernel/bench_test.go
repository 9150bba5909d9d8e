package kernel

import (
	"testing"

	"github.com/cajal-sim/cajal/internal/ir"
)

// BenchmarkCOBAUpdate runs the Euler step of the conductance-based neuron
// of seed 000 over 10,000 elements: the interpreter's cost per element.
func BenchmarkCOBAUpdate(b *testing.B) {
	v, ga, gg := ir.V("v", ir.Elem), ir.V("g_ampa", ir.Elem), ir.V("g_gaba", ir.Elem)
	dv := ir.Over(ir.Plus(ir.Minus(ir.Times(ir.Num(-10e-9), ir.Minus(v, ir.Num(-0.06))),
		ir.Plus(ir.Times(ga, v), ir.Times(gg, ir.Minus(v, ir.Num(-0.08))))), ir.Num(2e-10)), ir.Num(1))
	block := ir.Block{
		{Target: ir.V("nr", ir.Local), Value: ir.Call(ir.Ge, ir.Minus(ir.V("t", ir.Scalar), ir.V("lastspike", ir.Elem)), ir.Num(5e-3))},
		{Target: v, Value: ir.Call(ir.Select, ir.V("nr", ir.Local), ir.Plus(v, ir.Times(ir.Num(1e-4), dv)), v)},
		{Target: ga, Value: ir.Plus(ga, ir.Times(ir.Num(1e-4), ir.Over(ir.Call(ir.Neg, ga), ir.Num(5e-3))))},
		{Target: gg, Value: ir.Plus(gg, ir.Times(ir.Num(1e-4), ir.Over(ir.Call(ir.Neg, gg), ir.Num(10e-3))))},
	}
	p, err := Compile(block, nil)
	if err != nil {
		b.Fatal(err)
	}
	const n = 10000
	env := &Env{Scalars: make([]float64, len(p.Scalars)), Check: true}
	for range p.Slots {
		a := make([]float64, n)
		for i := range a {
			a[i] = -0.06
		}
		env.Arrays = append(env.Arrays, a)
	}
	m := p.NewMachine()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := m.Range(env, 0, n); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/elem")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n/float64(len(p.Code)), "ns/elem-instr")
}
