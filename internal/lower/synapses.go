package lower

import (
	"fmt"

	"github.com/cajal-sim/cajal/internal/check"
	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/ode"
	"github.com/cajal-sim/cajal/internal/sim"
)

// Synapses describes a synapse group to lower.
type Synapses struct {
	Name   string
	Scope  *check.Scope // the model, namespaces and the neurons' scopes, checked
	Dt     float64      // seconds
	Method ode.Method   // for clock-driven equations; "" for Brian2's choice
	// OnPre and OnPost are the pathways' statements; Pre and Post say
	// whether the group has each pathway.
	OnPre, OnPost string
	Pre, Post     bool
	// PerNeuron chooses, from the group's traces (see Traces), those kept
	// per neuron in this run; nil keeps none.
	PerNeuron func([]Trace) []Trace
	// KeepLast keeps the per-synapse lastupdate (advanced at every event)
	// even when every event-driven variable is kept per neuron.
	KeepLast bool
}

// Lowered is a synapse group's code: the clock-driven update and summed
// variables, and each pathway's block (event-driven variables advanced to
// t first).
type Lowered struct {
	Code      sim.SynapseCode
	Pre, Post ir.Block
	// PreNeuron and PostNeuron run once for each neuron whose spike a
	// pathway delivers, before its synapses (NeuronCode).
	PreNeuron, PostNeuron ir.Block
	// PreNow and PostNow, if set, are Pre and Post reading the other
	// side's traces from TraceNow arrays, which PreNowNeurons and
	// PostNowNeurons (NowCode, over every neuron of the other side) fill:
	// for steps with more events than such neurons.
	PreNow, PostNow               ir.Block
	PreNowNeurons, PostNowNeurons ir.Block
	// Traces are all the group's traces; Kept, those kept per neuron.
	Traces, Kept []Trace
}

// Lower writes the group's code.
func (s Synapses) Lower() (Lowered, error) {
	var out Lowered
	sc := s.Scope
	clock, event, err := sc.Equations()
	if err != nil {
		return out, err
	}
	if len(clock) > 0 {
		sys := ode.System{Eqs: clock, Dt: s.Dt, NoiseDraw: noiseDraw}
		if out.Code.Update, _, err = Integrate(s.Name, sys, s.Method); err != nil {
			return out, err
		}
	}
	summed, err := sc.Summed()
	if err != nil {
		return out, err
	}
	for _, sv := range summed {
		out.Code.Summed = append(out.Code.Summed, &sim.Summed{Target: sv.Target, Value: sv.Value})
	}
	pre, err := s.statements(s.Pre, s.OnPre, s.Name+".on_pre")
	if err != nil {
		return out, err
	}
	post, err := s.statements(s.Post, s.OnPost, s.Name+".on_post")
	if err != nil {
		return out, err
	}
	var others []*ir.Node
	for _, eq := range clock {
		others = append(others, eq.RHS)
	}
	for _, sv := range summed {
		others = append(others, sv.Value)
	}
	out.Traces = Traces(event, pre, post, others)
	if s.PerNeuron != nil && len(out.Traces) > 0 {
		out.Kept = s.PerNeuron(out.Traces)
	}
	kept := map[string]bool{}
	for _, tr := range out.Kept {
		kept[tr.Var] = true
	}
	var rest []ir.Equation
	for _, eq := range event {
		if !kept[eq.Var] {
			rest = append(rest, eq)
		}
	}
	// Event-driven variables are advanced in closed form from the last
	// event, at each event of either pathway.
	var advance ir.Block
	if len(rest) > 0 {
		elapsed := ir.Minus(ir.V("t", ir.Scalar), ir.V("lastupdate", ir.Elem))
		if advance, err = ode.EventDriven(rest, elapsed); err != nil {
			return out, fmt.Errorf("cajal: %s: %v", s.Name, err)
		}
	}
	if len(rest) > 0 || (len(event) > 0 && s.KeepLast) {
		advance = append(advance, ir.Assign{Target: ir.V("lastupdate", ir.Elem), Value: ir.V("t", ir.Scalar)})
	}
	if s.Pre {
		out.Pre, out.PreNow, out.PreNeuron, out.PreNowNeurons = pathway(s.Name, ir.Pre, advance, pre, out.Kept)
	}
	if s.Post {
		out.Post, out.PostNow, out.PostNeuron, out.PostNowNeurons = pathway(s.Name, ir.Post, advance, post, out.Kept)
	}
	return out, nil
}

// pathway writes the blocks of the pathway of side: its code for each
// synapse, the same reading TraceNow arrays (if it reads the other
// side's traces), the neuron code, and the code that fills those arrays.
func pathway(syn string, side ir.Index, advance, stmts ir.Block, kept []Trace) (code, codeNow, neuron, now ir.Block) {
	b, reads := rewrite(syn, side, stmts, kept, false)
	code = append(append(ir.Block{}, advance...), b...)
	if reads {
		b, _ = rewrite(syn, side, stmts, kept, true)
		codeNow = append(append(ir.Block{}, advance...), b...)
		other := ir.Pre
		if side == ir.Pre {
			other = ir.Post
		}
		now = NowCode(syn, other, kept)
	}
	return code, codeNow, NeuronCode(syn, side, kept), now
}

// statements checks a pathway's statements; nil for a missing pathway.
func (s Synapses) statements(has bool, text, src string) (ir.Block, error) {
	if !has {
		return nil, nil
	}
	return s.Scope.Statements(src, text)
}
