package cc

import (
	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/kernel"
)

// Split loops. A synaptic program that adds into neuron variables
// (kernel.OpScatterAdd) does not vectorise as one loop: synapses of a row
// can reach the same neuron, and the additions are made one element after
// another. When those additions are all that orders its elements (each
// element stores only its own variables, and no variable added into is
// read), the kernel runs each chunk of at most kernel.ChunkSize distinct
// elements (part of a Range or of a row) in two loops. The first
// computes every element, stores its per-synapse values and writes the
// operands of the additions to buffers; its lanes are independent, and
// the C compiler vectorises it. The second makes the additions in
// element order, as the interpreter does, so that the sums have its bits. Every stored value is noted in dbad as on the other
// paths: with checks on, a non-finite one makes the call return 2, and
// the caller finds it (kernel.Program.FirstNonFinite).

// splittable reports whether p adds into neuron variables and can run in
// split loops: it stores only to per-element variables (ir.Elem), and
// loads no variable it adds into; and whether that pays: the first loop
// has work to vectorise, a store or an operation (a program that only
// adds a synaptic weight ran about 8% slower split). The caller also
// makes sure that no two slots share an array (kernel.Program.Aliased).
func splittable(p *kernel.Program) bool {
	loaded := map[int32]bool{}
	for _, in := range p.Code {
		if in.Op == kernel.OpLoad {
			loaded[in.Slot] = true
		}
	}
	scatter, work := false, false
	for _, in := range p.Code {
		switch in.Op {
		case kernel.OpStore:
			if p.Slots[in.Slot].Index != ir.Elem {
				return false
			}
			work = true
		case kernel.OpFn, kernel.OpRand, kernel.OpRandn:
			work = true
		case kernel.OpScatterAdd:
			if loaded[in.Slot] {
				return false
			}
			scatter = true
		}
	}
	return scatter && work
}

// splitLoops writes the split loops of Rows and Range, the modes whose
// chunks are contiguous (the caller sets A->split for no other). Each
// chunk lies within one row. Lists of indices keep the one loop, which
// asks for the variables of later elements ahead (prefetch): a prefetch
// in the first loop keeps it from being vectorised, and without one an
// on_post walk ran 10 to 30% slower split.
func (g *gen) splitLoops() {
	g.w("\t{\n")
	for i, in := range g.p.Code {
		if in.Op == kernel.OpScatterAdd {
			g.w("\tdouble *restrict const b%d = A->buf + %d;\n", g.bufIdx[i], (1+g.bufIdx[i])*kernel.ChunkSize)
		}
	}
	g.w("\tif (A->mode == 3) {\n\t\tfor (int64_t j = 0; j < A->nrows; j++) {\n")
	g.w("\t\t\tconst int64_t r = A->rows[j], hi = A->end[r];\n")
	g.rowPrefetch("\t\t\t")
	g.w("\t\t\tconst int32_t pr = (int32_t)(uint32_t)((uint64_t)A->prebase + (uint64_t)r);\n\t\t\t(void)pr;\n")
	g.w("\t\t\tfor (int64_t c = A->begin[r]; c < hi; c += %d) {\n", kernel.ChunkSize)
	g.splitChunk("\t\t\t\t", "c + i", "pr")
	g.w("\t\t\t}\n\t\t}\n\t\treturn (check && (dbad >> 63)) ? 2 : 0;\n\t}\n")
	g.w("\tconst int64_t hi = A->hi;\n\tfor (int64_t c = A->lo; c < hi; c += %d) {\n", kernel.ChunkSize)
	g.splitChunk("\t\t", "c + i", "Pre[e]")
	g.w("\t}\n\treturn (check && (dbad >> 63)) ? 2 : 0;\n\t}\n")
}

// splitChunk writes the two loops of the chunk of elements c to hi-1, at
// most kernel.ChunkSize of them; lane i holds element elem, whose
// presynaptic neuron is preExpr. The pragma tells the C compiler that the
// lanes of the first loop are independent: distinct elements, and the
// caller has checked that no two slots share an array.
func (g *gen) splitChunk(tab, elem, preExpr string) {
	cs := kernel.ChunkSize
	g.w(tab+"const int64_t n = hi - c < %d ? hi - c : %d;\n", cs, cs)
	g.w("%s#pragma GCC ivdep\n", tab)
	g.w(tab+"for (int64_t i = 0; i < n; i++) {\n"+tab+"\tconst int64_t e = %s;\n", elem)
	g.body(tab+"\t", preExpr, kindSplit)
	g.w("%s}\n", tab)
	g.w(tab+"for (int64_t i = 0; i < n; i++) {\n"+tab+"\tconst int64_t e = %s;\n"+tab+"\t(void)e;\n", elem)
	var pre, post bool
	for _, in := range g.p.Code {
		if in.Op == kernel.OpScatterAdd {
			pre = pre || g.p.Slots[in.Slot].Index == ir.Pre
			post = post || g.p.Slots[in.Slot].Index == ir.Post
		}
	}
	if pre {
		g.w(tab+"\tconst int64_t pre = %s;\n", preExpr)
	}
	if post {
		g.w("%s\tconst int64_t post = Post[e];\n", tab)
	}
	for i, in := range g.p.Code {
		if in.Op == kernel.OpScatterAdd {
			t := g.ref(in.Slot)
			g.w(tab+"\t%s += b%d[i];\n"+tab+"\tdbad |= cj_badw(%s);\n", t, g.bufIdx[i], t)
		}
	}
	g.w("%s}\n", tab)
}
