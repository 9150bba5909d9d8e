package models

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/unit"
)

// Neuron is a named neuron model.
type Neuron struct {
	Name string // NEST's name, e.g. "iaf_psc_exp"
	Doc  string // a paragraph: what the model is, its source, deviations from NEST

	Equations  string // Cajal model text
	Threshold  string // spike condition
	Reset      string // statements run at a spike
	Refractory string // refractory period as an expression ("t_ref"), or "" for none
	Method     string // integration method

	// Params are the default parameters (NEST's values, with units): the
	// group's namespace, except those the equations declare as variables
	// (I_e), which Group sets on every neuron.
	Params cajal.Namespace
	// Init gives initial values as expressions, e.g. {"V_m": "E_L"}. Values
	// that read no model variable are set first.
	Init map[string]string
	// Receptors maps NEST's receptor (port) names to the statement a
	// synapse runs on a presynaptic spike with weight w, a plain number in
	// the unit the statement gives it: {"ex": "I_syn_ex += w*pA"}.
	Receptors map[string]string
}

// Synapse is a named synapse model.
type Synapse struct {
	Name string // the model's name, e.g. "stdp"
	Doc  string // a paragraph: what the model is, its source, deviations from NEST

	Model  string // synaptic variables and equations
	OnPre  string // statements run at a presynaptic spike, before the receptor statement
	OnPost string // statements run at a postsynaptic spike
	// Weight is what w stands for in the receptor statement, an expression
	// of the synapse's variables; "" means the synapse's own w. Tsodyks-
	// Markram synapses transmit w*r, their weight times the fraction
	// released.
	Weight string
	// Delay is the on_pre pathway's delay as an expression evaluated for
	// each synapse ("D"), or "" for none. Set the synapses' "delay" to
	// change it afterwards.
	Delay  string
	Method string // for clock-driven equations

	Params cajal.Namespace   // default parameters: the synapses' namespace
	Init   map[string]string // initial values of new synapses, as expressions
	// Targets lists the neuron models the synapse reads variables of
	// (urbanczik needs pp_cond_exp_mc_urbanczik); empty means any.
	Targets []string
}

// Fits reports whether the synapse model can target neurons of model
// name.
func (s Synapse) Fits(name string) bool {
	if len(s.Targets) == 0 {
		return true
	}
	for _, t := range s.Targets {
		if t == name {
			return true
		}
	}
	return false
}

var (
	neurons  = map[string]Neuron{}
	synapses = map[string]Synapse{}
)

// registerNeuron adds a neuron model to the registry.
func registerNeuron(m Neuron) {
	if _, dup := neurons[m.Name]; dup || m.Name == "" {
		panic(fmt.Sprintf("models: neuron model %q registered twice or without a name", m.Name))
	}
	neurons[m.Name] = m
}

// registerSynapse adds a synapse model to the registry.
func registerSynapse(s Synapse) {
	if _, dup := synapses[s.Name]; dup || s.Name == "" {
		panic(fmt.Sprintf("models: synapse model %q registered twice or without a name", s.Name))
	}
	synapses[s.Name] = s
}

// Neurons returns the names of the neuron models, sorted.
func Neurons() []string { return sortedKeys(neurons) }

// Synapses returns the names of the synapse models, sorted.
func Synapses() []string { return sortedKeys(synapses) }

// LookupNeuron returns the neuron model with NEST's name, e.g.
// "iaf_psc_alpha". The model is a copy; changing it changes nothing else.
func LookupNeuron(name string) (Neuron, bool) {
	m, ok := neurons[name]
	if ok {
		m.Params = copyNS(m.Params, nil)
		m.Init = copyMap(m.Init)
		m.Receptors = copyMap(m.Receptors)
	}
	return m, ok
}

// LookupSynapse returns the synapse model with the given name, e.g.
// "stdp". The model is a copy; changing it changes nothing else.
func LookupSynapse(name string) (Synapse, bool) {
	s, ok := synapses[name]
	if ok {
		s.Params = copyNS(s.Params, nil)
		s.Init = copyMap(s.Init)
	}
	return s, ok
}

// With returns a copy of the model with the parameters p added or
// changed. Names the model does not use are kept; Group reports them.
func (m Neuron) With(p cajal.Namespace) Neuron {
	m.Params = copyNS(m.Params, p)
	return m
}

// With returns a copy of the model with the parameters p added or
// changed. Names the model does not use are kept; Connect reports them.
func (s Synapse) With(p cajal.Namespace) Synapse {
	s.Params = copyNS(s.Params, p)
	return s
}

// Group adds n neurons of the model to the network, named name (the
// model's name if empty), and sets their initial values. A parameter that
// none of the model's text uses is an error.
func (m Neuron) Group(net *cajal.Network, name string, n int) (*cajal.NeuronGroup, error) {
	if name == "" {
		name = m.Name
	}
	texts := []string{m.Equations, m.Threshold, m.Reset, m.Refractory}
	for _, v := range m.Init {
		texts = append(texts, v)
	}
	if err := checkUsed("neuron model "+m.Name, m.Params, texts); err != nil {
		return nil, err
	}
	ns := copyNS(m.Params, nil)
	var refr any
	if strings.TrimSpace(m.Refractory) != "" {
		refr = m.Refractory
	}
	g, err := net.NeuronGroup(cajal.Neurons{Name: name, N: n, Model: m.Equations, Threshold: m.Threshold,
		Reset: m.Reset, Method: m.Method, Namespace: ns, Refractory: refr})
	if err != nil {
		return nil, fmt.Errorf("models: %s: %w", m.Name, err)
	}
	isVar := func(k string) bool { _, err := g.Unit(k); return err == nil }
	for _, k := range sortedKeys(m.Params) {
		if isVar(k) {
			if err := g.Set(k, m.Params[k]); err != nil {
				return nil, fmt.Errorf("models: %s: parameter %s: %w", m.Name, k, err)
			}
			delete(ns, k)
		}
	}
	if err := setInit(m.Init, isVar, g.Set); err != nil {
		return nil, fmt.Errorf("models: %s: %w", m.Name, err)
	}
	return g, nil
}

// wordW matches the weight w as a whole word.
var wordW = regexp.MustCompile(`\bw\b`)

// Connect adds synapses of the model from src to tgt, named name (the
// model's name if empty), connects them as SynapseGroup.Connect does with
// opts (all to all without options) and sets their initial values.
// receptor is the statement that passes a presynaptic spike to the target
// neuron, usually one of its model's Receptors ("g_ex += w*nS"), or "" for
// none; it runs after the model's own on_pre statements, with w standing
// for the model's Weight. A parameter that none of the model's text uses,
// or that a variable of the target neuron would hide (names without
// suffix in synapse code mean the postsynaptic neuron's variables first),
// is an error. Synapses added later with the group's own Connect start at
// zero: set their initial values (Init) yourself.
func (s Synapse) Connect(net *cajal.Network, name string, src, tgt cajal.Source, receptor string, opts ...cajal.ConnectOption) (*cajal.SynapseGroup, error) {
	if name == "" {
		name = s.Name
	}
	texts := []string{s.Model, s.OnPre, s.OnPost, s.Weight, s.Delay}
	for _, v := range s.Init {
		texts = append(texts, v)
	}
	if err := checkUsed("synapse model "+s.Name, s.Params, texts); err != nil {
		return nil, err
	}
	if strings.TrimSpace(receptor) != "" && s.Weight != "" {
		receptor = wordW.ReplaceAllString(receptor, "("+s.Weight+")")
	}
	onPre := strings.TrimSpace(s.OnPre)
	if r := strings.TrimSpace(receptor); r != "" {
		if onPre != "" {
			onPre += "\n"
		}
		onPre += r
	}
	own := declared(s.Model)
	if post := groupOf(tgt); post != nil {
		for _, k := range sortedKeys(s.Params) {
			if _, err := post.Unit(k); err == nil && !own[k] {
				return nil, fmt.Errorf("models: %s: parameter %s is hidden by the variable %s of the postsynaptic group %s (names without suffix in synapse code mean the target's variables first); rename the variable",
					s.Name, k, k, post.Name())
			}
		}
	}
	var delay any
	if strings.TrimSpace(s.Delay) != "" {
		delay = s.Delay
	}
	ns := copyNS(s.Params, nil)
	sg, err := net.Synapses(cajal.Synapses{Name: name, Source: src, Target: tgt, Model: s.Model,
		OnPre: onPre, OnPost: s.OnPost, Delay: delay, Method: s.Method, Namespace: ns})
	if err != nil {
		return nil, fmt.Errorf("models: %s: %w", s.Name, err)
	}
	isVar := func(k string) bool { _, err := sg.Get(k); return err == nil }
	if err := sg.Connect(opts...); err != nil {
		return nil, err
	}
	for _, k := range sortedKeys(s.Params) {
		if isVar(k) && sg.N() > 0 {
			if err := sg.Set(k, s.Params[k]); err != nil {
				return nil, fmt.Errorf("models: %s: parameter %s: %w", s.Name, k, err)
			}
			delete(ns, k)
		}
	}
	if err := setInit(s.Init, isVar, sg.Set); err != nil {
		return nil, fmt.Errorf("models: %s: %w", s.Name, err)
	}
	return sg, nil
}

// declaration matches the name a line of model text declares: dx/dt = ...,
// x = ... : unit, or x : unit.
var declaration = regexp.MustCompile(`^\s*(?:[A-Za-z_]\w*\s*\*\s*)?d([A-Za-z_]\w*)\s*/\s*dt\s*=|^\s*([A-Za-z_]\w*)\s*[=:]`)

// declared returns the names a model text declares.
func declared(model string) map[string]bool {
	out := map[string]bool{}
	for _, line := range strings.Split(model, "\n") {
		if m := declaration.FindStringSubmatch(line); m != nil {
			out[m[1]+m[2]] = true
		}
	}
	return out
}

// groupOf returns the neuron group of a source, or nil.
func groupOf(s cajal.Source) *cajal.NeuronGroup {
	switch x := s.(type) {
	case *cajal.NeuronGroup:
		return x
	case cajal.Subgroup:
		return x.Group()
	}
	return nil
}

// setInit sets initial values: first those whose expressions read no
// variable of the model, then the others, each pass in name order.
func setInit(init map[string]string, isVar func(string) bool, set func(string, any) error) error {
	readsVar := func(expr string) bool {
		for _, id := range ident.FindAllString(expr, -1) {
			if isVar(id) {
				return true
			}
		}
		return false
	}
	for pass := 0; pass < 2; pass++ {
		for _, k := range sortedKeys(init) {
			if readsVar(init[k]) != (pass == 1) {
				continue
			}
			if err := set(k, init[k]); err != nil {
				return fmt.Errorf("initial value of %s: %w", k, err)
			}
		}
	}
	return nil
}

// ident matches identifiers in model text.
var ident = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)

// checkUsed reports the parameters that none of the texts mention.
func checkUsed(what string, params cajal.Namespace, texts []string) error {
	used := map[string]bool{}
	for _, t := range texts {
		for _, id := range ident.FindAllString(t, -1) {
			used[id] = true
		}
	}
	var unused []string
	for _, k := range sortedKeys(params) {
		if !used[k] {
			unused = append(unused, k)
		}
	}
	if len(unused) > 0 {
		return fmt.Errorf("models: %s has no parameter %s; its parameters are %s",
			what, strings.Join(unused, ", "), strings.Join(usedParams(params, used), ", "))
	}
	return nil
}

func usedParams(params cajal.Namespace, used map[string]bool) []string {
	var out []string
	for _, k := range sortedKeys(params) {
		if used[k] {
			out = append(out, k)
		}
	}
	return out
}

// String prints the model: its equations, threshold, reset, refractory
// period, method, parameters with units (sorted), initial values and
// receptors.
func (m Neuron) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (neuron)\n", m.Name)
	writeText(&b, "equations", m.Equations)
	writeField(&b, "threshold", m.Threshold)
	writeField(&b, "reset", m.Reset)
	writeField(&b, "refractory", m.Refractory)
	writeField(&b, "method", m.Method)
	writeParams(&b, m.Params)
	writeMap(&b, "initial values", m.Init, " = ")
	writeMap(&b, "receptors", m.Receptors, ": ")
	return b.String()
}

// String prints the model: its equations, pathways, method and parameters
// with units (sorted).
func (s Synapse) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (synapse)\n", s.Name)
	writeText(&b, "model", s.Model)
	writeText(&b, "on_pre", s.OnPre)
	writeText(&b, "on_post", s.OnPost)
	writeField(&b, "weight", s.Weight)
	writeField(&b, "delay", s.Delay)
	writeField(&b, "method", s.Method)
	writeParams(&b, s.Params)
	writeMap(&b, "initial values", s.Init, " = ")
	return b.String()
}

func writeField(b *strings.Builder, name, value string) {
	if v := strings.TrimSpace(value); v != "" {
		fmt.Fprintf(b, "  %s: %s\n", name, v)
	}
}

// writeText writes a block of text, one line per line, indented.
func writeText(b *strings.Builder, name, text string) {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return
	}
	fmt.Fprintf(b, "  %s:\n", name)
	for _, l := range lines {
		fmt.Fprintf(b, "    %s\n", l)
	}
}

func writeParams(b *strings.Builder, p cajal.Namespace) {
	if len(p) == 0 {
		return
	}
	b.WriteString("  parameters:\n")
	for _, k := range sortedKeys(p) {
		fmt.Fprintf(b, "    %s = %s\n", k, formatValue(p[k]))
	}
}

func writeMap(b *strings.Builder, name string, m map[string]string, sep string) {
	if len(m) == 0 {
		return
	}
	fmt.Fprintf(b, "  %s:\n", name)
	for _, k := range sortedKeys(m) {
		fmt.Fprintf(b, "    %s%s%s\n", k, sep, m[k])
	}
}

// formatValue prints a namespace value: a quantity with its unit, a
// number, or an expression as written.
func formatValue(v any) string {
	switch x := v.(type) {
	case unit.Quantity:
		return x.String()
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case string:
		return x
	}
	return fmt.Sprint(v)
}

func copyNS(a, b cajal.Namespace) cajal.Namespace {
	out := make(cajal.Namespace, len(a)+len(b))
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}

func copyMap(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
