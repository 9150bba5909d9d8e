package ir

import (
	"math"

	"github.com/cajal-sim/cajal/internal/mathx"
)

// Call builds the operation fn on args, folding constants and dropping
// neutral terms (x+0, x*1, x/1, x**1, --x). Folding uses Eval, the same
// arithmetic the kernels run, so a folded program computes what an unfolded
// one would.
func Call(fn Fn, args ...*Node) *Node {
	allConst := fn.Arity() > 0
	for _, a := range args {
		if a.Kind != Const {
			allConst = false
		}
	}
	if allConst {
		var vals [3]float64
		for i, a := range args {
			vals[i] = a.Value
		}
		return Num(Eval(fn, vals[:len(args)]...))
	}
	switch fn {
	case Add:
		if args[0].IsConst(0) {
			return args[1]
		}
		if args[1].IsConst(0) {
			return args[0]
		}
	case Sub:
		if args[1].IsConst(0) {
			return args[0]
		}
		if args[0].IsConst(0) {
			return Call(Neg, args[1])
		}
	case Mul:
		if args[0].IsConst(1) {
			return args[1]
		}
		if args[1].IsConst(1) {
			return args[0]
		}
		if args[0].IsConst(0) || args[1].IsConst(0) {
			return Num(0)
		}
		if args[0].IsConst(-1) {
			return Call(Neg, args[1])
		}
		if args[1].IsConst(-1) {
			return Call(Neg, args[0])
		}
	case Div:
		if args[1].IsConst(1) {
			return args[0]
		}
		if args[0].IsConst(0) {
			return Num(0)
		}
	case Pow:
		if args[1].IsConst(1) {
			return args[0]
		}
		if args[1].IsConst(0) {
			return Num(1)
		}
	case Neg:
		if a := args[0]; a.Kind == Op && a.Fn == Neg {
			return a.Args[0]
		}
	}
	return &Node{Kind: Op, Fn: fn, Args: args}
}

// Helpers for readable construction.

// Plus returns a + b.
func Plus(a, b *Node) *Node { return Call(Add, a, b) }

// Minus returns a - b.
func Minus(a, b *Node) *Node { return Call(Sub, a, b) }

// Times returns a * b.
func Times(a, b *Node) *Node { return Call(Mul, a, b) }

// Over returns a / b.
func Over(a, b *Node) *Node { return Call(Div, a, b) }

// Eval computes fn on constant arguments, as the kernels do.
func Eval(fn Fn, a ...float64) float64 {
	switch fn {
	case Add:
		return a[0] + a[1]
	case Sub:
		return a[0] - a[1]
	case Mul:
		return float64(a[0] * a[1])
	case Div:
		return a[0] / a[1]
	case Pow:
		return mathx.Pow(a[0], a[1])
	case Mod:
		return PyMod(a[0], a[1])
	case FloorDiv:
		return math.Floor(a[0] / a[1])
	case Neg:
		return -a[0]
	case Lt:
		return b2f(a[0] < a[1])
	case Le:
		return b2f(a[0] <= a[1])
	case Gt:
		return b2f(a[0] > a[1])
	case Ge:
		return b2f(a[0] >= a[1])
	case Eq:
		return b2f(a[0] == a[1])
	case Ne:
		return b2f(a[0] != a[1])
	case And:
		return b2f(a[0] != 0 && a[1] != 0)
	case Or:
		return b2f(a[0] != 0 || a[1] != 0)
	case Not:
		return b2f(a[0] == 0)
	case Exp:
		return mathx.Exp(a[0])
	case Log:
		return mathx.Log(a[0])
	case Log10:
		return mathx.Log10(a[0])
	case Sqrt:
		return math.Sqrt(a[0])
	case Abs:
		return math.Abs(a[0])
	case Sin:
		return mathx.Sin(a[0])
	case Cos:
		return mathx.Cos(a[0])
	case Tan:
		return mathx.Tan(a[0])
	case Sinh:
		return mathx.Sinh(a[0])
	case Cosh:
		return mathx.Cosh(a[0])
	case Tanh:
		return mathx.Tanh(a[0])
	case Floor:
		return math.Floor(a[0])
	case Ceil:
		return math.Ceil(a[0])
	case Sign:
		return Signum(a[0])
	case Trunc:
		return math.Trunc(a[0])
	case Exprel:
		return Exprelf(a[0])
	case Expm1:
		return mathx.Expm1(a[0])
	case Log1p:
		return mathx.Log1p(a[0])
	case Min:
		return math.Min(a[0], a[1])
	case Max:
		return math.Max(a[0], a[1])
	case Clip:
		return Clipf(a[0], a[1], a[2])
	case Select:
		if a[0] != 0 {
			return a[1]
		}
		return a[2]
	case Binomial:
		return BinomialInv(a[0], a[1], a[2])
	}
	return math.NaN()
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// PyMod is Python's modulo: the result takes the sign of the divisor.
func PyMod(x, y float64) float64 {
	m := math.Mod(x, y)
	if m != 0 && (m < 0) != (y < 0) {
		m += y
	}
	return m
}

// Signum returns -1, 0 or 1 (NaN for NaN).
func Signum(x float64) float64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return x
}

// Exprelf returns expm1(x)/x, and 1 at x = 0 (mathx.Exprel).
func Exprelf(x float64) float64 { return mathx.Exprel(x) }

// Clipf clamps x to [lo, hi].
func Clipf(x, lo, hi float64) float64 {
	if x < lo {
		x = lo
	}
	if x > hi {
		x = hi
	}
	return x
}
