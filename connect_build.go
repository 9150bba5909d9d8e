package cajal

import (
	"fmt"
	"github.com/cajal-sim/cajal/cluster"
	"math"
	"strings"

	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/kernel"
	"github.com/cajal-sim/cajal/internal/rng"
	"github.com/cajal-sim/cajal/internal/syntax"
)

// maxSynapses bounds a synapse group: synapse numbers are 32-bit.
const maxSynapses = 1<<31 - 1

// blockSize is the number of candidate pairs tested at a time.
const blockSize = 1 << 14

// builder makes the synapses of one Connect call. It walks the candidate
// pairs a block at a time (a source neuron's row, or a piece of it), keeps
// those that pass the condition and the per-pair probability, and checks
// what it keeps against the synapse count and memory limits, so that the
// candidates are never all held at once.
type builder struct {
	s         *SynapseGroup
	c         connectSpec
	key       rng.Key
	filter    *pairFilter // nil without Condition and PExpr
	perSyn    float64     // bytes per synapse while connecting
	used      int64       // bytes the network held before
	pre, post []int32     // the synapses kept, each pair c.n times
	// On a process of a split network only the synapses onto its neurons
	// are kept (post in [ownLo, ownHi)), each with its place among all
	// the synapses this Connect makes (ord); total counts them all.
	split        bool
	ownLo, ownHi int32
	ord          []int32
	total        int
	// the block of candidates being gathered
	bpre, bpost []int32
	row         int    // source row of the last candidate, for messages
	blocks      uint64 // blocks flushed: each has its own random stream
}

// newBuilder checks what can be checked before any synapse is made: the
// rule's sizes and, without a condition, the expected number of synapses
// against the limits.
func (s *SynapseGroup) newBuilder(c connectSpec) (*builder, error) {
	ss := s.ss
	ns, nt := ss.SrcHi-ss.SrcLo, ss.TgtHi-ss.TgtLo
	b := &builder{s: s, c: c, used: s.net.inUse(),
		key:    rng.NewKey(s.net.opts.Seed, 1<<61|uint64(ss.ID)<<32|uint64(s.connects)),
		perSyn: s.BytesPerSynapse()}
	if ss.Tgt.Split() {
		lo, hi := ss.Tgt.Own()
		b.split, b.ownLo, b.ownHi = true, int32(max(lo, ss.TgtLo)), int32(min(hi, ss.TgtHi))
	}
	var expected float64
	var rule string
	switch {
	case c.pairs:
		expected, rule = float64(len(c.i)), fmt.Sprintf("%d pairs", len(c.i))
	case c.oneToOne:
		if ns != nt {
			return nil, fmt.Errorf("cajal: %s: one-to-one needs groups of one size, got %d and %d", s.spec.Name, ns, nt)
		}
		expected, rule = float64(ns), fmt.Sprintf("one-to-one on %d neurons", ns)
	case c.rule == ruleInDegree:
		expected, rule = float64(c.k)*float64(nt), fmt.Sprintf("in-degree %d onto %d neurons", c.k, nt)
	case c.rule == ruleOutDegree:
		expected, rule = float64(c.k)*float64(ns), fmt.Sprintf("out-degree %d from %d neurons", c.k, ns)
	case c.rule == ruleTotal:
		expected, rule = float64(c.k), fmt.Sprintf("a total of %d synapses", c.k)
	case c.rule == ruleOffsets:
		expected, rule = float64(ns)*float64(c.hi-c.lo), fmt.Sprintf("offsets %d to %d from %d neurons", c.lo, c.hi-1, ns)
	default:
		expected = float64(ns) * float64(nt) * c.p
		rule = fmt.Sprintf("%d x %d neurons with p = %g", ns, nt, c.p)
	}
	if c.cond != "" || c.pExpr != "" {
		var err error
		if b.filter, err = s.newPairFilter(c); err != nil {
			return nil, err
		}
		return b, nil
	}
	total := expected * float64(c.n)
	if float64(s.N())+total > maxSynapses {
		return nil, fmt.Errorf("cajal: %s: %s, %d synapses per pair, would make about %.3g synapses; a group holds at most 2^31 - 1 (with the %d it has)",
			s.spec.Name, rule, c.n, total, s.N())
	}
	what := fmt.Sprintf("%s: connecting %s (about %.3g synapses)", s.spec.Name, rule, total)
	if b.split { // this process keeps the synapses onto its part of the targets
		total *= float64(max(b.ownHi-b.ownLo, 0)) / float64(max(nt, 1))
		what += fmt.Sprintf(", about %.3g of them onto the neurons of this process", total)
	}
	if err := s.net.reserve(what, total*b.perSyn); err != nil {
		return nil, err
	}
	// Room for the expected synapses and six standard deviations more.
	room := int(total + 6*math.Sqrt(total) + 16)
	b.pre, b.post = make([]int32, 0, room), make([]int32, 0, room)
	return b, nil
}

// run walks the candidates of the rule.
func (b *builder) run() error {
	c, ss := b.c, b.s.ss
	ns, nt := ss.SrcHi-ss.SrcLo, ss.TgtHi-ss.TgtLo
	switch {
	case c.pairs:
		for k := range c.i {
			if c.i[k] < 0 || c.i[k] >= ns || c.j[k] < 0 || c.j[k] >= nt {
				return fmt.Errorf("cajal: %s: pair (%d, %d) is outside the %d x %d neurons", b.s.spec.Name, c.i[k], c.j[k], ns, nt)
			}
			if err := b.add(c.i[k], c.j[k]); err != nil {
				return err
			}
		}
		return b.flush()
	case c.oneToOne:
		for k := 0; k < ns; k++ {
			if err := b.add(k, k); err != nil {
				return err
			}
		}
		return b.flush()
	case c.rule != ruleNone:
		pre, post, err := b.s.byRule(c, b.key)
		if err != nil {
			return fmt.Errorf("cajal: %s: %v", b.s.spec.Name, err)
		}
		if _, _, ok := b.s.ownTargets(); ok && c.rule == ruleInDegree {
			return b.keepOwn(pre, post)
		}
		for k := range pre {
			if err := b.add(int(pre[k]), int(post[k])); err != nil {
				return err
			}
		}
		return b.flush()
	}
	if c.p == 0 {
		return nil
	}
	for i := 0; i < ns; i++ {
		if err := b.walkRow(i, nt); err != nil {
			return err
		}
	}
	return nil
}

// walkRow gathers the candidates of source neuron i, a block per row or
// piece of a row: every target, or, for p < 1, targets whose gaps are
// geometric, so that the work is proportional to the synapses made rather
// than to all pairs.
func (b *builder) walkRow(i, nt int) error {
	if b.c.p == 1 {
		b.row = i
		pre, lo := int32(i+b.s.ss.SrcLo), int32(b.s.ss.TgtLo)
		for j := 0; j < nt; {
			if len(b.bpre) == blockSize {
				if err := b.flush(); err != nil {
					return err
				}
			}
			m := min(nt-j, blockSize-len(b.bpre))
			for k := range m {
				b.bpre = append(b.bpre, pre)
				b.bpost = append(b.bpost, lo+int32(j+k))
			}
			j += m
		}
		return b.flush()
	}
	logq := math.Log1p(-b.c.p)
	j := -1
	for draw := uint64(0); ; draw++ {
		u := b.key.Uniform(uint64(i), draw, 0)
		j += 1 + int(math.Floor(math.Log1p(-u)/logq))
		if j >= nt || j < 0 {
			break
		}
		if err := b.add(i, j); err != nil {
			return err
		}
	}
	return b.flush()
}

// add gathers the candidate (i, j), counted within source and target,
// flushing the block first when it is full.
func (b *builder) add(i, j int) error {
	if len(b.bpre) == blockSize {
		if err := b.flush(); err != nil {
			return err
		}
	}
	b.row = i
	b.bpre = append(b.bpre, int32(i+b.s.ss.SrcLo))
	b.bpost = append(b.bpost, int32(j+b.s.ss.TgtLo))
	return nil
}

// flush keeps the gathered candidates that pass the filter, each c.n
// times, and checks the synapses kept against the limits.
func (b *builder) flush() error {
	defer func() { b.bpre, b.bpost = b.bpre[:0], b.bpost[:0] }()
	if len(b.bpre) == 0 {
		return nil
	}
	b.blocks++
	if b.filter == nil {
		for k := range b.bpre {
			b.keep(k)
		}
		return nil
	}
	keep, err := b.filter.run(b, b.blocks)
	if err != nil {
		return err
	}
	for _, k := range keep {
		b.keep(int(k))
	}
	return b.check()
}

// keep keeps candidate k of the block, c.n times: all of them in one
// process, those onto its neurons on a process of a split network.
func (b *builder) keep(k int) {
	post := b.bpost[k]
	mine := !b.split || post >= b.ownLo && post < b.ownHi
	for range b.c.n {
		if mine {
			b.pre = append(b.pre, b.bpre[k])
			b.post = append(b.post, post)
			if b.split {
				b.ord = append(b.ord, int32(b.total))
			}
		}
		b.total++
	}
}

// check refuses the connection as soon as the synapses kept pass the
// count or memory limit.
func (b *builder) check() error {
	s := b.s
	kept := float64(len(b.pre))
	if float64(s.N())+float64(b.total) > maxSynapses {
		return fmt.Errorf("cajal: %s: the pairs kept by source neuron %d make %d synapses; a group holds at most 2^31 - 1 (with the %d it has)",
			s.spec.Name, b.row, b.total, s.N())
	}
	// The slices of kept pairs may hold twice their length.
	if 2*kept*b.perSyn+float64(b.used) > float64(s.net.limit) {
		what := fmt.Sprintf("%s: the %d synapses kept by source neuron %d of %d", s.spec.Name, len(b.pre), b.row, s.ss.SrcHi-s.ss.SrcLo)
		return &MemoryError{What: what, Bytes: 2 * kept * b.perSyn, InUse: b.used, Limit: s.net.limit}
	}
	return nil
}

// pairFilter tests blocks of candidate pairs against a condition and a
// per-pair probability expression.
type pairFilter struct {
	name  string // the expression's source name, for messages
	text  string // the probability expression
	m     *kernel.Machine
	env   *kernel.Env
	prob  []float64 // the probability of each candidate in the block
	keep  []int32
	hasP  bool
	preLo int
}

// probSlot is the per-candidate array the probability is written to.
const probSlot = "_p"

// newPairFilter compiles the condition and the probability: one program
// that writes the probability of each candidate and computes the
// condition.
func (s *SynapseGroup) newPairFilter(c connectSpec) (*pairFilter, error) {
	sc, err := s.scope()
	if err != nil {
		return nil, err
	}
	cond := ir.Num(1)
	if c.cond != "" {
		if cond, err = sc.Condition(s.spec.Name+".condition", c.cond, "the connection condition"); err != nil {
			return nil, err
		}
	}
	var block ir.Block
	if c.pExpr != "" {
		p, err := sc.ExpressionOf(s.spec.Name+".p", c.pExpr, [7]float64{}, "the connection probability")
		if err != nil {
			return nil, err
		}
		block = ir.Block{{Target: ir.V(probSlot, ir.Elem), Value: p}}
	}
	prog, err := kernel.Compile(block, cond)
	if err != nil {
		return nil, err
	}
	f := &pairFilter{name: s.spec.Name + ".p", text: c.pExpr, hasP: c.pExpr != "", prob: make([]float64, blockSize)}
	f.env = &kernel.Env{Key: rng.NewKey(s.net.opts.Seed, 1<<61|uint64(s.ss.ID)<<32|uint64(s.connects)),
		Scalars: make([]float64, len(prog.Scalars))}
	for _, sl := range prog.Slots {
		var a []float64
		switch sl.Index {
		case ir.Pre:
			a = s.ss.Src.Arrays[sl.Name]
		case ir.Post:
			a = s.ss.Tgt.Arrays[sl.Name]
		default:
			if sl.Name != probSlot {
				return nil, fmt.Errorf("cajal: %s: a connection condition cannot read synaptic variable %s: the synapses do not exist yet", s.spec.Name, sl.Name)
			}
			a = f.prob
		}
		f.env.Arrays = append(f.env.Arrays, a)
	}
	for i, name := range prog.Scalars {
		if name == "t" {
			f.env.Scalars[i] = s.net.now()
		}
	}
	f.m = prog.NewMachine()
	return f, nil
}

// run returns the positions in the builder's block of the candidates kept.
// The condition's and the probability's random draws use the block's
// stream: the same pairs are made whatever else the network holds.
func (f *pairFilter) run(b *builder, stream uint64) ([]int32, error) {
	n := len(b.bpre)
	f.env.Pre, f.env.Post = b.bpre, b.bpost
	f.env.Step = 1<<40 + stream
	keep, err := f.m.Filter(f.env, 0, n, f.keep[:0])
	f.keep = keep
	if err != nil || !f.hasP {
		return keep, err
	}
	sk := f.env.Key.Step(f.env.Step)
	out := keep[:0]
	for _, k := range keep {
		p := f.prob[k]
		if !(p >= 0 && p <= 1) {
			ss := b.s.ss
			return nil, &syntax.Error{Source: f.name, Pos: syntax.Pos{Line: 1, Col: 1}, Text: firstLine(f.text),
				Msg: fmt.Sprintf("the connection probability is %v for the pair i = %d, j = %d; it must be in [0, 1]",
					p, int(b.bpre[k])-ss.SrcLo, int(b.bpost[k])-ss.TgtLo)}
		}
		if sk.Uniform(uint64(k), 1<<20) < p {
			out = append(out, k)
		}
	}
	return out, nil
}

// firstLine is the first line of a text.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// ownTargets is, on a process of a split network, the part of the
// synapses' targets (counted within the target range) whose neurons it
// owns.
func (s *SynapseGroup) ownTargets() (lo, hi int, ok bool) {
	ss := s.ss
	if !ss.Tgt.Split() {
		return 0, 0, false
	}
	olo, ohi := ss.Tgt.Own()
	nt := ss.TgtHi - ss.TgtLo
	lo, hi = min(max(olo-ss.TgtLo, 0), nt), min(max(ohi-ss.TgtLo, 0), nt)
	return lo, max(lo, hi), true
}

// keepOwn keeps pairs made for this process's targets only (a rule that
// draws each target's sources apart), in the order of all the pairs (by
// source, then target): each pair's place among all of them, which one
// process would give it, counts the pairs of every process by source
// (one exchange of a count per source neuron).
func (b *builder) keepOwn(pre, post []int32) error {
	ss := b.s.ss
	ns := ss.SrcHi - ss.SrcLo
	counts := make([]int32, ns)
	for _, i := range pre {
		counts[i] += int32(b.c.n)
	}
	// A source's pairs: those onto lower processes' targets, then this
	// process's, then higher ones'.
	at, start := cluster.Places(b.s.net.opts.Comm, counts)
	if start > maxSynapses {
		return fmt.Errorf("cajal: %s: the rule makes %d synapses; a group holds at most 2^31 - 1", b.s.spec.Name, start)
	}
	for k, i := range pre {
		for range b.c.n {
			b.pre = append(b.pre, pre[k]+int32(ss.SrcLo))
			b.post = append(b.post, post[k]+int32(ss.TgtLo))
			b.ord = append(b.ord, int32(at[i]))
			at[i]++
		}
	}
	b.total = int(start)
	return b.check()
}
