// Package modelfile reads a network from a TOML file and runs it, so that a
// model can be simulated from the command line (`cajal sim file.toml`)
// without writing Go. The file holds the same things a Go program passes to
// package cajal: neuron groups (with Brian2's equation text), Poisson
// inputs, synapses with their connection rule, initial values, monitors and
// the runs, each with its namespace; quantities are strings such as
// "10*nS".
//
//	dt = "0.1*ms"
//	seed = 1
//	runs = ["1*second"]
//
//	[namespace]
//	tau = "10*ms"
//
//	[[neurons]]
//	name = "exc"
//	n = 800
//	model = "dv/dt = (el - v)/tau : volt"
//	threshold = "v > vt"
//	reset = "v = el"
//	refractory = "5*ms"
//	init = { v = "el + rand()*(vt - el)" }
//
//	[[synapses]]
//	name = "ee"
//	source = "exc"          # or "exc[0:400]"
//	target = "exc"
//	on_pre = "v += 0.5*mV"
//	connect = { p = 0.1, condition = "i != j" }
//
//	[[spikes]]
//	source = "exc"
//
//	[[states]]
//	source = "exc"
//	vars = ["v"]
//	indices = [0, 1]
//	interval = "1*ms"
//
//	[[rates]]
//	source = "exc"
//
// Run writes, for each spike monitor, the spikes as CSV and a raster as
// PNG; for each state monitor the traces as CSV and a figure per variable;
// for each rate monitor the rate as CSV and a figure; and returns a summary
// of the rates.
package modelfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/plot"
	"github.com/cajal-sim/cajal/unit"
)

// File is a model file.
type File struct {
	Dt      string `toml:"dt"`
	Seed    uint64 `toml:"seed"`
	Threads int    `toml:"threads"`
	// Runs are the runs in order: a duration ("1*second"), or a table
	// { duration = "9*second", namespace = { eta = 0.01 } } that changes
	// namespace values (of the file and of every group) before the run.
	Runs      []any          `toml:"runs"`
	Namespace map[string]any `toml:"namespace"`
	Neurons   []Neurons      `toml:"neurons"`
	Poisson   []Poisson      `toml:"poisson"`
	Synapses  []Synapses     `toml:"synapses"`
	Spikes    []SpikeMonitor `toml:"spikes"`
	States    []StateMonitor `toml:"states"`
	Rates     []RateMonitor  `toml:"rates"`

	pos *keyPos // where Parse found each key; nil for a File made in Go
}

// StateMonitor records variables of chosen neurons at an interval.
type StateMonitor struct {
	Source   string   `toml:"source"`
	Vars     []string `toml:"vars"`
	Indices  []int    `toml:"indices"`  // within the source; empty for all
	Interval string   `toml:"interval"` // a duration; empty for every step
}

// RateMonitor records the population rate of a group or subgroup.
type RateMonitor struct {
	Source string `toml:"source"`
}

// Neurons is a neuron group.
type Neurons struct {
	Name       string         `toml:"name"`
	N          int            `toml:"n"`
	Model      string         `toml:"model"`
	Threshold  string         `toml:"threshold"`
	Reset      string         `toml:"reset"`
	Refractory string         `toml:"refractory"`
	Method     string         `toml:"method"`
	Namespace  map[string]any `toml:"namespace"`
	Init       map[string]any `toml:"init"` // values or expressions
}

// Poisson is a group of Poisson sources.
type Poisson struct {
	Name  string `toml:"name"`
	N     int    `toml:"n"`
	Rates string `toml:"rates"` // a quantity or an expression in t and i
}

// Synapses is a synapse group and how it connects.
type Synapses struct {
	Name      string         `toml:"name"`
	Source    string         `toml:"source"`
	Target    string         `toml:"target"`
	Model     string         `toml:"model"`
	OnPre     string         `toml:"on_pre"`
	OnPost    string         `toml:"on_post"`
	Delay     string         `toml:"delay"`
	Method    string         `toml:"method"`
	Namespace map[string]any `toml:"namespace"`
	Connect   Connect        `toml:"connect"`
	Init      map[string]any `toml:"init"`
}

// Connect is a connection rule; empty means all to all.
type Connect struct {
	P         *float64 `toml:"p"`
	Condition string   `toml:"condition"`
	OneToOne  bool     `toml:"one_to_one"`
	N         int      `toml:"n"` // synapses per pair
	I         []int    `toml:"i"` // explicit pairs: i[k] -> j[k]
	J         []int    `toml:"j"`
}

// SpikeMonitor records the spikes of a group or subgroup.
type SpikeMonitor struct {
	Source string `toml:"source"`
}

// Load reads a model file; syntax errors name the line and column.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse reads a model file's text.
func Parse(name string, data []byte) (*File, error) {
	var f File
	dec := toml.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		var se *toml.StrictMissingError
		if errors.As(err, &se) && len(se.Errors) > 0 {
			de := se.Errors[0]
			row, col := de.Position()
			return nil, fmt.Errorf("%s:%d:%d: unknown key %q; expected one of the keys this package documents", name, row, col, strings.Join(de.Key(), "."))
		}
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, col := de.Position()
			return nil, fmt.Errorf("%s:%d:%d: %s", name, row, col, de.Error())
		}
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if len(f.Runs) == 0 {
		return nil, fmt.Errorf("%s: no runs: add runs = [\"1*second\"]", name)
	}
	f.pos = scanPositions(name, data)
	return &f, nil
}

// Result is what a run of a model file produced.
type Result struct {
	Summary string
	Files   []string
}

// namespace merges the file's namespace with a group's own.
func namespace(global, own map[string]any) cajal.Namespace {
	ns := cajal.Namespace{}
	for k, v := range global {
		ns[k] = v
	}
	for k, v := range own {
		ns[k] = v
	}
	return ns
}

var sliceRE = regexp.MustCompile(`^\s*([A-Za-z_]\w*)\s*(?:\[\s*(\d*)\s*:\s*(\d*)\s*\])?\s*$`)

// Run builds the network, runs it and writes each spike monitor's spikes
// (CSV) and raster (PNG) to outDir.
func (f *File) Run(outDir string) (*Result, error) {
	if f == nil {
		return nil, errors.New("modelfile: a nil File")
	}
	if err := f.validate(); err != nil {
		return nil, err
	}
	opts := cajal.Options{Seed: f.Seed, Threads: f.Threads}
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
	groups := map[string]*cajal.NeuronGroup{}
	// Every group's namespace, to apply the runs' changes.
	var namespaces []cajal.Namespace
	ns := func(own map[string]any) cajal.Namespace {
		n := namespace(f.Namespace, own)
		namespaces = append(namespaces, n)
		return n
	}
	for k, g := range f.Neurons {
		if g.Name == "" {
			return nil, fmt.Errorf("neurons %d: a group needs a name", k+1)
		}
		if _, dup := groups[g.Name]; dup {
			return nil, fmt.Errorf("neurons %q: two groups have this name", g.Name)
		}
		spec := cajal.Neurons{Name: g.Name, N: g.N, Model: g.Model, Threshold: g.Threshold, Reset: g.Reset,
			Method: g.Method, Namespace: ns(g.Namespace)}
		if g.Refractory != "" {
			spec.Refractory = g.Refractory
		}
		ng, err := net.NeuronGroup(spec)
		if err != nil {
			return nil, err
		}
		if err := f.setAll("neurons."+strconv.Itoa(k), g.Name, g.Init, ng.Set); err != nil {
			return nil, err
		}
		groups[g.Name] = ng
	}
	for k, p := range f.Poisson {
		if p.Name == "" {
			return nil, fmt.Errorf("poisson %d: a group needs a name", k+1)
		}
		if _, dup := groups[p.Name]; dup {
			return nil, fmt.Errorf("poisson %q: two groups have this name", p.Name)
		}
		var rates any = p.Rates
		if q, err := unit.Parse(p.Rates); err == nil {
			rates = q
		}
		pg, err := net.PoissonGroup(cajal.Poisson{Name: p.Name, N: p.N, Rates: rates, Namespace: ns(nil)})
		if err != nil {
			return nil, err
		}
		groups[p.Name] = pg
	}
	source := func(ref string) (cajal.Source, error) {
		m := sliceRE.FindStringSubmatch(ref)
		if m == nil {
			return nil, fmt.Errorf("%q is not a group or a slice such as exc[0:400]", ref)
		}
		g, ok := groups[m[1]]
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
	for k, s := range f.Synapses {
		name := s.Name
		if name == "" {
			name = fmt.Sprintf("synapses%d", k+1)
		}
		src, err := source(s.Source)
		if err != nil {
			return nil, fmt.Errorf("synapses %s: source: %v", name, err)
		}
		tgt, err := source(s.Target)
		if err != nil {
			return nil, fmt.Errorf("synapses %s: target: %v", name, err)
		}
		spec := cajal.Synapses{Name: name, Source: src, Target: tgt, Model: s.Model, OnPre: s.OnPre, OnPost: s.OnPost,
			Method: s.Method, Namespace: ns(s.Namespace)}
		if s.Delay != "" {
			if q, err := unit.Parse(s.Delay); err == nil {
				spec.Delay = q
			} else {
				spec.Delay = s.Delay
			}
		}
		sg, err := net.Synapses(spec)
		if err != nil {
			return nil, err
		}
		var opts []cajal.ConnectOption
		c := s.Connect
		if c.P != nil {
			opts = append(opts, cajal.P(*c.P))
		}
		if c.Condition != "" {
			opts = append(opts, cajal.Condition(c.Condition))
		}
		if c.OneToOne {
			opts = append(opts, cajal.OneToOne())
		}
		if c.N > 1 {
			opts = append(opts, cajal.Multiplicity(c.N))
		}
		if c.I != nil || c.J != nil {
			opts = append(opts, cajal.Pairs(c.I, c.J))
		}
		if err := sg.Connect(opts...); err != nil {
			return nil, err
		}
		if err := f.setAll("synapses."+strconv.Itoa(k), name, s.Init, sg.Set); err != nil {
			return nil, err
		}
	}
	type mon struct {
		name string
		m    *cajal.SpikeMonitor
		n    int
	}
	var mons []mon
	for _, sm := range f.Spikes {
		src, err := source(sm.Source)
		if err != nil {
			return nil, fmt.Errorf("spikes: %v", err)
		}
		n := 0
		switch s := src.(type) {
		case *cajal.NeuronGroup:
			n = s.N()
		case cajal.Subgroup:
			n = s.N()
		}
		m, err := net.SpikeMonitor(src)
		if err != nil {
			return nil, err
		}
		mons = append(mons, mon{sm.Source, m, n})
	}
	type stateMon struct {
		spec StateMonitor
		m    *cajal.StateMonitor
	}
	var states []stateMon
	for _, sm := range f.States {
		src, err := source(sm.Source)
		if err != nil {
			return nil, fmt.Errorf("states: %v", err)
		}
		var every unit.Quantity
		if sm.Interval != "" {
			if every, err = unit.Parse(sm.Interval); err != nil {
				return nil, fmt.Errorf("states %s: interval: %v", sm.Source, err)
			}
		}
		m, err := net.StateMonitor(src, sm.Vars, sm.Indices, every)
		if err != nil {
			return nil, err
		}
		states = append(states, stateMon{sm, m})
	}
	type rateMon struct {
		name string
		m    *cajal.PopulationRateMonitor
	}
	var rates []rateMon
	for _, rm := range f.Rates {
		src, err := source(rm.Source)
		if err != nil {
			return nil, fmt.Errorf("rates: %v", err)
		}
		m, err := net.PopulationRateMonitor(src)
		if err != nil {
			return nil, err
		}
		rates = append(rates, rateMon{rm.Source, m})
	}
	for k := range f.Runs {
		d, changes, err := f.run(k)
		if err != nil {
			return nil, err
		}
		for name, v := range changes {
			for _, n := range namespaces {
				n[name] = v
			}
		}
		if err := net.Run(d); err != nil {
			return nil, err
		}
	}
	res := &Result{}
	var lines []string
	T := net.T()
	for _, m := range mons {
		line := fmt.Sprintf("%s: %d spikes", m.name, m.m.Num())
		if T > 0 {
			line += fmt.Sprintf(", %.2f Hz", float64(m.m.Num())/float64(m.n)/T)
		}
		lines = append(lines, line)
		if outDir == "" {
			continue
		}
		base := filepath.Join(outDir, safe(m.name))
		csv := base + "_spikes.csv"
		if err := writeCSV(csv, m.m); err != nil {
			return nil, err
		}
		ms := make([]float64, len(m.m.T()))
		for k, t := range m.m.T() {
			ms[k] = t * 1e3
		}
		png := base + "_raster.png"
		fig := plot.Figure{Panels: []plot.Panel{{Title: m.name, XLabel: "time (ms)", YLabel: "neuron",
			Series: []plot.Series{plot.Raster(ms, m.m.I(), "black", "")}}}}
		if err := fig.Save(png); err != nil {
			return nil, err
		}
		res.Files = append(res.Files, csv, png)
	}
	if outDir != "" {
		for _, sm := range states {
			files, err := writeStates(outDir, sm.spec, sm.m)
			if err != nil {
				return nil, err
			}
			res.Files = append(res.Files, files...)
		}
		for _, rm := range rates {
			files, err := writeRate(outDir, rm.name, rm.m, net.Dt())
			if err != nil {
				return nil, err
			}
			res.Files = append(res.Files, files...)
		}
	}
	sort.Strings(lines)
	res.Summary = strings.Join(lines, "\n")
	return res, nil
}

// writeStates writes a monitor's traces as CSV (time, then one column per
// variable and neuron, in SI units) and one figure per variable.
func writeStates(dir string, spec StateMonitor, m *cajal.StateMonitor) ([]string, error) {
	base := filepath.Join(dir, safe(spec.Source)+"_states")
	// The neuron of the k-th trace, counted within the source.
	neuron := func(k int) int {
		if spec.Indices != nil {
			return spec.Indices[k]
		}
		return k
	}
	var b strings.Builder
	b.WriteString("t_ms")
	traces := make([][][]float64, len(spec.Vars))
	for v, name := range spec.Vars {
		tr, err := m.Values(name)
		if err != nil {
			return nil, err
		}
		traces[v] = tr
		for k := range tr {
			fmt.Fprintf(&b, ",%s_%d", name, neuron(k))
		}
	}
	b.WriteString("\n")
	for i, t := range m.T() {
		fmt.Fprintf(&b, "%.4f", t*1e3)
		for _, tr := range traces {
			for _, x := range tr {
				fmt.Fprintf(&b, ",%.9g", x[i])
			}
		}
		b.WriteString("\n")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	files := []string{base + ".csv"}
	if err := os.WriteFile(files[0], []byte(b.String()), 0o644); err != nil {
		return nil, err
	}
	ms := make([]float64, len(m.T()))
	for i, t := range m.T() {
		ms[i] = t * 1e3
	}
	for v, name := range spec.Vars {
		var series []plot.Series
		for k, x := range traces[v] {
			series = append(series, plot.Series{X: ms, Y: x, Label: fmt.Sprintf("%s[%d]", name, neuron(k))})
		}
		fig := plot.Figure{Height: 3, Panels: []plot.Panel{{Title: spec.Source + ": " + name + " (SI units)",
			XLabel: "time (ms)", YLabel: name, Legend: len(series) <= 10, Series: series}}}
		path := base + "_" + safe(name) + ".png"
		if err := fig.Save(path); err != nil {
			return nil, err
		}
		files = append(files, path)
	}
	return files, nil
}

// writeRate writes a population rate as CSV and a figure smoothed over 1 ms.
func writeRate(dir, name string, m *cajal.PopulationRateMonitor, dt float64) ([]string, error) {
	base := filepath.Join(dir, safe(name)+"_rate")
	var b strings.Builder
	b.WriteString("t_ms,rate_hz\n")
	for i, t := range m.T() {
		fmt.Fprintf(&b, "%.4f,%.6g\n", t*1e3, m.Rate()[i])
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(base+".csv", []byte(b.String()), 0o644); err != nil {
		return nil, err
	}
	ms := make([]float64, len(m.T()))
	for i, t := range m.T() {
		ms[i] = t * 1e3
	}
	smooth := m.SmoothRate(max(1, int(1e-3/dt+0.5)))
	fig := plot.Figure{Height: 3, Panels: []plot.Panel{{Title: name + ": population rate (1 ms window)",
		XLabel: "time (ms)", YLabel: "rate (Hz)", Series: []plot.Series{{X: ms, Y: smooth, Color: "black"}}}}}
	if err := fig.Save(base + ".png"); err != nil {
		return nil, err
	}
	return []string{base + ".csv", base + ".png"}, nil
}

// setAll sets the initial values of the group at path in the order the
// file wrote them, so that an expression sees the values set above it
// (u = "b*v" after b); in name order for a File made in Go.
func (f *File) setAll(path, owner string, init map[string]any, set func(string, any) error) error {
	at := path + ".init"
	keys := f.pos.keys(at)
	if len(keys) != len(init) {
		keys = make([]string, 0, len(init))
		for k := range init {
			keys = append(keys, k)
		}
		sort.Strings(keys)
	}
	for _, k := range keys {
		if err := set(k, init[k]); err != nil {
			return fmt.Errorf("%s%s: init %s: %w", f.pos.where(join(at, k)), owner, k, err)
		}
	}
	return nil
}

func safe(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '[' || r == ']' || r == ':' || r == ' ' || r == '/' {
			return '_'
		}
		return r
	}, s)
}

func writeCSV(path string, m *cajal.SpikeMonitor) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString("i,t_ms\n")
	for k, t := range m.T() {
		fmt.Fprintf(&b, "%d,%.4f\n", m.I()[k], t*1e3)
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
