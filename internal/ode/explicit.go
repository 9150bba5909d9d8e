package ode

import (
	"fmt"
	"math"

	"github.com/cajal-sim/cajal/internal/ir"
)

// explicit writes a Runge-Kutta step from a tableau; euler also takes
// additive noise (Euler-Maruyama).
func explicit(sys System, an *analysis, m Method) (ir.Block, error) {
	if an.stochastic() {
		if m != Euler {
			return nil, fmt.Errorf("%s cannot integrate stochastic equations; use euler (additive noise) or heun", m)
		}
		if !an.additive {
			return nil, fmt.Errorf("euler handles additive noise only, and the noise here depends on the state; use heun")
		}
	}
	tab := tableaux[m]
	var b ir.Block
	dt := sys.Dt
	// k[s][i] is stage s's derivative of equation i.
	k := make([][]*ir.Node, len(tab.B))
	for s := range tab.B {
		state := map[string]*ir.Node{}
		if s > 0 {
			for i, eq := range sys.Eqs {
				sum := ir.V(eq.Var, ir.Elem)
				for j, a := range tab.A[s] {
					if a != 0 {
						sum = ir.Plus(sum, ir.Times(ir.Num(a*dt), k[j][i]))
					}
				}
				tmp := local("_%s_s%d", eq.Var, s)
				b = append(b, ir.Assign{Target: tmp, Value: sum})
				state[eq.Var] = tmp
			}
		}
		for i, eq := range sys.Eqs {
			tmp := local("_%s_k%d", eq.Var, s)
			b = append(b, ir.Assign{Target: tmp, Value: at(an.f[i], state, tab.C[s], dt)})
			k[s] = append(k[s], tmp)
		}
	}
	for i, eq := range sys.Eqs {
		x := ir.V(eq.Var, ir.Elem)
		var incr *ir.Node = ir.Num(0)
		for s, w := range tab.B {
			if w != 0 {
				incr = ir.Plus(incr, ir.Times(ir.Num(w*dt), k[s][i]))
			}
		}
		for kk := range an.noise {
			incr = ir.Plus(incr, ir.Times(ir.Times(an.g[i][kk], ir.Num(math.Sqrt(dt))), noiseDraw(sys, kk)))
		}
		b = append(b, ir.Assign{Target: newVal(eq.Var), Value: ir.Plus(x, incr)})
	}
	return b, nil
}

// heun writes the stochastic Heun step (Stratonovich):
//
//	x_s  = x + dt*f(x,t) + sqrt(dt)*g(x,t)*xi
//	k1   = dt*f(x,t);  k2 = dt*f(x+k1, t+dt)
//	x'   = x + (k1+k2)/2 + sqrt(dt)*(g(x,t) + g(x_s,t+dt))/2*xi
//
// Without noise it is the improved Euler method.
func heun(sys System, an *analysis) (ir.Block, error) {
	if !an.stochastic() {
		return explicit(sys, an, Heun)
	}
	var b ir.Block
	dt, sq := sys.Dt, math.Sqrt(sys.Dt)
	k1 := map[string]*ir.Node{}
	support := map[string]*ir.Node{}
	first := map[string]*ir.Node{}
	for i, eq := range sys.Eqs {
		x := ir.V(eq.Var, ir.Elem)
		kv := local("_%s_k1", eq.Var)
		b = append(b, ir.Assign{Target: kv, Value: ir.Times(ir.Num(dt), an.f[i])})
		k1[eq.Var] = kv
		sup := ir.Plus(x, kv)
		for k := range an.noise {
			sup = ir.Plus(sup, ir.Times(ir.Times(an.g[i][k], ir.Num(sq)), noiseDraw(sys, k)))
		}
		sv := local("_%s_support", eq.Var)
		b = append(b, ir.Assign{Target: sv, Value: sup})
		support[eq.Var] = sv
		first[eq.Var] = ir.Plus(x, kv)
	}
	for i, eq := range sys.Eqs {
		x := ir.V(eq.Var, ir.Elem)
		k2 := ir.Times(ir.Num(dt), at(an.f[i], first, 1, dt))
		incr := ir.Times(ir.Num(0.5), ir.Plus(k1[eq.Var], k2))
		for k := range an.noise {
			g2 := at(an.g[i][k], support, 1, dt)
			gsum := ir.Times(ir.Num(0.5*sq), ir.Plus(an.g[i][k], g2))
			incr = ir.Plus(incr, ir.Times(gsum, noiseDraw(sys, k)))
		}
		b = append(b, ir.Assign{Target: newVal(eq.Var), Value: ir.Plus(x, incr)})
	}
	return b, nil
}
