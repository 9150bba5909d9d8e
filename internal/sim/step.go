package sim

import (
	"fmt"
	"sort"

	"github.com/cajal-sim/cajal/internal/ir"
)

// A time step runs in phases. In each parallel phase every member of the
// crew works on its own block of every group (neurons split in equal,
// chunk-aligned blocks) and on the synapses onto that block, so a step
// needs a barrier only between phases, not per object:
//
//	update     state updates (each block's threshold right after, where
//	           nothing between the two changes what it reads)
//	synapses   clock-driven synaptic updates and summed variables (if any)
//	threshold  thresholds not fused into the update (if any)
//	(serial)   spikes gathered; work that reads them (spike monitors)
//	inputs     inputs added as synapses add theirs (PoissonInput), if any
//	(serial)   spikes queued and due events taken out
//	deliver    pathways run for the events onto each block; a pathway that
//	           writes presynaptic variables runs alone, on one member.
//	           When the last delivery phase is split by target, each
//	           member then resets its block's spiking neurons in it, and
//	           may go on to update its block for the next step (ahead.go)
//	(serial)   event logs
//	reset      resets of each block's spiking neurons, unless done above
//
// Each element is touched by one member (a synapse group's events onto a
// neuron run on the member whose block of the target group holds it), and
// each neuron's synaptic events run in the same order whatever the number
// of members, so results do not depend on it.

// phaseKind names a parallel phase.
type phaseKind uint8

const (
	phaseUpdate phaseKind = iota
	phaseSynapses
	phaseThreshold
	phaseDeliver
	phaseReset
	phaseInputs
)

// phaseJob is the work of one parallel phase of a step.
type phaseJob struct {
	n       *Network
	kind    phaseKind
	step    uint64
	t       float64
	workers int
	paths   []*Pathway // phaseDeliver: the pathways of this phase
	owners  []*Synapses
	serial  bool // phaseDeliver: one pathway, on member 0 alone
	reset   bool // phaseDeliver: each member resets its block's spiking neurons after its deliveries
	next    bool // phaseDeliver: each member then updates its block for the next step (ahead.go)
	// The errors of each member's update for the next step, reported
	// by the next step.
	aheadErrs []error
}

// objectError is an error of one object (group or synapses) in a phase.
type objectError struct {
	name    string
	err     error
	ordinal []int32 // the numbers of the object's elements in the whole network, if not their places
}

func (e *objectError) Error() string { return fmt.Sprintf("%s: %v", e.name, e.err) }
func (e *objectError) Unwrap() error { return e.err }

// block is member w's part of n elements among workers members: small
// groups are not split.
func block(n, w, workers int) (lo, hi int) {
	if workers <= 1 || n < MinParallel {
		if w == 0 {
			return 0, n
		}
		return 0, 0
	}
	return split(n, workers, w)
}

func (j *phaseJob) part(w, _, _ int) error {
	switch j.kind {
	case phaseUpdate:
		for _, g := range j.n.Groups {
			if err := g.updatePart(w, j.workers, j.step, j.t); err != nil {
				return &objectError{g.Name, err, nil}
			}
		}
	case phaseSynapses:
		for _, s := range j.n.Synapses {
			if err := s.updatePart(w, j.workers, j.step, j.t); err != nil {
				return &objectError{s.Name, err, s.Ordinal}
			}
		}
	case phaseThreshold:
		for _, g := range j.n.Groups {
			if err := g.thresholdPart(w, j.workers, j.step, j.t); err != nil {
				return &objectError{g.Name, err, nil}
			}
		}
	case phaseDeliver:
		if j.serial && w != 0 {
			return nil
		}
		for k, p := range j.paths {
			s := j.owners[k]
			lo, hi := s.block(w, j.workers)
			if j.serial {
				lo, hi = s.window()
			}
			if err := p.job.part(w, lo, hi); err != nil {
				return &objectError{s.Name + "." + p.Name, err, s.Ordinal}
			}
		}
		if j.reset {
			if err := j.resets(w, j.workers); err != nil {
				return err
			}
		}
		if j.next {
			j.updateAhead(w)
		}
	case phaseReset:
		workers := j.workers
		if !j.shared(phaseReset) {
			workers = 1 // few spikes: one member resets them all
		}
		return j.resets(w, workers)
	case phaseInputs:
		for _, in := range j.n.Inputs {
			if err := in.part(w, j.workers, j.step, j.t); err != nil {
				return &objectError{in.Name, err, nil}
			}
		}
	}
	return nil
}

// resets resets the spiking neurons of member w's block of every group.
func (j *phaseJob) resets(w, workers int) error {
	for _, g := range j.n.Groups {
		if err := g.resetPart(w, workers, j.step, j.t); err != nil {
			return &objectError{g.Name, err, nil}
		}
	}
	return nil
}

// run runs a phase on every member, or all of it on the calling goroutine
// when there is no crew or the phase is not worth one.
func (j *phaseJob) run(c *crew, kind phaseKind) error {
	j.kind = kind
	if c == nil || c.n <= 1 || !j.shared(kind) {
		workers := j.workers
		j.workers = 1
		err := j.part(0, 0, 0)
		j.workers = workers
		return err
	}
	return c.run(j, 0)
}

// shared reports whether members other than the first have work in the
// phase: objects smaller than MinParallel are not split (block), and a
// phase of only such objects runs on the calling goroutine without the
// crew, saving a barrier (some microseconds) for the same results.
func (j *phaseJob) shared(kind phaseKind) bool {
	n := j.n
	big := func(lo, hi int) bool { return hi-lo >= MinParallel }
	switch kind {
	case phaseUpdate, phaseThreshold:
		for _, g := range n.Groups {
			if big(g.Own()) {
				return true
			}
		}
	case phaseReset:
		// A reset runs for the spiking neurons only: worth a barrier when
		// there are many.
		spikes := 0
		for _, g := range n.Groups {
			if g.reset != nil {
				spikes += len(g.Spikes)
			}
		}
		return spikes >= MinParallel
	case phaseInputs:
		for _, in := range n.Inputs {
			if big(in.Group.Own()) {
				return true
			}
		}
	case phaseSynapses:
		for _, s := range n.Synapses {
			if (s.update != nil || len(s.summed) > 0) && big(s.window()) {
				return true
			}
		}
	case phaseDeliver:
		if j.serial {
			return false
		}
		for _, s := range j.owners {
			if big(s.window()) {
				return true
			}
		}
	}
	return false
}

// deliverPhase is a run of pathways delivered in one parallel phase.
type deliverPhase struct {
	paths  []*Pathway
	owners []*Synapses
	serial bool
}

// conflicts reports whether pathway p of s conflicts with a pathway of the
// phase (see plan).
func (d *deliverPhase) conflicts(s *Synapses, p *Pathway) bool {
	for k, q := range d.paths {
		if conflict(s, p, d.owners[k], q) || conflict(d.owners[k], q, s, p) {
			return true
		}
	}
	return false
}

// conflict reports whether pathway p of s reads a presynaptic variable
// (not a trace) that pathway q of r writes as a postsynaptic variable of
// the same group.
func conflict(s *Synapses, p *Pathway, r *Synapses, q *Pathway) bool {
	if s.Src != r.Tgt {
		return false
	}
	for _, bp := range []*bound{p.prog, p.progNow} {
		if bp == nil {
			continue
		}
		for _, read := range bp.prog.Slots {
			if read.Index != ir.Pre || TraceArray(read.Name) {
				continue
			}
			for _, bq := range []*bound{q.prog, q.progNow} {
				if bq == nil {
					continue
				}
				for _, w := range bq.prog.Slots {
					if w.Index == ir.Post && w.Written && w.Name == read.Name {
						return true
					}
				}
			}
		}
	}
	return false
}

// plan groups the pathways into delivery phases: consecutive pathways that
// may be split by target share a phase; one that may not has its own. A
// pathway whose code reads a presynaptic variable that it, or a pathway
// already in the phase, writes as a postsynaptic variable of the same
// group cannot share a phase with that code: a member would read a neuron
// that another member's events are changing. It starts a phase of its
// own, and runs alone if it conflicts with itself.
func (n *Network) plan() []deliverPhase {
	var out []deliverPhase
	for _, s := range n.Synapses {
		for _, p := range s.Pathways {
			if p.prog == nil {
				continue
			}
			alone := !p.parallel || conflict(s, p, s, p)
			if alone || len(out) == 0 || out[len(out)-1].serial || out[len(out)-1].conflicts(s, p) {
				out = append(out, deliverPhase{serial: alone})
			}
			last := &out[len(out)-1]
			last.paths = append(last.paths, p)
			last.owners = append(last.owners, s)
		}
	}
	return out
}

// updatePart runs member w's block of the state update and, when the
// threshold is fused into the update's phase, selects the block's
// spiking elements right after.
func (g *Group) updatePart(w, workers int, step uint64, t float64) error {
	lo, hi := g.block(w, workers)
	if lo == hi {
		return nil
	}
	if bd := g.update; bd != nil {
		if err := bd.machines[w].Range(bd.setTime(w, step, t, true), lo, hi); err != nil {
			return err
		}
	}
	if g.fused {
		return g.filter(w, lo, hi, step, t)
	}
	return nil
}

// thresholdPart selects the spiking elements of member w's block, when the
// threshold is not fused into the update's phase.
func (g *Group) thresholdPart(w, workers int, step uint64, t float64) error {
	if g.fused || g.threshold == nil || g.Emit != nil {
		return nil
	}
	lo, hi := g.block(w, workers)
	if lo == hi {
		return nil
	}
	return g.filter(w, lo, hi, step, t)
}

// filter runs the threshold over elements lo to hi-1 into member w's part.
func (g *Group) filter(w, lo, hi int, step uint64, t float64) error {
	bd := g.threshold
	var err error
	g.parts[w], err = bd.machines[w].Filter(bd.setTime(w, step, t, false), lo, hi, g.parts[w][:0])
	return err
}

// gather collects the step's spikes, ascending.
func (g *Group) gather(step uint64) {
	g.Spikes = g.Spikes[:0]
	if g.Emit != nil {
		g.Spikes = g.Emit(int64(step), g.Spikes)
		return
	}
	for w := range g.parts {
		g.Spikes = append(g.Spikes, g.parts[w]...)
		g.parts[w] = g.parts[w][:0]
	}
}

// resetPart resets the spiking elements of member w's block.
func (g *Group) resetPart(w, workers int, step uint64, t float64) error {
	if g.reset == nil || len(g.Spikes) == 0 {
		return nil
	}
	lo, hi := g.block(w, workers)
	if lo == hi {
		return nil
	}
	a := sort.Search(len(g.Spikes), func(k int) bool { return g.Spikes[k] >= int32(lo) })
	b := sort.Search(len(g.Spikes), func(k int) bool { return g.Spikes[k] >= int32(hi) })
	if a == b {
		return nil
	}
	return g.reset.machines[w].Indices(g.reset.setTime(w, step, t, true), g.Spikes[a:b])
}

// updatePart runs the clock-driven update of the synapses onto member w's
// block of postsynaptic neurons, then the summed variables of the block.
func (s *Synapses) updatePart(w, workers int, step uint64, t float64) error {
	lo, hi := s.block(w, workers)
	if lo == hi {
		return nil
	}
	begin, end := s.rows(w, lo, hi)
	if bd := s.update; bd != nil {
		if err := bd.machines[w].Rows(bd.setTime(w, step, t, true), s.allRows, begin, end); err != nil {
			return err
		}
	}
	for _, sm := range s.summed {
		clear(s.Tgt.Arrays[sm.Target][s.TgtLo+lo : s.TgtLo+hi])
		bd := sm.prog
		if err := bd.machines[w].Rows(bd.setTime(w, step, t, true), s.allRows, begin, end); err != nil {
			return err
		}
	}
	return nil
}
