package sim

import (
	"fmt"
	"slices"

	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/kernel"
	"github.com/cajal-sim/cajal/internal/rng"
	"sort"
	"time"
)

// Synapses connects neurons Src[SrcLo:SrcHi] to Tgt[TgtLo:TgtHi]. Post
// holds each synapse's postsynaptic neuron (absolute index in Tgt); the
// synapses are stored by presynaptic neuron (see layout.go).
type Synapses struct {
	Name         string
	ID           int
	Src, Tgt     *Group
	SrcLo, SrcHi int
	TgtLo, TgtHi int
	Arrays       map[string][]float64
	Scalars      map[string]float64
	Post         []int32
	Pathways     []*Pathway
	Interpret    bool // run the programs in the interpreter even where compiled code exists
	// Traces name the event-driven variables that can be kept per neuron:
	// each has a per-synapse array only while it is kept per synapse.
	Traces []string
	// Clocked says that the synapses have clock-driven equations or summed
	// variables: work for every synapse at every step.
	Clocked bool

	pending           []int32 // presynaptic neurons while synapses wait for Sort
	preStart          []int32 // rows: synapses of presynaptic neuron SrcLo+r
	cuts              [][]int32
	allRows           []int32 // 0, 1, ... one per presynaptic neuron
	pre               []int32 // presynaptic neurons, for programs run on lists of synapses
	byPost, postStart []int32
	preByPost         []int32              // presynaptic neurons in the order of byPost (indexPreByPost)
	scratch           map[string][]float64 // per-neuron arrays of traces decayed to now (Pathway.Now)

	update *bound
	summed []*Summed

	// Ordinal, on a rank of a split network, numbers each synapse the
	// rank keeps by its place among all Total synapses (distribute.go);
	// nil in one process.
	Ordinal []int32
	Total   int
}

// Pathway delivers the spikes of the presynaptic (or, for on_post, the
// postsynaptic) neurons to their synapses after a delay, and runs code for
// each synapse reached.
type Pathway struct {
	Name     string // "pre" or "post"
	FromPost bool
	Code     ir.Block
	// Neuron, if set, runs once for each neuron whose spike the pathway
	// delivers (over the source group, or the target group for on_post),
	// before Code runs for its synapses: traces kept per neuron rise.
	Neuron ir.Block
	// CodeNow, if set, is Code reading the other side's traces from
	// arrays that Now fills, once per neuron of that side: a step with
	// more events than such neurons runs Now and CodeNow instead of Code
	// (which decays a trace for each synapse). Both give the same values.
	CodeNow, Now ir.Block
	// Delay is the delay in steps of all synapses, used when PerSynapse is
	// nil; PerSynapse holds one delay in steps per synapse.
	Delay      int
	PerSynapse []int32

	// Record, if set, names a synaptic variable whose value after each
	// event is logged (NEST's weight recorder).
	Record string
	Log    EventLog

	prog     *bound
	neuron   *bound     // Neuron, bound to the group of the pathway's source
	progNow  *bound     // CodeNow
	now      *bound     // Now, bound to the group of the other side
	spiking  [][]int32  // scratch: each member's neurons for Neuron (absolute indices)
	parallel bool       // the code writes no presynaptic variable: events can be split by target
	parts    [][]int32  // each member's events
	partsPre [][]int32  // their presynaptic neurons (on_post code that reads them)
	job      deliverJob // the current parallel delivery
	ring     [][]int32  // future steps: neurons (one delay) or synapses (per-synapse delays)
	events   []int32    // scratch: the synapses reached this step
	majors   []int32    // scratch: the spike of each event logged this step
	deferred bool       // the spikes are queued at a batched exchange (batch.go)
	Events   int64      // synapse events delivered so far
}

// EventLog is a record of synaptic events: the synapse, the time and the
// value of the recorded variable after the event.
type EventLog struct {
	Syn   []int32
	T     []float64
	Value []float64
	// Pre and Post, on a rank of a split network, are each event's pre-
	// and postsynaptic neurons (absolute indices), which the rank may not
	// hold; nil in one process.
	Pre, Post []int32
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
		Arrays: map[string][]float64{}, Scalars: map[string]float64{}, preStart: make([]int32, srcHi-srcLo+1)}
}

// N is the number of synapses.
func (s *Synapses) N() int { return len(s.Post) }

// AddArray declares a per-synapse variable, zero for existing and future
// synapses.
func (s *Synapses) AddArray(name string) {
	if _, ok := s.Arrays[name]; !ok {
		s.Arrays[name] = make([]float64, len(s.Post))
	}
}

// Add appends synapses from neurons pre to post (absolute indices); their
// variables start at zero. It returns the number of the first new
// synapse: until Sort, the new synapses are numbered in the order given.
func (s *Synapses) Add(pre, post []int32) int {
	if s.pending == nil {
		s.pending = s.PreIndex()
	}
	first := len(s.Post)
	s.pending = append(s.pending, pre...)
	s.Post = append(s.Post, post...)
	for name, a := range s.Arrays {
		s.Arrays[name] = append(a, make([]float64, len(pre))...)
	}
	return first
}

// SynapseCode is the compiled behaviour of a synapse group.
type SynapseCode struct {
	Update ir.Block // clock-driven equations, every step for every synapse
	Summed []*Summed
	// Pathway code is in the Pathways themselves.
}

func (s *Synapses) find(sl kernel.Slot) ([]float64, bool) {
	if a, ok := s.scratch[sl.Name]; ok && sl.Index != ir.Elem {
		return a, true
	}
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
	s.Sort()
	s.compact()
	workers = max(workers, 1)
	s.cut(workers)
	if len(s.allRows) != len(s.preStart)-1 {
		s.allRows = make([]int32, len(s.preStart)-1)
		for r := range s.allRows {
			s.allRows[r] = int32(r)
		}
	}
	key := func(stream int) rng.Key { return rng.NewKey(seed, uint64(s.ID*streamsPerGroup+stream)) }
	bind := func(name string, b ir.Block) (*bound, error) {
		bd, err := bindProgram(name, b, nil, key(streamUpdate), workers, s.find, s.Scalars, nil, s.Post, s.Interpret)
		if bd != nil {
			for w := range bd.envs {
				bd.envs[w].PreBase = s.SrcLo
				bd.envs[w].Ordinal = s.Ordinal
			}
		}
		return bd, err
	}
	var err error
	if s.update, err = bind(s.Name, c.Update); err != nil {
		return err
	}
	s.summed = c.Summed
	for _, sm := range s.summed {
		b := ir.Block{{Target: ir.V(sm.Target, ir.Post), Value: ir.Plus(ir.V(sm.Target, ir.Post), sm.Value)}}
		if sm.prog, err = bind(s.Name, b); err != nil {
			return err
		}
	}
	s.pre = nil
	for k, p := range s.Pathways {
		if err := s.bindPathway(p, key(streamReset+k), workers); err != nil {
			return err
		}
		if p.FromPost {
			s.indexPost()
		}
		p.parts, p.partsPre = make([][]int32, workers), make([][]int32, workers)
		maxDelay := p.Delay
		for _, d := range p.PerSynapse {
			maxDelay = max(maxDelay, int(d))
		}
		p.grow(maxDelay+1, step)
	}
	return nil
}

// TraceArrays are the per-synapse arrays that exist only while traces are
// kept per synapse: the traces' own and lastupdate.
func (s *Synapses) TraceArrays() []string {
	return append(slices.Clone(s.Traces), "lastupdate")
}

// NowEvents is the number of a step's events per neuron of the other side
// from which a pathway decays that side's traces once per neuron (Now)
// rather than once per synapse: both give the same bits, so it changes
// only the speed.
var NowEvents = 1.0

// bindPathway binds a pathway's programs: its code for synapses (and the
// variant reading traces decayed once per neuron), and its neuron code.
func (s *Synapses) bindPathway(p *Pathway, key rng.Key, workers int) error {
	name := s.Name + "." + p.Name
	side, other := s.Src, s.Tgt
	if p.FromPost {
		side, other = s.Tgt, s.Src
	}
	for _, a := range p.Now {
		if len(s.scratch[a.Target.Name]) != other.N {
			if s.scratch == nil {
				s.scratch = map[string][]float64{}
			}
			s.scratch[a.Target.Name] = make([]float64, other.N)
		}
	}
	find := func(sl kernel.Slot) ([]float64, bool) {
		if a, ok := s.scratch[sl.Name]; ok {
			return a, sl.Index == ir.Elem
		}
		return other.elem(sl)
	}
	var err error
	if p.now, err = bindProgram(name, p.Now, nil, key, 1, find, other.Scalars, nil, nil, s.Interpret || other.Interpret); err != nil {
		return err
	}
	if p.prog, err = s.bindSynaptic(name, p, p.Code, key, workers); err != nil {
		return err
	}
	if p.progNow, err = s.bindSynaptic(name, p, p.CodeNow, key, workers); err != nil {
		return err
	}
	if p.neuron, err = bindProgram(name, p.Neuron, nil, key, workers, side.elem, side.Scalars, nil, nil, s.Interpret || side.Interpret); err != nil {
		return err
	}
	p.spiking = make([][]int32, workers)
	p.parallel = p.prog != nil
	if p.prog != nil {
		for _, sl := range p.prog.prog.Slots {
			if sl.Written && sl.Index == ir.Pre {
				p.parallel = false
			}
		}
	}
	return nil
}

// bindSynaptic binds code that runs for a pathway's synapses.
func (s *Synapses) bindSynaptic(name string, p *Pathway, code ir.Block, key rng.Key, workers int) (*bound, error) {
	bd, err := bindProgram(name, code, nil, key, workers, s.find, s.Scalars, nil, s.Post, s.Interpret)
	if bd == nil || err != nil {
		return bd, err
	}
	for w := range bd.envs {
		bd.envs[w].PreBase = s.SrcLo
		bd.envs[w].Ordinal = s.Ordinal
	}
	// Lists of synapses need each synapse's presynaptic neuron spelt out:
	// beside the list for postsynaptic spikes (preByPost), by synapse for
	// per-synapse delays.
	if bd.prog.Uses.Pre && p.FromPost && p.PerSynapse == nil {
		s.indexPost()
		s.indexPreByPost()
		return bd, nil
	}
	if bd.prog.Uses.Pre && (p.FromPost || p.PerSynapse != nil) {
		if s.pre == nil {
			s.pre = s.PreIndex()
		}
		for w := range bd.envs {
			bd.envs[w].Pre = s.pre
		}
	}
	return bd, nil
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

// queue puts this step's spikes of the pathway's source in the ring: the
// neuron (its row, counted from the range's start) for one delay, else
// each synapse at its own delay.
func (s *Synapses) queue(p *Pathway, step uint64) {
	src, lo, hi := s.Src, s.SrcLo, s.SrcHi
	if p.FromPost {
		src, lo, hi = s.Tgt, s.TgtLo, s.TgtHi
	}
	L := uint64(len(p.ring))
	for _, k := range src.Spikes {
		if int(k) < lo || int(k) >= hi {
			continue
		}
		r := int32(int(k) - lo)
		if p.PerSynapse == nil {
			slot := (step + uint64(p.Delay)) % L
			p.ring[slot] = append(p.ring[slot], r)
			continue
		}
		for _, syn := range s.synapsesOf(p, r) {
			slot := (step + uint64(p.PerSynapse[syn])) % L
			p.ring[slot] = append(p.ring[slot], syn)
		}
	}
}

// synapsesOf lists the synapses of row r of the pathway's source, as
// positions: a range of the rows, or of the permutation by postsynaptic
// neuron.
func (s *Synapses) synapsesOf(p *Pathway, r int32) []int32 {
	if p.FromPost {
		return s.byPost[s.postStart[r]:s.postStart[r+1]]
	}
	events := p.events[:0]
	for e := s.preStart[r]; e < s.preStart[r+1]; e++ {
		events = append(events, e)
	}
	p.events = events
	return events
}

// prepare queues the step's spikes of the pathway's source and takes out
// the events due now, ready for the pathway's delivery job; an on_pre
// pathway's Neuron code runs here, for every neuron whose spike arrives.
func (s *Synapses) prepare(p *Pathway, step uint64, t float64) error {
	if !p.deferred {
		s.queue(p, step)
	}
	slot := step % uint64(len(p.ring))
	due := p.ring[slot]
	p.ring[slot] = due[:0]
	rows := p.PerSynapse == nil && !p.FromPost    // due holds presynaptic rows
	postRows := p.PerSynapse == nil && p.FromPost // due holds postsynaptic neurons
	var events []int32
	count := 0
	switch {
	case rows:
		for _, r := range due {
			count += int(s.preStart[r+1] - s.preStart[r])
		}
	case postRows:
		for _, r := range due {
			count += int(s.postStart[r+1] - s.postStart[r])
		}
	default:
		events = append(p.events[:0], due...)
		p.events = events
		count = len(events)
	}
	p.Events += int64(count)
	p.job = deliverJob{s: s, p: p, bd: p.prog, due: due, rows: rows, postRows: postRows, events: events, count: count, step: step, t: t}
	if p.now != nil {
		lo, hi := s.TgtLo, s.TgtHi
		if p.FromPost {
			lo, hi = s.SrcLo, s.SrcHi
		}
		if float64(count) >= NowEvents*float64(hi-lo) {
			if err := p.now.machines[0].Range(p.now.setTime(0, step, t, true), lo, hi); err != nil {
				return &objectError{s.Name + "." + p.Name, err, nil}
			}
			p.job.bd = p.progNow
		}
	}
	if p.neuron == nil || len(due) == 0 || postRows {
		return nil // on_post's Neuron code runs in each member's part
	}
	if !rows {
		return &objectError{s.Name + "." + p.Name, fmt.Errorf("traces kept per neuron need one delay for every synapse"), nil}
	}
	list := p.spiking[0][:0]
	for _, r := range due {
		list = append(list, int32(s.SrcLo)+r)
	}
	p.spiking[0] = list
	if err := p.neuron.machines[0].Indices(p.neuron.setTime(0, step, t, true), list); err != nil {
		return &objectError{s.Src.Name, err, nil}
	}
	return nil
}

// finish logs the recorded variable after the step's events.
func (s *Synapses) finish(p *Pathway) {
	if p.Record != "" && p.job.count > 0 {
		s.record(p, p.job.due, p.job.rows, p.job.events, p.job.t)
	}
}

// finishSplit is finish on a rank of a split network: the step's events
// of every rank are logged on every rank, in the order of one process
// (collective).
func (n *Network) finishSplit(s *Synapses, p *Pathway) {
	if p.Record == "" {
		return
	}
	from := len(p.Log.Syn)
	s.finish(p)
	x := &n.ex
	x.send, x.values = x.send[:0], x.values[:0]
	for k := from; k < len(p.Log.Syn); k++ {
		syn := p.Log.Syn[k]
		x.send = append(x.send, p.majors[k-from], s.Ordinal[syn], s.PreOf(syn), s.Post[syn])
		x.values = append(x.values, p.Log.Value[k])
	}
	x.fit(n)
	start := time.Now()
	x.logRecv = n.Comm.AllgatherInt32(x.send, x.logRecv, x.counts)
	x.logValues = n.Comm.AllgatherFloat64(x.values, x.logValues, x.counts)
	n.Exchange += time.Since(start)
	ints, vals := x.logRecv, x.logValues
	order := x.order[:0]
	for k := range vals {
		order = append(order, k)
	}
	x.order = order
	// A spike's events in synapse order: as one process logs them.
	sort.SliceStable(order, func(a, b int) bool {
		ea, eb := ints[4*order[a]:], ints[4*order[b]:]
		return ea[0] < eb[0] || ea[0] == eb[0] && ea[1] < eb[1]
	})
	lg := &p.Log
	lg.Syn, lg.Value = lg.Syn[:from], lg.Value[:from]
	lg.T = lg.T[:from]
	lg.Pre, lg.Post = lg.Pre[:min(from, len(lg.Pre))], lg.Post[:min(from, len(lg.Post))]
	for _, k := range order {
		e := ints[4*k:]
		lg.Syn = append(lg.Syn, e[1])
		lg.Pre = append(lg.Pre, e[2])
		lg.Post = append(lg.Post, e[3])
		lg.Value = append(lg.Value, vals[k])
		lg.T = append(lg.T, p.job.t)
	}
}

// record logs the recorded variable after this step's events.
func (s *Synapses) record(p *Pathway, due []int32, rows bool, events []int32, t float64) {
	arr := s.Arrays[p.Record]
	major := int32(0) // the event's spike, counted in due (split networks)
	p.majors = p.majors[:0]
	add := func(syn int32) {
		p.Log.Syn = append(p.Log.Syn, syn)
		p.Log.T = append(p.Log.T, t)
		p.Log.Value = append(p.Log.Value, arr[syn])
		p.majors = append(p.majors, major)
	}
	if p.job.postRows {
		// The spiking neurons, ascending; each rank of a split network
		// has its own (the synapses onto it end on its neurons).
		for _, r := range due {
			major = r
			for _, syn := range s.byPost[s.postStart[r]:s.postStart[r+1]] {
				add(syn)
			}
		}
		return
	}
	if !rows {
		for _, syn := range events {
			add(syn)
		}
		return
	}
	for k, r := range due {
		major = int32(k)
		for syn := s.preStart[r]; syn < s.preStart[r+1]; syn++ {
			add(syn)
		}
	}
}

// deliverJob runs a pathway's code for this step's events whose
// postsynaptic neuron lies in a member's block (all of them for one
// member): every neuron's events run in the serial order, whatever the
// number of members.
type deliverJob struct {
	s    *Synapses
	p    *Pathway
	bd   *bound  // the pathway's program for this step (Code or CodeNow)
	due  []int32 // rows of presynaptic neurons, when rows
	rows bool
	// postRows: due holds postsynaptic neurons (relative to TgtLo), whose
	// synapses are their runs of the order by postsynaptic neuron.
	postRows bool
	events   []int32 // synapses, when neither
	count    int     // events
	step     uint64
	t        float64
}

func (j *deliverJob) part(w, lo, hi int) error {
	s, bd := j.s, j.bd
	if j.count == 0 || lo == hi {
		return nil
	}
	env := bd.setTime(w, j.step, j.t, true)
	env.IdxPre = nil // set below for on_post code that reads presynaptic values
	if j.rows {
		begin, end := s.rows(w, lo, hi)
		return bd.machines[w].Rows(env, j.due, begin, end)
	}
	if j.postRows {
		// The member's postsynaptic neurons, each with all its synapses.
		mine := j.p.parts[w][:0]
		spiking := j.p.spiking[w][:0]
		usesPre := bd.prog.Uses.Pre
		minePre := j.p.partsPre[w][:0]
		for _, r := range j.due {
			if int(r) >= lo && int(r) < hi {
				a, b := s.postStart[r], s.postStart[r+1]
				mine = append(mine, s.byPost[a:b]...)
				if usesPre {
					minePre = append(minePre, s.preByPost[a:b]...)
				}
				spiking = append(spiking, int32(s.TgtLo)+r)
			}
		}
		j.p.parts[w], j.p.spiking[w], j.p.partsPre[w] = mine, spiking, minePre
		if nb := j.p.neuron; nb != nil && len(spiking) > 0 {
			if err := nb.machines[w].Indices(nb.setTime(w, j.step, j.t, true), spiking); err != nil {
				return &objectError{s.Tgt.Name, err, nil}
			}
		}
		if len(mine) == 0 {
			return nil
		}
		if usesPre {
			env.IdxPre = minePre
		}
		return bd.machines[w].Indices(env, mine)
	}
	mine := j.events
	if wlo, whi := s.window(); lo != wlo || hi != whi {
		lo32, hi32 := int32(s.TgtLo+lo), int32(s.TgtLo+hi)
		mine = j.p.parts[w][:0]
		for _, syn := range j.events {
			if post := s.Post[syn]; post >= lo32 && post < hi32 {
				mine = append(mine, syn)
			}
		}
		j.p.parts[w] = mine
	}
	if len(mine) == 0 {
		return nil
	}
	return bd.machines[w].Indices(env, mine)
}

// EvalRange evaluates a block for synapses lo to hi-1 at time t (initial
// values, subexpressions).
func (s *Synapses) EvalRange(b ir.Block, key rng.Key, lo, hi int, t float64) error {
	bd, err := bindProgram(s.Name, b, nil, key, 1, s.find, s.Scalars, s.PreIndex(), s.Post, s.Interpret)
	if err != nil || bd == nil {
		return err
	}
	bd.envs[0].Ordinal = s.Ordinal
	return bd.machines[0].Range(bd.setTime(0, 0, t, false), lo, hi)
}

// Programs counts the group's programs and those that run compiled code.
func (s *Synapses) Programs() (native, total int) {
	s.update.count(&native, &total)
	for _, sm := range s.summed {
		sm.prog.count(&native, &total)
	}
	for _, p := range s.Pathways {
		for _, bd := range []*bound{p.prog, p.progNow, p.neuron, p.now} {
			bd.count(&native, &total)
		}
	}
	return native, total
}
