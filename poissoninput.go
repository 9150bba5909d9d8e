package cajal

import (
	"fmt"
	"github.com/cajal-sim/cajal/internal/sim"
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
	in     *sim.Input // the input's statement, bound to the group for a run
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

// compile prepares the input for a run with workers members: its program
// bound to the group, one machine per member (sim.Input).
func (p *poissonInput) compile(workers int) error {
	b, err := p.block()
	if err != nil {
		return err
	}
	prog, err := kernel.Compile(b, nil)
	if err != nil {
		return err
	}
	gp, err := bindGroupProgram(p.g.spec.Name+".PoissonInput", prog, p.g, p.key)
	if err != nil {
		return err
	}
	p.in = sim.NewInput(p.g.spec.Name+".PoissonInput", p.g.sg, p.lo, p.hi, prog, gp.env, workers)
	return nil
}
