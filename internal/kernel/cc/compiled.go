package cc

import (
	"fmt"
	"runtime"
	"slices"
	"unsafe"

	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/kernel"
)

// args mirrors cj_args of the generated C (argsDecl), field for field,
// every field eight bytes.
type args struct {
	mode, lo, hi int64
	idx          uintptr
	nidx         int64
	rows         uintptr
	nrows        int64
	begin, end   uintptr
	prebase      int64
	out          uintptr
	nout         int64
	arrays       uintptr
	scalars, k   uintptr
	pre, post    uintptr
	sk           uint64
	check        int64
	buf          uintptr
	direct       int64      // run element after element, not in chunks
	ordinal      uintptr    // kernel.Env.Ordinal
	split        int64      // run chunks in split loops (split.go)
	idxpre       uintptr    // kernel.Env.IdxPre
	self         [1]uintptr // invoke's argument list (not seen by C: it follows the C fields)
}

// Program is a program compiled by this package: the loaded machine code
// of its shape, bound to its constants. It implements kernel.Compiled.
type Program struct {
	fn          uintptr
	p           *kernel.Program
	params      []float64
	nbuf        int  // store buffers of the chunked path
	elementwise bool // kernel.Program.Elementwise
	split       bool // splittable
}

// envData is what a Program keeps in Env.Cache: the argument block and the
// memory it points to, allocated once per Env.
type envData struct {
	owner *Program
	a     args
	ptrs  []uintptr
	buf   []float64
}

// prepare fills the argument block for one call from env.
func (c *Program) prepare(env *kernel.Env, mode int64) (*envData, error) {
	d, ok := env.Cache.(*envData)
	if !ok || d.owner != c {
		d = &envData{owner: c, ptrs: make([]uintptr, len(c.p.Slots)),
			buf: make([]float64, (1+c.nbuf)*kernel.ChunkSize)}
		env.Cache = d
	}
	if len(env.Arrays) < len(c.p.Slots) || len(env.Scalars) < len(c.p.Scalars) {
		return nil, fmt.Errorf("cc: program needs %d arrays and %d scalars, env has %d and %d",
			len(c.p.Slots), len(c.p.Scalars), len(env.Arrays), len(env.Scalars))
	}
	for i := range d.ptrs {
		d.ptrs[i] = uintptr(unsafe.Pointer(unsafe.SliceData(env.Arrays[i])))
	}
	d.a = args{
		mode:    mode,
		arrays:  uintptr(unsafe.Pointer(unsafe.SliceData(d.ptrs))),
		scalars: uintptr(unsafe.Pointer(unsafe.SliceData(env.Scalars))),
		k:       uintptr(unsafe.Pointer(unsafe.SliceData(c.params))),
		pre:     uintptr(unsafe.Pointer(unsafe.SliceData(env.Pre))),
		post:    uintptr(unsafe.Pointer(unsafe.SliceData(env.Post))),
		sk:      uint64(env.Key.Step(env.Step)),
		buf:     uintptr(unsafe.Pointer(unsafe.SliceData(d.buf))),
		prebase: int64(env.PreBase),
		ordinal: uintptr(unsafe.Pointer(unsafe.SliceData(env.Ordinal))),
	}
	if mode == modeIndices && env.IdxPre != nil {
		d.a.idxpre = uintptr(unsafe.Pointer(unsafe.SliceData(env.IdxPre)))
	}
	if env.Check {
		d.a.check = 1
	}
	// Element after element where that gives the interpreter's results: a
	// Range, or a list of distinct elements (checks are made at the end of
	// the call in both tiers, see kernel.Program.FirstNonFinite).
	// Split loops (split.go) under the same conditions, for Range and Rows.
	if c.elementwise && (mode == 0 || (mode == 1 || mode == 3) && env.Distinct) && !c.p.Aliased(env) {
		d.a.direct = 1
		if c.split && mode != modeIndices {
			d.a.split = 1
		}
	}
	return d, nil
}

// run calls the kernel and turns a reported non-finite value into the
// interpreter's error.
func (c *Program) run(env *kernel.Env, d *envData, sp kernel.Span) error {
	r := invoke(c.fn, &d.a)
	runtime.KeepAlive(env)
	runtime.KeepAlive(c)
	switch r {
	case 0:
		return nil
	case 2: // a stored value was not finite: find it as the interpreter
		// does (none if a later store of the call replaced it)
		return c.p.FirstNonFinite(env, sp)
	}
	return fmt.Errorf("cc: compiled kernel returned %d", r)
}

// checkRange reports elements lo to hi-1 that some array the program
// addresses by element does not hold (the interpreter would panic).
func (c *Program) checkRange(env *kernel.Env, lo, hi int) error {
	if lo < 0 || hi > 1<<31-1 {
		return fmt.Errorf("cc: element range [%d, %d) out of bounds", lo, hi)
	}
	for i, s := range c.p.Slots {
		if s.Index == ir.Elem && len(env.Arrays[i]) < hi {
			return fmt.Errorf("cc: %s has %d elements, range ends at %d", s.Name, len(env.Arrays[i]), hi)
		}
	}
	if (c.p.Uses.Pre && len(env.Pre) < hi) || (c.p.Uses.Post && len(env.Post) < hi) {
		return fmt.Errorf("cc: synapse indices end before element %d", hi)
	}
	return nil
}

// Range runs the program for the elements lo to hi-1.
func (c *Program) Range(env *kernel.Env, lo, hi int) error {
	if hi <= lo {
		return nil
	}
	d, err := c.prepare(env, modeRange)
	if err != nil {
		return err
	}
	if err := c.checkRange(env, lo, hi); err != nil {
		return err
	}
	d.a.lo, d.a.hi = int64(lo), int64(hi)
	return c.run(env, d, kernel.RangeSpan(lo, hi))
}

// Indices runs the program for the listed elements, in order. Like the
// interpreter, it trusts the indices to be in range.
func (c *Program) Indices(env *kernel.Env, idx []int32) error {
	if len(idx) == 0 {
		return nil
	}
	d, err := c.prepare(env, modeIndices)
	if err != nil {
		return err
	}
	d.a.idx, d.a.nidx = uintptr(unsafe.Pointer(unsafe.SliceData(idx))), int64(len(idx))
	err = c.run(env, d, kernel.IndexSpan(idx))
	runtime.KeepAlive(idx)
	return err
}

// Filter runs the program for the elements lo to hi-1 and appends to out
// those for which its condition is non-zero.
func (c *Program) Filter(env *kernel.Env, lo, hi int, out []int32) ([]int32, error) {
	if hi <= lo {
		return out, nil
	}
	d, err := c.prepare(env, modeFilter)
	if err != nil {
		return out, err
	}
	if err := c.checkRange(env, lo, hi); err != nil {
		return out, err
	}
	out = slices.Grow(out, hi-lo)
	n := len(out)
	d.a.lo, d.a.hi = int64(lo), int64(hi)
	d.a.out = uintptr(unsafe.Pointer(unsafe.SliceData(out[n : n+hi-lo])))
	err = c.run(env, d, kernel.RangeSpan(lo, hi))
	runtime.KeepAlive(out)
	return out[:n+int(d.a.nout)], err
}

// Rows runs the program, for each r in rows in order, for the elements
// begin[r] to end[r]-1, whose presynaptic neuron is env.PreBase + r. Like
// the interpreter, it trusts rows, begin and end to be in range.
func (c *Program) Rows(env *kernel.Env, rows, begin, end []int32) error {
	if len(rows) == 0 {
		return nil
	}
	d, err := c.prepare(env, modeRows)
	if err != nil {
		return err
	}
	d.a.rows, d.a.nrows = uintptr(unsafe.Pointer(unsafe.SliceData(rows))), int64(len(rows))
	d.a.begin = uintptr(unsafe.Pointer(unsafe.SliceData(begin)))
	d.a.end = uintptr(unsafe.Pointer(unsafe.SliceData(end)))
	err = c.run(env, d, kernel.RowSpan(rows, begin, end))
	runtime.KeepAlive(rows)
	runtime.KeepAlive(begin)
	runtime.KeepAlive(end)
	return err
}

var _ kernel.Compiled = (*Program)(nil)
