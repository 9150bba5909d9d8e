package cajal

import (
	"fmt"
	"io"
	"math"
	"time"

	"github.com/cajal-sim/cajal/internal/sim"
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
	// MemoryLimit bounds, in bytes, the memory the network's groups,
	// synapses and recordings may take; a request that would pass it is
	// refused with a *MemoryError before anything is allocated. Zero means
	// DefaultMemoryFraction of the physical memory (FallbackMemory where
	// that cannot be read).
	MemoryLimit int64
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
	limit    int64 // bytes

	spikeMons []*sim.SpikeMonitor
	stateMons []*sim.StateMonitor
	rateMons  []*sim.RateMonitor
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
	if opts.MemoryLimit < 0 {
		return nil, fmt.Errorf("cajal: MemoryLimit must not be negative (0 chooses from the physical memory), got %d", opts.MemoryLimit)
	}
	n := &Network{opts: opts, dt: dt, limit: memoryLimit(opts)}
	n.sim = sim.Network{Dt: dt, Seed: opts.Seed, Workers: opts.Threads}
	return n, nil
}

// Dt is the time step in seconds.
func (n *Network) Dt() float64 {
	if n.invalid() {
		return 0
	}
	return n.dt
}

// T is the current time in seconds.
func (n *Network) T() float64 {
	if n.invalid() {
		return 0
	}
	return n.sim.Time()
}

// invalid reports a nil network or one not made by NewNetwork.
func (n *Network) invalid() bool { return n == nil || n.dt == 0 }

var errNetwork = fmt.Errorf("cajal: the network is nil or was not made by NewNetwork")

// Run advances the network by d. Models are compiled at the start of each
// run with the namespaces' current values. A run that diverges stops with a
// *DivergenceError; the monitors keep what they recorded.
func (n *Network) Run(d unit.Quantity) error {
	if n.invalid() {
		return errNetwork
	}
	if !d.Dim.Equal(unit.Second.Dim) {
		return fmt.Errorf("cajal: a run takes a duration, got dimension %s", d.Dim)
	}
	if d.Value < 0 || math.IsNaN(d.Value) || math.IsInf(d.Value, 0) {
		return fmt.Errorf("cajal: a run's duration must be positive and finite, got %v", d)
	}
	steps, err := n.steps(d)
	if err != nil {
		return err
	}
	if err := n.reserveRecordings(steps); err != nil {
		return err
	}
	codes := make([]sim.SynapseCode, len(n.synapses))
	for k, s := range n.synapses {
		if codes[k], err = s.build(false); err != nil {
			return err
		}
		s.ss.Clocked = len(codes[k].Update) > 0 || len(codes[k].Summed) > 0
	}
	workers := n.sim.WorkerCount()
	for _, g := range n.groups {
		code, err := g.build(false)
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
	return n.sim.Run(steps, progress)
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
// record more than the memory limit allows. Spike monitors grow with the
// spikes, which cannot be known before the run.
func (n *Network) reserveRecordings(steps int64) error {
	var b float64
	for _, m := range n.stateMons {
		samples := float64((steps + m.Every - 1) / m.Every)
		b += samples * (8 + 8*float64(len(m.Vars)*len(m.Indices)))
	}
	b += float64(len(n.rateMons)) * float64(steps) * 16
	if b == 0 {
		return nil
	}
	return n.reserve(fmt.Sprintf("the recordings of a run of %d steps", steps), b)
}

// Programs reports how many programs the last run compiled and how many of
// them ran code compiled ahead of time rather than the interpreter.
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
	return native, total
}
