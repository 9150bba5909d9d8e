package kernel

import (
	"unsafe"

	"github.com/cajal-sim/cajal/internal/ir"
)

// Checks. With Env.Check, a call runs every element it was given and then,
// if any stored value was NaN or infinite, reports the first such value in
// the call's order of elements — of the element's own variables, then its
// presynaptic and postsynaptic neuron's, in slot order — as a *NonFinite
// (FirstNonFinite). Every tier does the same, so they agree on the state
// after an error and on the error, and a compiled tier can run elements
// one after another, or vectorised, and look for the value only when one
// was stored. Each thread's calls cover its own block, and the first error
// by block is the first by element: the error does not depend on the
// number of threads.

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

// Span is the elements of one call: lo to hi-1 (Range, Filter), Idx
// (Indices), or the Rows of Begin and End.
type Span struct {
	Lo, Hi           int
	Idx              []int32
	Rows, Begin, End []int32
	rows, indices    bool
}

// RangeSpan describes a call over elements lo to hi-1.
func RangeSpan(lo, hi int) Span  { return Span{Lo: lo, Hi: hi} }
func IndexSpan(idx []int32) Span { return Span{Idx: idx, indices: true} }
func RowSpan(rows, begin, end []int32) Span {
	return Span{Rows: rows, Begin: begin, End: end, rows: true}
}

// FirstNonFinite returns the first NaN or infinite value that p's stores
// can have left over the span's elements, in their order, as a
// *NonFinite; nil if there is none.
func (p *Program) FirstNonFinite(env *Env, sp Span) error {
	at := func(e, pre int) error {
		for i, s := range p.Slots {
			if !s.Written {
				continue
			}
			k := e
			switch s.Index {
			case ir.Pre:
				k = pre
			case ir.Post:
				k = int(env.Post[e])
			}
			if x := env.Arrays[i][k]; NotFinite(x) {
				return &NonFinite{Name: s.Label(), Elem: k, Value: x}
			}
		}
		return nil
	}
	preOf := func(e int) int {
		if p.Uses.Pre && env.Pre != nil {
			return int(env.Pre[e])
		}
		return 0
	}
	switch {
	case sp.rows:
		for _, r := range sp.Rows {
			for e := sp.Begin[r]; e < sp.End[r]; e++ {
				if err := at(int(e), env.PreBase+int(r)); err != nil {
					return err
				}
			}
		}
	case sp.indices:
		for j, e := range sp.Idx {
			pre := preOf(int(e))
			if p.Uses.Pre && env.IdxPre != nil {
				pre = int(env.IdxPre[j])
			}
			if err := at(int(e), pre); err != nil {
				return err
			}
		}
	default:
		for e := sp.Lo; e < sp.Hi; e++ {
			if err := at(e, preOf(e)); err != nil {
				return err
			}
		}
	}
	return nil
}
