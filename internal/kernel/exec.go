package kernel

import (
	"fmt"
	"math"

	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/rng"
)

// Env binds a program to its data for one run of it.
type Env struct {
	Arrays  [][]float64 // one per Program.Slots entry
	Scalars []float64   // one per Program.Scalars entry
	Pre     []int32     // presynaptic neuron of each synapse (synapse programs)
	// IdxPre, if set, is in Indices the presynaptic neuron of each listed
	// element, in the list's order (then Pre is not read): a list of
	// synapses by postsynaptic neuron reads them one after another.
	IdxPre []int32
	Post   []int32 // postsynaptic neuron of each synapse
	Key    rng.Key // random stream
	Step   uint64  // time step, the counter of the random draws
	Check  bool    // report stored values that are NaN or infinite
	// PreBase is, in Rows, the presynaptic neuron of row 0: row r's
	// synapses have presynaptic neuron PreBase + r.
	PreBase int
	// Distinct says that the elements of every Indices and Rows call are
	// distinct (the simulator's lists are): a compiled tier may then run
	// element after element what the interpreter runs in chunks.
	Distinct bool
	// Cache is kept for a compiled tier's per-Env data (pointers to the
	// arrays); whoever changes Arrays sets it to nil.
	Cache any
	// Ordinal, if set, numbers the elements for random draws and for the
	// index i of an element: element e draws as element Ordinal[e]. A rank
	// holding part of a network's synapses sets it to their numbers in the
	// whole network, so that they draw what they draw in one process.
	Ordinal []int32
}

// NonFinite reports a stored value that is NaN or infinite.
type NonFinite struct {
	Name  string // the variable
	Elem  int    // the element
	Value float64
}

func (e *NonFinite) Error() string {
	return fmt.Sprintf("%s became %v at element %d", e.Name, e.Value, e.Elem)
}

// Machine runs one program; it holds the registers. A machine is used by
// one goroutine at a time; make one per worker.
type Machine struct {
	p       *Program
	scratch [][]float64
	regs    [][]float64
	elem    []int32 // element of each lane, for index-list runs and random draws
	ord     []int32 // the lanes' elements numbered by Env.Ordinal
	pre     []int32
	post    []int32
	one     []int32 // a one-element index list for serial runs
	rowIdx  []int32 // Rows: the elements of the chunk being gathered
	rowPre  []int32 // Rows: their presynaptic neurons
	tier1   Compiled
	acc     bool   // accumulate non-finite stores in bad (deferred checks)
	bad     uint64 // non-zero once a non-finite value was stored
}

// NewMachine allocates the registers of p. The machine interprets p until
// it is given compiled code (Use).
func (p *Program) NewMachine() *Machine {
	m := &Machine{
		p:       p,
		scratch: make([][]float64, p.NumRegs),
		regs:    make([][]float64, p.NumRegs),
		elem:    make([]int32, ChunkSize),
		ord:     make([]int32, ChunkSize),
		pre:     make([]int32, ChunkSize),
		post:    make([]int32, ChunkSize),
		one:     make([]int32, 1),
		rowIdx:  make([]int32, 0, ChunkSize),
		rowPre:  make([]int32, ChunkSize),
	}
	buf := make([]float64, p.NumRegs*ChunkSize)
	for r := range m.scratch {
		m.scratch[r] = buf[r*ChunkSize : (r+1)*ChunkSize : (r+1)*ChunkSize]
	}
	for _, c := range p.Consts {
		s := m.scratch[c.Reg]
		for k := range s {
			s[k] = c.Value
		}
	}
	return m
}

// Range runs the program for the elements lo to hi-1.
func (m *Machine) Range(env *Env, lo, hi int) error {
	if m.tier1 != nil {
		return m.tier1.Range(env, lo, hi)
	}
	if env.Check {
		m.beginDefer(env)
		return m.endDefer(env, m.Range(env, lo, hi), RangeSpan(lo, hi))
	}
	if m.p.Serial {
		for e := lo; e < hi; e++ {
			m.one[0] = int32(e)
			if err := m.chunk(env, 0, 1, m.one, nil); err != nil {
				return err
			}
		}
		return nil
	}
	for c := lo; c < hi; c += ChunkSize {
		if err := m.chunk(env, c, min(ChunkSize, hi-c), nil, nil); err != nil {
			return err
		}
	}
	return nil
}

// Indices runs the program for the listed elements, in order.
func (m *Machine) Indices(env *Env, idx []int32) error {
	if m.tier1 != nil {
		return m.tier1.Indices(env, idx)
	}
	if env.Check {
		m.beginDefer(env)
		return m.endDefer(env, m.Indices(env, idx), IndexSpan(idx))
	}
	step := ChunkSize
	if m.p.Serial {
		step = 1
	}
	for c := 0; c < len(idx); c += step {
		n := min(step, len(idx)-c)
		var pre []int32
		if env.IdxPre != nil {
			pre = env.IdxPre[c : c+n]
		}
		if err := m.chunk(env, 0, n, idx[c:c+n], pre); err != nil {
			return err
		}
	}
	return nil
}

// Filter runs the program for the elements lo to hi-1 and appends to out
// those for which its condition is non-zero.
func (m *Machine) Filter(env *Env, lo, hi int, out []int32) ([]int32, error) {
	if m.tier1 != nil {
		return m.tier1.Filter(env, lo, hi, out)
	}
	if env.Check {
		m.beginDefer(env)
		out, err := m.Filter(env, lo, hi, out)
		return out, m.endDefer(env, err, RangeSpan(lo, hi))
	}
	for c := lo; c < hi; c += ChunkSize {
		n := min(ChunkSize, hi-c)
		if err := m.chunk(env, c, n, nil, nil); err != nil {
			return out, err
		}
		r := m.regs[m.p.Result][:n]
		for k, x := range r {
			if x != 0 {
				out = append(out, int32(c+k))
			}
		}
	}
	return out, nil
}

// Rows runs the program, for each r in rows in order, for the elements
// begin[r] to end[r]-1 in order, whose presynaptic neuron is
// env.PreBase + r (env.Pre is not read): the synapses of a presynaptic
// neuron stored one after another.
func (m *Machine) Rows(env *Env, rows, begin, end []int32) error {
	if m.tier1 != nil {
		return m.tier1.Rows(env, rows, begin, end)
	}
	if env.Check {
		m.beginDefer(env)
		return m.endDefer(env, m.Rows(env, rows, begin, end), RowSpan(rows, begin, end))
	}
	// Runs of contiguous elements are run as ranges (no gathers): a row's
	// elements, or, when the presynaptic index is not read, rows that
	// follow one another. Short runs are gathered into chunks of listed
	// elements. Either way, the elements run in order.
	lo, hi := 0, 0 // the current run
	var pre int32
	for _, r := range rows {
		b, e := int(begin[r]), int(end[r])
		if b == e {
			continue
		}
		if b == hi && !m.p.Uses.Pre {
			hi = e
			continue
		}
		if err := m.rowRun(env, lo, hi, pre); err != nil {
			return err
		}
		lo, hi, pre = b, e, int32(env.PreBase)+r
	}
	if err := m.rowRun(env, lo, hi, pre); err != nil {
		return err
	}
	return m.flushRows(env)
}

// minRun is the shortest run of contiguous elements that Rows runs as a
// range rather than gathering.
const minRun = 64

// rowRun runs elements lo to hi-1, whose presynaptic neuron is pre when
// the program reads it.
func (m *Machine) rowRun(env *Env, lo, hi int, pre int32) error {
	if hi-lo < minRun && !m.p.Serial {
		for e := lo; e < hi; e++ {
			m.rowPre[len(m.rowIdx)] = pre
			m.rowIdx = append(m.rowIdx, int32(e))
			if len(m.rowIdx) == ChunkSize {
				if err := m.flushRows(env); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := m.flushRows(env); err != nil {
		return err
	}
	step := ChunkSize
	if m.p.Serial {
		step = 1
	}
	var pres []int32
	if m.p.Uses.Pre {
		pres = m.rowPre[:min(step, hi-lo)]
		for k := range pres {
			pres[k] = pre
		}
	}
	for c := lo; c < hi; c += step {
		n := min(step, hi-c)
		if pres != nil {
			pres = pres[:n]
		}
		var idx []int32
		if m.p.Serial {
			m.one[0] = int32(c)
			idx = m.one
		}
		if err := m.chunk(env, c, n, idx, pres); err != nil {
			return err
		}
	}
	return nil
}

// beginDefer turns the checks off for a call, noting non-finite stores
// instead.
func (m *Machine) beginDefer(env *Env) { env.Check, m.acc, m.bad = false, true, 0 }

// endDefer turns the checks back on after the call and reports the first
// non-finite value of the written variables if one was stored.
func (m *Machine) endDefer(env *Env, err error, sp Span) error {
	env.Check, m.acc = true, false
	if err == nil && m.bad != 0 {
		err = m.p.FirstNonFinite(env, sp)
	}
	return err
}

// flushRows runs the program for the elements gathered by Rows.
func (m *Machine) flushRows(env *Env) error {
	n := len(m.rowIdx)
	m.rowIdx = m.rowIdx[:0]
	if n == 0 {
		return nil
	}
	var pre []int32
	if m.p.Uses.Pre {
		pre = m.rowPre[:n]
	}
	return m.chunk(env, 0, n, m.rowIdx[:n], pre)
}

// chunk runs the program for n elements: lo, lo+1, ... when idx is nil,
// else idx[0:n]; pre, when not nil, holds their presynaptic neurons.
func (m *Machine) chunk(env *Env, lo, n int, idx, pre []int32) error {
	p := m.p
	for _, c := range p.Consts {
		m.regs[c.Reg] = m.scratch[c.Reg][:n]
	}
	elem := m.elem[:n]
	if idx != nil {
		copy(elem, idx)
	} else if p.Uses.Elem || p.Uses.Pre || p.Uses.Post {
		for k := range elem {
			elem[k] = int32(lo + k)
		}
	}
	if p.Uses.Pre {
		if pre != nil {
			copy(m.pre[:n], pre)
		} else {
			pre := m.pre[:n]
			for k, e := range elem {
				pre[k] = env.Pre[e]
			}
		}
	}
	if p.Uses.Post {
		post := m.post[:n]
		for k, e := range elem {
			post[k] = env.Post[e]
		}
	}
	for i := range p.Code {
		in := &p.Code[i]
		switch in.Op {
		case OpLoad:
			arr := env.Arrays[in.Slot]
			var at []int32
			switch p.Slots[in.Slot].Index {
			case ir.Pre:
				at = m.pre[:n]
			case ir.Post:
				at = m.post[:n]
			default:
				if idx == nil && !p.Slots[in.Slot].Written {
					// A variable the program does not write can be read
					// in place; a written one is copied, so that a store
					// leaves the values read before it unchanged.
					m.regs[in.Dst] = arr[lo : lo+n]
					continue
				}
				if idx == nil {
					d := m.scratch[in.Dst][:n]
					copy(d, arr[lo:lo+n])
					m.regs[in.Dst] = d
					continue
				}
				at = elem
			}
			d := m.scratch[in.Dst][:n]
			for k, e := range at {
				d[k] = arr[e]
			}
			m.regs[in.Dst] = d
		case OpStore:
			src := m.regs[in.A][:n]
			arr := env.Arrays[in.Slot]
			var at []int32
			switch p.Slots[in.Slot].Index {
			case ir.Pre:
				at = m.pre[:n]
			case ir.Post:
				at = m.post[:n]
			default:
				if idx == nil {
					copy(arr[lo:lo+n], src)
					if m.acc {
						m.note(src)
					}
					continue
				}
				at = elem
			}
			for k, e := range at {
				arr[e] = src[k]
			}
			if m.acc {
				m.note(src)
			}
		case OpScatterAdd:
			src := m.regs[in.A][:n]
			arr := env.Arrays[in.Slot]
			at := elem
			switch p.Slots[in.Slot].Index {
			case ir.Pre:
				at = m.pre[:n]
			case ir.Post:
				at = m.post[:n]
			}
			for k, e := range at {
				arr[e] += src[k]
			}
			if m.acc {
				for _, e := range at {
					m.bad |= Bad(arr[e])
				}
			}
		case OpScalar:
			d := m.scratch[in.Dst][:n]
			x := env.Scalars[in.Slot]
			for k := range d {
				d[k] = x
			}
			m.regs[in.Dst] = d
		case OpIndex:
			d := m.scratch[in.Dst][:n]
			at := m.ordinals(env, elem)
			switch in.K {
			case 1:
				at = m.pre[:n]
			case 2:
				at = m.post[:n]
			}
			for k, e := range at {
				d[k] = float64(e)
			}
			m.regs[in.Dst] = d
		case OpRand:
			d := m.scratch[in.Dst][:n]
			sk := env.Key.Step(env.Step)
			for k, e := range m.ordinals(env, elem) {
				d[k] = sk.Uniform(uint64(e), uint64(in.Draw))
			}
			m.regs[in.Dst] = d
		case OpRandn:
			d := m.scratch[in.Dst][:n]
			sk := env.Key.Step(env.Step)
			for k, e := range m.ordinals(env, elem) {
				d[k] = sk.Normal(uint64(e), uint64(in.Draw))
			}
			m.regs[in.Dst] = d
		case OpAddK:
			a := m.regs[in.A][:n]
			d := m.scratch[in.Dst][:len(a)]
			kk := in.K
			for k, x := range a {
				d[k] = x + kk
			}
			m.regs[in.Dst] = d
		case OpMulK:
			a := m.regs[in.A][:n]
			d := m.scratch[in.Dst][:len(a)]
			kk := in.K
			for k, x := range a {
				d[k] = x * kk
			}
			m.regs[in.Dst] = d
		case OpRDivK:
			a := m.regs[in.A][:n]
			d := m.scratch[in.Dst][:len(a)]
			kk := in.K
			for k, x := range a {
				d[k] = kk / x
			}
			m.regs[in.Dst] = d
		case OpAxpyK:
			a := m.regs[in.A][:n]
			b := m.regs[in.B][:len(a)]
			d := m.scratch[in.Dst][:len(a)]
			kk := in.K
			for k, x := range a {
				d[k] = float64(x*kk) + b[k] // no fused multiply-add: every tier rounds the product
			}
			m.regs[in.Dst] = d
		case OpCmpK:
			a := m.regs[in.A][:n]
			d := m.scratch[in.Dst][:len(a)]
			kk := in.K
			switch in.Fn {
			case ir.Lt:
				for k, x := range a {
					d[k] = b2f(x < kk)
				}
			case ir.Le:
				for k, x := range a {
					d[k] = b2f(x <= kk)
				}
			case ir.Gt:
				for k, x := range a {
					d[k] = b2f(x > kk)
				}
			default:
				for k, x := range a {
					d[k] = b2f(x >= kk)
				}
			}
			m.regs[in.Dst] = d
		case OpFn:
			m.fn(in, n)
		}
	}
	return nil
}

// Interpreted makes the machine interpret its program even when compiled
// code exists (to compare the two).
func (m *Machine) Interpreted() *Machine {
	m.tier1 = nil
	return m
}

// Use makes the machine run c, the program compiled by a native tier, from
// its next call on; nil goes back to the interpreter.
func (m *Machine) Use(c Compiled) { m.tier1 = c }

// Native reports whether the machine runs compiled code.
func (m *Machine) Native() bool { return m.tier1 != nil }

// note records whether any of xs is NaN or infinite.
func (m *Machine) note(xs []float64) {
	for _, x := range xs {
		m.bad |= Bad(x)
	}
}

// Bad is 1 for NaN and the infinities, 0 otherwise, without a branch.
func Bad(x float64) uint64 { return ((math.Float64bits(x)>>52)&0x7FF + 1) >> 11 }

// NotFinite reports NaN and the infinities.
func NotFinite(x float64) bool { return Bad(x) != 0 }

// ordinals numbers the lanes' elements by env.Ordinal, when set.
func (m *Machine) ordinals(env *Env, elem []int32) []int32 {
	if env.Ordinal == nil {
		return elem
	}
	o := m.ord[:len(elem)]
	for k, e := range elem {
		o[k] = env.Ordinal[e]
	}
	return o
}
