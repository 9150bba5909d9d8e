package cc

import (
	"fmt"
	"math"
	"testing"

	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/kernel"
)

// TestOperationsOnSpecialValues computes every operation on every triple
// of special values (signed zeros, infinities, NaN, the smallest
// subnormal, huge numbers) in one program and demands the interpreter's
// bits.
func TestOperationsOnSpecialValues(t *testing.T) {
	c := testCompiler(t)
	x, y, z := ir.V("x", ir.Elem), ir.V("y", ir.Elem), ir.V("z", ir.Elem)
	var b ir.Block
	for f := ir.Add; f <= ir.Select; f++ {
		if standIn && transcendental[f] {
			continue
		}
		args := []*ir.Node{x, y, z}[:f.Arity()]
		b = append(b, ir.Assign{Target: ir.V(fmt.Sprintf("o%d", f), ir.Elem), Value: &ir.Node{Kind: ir.Op, Fn: f, Args: args}})
	}
	p, err := kernel.Compile(b, nil)
	if err != nil {
		t.Fatal(err)
	}
	comp, err := c.Request(p).Wait()
	if err != nil {
		t.Fatal(err)
	}
	vals := append([]float64{math.Nextafter(1, 2), -0.75, 1.5, -3}, specials...)
	n := len(vals) * len(vals) * len(vals)
	mk := func() *kernel.Env {
		env := &kernel.Env{}
		for _, s := range p.Slots {
			a := make([]float64, n)
			for e := range a {
				switch s.Name {
				case "x":
					a[e] = vals[e%len(vals)]
				case "y":
					a[e] = vals[e/len(vals)%len(vals)]
				case "z":
					a[e] = vals[e/len(vals)/len(vals)]
				}
			}
			env.Arrays = append(env.Arrays, a)
		}
		return env
	}
	ei, ec := mk(), mk()
	if err := p.NewMachine().Interpreted().Range(ei, 0, n); err != nil {
		t.Fatal(err)
	}
	if err := comp.Range(ec, 0, n); err != nil {
		t.Fatal(err)
	}
	for i, s := range p.Slots {
		for e := range n {
			if a, b := ei.Arrays[i][e], ec.Arrays[i][e]; !same(a, b) {
				var f ir.Fn
				fmt.Sscanf(s.Name, "o%d", &f)
				t.Errorf("%s(%v, %v, %v) = %v interpreted, %v compiled", f, ei.Arrays[0][e], ei.Arrays[1][e], ei.Arrays[2][e], a, b)
				break
			}
		}
	}
}
