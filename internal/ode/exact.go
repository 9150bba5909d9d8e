package ode

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/cajal-sim/cajal/internal/ir"
)

// linearSystem is dx/dt = A x + b with A[i][j] and b[i] free of the
// system's variables.
type linearSystem struct {
	A [][]*ir.Node
	b []*ir.Node
}

func isTimeOrRandom(n *ir.Node) bool {
	return ir.HasRandom(n) || ir.UsesAny(n, func(v *ir.Node) bool {
		return v.Index == ir.Scalar && v.Name == "t" || v.Index == ir.Noise
	})
}

func linearise(sys System, an *analysis) (*linearSystem, error) {
	if an.stochastic() {
		return nil, fmt.Errorf("exact integration does not handle noise (xi); use euler or heun")
	}
	ls := &linearSystem{}
	for i, eq := range sys.Eqs {
		rest := an.f[i]
		row := make([]*ir.Node, len(sys.Eqs))
		for j, other := range sys.Eqs {
			c, r, ok := ir.Linear(rest, other.Var, ir.Elem)
			if !ok || an.readsSystem(c) {
				return nil, fmt.Errorf("the equation for %s is not linear in %s", eq.Var, other.Var)
			}
			if isTimeOrRandom(c) {
				return nil, fmt.Errorf("the equation for %s has a coefficient that changes with time", eq.Var)
			}
			row[j], rest = c, r
		}
		if isTimeOrRandom(rest) {
			return nil, fmt.Errorf("the equation for %s depends on time or random numbers", eq.Var)
		}
		ls.A = append(ls.A, row)
		ls.b = append(ls.b, rest)
	}
	return ls, nil
}

// exact solves linear equations with constant coefficients over one step.
// Uncoupled equations get x + (a x + b) dt exprel(a dt), which allows
// coefficients that differ per element; coupled ones need coefficients
// shared by all elements and use the matrix exponential of the system.
func exact(sys System, an *analysis) (ir.Block, error) {
	ls, err := linearise(sys, an)
	if err != nil {
		return nil, err
	}
	n := len(sys.Eqs)
	diagonal, constant := true, true
	for i := range n {
		for j := range n {
			if i != j && !ls.A[i][j].IsConst(0) {
				diagonal = false
			}
			if ls.A[i][j].Kind != ir.Const {
				constant = false
			}
		}
	}
	var b ir.Block
	if diagonal {
		for i, eq := range sys.Eqs {
			x := ir.V(eq.Var, ir.Elem)
			a := ls.A[i][i]
			slope := ir.Plus(ir.Times(a, x), ls.b[i])
			step := ir.Times(ir.Num(sys.Dt), ir.Call(ir.Exprel, ir.Times(a, ir.Num(sys.Dt))))
			b = append(b, ir.Assign{Target: newVal(eq.Var), Value: ir.Plus(x, ir.Times(slope, step))})
		}
		return b, nil
	}
	if !constant {
		return nil, fmt.Errorf("exact integration of coupled equations needs coefficients shared by all elements")
	}
	// exp([[A, I], [0, 0]] dt) = [[Phi, Gamma], [0, I]]: x' = Phi x + Gamma b.
	m := mat.NewDense(2*n, 2*n, nil)
	for i := range n {
		for j := range n {
			x := ls.A[i][j].Value * sys.Dt
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return nil, fmt.Errorf("the coefficient of %s in the equation for %s is not finite", sys.Eqs[j].Var, sys.Eqs[i].Var)
			}
			m.Set(i, j, x)
		}
		m.Set(i, n+i, sys.Dt)
	}
	var e mat.Dense
	e.Exp(m)
	for i, eq := range sys.Eqs {
		var v *ir.Node = ir.Num(0)
		for j, other := range sys.Eqs {
			v = ir.Plus(v, ir.Times(ir.Num(e.At(i, j)), ir.V(other.Var, ir.Elem)))
			v = ir.Plus(v, ir.Times(ir.Num(e.At(i, n+j)), ls.b[j]))
		}
		b = append(b, ir.Assign{Target: newVal(eq.Var), Value: v})
	}
	return b, nil
}

// expEuler treats each equation as linear in its own variable, the others
// held at their values at the start of the step: x' = x + (a x + b) dt
// exprel(a dt).
func expEuler(sys System, an *analysis) (ir.Block, error) {
	if an.stochastic() {
		return nil, fmt.Errorf("exponential_euler does not handle noise (xi); use euler or heun")
	}
	var b ir.Block
	for i, eq := range sys.Eqs {
		a, rest, ok := ir.Linear(an.f[i], eq.Var, ir.Elem)
		if !ok {
			return nil, fmt.Errorf("exponential_euler needs the equation for %s to be linear in %s", eq.Var, eq.Var)
		}
		x := ir.V(eq.Var, ir.Elem)
		slope := ir.Plus(ir.Times(a, x), rest)
		step := ir.Times(ir.Num(sys.Dt), ir.Call(ir.Exprel, ir.Times(a, ir.Num(sys.Dt))))
		b = append(b, ir.Assign{Target: newVal(eq.Var), Value: ir.Plus(x, ir.Times(slope, step))})
	}
	return b, nil
}

// Decay is x after elapsed seconds of dx/dt = rate*x: x exp(rate elapsed).
func Decay(x, rate, elapsed *ir.Node) *ir.Node {
	return ir.Times(x, ir.Call(ir.Exp, ir.Times(rate, elapsed)))
}

// EventDriven advances linear, uncoupled equations over an elapsed time
// given as an expression (t - lastupdate), in closed form: the update of
// (event-driven) synaptic variables when a spike reaches the synapse. Each
// equation may read only its own variable and constants or parameters.
func EventDriven(eqs []ir.Equation, elapsed *ir.Node) (ir.Block, error) {
	if len(eqs) == 0 {
		return nil, nil
	}
	sys := System{Eqs: eqs}
	an, err := analyse(sys)
	if err != nil {
		return nil, err
	}
	if an.stochastic() {
		return nil, fmt.Errorf("event-driven equations cannot have noise; make %s clock-driven", eqs[0].Var)
	}
	var b ir.Block
	for i, eq := range eqs {
		a, rest, ok := ir.Linear(an.f[i], eq.Var, ir.Elem)
		if !ok || an.readsSystem(a) || an.readsSystem(rest) || isTimeOrRandom(a) || isTimeOrRandom(rest) {
			return nil, fmt.Errorf("the event-driven equation for %s must be linear in %s with constant coefficients, and read no other changing variable; make it clock-driven", eq.Var, eq.Var)
		}
		if ir.UsesAny(an.f[i], func(v *ir.Node) bool { return v.Index == ir.Pre || v.Index == ir.Post }) {
			return nil, fmt.Errorf("the event-driven equation for %s reads neuron variables, which change between events; make it clock-driven", eq.Var)
		}
		x := ir.V(eq.Var, ir.Elem)
		if rest.IsConst(0) {
			// A decay (a trace): x exp(a elapsed), one exponential, the
			// same for every trace with the same time constant.
			b = append(b, ir.Assign{Target: newVal(eq.Var), Value: Decay(x, a, elapsed)})
			continue
		}
		slope := ir.Plus(ir.Times(a, x), rest)
		step := ir.Times(elapsed, ir.Call(ir.Exprel, ir.Times(a, elapsed)))
		b = append(b, ir.Assign{Target: newVal(eq.Var), Value: ir.Plus(x, ir.Times(slope, step))})
	}
	for _, eq := range eqs {
		b = append(b, ir.Assign{Target: ir.V(eq.Var, ir.Elem), Value: newVal(eq.Var)})
	}
	return b, nil
}
