package sim

import (
	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/kernel"
	"github.com/cajal-sim/cajal/internal/rng"
)

// Synapses connects neurons Src[SrcLo:SrcHi] to Tgt[TgtLo:TgtHi]. Synapses
// are numbered in the order they were made; Pre and Post hold the absolute
// neuron indices in Src and Tgt, and two permutations order them by
// presynaptic and by postsynaptic neuron (CSR) for spike delivery.
type Synapses struct {
	Name         string
	ID           int
	Src, Tgt     *Group
	SrcLo, SrcHi int
	TgtLo, TgtHi int
	Arrays       map[string][]float64
	Scalars      map[string]float64
	Pre, Post    []int32
	Pathways     []*Pathway
	Interpret    bool // run the programs in the interpreter even where compiled code exists

	byPre, preStart   []int32
	byPost, postStart []int32
	sorted            bool

	update *bound
	summed []*Summed
	job    stepJob
}

// Pathway delivers the spikes of the presynaptic (or, for on_post, the
// postsynaptic) neurons to their synapses after a delay, and runs code for
// each synapse reached.
type Pathway struct {
	Name     string // "pre" or "post"
	FromPost bool
	Code     ir.Block
	// Delay is the delay in steps of all synapses, used when PerSynapse is
	// nil; PerSynapse holds one delay in steps per synapse.
	Delay      int
	PerSynapse []int32

	// Record, if set, names a synaptic variable whose value after each
	// event is logged (NEST's weight recorder).
	Record string
	Log    EventLog

	prog     *bound
	parallel bool       // the code writes no presynaptic variable: events can be split by target
	parts    [][]int32  // each member's events
	job      deliverJob // the current parallel delivery
	ring     [][]int32  // future steps: neurons (one delay) or synapses (per-synapse delays)
	events   []int32    // scratch: the synapses reached this step
	Events   int64      // synapse events delivered so far
}

// EventLog is a record of synaptic events: the synapse, the time and the
// value of the recorded variable after the event.
type EventLog struct {
	Syn   []int32
	T     []float64
	Value []float64
}

// Summed writes, each step, the sum over each postsynaptic neuron's
// synapses of a per-synapse expression into a variable of the neuron.
type Summed struct {
	Target string   // variable of the postsynaptic group
	Value  *ir.Node // per synapse
	prog   *bound
}

// NewSynapses makes an empty synapse group.
func NewSynapses(name string, id int, src *Group, srcLo, srcHi int, tgt *Group, tgtLo, tgtHi int) *Synapses {
	return &Synapses{Name: name, ID: id, Src: src, SrcLo: srcLo, SrcHi: srcHi, Tgt: tgt, TgtLo: tgtLo, TgtHi: tgtHi,
		Arrays: map[string][]float64{}, Scalars: map[string]float64{}}
}

// N is the number of synapses.
func (s *Synapses) N() int { return len(s.Pre) }

// AddArray declares a per-synapse variable filled with x for existing and
// future synapses.
func (s *Synapses) AddArray(name string) {
	if _, ok := s.Arrays[name]; !ok {
		s.Arrays[name] = make([]float64, len(s.Pre))
	}
}

// Add appends synapses from neurons pre to post (absolute indices); their
// variables start at zero. It returns the index of the first new synapse.
func (s *Synapses) Add(pre, post []int32) int {
	first := len(s.Pre)
	s.Pre = append(s.Pre, pre...)
	s.Post = append(s.Post, post...)
	for name, a := range s.Arrays {
		s.Arrays[name] = append(a, make([]float64, len(pre))...)
	}
	for _, p := range s.Pathways {
		if p.PerSynapse != nil {
			p.PerSynapse = append(p.PerSynapse, make([]int32, len(pre))...)
		}
	}
	s.sorted = false
	return first
}

// index builds the CSR permutations.
func (s *Synapses) index() {
	if s.sorted {
		return
	}
	s.byPre, s.preStart = csr(s.Pre, s.SrcLo, s.SrcHi)
	s.byPost, s.postStart = csr(s.Post, s.TgtLo, s.TgtHi)
	s.sorted = true
}

// csr orders synapse numbers by neuron (stable: by synapse number within a
// neuron) and returns the order and each neuron's first position.
func csr(neuron []int32, lo, hi int) (order, start []int32) {
	n := hi - lo
	start = make([]int32, n+1)
	for _, k := range neuron {
		start[int(k)-lo+1]++
	}
	for i := 1; i <= n; i++ {
		start[i] += start[i-1]
	}
	order = make([]int32, len(neuron))
	next := append([]int32(nil), start[:n]...)
	for syn, k := range neuron {
		r := int(k) - lo
		order[next[r]] = int32(syn)
		next[r]++
	}
	return order, start
}

// SynapseCode is the compiled behaviour of a synapse group.
type SynapseCode struct {
	Update ir.Block // clock-driven equations, every step for every synapse
	Summed []*Summed
	// Pathway code is in the Pathways themselves.
}

func (s *Synapses) find(sl kernel.Slot) ([]float64, bool) {
	var m map[string][]float64
	switch sl.Index {
	case ir.Elem:
		m = s.Arrays
	case ir.Pre:
		m = s.Src.Arrays
	case ir.Post:
		m = s.Tgt.Arrays
	default:
		return nil, false
	}
	a, ok := m[sl.Name]
	return a, ok
}

// Compile binds the code for a run.
func (s *Synapses) Compile(c SynapseCode, seed uint64, workers int, step uint64) error {
	s.index()
	key := func(stream int) rng.Key { return rng.NewKey(seed, uint64(s.ID*streamsPerGroup+stream)) }
	var err error
	if s.update, err = bindProgram(s.Name, c.Update, nil, key(streamUpdate), workers, s.find, s.Scalars, s.Pre, s.Post, s.Interpret); err != nil {
		return err
	}
	s.summed = c.Summed
	for _, sm := range s.summed {
		b := ir.Block{{Target: ir.V(sm.Target, ir.Post), Value: ir.Plus(ir.V(sm.Target, ir.Post), sm.Value)}}
		if sm.prog, err = bindProgram(s.Name, b, nil, key(streamUpdate), 1, s.find, s.Scalars, s.Pre, s.Post, s.Interpret); err != nil {
			return err
		}
	}
	for k, p := range s.Pathways {
		if p.prog, err = bindProgram(s.Name+"."+p.Name, p.Code, nil, key(streamReset+k), workers, s.find, s.Scalars, s.Pre, s.Post, s.Interpret); err != nil {
			return err
		}
		p.parallel = p.prog != nil
		if p.prog != nil {
			for _, sl := range p.prog.prog.Slots {
				if sl.Written && sl.Index == ir.Pre {
					p.parallel = false
				}
			}
		}
		p.parts = make([][]int32, max(workers, 1))
		maxDelay := p.Delay
		for _, d := range p.PerSynapse {
			maxDelay = max(maxDelay, int(d))
		}
		p.grow(maxDelay+1, step)
	}
	return nil
}

// grow makes the ring hold at least n steps, keeping what is in flight:
// an entry in slot i is due at the first step >= step that is i modulo the
// old size.
func (p *Pathway) grow(n int, step uint64) {
	if len(p.ring) >= n {
		return
	}
	old := p.ring
	p.ring = make([][]int32, n)
	for i, due := range old {
		if len(due) == 0 {
			continue
		}
		L := uint64(len(old))
		at := step + (uint64(i)+L-step%L)%L
		p.ring[at%uint64(n)] = due
	}
}

// StepUpdate runs the clock-driven equations and the summed variables.
func (s *Synapses) StepUpdate(step uint64, t float64, c *crew) error {
	if bd := s.update; bd != nil {
		n := len(s.Pre)
		s.job = stepJob{bd: bd, step: step, t: t, check: true}
		err := c.parallel(n, &s.job)
		if err != nil {
			return err
		}
	}
	for _, sm := range s.summed {
		tgt := s.Tgt.Arrays[sm.Target]
		for i := s.TgtLo; i < s.TgtHi; i++ {
			tgt[i] = 0
		}
		bd := sm.prog
		if err := bd.machines[0].Range(bd.setTime(0, step, t, false), 0, len(s.Pre)); err != nil {
			return err
		}
	}
	return nil
}

// Deliver queues this step's spikes and runs the pathways' code for the
// synapses whose delayed spikes arrive now.
func (s *Synapses) Deliver(step uint64, t float64, c *crew) error {
	for _, p := range s.Pathways {
		if err := s.deliver(p, step, t, c); err != nil {
			return err
		}
	}
	return nil
}

func (s *Synapses) deliver(p *Pathway, step uint64, t float64, c *crew) error {
	src, lo, hi := s.Src, s.SrcLo, s.SrcHi
	order, start := s.byPre, s.preStart
	if p.FromPost {
		src, lo, hi = s.Tgt, s.TgtLo, s.TgtHi
		order, start = s.byPost, s.postStart
	}
	L := uint64(len(p.ring))
	for _, k := range src.Spikes {
		if int(k) < lo || int(k) >= hi {
			continue
		}
		r := int(k) - lo
		if p.PerSynapse == nil {
			slot := (step + uint64(p.Delay)) % L
			p.ring[slot] = append(p.ring[slot], int32(r))
			continue
		}
		for _, syn := range order[start[r]:start[r+1]] {
			slot := (step + uint64(p.PerSynapse[syn])) % L
			p.ring[slot] = append(p.ring[slot], syn)
		}
	}
	slot := step % L
	due := p.ring[slot]
	if len(due) == 0 {
		return nil
	}
	events := p.events[:0]
	if p.PerSynapse == nil {
		for _, r := range due {
			events = append(events, order[start[r]:start[r+1]]...)
		}
	} else {
		events = append(events, due...)
	}
	p.ring[slot] = due[:0]
	p.events = events
	p.Events += int64(len(events))
	if p.prog == nil || len(events) == 0 {
		return nil
	}
	if p.parallel && c != nil && c.n > 1 && len(events) >= minParallelEvents {
		// Each member takes the events of its range of postsynaptic
		// neurons, in order: every neuron's events run in the serial
		// order, whatever the number of members.
		p.job = deliverJob{s: s, p: p, events: events, step: step, t: t}
		if err := c.parallel(s.TgtHi-s.TgtLo, &p.job); err != nil {
			return err
		}
	} else if err := p.prog.machines[0].Indices(p.prog.setTime(0, step, t, false), events); err != nil {
		return err
	}
	if p.Record != "" {
		arr := s.Arrays[p.Record]
		for _, syn := range events {
			p.Log.Syn = append(p.Log.Syn, syn)
			p.Log.T = append(p.Log.T, t)
			p.Log.Value = append(p.Log.Value, arr[syn])
		}
	}
	return nil
}

// minParallelEvents is the fewest events of a step that are split across
// the crew.
const minParallelEvents = 2048

// deliverJob runs a pathway's code for the events whose postsynaptic
// neuron lies in a member's range.
type deliverJob struct {
	s      *Synapses
	p      *Pathway
	events []int32
	step   uint64
	t      float64
}

func (j *deliverJob) part(w, lo, hi int) error {
	lo32, hi32 := int32(j.s.TgtLo+lo), int32(j.s.TgtLo+hi)
	mine := j.p.parts[w][:0]
	for _, syn := range j.events {
		if post := j.s.Post[syn]; post >= lo32 && post < hi32 {
			mine = append(mine, syn)
		}
	}
	j.p.parts[w] = mine
	if len(mine) == 0 {
		return nil
	}
	bd := j.p.prog
	return bd.machines[w].Indices(bd.setTime(w, j.step, j.t, false), mine)
}

// EvalRange evaluates a block for synapses lo to hi-1 at time t (initial
// values, subexpressions).
func (s *Synapses) EvalRange(b ir.Block, key rng.Key, lo, hi int, t float64) error {
	bd, err := bindProgram(s.Name, b, nil, key, 1, s.find, s.Scalars, s.Pre, s.Post, s.Interpret)
	if err != nil || bd == nil {
		return err
	}
	return bd.machines[0].Range(bd.setTime(0, 0, t, false), lo, hi)
}

// Programs counts the group's programs and those that run compiled code.
func (s *Synapses) Programs() (native, total int) {
	s.update.count(&native, &total)
	for _, sm := range s.summed {
		sm.prog.count(&native, &total)
	}
	for _, p := range s.Pathways {
		p.prog.count(&native, &total)
	}
	return native, total
}
