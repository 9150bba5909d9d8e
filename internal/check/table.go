package check

import (
	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/syntax"
	"github.com/cajal-sim/cajal/unit"
)

// Table describes a TimedArray named in a namespace: values over time, in
// one column for all elements or one column per element. Code reads its
// current value from a per-element array (TableArray) that the simulator
// fills at the start of every step, so a lookup costs a load.
type Table struct {
	Dim     unit.Dim // dimension of the values
	Columns int      // 0: one value for all elements; else one per element
}

// TableArray is the name of the array that holds the current values of
// the TimedArray name.
func TableArray(name string) string { return "_timedarray_" + name }

// tableCall resolves name(t) or name(t, i) for a TimedArray of the
// namespace. The time must be t itself: the value of the current step.
func (c *checker) tableCall(e *syntax.Call) (typed, bool) {
	s := c.scope
	v, ok := s.Namespace[e.Fun.Name]
	if !ok || v.Table == nil {
		return typed{}, false
	}
	tb, name := v.Table, e.Fun.Name
	usage := name + "(t)"
	if tb.Columns > 0 {
		usage = name + "(t, i)"
	}
	if (tb.Columns == 0 && len(e.Args) != 1) || (tb.Columns > 0 && len(e.Args) != 2) {
		c.fail(e.At, "the TimedArray %s is called as %s", name, usage)
	}
	if id, ok := e.Args[0].(*syntax.Ident); !ok || id.Name != "t" {
		c.fail(e.Args[0].Pos(), "the time of the TimedArray %s must be t (the current step), as in %s", name, usage)
	}
	node := func(idx ir.Index) (typed, bool) {
		return typed{n: ir.V(TableArray(name), idx), dim: tb.Dim}, true
	}
	if s.Post == nil {
		if tb.Columns > 0 {
			if id, ok := e.Args[1].(*syntax.Ident); !ok || id.Name != "i" {
				c.fail(e.Args[1].Pos(), "the neuron of the TimedArray %s must be i, as in %s", name, usage)
			}
			if tb.Columns != s.N {
				c.fail(e.At, "the TimedArray %s has %d columns, but the group has %d neurons", name, tb.Columns, s.N)
			}
		}
		return node(c.own)
	}
	// Synapses read the value of their pre- or postsynaptic neuron.
	if tb.Columns == 0 {
		return node(ir.Post)
	}
	id, _ := e.Args[1].(*syntax.Ident)
	switch {
	case id != nil && id.Name == "i" && s.PreOffset == 0 && tb.Columns == s.Pre.N:
		return node(ir.Pre)
	case id != nil && id.Name == "j" && s.PostOffset == 0 && tb.Columns == s.Post.N:
		return node(ir.Post)
	}
	c.fail(e.Args[1].Pos(), "in synapses, the neuron of the TimedArray %s must be i or j, of a whole source or target group with %d neurons", name, tb.Columns)
	return typed{}, false
}
