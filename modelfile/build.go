package modelfile

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/models"
	"github.com/cajal-sim/cajal/unit"
)

// built is a file's network, its groups and namespaces, and its monitors.
type built struct {
	net        *cajal.Network
	groups     map[string]*cajal.NeuronGroup
	syns       map[string]*cajal.SynapseGroup
	tables     map[string]*cajal.TimedArray
	modelOf    map[string]string // a neuron group's named model, if it has one
	namespaces []cajal.Namespace // every namespace, to apply the runs' changes
	spikes     []spikeMon
	states     []stateMon
	rates      []rateMon
	synStates  []stateMon
	weights    []weightMon
	plan       *plan // set by Check: count the synapses instead of connecting
}

type weightMon struct {
	spec WeightRecorder
	r    *cajal.WeightRecorder
}

type spikeMon struct {
	name  string
	m     *cajal.SpikeMonitor
	n     int
	vars  []string
	units []string // of vars
}

type stateMon struct {
	spec StateMonitor
	m    *cajal.StateMonitor
}

type rateMon struct {
	name string
	m    *cajal.PopulationRateMonitor
}

var sliceRE = regexp.MustCompile(`^\s*([A-Za-z_]\w*)\s*(?:\[\s*(\d*)\s*:\s*(\d*)\s*\])?\s*$`)

// build makes the network of f; with an output folder its monitors
// stream to files there and keep nothing in memory. ck says where runs
// write checkpoints, and how often.
func (f *File) build(outDir string, ck Checkpoints) (*built, error) {
	return f.buildNet(outDir, ck, nil)
}

// buildNet is build; with a plan, synapse groups are made and counted but
// not connected (Check).
func (f *File) buildNet(outDir string, ck Checkpoints, p *plan) (*built, error) {
	opts := cajal.Options{Seed: f.Seed, Threads: f.Threads, RecordDir: outDir, Model: f.digest,
		Checkpoint: ck.Path, CheckpointEvery: ck.Every, Progress: f.progress}
	if f.Dt != "" {
		dt, err := unit.Parse(f.Dt)
		if err != nil {
			return nil, fmt.Errorf("dt: %v", err)
		}
		opts.Dt = dt
	}
	net, err := cajal.NewNetwork(opts)
	if err != nil {
		return nil, err
	}
	b := &built{net: net, groups: map[string]*cajal.NeuronGroup{}, syns: map[string]*cajal.SynapseGroup{},
		modelOf: map[string]string{}, plan: p}
	if b.tables, err = f.buildTimedArrays(); err != nil {
		return nil, err
	}
	if err := f.buildGroups(b); err != nil {
		return nil, err
	}
	if err := f.buildGenerators(b); err != nil {
		return nil, err
	}
	for k, s := range f.Synapses {
		if err := f.buildSynapses(b, k, s); err != nil {
			return nil, err
		}
	}
	if err := f.buildPoissonInputs(b); err != nil {
		return nil, err
	}
	if err := f.buildRegularly(b); err != nil {
		return nil, err
	}
	if err := f.buildMonitors(b, outDir != ""); err != nil {
		return nil, err
	}
	if err := f.buildSynapseMonitors(b, outDir != ""); err != nil {
		return nil, err
	}
	return b, nil
}

// ns merges the file's namespace and TimedArrays with an object's own and
// remembers it.
func (f *File) ns(b *built, own map[string]any) cajal.Namespace {
	n := namespace(f.Namespace, own)
	for name, ta := range b.tables {
		if _, set := n[name]; !set {
			n[name] = ta
		}
	}
	b.namespaces = append(b.namespaces, n)
	return n
}

// buildGroups makes the neuron and Poisson groups.
func (f *File) buildGroups(b *built) error {
	for k, g := range f.Neurons {
		if g.Name == "" {
			return fmt.Errorf("neurons %d: a group needs a name", k+1)
		}
		if _, dup := b.groups[g.Name]; dup {
			return fmt.Errorf("neurons %q: two groups have this name", g.Name)
		}
		ng, err := f.neuronGroup(b, k, g)
		if err != nil {
			return err
		}
		if err := f.setAll("neurons."+strconv.Itoa(k), g.Name, g.Init, ng.Set); err != nil {
			return err
		}
		b.groups[g.Name] = ng
	}
	for k, p := range f.Poisson {
		if p.Name == "" {
			return fmt.Errorf("poisson %d: a group needs a name", k+1)
		}
		if _, dup := b.groups[p.Name]; dup {
			return fmt.Errorf("poisson %q: two groups have this name", p.Name)
		}
		var rates any = p.Rates
		if q, err := unit.Parse(p.Rates); err == nil {
			rates = q
		}
		pg, err := b.net.PoissonGroup(cajal.Poisson{Name: p.Name, N: p.N, Rates: rates, Namespace: f.ns(b, nil)})
		if err != nil {
			return err
		}
		b.groups[p.Name] = pg
	}
	return nil
}

// source finds a group or a slice of one: "exc", "exc[0:400]".
func (b *built) source(ref string) (cajal.Source, error) {
	m := sliceRE.FindStringSubmatch(ref)
	if m == nil {
		return nil, fmt.Errorf("%q is not a group or a slice such as exc[0:400]", ref)
	}
	g, ok := b.groups[m[1]]
	if !ok {
		return nil, fmt.Errorf("no group named %q", m[1])
	}
	if !strings.Contains(ref, "[") {
		return g, nil
	}
	lo, hi := 0, g.N()
	var err error
	if m[2] != "" {
		if lo, err = strconv.Atoi(m[2]); err != nil {
			return nil, fmt.Errorf("%q: %v", ref, err)
		}
	}
	if m[3] != "" {
		if hi, err = strconv.Atoi(m[3]); err != nil {
			return nil, fmt.Errorf("%q: %v", ref, err)
		}
	}
	return g.Slice(lo, hi)
}

// buildSynapses makes the k-th synapse group and connects it.
func (f *File) buildSynapses(b *built, k int, s Synapses) error {
	name := s.Name
	if name == "" {
		name = fmt.Sprintf("synapses%d", k+1)
	}
	src, err := b.source(s.Source)
	if err != nil {
		return fmt.Errorf("synapses %s: source: %v", name, err)
	}
	tgt, err := b.source(s.Target)
	if err != nil {
		return fmt.Errorf("synapses %s: target: %v", name, err)
	}
	path := "synapses." + strconv.Itoa(k)
	if sm, ok := models.LookupSynapse(strings.TrimSpace(s.Model)); ok {
		sg, err := f.namedSynapses(b, path, name, sm, s, src, tgt)
		if err != nil {
			return err
		}
		b.syns[name] = sg
		return f.setAll(path, name, s.Init, sg.Set)
	}
	for key, set := range map[string]bool{"params": s.Params != nil, "receptor": s.Receptor != ""} {
		if set {
			return f.pos.errorf(join(path, key), "synapses %s: %s goes with a named synapse model (model = \"static\"; they are %s)", name, key, strings.Join(models.Synapses(), ", "))
		}
	}
	spec := cajal.Synapses{Name: name, Source: src, Target: tgt, Model: s.Model, OnPre: s.OnPre, OnPost: s.OnPost,
		Method: s.Method, Namespace: f.ns(b, s.Namespace)}
	if s.Delay != "" {
		if q, err := unit.Parse(s.Delay); err == nil {
			spec.Delay = q
		} else {
			spec.Delay = s.Delay
		}
	}
	sg, err := b.net.Synapses(spec)
	if err != nil {
		return err
	}
	b.syns[name] = sg
	if b.plan != nil {
		if err := b.plan.count(name, src, tgt, sg, s.Connect); err != nil {
			return err
		}
	} else if err := sg.Connect(connectOptions(s.Connect)...); err != nil {
		return fmt.Errorf("%ssynapses %s: connect: %w", f.pos.where(join(path, "connect")), name, err)
	}
	return f.setAll(path, name, s.Init, sg.Set)
}

// size is the number of neurons of a group or slice.
func size(src cajal.Source) int {
	switch s := src.(type) {
	case *cajal.NeuronGroup:
		return s.N()
	case cajal.Subgroup:
		return s.N()
	}
	return 0
}
