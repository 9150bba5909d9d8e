package cajal

import (
	"fmt"
	"math"

	"github.com/cajal-sim/cajal/internal/check"
	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/kernel"
	"github.com/cajal-sim/cajal/internal/rng"
	"github.com/cajal-sim/cajal/unit"
)

// PoissonInput describes N independent Poisson sources, each firing at
// Rate, that add Weight to the variable Var of every neuron of Target for
// each of their spikes, as Brian2's PoissonInput: no neurons or synapses
// are made. In each step each neuron receives a count drawn from the
// binomial distribution with N trials of probability Rate*dt (exactly, by
// inversion), and Var grows by count*Weight, after the threshold and
// before the reset (Brian2's synapses slot), like synaptic events.
type PoissonInput struct {
	Target Source
	Var    string
	N      int
	Rate   unit.Quantity
	// Weight is a unit.Quantity (or a number for a dimensionless Var), or
	// an expression string in the target's namespace ("J", "0.1*mV").
	Weight any
}

// poissonInput is a PoissonInput bound to its network.
type poissonInput struct {
	n      *Network
	spec   PoissonInput
	g      *NeuronGroup
	lo, hi int
	key    rng.Key
	gp     groupProgram // the input's statement, bound to the group
}

// weightName is the namespace name a PoissonInput's weight takes when it
// is a value rather than an expression.
const weightName = "poissoninput_weight_"

// PoissonInput adds the input; its code is checked now.
func (n *Network) PoissonInput(spec PoissonInput) error {
	if spec.Target == nil {
		return fmt.Errorf("cajal: PoissonInput: Target is required")
	}
	g, lo, hi := spec.Target.span()
	if g.net != n {
		return fmt.Errorf("cajal: PoissonInput: the target must belong to this network")
	}
	if spec.N < 0 {
		return fmt.Errorf("cajal: PoissonInput onto %s: N must not be negative, got %d", g.spec.Name, spec.N)
	}
	if !spec.Rate.Dim.Equal(unit.Hertz.Dim) || !(spec.Rate.Value >= 0) || math.IsInf(spec.Rate.Value, 0) {
		return fmt.Errorf("cajal: PoissonInput onto %s: the rate must be a finite, non-negative frequency, got %v", g.spec.Name, spec.Rate)
	}
	if p := spec.Rate.Value * n.dt; p > 1 {
		return fmt.Errorf("cajal: PoissonInput onto %s: rate*dt = %g is more than 1", g.spec.Name, p)
	}
	p := &poissonInput{n: n, spec: spec, g: g, lo: lo, hi: hi}
	p.key = rng.NewKey(n.opts.Seed, 5<<59|uint64(n.nextID()))
	if _, err := p.block(); err != nil {
		return err
	}
	n.inputs = append(n.inputs, p)
	n.inputTasks = append(n.inputTasks, p.run)
	return nil
}

// block checks the input's statement: Var += binomial(N, Rate*dt) * Weight.
func (p *poissonInput) block() (ir.Block, error) {
	s, err := p.g.scope()
	if err != nil {
		return nil, err
	}
	weight := weightName
	switch w := p.spec.Weight.(type) {
	case string:
		weight = w
	case nil:
		return nil, fmt.Errorf("cajal: PoissonInput onto %s: Weight is required", p.g.spec.Name)
	default:
		v, err := check.ValueOf(w)
		if err != nil {
			return nil, fmt.Errorf("cajal: PoissonInput onto %s: Weight: %v", p.g.spec.Name, err)
		}
		s.Namespace[weightName] = v
	}
	code := fmt.Sprintf("%s += binomial(%d, %.17g) * (%s)", p.spec.Var, p.spec.N, p.spec.Rate.Value*p.n.dt, weight)
	return s.Statements(p.g.spec.Name+".PoissonInput", code)
}

// compile prepares the input for a run.
func (p *poissonInput) compile() error {
	b, err := p.block()
	if err != nil {
		return err
	}
	prog, err := kernel.Compile(b, nil)
	if err != nil {
		return err
	}
	p.gp, err = bindGroupProgram(p.g.spec.Name+".PoissonInput", prog, p.g, p.key)
	return err
}

// run adds the step's input. The draws depend on the neuron, the step
// and the input only, so any number of threads gives the same result.
func (p *poissonInput) run(step int64, t float64) error {
	olo, ohi := p.g.sg.Own() // the neurons this process computes
	lo, hi := max(p.lo, olo), min(p.hi, ohi)
	if lo >= hi {
		return nil
	}
	return p.gp.mach.Range(p.gp.at(step, t), lo, hi)
}
