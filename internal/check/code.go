package check

import (
	"math"

	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/syntax"
	"github.com/cajal-sim/cajal/unit"
)

// Equations checks the model's differential equations and subexpressions
// and returns the equations integrated every step (all of a neuron
// group's, and a synapse group's clock-driven ones) and the (event-driven)
// ones.
func (s *Scope) Equations() (clock, event []ir.Equation, err error) {
	m := s.Model
	c := s.checker(m.Source, m.Text)
	err = c.run(func() {
		for _, v := range m.Vars {
			switch v.Kind {
			case syntax.Subexpression:
				if v.Summed {
					continue
				}
				c.variable(&syntax.Ident{At: v.Eq.NamePos, Name: v.Name}, v, ir.Elem, s)
			case syntax.Differential:
				c.noise = true
				rhs := c.expr(v.Eq.RHS)
				if v.Eq.Coef != nil {
					coef := c.expr(v.Eq.Coef)
					rhs = typed{n: ir.Over(rhs.n, coef.n), dim: rhs.dim.Div(coef.dim), anyDim: rhs.anyDim}
				}
				c.noise = false
				want := v.Dim.Div(unit.Second.Dim)
				if !rhs.anyDim && !rhs.dim.Equal(want) {
					lhs := "d" + v.Name + "/dt"
					if v.Eq.Coef != nil {
						lhs = "the right-hand side divided by the coefficient"
					}
					c.fail(start(v.Eq.RHS), "dimension mismatch in the equation for %s: %s must have dimension %s (the unit of %s, %s, per second), got %s",
						v.Name, lhs, dimName(want), v.Name, dimName(v.Dim), dimName(rhs.dim))
				}
				eq := ir.Equation{Var: v.Name, RHS: rhs.n, Hold: v.UnlessRefractory}
				if v.EventDriven {
					event = append(event, eq)
				} else {
					clock = append(clock, eq)
				}
			}
		}
	})
	return clock, event, err
}

// SummedVar is a (summed) subexpression of a synapse model: every step,
// the postsynaptic variable Target is set to the sum of Value over the
// neuron's synapses.
type SummedVar struct {
	Target string
	Value  *ir.Node
}

// Summed checks the (summed) subexpressions of a synapse model.
func (s *Scope) Summed() ([]SummedVar, error) {
	m := s.Model
	c := s.checker(m.Source, m.Text)
	var out []SummedVar
	err := c.run(func() {
		for _, v := range m.Vars {
			if !v.Summed {
				continue
			}
			base, _ := cutSuffix(v.Name, "_post")
			tv := s.Post.Model.Lookup(base)
			if tv == nil || tv.Kind != syntax.Parameter {
				c.fail(v.Eq.NamePos, "the summed variable %s must name a parameter of the postsynaptic group (declared there as %s : unit)", v.Name, base)
			}
			if !tv.Dim.Equal(v.Dim) {
				c.fail(v.Eq.NamePos, "the summed variable %s has dimension %s, the postsynaptic %s %s", v.Name, dimName(v.Dim), base, dimName(tv.Dim))
			}
			val := c.expr(v.Eq.RHS)
			if !val.anyDim && !val.dim.Equal(v.Dim) {
				c.fail(start(v.Eq.RHS), "the expression for %s has dimension %s; expected %s", v.Name, dimName(val.dim), dimName(v.Dim))
			}
			out = append(out, SummedVar{Target: base, Value: val.n})
		}
	})
	return out, err
}

// Condition checks a boolean condition (a threshold).
func (s *Scope) Condition(source, text, what string) (*ir.Node, error) {
	e, err := syntax.ParseExpr(source, text)
	if err != nil {
		return nil, err
	}
	c := s.checker(source, text)
	var n *ir.Node
	err = c.run(func() {
		t := c.expr(e)
		if t.typ != Bool {
			c.fail(start(e), "%s must be a boolean condition such as v > vt, got a number with dimension %s", what, dimName(t.dim))
		}
		n = t.n
	})
	return n, err
}

// Expression checks an expression and returns it with its dimension;
// booleans come back as 0 or 1 with ok false in isBool.
func (s *Scope) Expression(source, text string) (n *ir.Node, dim unit.Dim, isBool bool, err error) {
	e, err := syntax.ParseExpr(source, text)
	if err != nil {
		return nil, dim, false, err
	}
	c := s.checker(source, text)
	err = c.run(func() {
		t := c.expr(e)
		n, dim, isBool = t.n, t.dim, t.typ == Bool
		if t.anyDim {
			dim = unit.Dimensionless
		}
	})
	return n, dim, isBool, err
}

// ExpressionOf checks an expression that must have dimension want (any
// dimension fits a literal 0).
func (s *Scope) ExpressionOf(source, text string, want unit.Dim, what string) (*ir.Node, error) {
	e, err := syntax.ParseExpr(source, text)
	if err != nil {
		return nil, err
	}
	c := s.checker(source, text)
	var n *ir.Node
	err = c.run(func() {
		t := c.expr(e)
		if !t.anyDim && !t.dim.Equal(want) {
			c.fail(start(e), "%s must have dimension %s, got %s", what, dimName(want), dimName(t.dim))
		}
		n = t.n
	})
	return n, err
}

// RefractoryPeriod checks a refractory period: a duration (an expression with
// dimension second) or a condition that holds while refractory. It
// returns the statement that sets not_refractory each step.
func (s *Scope) RefractoryPeriod(source, text string) (ir.Assign, error) {
	e, err := syntax.ParseExpr(source, text)
	if err != nil {
		return ir.Assign{}, err
	}
	c := s.checker(source, text)
	var a ir.Assign
	err = c.run(func() {
		t := c.expr(e)
		target := ir.V("not_refractory", ir.Elem)
		if t.typ == Bool {
			a = ir.Assign{Target: target, Value: ir.Call(ir.Not, t.n)}
			return
		}
		if !t.anyDim && !t.dim.Equal(unit.Second.Dim) {
			c.fail(start(e), "the refractory period must be a duration (dimension second) or a condition, got dimension %s", dimName(t.dim))
		}
		if t.n.Kind == ir.Const && t.n.Value < 0 {
			c.fail(e.Pos(), "the refractory period must not be negative, got %g s", t.n.Value)
		}
		// As Brian2 does, compare whole time steps:
		// timestep(t - lastspike) >= timestep(refractory).
		steps := func(x *ir.Node) *ir.Node {
			return ir.Call(ir.Floor, ir.Plus(ir.Over(x, ir.Num(s.Dt)), ir.Num(1e-3)))
		}
		since := ir.Minus(ir.V("t", ir.Scalar), ir.V("lastspike", ir.Elem))
		if t.n.Kind == ir.Const {
			a = s.RefractoryFor(t.n.Value)
			return
		}
		a = ir.Assign{Target: target, Value: ir.Call(ir.Ge, steps(since), steps(t.n))}
	})
	return a, err
}

// RefractoryFor is the refractory test for a fixed period in seconds (not
// negative): with a period of n whole steps, as Brian2 counts them,
// t - lastspike >= (n - 1e-3)*dt, one subtraction and one compare.
func (s *Scope) RefractoryFor(period float64) ir.Assign {
	since := ir.Minus(ir.V("t", ir.Scalar), ir.V("lastspike", ir.Elem))
	n := math.Floor(period/s.Dt + 1e-3)
	return ir.Assign{Target: ir.V("not_refractory", ir.Elem), Value: ir.Call(ir.Ge, since, ir.Num((n-1e-3)*s.Dt))}
}

// Statements checks a block of statements (a reset or a synaptic pathway)
// and expands compound assignments.
func (s *Scope) Statements(source, text string) (ir.Block, error) {
	stmts, err := syntax.ParseStatements(source, text)
	if err != nil {
		return nil, err
	}
	c := s.checker(source, text)
	var b ir.Block
	err = c.run(func() {
		for _, st := range stmts {
			target := c.target(st.Target)
			val := c.expr(st.Value)
			name := st.Target.Name
			if target.typ == Bool {
				if st.Op != syntax.ASSIGN || val.typ != Bool {
					c.fail(st.At, "%s is boolean: assign it a condition with '='", name)
				}
				b = append(b, ir.Assign{Target: target.n, Value: val.n})
				continue
			}
			var v *ir.Node
			switch st.Op {
			case syntax.ASSIGN, syntax.ADD_ASSIGN, syntax.SUB_ASSIGN:
				if !val.anyDim && !val.dim.Equal(target.dim) {
					c.fail(start(st.Value), "dimension mismatch in the assignment to %s: %s has dimension %s, the value has dimension %s",
						name, name, dimName(target.dim), dimName(val.dim))
				}
				switch st.Op {
				case syntax.ASSIGN:
					v = val.n
				case syntax.ADD_ASSIGN:
					v = ir.Plus(target.n, val.n)
				default:
					v = ir.Minus(target.n, val.n)
				}
			case syntax.MUL_ASSIGN, syntax.DIV_ASSIGN:
				c.dimensionless(st.Value, val, "the factor in "+name+" "+st.Op.String())
				if st.Op == syntax.MUL_ASSIGN {
					v = ir.Times(target.n, val.n)
				} else {
					v = ir.Over(target.n, val.n)
				}
			}
			b = append(b, ir.Assign{Target: target.n, Value: v})
		}
	})
	return b, err
}

// target resolves the variable a statement writes.
func (c *checker) target(id *syntax.Ident) typed {
	if v := c.declared(id.Name); v != nil {
		if v.Kind == syntax.Subexpression {
			c.fail(id.At, "%s is a subexpression and cannot be assigned", id.Name)
		}
		if v.Constant {
			c.fail(id.At, "%s is constant and cannot be assigned", id.Name)
		}
	}
	t := c.ident(id)
	if t.n.Kind != ir.Var || (t.n.Index == ir.Scalar && id.Name == "t") {
		c.fail(id.At, "%s cannot be assigned: expected a variable of the model", id.Name)
	}
	return t
}

// declared finds the declaration a name refers to, if any.
func (c *checker) declared(name string) *Var {
	s := c.scope
	if v := s.Model.Lookup(name); v != nil {
		return v
	}
	if s.Post != nil {
		if base, ok := cutSuffix(name, "_post"); ok && s.Post.Model.Lookup(base) != nil {
			return s.Post.Model.Lookup(base)
		}
		if base, ok := cutSuffix(name, "_pre"); ok && s.Pre.Model.Lookup(base) != nil {
			return s.Pre.Model.Lookup(base)
		}
		return s.Post.Model.Lookup(name)
	}
	return nil
}

// start is the position of the first character of an expression.
func start(e syntax.Expr) syntax.Pos {
	for {
		switch x := e.(type) {
		case *syntax.Binary:
			e = x.X
		default:
			return e.Pos()
		}
	}
}
