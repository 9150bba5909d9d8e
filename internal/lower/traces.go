package lower

import (
	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/ode"
)

// A trace is an event-driven synaptic variable that only decays and that
// one pathway raises by a constant at each of its events:
//
//	dA_pre/dt = -A_pre/tau : 1 (event-driven)
//	on_pre:  A_pre += 1 ...        (the first mention of A_pre there)
//	on_post: ... w += A_pre ...    (read only)
//
// Every synapse of a presynaptic neuron then holds the same function of
// that neuron's spike times, so A_pre can be kept once per presynaptic
// neuron (with the time of that neuron's last event), as NEST keeps
// traces, instead of once per synapse beside a per-synapse lastupdate:
// the pathway raises it once per spike, not once per synapse, and a
// postsynaptic spike reads it from a small array instead of from the
// synapse. On_post traces (A_post) are kept once per postsynaptic neuron
// in the same way. The values agree with the per-synapse form to
// rounding (the decay from the last event is computed at other times),
// the same in every tier.

// Trace describes a synaptic variable that can be kept per neuron.
type Trace struct {
	Var  string   // the synaptic variable
	Side ir.Index // ir.Pre: raised by on_pre, kept per presynaptic neuron; ir.Post: by on_post
	// Rate is a in dVar/dt = a*Var (a constant, negative for a decay).
	Rate *ir.Node
	// Step is c in "Var += c" (a constant).
	Step *ir.Node
}

// TraceArray names the per-neuron array that holds trace v of synapse
// group syn, in the neuron group of its side. Model variables never
// contain a dot, so the name cannot clash with one.
func TraceArray(syn, v string) string { return syn + "." + v }

// TraceLast names the per-neuron array of the last event time of side
// (ir.Pre or ir.Post) of synapse group syn.
func TraceLast(syn string, side ir.Index) string {
	if side == ir.Pre {
		return syn + ".lastupdate_pre"
	}
	return syn + ".lastupdate_post"
}

// Traces returns the group's event-driven variables that can be kept per
// neuron, in the order of the model's equations. pre and post are the
// checked pathway statements (nil for a missing pathway); others are
// expressions of the group's other code (clock-driven equations, summed
// variables), which must not read a trace. No variable is a trace when
// code reads lastupdate.
func Traces(event []ir.Equation, pre, post ir.Block, others []*ir.Node) []Trace {
	all := append(append(ir.Block{}, pre...), post...)
	for _, a := range all {
		if a.Target.Name == "lastupdate" || ir.Uses(a.Value, "lastupdate") {
			return nil
		}
	}
	for _, n := range others {
		if ir.Uses(n, "lastupdate") {
			return nil
		}
	}
	var out []Trace
	for _, eq := range event {
		rate, rest, ok := ir.Linear(eq.RHS, eq.Var, ir.Elem)
		if !ok || !rest.IsConst(0) || readsVar(rate) {
			continue
		}
		used := false
		for _, n := range others {
			used = used || ir.Uses(n, eq.Var)
		}
		if used {
			continue
		}
		stepPre, okPre, wPre := raise(pre, eq.Var)
		stepPost, okPost, wPost := raise(post, eq.Var)
		switch {
		case wPre && !wPost && okPre:
			out = append(out, Trace{Var: eq.Var, Side: ir.Pre, Rate: rate, Step: stepPre})
		case wPost && !wPre && okPost:
			out = append(out, Trace{Var: eq.Var, Side: ir.Post, Rate: rate, Step: stepPost})
		}
	}
	return out
}

// raise looks for v in b: written reports whether b writes it; ok whether
// the first statement that mentions v is "v = v + c" (or v - c) with c a
// constant,
// and no later statement writes v; step is c.
func raise(b ir.Block, v string) (step *ir.Node, ok, written bool) {
	first := true
	for _, a := range b {
		writes := a.Target.Name == v && a.Target.Index == ir.Elem
		reads := usesElem(a.Value, v)
		if writes {
			written = true
		}
		if !first {
			if writes {
				ok = false
			}
			continue
		}
		if !writes && !reads {
			continue
		}
		first = false
		if !writes || a.Value.Kind != ir.Op || (a.Value.Fn != ir.Add && a.Value.Fn != ir.Sub) || len(a.Value.Args) != 2 {
			continue
		}
		x, c := a.Value.Args[0], a.Value.Args[1]
		if x.Kind == ir.Var && x.Name == v && x.Index == ir.Elem && !readsVar(c) && !ir.HasRandom(c) {
			step, ok = c, true
			if a.Value.Fn == ir.Sub {
				step = ir.Times(ir.Num(-1), c) // v - c is v + (-c), exactly
			}
		}
	}
	return step, ok, written
}

// readsVar reports whether n reads any variable.
func readsVar(n *ir.Node) bool {
	return ir.UsesAny(n, func(*ir.Node) bool { return true })
}

// usesElem reports whether n reads the per-synapse variable v.
func usesElem(n *ir.Node, v string) bool {
	return ir.UsesAny(n, func(x *ir.Node) bool { return x.Name == v && x.Index == ir.Elem })
}

// decayed is trace tr of synapse group syn at time t, read from the
// per-neuron arrays of its side (index idx: ir.Pre or ir.Post from a
// synapse, ir.Elem from a neuron).
func (tr Trace) decayed(syn string, idx ir.Index) *ir.Node {
	elapsed := ir.Minus(ir.V("t", ir.Scalar), ir.V(TraceLast(syn, tr.Side), idx))
	return ode.Decay(ir.V(TraceArray(syn, tr.Var), idx), tr.Rate, elapsed)
}

// NeuronCode is the block a pathway runs once for each neuron whose
// events it delivers, before the synapses' code: each trace of the side
// decays to t and rises by its step, and the side's last event becomes t.
// It runs over the neurons of the side's group (Elem is a neuron). While
// any trace is kept per neuron, both pathways note their neurons' last
// events, so that a synapse's lastupdate (the later of its two neurons')
// is known without being stored.
func NeuronCode(syn string, side ir.Index, traces []Trace) ir.Block {
	if len(traces) == 0 {
		return nil
	}
	var b ir.Block
	for _, tr := range traces {
		if tr.Side != side {
			continue
		}
		b = append(b, ir.Assign{Target: ir.V(TraceArray(syn, tr.Var), ir.Elem), Value: ir.Plus(tr.decayed(syn, ir.Elem), tr.Step)})
	}
	return append(b, ir.Assign{Target: ir.V(TraceLast(syn, side), ir.Elem), Value: ir.V("t", ir.Scalar)})
}

// TraceNow names the scratch array, one value per neuron of the trace's
// side, that holds trace v of synapse group syn decayed to the current
// step (NowCode), for pathways with many events to read.
func TraceNow(syn, v string) string { return syn + "." + v + "_now" }

// NowCode is the block, run over every neuron of side's group, that
// decays the side's traces to t into their TraceNow arrays.
func NowCode(syn string, side ir.Index, traces []Trace) ir.Block {
	var b ir.Block
	for _, tr := range traces {
		if tr.Side == side {
			b = append(b, ir.Assign{Target: ir.V(TraceNow(syn, tr.Var), ir.Elem), Value: tr.decayed(syn, ir.Elem)})
		}
	}
	return b
}

// rewrite turns the statements of the pathway of side (ir.Pre or ir.Post)
// into their per-synapse part for traces kept per neuron: the pathway's
// own traces have risen already (NeuronCode), so their step goes and
// reads see the neuron's value; the other side's traces are read decayed
// to t, computed once into a temporary, or, with now, from their TraceNow
// arrays (the same values, computed once per neuron). It also reports
// whether the code reads the other side's traces.
func rewrite(syn string, side ir.Index, b ir.Block, traces []Trace, now bool) (ir.Block, bool) {
	own := map[string]bool{}
	other := map[string]Trace{}
	for _, tr := range traces {
		if tr.Side == side {
			own[tr.Var] = true
		} else {
			other[tr.Var] = tr
		}
	}
	var head, body ir.Block
	read := map[string]bool{}
	repl := func(v *ir.Node) *ir.Node {
		if v.Index != ir.Elem {
			return nil
		}
		if own[v.Name] {
			return ir.V(TraceArray(syn, v.Name), side)
		}
		if tr, ok := other[v.Name]; ok {
			read[v.Name] = true
			if now {
				return ir.V(TraceNow(syn, v.Name), tr.Side)
			}
			return ir.V("_now_"+v.Name, ir.Local)
		}
		return nil
	}
	for _, a := range b {
		if own[a.Target.Name] && a.Target.Index == ir.Elem {
			continue // the step, taken by NeuronCode
		}
		body = append(body, ir.Assign{Target: a.Target, Value: ir.Substitute(a.Value, repl)})
	}
	for _, tr := range traces {
		if read[tr.Var] && !now {
			head = append(head, ir.Assign{Target: ir.V("_now_"+tr.Var, ir.Local), Value: tr.decayed(syn, tr.Side)})
		}
	}
	return append(head, body...), len(read) > 0
}

// Materialize is the block, run over synapses, that writes every trace in
// traces back into a per-synapse variable with a per-synapse lastupdate:
// the synapse's last event, which is the per-synapse lastupdate when the
// group keeps one (hasLast), else the later of the last events of its
// neurons on the sides (ir.Pre, ir.Post) that have a pathway; each trace
// is decayed from its neuron's last event to that time.
func Materialize(syn string, traces []Trace, hasLast bool, sides []ir.Index) ir.Block {
	var at *ir.Node
	if hasLast {
		at = ir.V("lastupdate", ir.Elem)
	} else {
		for _, side := range sides {
			last := ir.V(TraceLast(syn, side), side)
			if at == nil {
				at = last
			} else {
				at = ir.Call(ir.Max, at, last)
			}
		}
	}
	if at == nil || len(traces) == 0 {
		return nil
	}
	b := ir.Block{{Target: ir.V("_at", ir.Local), Value: at}}
	for _, tr := range traces {
		elapsed := ir.Minus(ir.V("_at", ir.Local), ir.V(TraceLast(syn, tr.Side), tr.Side))
		b = append(b, ir.Assign{Target: ir.V(tr.Var, ir.Elem), Value: ode.Decay(ir.V(TraceArray(syn, tr.Var), tr.Side), tr.Rate, elapsed)})
	}
	return append(b, ir.Assign{Target: ir.V("lastupdate", ir.Elem), Value: ir.V("_at", ir.Local)})
}
