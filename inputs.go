package cajal

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math"
	"sort"

	"github.com/cajal-sim/cajal/unit"
)

// Times returns the values ts in unit u: Times(unit.Millisecond, 1, 2.5).
func Times(u unit.Quantity, ts ...float64) []unit.Quantity {
	out := make([]unit.Quantity, len(ts))
	for i, t := range ts {
		out[i] = unit.Q(t, u)
	}
	return out
}

// Poisson describes a group of independent Poisson spike sources, as
// Brian2's PoissonGroup.
type Poisson struct {
	Name string
	N    int
	// Rates is one rate for all (unit.Quantity, or a string expression
	// that may depend on t and i, such as "10*Hz + 5*Hz*sin(2*pi*t/second)"),
	// or one per neuron ([]unit.Quantity).
	Rates     any
	Namespace Namespace
}

// PoissonGroup adds Poisson sources: each fires in a step with probability
// rates*dt, drawn from the network's random streams.
func (n *Network) PoissonGroup(spec Poisson) (*NeuronGroup, error) {
	if n.invalid() {
		return nil, errNetwork
	}
	if spec.Name == "" {
		spec.Name = "poisson"
	}
	ng := Neurons{Name: spec.Name, N: spec.N, Threshold: "rand() < rates*dt", Namespace: spec.Namespace}
	expr, isExpr := spec.Rates.(string)
	if isExpr {
		ng.Model = "rates = " + expr + " : Hz"
	} else {
		ng.Model = "rates : Hz"
	}
	if !isExpr && spec.Rates == nil {
		return nil, fmt.Errorf("cajal: %s: Rates is required: a unit.Quantity, a []unit.Quantity or a string expression", spec.Name)
	}
	g, err := n.NeuronGroup(ng)
	if err != nil {
		return nil, err
	}
	if !isExpr {
		if err := g.Set("rates", spec.Rates); err != nil {
			return nil, err
		}
	}
	g.poisson = true
	if err := g.checkRates(); err != nil {
		return nil, err
	}
	return g, nil
}

// checkRates refuses Poisson rates below 0 or above 1/dt (more than a
// spike per step), and NaN. An expression is checked at the time it is
// checked (the creation of the group and the start of each run); where it
// leaves [0, 1/dt] at other times a neuron fires with probability
// clip(rates*dt, 0, 1), as in Brian2.
func (g *NeuronGroup) checkRates() error {
	r, err := g.Get("rates")
	if err != nil {
		return err
	}
	most := 1 / g.net.dt
	for i, x := range r {
		if !(x >= 0 && x*g.net.dt <= 1) {
			return fmt.Errorf("cajal: %s: neuron %d has rate %g Hz at t = %g s; a Poisson rate must be from 0 to 1/dt = %g Hz (a spike every step)",
				g.spec.Name, i, x, g.net.now(), most)
		}
	}
	return nil
}

// SpikeGenerator describes a group that fires at given times, as Brian2's
// SpikeGeneratorGroup: neuron Indices[k] fires at Times[k]. With a Period,
// the pattern repeats every Period. Weights, if given, are NEST's
// spike_weights: when neuron Indices[k] fires, its variable weight holds
// Weights[k] (synapses read it as weight_pre), and 0 between its spikes.
type SpikeGenerator struct {
	Name    string
	N       int
	Indices []int
	Times   []unit.Quantity
	Period  unit.Quantity
	Weights []float64
}

// SpikeGeneratorGroup adds a spike generator. Each time is rounded to the
// nearest step; a neuron may fire at most once per step.
func (n *Network) SpikeGeneratorGroup(spec SpikeGenerator) (*NeuronGroup, error) {
	if n.invalid() {
		return nil, errNetwork
	}
	if spec.Name == "" {
		spec.Name = "generator"
	}
	if spec.N <= 0 {
		return nil, fmt.Errorf("cajal: %s: the number of neurons must be positive, got %d", spec.Name, spec.N)
	}
	if len(spec.Indices) != len(spec.Times) {
		return nil, fmt.Errorf("cajal: %s: %d indices for %d times", spec.Name, len(spec.Indices), len(spec.Times))
	}
	if spec.Weights != nil && len(spec.Weights) != len(spec.Times) {
		return nil, fmt.Errorf("cajal: %s: %d weights for %d spikes", spec.Name, len(spec.Weights), len(spec.Times))
	}
	g, err := n.NeuronGroup(Neurons{Name: spec.Name, N: spec.N, Model: "weight : 1"})
	if err != nil {
		return nil, err
	}
	var period int64
	if spec.Period != (unit.Quantity{}) {
		p := spec.Period.Value
		if !spec.Period.Dim.Equal(unit.Second.Dim) || !(p > 0) || math.IsInf(p, 0) {
			return nil, fmt.Errorf("cajal: %s: the period must be a positive, finite duration, got %v", spec.Name, spec.Period)
		}
		if p/n.dt < 0.5 {
			return nil, fmt.Errorf("cajal: %s: the period %v is shorter than dt = %g s", spec.Name, spec.Period, n.dt)
		}
		if p/n.dt > MaxSteps {
			return nil, fmt.Errorf("cajal: %s: the period %v is more than 2^53 steps", spec.Name, spec.Period)
		}
		period = int64(math.Round(p / n.dt))
	}
	type ev struct {
		step int64
		i    int32
		w    float64
	}
	evs := make([]ev, len(spec.Times))
	for k, t := range spec.Times {
		if !t.Dim.Equal(unit.Second.Dim) || !(t.Value >= 0) || t.Value/n.dt > MaxSteps {
			return nil, fmt.Errorf("cajal: %s: spike %d: a time must be a non-negative duration of at most 2^53 steps, got %v", spec.Name, k, t)
		}
		i := spec.Indices[k]
		if i < 0 || i >= spec.N {
			return nil, fmt.Errorf("cajal: %s: spike %d: index %d is outside the %d neurons", spec.Name, k, i, spec.N)
		}
		evs[k] = ev{step: int64(math.Round(t.Value / n.dt)), i: int32(i)}
		if spec.Weights != nil {
			evs[k].w = spec.Weights[k]
		}
		if period > 0 && evs[k].step >= period {
			return nil, fmt.Errorf("cajal: %s: spike %d at %v is not within the period %v", spec.Name, k, t, spec.Period)
		}
	}
	sort.Slice(evs, func(a, b int) bool {
		if evs[a].step != evs[b].step {
			return evs[a].step < evs[b].step
		}
		return evs[a].i < evs[b].i
	})
	for k := 1; k < len(evs); k++ {
		if evs[k].step == evs[k-1].step && evs[k].i == evs[k-1].i {
			return nil, fmt.Errorf("cajal: %s: neuron %d fires twice in the step at %g s", spec.Name, evs[k].i, float64(evs[k].step)*n.dt)
		}
	}
	steps := make([]int64, len(evs))
	for k, e := range evs {
		steps[k] = e.step
	}
	weight := g.sg.Arrays["weight"]
	at := func(step int64) (lo, hi int) { // the events of a step
		if period > 0 {
			step %= period
		}
		lo = sort.Search(len(steps), func(k int) bool { return steps[k] >= step })
		for hi = lo; hi < len(steps) && steps[hi] == step; hi++ {
		}
		return lo, hi
	}
	g.sg.Emit = func(step int64, out []int32) []int32 {
		if spec.Weights != nil && step > 0 {
			// The weights of the last step's spikes go back to 0. They are
			// found from the step, not remembered, so that a network
			// restored from a checkpoint does the same.
			lo, hi := at(step - 1)
			for _, e := range evs[lo:hi] {
				weight[e.i] = 0
			}
		}
		lo, hi := at(step)
		for _, e := range evs[lo:hi] {
			out = append(out, e.i)
			if spec.Weights != nil {
				weight[e.i] = e.w
			}
		}
		return out
	}
	h := sha256.New()
	b := binary.LittleEndian.AppendUint64(nil, uint64(period))
	for _, e := range evs {
		b = binary.LittleEndian.AppendUint64(b, uint64(e.step))
		b = binary.LittleEndian.AppendUint32(b, uint32(e.i))
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(e.w))
	}
	h.Write(b)
	g.input = fmt.Sprintf("spike generator %x", h.Sum(nil)[:12])
	return g, nil
}

// ParrotGroup adds NEST's parrot neurons for src: neuron k repeats each
// spike of src's neuron k one step later.
func (n *Network) ParrotGroup(name string, src Source) (*NeuronGroup, error) {
	if n.invalid() {
		return nil, errNetwork
	}
	if name == "" {
		name = "parrots"
	}
	_, lo, hi, err := n.source(name, src)
	if err != nil {
		return nil, err
	}
	g, err := n.NeuronGroup(Neurons{Name: name, N: hi - lo, Model: "received : 1",
		Threshold: "received > 0", Reset: "received = 0"})
	if err != nil {
		return nil, err
	}
	s, err := n.Synapses(Synapses{Name: name + "_input", Source: src, Target: g, OnPre: "received += 1"})
	if err != nil {
		return nil, err
	}
	if err := s.Connect(OneToOne()); err != nil {
		return nil, err
	}
	return g, nil
}
