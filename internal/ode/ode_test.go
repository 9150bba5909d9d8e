package ode

import (
	"math"
	"testing"

	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/kernel"
)

// step integrates sys from x0 over T with the given method, one element.
func integrate(t *testing.T, sys System, m Method, x0 map[string]float64, T float64) map[string]float64 {
	t.Helper()
	b, err := Integrate(sys, m)
	if err != nil {
		t.Fatalf("%s: %v", m, err)
	}
	p, err := kernel.Compile(b, nil)
	if err != nil {
		t.Fatal(err)
	}
	arrays := map[string][]float64{}
	env := &kernel.Env{}
	for _, s := range p.Slots {
		a := []float64{x0[s.Name]}
		arrays[s.Name] = a
		env.Arrays = append(env.Arrays, a)
	}
	env.Scalars = make([]float64, len(p.Scalars))
	mach := p.NewMachine()
	steps := int(math.Round(T / sys.Dt))
	for n := 0; n < steps; n++ {
		for i, name := range p.Scalars {
			if name == "t" {
				env.Scalars[i] = float64(n) * sys.Dt
			}
		}
		env.Step = uint64(n)
		if err := mach.Range(env, 0, 1); err != nil {
			t.Fatal(err)
		}
	}
	out := map[string]float64{}
	for k, a := range arrays {
		out[k] = a[0]
	}
	return out
}

func decay(dt float64) System {
	// dx/dt = -x/tau, tau = 10 ms
	return System{Dt: dt, Eqs: []ir.Equation{{Var: "x", RHS: ir.Over(ir.Call(ir.Neg, ir.V("x", ir.Elem)), ir.Num(0.01))}}}
}

// The global error of a method of order p falls by 2^p when dt halves. The
// observed order from dt = 1 ms, 0.5 ms, 0.25 ms over 50 ms of decay
// (tau = 10 ms) is within 0.15 of p: the next term of the error expansion
// changes the ratio by O(dt/tau) = 2.5-10 %.
func TestConvergenceOrder(t *testing.T) {
	T := 0.05
	want := math.Exp(-T / 0.01)
	for _, m := range []Method{Euler, RK2, Heun, RK4} {
		var errs []float64
		for _, dt := range []float64{1e-3, 0.5e-3, 0.25e-3} {
			got := integrate(t, decay(dt), m, map[string]float64{"x": 1}, T)["x"]
			errs = append(errs, math.Abs(got-want))
		}
		for i := 1; i < len(errs); i++ {
			order := math.Log2(errs[i-1] / errs[i])
			if math.Abs(order-float64(m.Order())) > 0.15 {
				t.Errorf("%s: observed order %.3f, want %d (errors %v)", m, order, m.Order(), errs)
			}
		}
	}
	// exact and exponential_euler are exact on this equation, to rounding.
	for _, m := range []Method{Exact, ExponentialEuler} {
		got := integrate(t, decay(1e-3), m, map[string]float64{"x": 1}, T)["x"]
		if math.Abs(got-want) > 1e-14 {
			t.Errorf("%s: x(T) = %.17g, want %.17g", m, got, want)
		}
	}
}

// A coupled linear system: a synaptic conductance g decays and drives v.
//
//	dg/dt = -g/tg,  dv/dt = (-v + g)/tv
//
// with v(0) = 0, g(0) = 1 has v(t) = tg/(tg-tv) (exp(-t/tg) - exp(-t/tv)).
func TestExactCoupled(t *testing.T) {
	tg, tv := 0.005, 0.02
	g, v := ir.V("g", ir.Elem), ir.V("v", ir.Elem)
	sys := System{Dt: 1e-3, Eqs: []ir.Equation{
		{Var: "v", RHS: ir.Over(ir.Plus(ir.Call(ir.Neg, v), g), ir.Num(tv))},
		{Var: "g", RHS: ir.Over(ir.Call(ir.Neg, g), ir.Num(tg))},
	}}
	T := 0.03
	got := integrate(t, sys, Exact, map[string]float64{"g": 1}, T)
	want := tg / (tg - tv) * (math.Exp(-T/tg) - math.Exp(-T/tv))
	if math.Abs(got["v"]-want) > 1e-13 {
		t.Errorf("v(T) = %.15g, want %.15g", got["v"], want)
	}
	if m, err := Choose(sys); err != nil || m != Exact {
		t.Errorf("Choose = %v, %v; want exact", m, err)
	}
}

func TestChoose(t *testing.T) {
	v := ir.V("v", ir.Elem)
	xi := ir.V("xi", ir.Noise)
	cases := []struct {
		rhs  *ir.Node
		want Method
	}{
		{ir.Call(ir.Neg, ir.Times(v, v)), Euler},                         // nonlinear
		{ir.Plus(ir.Call(ir.Neg, v), xi), Euler},                         // additive noise
		{ir.Plus(ir.Call(ir.Neg, v), ir.Times(v, xi)), Heun},             // multiplicative noise
		{ir.Plus(ir.Call(ir.Neg, v), ir.V("I", ir.Elem)), Exact},         // linear, per-element input
		{ir.Plus(ir.Call(ir.Neg, v), ir.V("t", ir.Scalar)), Euler},       // time-dependent input
		{ir.Over(ir.Call(ir.Neg, v), ir.V("tau", ir.Elem)), Exact},       // per-element time constant
		{ir.Call(ir.Sin, ir.Plus(v, ir.Call(ir.Exp, ir.Num(1)))), Euler}, // nonlinear
	}
	for _, c := range cases {
		sys := System{Dt: 1e-4, Eqs: []ir.Equation{{Var: "v", RHS: c.rhs}}}
		if m, err := Choose(sys); err != nil || m != c.want {
			t.Errorf("Choose(dv/dt = %s) = %v, %v; want %v", c.rhs, m, err, c.want)
		}
	}
	// Named methods that cannot integrate the equations say why.
	sys := System{Dt: 1e-4, Eqs: []ir.Equation{{Var: "v", RHS: ir.Times(v, xi)}}}
	for _, m := range []Method{Exact, Euler, RK4, ExponentialEuler} {
		if _, err := Integrate(sys, m); err == nil {
			t.Errorf("%s accepted multiplicative noise", m)
		}
	}
	if _, err := Parse("rk45"); err == nil {
		t.Error("Parse accepted an unknown method")
	}
}
