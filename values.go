package cajal

import (
	"fmt"

	"github.com/cajal-sim/cajal/internal/check"
	"github.com/cajal-sim/cajal/internal/ir"
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

func (g *NeuronGroup) span() (*NeuronGroup, int, int) { return g, 0, g.spec.N }
func (s Subgroup) span() (*NeuronGroup, int, int)     { return s.g, s.lo, s.hi }

// Slice returns neurons lo to hi-1, as Brian2's neurons[lo:hi].
func (g *NeuronGroup) Slice(lo, hi int) (Subgroup, error) {
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
func (s Subgroup) Set(name string, value any) error { return s.g.set(name, value, s.lo, s.hi) }

// Set sets a variable of every neuron. The value is a unit.Quantity (or a
// float64, int or bool for dimensionless and boolean variables), a slice of
// those with one value per neuron, or a string expression evaluated for
// each neuron, which may use the model's variables, i, N, rand() and
// randn(): "el + rand()*(vt - el)".
func (g *NeuronGroup) Set(name string, value any) error { return g.set(name, value, 0, g.spec.N) }

// Get returns a copy of a variable's values in SI units (volt, siemens,
// ...), one per neuron; booleans are 0 or 1.
func (g *NeuronGroup) Get(name string) ([]float64, error) {
	if a, ok := g.sg.Arrays[name]; ok {
		return append([]float64(nil), a...), nil
	}
	if x, ok := g.sg.Scalars[name]; ok {
		out := make([]float64, g.spec.N)
		for i := range out {
			out[i] = x
		}
		return out, nil
	}
	return nil, fmt.Errorf("cajal: %s has no variable %q with stored values", g.spec.Name, name)
}

// Unit returns a variable's dimension.
func (g *NeuronGroup) Unit(name string) (unit.Dim, error) {
	v := g.model.Lookup(name)
	if v == nil {
		return unit.Dim{}, fmt.Errorf("cajal: %s has no variable %q", g.spec.Name, name)
	}
	return v.Dim, nil
}

func (g *NeuronGroup) set(name string, value any, lo, hi int) error {
	v := g.model.Lookup(name)
	where := fmt.Sprintf("cajal: %s.%s", g.spec.Name, name)
	if v == nil {
		return fmt.Errorf("%s: the model has no variable %q", where, name)
	}
	if v.Kind == syntax.Subexpression {
		return fmt.Errorf("%s: a subexpression cannot be set", where)
	}
	n := hi - lo
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
	switch x := value.(type) {
	case string:
		return g.setExpr(v, x, lo, hi)
	case []float64:
		if len(x) != n {
			return fmt.Errorf("%s: %d values for %d neurons", where, len(x), n)
		}
		for i, e := range x {
			f, err := fits(e)
			if err != nil {
				return fmt.Errorf("%s: %v", where, err)
			}
			vals[i] = f
		}
	case []unit.Quantity:
		if len(x) != n {
			return fmt.Errorf("%s: %d values for %d neurons", where, len(x), n)
		}
		for i, e := range x {
			f, err := fits(e)
			if err != nil {
				return fmt.Errorf("%s: %v", where, err)
			}
			vals[i] = f
		}
	case []bool:
		if len(x) != n {
			return fmt.Errorf("%s: %d values for %d neurons", where, len(x), n)
		}
		for i, e := range x {
			f, err := fits(e)
			if err != nil {
				return fmt.Errorf("%s: %v", where, err)
			}
			vals[i] = f
		}
	default:
		f, err := fits(x)
		if err != nil {
			return fmt.Errorf("%s: %v", where, err)
		}
		for i := range vals {
			vals[i] = f
		}
	}
	if v.Shared {
		g.sg.Scalars[name] = vals[0]
		return nil
	}
	copy(g.sg.Arrays[name][lo:hi], vals)
	return nil
}

// setExpr evaluates an expression for neurons lo to hi-1. As in Brian2, i
// and N in the expression count within the (sub)group.
func (g *NeuronGroup) setExpr(v *check.Var, text string, lo, hi int) error {
	s, err := g.scope()
	if err != nil {
		return err
	}
	s.N = hi - lo
	source := g.spec.Name + "." + v.Name
	var n *ir.Node
	if v.Type == check.Bool {
		n, err = s.Condition(source, text, "the value of "+v.Name)
	} else {
		n, err = s.ExpressionOf(source, text, v.Dim, "the value of "+v.Name)
	}
	if err != nil {
		return err
	}
	n = relativeIndex(n, lo)
	target := ir.V(v.Name, ir.Elem)
	if v.Shared {
		return fmt.Errorf("cajal: %s: a shared variable takes a value, not an expression", source)
	}
	g.draws++
	return g.sg.EvalRange(ir.Block{{Target: target, Value: n}}, g.sg.InitKey(g.net.opts.Seed, g.draws), lo, hi)
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
