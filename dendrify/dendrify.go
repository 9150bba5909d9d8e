// Package dendrify builds neuron models from parts, as the Python package
// Dendrify does for Brian2: a membrane model per compartment (leaky
// integrate-and-fire, passive, adaptive, AdEx), synapses by kind (AMPA,
// NMDA with magnesium block, GABA) with a tag, a conductance and time
// constants, noise currents, and compartments joined by coupling
// conductances. The builder writes Cajal model text that the user can read
// (Equations) and the namespace of its parameters (Namespace), and makes
// neuron groups from them.
//
// The equations follow Dendrify's templates (equations.py) and naming:
// in a point neuron the membrane variable is V, its current I = I_ext +
// the synaptic currents, and a synapse adds I_<kind>_<tag> with its gating
// variable s_<kind>_<tag>; in a compartment named c every name takes the
// suffix _c (V_c, I_AMPA_<tag>_c, ...), and the coupling current from
// compartment a into b is I_a_b = (V_a - V_b)*g_a_b.
package dendrify

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/unit"
)

// Membrane templates: {s} is the compartment's suffix ("" or "_name").
var membranes = map[string]string{
	"leakyIF": "dV{s}/dt = (gL{s} * (EL{s}-V{s}) + I{s}) / C{s}  :volt\n",
	"passive": "dV{s}/dt = (gL{s} * (EL{s}-V{s}) + I{s}) / C{s}  :volt\n",
	"adaptiveIF": "dV{s}/dt = (gL{s} * (EL{s}-V{s}) + I{s} - w{s}) / C{s}  :volt\n" +
		"dw{s}/dt = (a{s} * (V{s}-EL{s}) - w{s}) / tauw{s}  :amp\n",
	"adex": "dV{s}/dt = (gL{s} * (EL{s}-V{s}) + gL{s}*DeltaT{s}*exp((V{s}-Vth{s})/DeltaT{s}) + I{s} - w{s}) / C{s}  :volt\n" +
		"dw{s}/dt = (a{s} * (V{s}-EL{s}) -w{s}) / tauw{s}  :amp\n",
}

// Kind is a synaptic channel.
type Kind string

// The channels.
const (
	AMPA Kind = "AMPA"
	NMDA Kind = "NMDA"
	GABA Kind = "GABA"
)

// DefaultParams are Dendrify's default reversal potentials and NMDA
// magnesium-block constants (ephysproperties.py).
func DefaultParams() cajal.Namespace {
	mV := unit.Millivolt
	return cajal.Namespace{
		"E_AMPA": unit.Q(0, mV), "E_NMDA": unit.Q(0, mV), "E_GABA": unit.Q(-80, mV),
		"E_Na": unit.Q(70, mV), "E_K": unit.Q(-89, mV), "E_Ca": unit.Q(136, mV),
		"Mg_con": 1.0, "Alpha_NMDA": 0.062, "Beta_NMDA": 3.57, "Gamma_NMDA": 0.0,
	}
}

// Props are a compartment's absolute electrical properties, as Dendrify's
// cm_abs, gl_abs and v_rest.
type Props struct {
	Cm    unit.Quantity // capacitance
	Gl    unit.Quantity // leak conductance
	VRest unit.Quantity // resting potential
}

// Compartment is one compartment: a membrane model, its synapses and noise.
type Compartment struct {
	name     string // "" for a point neuron
	membrane string
	props    Props
	currents []string // terms of I besides I_ext, newest first (as Dendrify inserts them)
	eqs      []string // equations after the membrane's
	params   cajal.Namespace
	err      error
}

// NewCompartment makes a compartment named name with a membrane model
// ("leakyIF", "passive", "adaptiveIF" or "adex"; the adaptive models need
// their parameters a, tauw (and DeltaT, Vth) in AddParams).
func NewCompartment(name, membrane string, p Props) *Compartment {
	c := &Compartment{name: name, membrane: membrane, props: p, params: cajal.Namespace{}}
	if _, ok := membranes[membrane]; !ok {
		c.err = fmt.Errorf("dendrify: unknown membrane model %q; expected leakyIF, passive, adaptiveIF or adex", membrane)
	}
	if name != "" && !isIdent(name) {
		c.err = fmt.Errorf("dendrify: compartment name %q is not an identifier", name)
	}
	return c
}

func (c *Compartment) suffix() string {
	if c.name == "" {
		return ""
	}
	return "_" + c.name
}

// Name is the compartment's name.
func (c *Compartment) Name() string { return c.name }

// V is the name of the compartment's membrane potential.
func (c *Compartment) V() string { return "V" + c.suffix() }

// Synapse adds a synaptic current of a kind with a tag, a maximal
// conductance g and a decay time constant; with a rise time constant too
// (tRise non-zero) the conductance is a difference of exponentials. A
// presynaptic spike should add 1 to s_<kind>_<tag>[_name]; w_<kind>_<tag>
// (1 by default) scales the current.
func (c *Compartment) Synapse(kind Kind, tag string, g, tRise, tDecay unit.Quantity) *Compartment {
	if c.err != nil {
		return c
	}
	if kind != AMPA && kind != NMDA && kind != GABA {
		c.err = fmt.Errorf("dendrify: unknown synapse kind %q; expected AMPA, NMDA or GABA", kind)
		return c
	}
	if !isIdent(tag) {
		c.err = fmt.Errorf("dendrify: synapse tag %q is not an identifier", tag)
		return c
	}
	id := string(kind) + "_" + tag + c.suffix() // e.g. AMPA_ext or AMPA_ext_dend
	current := "I_" + id
	for _, cur := range c.currents {
		if cur == current {
			c.err = fmt.Errorf("dendrify: %s: the synapse %s %s is already there; use another tag", c.label(), kind, tag)
			return c
		}
	}
	v := c.V()
	gate := "s_" + id
	rise := tRise != (unit.Quantity{}) && tRise.Value != 0
	if rise {
		gate = "x_" + id
	}
	block := ""
	if kind == NMDA {
		block = fmt.Sprintf(" / (1 + Mg_con * exp(-Alpha_NMDA*(%s/mV+Gamma_NMDA)) / Beta_NMDA)", v)
	}
	c.eqs = append(c.eqs, fmt.Sprintf("%s = g_%s * (E_%s-%s) * %s%s * w_%s  :amp", current, id, kind, v, gate, block, id))
	if rise {
		c.eqs = append(c.eqs,
			fmt.Sprintf("dx_%s/dt = (-x_%s/t_%s_decay_%s) + s_%s/ms  :1", id, id, kind, tag+c.suffix(), id),
			fmt.Sprintf("ds_%s/dt = -s_%s / t_%s_rise_%s  :1", id, id, kind, tag+c.suffix()))
		c.params[fmt.Sprintf("t_%s_rise_%s", kind, tag+c.suffix())] = tRise
	} else {
		c.eqs = append(c.eqs, fmt.Sprintf("ds_%s/dt = -s_%s / t_%s_decay_%s  :1", id, id, kind, tag+c.suffix()))
	}
	c.params["g_"+id] = g
	c.params[fmt.Sprintf("t_%s_decay_%s", kind, tag+c.suffix())] = tDecay
	c.params["w_"+id] = 1.0
	c.currents = append([]string{current}, c.currents...)
	return c
}

// Noise adds an Ornstein-Uhlenbeck noise current with a time constant, a
// standard deviation and a mean, as Dendrify's noise().
func (c *Compartment) Noise(tau, sigma, mean unit.Quantity) *Compartment {
	if c.err != nil {
		return c
	}
	s := c.suffix()
	c.eqs = append(c.eqs, fmt.Sprintf("dI_noise%s/dt = (mean_noise%s-I_noise%s) / tau_noise%s + sigma_noise%s * (sqrt(2/(tau_noise%s*dt)) * randn()) :amp", s, s, s, s, s, s))
	c.params["tau_noise"+s], c.params["sigma_noise"+s], c.params["mean_noise"+s] = tau, sigma, mean
	c.currents = append([]string{"I_noise" + s}, c.currents...)
	return c
}

// AddParams adds or changes parameters (a, tauw, DeltaT, Vth for the
// adaptive models; thresholds and resets the user's code reads).
func (c *Compartment) AddParams(p cajal.Namespace) *Compartment {
	for k, v := range p {
		c.params[k] = v
	}
	return c
}

func (c *Compartment) label() string {
	if c.name == "" {
		return "point neuron"
	}
	return "compartment " + c.name
}

// equations writes the compartment's text, coupling currents included.
func (c *Compartment) equations(coupling []string) string {
	s := c.suffix()
	var b strings.Builder
	b.WriteString(strings.ReplaceAll(membranes[c.membrane], "{s}", s))
	terms := append([]string{"I_ext" + s}, coupling...)
	terms = append(terms, c.currents...)
	fmt.Fprintf(&b, "I%s = %s  :amp\n", s, strings.Join(terms, " + "))
	fmt.Fprintf(&b, "I_ext%s  :amp\n", s)
	for _, e := range c.eqs {
		b.WriteString(e + "\n")
	}
	return b.String()
}

func (c *Compartment) ephys() cajal.Namespace {
	s := c.suffix()
	return cajal.Namespace{"EL" + s: c.props.VRest, "C" + s: c.props.Cm, "gL" + s: c.props.Gl}
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// Model is a neuron model: one point compartment, or compartments joined
// by coupling conductances.
type Model struct {
	comps  []*Compartment
	links  []link
	params cajal.Namespace
}

type link struct {
	a, b *Compartment
	g    unit.Quantity
}

// PointNeuron is Dendrify's PointNeuronModel: one unnamed compartment,
// whose synapses and noise the model's own Synapse and Noise add.
func PointNeuron(membrane string, p Props) *Model {
	c := NewCompartment("", membrane, p)
	return &Model{comps: []*Compartment{c}, params: cajal.Namespace{}}
}

// point is the compartment of a point neuron.
func (m *Model) point() *Compartment {
	if len(m.comps) == 1 && m.comps[0].name == "" {
		return m.comps[0]
	}
	bad := NewCompartment("", "", Props{})
	bad.err = fmt.Errorf("dendrify: Synapse and Noise on a model apply to point neurons; add them to a compartment")
	m.comps = append(m.comps, bad)
	return bad
}

// Synapse adds a synapse to a point neuron (see Compartment.Synapse).
func (m *Model) Synapse(kind Kind, tag string, g, tRise, tDecay unit.Quantity) *Model {
	m.point().Synapse(kind, tag, g, tRise, tDecay)
	return m
}

// Noise adds a noise current to a point neuron (see Compartment.Noise).
func (m *Model) Noise(tau, sigma, mean unit.Quantity) *Model {
	m.point().Noise(tau, sigma, mean)
	return m
}

// NeuronModel joins named compartments: Connect(a, b, g) couples a and b
// with conductance g both ways, as Dendrify's NeuronModel connections.
func NeuronModel(comps ...*Compartment) *Model {
	return &Model{comps: comps, params: cajal.Namespace{}}
}

// Connect couples two compartments of the model with conductance g.
func (m *Model) Connect(a, b *Compartment, g unit.Quantity) *Model {
	m.links = append(m.links, link{a, b, g})
	return m
}

// AddParams adds parameters to the model (thresholds, resets).
func (m *Model) AddParams(p cajal.Namespace) *Model {
	for k, v := range p {
		m.params[k] = v
	}
	return m
}

func (m *Model) check() error {
	names := map[string]bool{}
	for _, c := range m.comps {
		if c.err != nil {
			return c.err
		}
		if len(m.comps) > 1 && c.name == "" {
			return fmt.Errorf("dendrify: the compartments of a multi-compartment model need names")
		}
		if names[c.name] {
			return fmt.Errorf("dendrify: two compartments are named %q", c.name)
		}
		names[c.name] = true
	}
	for _, l := range m.links {
		if l.a == l.b {
			return fmt.Errorf("dendrify: compartment %s is connected to itself", l.a.name)
		}
		if !names[l.a.name] || !names[l.b.name] || l.a.name == "" {
			return fmt.Errorf("dendrify: connect compartments of the model, by name")
		}
		if !l.g.Dim.Equal(unit.Siemens.Dim) || l.g.Value < 0 {
			return fmt.Errorf("dendrify: the coupling of %s and %s must be a conductance, not negative; got %v", l.a.name, l.b.name, l.g)
		}
	}
	return nil
}

// Equations returns the model text.
func (m *Model) Equations() (string, error) {
	if err := m.check(); err != nil {
		return "", err
	}
	var b strings.Builder
	for _, c := range m.comps {
		var coupling []string
		var currents []string
		for _, l := range m.links {
			for _, pair := range [][2]*Compartment{{l.a, l.b}, {l.b, l.a}} {
				if pair[1] == c { // current from pair[0] into c
					o := pair[0]
					name := fmt.Sprintf("I_%s_%s", o.name, c.name)
					coupling = append(coupling, name)
					currents = append(currents, fmt.Sprintf("%s = (V_%s-V_%s) * g_%s_%s  :amp", name, o.name, c.name, o.name, c.name))
				}
			}
		}
		b.WriteString(c.equations(coupling))
		for _, e := range currents {
			b.WriteString(e + "\n")
		}
	}
	return b.String(), nil
}

// Namespace returns the model's parameters: Dendrify's defaults, each
// compartment's electrical properties (EL, C, gL with its suffix), its
// synapses' and noise's parameters, the couplings (g_a_b) and the model's
// own.
func (m *Model) Namespace() (cajal.Namespace, error) {
	if err := m.check(); err != nil {
		return nil, err
	}
	ns := DefaultParams()
	for _, c := range m.comps {
		for k, v := range c.ephys() {
			ns[k] = v
		}
		for k, v := range c.params {
			ns[k] = v
		}
	}
	for _, l := range m.links {
		ns[fmt.Sprintf("g_%s_%s", l.a.name, l.b.name)] = l.g
		ns[fmt.Sprintf("g_%s_%s", l.b.name, l.a.name)] = l.g
	}
	for k, v := range m.params {
		ns[k] = v
	}
	return ns, nil
}

// String prints the equations and the parameters, sorted.
func (m *Model) String() string {
	eqs, err := m.Equations()
	if err != nil {
		return err.Error()
	}
	ns, _ := m.Namespace()
	keys := make([]string, 0, len(ns))
	for k := range ns {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("EQUATIONS\n" + eqs + "\nPARAMETERS\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "%s = %v\n", k, ns[k])
	}
	return b.String()
}

// NeuronGroup makes a group of the model, as Dendrify's make_neurongroup:
// spec gives N, the threshold, reset, refractoriness and method (its Model
// and Namespace are filled in; names in spec.Namespace are added), and
// every compartment's V starts at its resting potential.
func (m *Model) NeuronGroup(net *cajal.Network, spec cajal.Neurons) (*cajal.NeuronGroup, error) {
	eqs, err := m.Equations()
	if err != nil {
		return nil, err
	}
	ns, err := m.Namespace()
	if err != nil {
		return nil, err
	}
	for k, v := range spec.Namespace {
		ns[k] = v
	}
	spec.Model, spec.Namespace = eqs, ns
	g, err := net.NeuronGroup(spec)
	if err != nil {
		return nil, err
	}
	for _, c := range m.comps {
		if err := g.Set(c.V(), c.props.VRest); err != nil {
			return nil, err
		}
	}
	return g, nil
}
