package kernel

import (
	"math"

	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/mathx"
)

// fn runs an OpFn instruction over n lanes. The common arithmetic has its
// own loops; the rest goes through ir.Eval lane by lane.
func (m *Machine) fn(in *Instr, n int) {
	a := m.regs[in.A][:n]
	d := m.scratch[in.Dst][:len(a)]
	switch in.Fn.Arity() {
	case 1:
		switch in.Fn {
		case ir.Neg:
			for k, x := range a {
				d[k] = -x
			}
		case ir.Exp:
			for k, x := range a {
				d[k] = mathx.Exp(x)
			}
		case ir.Sqrt:
			for k, x := range a {
				d[k] = math.Sqrt(x)
			}
		case ir.Abs:
			for k, x := range a {
				d[k] = math.Abs(x)
			}
		case ir.Not:
			for k, x := range a {
				d[k] = b2f(x == 0)
			}
		case ir.Floor:
			for k, x := range a {
				d[k] = math.Floor(x)
			}
		case ir.Exprel:
			for k, x := range a {
				d[k] = mathx.Exprel(x)
			}
		default:
			for k, x := range a {
				d[k] = ir.Eval(in.Fn, x)
			}
		}
	case 2:
		b := m.regs[in.B][:len(a)]
		switch in.Fn {
		case ir.Add:
			for k, x := range a {
				d[k] = x + b[k]
			}
		case ir.Sub:
			for k, x := range a {
				d[k] = x - b[k]
			}
		case ir.Mul:
			for k, x := range a {
				d[k] = x * b[k]
			}
		case ir.Div:
			for k, x := range a {
				d[k] = x / b[k]
			}
		case ir.Lt:
			for k, x := range a {
				d[k] = b2f(x < b[k])
			}
		case ir.Gt:
			for k, x := range a {
				d[k] = b2f(x > b[k])
			}
		case ir.Le:
			for k, x := range a {
				d[k] = b2f(x <= b[k])
			}
		case ir.Ge:
			for k, x := range a {
				d[k] = b2f(x >= b[k])
			}
		case ir.And:
			for k, x := range a {
				d[k] = b2f(x != 0 && b[k] != 0)
			}
		case ir.Or:
			for k, x := range a {
				d[k] = b2f(x != 0 || b[k] != 0)
			}
		default:
			for k, x := range a {
				d[k] = ir.Eval(in.Fn, x, b[k])
			}
		}
	case 3:
		b := m.regs[in.B][:len(a)]
		c := m.regs[in.C][:len(a)]
		switch in.Fn {
		case ir.Select:
			for k, x := range a {
				if x != 0 {
					d[k] = b[k]
				} else {
					d[k] = c[k]
				}
			}
		default:
			for k, x := range a {
				d[k] = ir.Eval(in.Fn, x, b[k], c[k])
			}
		}
	}
	m.regs[in.Dst] = d
}

// b2f converts a condition to 1 or 0 without a branch (a conditional
// move of the bits of 1.0).
func b2f(b bool) float64 {
	var bits uint64
	if b {
		bits = 0x3FF0000000000000
	}
	return math.Float64frombits(bits)
}
