package cajal

import (
	"fmt"
	"regexp"
	"slices"

	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/lower"
	"github.com/cajal-sim/cajal/internal/sim"
)

// Traces kept per neuron (see internal/lower/traces.go): an event-driven
// variable that only decays, raised by a constant in one pathway and read
// in the other, like the A_pre and A_post of pair STDP, is kept once per
// pre- (or post-) synaptic neuron instead of once per synapse, and the
// per-synapse lastupdate goes when no other variable needs it. A trace is
// a per-neuron array of the side's neuron group, named by
// lower.TraceArray; the group keeps it per neuron while its per-synapse
// array is absent from the synapses' arrays.
//
// A trace goes back to one value per synapse (materialize) when it must:
// a SynapseMonitor, WeightRecorder or RunRegularly names it (for good), a
// Set writes it, a Connect adds synapses while it is not zero, or its
// pathway has a delay per synapse; a run starts it per neuron again when
// every synapse holds 0. Get reads it per synapse without changing how it
// is kept.

// sideGroup is the neuron group that holds the traces of a side.
func (s *SynapseGroup) sideGroup(side ir.Index) *sim.Group {
	if side == ir.Pre {
		return s.ss.Src
	}
	return s.ss.Tgt
}

// perNeuron reports whether trace v is kept per neuron now.
func (s *SynapseGroup) perNeuron(v string) bool {
	for _, tr := range s.traces {
		if tr.Var == v {
			_, per := s.ss.Arrays[v]
			return !per
		}
	}
	return false
}

// keptTraces are the traces kept per neuron now.
func (s *SynapseGroup) keptTraces() []lower.Trace {
	var out []lower.Trace
	for _, tr := range s.traces {
		if s.perNeuron(tr.Var) {
			out = append(out, tr)
		}
	}
	return out
}

// chooseTraces decides, when the group is made and for each run, which
// traces are kept per neuron and moves each to its place; it returns
// those kept per neuron. When the group is made, before any synapse
// exists, every trace is kept per neuron. On a split network every
// process decides the same (collective).
func (s *SynapseGroup) chooseTraces(traces []lower.Trace) ([]lower.Trace, error) {
	for _, old := range s.keptTraces() {
		if !slices.ContainsFunc(traces, func(tr lower.Trace) bool { return tr.Var == old.Var }) {
			// No longer a trace (the code's constants changed): back to
			// the synapses, with what it held.
			if err := s.materialize(old); err != nil {
				return nil, err
			}
		}
	}
	s.traces = traces
	s.ss.Traces = s.ss.Traces[:0]
	for _, tr := range traces {
		s.ss.Traces = append(s.ss.Traces, tr.Var)
		s.sideGroup(tr.Side).AddArray(lower.TraceArray(s.spec.Name, tr.Var), 0)
	}
	if len(traces) > 0 {
		for _, side := range s.sides() {
			s.sideGroup(side).AddArray(lower.TraceLast(s.spec.Name, side), 0)
		}
	}
	var kept []lower.Trace
	for _, tr := range traces {
		want := !s.pinned[tr.Var] && !s.pinned["lastupdate"] && s.oneDelay(ir.Pre) && s.oneDelay(ir.Post)
		if want && !s.perNeuron(tr.Var) {
			want = allZero(s.ss.Arrays[tr.Var])
		}
		if s.net.sim.Split() {
			veto := int32(1)
			if want {
				veto = 0
			}
			want = s.net.opts.Comm.MaxInt32(veto) == 0
		}
		switch {
		case want && !s.perNeuron(tr.Var):
			// Every synapse holds 0: so does the neuron, whenever its last
			// event was.
			delete(s.ss.Arrays, tr.Var)
			clear(s.sideGroup(tr.Side).Arrays[lower.TraceArray(s.spec.Name, tr.Var)])
		case !want && s.perNeuron(tr.Var):
			if err := s.materialize(tr); err != nil {
				return nil, err
			}
		}
		if want {
			kept = append(kept, tr)
		}
	}
	return kept, nil
}

// sides are the sides whose spikes reach the synapses: ir.Pre with an
// on_pre pathway, ir.Post with on_post.
func (s *SynapseGroup) sides() []ir.Index {
	var out []ir.Index
	if s.pre != nil {
		out = append(out, ir.Pre)
	}
	if s.post != nil {
		out = append(out, ir.Post)
	}
	return out
}

// oneDelay reports whether the pathway of side, if any, has one delay for
// all synapses: a spike reaches all of a neuron's synapses at once.
func (s *SynapseGroup) oneDelay(side ir.Index) bool {
	k := 0
	if side == ir.Post {
		k = 1
	}
	if [2]*sim.Pathway{s.pre, s.post}[k] == nil {
		return true
	}
	if s.delays[k].expr != "" {
		return false
	}
	a, ok := s.ss.Arrays[[]string{"delay", "post_delay"}[k]]
	if !ok || len(a) == 0 {
		return true
	}
	for _, d := range a {
		if d != a[0] {
			return false
		}
	}
	return true
}

func allZero(a []float64) bool {
	for _, x := range a {
		if x != 0 {
			return false
		}
	}
	return true
}

// materialize gives traces kept per neuron (all of them when none is
// named) one value per synapse again, with a per-synapse lastupdate.
func (s *SynapseGroup) materialize(only ...lower.Trace) error {
	traces := only
	if len(traces) == 0 {
		traces = s.keptTraces()
	}
	if len(traces) == 0 {
		return nil
	}
	_, hasLast := s.ss.Arrays["lastupdate"]
	s.ss.AddArray("lastupdate")
	for _, tr := range traces {
		s.ss.AddArray(tr.Var)
	}
	return s.evalTraces(traces, hasLast)
}

// evalTraces writes traces into their per-synapse arrays, which exist.
func (s *SynapseGroup) evalTraces(traces []lower.Trace, hasLast bool) error {
	b := lower.Materialize(s.spec.Name, traces, hasLast, s.sides())
	if len(b) == 0 || s.ss.N() == 0 {
		return nil
	}
	if err := s.ss.EvalRange(b, s.store().key(0), 0, s.ss.N(), s.net.now()); err != nil {
		return fmt.Errorf("cajal: %s: writing traces back to the synapses: %v", s.spec.Name, err)
	}
	return nil
}

// traceView returns the per-synapse values of a trace kept per neuron, or
// of lastupdate when every event-driven variable is kept per neuron, as
// materialize would write them, leaving the group as it is.
func (s *SynapseGroup) traceView(name string) ([]float64, bool, error) {
	kept := s.keptTraces()
	_, hasLast := s.ss.Arrays["lastupdate"]
	if len(kept) == 0 || (name == "lastupdate" && hasLast) || (name != "lastupdate" && !s.perNeuron(name)) {
		return nil, false, nil
	}
	tmp := []string{}
	for _, tr := range kept {
		tmp = append(tmp, tr.Var)
	}
	if !hasLast {
		tmp = append(tmp, "lastupdate")
	}
	for _, v := range tmp {
		s.ss.AddArray(v)
	}
	err := s.evalTraces(kept, hasLast)
	out := s.ss.Arrays[name]
	for _, v := range tmp {
		delete(s.ss.Arrays, v)
	}
	return out, true, err
}

// keepLast reports whether the per-synapse lastupdate must go on being
// advanced at every event although every trace is kept per neuron: code
// or a monitor reads it, or it holds times (the traces were per synapse
// for a while, and the neurons' last events do not give it back).
func (s *SynapseGroup) keepLast() bool {
	a, ok := s.ss.Arrays["lastupdate"]
	return s.pinned["lastupdate"] || ok && !allZero(a)
}

// pruneLast drops the per-synapse lastupdate when no pathway's code
// advances it (it does while a variable is kept per synapse, or keepLast).
func (s *SynapseGroup) pruneLast() {
	if _, ok := s.ss.Arrays["lastupdate"]; !ok || len(s.traces) == 0 {
		return
	}
	for _, p := range s.ss.Pathways {
		for _, a := range p.Code {
			if a.Target.Name == "lastupdate" {
				return
			}
		}
	}
	delete(s.ss.Arrays, "lastupdate")
}

// pin keeps the traces (or lastupdate) that code or a monitor names one
// value per synapse from now on.
func (s *SynapseGroup) pin(names ...string) error {
	for _, name := range names {
		if name != "lastupdate" && !slices.Contains(s.ss.Traces, name) {
			continue
		}
		if s.pinned == nil {
			s.pinned = map[string]bool{}
		}
		s.pinned[name] = true
		if err := s.toSynapses(name); err != nil {
			return err
		}
	}
	return nil
}

// toSynapses materializes trace name if it is kept per neuron, or every
// trace for lastupdate.
func (s *SynapseGroup) toSynapses(name string) error {
	if name == "lastupdate" {
		return s.materialize()
	}
	for _, tr := range s.keptTraces() {
		if tr.Var == name {
			return s.materialize(tr)
		}
	}
	return nil
}

// mentioned lists the traces and lastupdate that code text names.
func (s *SynapseGroup) mentioned(text string) []string {
	var out []string
	for _, v := range s.ss.TraceArrays() {
		if regexp.MustCompile(`\b` + regexp.QuoteMeta(v) + `\b`).MatchString(text) {
			out = append(out, v)
		}
	}
	return out
}

// beforeConnect materializes traces that are not zero: new synapses start
// at 0, not at their neuron's trace.
func (s *SynapseGroup) beforeConnect() error {
	for _, tr := range s.keptTraces() {
		if allZero(s.sideGroup(tr.Side).Arrays[lower.TraceArray(s.spec.Name, tr.Var)]) {
			continue
		}
		if err := s.materialize(tr); err != nil {
			return err
		}
	}
	return nil
}

// beforeSet materializes the traces a Set writes or whose values its
// expression reads.
func (s *SynapseGroup) beforeSet(name string, value any) error {
	names := []string{name}
	if text, ok := value.(string); ok {
		names = append(names, s.mentioned(text)...)
	}
	for _, n := range names {
		if err := s.toSynapses(n); err != nil {
			return err
		}
	}
	return nil
}
