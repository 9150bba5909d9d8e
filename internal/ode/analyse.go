package ode

import (
	"fmt"
	"sort"

	"github.com/cajal-sim/cajal/internal/ir"
)

// analysis splits each right-hand side into a drift f and one diffusion
// coefficient per noise variable: dx/dt = f + sum_k g[k]*xi_k.
type analysis struct {
	vars     map[string]bool
	f        []*ir.Node
	g        [][]*ir.Node // g[eq][k]
	noise    []string     // noise variables, sorted
	additive bool         // no g reads a variable of the system
}

func analyse(sys System) (*analysis, error) {
	an := &analysis{vars: map[string]bool{}, additive: true}
	seen := map[string]bool{}
	for _, eq := range sys.Eqs {
		if an.vars[eq.Var] {
			return nil, fmt.Errorf("%s has two differential equations", eq.Var)
		}
		an.vars[eq.Var] = true
		ir.Walk(eq.RHS, func(n *ir.Node) bool {
			if n.Kind == ir.Var && n.Index == ir.Noise && !seen[n.Name] {
				seen[n.Name] = true
				an.noise = append(an.noise, n.Name)
			}
			return true
		})
	}
	sort.Strings(an.noise)
	for _, eq := range sys.Eqs {
		f := eq.RHS
		gs := make([]*ir.Node, len(an.noise))
		for k, xi := range an.noise {
			c, rest, ok := ir.Linear(f, xi, ir.Noise)
			if !ok {
				return nil, fmt.Errorf("the noise %s must enter the equation for %s linearly", xi, eq.Var)
			}
			gs[k], f = c, rest
			if an.readsSystem(c) {
				an.additive = false
			}
		}
		an.f = append(an.f, f)
		an.g = append(an.g, gs)
	}
	return an, nil
}

func (an *analysis) stochastic() bool { return len(an.noise) > 0 }

func (an *analysis) readsSystem(n *ir.Node) bool {
	return ir.UsesAny(n, func(v *ir.Node) bool { return v.Index == ir.Elem && an.vars[v.Name] })
}

// at evaluates n at the state given by the locals state[var] (nil: the
// variable itself) and time t + c*dt.
func at(n *ir.Node, state map[string]*ir.Node, c, dt float64) *ir.Node {
	return ir.Substitute(n, func(v *ir.Node) *ir.Node {
		if v.Index == ir.Elem {
			if s := state[v.Name]; s != nil {
				return s
			}
		}
		if c != 0 && v.Index == ir.Scalar && v.Name == "t" {
			return ir.Plus(v, ir.Num(c*dt))
		}
		return nil
	})
}

// noiseDraw is the standard normal draw of noise variable k.
func noiseDraw(sys System, k int) *ir.Node {
	n := ir.Call(ir.Randn)
	n.Draw = sys.NoiseDraw + k
	return n
}
