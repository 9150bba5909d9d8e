package cajal

import (
	"fmt"
	"strings"

	"github.com/cajal-sim/cajal/internal/sim"
)

// ConnectOption says which synapses Connect makes.
type ConnectOption func(*connectSpec) error

type connectSpec struct {
	cond     string
	p        float64
	pSet     bool
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
// The candidates are tested a block at a time and only the pairs that pass
// are kept, so a condition costs time for every candidate but memory only
// for the synapses made.
func Condition(cond string) ConnectOption {
	return func(c *connectSpec) error {
		if strings.TrimSpace(cond) == "" {
			return fmt.Errorf("an empty connection condition; leave Condition out to connect every candidate")
		}
		c.cond = cond
		return nil
	}
}

// P connects each candidate pair of the all-to-all rule with probability
// p. It cannot be combined with OneToOne, Pairs or PExpr (use PExpr or
// Condition to thin those).
func P(p float64) ConnectOption {
	return func(c *connectSpec) error {
		if !(p >= 0 && p <= 1) {
			return fmt.Errorf("a connection probability must be in [0, 1], got %v", p)
		}
		c.p, c.pSet = p, true
		return nil
	}
}

// PExpr connects each candidate pair with a probability given by an
// expression in i, j and the neurons' variables, e.g. "exp(-abs(i-j)/10.)".
// A value outside [0, 1] (or NaN) for any candidate is an error naming the
// pair.
func PExpr(expr string) ConnectOption {
	return func(c *connectSpec) error {
		if strings.TrimSpace(expr) == "" {
			return fmt.Errorf("an empty connection probability expression")
		}
		c.pExpr = expr
		return nil
	}
}

// Multiplicity makes n synapses, at least 1, for each pair connected.
func Multiplicity(n int) ConnectOption {
	return func(c *connectSpec) error {
		if n < 1 {
			return fmt.Errorf("the number of synapses per pair must be at least 1, got %d", n)
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

// conflict names a combination of options that would silently ignore one.
func (c *connectSpec) conflict() error {
	switch {
	case c.pairs && c.oneToOne:
		return fmt.Errorf("Pairs and OneToOne are two rules; give one")
	case c.pSet && (c.pairs || c.oneToOne):
		return fmt.Errorf("P thins the all-to-all rule and cannot be combined with Pairs or OneToOne; use PExpr or Condition to thin those")
	case c.pSet && c.pExpr != "":
		return fmt.Errorf("P and PExpr are two probabilities; give one")
	}
	return nil
}

// Connect makes synapses: all-to-all by default, narrowed by the options.
// It may be called again, also after a run, to add synapses; the new
// synapses' variables start at zero and their delays at the group's
// Delay. Random choices come from the network's seed. A request whose
// synapses would pass the network's memory limit is refused before they
// are made (with a condition or PExpr, as soon as the pairs kept pass it).
func (s *SynapseGroup) Connect(opts ...ConnectOption) error {
	if s.invalid() {
		return errInvalid("the synapse group")
	}
	c := connectSpec{p: 1, n: 1}
	for _, o := range opts {
		if o == nil {
			return fmt.Errorf("cajal: %s: a nil ConnectOption", s.spec.Name)
		}
		if err := o(&c); err != nil {
			return fmt.Errorf("cajal: %s: %v", s.spec.Name, err)
		}
	}
	if err := c.conflict(); err != nil {
		return fmt.Errorf("cajal: %s: %v", s.spec.Name, err)
	}
	if what := c.ruleConflict(); what != "" {
		return fmt.Errorf("cajal: %s: a connection rule cannot be combined with %s", s.spec.Name, what)
	}
	// A process of a split network keeps the synapses onto its neurons.
	s.net.sim.Distribute()
	s.connects++
	if err := s.beforeConnect(); err != nil {
		return err
	}
	b, err := s.newBuilder(c)
	if err != nil {
		return err
	}
	if err := b.run(); err != nil {
		return err
	}
	var first int
	if b.split {
		first = s.ss.AddSplit(b.pre, b.post, b.ord, b.total)
	} else {
		first = s.ss.Add(b.pre, b.post)
	}
	err = s.initDelays(first)
	s.net.sim.SortSplit(s.ss)
	return err
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
