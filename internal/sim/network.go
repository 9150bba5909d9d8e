package sim

import (
	"cmp"
	"errors"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/cajal-sim/cajal/cluster"
	"github.com/cajal-sim/cajal/internal/kernel"
	"github.com/cajal-sim/cajal/internal/kernel/cc"
)

// Network is the clock and the objects it runs.
type Network struct {
	Dt       float64 // seconds
	Seed     uint64
	Workers  int // goroutines that share a step's work; 0: WorkerCount chooses, and each run measures whether they pay (tune.go)
	Step     int64
	Groups   []*Group
	Synapses []*Synapses
	Monitors []Monitor
	// Tier chooses how programs run: interpreted, compiled before the
	// run, or (the zero value) interpreted until compiled code is ready.
	Tier cc.Tier
	// Compiling is the time runs spent waiting for compiled code before
	// their first step (cc.Native).
	Compiling time.Duration
	// Notice, if set, receives one-line messages the user should see
	// (compiled code unavailable, running interpreted).
	Notice func(string)
	tiers  tiering
	tune   tuner
	// Ahead counts the steps whose state update ran in the step before
	// (ahead.go).
	Ahead int64
	// Stop, if not nil, is checked at the start of every step: once it is
	// true, Run returns ErrStopped before the step.
	Stop *atomic.Bool
	// AfterThreshold, if set, runs every step once the spikes are known and
	// before synaptic events are delivered (Brian2's thresholds slot and
	// the start of its synapses slot): spike monitors that read variables
	// before the reset, inputs added as synapses add theirs.
	AfterThreshold func(step int64, t float64) error
	// Extra are programs the network runs outside its groups and
	// synapses (inputs), each with the machines that run it: they move
	// to compiled code as the groups' programs do. Set before each Run.
	Extra []ExtraProgram
	// Inputs run every step in a parallel phase after AfterThreshold.
	Inputs []*Input
	// Comm, if it has more than one rank, splits the network over them
	// (distribute.go); Distribute must have been called before the
	// groups and synapses were compiled.
	Comm cluster.Comm
	ex   exchanger
	// Exchange is the time spent in exchanges with the other ranks,
	// waiting for them included.
	Exchange time.Duration
	batch    *batcher // the run's spikes exchanged in batches, if not nil
	// EveryStep makes a split network exchange spikes after every
	// threshold even when delays would allow batches (batch.go): work
	// after the threshold reads the spikes of other ranks (spike monitors
	// that record variables).
	EveryStep bool
	// LastBatch is the number of steps whose spikes the last run
	// exchanged at once (1 in one process).
	LastBatch int
}

// ExtraProgram is a program of Network.Extra and the machines that run it.
type ExtraProgram struct {
	Prog     *kernel.Program
	Machines []*kernel.Machine
}

// ErrStopped is the error of a run stopped by Network.Stop.
var ErrStopped = errors.New("stopped")

// Monitor records during a run. An error (a file that cannot be written)
// stops the run.
type Monitor interface {
	// Start is called at the start of each step, before the state update.
	Start(step int64, t float64) error
	// End is called after thresholds and resets.
	End(step int64, t float64) error
}

// A QuietMonitor names the steps at whose start it does nothing, neither
// reading nor writing state. Before such a step for every monitor, the
// step's state update may run early, in the last phase of the step before
// (step.go); a monitor that is not a QuietMonitor is taken to act at
// every step.
type QuietMonitor interface {
	QuietAt(step int64) bool
}

// MinParallel is the smallest group that is split across workers.
const MinParallel = 4 * kernel.ChunkSize

// WorkerCount is the number of workers a run uses: Workers, or, when it is
// 0, one per WorkPerWorker elements of work per step that can be shared,
// at most one per processor. A step's work counts every neuron and every
// synapse with clock-driven equations or summed variables once, and other
// synapses one in a hundred (events at some 10 Hz at 0.1 ms cost about a
// hundredth of a synapse per step, each a little dearer than a neuron
// update). Only the work of groups of at least MinParallel elements (on
// this rank), and of synapses onto them, can be shared: the rest runs on
// one worker.
func (n *Network) WorkerCount() int {
	if n.Workers > 0 {
		return n.Workers
	}
	own := func(g *Group) int {
		lo, hi := g.Own()
		return hi - lo
	}
	shared := func(g *Group) bool { return own(g) >= MinParallel }
	work := 0
	for _, g := range n.Groups {
		if shared(g) {
			work += own(g)
		}
	}
	for _, s := range n.Synapses {
		if !shared(s.Tgt) {
			continue
		}
		if s.Clocked {
			work += s.N()
		} else {
			work += s.N() / 100
		}
	}
	return max(1, min(runtime.GOMAXPROCS(0), work/WorkPerWorker))
}

// WorkPerWorker is the work per step (neuron updates, see WorkerCount)
// that pays for a worker: a phase barrier costs a few microseconds, the
// update of a few thousand neurons.
const WorkPerWorker = 4000

// Time is the time of the current step in seconds.
func (n *Network) Time() float64 { return float64(n.Step) * n.Dt }

// Run advances the network by steps time steps; the groups must have been
// compiled. progress, if not nil, is called with the number of steps done
// now and then. A divergence stops the run with a *DivergenceError after
// the monitors have recorded the step.
func (n *Network) Run(steps int64, progress func(done int64)) error {
	workers := n.WorkerCount()
	var c *crew
	if workers > 1 {
		c = newCrew(workers)
		defer c.close()
	}
	if err := n.checkSplit(); err != nil {
		return err
	}
	started := time.Now()
	err := n.startTiers()
	n.Compiling += time.Since(started)
	if err != nil {
		return err
	}
	j := &phaseJob{n: n, workers: workers, aheadErrs: make([]error, workers)}
	l := &loop{n: n, c: c, j: j, deliveries: n.plan(), split: n.Split()}
	for _, s := range n.Synapses {
		l.synapses = l.synapses || s.update != nil || len(s.summed) > 0
	}
	for _, g := range n.Groups {
		l.thresholds = l.thresholds || (!g.fused && g.threshold != nil && g.Emit == nil)
	}
	l.tail = l.ownTail()
	l.canAhead = l.aheadable()
	if l.split && n.agree(n.stopStatus()) == statusStopped {
		return ErrStopped
	}
	n.batch = n.startBatch()
	defer n.endBatch()
	// Progress every 0.1 % of the run, and at least every 1000 steps, so
	// that long runs report often enough for a time left.
	every := min(max(steps/1000, 1), 1000)
	n.tune.start(n.Workers == 0 && c != nil, n.Step)
	for s := int64(0); s < steps; s++ {
		// A step whose update ran ahead is finished before a stop.
		if !l.split && !l.updated && n.stopStatus() == statusStopped {
			return ErrStopped
		}
		l.c = c
		if !n.tune.crew(n.Step) {
			l.c = nil
		}
		l.more = s+1 < steps
		err := l.step()
		if shared, ok := err.(*sharedError); ok {
			return shared.err
		}
		if !l.split && err != nil {
			return err
		}
		if l.split {
			status := n.batchStatus(err, l.early)
			var worst int32
			if n.batch != nil && (n.batch.full() || s == steps-1) {
				var ferr error
				worst, ferr = n.flush(n.batch, status)
				l.err = cmp.Or(l.err, ferr)
			} else {
				worst = n.agree(status)
				if worst != statusOK && n.batch != nil {
					_, ferr := n.flush(n.batch, status) // the batch so far
					err = cmp.Or(err, ferr)
				}
			}
			switch worst {
			case statusFailed, statusFailedEarly: // here or on another rank, after the step's monitors
				return n.shareError(err)
			case statusStopped:
				n.Step++
				if s+1 < steps {
					return ErrStopped
				}
				continue
			}
		}
		n.Step++
		if progress != nil && (s+1)%every == 0 {
			progress(s + 1)
		}
	}
	return l.err
}

// stopStatus is statusStopped once Stop is set.
func (n *Network) stopStatus() int32 {
	if n.Stop != nil && n.Stop.Load() {
		return statusStopped
	}
	return statusOK
}

// loop is what a run's steps share.
type loop struct {
	n                           *Network
	c                           *crew
	j                           *phaseJob
	deliveries                  []deliverPhase
	synapses, thresholds, split bool
	early                       bool  // the step failed before its spikes were known
	err                         error // a monitor's error at an exchange, reported at the next step
	tail                        bool  // members reset their blocks in the last delivery phase (ahead.go)
	canAhead                    bool  // steps may update ahead (ahead.go)
	more                        bool  // another step follows in this run
	updated                     bool  // the step's update ran ahead, in the last step
	updateErr                   error // its error
}

// step runs one time step. On a rank of a split network an error does not
// end the step at once: the rank skips the step's remaining work but makes
// its collective calls (the exchange, synaptic event logs, the status word
// at the end), so that every rank learns of the error and returns the same
// one.
func (l *loop) step() error {
	n, j, c := l.n, l.j, l.c
	if len(n.tiers.waiting) > 0 {
		n.pollTiers()
	}
	step := n.Step
	t := float64(step) * n.Dt
	j.step, j.t = uint64(step), t
	for _, g := range n.Groups {
		g.Spikes = g.Spikes[:0]
	}
	var err error
	for _, m := range n.Monitors {
		if sm, ok := m.(*StateMonitor); ok && l.split && step%sm.Every == 0 {
			if sm.Syn != nil && sm.Syn.Ordinal != nil {
				n.syncSynapseMonitor(sm)
			} else {
				n.Sync(sm.Group, sm.Vars, sm.elems())
			}
		}
		if err == nil {
			err = m.Start(step, t)
		}
	}
	started := err == nil
	if err == nil {
		if l.updated {
			err = l.updateErr
		} else {
			err = j.run(c, phaseUpdate)
		}
	}
	l.updated, l.updateErr = false, nil
	if err == nil && l.synapses {
		err = j.run(c, phaseSynapses)
	}
	if err == nil && l.thresholds {
		err = j.run(c, phaseThreshold)
	}
	if err == nil {
		for _, g := range n.Groups {
			g.gather(uint64(step))
		}
	}
	l.early = err != nil
	if l.err != nil && err == nil { // a monitor failed at the last exchange
		err, l.err = l.err, nil
	}
	if n.batch != nil {
		n.batch.add(n, step, err == nil)
		if err != nil && started {
			err = n.stop(err, step, t)
		}
	} else if l.split {
		status := int32(statusOK)
		if err != nil {
			status = statusFailed
		}
		failed := false
		for _, s := range n.exchange(status) {
			failed = failed || s == statusFailed
		}
		if failed {
			for _, g := range n.Groups {
				g.Spikes = g.Spikes[:0]
			}
			if started {
				err = n.stop(err, step, t)
			}
			return &sharedError{n.shareError(err)}
		}
	} else if err != nil {
		if started {
			err = n.stop(err, step, t)
		}
		return err
	}
	if err == nil && n.AfterThreshold != nil {
		err = n.AfterThreshold(step, t)
	}
	if err == nil && len(n.Inputs) > 0 {
		if err = j.run(c, phaseInputs); err != nil {
			err = n.stop(err, step, t)
		}
	}
	for _, s := range n.Synapses {
		for _, p := range s.Pathways {
			if e := s.prepare(p, uint64(step), t); e != nil && err == nil {
				err = n.stop(e, step, t)
			}
		}
	}
	fused := false // the resets ran in the last delivery phase
	for k, d := range l.deliveries {
		if err != nil {
			break
		}
		j.paths, j.owners, j.serial = d.paths, d.owners, d.serial
		j.reset = k == len(l.deliveries)-1 && l.tail
		j.next = j.reset && l.ahead(step)
		fused = j.reset
		if err = j.run(c, phaseDeliver); err != nil {
			err = n.stop(err, step, t)
		} else if j.next {
			l.updated = true
			n.Ahead++
			for w, e := range j.aheadErrs {
				l.updateErr = cmp.Or(l.updateErr, e)
				j.aheadErrs[w] = nil
			}
		}
	}
	j.next = false
	for _, s := range n.Synapses {
		for _, p := range s.Pathways {
			if l.split {
				n.finishSplit(s, p)
			} else if err == nil {
				s.finish(p)
			}
		}
	}
	j.reset = false
	if err == nil && !fused {
		if err = j.run(c, phaseReset); err != nil {
			err = n.stop(err, step, t)
		}
	}
	if err == nil {
		for _, m := range n.Monitors {
			if n.batch.later(m) {
				continue // it records at the exchange
			}
			if err = m.End(step, t); err != nil {
				break
			}
		}
	}
	return err
}

// sharedError is an error every rank of a split network already agreed
// on, at the step's exchange.
type sharedError struct{ err error }

func (e *sharedError) Error() string { return e.err.Error() }
func (e *sharedError) Unwrap() error { return e.err }

// stop ends a run on an error of a state update, a pathway or a reset: a
// NaN or infinite value becomes a DivergenceError, after the monitors have
// recorded the step.
func (n *Network) stop(err error, step int64, t float64) error {
	var nf *kernel.NonFinite
	var oe *objectError
	if err == nil { // another rank failed: record the step as it did
		for _, m := range n.Monitors {
			if n.batch.later(m) {
				continue // it records at the exchange
			}
			if merr := m.End(step, t); merr != nil {
				return merr
			}
		}
		return nil
	}
	if !errors.As(err, &nf) || !errors.As(err, &oe) {
		return err
	}
	elem := nf.Elem
	if oe.ordinal != nil && elem >= 0 && elem < len(oe.ordinal) {
		elem = int(oe.ordinal[elem])
	}
	for _, m := range n.Monitors {
		if n.batch.later(m) {
			continue // it records at the exchange
		}
		if merr := m.End(step, t); merr != nil {
			return errors.Join(merr, &DivergenceError{Group: oe.name, Var: nf.Name, Elem: elem, Time: t, Value: nf.Value})
		}
	}
	return &DivergenceError{Group: oe.name, Var: nf.Name, Elem: elem, Time: t, Value: nf.Value}
}
