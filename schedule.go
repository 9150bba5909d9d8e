package cajal

import (
	"cmp"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/rng"
	"github.com/cajal-sim/cajal/internal/sim"
	"github.com/cajal-sim/cajal/unit"
)

// What runs at the start of a step (Brian2's "start" slot), in this
// order: the TimedArrays' current values are filled in; then monitors,
// run_regularly blocks and network operations, in the order they were
// added to the network. Then come the state updates (see
// docs/step-order.md).

// prelude is the network's first monitor: it fills the arrays of the
// TimedArrays for the step.
type prelude struct{ n *Network }

func (p prelude) Start(step int64, _ float64) error {
	for _, b := range p.n.tables {
		if err := b.fill(step, p.n.dt); err != nil {
			return err
		}
	}
	return nil
}

func (p prelude) End(int64, float64) error { return nil }

// QuietAt says that Start fills nothing when the network has no
// TimedArrays.
func (p prelude) QuietAt(int64) bool { return len(p.n.tables) == 0 }

// Stateless says that a checkpoint has nothing of the prelude's to save:
// what it fills depends on the step alone.
func (p prelude) Stateless() {}

// afterThreshold runs the work of Brian2's thresholds slot that follows
// the threshold (spike monitors reading variables, event monitors), then
// the inputs of its synapses slot (PoissonInput), each in the order added.
func (n *Network) afterThreshold(step int64, t float64) error {
	// A process of a split network runs every task after an error too:
	// tasks may make collective calls (Sync) that the others make.
	var first error
	for _, f := range n.thresholdTasks {
		if err := f(step, t); err != nil {
			if !n.sim.Split() {
				return err
			}
			first = cmp.Or(first, err)
		}
	}
	return first
}

// bindInputs binds the inputs (PoissonInput) for a run with workers
// members; they run in the step's inputs phase (internal/sim), moved to
// compiled code as the groups' programs are.
func (n *Network) bindInputs(workers int) error {
	n.sim.Inputs, n.sim.Extra = n.sim.Inputs[:0], n.sim.Extra[:0]
	for _, p := range n.inputs {
		if err := p.compile(workers); err != nil {
			return err
		}
		n.sim.Inputs = append(n.sim.Inputs, p.in)
		n.sim.Extra = append(n.sim.Extra, sim.ExtraProgram{Prog: p.in.Prog, Machines: p.in.Machines})
	}
	return nil
}

// regular is a code block run on a group's elements every few steps, as
// Brian2's run_regularly.
type regular struct {
	n     *Network
	name  string
	id    int
	every int64
	build func() (ir.Block, error)
	eval  func(b ir.Block, key rng.Key, lo, hi int, t float64) error
	span  func() (lo, hi int) // the elements this process computes
	// synapses says the block runs on synapses.
	synapses bool
	block    ir.Block
	code     string // the statements, as given
}

func (r *regular) Start(step int64, t float64) error {
	if step%r.every != 0 || len(r.block) == 0 {
		return nil
	}
	key := rng.NewKey(r.n.opts.Seed, 3<<60|uint64(r.id)<<40|uint64(step))
	lo, hi := r.span()
	if err := r.eval(r.block, key, lo, hi, t); err != nil {
		return fmt.Errorf("cajal: %s at t = %g s: %w", r.name, t, err)
	}
	return nil
}

func (r *regular) End(int64, float64) error { return nil }

// QuietAt says that Start runs nothing at steps between the block's runs.
func (r *regular) QuietAt(step int64) bool { return step%r.every != 0 || len(r.block) == 0 }

// Stateless says that when a block runs depends on the step alone.
func (r *regular) Stateless() {}

// addRegular checks a run_regularly block and schedules it.
func (n *Network) addRegular(r *regular, interval unit.Quantity) error {
	if r.code == "" {
		return fmt.Errorf("cajal: %s: no statements to run", r.name)
	}
	every, err := n.every(interval)
	if err != nil {
		return fmt.Errorf("%s: %w", r.name, err)
	}
	if _, err := r.build(); err != nil {
		return err
	}
	r.n, r.every, r.id = n, every, n.nextID()
	n.regulars = append(n.regulars, r)
	n.sim.Monitors = append(n.sim.Monitors, r)
	return nil
}

// RunRegularly runs code, statements as in a reset ("v = vr"), for every
// neuron of the group every interval of simulated time, as Brian2's
// run_regularly: at the start of the steps whose time is a multiple of
// interval (t = 0, interval, 2*interval, ...), before the state update.
// interval must be a multiple of dt. The code is checked now and again
// with the namespace's values at every Run.
func (g *NeuronGroup) RunRegularly(code string, interval unit.Quantity) error {
	if g.invalid() {
		return errInvalid("the neuron group")
	}
	r := &regular{name: g.spec.Name + ".run_regularly", eval: g.sg.EvalRange, span: g.sg.Own, code: strings.TrimSpace(code)}
	r.build = func() (ir.Block, error) {
		s, err := g.scope()
		if err != nil {
			return nil, err
		}
		return s.Statements(r.name, code)
	}
	return g.net.addRegular(r, interval)
}

// RunRegularly runs code for every synapse of the group every interval,
// as NeuronGroup.RunRegularly does for neurons; the code may read and
// write synaptic variables and read the neurons' (v_pre, v_post).
func (s *SynapseGroup) RunRegularly(code string, interval unit.Quantity) error {
	if s.invalid() {
		return errInvalid("the synapse group")
	}
	if err := s.pin(s.mentioned(code)...); err != nil {
		return err
	}
	r := &regular{name: s.spec.Name + ".run_regularly", eval: s.ss.EvalRange, span: func() (int, int) { return 0, s.ss.N() },
		code: strings.TrimSpace(code), synapses: true}
	r.build = func() (ir.Block, error) {
		sc, err := s.scope()
		if err != nil {
			return nil, err
		}
		return sc.Statements(r.name, code)
	}
	return s.net.addRegular(r, interval)
}

// operation is a Go function called at chosen steps.
type operation struct {
	n     *Network
	every int64   // call every this many steps, if > 0
	steps []int64 // else at these steps, ascending
	f     func(*Network) error
}

func (o *operation) Start(step int64, t float64) error {
	if o.QuietAt(step) {
		return nil
	}
	if err := o.f(o.n); err != nil {
		return fmt.Errorf("cajal: network operation at t = %g s: %w", t, err)
	}
	return nil
}

func (o *operation) End(int64, float64) error { return nil }

// QuietAt says that the function is not called at step.
func (o *operation) QuietAt(step int64) bool {
	if o.every > 0 {
		return step%o.every != 0
	}
	k := sort.Search(len(o.steps), func(k int) bool { return o.steps[k] >= step })
	return k == len(o.steps) || o.steps[k] != step
}

// Stateless says that when an operation runs depends on the step alone (a
// checkpoint cannot save what the function itself keeps).
func (o *operation) Stateless() {}

// Every calls f at the start of every step whose time is a multiple of
// interval (t = 0, interval, ...), before the state update, as Brian2's
// network_operation(dt=interval). f may read and change the groups'
// variables (Get, Set; changes to per-element variables take effect at
// once, to shared variables and namespaces at the next Run); Network.T
// is the step's time. An error from f stops the run and is returned by
// Run. f must not call Run.
func (n *Network) Every(interval unit.Quantity, f func(*Network) error) error {
	every, err := n.every(interval)
	if err != nil {
		return fmt.Errorf("cajal: Every: %w", err)
	}
	if f == nil {
		return fmt.Errorf("cajal: Every: the function is nil")
	}
	n.sim.Monitors = append(n.sim.Monitors, &operation{n: n, every: every, f: f})
	return nil
}

// At calls f at the start of the steps at the given times (each rounded
// to the nearest step), as Every does.
func (n *Network) At(times []unit.Quantity, f func(*Network) error) error {
	if f == nil {
		return fmt.Errorf("cajal: At: the function is nil")
	}
	var steps []int64
	for k, t := range times {
		if !t.Dim.Equal(unit.Second.Dim) || t.Value < 0 || math.IsNaN(t.Value) || math.IsInf(t.Value, 0) {
			return fmt.Errorf("cajal: At: time %d must be a finite, non-negative duration, got %v", k, t)
		}
		steps = append(steps, int64(math.Round(t.Value/n.dt)))
	}
	sort.Slice(steps, func(a, b int) bool { return steps[a] < steps[b] })
	n.sim.Monitors = append(n.sim.Monitors, &operation{n: n, steps: steps, f: f})
	return nil
}

// prepareRun readies what the network itself runs during a run: the
// TimedArrays' arrays, the run_regularly blocks and the inputs, checked
// against the namespaces' current values; the inputs' programs are
// handed to the tiers, to run compiled as the groups' do.
func (n *Network) prepareRun() error {
	if err := n.prepareTables(); err != nil {
		return err
	}
	for _, r := range n.regulars {
		b, err := r.build()
		if err != nil {
			return err
		}
		r.block = b
	}
	for _, p := range n.inputs {
		if _, err := p.block(); err != nil { // bound by bindInputs
			return err
		}
	}
	for _, m := range n.events {
		if err := m.compile(); err != nil {
			return err
		}
	}
	return nil
}
