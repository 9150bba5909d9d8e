package cajal

import (
	"fmt"
	"math"
	"strings"

	"github.com/cajal-sim/cajal/internal/check"
	"github.com/cajal-sim/cajal/internal/lower"
	"github.com/cajal-sim/cajal/internal/ode"
	"github.com/cajal-sim/cajal/internal/sim"
	"github.com/cajal-sim/cajal/internal/syntax"
	"github.com/cajal-sim/cajal/unit"
)

// Namespace maps names used in model text to values: float64 or int
// (dimensionless), bool, unit.Quantity, or a string such as "10*nS". It is
// read at every Run, so a change between runs takes effect in the next.
type Namespace map[string]any

// Neurons describes a neuron group, with Brian2's arguments.
type Neurons struct {
	Name      string    // used in messages; default "neurons"
	N         int       // number of neurons
	Model     string    // equations
	Threshold string    // spike condition, e.g. "v > vt"; empty for none
	Reset     string    // statements run on a spike, e.g. "v = el"
	Method    string    // integration method; empty chooses one as Brian2 does
	Namespace Namespace // names the model text uses
	// Refractory is a duration (unit.Quantity, or a string expression such
	// as "5*ms" or "tau_ref") or a condition string that holds while the
	// neuron is refractory. Nil for none.
	Refractory any
	// Events are custom events, as Brian2's events argument: a name and a
	// condition ("v > v_peak") checked every step after the state update;
	// an EventMonitor records them.
	Events map[string]string
}

// NeuronGroup is a population of neurons with the same equations.
type NeuronGroup struct {
	net        *Network
	spec       Neurons
	model      *check.Model
	method     ode.Method
	sg         *sim.Group
	refr       string  // refractory period or condition as text
	refrPeriod float64 // else a fixed refractory period in seconds, or -1
	draws      int
	lastMethod ode.Method
	poisson    bool   // a Poisson group: rates are checked at every run
	input      string // what a spike generator fires, for checkpoints' descriptions
}

// NeuronGroup adds a group to the network. The model, threshold, reset and
// refractoriness are checked now; errors name the line and column.
func (n *Network) NeuronGroup(spec Neurons) (*NeuronGroup, error) {
	if n.invalid() {
		return nil, errNetwork
	}
	if spec.Name == "" {
		spec.Name = "neurons"
	}
	if spec.N <= 0 {
		return nil, fmt.Errorf("cajal: %s: the number of neurons must be positive, got %d", spec.Name, spec.N)
	}
	if spec.N > maxElements {
		return nil, fmt.Errorf("cajal: %s: %d neurons are more than the %d a group can hold", spec.Name, spec.N, maxElements)
	}
	m, err := check.Declare(spec.Name+".model", spec.Model, check.Neurons)
	if err != nil {
		return nil, err
	}
	g := &NeuronGroup{net: n, spec: spec, model: m, refrPeriod: -1}
	switch r := spec.Refractory.(type) {
	case nil:
	case string:
		g.refr = strings.TrimSpace(r)
	case unit.Quantity:
		if !r.Dim.Equal(unit.Second.Dim) {
			return nil, fmt.Errorf("cajal: %s: the refractory period must be a duration, got dimension %s", spec.Name, r.Dim)
		}
		if r.Value < 0 {
			return nil, fmt.Errorf("cajal: %s: the refractory period must not be negative, got %v", spec.Name, r)
		}
		g.refrPeriod = r.Value
	default:
		return nil, fmt.Errorf("cajal: %s: Refractory must be a unit.Quantity or a string, got %T", spec.Name, r)
	}
	if g.method, err = ode.Parse(spec.Method); err != nil {
		return nil, fmt.Errorf("cajal: %s: %v", spec.Name, err)
	}
	var arrays []string
	for _, v := range m.Vars {
		if v.Kind != syntax.Subexpression && !v.Shared {
			arrays = append(arrays, v.Name)
		}
	}
	vars := len(arrays)
	if g.refractory() {
		vars += 2 // lastspike, not_refractory
	}
	// Each neuron: its variables, and an index in the step's spike lists.
	per := 8*float64(vars) + 4
	if err := n.reserve(fmt.Sprintf("%s: %d neurons with %d variable(s)", spec.Name, spec.N, vars), per*float64(spec.N)); err != nil {
		return nil, err
	}
	g.sg = sim.NewGroup(spec.Name, spec.N, n.nextID(), nil)
	for _, v := range m.Vars {
		if v.Kind != syntax.Subexpression && v.Shared {
			g.sg.Scalars[v.Name] = 0
		}
	}
	for _, a := range arrays {
		g.sg.AddArray(a, 0)
	}
	if g.refractory() {
		g.sg.AddArray("lastspike", negInf)
		g.sg.AddArray("not_refractory", 1)
	}
	if _, err := g.build(true); err != nil {
		return nil, err
	}
	if err := g.checkEvents(); err != nil {
		return nil, err
	}
	n.groups = append(n.groups, g)
	n.sim.Groups = append(n.sim.Groups, g.sg)
	return g, nil
}

var negInf = math.Inf(-1)

// maxElements bounds a group's size: indices are 32-bit.
const maxElements = 1<<31 - 1

// N is the number of neurons.
func (g *NeuronGroup) N() int {
	if g.invalid() {
		return 0
	}
	return g.spec.N
}

// Name is the group's name.
func (g *NeuronGroup) Name() string {
	if g.invalid() {
		return ""
	}
	return g.spec.Name
}

// Method is the integration method of the last build.
func (g *NeuronGroup) Method() string {
	if g.invalid() {
		return ""
	}
	return string(g.lastMethod)
}

func (g *NeuronGroup) scope() (*check.Scope, error) {
	ns, err := resolve(g.spec.Name, g.spec.Namespace)
	if err != nil {
		return nil, err
	}
	return &check.Scope{Model: g.model, N: g.spec.N, Dt: g.net.dt, Refractory: g.refractory(), Namespace: ns,
		Shared: g.sg.Scalars}, nil
}

// build checks the group's code against the current namespace and writes
// it as ir: the state update, threshold and reset. provisional says that
// the values may change before a run (see check.Scope).
func (g *NeuronGroup) build(provisional bool) (sim.Code, error) {
	var code sim.Code
	if g.poisson {
		if err := g.checkRates(); err != nil {
			return code, err
		}
	}
	s, err := g.scope()
	if err != nil {
		return code, err
	}
	s.Provisional = provisional
	code, method, err := lower.Neurons{Name: g.spec.Name, Scope: s, Dt: g.net.dt, Method: g.method,
		Threshold: g.spec.Threshold, Reset: g.spec.Reset, Refractory: g.refr, FixedRefractory: g.refrPeriod >= 0, RefractoryPeriod: g.refrPeriod,
		SummedInto: g.summedInto()}.Lower()
	if err != nil {
		return code, err
	}
	g.lastMethod = method
	return code, nil
}

// refractory reports whether the group has a refractory period.
func (g *NeuronGroup) refractory() bool { return g.refr != "" || g.refrPeriod >= 0 }

// summedInto reports whether a synapse group writes a (summed) variable
// into this group.
func (g *NeuronGroup) summedInto() bool {
	for _, s := range g.net.synapses {
		if s.tgt != g {
			continue
		}
		for _, v := range s.model.Vars {
			if v.Summed {
				return true
			}
		}
	}
	return false
}
