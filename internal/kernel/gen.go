package kernel

import (
	"fmt"
	"math"
	"strings"

	"github.com/cajal-sim/cajal/internal/ir"
)

// GoSource writes p as a Go function named name with the signature of
// Native, for a package that imports kernel, ir, rng and math. The code
// runs element by element what the interpreter runs chunk by chunk, with
// the same operations in the same order, so both give identical results.
func (p *Program) GoSource(name string) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("// %s is the compiled form of program %s.\n", name, p.Key())
	w("func %s(env *kernel.Env, lo, n int, idx []int32, result []float64) error {\n", name)
	for i := range p.Slots {
		w("\ta%d := env.Arrays[%d]\n", i, i)
	}
	for i := range p.Scalars {
		w("\ts%d := env.Scalars[%d]\n", i, i)
	}
	w("\tsk := env.Key.Step(env.Step)\n\t_ = sk\n")
	if p.NumRegs > 0 {
		regs := make([]string, p.NumRegs)
		for r := range regs {
			regs[r] = fmt.Sprintf("r%d", r)
		}
		w("\tvar %s float64\n", strings.Join(regs, ", "))
	}
	for _, c := range p.Consts {
		w("\tr%d = %s\n", c.Reg, lit(c.Value))
	}
	w("\tfor i := 0; i < n; i++ {\n")
	w("\t\te := lo + i\n\t\tif idx != nil {\n\t\t\te = int(idx[i])\n\t\t}\n\t\t_ = e\n")
	if p.Uses.Pre {
		w("\t\tpre := int(env.Pre[e])\n\t\t_ = pre\n")
	}
	if p.Uses.Post {
		w("\t\tpost := int(env.Post[e])\n\t\t_ = post\n")
	}
	at := func(slot int32) string {
		switch p.Slots[slot].Index {
		case ir.Pre:
			return "pre"
		case ir.Post:
			return "post"
		}
		return "e"
	}
	for _, in := range p.Code {
		d := fmt.Sprintf("r%d", in.Dst)
		a, bb, c := fmt.Sprintf("r%d", in.A), fmt.Sprintf("r%d", in.B), fmt.Sprintf("r%d", in.C)
		k := lit(in.K)
		switch in.Op {
		case OpLoad:
			w("\t\t%s = a%d[%s]\n", d, in.Slot, at(in.Slot))
		case OpScalar:
			w("\t\t%s = s%d\n", d, in.Slot)
		case OpIndex:
			src := map[float64]string{0: "e", 1: "pre", 2: "post"}[in.K]
			w("\t\t%s = float64(%s)\n", d, src)
		case OpRand:
			w("\t\t%s = sk.Uniform(uint64(e), %d)\n", d, in.Draw)
		case OpRandn:
			w("\t\t%s = sk.Normal(uint64(e), %d)\n", d, in.Draw)
		case OpAddK:
			w("\t\t%s = %s + %s\n", d, a, k)
		case OpMulK:
			w("\t\t%s = %s * %s\n", d, a, k)
		case OpDivK:
			w("\t\t%s = %s / %s\n", d, a, k)
		case OpRSubK:
			w("\t\t%s = %s - %s\n", d, k, a)
		case OpRDivK:
			w("\t\t%s = %s / %s\n", d, k, a)
		case OpAxpyK:
			w("\t\t%s = %s*%s + %s\n", d, a, k, bb)
		case OpCmpK:
			w("\t\t%s = kernel.Bool(%s %s %s)\n", d, a, in.Fn, k)
		case OpFn:
			w("\t\t%s = %s\n", d, fnExpr(in.Fn, a, bb, c))
		case OpStore:
			w("\t\ta%d[%s] = %s\n", in.Slot, at(in.Slot), a)
			if p.Slots[in.Slot].Index == ir.Elem {
				w("\t\tif env.Check && kernel.NotFinite(%s) {\n\t\t\treturn &kernel.NonFinite{Name: %q, Elem: e, Value: %s}\n\t\t}\n", a, p.Slots[in.Slot].Name, a)
			}
		case OpScatterAdd:
			w("\t\ta%d[%s] += %s\n", in.Slot, at(in.Slot), a)
		}
	}
	if p.Result >= 0 {
		w("\t\tresult[i] = r%d\n", p.Result)
	}
	w("\t}\n\treturn nil\n}\n")
	return b.String()
}

// lit writes a float64 as a Go literal that reads back exactly.
func lit(x float64) string {
	switch {
	case math.IsInf(x, 1):
		return "math.Inf(1)"
	case math.IsInf(x, -1):
		return "math.Inf(-1)"
	case math.IsNaN(x):
		return "math.NaN()"
	}
	s := fmt.Sprintf("%v", x)
	if !strings.ContainsAny(s, ".eEn") {
		s += ".0"
	}
	return "(" + s + ")"
}

// fnExpr writes an operation as the interpreter computes it.
func fnExpr(f ir.Fn, a, b, c string) string {
	switch f {
	case ir.Add:
		return a + " + " + b
	case ir.Sub:
		return a + " - " + b
	case ir.Mul:
		return a + " * " + b
	case ir.Div:
		return a + " / " + b
	case ir.Neg:
		return "-" + a
	case ir.Lt, ir.Le, ir.Gt, ir.Ge, ir.Eq, ir.Ne:
		return fmt.Sprintf("kernel.Bool(%s %s %s)", a, f, b)
	case ir.And:
		return fmt.Sprintf("kernel.Bool(%s != 0 && %s != 0)", a, b)
	case ir.Or:
		return fmt.Sprintf("kernel.Bool(%s != 0 || %s != 0)", a, b)
	case ir.Not:
		return fmt.Sprintf("kernel.Bool(%s == 0)", a)
	case ir.Exp:
		return "math.Exp(" + a + ")"
	case ir.Sqrt:
		return "math.Sqrt(" + a + ")"
	case ir.Abs:
		return "math.Abs(" + a + ")"
	case ir.Floor:
		return "math.Floor(" + a + ")"
	case ir.Exprel:
		return "ir.Exprelf(" + a + ")"
	case ir.Select:
		return fmt.Sprintf("kernel.Select(%s, %s, %s)", a, b, c)
	}
	switch f.Arity() {
	case 1:
		return fmt.Sprintf("ir.Eval(%d, %s)", f, a)
	case 2:
		return fmt.Sprintf("ir.Eval(%d, %s, %s)", f, a, b)
	}
	return fmt.Sprintf("ir.Eval(%d, %s, %s, %s)", f, a, b, c)
}

// Bool is 1 for true and 0 for false, as the kernels compute conditions.
func Bool(b bool) float64 { return b2f(b) }

// Select is c ? a : b on numbers, as the kernels compute it.
func Select(c, a, b float64) float64 {
	if c != 0 {
		return a
	}
	return b
}

// NotFinite reports NaN and the infinities.
func NotFinite(x float64) bool { return ((math.Float64bits(x)>>52)&0x7FF+1)>>11 != 0 }
