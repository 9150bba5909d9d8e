package cc

import (
	"fmt"
	"strings"

	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/kernel"
)

// gen writes the kernel function of one program.
type gen struct {
	p      *kernel.Program
	b      *strings.Builder
	kIndex []int // instruction -> index in Params, or -1
	bufIdx []int // store instruction -> its buffer in the chunked path, or -1
	err    error
}

func (g *gen) w(format string, args ...any) { fmt.Fprintf(g.b, format, args...) }

// writeKernel writes p's kernel function. It runs in one of two ways:
// element after element, all instructions for one element before the next
// (serial programs, and programs without stores to check), or chunk by
// chunk as the interpreter does: the values of a chunk are computed into
// buffers, then stored one instruction after another, each store checked,
// so that an error leaves the arrays as the interpreter leaves them.
// Programs that add into neuron variables and qualify (splittable) have a
// third way, taken when the caller sets A->split: split loops (split.go).
func writeKernel(b *strings.Builder, p *kernel.Program) error {
	g := &gen{p: p, b: b}
	nk := len(p.Consts)
	nbuf := 0
	for i := range p.Code {
		in := &p.Code[i]
		g.kIndex = append(g.kIndex, -1)
		g.bufIdx = append(g.bufIdx, -1)
		if in.Param() {
			g.kIndex[i] = nk
			nk++
		}
		if in.Op == kernel.OpStore || in.Op == kernel.OpScatterAdd {
			g.bufIdx[i] = nbuf
			nbuf++
		}
	}
	g.w("int64_t %s(cj_args *A) {\n", entryName)
	for i := range p.Slots {
		g.w("\tdouble *const a%d = A->arrays[%d];\n", i, i)
	}
	for i := range p.Scalars {
		g.w("\tconst double s%d = A->scalars[%d];\n", i, i)
	}
	for i := 0; i < nk; i++ {
		g.w("\tconst double k%d = A->k[%d];\n", i, i)
	}
	g.w("\tconst int32_t *const Pre = A->pre, *const Post = A->post;\n")
	g.w("\tconst uint64_t sk = A->sk;\n\tconst int64_t check = A->check;\n\tconst int32_t *ord = A->ordinal;\n")
	g.w("\t(void)Pre; (void)Post; (void)sk; (void)check; (void)ord;\n")
	g.w("\tcj_bmemo cj_bm = {-1, -1, 0, 0};\n\t(void)cj_bm;\n")
	for r := 0; r < p.NumRegs; r++ {
		g.w("\tdouble r%d = 0;\n", r)
	}
	for i, c := range p.Consts {
		g.w("\tr%d = k%d;\n", c.Reg, i)
	}
	// Element by element gives the interpreter's results for serial
	// programs (it runs them one element at a time) and, when the caller
	// sets A->direct (kernel.Program.Elementwise, no aliased slots,
	// distinct elements), for the others; Filter, and the rest, run chunk
	// by chunk as the interpreter does. Either way every element runs and
	// stored values are noted in bit 63 of dbad (cj_badw): with checks on, a non-finite one
	// makes the call return 2, and the caller finds it
	// (kernel.Program.FirstNonFinite).
	g.w("\tuint64_t dbad = 0;\n")
	chunked := "A->mode == 2"
	if !p.Serial {
		chunked += " || !A->direct"
	}
	splits := splittable(p)
	if splits {
		g.w("\tif (A->split) goto split;\n")
	}
	g.w("\tif (%s) goto chunked;\n", chunked)
	g.direct()
	g.w("chunked:\n")
	g.chunked()
	if splits {
		g.w("split:\n")
		g.splitLoops()
	}
	g.w("}\n")
	return g.err
}

// direct writes the element-by-element loops: Range for chunk-safe
// programs; Range, Indices and Rows for serial ones.
func (g *gen) direct() {
	if !g.p.Serial {
		// Separate loops for each mode, so that the C compiler vectorises
		// the Range loop.
		g.w("\tif (A->mode == 0) {\n\t\tfor (int64_t e = A->lo; e < A->hi; e++) {\n")
		g.body("\t\t\t", "Pre[e]", kindInPlace)
		g.w("\t\t}\n\t\treturn (check && (dbad >> 63)) ? 2 : 0;\n\t}\n")
		g.w("\tif (A->mode == 1) {\n\t\tconst int32_t *const ip = A->idxpre;\n\t\t(void)ip;\n")
		g.w("\t\tfor (int64_t j = 0; j < A->nidx; j++) {\n\t\t\tconst int64_t e = A->idx[j];\n")
		g.prefetch("\t\t\t")
		g.body("\t\t\t", "(ip ? ip[j] : Pre[e])", kindInPlace)
		g.w("\t\t}\n\t\treturn (check && (dbad >> 63)) ? 2 : 0;\n\t}\n")
		g.w("\tfor (int64_t j = 0; j < A->nrows; j++) {\n\t\tconst int64_t r = A->rows[j];\n")
		g.rowPrefetch("\t\t")
		g.w("\t\tconst int32_t pr = (int32_t)(uint32_t)((uint64_t)A->prebase + (uint64_t)r);\n\t\t(void)pr;\n")
		g.w("\t\tfor (int64_t e = A->begin[r]; e < A->end[r]; e++) {\n")
		g.body("\t\t\t", "pr", kindInPlace)
		g.w("\t\t}\n\t}\n\treturn (check && (dbad >> 63)) ? 2 : 0;\n")
		return
	}
	g.w("\tif (A->mode != 3) {\n")
	g.w("\t\tconst int64_t count = A->mode == 0 ? A->hi - A->lo : A->nidx;\n")
	g.w("\t\tfor (int64_t j = 0; j < count; j++) {\n")
	g.w("\t\t\tconst int64_t e = A->mode == 0 ? A->lo + j : A->idx[j];\n")
	g.body("\t\t\t", "(A->mode == 1 && A->idxpre ? A->idxpre[j] : Pre[e])", kindInPlace)
	g.w("\t\t}\n\t\treturn (check && (dbad >> 63)) ? 2 : 0;\n\t}\n")
	g.w("\tfor (int64_t j = 0; j < A->nrows; j++) {\n\t\tconst int64_t r = A->rows[j];\n")
	g.rowPrefetch("\t\t")
	g.w("\t\tconst int32_t pr = (int32_t)(uint32_t)((uint64_t)A->prebase + (uint64_t)r);\n")
	g.w("\t\tfor (int64_t e = A->begin[r]; e < A->end[r]; e++) {\n")
	g.body("\t\t\t", "pr", kindInPlace)
	g.w("\t\t}\n\t}\n\treturn (check && (dbad >> 63)) ? 2 : 0;\n")
}

// rowsAhead is how many rows ahead of the one delivered a Rows loop asks
// for the start of its synapses (postsynaptic indices and per-synapse
// variables): a row is a few cache lines, so the hardware prefetcher,
// which follows a stream only after some misses, leaves each row's first
// lines to wait for memory, and more so when threads split the rows.
const rowsAhead = 2

// rowPrefetch writes, at the top of a Rows loop's iteration j, hints to
// load the first cache lines of row j + rowsAhead.
func (g *gen) rowPrefetch(tab string) {
	slots := g.elemSlots()
	if len(slots) == 0 && !g.p.Uses.Post {
		return
	}
	g.w("%sif (j + %d < A->nrows) {\n", tab, rowsAhead)
	g.w("%s\tconst int64_t nr = A->rows[j + %d], f0 = A->begin[nr], f1 = A->end[nr];\n", tab, rowsAhead)
	if g.p.Uses.Post {
		g.w("%s\tfor (int64_t f = f0; f < f1 && f < f0 + 64; f += 16) __builtin_prefetch(&Post[f], 0);\n", tab)
	}
	for _, sl := range slots {
		g.w("%s\tfor (int64_t f = f0; f < f1 && f < f0 + 32; f += 8) __builtin_prefetch(&a%d[f], %d);\n", tab, sl, g.rw(sl))
	}
	g.w("%s}\n", tab)
}

// prefetchAhead is how many elements ahead of the one computed an index
// list's loop asks for its synapses' variables: an on_post pathway walks
// synapses stored by presynaptic neuron, one cache line (or page) apart,
// and the loads of later elements overlap the work of this one.
const prefetchAhead = 32

// prefetch writes, for an index list's loop, hints to load the per-element
// variables of the element prefetchAhead places on.
func (g *gen) prefetch(tab string) {
	slots := g.elemSlots()
	if len(slots) == 0 && !g.p.Uses.Pre {
		return
	}
	g.w(tab+"if (j + %d < A->nidx) {\n"+tab+"\tconst int64_t f = A->idx[j + %d];\n", prefetchAhead, prefetchAhead)
	if g.p.Uses.Pre {
		// The presynaptic neuron, whose variables are read next.
		g.w("%s\tif (!A->idxpre) __builtin_prefetch(&Pre[f], 0);\n", tab)
	}
	for _, sl := range slots {
		g.w(tab+"\t__builtin_prefetch(&a%d[f], %d);\n", sl, g.rw(sl))
	}
	g.w("%s}\n", tab)
}

// elemSlots are the per-element slots the program loads or stores, in
// order of first use: the arrays worth prefetching.
func (g *gen) elemSlots() []int32 {
	seen := map[int32]bool{}
	var slots []int32
	for _, in := range g.p.Code {
		if (in.Op == kernel.OpLoad || in.Op == kernel.OpStore) && g.p.Slots[in.Slot].Index == ir.Elem && !seen[in.Slot] {
			seen[in.Slot] = true
			slots = append(slots, in.Slot)
		}
	}
	return slots
}

// rw is __builtin_prefetch's second argument for a slot: 1 if the program
// writes it.
func (g *gen) rw(slot int32) int {
	if g.p.Slots[slot].Written {
		return 1
	}
	return 0
}

// chunked writes the chunk-by-chunk loop: gather a chunk's elements (and,
// for Rows, their presynaptic neurons), compute, store, check, and for
// Filter append the selected elements. Contiguous chunks (Range, Filter)
// have loops of their own, which the C compiler can vectorise.
func (g *gen) chunked() {
	p := g.p
	g.w("\t{\n\tint32_t ce[%d], cp[%d];\n\tuint8_t rm[%d] = {0};\n\t(void)rm;\n", kernel.ChunkSize, kernel.ChunkSize, kernel.ChunkSize+8)
	g.w("\tdouble *restrict const rb = A->buf;\n\t(void)rb; (void)cp;\n")
	for i := range p.Code {
		if g.bufIdx[i] >= 0 {
			g.w("\tdouble *restrict const b%d = A->buf + %d;\n", g.bufIdx[i], (1+g.bufIdx[i])*kernel.ChunkSize)
		}
	}
	g.w("\tconst int64_t mode = A->mode;\n\tint64_t pos = 0, nout = 0, rj = 0, re = 0, started = 0;\n")
	g.w("\tfor (;;) {\n\t\tint64_t n = 0, c0 = 0;\n")
	g.w("\t\tif (mode == 3) {\n")
	g.w("\t\t\twhile (n < %d && rj < A->nrows) {\n", kernel.ChunkSize)
	g.w("\t\t\t\tconst int64_t r = A->rows[rj];\n")
	g.w("\t\t\t\tif (!started) { re = A->begin[r]; started = 1; }\n")
	g.w("\t\t\t\tif (re < A->end[r]) {\n\t\t\t\t\tce[n] = (int32_t)re; cp[n] = (int32_t)(uint32_t)((uint64_t)A->prebase + (uint64_t)r); n++; re++;\n")
	g.w("\t\t\t\t} else { rj++; started = 0; }\n\t\t\t}\n")
	g.w("\t\t} else if (mode == 1) {\n")
	g.w("\t\t\tn = A->nidx - pos; if (n > %d) n = %d;\n", kernel.ChunkSize, kernel.ChunkSize)
	g.w("\t\t\tfor (int64_t i = 0; i < n; i++) ce[i] = A->idx[pos+i];\n")
	g.w("\t\t\tif (A->idxpre) for (int64_t i = 0; i < n; i++) cp[i] = A->idxpre[pos+i];\n\t\t\tpos += n;\n")
	g.w("\t\t} else {\n")
	g.w("\t\t\tn = A->hi - A->lo - pos; if (n > %d) n = %d;\n", kernel.ChunkSize, kernel.ChunkSize)
	g.w("\t\t\tc0 = A->lo + pos;\n\t\t\tpos += n;\n\t\t}\n")
	g.w("\t\tif (n <= 0) break;\n")
	g.w("\t\tif (mode == 0 || mode == 2) {\n")
	g.lanes("c0 + i", "Pre[e]")
	if p.Result >= 0 {
		// Spikes are rare: the selected elements are found eight at a
		// time, from a byte per element.
		g.w("\t\t\tif (mode == 2) {\n")
		g.w("\t\t\t\tfor (int64_t i = 0; i < n; i++) rm[i] = (uint8_t)(rb[i] != 0);\n")
		g.w("\t\t\t\tfor (int64_t i = 0; i < n; i += 8) {\n")
		g.w("\t\t\t\t\tuint64_t m8; memcpy(&m8, rm + i, 8);\n")
		g.w("\t\t\t\t\tif (m8 == 0) continue;\n")
		g.w("\t\t\t\t\tfor (int64_t q = i; q < i + 8 && q < n; q++) if (rm[q]) A->out[nout++] = (int32_t)(c0 + q);\n")
		g.w("\t\t\t\t}\n\t\t\t}\n")
	}
	g.w("\t\t} else {\n")
	if !p.Serial { // serial programs come here for Filter only
		g.lanes("ce[i]", "(mode == 3 || A->idxpre ? cp[i] : Pre[e])")
	}
	g.w("\t\t}\n\t}\n\tA->nout = nout;\n\treturn (check && (dbad >> 63)) ? 2 : 0;\n\t}\n")
}

// lanes writes the computation and the stores of one chunk whose lane i
// holds element elem, with presynaptic neuron preExpr.
func (g *gen) lanes(elem, preExpr string) {
	g.w("\t\t\tfor (int64_t i = 0; i < n; i++) {\n\t\t\t\tconst int64_t e = %s;\n", elem)
	g.body("\t\t\t\t", preExpr, kindBuffered)
	g.w("\t\t\t}\n")
	for i := range g.p.Code {
		if g.bufIdx[i] >= 0 {
			g.commit(i, elem, strings.ReplaceAll(preExpr, "[e]", "["+elem+"]"))
		}
	}
}

// commit writes the store of instruction i for a whole chunk, and its
// check; lane i holds element elem, with presynaptic neuron pre.
func (g *gen) commit(i int, elem, pre string) {
	in := &g.p.Code[i]
	t := elem
	switch g.p.Slots[in.Slot].Index {
	case ir.Pre:
		t = pre
	case ir.Post:
		t = "Post[" + elem + "]"
	}
	buf := g.bufIdx[i]
	if in.Op == kernel.OpScatterAdd {
		g.w("\t\t\tfor (int64_t i = 0; i < n; i++) { a%d[%s] += b%d[i]; dbad |= cj_badw(a%d[%s]); }\n", in.Slot, t, buf, in.Slot, t)
		return
	}
	g.w("\t\t\tfor (int64_t i = 0; i < n; i++) { a%d[%s] = b%d[i]; dbad |= cj_badw(b%d[i]); }\n", in.Slot, t, buf, buf)
}

// bodyKind says where a body puts what its element stores.
type bodyKind uint8

const (
	kindInPlace  bodyKind = iota // stores and scatter-adds to the arrays, each checked at once
	kindBuffered                 // stored values and the condition to the chunk's buffers (lane i)
	kindSplit                    // stores to the arrays, checked at once; scatter-add operands to their buffers (lane i)
)

// ref writes the element of slot that element e addresses, through the
// variables pre and post.
func (g *gen) ref(slot int32) string {
	switch g.p.Slots[slot].Index {
	case ir.Pre:
		return fmt.Sprintf("a%d[pre]", slot)
	case ir.Post:
		return fmt.Sprintf("a%d[post]", slot)
	}
	return fmt.Sprintf("a%d[e]", slot)
}

// body writes the instructions for one element e; preExpr is its
// presynaptic neuron. kind says where stored values go.
func (g *gen) body(tab, preExpr string, kind bodyKind) {
	p := g.p
	if p.Uses.Pre {
		g.w(tab+"const int64_t pre = %s;\n"+tab+"(void)pre;\n", preExpr)
	}
	if p.Uses.Post {
		g.w("%sconst int64_t post = Post[e];\n%s(void)post;\n", tab, tab)
	}
	ref := g.ref
	for i := range p.Code {
		in := &p.Code[i]
		d := fmt.Sprintf("r%d", in.Dst)
		a, bb, c := fmt.Sprintf("r%d", in.A), fmt.Sprintf("r%d", in.B), fmt.Sprintf("r%d", in.C)
		k := fmt.Sprintf("k%d", g.kIndex[i])
		switch in.Op {
		case kernel.OpLoad:
			g.w(tab+"%s = %s;\n", d, ref(in.Slot))
		case kernel.OpScalar:
			g.w(tab+"%s = s%d;\n", d, in.Slot)
		case kernel.OpIndex:
			src := map[float64]string{0: "(ord ? ord[e] : e)", 1: "pre", 2: "post"}[in.K]
			if src == "" {
				g.err = fmt.Errorf("cc: index instruction with K = %v", in.K)
				src = "e"
			}
			g.w(tab+"%s = (double)(int32_t)%s;\n", d, src)
		case kernel.OpRand:
			g.w(tab+"%s = cj_uniform(sk, (uint64_t)(ord ? ord[e] : e), %du);\n", d, in.Draw)
		case kernel.OpRandn:
			g.w(tab+"%s = cj_normal(sk, (uint64_t)(ord ? ord[e] : e), %du);\n", d, in.Draw)
		case kernel.OpAddK:
			g.w(tab+"%s = %s + %s;\n", d, a, k)
		case kernel.OpMulK:
			g.w(tab+"%s = %s * %s;\n", d, a, k)
		case kernel.OpRDivK:
			g.w(tab+"%s = %s / %s;\n", d, k, a)
		case kernel.OpAxpyK:
			g.w(tab+"%s = %s * %s + %s ;\n", d, a, k, bb)
		case kernel.OpCmpK:
			op := map[ir.Fn]string{ir.Lt: "<", ir.Le: "<=", ir.Gt: ">"}[in.Fn]
			if op == "" {
				op = ">="
			}
			g.w(tab+"%s = cj_b2f(%s %s %s);\n", d, a, op, k)
		case kernel.OpFn:
			x, err := fnExpr(in.Fn, a, bb, c)
			if err != nil {
				g.err = err
			}
			g.w(tab+"%s = %s;\n", d, x)
		case kernel.OpStore, kernel.OpScatterAdd:
			switch {
			case kind == kindBuffered || kind == kindSplit && in.Op == kernel.OpScatterAdd:
				g.w(tab+"b%d[i] = %s;\n", g.bufIdx[i], a)
			case in.Op == kernel.OpScatterAdd:
				g.w(tab+"%s += %s;\n", ref(in.Slot), a)
				g.w(tab+"dbad |= cj_badw(%s);\n", ref(in.Slot))
			default:
				g.w(tab+"%s = %s;\n", ref(in.Slot), a)
				g.w(tab+"dbad |= cj_badw(%s);\n", a)
			}
		default:
			g.err = fmt.Errorf("cc: unknown instruction %s", in.Op)
		}
	}
	if kind == kindBuffered && p.Result >= 0 {
		g.w(tab+"rb[i] = r%d;\n", p.Result)
	}
}
