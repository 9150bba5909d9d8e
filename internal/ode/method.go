package ode

import (
	"fmt"
	"strings"

	"github.com/cajal-sim/cajal/internal/ir"
)

// Method names an integration method.
type Method string

// The methods.
const (
	Exact            Method = "exact"
	ExponentialEuler Method = "exponential_euler"
	Euler            Method = "euler"
	RK2              Method = "rk2"
	RK4              Method = "rk4"
	Heun             Method = "heun"
)

// Methods lists every method, in the order Parse's error names them.
var Methods = []Method{Exact, ExponentialEuler, Euler, RK2, RK4, Heun}

// ChoiceOrder is the order in which Choose tries methods, as Brian2 does:
// exact if it applies, else euler (which refuses multiplicative noise),
// else heun. docs/language.md and the package comment say so; a test
// holds them to it.
var ChoiceOrder = []Method{Exact, Euler, Heun}

// tableau is an explicit Runge-Kutta method: stage s evaluates the
// derivative at x + dt*sum_j A[s][j]*k_j and time t + C[s]*dt; the step is
// x + dt*sum_s B[s]*k_s.
type tableau struct {
	A [][]float64
	B []float64
	C []float64
}

var tableaux = map[Method]tableau{
	Euler: {A: [][]float64{{}}, B: []float64{1}, C: []float64{0}},
	RK2:   {A: [][]float64{{}, {0.5}}, B: []float64{0, 1}, C: []float64{0, 0.5}},
	Heun:  {A: [][]float64{{}, {1}}, B: []float64{0.5, 0.5}, C: []float64{0, 1}},
	RK4: {
		A: [][]float64{{}, {0.5}, {0, 0.5}, {0, 0, 1}},
		B: []float64{1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6},
		C: []float64{0, 0.5, 0.5, 1},
	},
}

// Order is the order of accuracy of a method on deterministic equations.
func (m Method) Order() int {
	switch m {
	case Exact:
		return 0 // exact up to rounding
	case Euler, ExponentialEuler:
		return 1
	case RK2, Heun:
		return 2
	case RK4:
		return 4
	}
	return -1
}

// Parse checks a method name; "linear" is accepted for exact, "" means
// automatic choice.
func Parse(name string) (Method, error) {
	switch name {
	case "", "auto":
		return "", nil
	case "linear":
		return Exact, nil
	}
	for _, m := range Methods {
		if string(m) == name {
			return m, nil
		}
	}
	names := make([]string, len(Methods))
	for i, m := range Methods {
		names[i] = string(m)
	}
	return "", fmt.Errorf("unknown integration method %q; expected one of %s", name, strings.Join(names, ", "))
}

// System is the differential equations of a group, integrated together.
type System struct {
	Eqs []ir.Equation
	Dt  float64 // the time step in seconds
	// NotRefractory names the Elem variable that is non-zero when an element
	// may integrate its (unless refractory) variables.
	NotRefractory string
	// NoiseDraw is the first random draw number the noise terms may use.
	NoiseDraw int
}

// Integrate writes one step of method m for the system. The block ends by
// assigning each variable its new value.
func Integrate(sys System, m Method) (ir.Block, error) {
	if len(sys.Eqs) == 0 {
		return nil, nil
	}
	an, err := analyse(sys)
	if err != nil {
		return nil, err
	}
	var b ir.Block
	switch m {
	case Exact:
		b, err = exact(sys, an)
	case ExponentialEuler:
		b, err = expEuler(sys, an)
	case Euler, RK2, RK4:
		b, err = explicit(sys, an, m)
	case Heun:
		b, err = heun(sys, an)
	default:
		return nil, fmt.Errorf("unknown integration method %q", m)
	}
	if err != nil {
		return nil, err
	}
	return finish(sys, b), nil
}

// Choose picks a method for the system as Brian2 does: exact when it
// applies, else euler when the noise (if any) is additive, else heun.
func Choose(sys System) (Method, error) {
	for _, m := range ChoiceOrder {
		if _, err := Integrate(sys, m); err == nil {
			return m, nil
		}
	}
	_, err := Integrate(sys, Heun)
	return "", err
}

// finish assigns the new values, holding the (unless refractory) variables.
func finish(sys System, b ir.Block) ir.Block {
	for _, eq := range sys.Eqs {
		x := ir.V(eq.Var, ir.Elem)
		v := newVal(eq.Var)
		if eq.Hold && sys.NotRefractory != "" {
			v = ir.Call(ir.Select, ir.V(sys.NotRefractory, ir.Elem), v, x)
		}
		b = append(b, ir.Assign{Target: x, Value: v})
	}
	return b
}

func local(format string, args ...any) *ir.Node {
	return ir.V(fmt.Sprintf(format, args...), ir.Local)
}

func newVal(name string) *ir.Node { return local("_%s_new", name) }
