package sim

import (
	"errors"
	"runtime"
	"sync/atomic"

	"github.com/cajal-sim/cajal/internal/kernel"
)

// Network is the clock and the objects it runs.
type Network struct {
	Dt       float64 // seconds
	Seed     uint64
	Workers  int // goroutines for element-wise programs; 0 means GOMAXPROCS
	Step     int64
	Groups   []*Group
	Synapses []*Synapses
	Monitors []Monitor
	// Stop, if not nil, is checked at the start of every step: once it is
	// true, Run returns ErrStopped before the step.
	Stop *atomic.Bool
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

// MinParallel is the smallest group that is split across workers.
const MinParallel = 4 * kernel.ChunkSize

// WorkerCount is the number of workers a run uses.
func (n *Network) WorkerCount() int {
	if n.Workers > 0 {
		return n.Workers
	}
	return runtime.GOMAXPROCS(0)
}

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
	every := max(steps/100, 1)
	for s := int64(0); s < steps; s++ {
		if n.Stop != nil && n.Stop.Load() {
			return ErrStopped
		}
		step := n.Step
		t := float64(step) * n.Dt
		for _, m := range n.Monitors {
			if err := m.Start(step, t); err != nil {
				return err
			}
		}
		for _, g := range n.Groups {
			if err := g.runUpdate(uint64(step), t, c); err != nil {
				return n.stop(g.Name, err, step, t)
			}
		}
		for _, s := range n.Synapses {
			if err := s.StepUpdate(uint64(step), t, c); err != nil {
				return n.stop(s.Name, err, step, t)
			}
		}
		for _, g := range n.Groups {
			if err := g.runThreshold(uint64(step), t, c); err != nil {
				return err
			}
		}
		for _, s := range n.Synapses {
			if err := s.Deliver(uint64(step), t, c); err != nil {
				return err
			}
		}
		for _, g := range n.Groups {
			if err := g.runReset(uint64(step), t); err != nil {
				return err
			}
		}
		for _, m := range n.Monitors {
			if err := m.End(step, t); err != nil {
				return err
			}
		}
		n.Step++
		if progress != nil && (s+1)%every == 0 {
			progress(s + 1)
		}
	}
	return nil
}

// stop ends a run on an error of a state update: a NaN or infinite value
// becomes a DivergenceError, after the monitors have recorded the step.
func (n *Network) stop(group string, err error, step int64, t float64) error {
	var nf *kernel.NonFinite
	if !errors.As(err, &nf) {
		return err
	}
	for _, m := range n.Monitors {
		if merr := m.End(step, t); merr != nil {
			return errors.Join(merr, &DivergenceError{Group: group, Var: nf.Name, Elem: nf.Elem, Time: t, Value: nf.Value})
		}
	}
	return &DivergenceError{Group: group, Var: nf.Name, Elem: nf.Elem, Time: t, Value: nf.Value}
}

func (g *Group) runUpdate(step uint64, t float64, c *crew) error {
	bd := g.update
	if bd == nil {
		return nil
	}
	g.job = stepJob{bd: bd, step: step, t: t, check: true, filter: g.fused, parts: g.parts}
	return c.parallel(g.N, &g.job)
}

func (g *Group) runThreshold(step uint64, t float64, c *crew) error {
	g.Spikes = g.Spikes[:0]
	if g.Emit != nil {
		g.Spikes = g.Emit(int64(step), g.Spikes)
		return nil
	}
	if !g.fused {
		bd := g.threshold
		if bd == nil {
			return nil
		}
		g.job = stepJob{bd: bd, step: step, t: t, filter: true, parts: g.parts}
		if err := c.parallel(g.N, &g.job); err != nil {
			return err
		}
	}
	for w := range g.parts {
		g.Spikes = append(g.Spikes, g.parts[w]...)
		g.parts[w] = g.parts[w][:0]
	}
	return nil
}

func (g *Group) runReset(step uint64, t float64) error {
	if g.reset == nil || len(g.Spikes) == 0 {
		return nil
	}
	return g.reset.machines[0].Indices(g.reset.setTime(0, step, t, false), g.Spikes)
}
