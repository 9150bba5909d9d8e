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
	// Two loops: over contiguous elements the per-element arrays are
	// resliced to the chunk so that their bounds are checked once; over an
	// index list they are indexed by element.
	w("\tvar bad uint64\n")
	w("\tif idx == nil {\n")
	for i, sl := range p.Slots {
		if sl.Index == ir.Elem {
			w("\t\tc%d := a%d[lo : lo+n : lo+n]\n", i, i)
		}
	}
	w("\t\tfor i := 0; i < n; i++ {\n\t\t\te := lo + i\n\t\t\t_ = e\n")
	p.genBody(w, "\t\t\t", true)
	w("\t\t}\n\t} else {\n")
	w("\t\tfor i := 0; i < n; i++ {\n\t\t\te := int(idx[i])\n\t\t\t_ = e\n")
	p.genBody(w, "\t\t\t", false)
	w("\t\t}\n\t}\n")
	// A stored value was NaN or infinite: find the first, as the
	// interpreter reports it.
	var stores []Instr
	for _, in := range p.Code {
		if in.Op == OpStore && p.Slots[in.Slot].Index == ir.Elem {
			stores = append(stores, in)
		}
	}
	if len(stores) == 0 {
		w("\t_ = bad\n")
	} else {
		w("\tif bad != 0 && env.Check {\n\t\tfor i := 0; i < n; i++ {\n\t\t\te := lo + i\n\t\t\tif idx != nil {\n\t\t\t\te = int(idx[i])\n\t\t\t}\n")
		for _, in := range stores {
			w("\t\t\tif x := a%d[e]; kernel.NotFinite(x) {\n\t\t\t\treturn &kernel.NonFinite{Name: %q, Elem: e, Value: x}\n\t\t\t}\n", in.Slot, p.Slots[in.Slot].Name)
		}
		w("\t\t}\n\t}\n")
	}
	w("\treturn nil\n}\n")
	return b.String()
}

// genBody writes the instructions for one element e (index i in the
// chunk); contiguous says that per-element arrays are the resliced cK.
func (p *Program) genBody(w func(string, ...any), tab string, contiguous bool) {
	if p.Uses.Pre {
		w(tab + "pre := int(env.Pre[e])\n" + tab + "_ = pre\n")
	}
	if p.Uses.Post {
		w(tab + "post := int(env.Post[e])\n" + tab + "_ = post\n")
	}
	ref := func(slot int32) string {
		switch p.Slots[slot].Index {
		case ir.Pre:
			return fmt.Sprintf("a%d[pre]", slot)
		case ir.Post:
			return fmt.Sprintf("a%d[post]", slot)
		}
		if contiguous {
			return fmt.Sprintf("c%d[i]", slot)
		}
		return fmt.Sprintf("a%d[e]", slot)
	}
	for _, in := range p.Code {
		d := fmt.Sprintf("r%d", in.Dst)
		a, bb, c := fmt.Sprintf("r%d", in.A), fmt.Sprintf("r%d", in.B), fmt.Sprintf("r%d", in.C)
		k := lit(in.K)
		switch in.Op {
		case OpLoad:
			w(tab+"%s = %s\n", d, ref(in.Slot))
		case OpScalar:
			w(tab+"%s = s%d\n", d, in.Slot)
		case OpIndex:
			src := map[float64]string{0: "e", 1: "pre", 2: "post"}[in.K]
			w(tab+"%s = float64(%s)\n", d, src)
		case OpRand:
			w(tab+"%s = sk.Uniform(uint64(e), %d)\n", d, in.Draw)
		case OpRandn:
			w(tab+"%s = sk.Normal(uint64(e), %d)\n", d, in.Draw)
		case OpAddK:
			w(tab+"%s = %s + %s\n", d, a, k)
		case OpMulK:
			w(tab+"%s = %s * %s\n", d, a, k)
		case OpRDivK:
			w(tab+"%s = %s / %s\n", d, k, a)
		case OpAxpyK:
			w(tab+"%s = %s*%s + %s\n", d, a, k, bb)
		case OpCmpK:
			w(tab+"%s = kernel.Bool(%s %s %s)\n", d, a, in.Fn, k)
		case OpFn:
			w(tab+"%s = %s\n", d, fnExpr(in.Fn, a, bb, c))
		case OpStore:
			w(tab+"%s = %s\n", ref(in.Slot), a)
			if p.Slots[in.Slot].Index == ir.Elem {
				w(tab+"bad |= kernel.Bad(%s)\n", a)
			}
		case OpScatterAdd:
			w(tab+"%s += %s\n", ref(in.Slot), a)
		}
	}
	if p.Result >= 0 {
		w(tab+"result[i] = r%d\n", p.Result)
	}
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

// goFuncs are the Go functions that compute operations exactly as ir.Eval
// does.
var goFuncs = map[ir.Fn]string{
	ir.Exp: "math.Exp", ir.Sqrt: "math.Sqrt", ir.Abs: "math.Abs", ir.Floor: "math.Floor",
	ir.Log: "math.Log", ir.Expm1: "math.Expm1", ir.Tanh: "math.Tanh", ir.Trunc: "math.Trunc",
	ir.Pow: "math.Pow", ir.Min: "math.Min", ir.Max: "math.Max",
	ir.Exprel: "ir.Exprelf", ir.Clip: "ir.Clipf", ir.Select: "kernel.Select",
	ir.Binomial: "ir.BinomialInv",
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
	}
	args := strings.Join([]string{a, b, c}[:f.Arity()], ", ")
	if name, ok := goFuncs[f]; ok {
		return name + "(" + args + ")"
	}
	return fmt.Sprintf("ir.Eval(%d, %s)", f, args)
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

// Bad is 1 for NaN and the infinities, 0 otherwise, without a branch.
func Bad(x float64) uint64 { return ((math.Float64bits(x)>>52)&0x7FF + 1) >> 11 }

// NotFinite reports NaN and the infinities.
func NotFinite(x float64) bool { return ((math.Float64bits(x)>>52)&0x7FF+1)>>11 != 0 }
