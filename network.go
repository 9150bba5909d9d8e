package cajal

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"sync/atomic"
	"time"

	"github.com/cajal-sim/cajal/internal/sim"
	"github.com/cajal-sim/cajal/record"
	"github.com/cajal-sim/cajal/unit"
)

// Options configure a network.
type Options struct {
	Dt   unit.Quantity // time step; zero means 0.1 ms
	Seed uint64        // seed of all random numbers; one seed, one result
	// Threads is the number of worker goroutines, at most MaxThreads; 0
	// chooses from the work per step, at most one per processor.
	Threads int
	// Progress, if set, is called during a run with the simulated time
	// done and the run's total, both in seconds.
	Progress func(done, total float64)
	// Report, if set, receives a line of text progress now and then, as
	// Brian2's report='text'.
	Report io.Writer
	// Interpret runs every program in the interpreter, even where code
	// compiled ahead of time exists (package internal/native); both give
	// the same results.
	Interpret bool
	// RecordDir, if set, is a folder to which every monitor streams its
	// records as the run goes (see package record and docs/data.md), in a
	// file named after its source: exc_spikes.npy, exc_states.npy,
	// exc_rate.npy, ee_pre_w.npy; the folder is made if needed. Monitors
	// keep their records in memory too unless made with DiskOnly.
	RecordDir string
}

// MaxThreads bounds Options.Threads: more workers than processors only
// add barriers.
const MaxThreads = 512

// Network holds groups and monitors and advances them in time.
type Network struct {
	opts     Options
	dt       float64
	sim      sim.Network
	groups   []*NeuronGroup
	synapses []*SynapseGroup
	ids      int

	writers   []*record.Writer // the monitors' files
	names     map[string]bool  // file names taken
	recordErr error            // a monitor file that could not be made
	stopNote  string           // why the last run stopped early
	closed    bool
	running   bool

	tables         []*tableBinding                     // TimedArrays' arrays, filled each step
	regulars       []*regular                          // run_regularly blocks
	thresholdTasks []func(step int64, t float64) error // after the threshold
	inputTasks     []func(step int64, t float64) error // then, as synapses
	inputs         []*poissonInput
	events         []*EventMonitor
	snapshots      map[string]*snapshot
}

// nextID numbers the network's objects (their random streams).
func (n *Network) nextID() int {
	n.ids++
	return n.ids - 1
}

// NewNetwork makes an empty network.
func NewNetwork(opts Options) (*Network, error) {
	dt := 1e-4
	if opts.Dt != (unit.Quantity{}) {
		if !opts.Dt.Dim.Equal(unit.Second.Dim) {
			return nil, fmt.Errorf("cajal: dt must be a duration, got dimension %s", opts.Dt.Dim)
		}
		dt = opts.Dt.Value
		if !(dt > 0) || math.IsInf(dt, 0) {
			return nil, fmt.Errorf("cajal: dt must be positive, got %v", opts.Dt)
		}
	}
	if opts.Threads < 0 || opts.Threads > MaxThreads {
		return nil, fmt.Errorf("cajal: Threads must be from 0 (automatic) to %d, got %d", MaxThreads, opts.Threads)
	}
	if opts.RecordDir != "" {
		if err := record.CheckDir(opts.RecordDir); err != nil {
			return nil, fmt.Errorf("cajal: RecordDir: %w", err)
		}
	}
	n := &Network{opts: opts, dt: dt}
	n.sim = sim.Network{Dt: dt, Seed: opts.Seed, Workers: opts.Threads}
	n.sim.Monitors = []sim.Monitor{prelude{n}}
	n.sim.AfterThreshold = n.afterThreshold
	return n, nil
}

// Dt is the time step in seconds.
func (n *Network) Dt() float64 { return n.dt }

// T is the current time in seconds.
func (n *Network) T() float64 { return n.sim.Time() }

// Run advances the network by d. Models are compiled at the start of each
// run with the namespaces' current values. A run that diverges stops with a
// *DivergenceError; the monitors keep what they recorded. At its end, even
// an early one, Run flushes the monitors' files.
func (n *Network) Run(d unit.Quantity) error { return n.RunContext(context.Background(), d) }

// RunContext is Run, stopped at the next step boundary once ctx is done:
// it then flushes the monitors' files and returns an error that wraps
// ctx's (errors.Is(err, context.Canceled)); the network's time is that of
// the first step not run, and a later run continues from there.
func (n *Network) RunContext(ctx context.Context, d unit.Quantity) error {
	if n.recordErr != nil {
		return n.recordErr
	}
	if n.closed && len(n.writers) > 0 {
		return fmt.Errorf("cajal: the network's files were closed; make a new network to run again")
	}
	if !d.Dim.Equal(unit.Second.Dim) {
		return fmt.Errorf("cajal: a run takes a duration, got dimension %s", d.Dim)
	}
	if d.Value < 0 || math.IsNaN(d.Value) || math.IsInf(d.Value, 0) {
		return fmt.Errorf("cajal: a run's duration must be positive and finite, got %v", d)
	}
	if n.running {
		return fmt.Errorf("cajal: a run cannot start inside another (from a network operation)")
	}
	n.running = true
	defer func() { n.running = false }()
	steps := int64(math.Round(d.Value / n.dt))
	if err := n.prepareRun(); err != nil {
		return err
	}
	codes := make([]sim.SynapseCode, len(n.synapses))
	for k, s := range n.synapses {
		var err error
		if codes[k], err = s.build(); err != nil {
			return err
		}
		s.ss.Clocked = len(codes[k].Update) > 0 || len(codes[k].Summed) > 0
	}
	workers := n.sim.WorkerCount()
	for _, g := range n.groups {
		code, err := g.build()
		if err != nil {
			return err
		}
		g.sg.Interpret = n.opts.Interpret
		if err := g.sg.Compile(code, n.opts.Seed, workers); err != nil {
			return err
		}
	}
	for k, s := range n.synapses {
		s.ss.Interpret = n.opts.Interpret
		if err := s.compile(codes[k], workers); err != nil {
			return err
		}
	}
	start := time.Now()
	var progress func(int64)
	if n.opts.Progress != nil || n.opts.Report != nil {
		lastReport := start
		progress = func(done int64) {
			if n.opts.Progress != nil {
				n.opts.Progress(float64(done)*n.dt, float64(steps)*n.dt)
			}
			if n.opts.Report != nil && (time.Since(lastReport) > 10*time.Second || done == steps) {
				lastReport = time.Now()
				fmt.Fprintf(n.opts.Report, "%.6g s simulated of %.6g s (%d%%) in %s\n",
					float64(done)*n.dt, float64(steps)*n.dt, done*100/max(steps, 1), time.Since(start).Round(time.Millisecond))
			}
		}
	}
	n.stopNote = ""
	err := n.runSteps(ctx, steps, progress)
	if err != nil {
		n.stopNote = fmt.Sprintf("recording ended at t = %g s: %v", n.T(), err)
	}
	return errors.Join(err, n.Flush())
}

// runSteps runs the clock, stopping at a step boundary once ctx is done.
func (n *Network) runSteps(ctx context.Context, steps int64, progress func(int64)) error {
	if ctx.Done() != nil {
		var stop atomic.Bool
		stop.Store(ctx.Err() != nil)
		done := make(chan struct{})
		defer close(done)
		go func() {
			select {
			case <-ctx.Done():
				stop.Store(true)
			case <-done:
			}
		}()
		n.sim.Stop = &stop
		defer func() { n.sim.Stop = nil }()
	}
	err := n.sim.Run(steps, progress)
	if errors.Is(err, sim.ErrStopped) {
		if cause := context.Cause(ctx); cause != ctx.Err() {
			return fmt.Errorf("cajal: run stopped at t = %g s: %w (%w)", n.T(), ctx.Err(), cause)
		}
		return fmt.Errorf("cajal: run stopped at t = %g s: %w", n.T(), ctx.Err())
	}
	return err
}

// Programs reports how many programs the last run compiled and how many of
// them ran code compiled ahead of time rather than the interpreter.
func (n *Network) Programs() (native, total int) {
	for _, g := range n.groups {
		a, b := g.sg.Programs()
		native, total = native+a, total+b
	}
	for _, s := range n.synapses {
		a, b := s.ss.Programs()
		native, total = native+a, total+b
	}
	return native, total
}
