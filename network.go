package cajal

import (
	"context"
	"errors"
	"fmt"
	"github.com/cajal-sim/cajal/cluster"
	"io"
	"math"
	"os"
	"sync/atomic"
	"time"

	"github.com/cajal-sim/cajal/internal/kernel/cc"
	"github.com/cajal-sim/cajal/internal/sim"
	"github.com/cajal-sim/cajal/record"
	"github.com/cajal-sim/cajal/unit"
)

// Options configure a network.
type Options struct {
	Dt   unit.Quantity // time step; zero means 0.1 ms
	Seed uint64        // seed of all random numbers; one seed, one result
	// Threads is the number of worker goroutines, at most MaxThreads; 0
	// chooses from the work per step, at most one per processor, and a
	// run then keeps the extra workers only while timing says they pay
	// (docs/step-order.md, "Threads").
	Threads int
	// Progress, if set, is called during a run with the simulated time
	// done and the run's total, both in seconds.
	Progress func(done, total float64)
	// Report, if set, receives a line of text progress now and then, as
	// Brian2's report='text'.
	Report io.Writer
	// Tier chooses how programs run: TierAuto (the zero value) starts in
	// the interpreter and moves each program to code compiled by the
	// system C compiler once it is ready; TierNative compiles before the
	// run and fails if it cannot; TierInterp only interprets. All give
	// bit-identical results.
	Tier Tier
	// Notices, if set, receives one-line messages a user should see,
	// such as "running interpreted: no C compiler". Report receives them
	// too.
	Notices io.Writer
	// RecordDir, if set, is a folder to which every monitor streams its
	// records as the run goes (see package record and docs/data.md), in a
	// file named after its source: exc_spikes.npy, exc_states.npy,
	// exc_rate.npy, ee_pre_w.npy; the folder is made if needed. Monitors
	// keep their records in memory too unless made with DiskOnly.
	RecordDir string
	// MemoryLimit bounds, in bytes, the memory the network's groups,
	// synapses and recordings may take; a request that would pass it is
	// refused with a *MemoryError before anything is allocated. Zero means
	// DefaultMemoryFraction of the physical memory (FallbackMemory where
	// that cannot be read).
	MemoryLimit int64
	// Checkpoint, with CheckpointEvery, is a file to which runs write the
	// network's state (Network.Checkpoint) each time the simulated time
	// reaches a multiple of CheckpointEvery; each checkpoint replaces the
	// last, whole.
	Checkpoint      string
	CheckpointEvery unit.Quantity
	// Model, if set, identifies the model beyond what the network's
	// structure and code show (a model file's text, the parameters a
	// program was given): a checkpoint made with another Model is
	// refused by Restore.
	Model string
	// Comm splits the network over processes (ranks), each computing a
	// block of every group and the synapses onto it; nil means
	// cluster.World(): the processes mpirun started, in a binary built
	// with -tags mpi, else this process alone. cluster.Local makes ranks
	// inside one process. Every rank builds the same network and makes
	// the same calls; results are the same bits at any number of ranks.
	// See docs/mpi.md.
	Comm cluster.Comm
}

// Tier is how a network runs its programs; see Options.Tier.
type Tier = cc.Tier

// The tiers.
const (
	TierAuto   = cc.Auto
	TierInterp = cc.Interp
	TierNative = cc.Native
)

// TierEnv names the environment variable that sets the tier of networks
// whose Options.Tier is TierAuto ("interp" or "native"), as the command
// line's --tier does.
const TierEnv = "CAJAL_TIER"

// ParseTier reads "auto", "interp" or "native".
func ParseTier(s string) (Tier, error) { return cc.ParseTier(s) }

// MaxThreads bounds Options.Threads: more workers than processors only
// add barriers.
const MaxThreads = 512

// Network holds groups and monitors and advances them in time.
type Network struct {
	opts      Options
	dt        float64
	sim       sim.Network
	groups    []*NeuronGroup
	synapses  []*SynapseGroup
	ids       int
	ckptEvery int64 // steps between checkpoints; 0 for none

	files     []*monitorFile   // the monitors' files, in the order the monitors were made
	writers   []*record.Writer // the files made or resumed so far
	started   bool             // a run has started (or a state was restored)
	loop      time.Duration    // wall-clock time spent in the clock loop
	stepsRun  int64            // steps run, over all runs
	names     map[string]bool  // file names taken
	recordErr error            // a monitor file that could not be made
	stopNote  string           // why the last run stopped early
	closed    bool

	limit int64 // bytes

	spikeMons []*sim.SpikeMonitor
	stateMons []*sim.StateMonitor
	rateMons  []*sim.RateMonitor
	running   bool

	tables         []*tableBinding                     // TimedArrays' arrays, filled each step
	regulars       []*regular                          // run_regularly blocks
	thresholdTasks []func(step int64, t float64) error // after the threshold
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
	if opts.MemoryLimit < 0 {
		return nil, fmt.Errorf("cajal: MemoryLimit must not be negative (0 chooses from the physical memory), got %d", opts.MemoryLimit)
	}
	if opts.Tier > TierNative {
		return nil, fmt.Errorf("cajal: Tier must be TierAuto, TierInterp or TierNative, got %d", opts.Tier)
	}
	if opts.Tier == TierAuto && os.Getenv(TierEnv) != "" {
		t, err := ParseTier(os.Getenv(TierEnv))
		if err != nil {
			return nil, fmt.Errorf("cajal: %s: %v", TierEnv, err)
		}
		opts.Tier = t
	}
	n := &Network{opts: opts, dt: dt, limit: memoryLimit(opts)}
	if opts.CheckpointEvery != (unit.Quantity{}) {
		every, err := n.every(opts.CheckpointEvery)
		if err != nil {
			return nil, fmt.Errorf("cajal: CheckpointEvery: %w", err)
		}
		if opts.Checkpoint == "" {
			return nil, fmt.Errorf("cajal: CheckpointEvery needs a Checkpoint file")
		}
		n.ckptEvery = every
	}
	if opts.Comm == nil {
		opts.Comm = cluster.World()
	}
	n.opts.Comm = opts.Comm
	n.sim = sim.Network{Dt: dt, Seed: opts.Seed, Workers: opts.Threads, Tier: opts.Tier, Notice: n.notice, Comm: opts.Comm}
	n.sim.Monitors = []sim.Monitor{prelude{n}}
	n.sim.AfterThreshold = n.afterThreshold
	return n, nil
}

// NativeAvailable reports why compiled kernels (TierNative) cannot run in
// this process — no C compiler, or a binary built with the cajal_static
// tag — or nil when they can.
func NativeAvailable() error { return cc.Available() }

// SetTier changes how the next runs execute their programs (Options.Tier);
// results do not change.
func (n *Network) SetTier(t Tier) error {
	if n.invalid() {
		return errNetwork
	}
	if t > TierNative {
		return fmt.Errorf("cajal: SetTier: TierAuto, TierInterp or TierNative, got %d", t)
	}
	n.opts.Tier = t
	n.sim.Tier = t
	return nil
}

// notice passes a message for the user to Options.Notices and Report.
func (n *Network) notice(msg string) {
	for _, w := range []io.Writer{n.opts.Notices, n.opts.Report} {
		if w != nil {
			fmt.Fprintf(w, "cajal: %s\n", msg)
		}
	}
}

// Dt is the time step.
func (n *Network) Dt() unit.Quantity {
	if n.invalid() {
		return unit.Quantity{}
	}
	return unit.Q(n.dt, unit.Second)
}

// T is the current time: the time of the next step to run.
func (n *Network) T() unit.Quantity {
	if n.invalid() {
		return unit.Quantity{}
	}
	return unit.Q(n.sim.Time(), unit.Second)
}

// now is the current time in seconds.
func (n *Network) now() float64 { return n.sim.Time() }

// invalid reports a nil network or one not made by NewNetwork.
func (n *Network) invalid() bool { return n == nil || n.dt == 0 }

var errNetwork = fmt.Errorf("cajal: the network is nil or was not made by NewNetwork")

// Run advances the network by d. Models are compiled at the start of each
// run with the namespaces' current values. A run that diverges stops with a
// *DivergenceError; the monitors keep what they recorded. At its end, even
// an early one, Run flushes the monitors' files.
func (n *Network) Run(d unit.Quantity) error { return n.RunContext(context.Background(), d) }

// RunContext is Run, stopped at the next step boundary once ctx is done:
// it then flushes the monitors' files and returns an error that wraps
// ctx's (errors.Is(err, context.Canceled)); the network's time is that of
// the first step not run, and a later run continues from there. In a
// network split over processes, all stop at the same step when one's ctx
// is done; the others' errors wrap context.Canceled.
func (n *Network) RunContext(ctx context.Context, d unit.Quantity) error {
	if n.invalid() {
		return errNetwork
	}
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
	steps, err := n.steps(d)
	if err != nil {
		return err
	}
	if err := n.reserveRecordings(steps); err != nil {
		return err
	}
	if err := n.prepareRun(); err != nil {
		return err
	}
	if err := n.openFiles(); err != nil {
		return err
	}
	n.started = true
	codes := make([]sim.SynapseCode, len(n.synapses))
	for k, s := range n.synapses {
		if codes[k], err = s.build(false); err != nil {
			return err
		}
		s.ss.Clocked = len(codes[k].Update) > 0 || len(codes[k].Summed) > 0
	}
	if err := n.checkSplit(); err != nil {
		return err
	}
	n.sim.Distribute()
	// Spikes travel after every threshold when something reads other
	// processes' spikes during the run: spike monitors recording
	// variables, and network operations (which may read monitors).
	n.sim.EveryStep = len(n.thresholdTasks) > 0
	for _, m := range n.sim.Monitors {
		if _, ok := m.(*operation); ok {
			n.sim.EveryStep = true
		}
	}
	workers := n.sim.WorkerCount()
	for _, g := range n.groups {
		code, err := g.build(false)
		if err != nil {
			return err
		}
		if err := g.sg.Compile(code, n.opts.Seed, workers); err != nil {
			return err
		}
	}
	for k, s := range n.synapses {
		if err := s.compile(codes[k], workers); err != nil {
			return err
		}
	}
	if err := n.bindInputs(workers); err != nil {
		return err
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
	loopStart, step0, compiling := time.Now(), n.sim.Step, n.sim.Compiling
	err = n.runSteps(ctx, steps, progress)
	n.loop += time.Since(loopStart) - (n.sim.Compiling - compiling)
	n.stepsRun += n.sim.Step - step0
	if err != nil {
		n.stopNote = fmt.Sprintf("recording ended at t = %g s: %v", n.now(), err)
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
	err := n.runChunks(steps, progress)
	if errors.Is(err, sim.ErrStopped) {
		if ctx.Err() == nil { // split: another process was stopped, all stop
			return fmt.Errorf("cajal: run stopped at t = %g s: another process was stopped: %w", n.now(), context.Canceled)
		}
		if cause := context.Cause(ctx); cause != ctx.Err() {
			return fmt.Errorf("cajal: run stopped at t = %g s: %w (%w)", n.now(), ctx.Err(), cause)
		}
		return fmt.Errorf("cajal: run stopped at t = %g s: %w", n.now(), ctx.Err())
	}
	return err
}

// MaxSteps bounds the steps of a network's life: beyond 2^53 steps the
// time step*dt is no longer exact in float64.
const MaxSteps = 1 << 53

// steps converts a run's duration to steps, refusing counts the step
// counter and the time cannot hold.
func (n *Network) steps(d unit.Quantity) (int64, error) {
	f := math.Round(d.Value / n.dt)
	if f > float64(MaxSteps-n.sim.Step) {
		return 0, fmt.Errorf("cajal: a run of %g s is %.3g steps of dt = %g s; a network runs at most 2^53 steps in all (%d done)",
			d.Value, f, n.dt, n.sim.Step)
	}
	return int64(f), nil
}

// reserveRecordings refuses a run whose state and rate monitors would
// keep in memory more than the memory limit allows. Spike monitors grow
// with the spikes, which cannot be known before the run; monitors that
// only stream to files keep nothing.
func (n *Network) reserveRecordings(steps int64) error {
	var b float64
	for _, m := range n.stateMons {
		if !m.Keep {
			continue
		}
		samples := float64((steps + m.Every - 1) / m.Every)
		b += samples * (8 + 8*float64(len(m.Vars)*len(m.Indices)))
	}
	for _, m := range n.rateMons {
		if m.Keep {
			b += float64(steps) * 16
		}
	}
	if b == 0 {
		return nil
	}
	return n.reserve(fmt.Sprintf("the recordings of a run of %d steps", steps), b)
}

// runChunks runs the clock for steps steps, writing a checkpoint each
// time the step is a multiple of the checkpoint interval.
func (n *Network) runChunks(steps int64, progress func(int64)) error {
	for done := int64(0); done < steps; {
		chunk := steps - done
		if n.ckptEvery > 0 {
			chunk = min(chunk, n.ckptEvery-n.sim.Step%n.ckptEvery)
		}
		var p func(int64)
		if progress != nil {
			before := done
			p = func(k int64) { progress(before + k) }
		}
		if err := n.sim.Run(chunk, p); err != nil {
			return err
		}
		done += chunk
		if n.ckptEvery > 0 && n.sim.Step%n.ckptEvery == 0 {
			if err := n.Checkpoint(n.opts.Checkpoint); err != nil {
				return fmt.Errorf("cajal: checkpoint at t = %g s: %w", n.now(), err)
			}
		}
	}
	return nil
}

// Programs reports how many programs the last run had and how many of
// them ran compiled code (tier 1) at its end rather than the interpreter.
func (n *Network) Programs() (native, total int) {
	if n.invalid() {
		return 0, 0
	}
	for _, g := range n.groups {
		a, b := g.sg.Programs()
		native, total = native+a, total+b
	}
	for _, s := range n.synapses {
		a, b := s.ss.Programs()
		native, total = native+a, total+b
	}
	for _, p := range n.inputs {
		if p.in != nil {
			total++
			if p.in.Machines[0].Native() {
				native++
			}
		}
	}
	return native, total
}
