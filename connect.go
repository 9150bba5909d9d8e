package cajal

import (
	"fmt"
	"math"

	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/kernel"
	"github.com/cajal-sim/cajal/internal/rng"
	"github.com/cajal-sim/cajal/internal/sim"
)

// ConnectOption says which synapses Connect makes.
type ConnectOption func(*connectSpec) error

type connectSpec struct {
	cond     string
	p        float64
	pExpr    string
	n        int
	i, j     []int
	pairs    bool
	oneToOne bool

	rule                    rule // fixed degree, total number or offsets
	k, lo, hi               int
	noAutapses, noMultapses bool
}

// Condition keeps only the pairs (i, j) for which the condition holds, e.g.
// "i != j"; it may use i, j and the neurons' variables (v_pre, v_post).
func Condition(cond string) ConnectOption {
	return func(c *connectSpec) error { c.cond = cond; return nil }
}

// P connects each candidate pair with probability p.
func P(p float64) ConnectOption {
	return func(c *connectSpec) error {
		if !(p >= 0 && p <= 1) {
			return fmt.Errorf("a connection probability must be in [0, 1], got %v", p)
		}
		c.p = p
		return nil
	}
}

// PExpr connects each candidate pair with a probability given by an
// expression in i, j and the neurons' variables, e.g. "exp(-abs(i-j)/10.)".
func PExpr(expr string) ConnectOption {
	return func(c *connectSpec) error { c.pExpr = expr; return nil }
}

// Multiplicity makes n synapses for each pair connected.
func Multiplicity(n int) ConnectOption {
	return func(c *connectSpec) error {
		if n < 0 {
			return fmt.Errorf("the number of synapses per pair must not be negative, got %d", n)
		}
		c.n = n
		return nil
	}
}

// Pairs connects i[k] to j[k] for each k (indices within source and target).
func Pairs(i, j []int) ConnectOption {
	return func(c *connectSpec) error {
		if len(i) != len(j) {
			return fmt.Errorf("Pairs needs as many i as j, got %d and %d", len(i), len(j))
		}
		c.i, c.j, c.pairs = i, j, true
		return nil
	}
}

// OneToOne connects neuron k of the source to neuron k of the target.
func OneToOne() ConnectOption {
	return func(c *connectSpec) error { c.oneToOne = true; return nil }
}

// Connect makes synapses: all-to-all by default, narrowed by the options.
// It may be called again, also after a run, to add synapses; the new
// synapses' variables start at zero and their delays at the group's
// Delay. Random choices come from the network's seed.
func (s *SynapseGroup) Connect(opts ...ConnectOption) error {
	c := connectSpec{p: 1, n: 1}
	for _, o := range opts {
		if err := o(&c); err != nil {
			return fmt.Errorf("cajal: %s: %v", s.spec.Name, err)
		}
	}
	if what := c.ruleConflict(); what != "" {
		return fmt.Errorf("cajal: %s: a connection rule cannot be combined with %s", s.spec.Name, what)
	}
	ss := s.ss
	ns, nt := ss.SrcHi-ss.SrcLo, ss.TgtHi-ss.TgtLo
	s.connects++
	key := rng.NewKey(s.net.opts.Seed, 1<<61|uint64(ss.ID)<<32|uint64(s.connects))
	var pre, post []int32
	switch {
	case c.pairs:
		for k := range c.i {
			if c.i[k] < 0 || c.i[k] >= ns || c.j[k] < 0 || c.j[k] >= nt {
				return fmt.Errorf("cajal: %s: pair (%d, %d) is outside the %d x %d neurons", s.spec.Name, c.i[k], c.j[k], ns, nt)
			}
			pre = append(pre, int32(c.i[k]+ss.SrcLo))
			post = append(post, int32(c.j[k]+ss.TgtLo))
		}
	case c.oneToOne:
		if ns != nt {
			return fmt.Errorf("cajal: %s: one-to-one needs groups of one size, got %d and %d", s.spec.Name, ns, nt)
		}
		for k := 0; k < ns; k++ {
			pre = append(pre, int32(k+ss.SrcLo))
			post = append(post, int32(k+ss.TgtLo))
		}
	case c.rule != ruleNone:
		var err error
		if pre, post, err = s.byRule(c, key); err != nil {
			return fmt.Errorf("cajal: %s: %v", s.spec.Name, err)
		}
		for k := range pre {
			pre[k] += int32(ss.SrcLo)
			post[k] += int32(ss.TgtLo)
		}
	default:
		var err error
		if pre, post, err = s.candidates(c, key); err != nil {
			return err
		}
	}
	if c.cond != "" || c.pExpr != "" {
		var err error
		if pre, post, err = s.filter(c, key, pre, post); err != nil {
			return err
		}
	}
	if c.n != 1 {
		if float64(len(pre))*float64(c.n) > 1<<31 {
			return fmt.Errorf("cajal: %s: %d pairs with %d synapses each are more than 2^31 synapses", s.spec.Name, len(pre), c.n)
		}
		var p2, q2 []int32
		for k := range pre {
			for r := 0; r < c.n; r++ {
				p2 = append(p2, pre[k])
				q2 = append(q2, post[k])
			}
		}
		pre, post = p2, q2
	}
	first := ss.Add(pre, post)
	err := s.initDelays(first)
	ss.Sort()
	return err
}

// candidates draws the pairs of a fixed probability: for each source
// neuron, the gaps between chosen targets are geometric, so the work is
// proportional to the synapses made rather than to all pairs.
func (s *SynapseGroup) candidates(c connectSpec, key rng.Key) (pre, post []int32, err error) {
	ss := s.ss
	ns, nt := ss.SrcHi-ss.SrcLo, ss.TgtHi-ss.TgtLo
	p := c.p
	if c.pExpr != "" {
		p = 1
	}
	if p == 0 {
		return nil, nil, nil
	}
	if float64(ns)*float64(nt)*p > 1<<31 {
		return nil, nil, fmt.Errorf("cajal: %s: about %.3g synapses would be made; at most 2^31 are supported", s.spec.Name, float64(ns)*float64(nt)*p)
	}
	logq := math.Log1p(-p)
	for i := 0; i < ns; i++ {
		if p == 1 {
			for j := 0; j < nt; j++ {
				pre = append(pre, int32(i+ss.SrcLo))
				post = append(post, int32(j+ss.TgtLo))
			}
			continue
		}
		j := -1
		for draw := uint64(0); ; draw++ {
			u := key.Uniform(uint64(i), draw, 0)
			j += 1 + int(math.Floor(math.Log1p(-u)/logq))
			if j >= nt || j < 0 {
				break
			}
			pre = append(pre, int32(i+ss.SrcLo))
			post = append(post, int32(j+ss.TgtLo))
		}
	}
	return pre, post, nil
}

// filter keeps the candidate pairs whose condition holds, and then those
// that pass a per-pair probability.
func (s *SynapseGroup) filter(c connectSpec, key rng.Key, pre, post []int32) ([]int32, []int32, error) {
	sc, err := s.scope()
	if err != nil {
		return nil, nil, err
	}
	sc.N = len(pre)
	cond := ir.Num(1)
	if c.cond != "" {
		if cond, err = sc.Condition(s.spec.Name+".condition", c.cond, "the connection condition"); err != nil {
			return nil, nil, err
		}
	}
	if c.pExpr != "" {
		p, err := sc.ExpressionOf(s.spec.Name+".p", c.pExpr, [7]float64{}, "the connection probability")
		if err != nil {
			return nil, nil, err
		}
		u := ir.Call(ir.Rand)
		u.Draw = 1 << 20
		cond = ir.Call(ir.And, cond, ir.Call(ir.Lt, u, p))
	}
	prog, err := kernel.Compile(nil, cond)
	if err != nil {
		return nil, nil, err
	}
	for _, sl := range prog.Slots {
		if sl.Index == ir.Elem {
			return nil, nil, fmt.Errorf("cajal: %s: a connection condition cannot read synaptic variable %s: the synapses do not exist yet", s.spec.Name, sl.Name)
		}
	}
	env := &kernel.Env{Key: key, Step: 1 << 40, Pre: pre, Post: post, Scalars: make([]float64, len(prog.Scalars))}
	for _, sl := range prog.Slots {
		a, _ := map[ir.Index]map[string][]float64{ir.Pre: s.ss.Src.Arrays, ir.Post: s.ss.Tgt.Arrays}[sl.Index][sl.Name]
		env.Arrays = append(env.Arrays, a)
	}
	for i, name := range prog.Scalars {
		if name == "t" {
			env.Scalars[i] = s.net.T()
		}
	}
	keep, err := prog.NewMachine().Filter(env, 0, len(pre), nil)
	if err != nil {
		return nil, nil, err
	}
	p2, q2 := make([]int32, len(keep)), make([]int32, len(keep))
	for k, idx := range keep {
		p2[k], q2[k] = pre[idx], post[idx]
	}
	return p2, q2, nil
}

// initDelays sets the delays of synapses from first on.
func (s *SynapseGroup) initDelays(first int) error {
	st := s.store()
	for k, name := range []string{"delay", "post_delay"} {
		if [2]*sim.Pathway{s.pre, s.post}[k] == nil || first == s.ss.N() {
			continue
		}
		d := s.delays[k]
		arr, ok := s.ss.Arrays[name]
		if !ok && d.expr == "" {
			continue // all synapses have the fixed delay: no array
		}
		if d.expr == "" {
			for i := first; i < len(arr); i++ {
				arr[i] = d.fixed
			}
			continue
		}
		if err := st.set(name, d.expr, first, s.ss.N()); err != nil {
			return err
		}
	}
	return nil
}
