package kernel

import (
	"unsafe"

	"github.com/cajal-sim/cajal/internal/ir"
)

// Deferred checks. The simulator runs a synaptic pathway's code, with
// checks, over lists of distinct synapses (Rows, Indices with
// Env.Distinct). For a program that gives the same results whether its
// elements run in chunks or one after another (Elementwise, and no two of
// its slots bound to one array), such a call runs every element and then,
// if any stored value was NaN or infinite, reports the first non-finite
// value of the written variables (FirstNonFinite) — in every tier, so
// that the compiled tier can run element after element and still agree
// with the interpreter on the state and on the error.

// Elementwise reports whether p, run one element after another on
// distinct elements, computes what chunks compute, provided no two of its
// slots are bound to one array: p is not serial and reads no pre- or
// postsynaptic variable it writes.
func (p *Program) Elementwise() bool {
	if p.Serial {
		return false
	}
	loaded := map[int32]bool{}
	for _, in := range p.Code {
		if in.Op == OpLoad {
			loaded[in.Slot] = true
		}
	}
	for _, in := range p.Code {
		if (in.Op == OpStore || in.Op == OpScatterAdd) && loaded[in.Slot] && p.Slots[in.Slot].Index != ir.Elem {
			return false
		}
	}
	return true
}

// Aliased reports whether two of p's slots, one of them written, are
// bound to one array in env (v_pre and v_post of a group's synapses onto
// itself).
func (p *Program) Aliased(env *Env) bool {
	for i := range p.Slots {
		for j := i + 1; j < len(p.Slots); j++ {
			a, b := env.Arrays[i], env.Arrays[j]
			if len(a) > 0 && len(b) > 0 && unsafe.SliceData(a) == unsafe.SliceData(b) && (p.Slots[i].Written || p.Slots[j].Written) {
				return true
			}
		}
	}
	return false
}

// DeferChecks reports whether an Indices or Rows call of p with env checks
// its stores after the whole call (see the package comment above).
func (p *Program) DeferChecks(env *Env) bool {
	return env.Check && env.Distinct && p.elementwise && !p.Aliased(env)
}

// FirstNonFinite returns the first NaN or infinite value of the variables
// p writes, in slot order, then element order, as a *NonFinite; nil if
// there is none.
func (p *Program) FirstNonFinite(env *Env) error {
	for i, s := range p.Slots {
		if !s.Written {
			continue
		}
		for e, x := range env.Arrays[i] {
			if NotFinite(x) {
				return &NonFinite{Name: s.Label(), Elem: e, Value: x}
			}
		}
	}
	return nil
}
