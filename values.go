package cajal

import (
	"fmt"
	"maps"
	"math"
	"slices"

	"github.com/cajal-sim/cajal/internal/check"
	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/rng"
	"github.com/cajal-sim/cajal/internal/syntax"
	"github.com/cajal-sim/cajal/unit"
)

// Subgroup is a contiguous range of a neuron group: neurons[lo:hi].
type Subgroup struct {
	g      *NeuronGroup
	lo, hi int
}

// Source is a group or a subgroup, for monitors and (later) synapses.
type Source interface {
	span() (g *NeuronGroup, lo, hi int)
}

func (g *NeuronGroup) span() (*NeuronGroup, int, int) {
	if g == nil {
		return nil, 0, 0
	}
	return g, 0, g.spec.N
}
func (s Subgroup) span() (*NeuronGroup, int, int) { return s.g, s.lo, s.hi }

// source checks that src is a group or subgroup of this network; what
// names the use in the error.
func (n *Network) source(what string, src Source) (*NeuronGroup, int, int, error) {
	if src == nil {
		return nil, 0, 0, fmt.Errorf("cajal: %s: the source is nil; pass a group or a subgroup", what)
	}
	g, lo, hi := src.span()
	if g.invalid() {
		return nil, 0, 0, fmt.Errorf("cajal: %s: the source is an empty group or subgroup; make groups with Network.NeuronGroup and subgroups with Slice", what)
	}
	if g.net != n {
		return nil, 0, 0, fmt.Errorf("cajal: %s: %s belongs to another network", what, g.spec.Name)
	}
	return g, lo, hi, nil
}

// invalid reports a nil group or one not made by Network.NeuronGroup.
func (g *NeuronGroup) invalid() bool { return g == nil || g.net == nil || g.sg == nil }

// errInvalid is the error of a method called on a nil or zero group.
func errInvalid(what string) error {
	return fmt.Errorf("cajal: %s is nil or was not made by its Network", what)
}

// Slice returns neurons lo to hi-1, as Brian2's neurons[lo:hi].
func (g *NeuronGroup) Slice(lo, hi int) (Subgroup, error) {
	if g.invalid() {
		return Subgroup{}, errInvalid("the neuron group")
	}
	if lo < 0 || hi > g.spec.N || lo >= hi {
		return Subgroup{}, fmt.Errorf("cajal: %s[%d:%d] is not a non-empty range of the %d neurons", g.spec.Name, lo, hi, g.spec.N)
	}
	return Subgroup{g, lo, hi}, nil
}

// N is the number of neurons in the subgroup.
func (s Subgroup) N() int { return s.hi - s.lo }

// Offset is the index of the subgroup's first neuron in its group.
func (s Subgroup) Offset() int { return s.lo }

// Group is the group the subgroup belongs to.
func (s Subgroup) Group() *NeuronGroup { return s.g }

// Set sets a variable of the subgroup's neurons; see NeuronGroup.Set.
func (s Subgroup) Set(name string, value any) error {
	if s.g.invalid() {
		return errInvalid("the subgroup")
	}
	return s.g.set(name, value, s.lo, s.hi)
}

// Set sets a variable of every neuron. The value is a unit.Quantity (or a
// float64, int or bool for dimensionless and boolean variables), a slice of
// those with one value per neuron, or a string expression evaluated for
// each neuron, which may use the model's variables, i, N, rand() and
// randn(): "el + rand()*(vt - el)".
func (g *NeuronGroup) Set(name string, value any) error {
	if g.invalid() {
		return errInvalid("the neuron group")
	}
	return g.set(name, value, 0, g.spec.N)
}

// Get returns a copy of a variable's values in SI units (volt, siemens,
// ...), one per neuron; booleans are 0 or 1.
func (g *NeuronGroup) Get(name string) ([]float64, error) {
	if g.invalid() {
		return nil, errInvalid("the neuron group")
	}
	if n := g.net; n.sim.Split() {
		// Every variable, for subexpressions; in one order on every
		// process, as collective calls must be.
		for _, name := range slices.Sorted(maps.Keys(g.sg.Arrays)) {
			n.sim.SyncAll(g.sg, name)
		}
	}
	return g.store().get(name, g.spec.N)
}

// Unit returns a variable's dimension.
func (g *NeuronGroup) Unit(name string) (unit.Dim, error) {
	if g.invalid() {
		return unit.Dim{}, errInvalid("the neuron group")
	}
	v := g.model.Lookup(name)
	if v == nil {
		return unit.Dim{}, fmt.Errorf("cajal: %s has no variable %q", g.spec.Name, name)
	}
	return v.Dim, nil
}

// evalAt binds an evaluation to the network's current time.
func evalAt(n *Network, f func(ir.Block, rng.Key, int, int, float64) error) func(ir.Block, rng.Key, int, int) error {
	return func(b ir.Block, k rng.Key, lo, hi int) error {
		if !n.running {
			if err := n.prepareTables(); err != nil {
				return err
			}
		}
		return f(b, k, lo, hi, n.now())
	}
}

// store is the variables of a group of neurons or synapses, as Set and Get
// see them.
type store struct {
	name    string
	what    string // "neurons" or "synapses"
	model   *check.Model
	extra   map[string]*check.Var // implicit variables (a synapse's delay)
	arrays  map[string][]float64
	size    int // elements
	scalars map[string]float64
	scope   func() (*check.Scope, error)
	eval    func(b ir.Block, key rng.Key, lo, hi int) error
	key     func(k int) rng.Key
	draws   *int
	// virtual gives the value of every element of a variable that has no
	// array until it is set (a synapse group's homogeneous delay).
	virtual func(name string) (float64, bool)
}

// ensure makes the array of a virtual variable, filled with its value.
func (st *store) ensure(name string) {
	if _, ok := st.arrays[name]; ok || st.virtual == nil {
		return
	}
	if x, ok := st.virtual(name); ok {
		st.arrays[name] = st.filled(x)
	}
}

// filled is a new array of the store's size holding x.
func (st *store) filled(x float64) []float64 {
	out := make([]float64, st.size)
	for i := range out {
		out[i] = x
	}
	return out
}

func (g *NeuronGroup) store() *store {
	return &store{name: g.spec.Name, what: "neurons", model: g.model, arrays: g.sg.Arrays, size: g.spec.N, scalars: g.sg.Scalars,
		scope: g.scope, eval: evalAt(g.net, g.sg.EvalRange), draws: &g.draws,
		key: func(k int) rng.Key { return g.sg.InitKey(g.net.opts.Seed, k) }}
}

func (g *NeuronGroup) set(name string, value any, lo, hi int) error {
	return g.store().set(name, value, lo, hi)
}

func (st *store) lookup(name string) *check.Var {
	if v := st.extra[name]; v != nil {
		return v
	}
	return st.model.Lookup(name)
}

func (st *store) get(name string, n int) ([]float64, error) {
	if v := st.lookup(name); v != nil && v.Kind == syntax.Subexpression && !v.Summed {
		return st.evalSub(v, n)
	}
	if a, ok := st.arrays[name]; ok {
		return append([]float64(nil), a...), nil
	}
	if st.virtual != nil {
		if x, ok := st.virtual(name); ok {
			return st.filled(x), nil
		}
	}
	if x, ok := st.scalars[name]; ok {
		out := make([]float64, n)
		for i := range out {
			out[i] = x
		}
		return out, nil
	}
	return nil, fmt.Errorf("cajal: %s has no variable %q with stored values", st.name, name)
}

func (st *store) set(name string, value any, lo, hi int) error {
	v := st.lookup(name)
	where := fmt.Sprintf("cajal: %s.%s", st.name, name)
	if v == nil {
		return fmt.Errorf("%s: the model has no variable %q", where, name)
	}
	if v.Kind == syntax.Subexpression {
		return fmt.Errorf("%s: a subexpression cannot be set", where)
	}
	n := hi - lo
	if v.Shared {
		n = 1 // one value, whatever the number of elements
	} else {
		st.ensure(name)
	}
	vals := make([]float64, n)
	fits := func(x any) (float64, error) {
		val, err := check.ValueOf(x)
		if err != nil {
			return 0, err
		}
		if val.IsBool != (v.Type == check.Bool) {
			return 0, fmt.Errorf("%s is %s, got %v", name, v.Type, x)
		}
		if !val.Q.Dim.Equal(v.Dim) {
			return 0, fmt.Errorf("%s has dimension %s, got %v with dimension %s", name, v.Dim, x, val.Q.Dim)
		}
		return val.Q.Value, nil
	}
	each := func(m int, at func(i int) any) error {
		if m != n {
			return fmt.Errorf("%s: %d values for %d %s", where, m, n, st.what)
		}
		for i := range vals {
			f, err := fits(at(i))
			if err != nil {
				return fmt.Errorf("%s: %v", where, err)
			}
			vals[i] = f
		}
		return nil
	}
	var err error
	switch x := value.(type) {
	case string:
		return st.setExpr(v, x, lo, hi)
	case Uniform, Normal:
		return st.setDist(v, x, lo, hi)
	case []float64:
		err = each(len(x), func(i int) any { return x[i] })
	case []unit.Quantity:
		err = each(len(x), func(i int) any { return x[i] })
	case []bool:
		err = each(len(x), func(i int) any { return x[i] })
	case []int:
		err = each(len(x), func(i int) any { return x[i] })
	default:
		var f float64
		if f, err = fits(x); err != nil {
			return fmt.Errorf("%s: %v", where, err)
		}
		for i := range vals {
			vals[i] = f
		}
	}
	if err != nil {
		return err
	}
	if v.Shared {
		st.scalars[name] = vals[0]
		return nil
	}
	copy(st.arrays[name][lo:hi], vals)
	return nil
}

// evalSub computes a subexpression for every element from the current
// state, as Brian2 does when a subexpression is read.
func (st *store) evalSub(v *check.Var, n int) ([]float64, error) {
	s, err := st.scope()
	if err != nil {
		return nil, err
	}
	node, err := s.ExpressionOf(st.name+"."+v.Name, v.Name, v.Dim, "the subexpression "+v.Name)
	if err != nil {
		return nil, err
	}
	const tmp = "_value"
	out := make([]float64, n)
	st.arrays[tmp] = out
	defer delete(st.arrays, tmp)
	if err := st.eval(ir.Block{{Target: ir.V(tmp, ir.Elem), Value: node}}, st.key(0), 0, n); err != nil {
		return nil, err
	}
	return out, nil
}

// setExpr evaluates an expression for elements lo to hi-1. As in Brian2, i
// and N in a neuron group's expression count within the (sub)group.
func (st *store) setExpr(v *check.Var, text string, lo, hi int) error {
	s, err := st.scope()
	if err != nil {
		return err
	}
	source := st.name + "." + v.Name
	if s.Post == nil {
		s.N = hi - lo
	}
	var n *ir.Node
	if v.Type == check.Bool {
		n, err = s.Condition(source, text, "the value of "+v.Name)
	} else {
		n, err = s.ExpressionOf(source, text, v.Dim, "the value of "+v.Name)
	}
	if err != nil {
		return err
	}
	if v.Shared {
		if n.Kind != ir.Const {
			return fmt.Errorf("cajal: %s: a shared variable takes one value for all elements; %q is not constant", source, text)
		}
		st.scalars[v.Name] = n.Value
		return nil
	}
	if s.Post == nil {
		n = relativeIndex(n, lo)
	}
	*st.draws++
	return st.eval(ir.Block{{Target: ir.V(v.Name, ir.Elem), Value: n}}, st.key(*st.draws), lo, hi)
}

// Uniform is a value drawn uniformly from [Lo, Hi) for each element; Lo
// and Hi are quantities or numbers, as Set takes them.
type Uniform struct{ Lo, Hi any }

// Normal is a value drawn from a normal distribution for each element,
// clipped to [Min, Max] where they are given (as ANNarchy's Normal does:
// clipped, not redrawn).
type Normal struct{ Mean, Std, Min, Max any }

// setDist draws values from a distribution.
func (st *store) setDist(v *check.Var, d any, lo, hi int) error {
	where := fmt.Sprintf("cajal: %s.%s", st.name, v.Name)
	q := func(x any, what string) (*ir.Node, error) {
		val, err := check.ValueOf(x)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %v", where, what, err)
		}
		if val.IsBool || !val.Q.Dim.Equal(v.Dim) {
			return nil, fmt.Errorf("%s: %s must have dimension %s, got %v", where, what, v.Dim, x)
		}
		return ir.Num(val.Q.Value), nil
	}
	var n *ir.Node
	switch d := d.(type) {
	case Uniform:
		a, err := q(d.Lo, "Uniform.Lo")
		if err != nil {
			return err
		}
		b, err := q(d.Hi, "Uniform.Hi")
		if err != nil {
			return err
		}
		n = ir.Plus(a, ir.Times(ir.Minus(b, a), ir.Call(ir.Rand)))
	case Normal:
		mu, err := q(d.Mean, "Normal.Mean")
		if err != nil {
			return err
		}
		sd, err := q(d.Std, "Normal.Std")
		if err != nil {
			return err
		}
		if sd.Value < 0 {
			return fmt.Errorf("%s: Normal.Std must not be negative", where)
		}
		n = ir.Plus(mu, ir.Times(sd, ir.Call(ir.Randn)))
		lo, hi := ir.Num(math.Inf(-1)), ir.Num(math.Inf(1))
		if d.Min != nil {
			if lo, err = q(d.Min, "Normal.Min"); err != nil {
				return err
			}
		}
		if d.Max != nil {
			if hi, err = q(d.Max, "Normal.Max"); err != nil {
				return err
			}
		}
		if lo.Value > hi.Value {
			return fmt.Errorf("%s: Normal.Min is above Normal.Max", where)
		}
		n = ir.Call(ir.Clip, n, lo, hi)
	}
	*st.draws++
	return st.eval(ir.Block{{Target: ir.V(v.Name, ir.Elem), Value: n}}, st.key(*st.draws), lo, hi)
}

// relativeIndex rewrites the element index i as i - lo.
func relativeIndex(n *ir.Node, lo int) *ir.Node {
	if lo == 0 || n.Kind != ir.Op {
		return n
	}
	if n.Fn == ir.ElemIdx {
		return ir.Minus(n, ir.Num(float64(lo)))
	}
	args := make([]*ir.Node, len(n.Args))
	for i, a := range n.Args {
		args[i] = relativeIndex(a, lo)
	}
	if n.Random() {
		return n
	}
	return ir.Call(n.Fn, args...)
}
