package cajal

import (
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
	g, err := n.NeuronGroup(ng)
	if err != nil {
		return nil, err
	}
	if !isExpr {
		if err := g.Set("rates", spec.Rates); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// SpikeGenerator describes a group that fires at given times, as Brian2's
// SpikeGeneratorGroup: neuron Indices[k] fires at Times[k]. With a Period,
// the pattern repeats every Period.
type SpikeGenerator struct {
	Name    string
	N       int
	Indices []int
	Times   []unit.Quantity
	Period  unit.Quantity
}

// SpikeGeneratorGroup adds a spike generator. Each time is rounded to the
// nearest step; a neuron may fire at most once per step.
func (n *Network) SpikeGeneratorGroup(spec SpikeGenerator) (*NeuronGroup, error) {
	if spec.Name == "" {
		spec.Name = "generator"
	}
	if len(spec.Indices) != len(spec.Times) {
		return nil, fmt.Errorf("cajal: %s: %d indices for %d times", spec.Name, len(spec.Indices), len(spec.Times))
	}
	g, err := n.NeuronGroup(Neurons{Name: spec.Name, N: spec.N})
	if err != nil {
		return nil, err
	}
	var period int64
	if spec.Period != (unit.Quantity{}) {
		if !spec.Period.Dim.Equal(unit.Second.Dim) || spec.Period.Value <= 0 {
			return nil, fmt.Errorf("cajal: %s: the period must be a positive duration, got %v", spec.Name, spec.Period)
		}
		period = int64(math.Round(spec.Period.Value / n.dt))
	}
	type ev struct {
		step int64
		i    int32
	}
	evs := make([]ev, len(spec.Times))
	for k, t := range spec.Times {
		if !t.Dim.Equal(unit.Second.Dim) || t.Value < 0 || math.IsNaN(t.Value) || math.IsInf(t.Value, 0) {
			return nil, fmt.Errorf("cajal: %s: spike %d: a time must be a finite, non-negative duration, got %v", spec.Name, k, t)
		}
		i := spec.Indices[k]
		if i < 0 || i >= spec.N {
			return nil, fmt.Errorf("cajal: %s: spike %d: index %d is outside the %d neurons", spec.Name, k, i, spec.N)
		}
		evs[k] = ev{int64(math.Round(t.Value / n.dt)), int32(i)}
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
		if evs[k] == evs[k-1] {
			return nil, fmt.Errorf("cajal: %s: neuron %d fires twice in the step at %g s", spec.Name, evs[k].i, float64(evs[k].step)*n.dt)
		}
	}
	steps := make([]int64, len(evs))
	for k, e := range evs {
		steps[k] = e.step
	}
	g.sg.Emit = func(step int64, out []int32) []int32 {
		s := step
		if period > 0 {
			s = step % period
		}
		k := sort.Search(len(steps), func(k int) bool { return steps[k] >= s })
		for ; k < len(steps) && steps[k] == s; k++ {
			out = append(out, evs[k].i)
		}
		return out
	}
	return g, nil
}
