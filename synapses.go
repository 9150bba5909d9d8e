package cajal

import (
	"fmt"
	"github.com/cajal-sim/cajal/cluster"
	"math"
	"strings"

	"github.com/cajal-sim/cajal/internal/check"
	"github.com/cajal-sim/cajal/internal/lower"
	"github.com/cajal-sim/cajal/internal/ode"
	"github.com/cajal-sim/cajal/internal/rng"
	"github.com/cajal-sim/cajal/internal/sim"
	"github.com/cajal-sim/cajal/internal/syntax"
	"github.com/cajal-sim/cajal/unit"
)

// Synapses describes a group of synapses, with Brian2's arguments.
type Synapses struct {
	Name           string // used in messages; default "synapses"
	Source, Target Source
	Model          string // synaptic variables and equations
	OnPre          string // statements run when a presynaptic spike arrives
	OnPost         string // statements run when a postsynaptic spike arrives
	// Delay of the on_pre pathway: a unit.Quantity for all synapses, or a
	// string expression evaluated for each new synapse ("rand()*5*ms").
	// PostDelay likewise for on_post. Nil means no delay.
	Delay, PostDelay any
	Method           string // for clock-driven equations
	Namespace        Namespace
}

// SynapseGroup is a group of synapses between two neuron groups.
type SynapseGroup struct {
	net      *Network
	spec     Synapses
	model    *check.Model
	method   ode.Method
	ss       *sim.Synapses
	src, tgt *NeuronGroup
	pre      *sim.Pathway
	post     *sim.Pathway
	delays   [2]delaySpec
	extra    map[string]*check.Var
	draws    int
	connects int
	traces   []lower.Trace   // the event-driven variables that can be kept per neuron (traces.go)
	pinned   map[string]bool // traces (or lastupdate) kept per synapse for good
}

// delaySpec is a pathway's delay: one duration, or an expression per synapse.
type delaySpec struct {
	fixed float64
	expr  string
}

// Synapses adds a synapse group to the network. Its code is checked now;
// connect it with Connect.
func (n *Network) Synapses(spec Synapses) (*SynapseGroup, error) {
	if n.invalid() {
		return nil, errNetwork
	}
	if spec.Name == "" {
		spec.Name = "synapses"
	}
	src, slo, shi, err := n.source(spec.Name+": Source", spec.Source)
	if err != nil {
		return nil, err
	}
	tgt, tlo, thi, err := n.source(spec.Name+": Target", spec.Target)
	if err != nil {
		return nil, err
	}
	m, err := check.Declare(spec.Name+".model", spec.Model, check.Synapses)
	if err != nil {
		return nil, err
	}
	s := &SynapseGroup{net: n, spec: spec, model: m, src: src, tgt: tgt, extra: map[string]*check.Var{}}
	if s.method, err = ode.Parse(spec.Method); err != nil {
		return nil, fmt.Errorf("cajal: %s: %v", spec.Name, err)
	}
	s.ss = sim.NewSynapses(spec.Name, n.nextID(), src.sg, slo, shi, tgt.sg, tlo, thi)
	hasEvent := false
	for _, v := range m.Vars {
		if v.Kind == syntax.Subexpression {
			continue
		}
		if v.Shared {
			s.ss.Scalars[v.Name] = 0
		} else {
			s.ss.AddArray(v.Name)
		}
		hasEvent = hasEvent || v.EventDriven
	}
	if hasEvent {
		s.ss.AddArray("lastupdate")
	}
	for k, d := range []any{spec.Delay, spec.PostDelay} {
		if s.delays[k], err = parseDelay(spec.Name, d); err != nil {
			return nil, err
		}
	}
	second := unit.Second.Dim
	if strings.TrimSpace(spec.OnPre) != "" {
		s.pre = &sim.Pathway{Name: "pre"}
		s.ss.Pathways = append(s.ss.Pathways, s.pre)
		s.extra["delay"] = &check.Var{Name: "delay", Kind: syntax.Parameter, Dim: second}
	}
	if strings.TrimSpace(spec.OnPost) != "" {
		s.post = &sim.Pathway{Name: "post", FromPost: true}
		s.ss.Pathways = append(s.ss.Pathways, s.post)
		s.extra["post_delay"] = &check.Var{Name: "post_delay", Kind: syntax.Parameter, Dim: second}
	}
	if _, err := s.build(true); err != nil {
		return nil, err
	}
	n.synapses = append(n.synapses, s)
	n.sim.Synapses = append(n.sim.Synapses, s.ss)
	return s, nil
}

func parseDelay(name string, d any) (delaySpec, error) {
	switch d := d.(type) {
	case nil:
		return delaySpec{}, nil
	case string:
		return delaySpec{expr: d}, nil
	case unit.Quantity:
		if !d.Dim.Equal(unit.Second.Dim) {
			return delaySpec{}, fmt.Errorf("cajal: %s: a delay must be a duration, got dimension %s", name, d.Dim)
		}
		if d.Value < 0 || math.IsNaN(d.Value) || math.IsInf(d.Value, 0) {
			return delaySpec{}, fmt.Errorf("cajal: %s: a delay must be finite and not negative, got %v", name, d)
		}
		return delaySpec{fixed: d.Value}, nil
	}
	return delaySpec{}, fmt.Errorf("cajal: %s: a delay is a unit.Quantity or a string expression, got %T", name, d)
}

// invalid reports a nil group or one not made by Network.Synapses.
func (s *SynapseGroup) invalid() bool { return s == nil || s.net == nil || s.ss == nil }

// N is the number of synapses.
func (s *SynapseGroup) N() int {
	if s.invalid() {
		return 0
	}
	if s.ss.Ordinal != nil {
		return s.ss.Total
	}
	return s.ss.N()
}

// I is each synapse's presynaptic neuron, counted within the source.
// Synapses are numbered by presynaptic neuron, then postsynaptic neuron,
// then the order they were made in (the order they are stored in, so that
// a spike reaches consecutive synapses); a later Connect slots its
// synapses into that order, renumbering those after them.
func (s *SynapseGroup) I() []int32 {
	if s.invalid() {
		return nil
	}
	pre := s.net.sim.GatherSynapseIndex(s.ss, s.ss.PreIndex())
	out := make([]int32, len(pre))
	for k, p := range pre {
		out[k] = p - int32(s.ss.SrcLo)
	}
	return out
}

// J is each synapse's postsynaptic neuron, counted within the target.
func (s *SynapseGroup) J() []int32 {
	if s.invalid() {
		return nil
	}
	post := s.net.sim.GatherSynapseIndex(s.ss, s.ss.Post)
	out := make([]int32, len(post))
	for k, p := range post {
		out[k] = p - int32(s.ss.TgtLo)
	}
	return out
}

// Bytes is the memory the synapses take: their variables, postsynaptic
// indices, rows and, where needed, per-synapse delays and the order by
// postsynaptic neuron. A synapse with one float64 variable and a
// homogeneous delay takes 12 bytes.
func (s *SynapseGroup) Bytes() int64 {
	if s.invalid() {
		return 0
	}
	return s.ss.Bytes()
}

// Events is the number of synaptic events delivered so far by the on_pre
// and on_post pathways; in a network split over processes, by all of
// them (every process must call it).
func (s *SynapseGroup) Events() (pre, post int64) {
	if s.invalid() {
		return 0, 0
	}
	if s.pre != nil {
		pre = s.pre.Events
	}
	if s.post != nil {
		post = s.post.Events
	}
	if c := s.net.opts.Comm; s.net.sim.Split() {
		pre, post = cluster.SumInt64(c, pre), cluster.SumInt64(c, post)
	}
	return pre, post
}

func (s *SynapseGroup) scope() (*check.Scope, error) {
	ns, err := resolve(s.spec.Name, s.spec.Namespace)
	if err != nil {
		return nil, err
	}
	pre, err := s.src.scope()
	if err != nil {
		return nil, err
	}
	post, err := s.tgt.scope()
	if err != nil {
		return nil, err
	}
	return &check.Scope{Model: s.model, Namespace: ns, N: s.ss.N(), Dt: s.net.dt, Pre: pre, Post: post,
		PreOffset: s.ss.SrcLo, PostOffset: s.ss.TgtLo, Shared: s.ss.Scalars}, nil
}

func (s *SynapseGroup) store() *store {
	return &store{name: s.spec.Name, what: "synapses", model: s.model, extra: s.extra,
		virtual: s.fixedDelay, size: s.ss.N(),
		arrays: s.ss.Arrays, scalars: s.ss.Scalars, scope: s.scope, eval: evalAt(s.net, s.ss.EvalRange), draws: &s.draws,
		key: func(k int) rng.Key { return rng.NewKey(s.net.opts.Seed, 1<<62|uint64(s.ss.ID)<<32|uint64(k)) }}
}

// fixedDelay gives the delay of every synapse of a pathway whose delays
// are not stored one per synapse.
func (s *SynapseGroup) fixedDelay(name string) (float64, bool) {
	for k, v := range []string{"delay", "post_delay"} {
		if name == v && [2]*sim.Pathway{s.pre, s.post}[k] != nil {
			return s.delays[k].fixed, true
		}
	}
	return 0, false
}

// Set sets a synaptic variable of every synapse, as NeuronGroup.Set does;
// expressions may also use i, j and the pre- and postsynaptic variables
// (v_pre, v_post). "delay" and "post_delay" set the pathways' delays.
func (s *SynapseGroup) Set(name string, value any) error {
	if s.invalid() {
		return errInvalid("the synapse group")
	}
	if s.ss.Ordinal != nil {
		var err error
		if value, err = pickOrdinal(value, s.ss.Ordinal, s.ss.Total); err != nil {
			return fmt.Errorf("cajal: %s.%s: %v", s.spec.Name, name, err)
		}
	}
	if err := s.beforeSet(name, value); err != nil {
		return err
	}
	return s.store().set(name, value, 0, s.ss.N())
}

// Get returns a copy of a synaptic variable's values in SI units.
func (s *SynapseGroup) Get(name string) ([]float64, error) {
	if s.invalid() {
		return nil, errInvalid("the synapse group")
	}
	vals, ok, err := s.traceView(name)
	if !ok && err == nil {
		vals, err = s.store().get(name, s.ss.N())
	}
	if err != nil {
		return nil, err
	}
	return s.net.sim.GatherSynapses(s.ss, vals), nil
}

// build checks the code against the current namespaces and writes it as
// ir; provisional as for NeuronGroup.build.
func (s *SynapseGroup) build(provisional bool) (sim.SynapseCode, error) {
	var code sim.SynapseCode
	sc, err := s.scope()
	if err != nil {
		return code, err
	}
	sc.Provisional = provisional
	sc.Pre.Provisional, sc.Post.Provisional = provisional, provisional
	var terr error
	choose := func(traces []lower.Trace) []lower.Trace {
		kept, err := s.chooseTraces(traces)
		terr = err
		return kept
	}
	low, err := lower.Synapses{Name: s.spec.Name, Scope: sc, Dt: s.net.dt, Method: s.method,
		OnPre: s.spec.OnPre, OnPost: s.spec.OnPost, Pre: s.pre != nil, Post: s.post != nil,
		PerNeuron: choose, KeepLast: s.keepLast()}.Lower()
	if err == nil {
		err = terr
	}
	if err != nil {
		return code, err
	}
	if s.pre != nil {
		s.pre.Code, s.pre.Neuron, s.pre.CodeNow, s.pre.Now = low.Pre, low.PreNeuron, low.PreNow, low.PreNowNeurons
	}
	if s.post != nil {
		s.post.Code, s.post.Neuron, s.post.CodeNow, s.post.Now = low.Post, low.PostNeuron, low.PostNow, low.PostNowNeurons
	}
	s.pruneLast()
	return low.Code, nil
}

// maxDelaySteps bounds a delay: the spike queues hold one slot per step of
// the longest delay.
const maxDelaySteps = 1 << 22

// compile prepares the group for a run: code, and each pathway's delays in
// steps.
func (s *SynapseGroup) compile(code sim.SynapseCode, workers int) error {
	for k, p := range []*sim.Pathway{s.pre, s.post} {
		if p == nil {
			continue
		}
		if s.delays[k].fixed/s.net.dt > maxDelaySteps {
			return fmt.Errorf("cajal: %s: a delay of %v s is more than %d time steps; delays that long are not supported", s.spec.Name, s.delays[k].fixed, maxDelaySteps)
		}
		arr, ok := s.ss.Arrays[[]string{"delay", "post_delay"}[k]]
		if !ok {
			p.PerSynapse = nil
			p.Delay = int(math.Round(s.delays[k].fixed / s.net.dt))
			continue
		}
		steps := make([]int32, len(arr))
		uniform := true
		for i, d := range arr {
			if d < 0 || math.IsNaN(d) || math.IsInf(d, 0) {
				return fmt.Errorf("cajal: %s: synapse %d has delay %v; delays must be finite and not negative", s.spec.Name, i, d)
			}
			if d/s.net.dt > maxDelaySteps {
				return fmt.Errorf("cajal: %s: synapse %d has delay %v s, more than %d time steps; delays that long are not supported", s.spec.Name, i, d, maxDelaySteps)
			}
			steps[i] = int32(math.Round(d / s.net.dt))
			uniform = uniform && steps[i] == steps[0]
		}
		perSynapse := s.delays[k].expr != "" || !uniform
		if perSynapse {
			p.PerSynapse = steps
		} else {
			p.PerSynapse = nil
			p.Delay = int(math.Round(s.delays[k].fixed / s.net.dt))
			if len(steps) > 0 {
				p.Delay = int(steps[0])
			}
		}
	}
	return s.ss.Compile(code, s.net.opts.Seed, workers, uint64(s.net.sim.Step))
}

// resolve converts a namespace.
func resolve(owner string, ns Namespace) (map[string]check.Value, error) {
	out := map[string]check.Value{}
	for k, v := range ns {
		if ta, ok := timedArrays(Namespace{k: v})[k]; ok {
			tb, err := ta.table()
			if err != nil {
				return nil, fmt.Errorf("cajal: %s: namespace entry %q: %v", owner, k, err)
			}
			out[k] = check.Value{Table: tb}
			continue
		}
		val, err := check.ValueOf(v)
		if err != nil {
			return nil, fmt.Errorf("cajal: %s: namespace entry %q: %v", owner, k, err)
		}
		out[k] = val
	}
	return out, nil
}
