package cajal

import (
	"fmt"
	"slices"

	"github.com/cajal-sim/cajal/internal/rng"
)

// Connection rules with NEST's names and meanings. Each candidate neuron is
// equally likely; autapses (a neuron onto itself, when source and target
// are the same group) and multapses (several synapses between one pair)
// are allowed unless Autapses(false) or Multapses(false) say otherwise,
// as in NEST. The random choices come from the network's seed and are the
// same whatever the number of threads.

// rule is a connection rule other than Brian2's probabilistic ones.
type rule uint8

const (
	ruleNone rule = iota
	ruleInDegree
	ruleOutDegree
	ruleTotal
	ruleOffsets
)

// FixedInDegree connects each target neuron to k source neurons chosen at
// random (NEST's fixed_indegree).
func FixedInDegree(k int) ConnectOption { return fixedRule(ruleInDegree, k, "in-degree") }

// FixedOutDegree connects each source neuron to k target neurons chosen at
// random (NEST's fixed_outdegree).
func FixedOutDegree(k int) ConnectOption { return fixedRule(ruleOutDegree, k, "out-degree") }

// FixedTotalNumber makes n synapses between pairs chosen at random (NEST's
// fixed_total_number).
func FixedTotalNumber(n int) ConnectOption { return fixedRule(ruleTotal, n, "total number") }

func fixedRule(r rule, k int, what string) ConnectOption {
	return func(c *connectSpec) error {
		if k < 0 {
			return fmt.Errorf("a fixed %s must not be negative, got %d", what, k)
		}
		if c.rule != ruleNone {
			return fmt.Errorf("only one connection rule can be given")
		}
		c.rule, c.k = r, k
		return nil
	}
}

// Autapses allows or forbids synapses from a neuron onto itself (default
// allowed) with the fixed rules and Offsets.
func Autapses(allow bool) ConnectOption {
	return func(c *connectSpec) error { c.noAutapses = !allow; return nil }
}

// Multapses allows or forbids several synapses between one pair (default
// allowed) with the fixed rules.
func Multapses(allow bool) ConnectOption {
	return func(c *connectSpec) error { c.noMultapses = !allow; return nil }
}

// Offsets connects each source neuron i to the targets j = i + k for k in
// lo, lo+1, ..., hi-1 that exist: Brian2's generator form
// j = 'i + k for k in range(lo, hi) if 0 <= i + k < N_post'. Condition and
// PExpr may narrow it further.
func Offsets(lo, hi int) ConnectOption {
	return func(c *connectSpec) error {
		if hi < lo {
			return fmt.Errorf("Offsets needs lo <= hi, got %d and %d", lo, hi)
		}
		if c.rule != ruleNone {
			return fmt.Errorf("only one connection rule can be given")
		}
		c.rule, c.lo, c.hi = ruleOffsets, lo, hi
		return nil
	}
}

// ruleConflict says what a rule cannot be combined with, or "".
func (c *connectSpec) ruleConflict() string {
	switch {
	case c.rule == ruleNone:
		return ""
	case c.pairs || c.oneToOne:
		return "Pairs or OneToOne"
	case c.p != 1:
		return "P"
	case c.rule != ruleOffsets && (c.cond != "" || c.pExpr != "" || c.n != 1):
		return "Condition, PExpr or Multiplicity"
	}
	return ""
}

// byRule makes the pairs of a rule, as indices within source and target.
func (s *SynapseGroup) byRule(c connectSpec, key rng.Key) (pre, post []int32, err error) {
	ss := s.ss
	ns, nt := ss.SrcHi-ss.SrcLo, ss.TgtHi-ss.TgtLo
	// autapse(i) is the target index of source i's own neuron, or -1.
	autapse := func(i int) int { return -1 }
	if c.noAutapses && s.src == s.tgt {
		autapse = func(i int) int {
			if j := i + ss.SrcLo - ss.TgtLo; j >= 0 && j < nt {
				return j
			}
			return -1
		}
	}
	switch c.rule {
	case ruleInDegree:
		// For each target, k sources; the autapse rule seen from the target.
		back := func(j int) int {
			if !c.noAutapses || s.src != s.tgt {
				return -1
			}
			if i := j + ss.TgtLo - ss.SrcLo; i >= 0 && i < ns {
				return i
			}
			return -1
		}
		// On a process of a split network, only the targets it owns:
		// each target's sources are drawn from its own stream.
		from, to := 0, nt
		if lo, hi, ok := s.ownTargets(); ok {
			from, to = lo, hi
		}
		posts, pres, err := chooseRange(from, to, ns, c.k, !c.noMultapses, back, key)
		if err != nil {
			return nil, nil, err
		}
		pre, post = transpose(pres, posts, ns)
		return pre, post, nil
	case ruleOutDegree:
		pre, post, err = choose(ns, nt, c.k, !c.noMultapses, autapse, key)
		for i := 0; i < len(pre); i += c.k {
			slices.Sort(post[i : i+c.k])
		}
		return pre, post, err
	case ruleTotal:
		return s.total(c, key, autapse)
	case ruleOffsets:
		for i := 0; i < ns; i++ {
			for k := c.lo; k < c.hi; k++ {
				j := i + k
				if j < 0 || j >= nt || j == autapse(i) {
					continue
				}
				pre = append(pre, int32(i))
				post = append(post, int32(j))
			}
		}
		return pre, post, nil
	}
	return nil, nil, nil
}

// choose picks, for each of m owners, k partners among n (skipping the
// partner excluded(owner) when it is not -1): with repeats when multi,
// else k distinct ones by Floyd's algorithm, each subset equally likely.
// It returns the pairs (owner, partner), owner by owner.
func choose(m, n, k int, multi bool, excluded func(int) int, key rng.Key) (owners, partners []int32, err error) {
	return chooseRange(0, m, n, k, multi, excluded, key)
}

// chooseRange is choose for owners from to to-1 only: each owner draws
// from its own stream, so the pairs are those choose makes for them.
func chooseRange(from, to, n, k int, multi bool, excluded func(int) int, key rng.Key) (owners, partners []int32, err error) {
	m := to - from
	if float64(m)*float64(k) > 1<<31 {
		return nil, nil, fmt.Errorf("%d x %d synapses are more than 2^31", m, k)
	}
	owners = make([]int32, 0, m*k)
	partners = make([]int32, 0, m*k)
	mark := make([]int32, n) // mark[x] == owner+1: x chosen for this owner
	for o := from; o < to; o++ {
		ex := excluded(o)
		avail := n
		if ex >= 0 {
			avail--
		}
		if k > 0 && avail == 0 || (!multi && k > avail) {
			return nil, nil, fmt.Errorf("cannot choose %d distinct partners among %d", k, avail)
		}
		sk := key.Step(uint64(o))
		// map takes a candidate number in [0, avail) to a neuron.
		pick := func(x int) int32 {
			if ex >= 0 && x >= ex {
				x++
			}
			return int32(x)
		}
		if multi {
			for d := 0; d < k; d++ {
				x := int(sk.Uniform(uint64(d), 0) * float64(avail))
				owners = append(owners, int32(o))
				partners = append(partners, pick(x))
			}
			continue
		}
		stamp := int32(o + 1)
		for r := avail - k; r < avail; r++ {
			x := int(sk.Uniform(uint64(r), 1) * float64(r+1))
			if mark[x] == stamp {
				x = r
			}
			mark[x] = stamp
			owners = append(owners, int32(o))
			partners = append(partners, pick(x))
		}
	}
	return owners, partners, nil
}

// transpose orders pairs given target by target (targets ascending) by
// source, keeping the targets' order within each source: the order in
// which synapses are stored, so that storing them needs no sort.
func transpose(pre, post []int32, ns int) (p2, q2 []int32) {
	start := make([]int, ns+1)
	for _, i := range pre {
		start[i+1]++
	}
	for i := 1; i <= ns; i++ {
		start[i] += start[i-1]
	}
	p2, q2 = make([]int32, len(pre)), make([]int32, len(pre))
	for k, i := range pre {
		at := start[i]
		start[i]++
		p2[at], q2[at] = i, post[k]
	}
	return p2, q2
}

// total makes c.k synapses between pairs drawn uniformly.
func (s *SynapseGroup) total(c connectSpec, key rng.Key, autapse func(int) int) (pre, post []int32, err error) {
	ns, nt := s.ss.SrcHi-s.ss.SrcLo, s.ss.TgtHi-s.ss.TgtLo
	pairs := float64(ns) * float64(nt)
	if c.noAutapses && s.src == s.tgt {
		for i := 0; i < ns; i++ {
			if autapse(i) >= 0 {
				pairs--
			}
		}
	}
	if c.k > 0 && pairs == 0 || (c.noMultapses && float64(c.k) > pairs) {
		return nil, nil, fmt.Errorf("cannot make %d synapses among %.0f pairs", c.k, pairs)
	}
	if c.k > 1<<31 {
		return nil, nil, fmt.Errorf("%d synapses are more than 2^31", c.k)
	}
	seen := map[int64]bool{}
	var draw uint64
	for len(pre) < c.k {
		sk := key.Step(draw)
		draw++
		i := int(sk.Uniform(0, 2) * float64(ns))
		j := int(sk.Uniform(1, 2) * float64(nt))
		if j == autapse(i) {
			continue
		}
		if c.noMultapses {
			id := int64(i)*int64(nt) + int64(j)
			if seen[id] {
				continue
			}
			seen[id] = true
		}
		pre = append(pre, int32(i))
		post = append(post, int32(j))
	}
	return pre, post, nil
}
