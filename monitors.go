package cajal

import (
	"errors"
	"fmt"
	"math"

	"github.com/cajal-sim/cajal/internal/sim"
	"github.com/cajal-sim/cajal/record"
	"github.com/cajal-sim/cajal/unit"
)

// SpikeMonitor records the spikes of a group or subgroup.
type SpikeMonitor struct {
	m      *sim.SpikeMonitor
	vars   []string
	values [][]float64 // per variable, one value per spike
}

// SpikeMonitor records every spike of src, a group or subgroup of this
// network, from now on; its file, if options or Options.RecordDir ask for
// one, holds rows (i int32, t seconds).
func (n *Network) SpikeMonitor(src Source, opts ...MonitorOption) (*SpikeMonitor, error) {
	if n.invalid() {
		return nil, errNetwork
	}
	g, lo, hi, err := n.source("SpikeMonitor", src)
	if err != nil {
		return nil, err
	}
	if err := n.reserve(fmt.Sprintf("a spike monitor of %d neurons", hi-lo), float64(hi-lo)*8); err != nil {
		return nil, err
	}
	m := sim.NewSpikeMonitor(g.sg, lo, hi)
	m.Keep = n.writer(&m.Out, opts, sourceName(src)+"_spikes", record.Meta{Kind: "spikes", Source: sourceName(src),
		Fields: record.Schema{
			{Name: "i", Kind: record.Int32, Unit: "1", About: "neuron, counted within the source"},
			{Name: "t", Kind: record.Float64, Unit: "second", About: "time of the spike"}},
		Attrs: map[string]any{"neurons": hi - lo, "offset": lo}})
	n.sim.Monitors = append(n.sim.Monitors, m)
	n.spikeMons = append(n.spikeMons, m)
	sm := &SpikeMonitor{m: m}
	var spec monitorSpec
	for _, o := range opts {
		if o != nil {
			o(&spec)
		}
	}
	if len(spec.vars) > 0 {
		sm.recordValues(n, g, lo, hi, spec.vars)
	}
	return sm, nil
}

// recordValues records variables at each spike, after the threshold. A
// variable the group lacks makes the next Run fail.
func (m *SpikeMonitor) recordValues(n *Network, g *NeuronGroup, lo, hi int, vars []string) {
	m.vars = vars
	m.values = make([][]float64, len(vars))
	for _, v := range vars {
		_, isArray := g.sg.Arrays[v]
		_, isScalar := g.sg.Scalars[v]
		if !isArray && !isScalar {
			n.recordErr = errors.Join(n.recordErr, fmt.Errorf("cajal: spike monitor of %s: no recordable variable %q", g.spec.Name, v))
			return
		}
	}
	var arrays []string
	for _, v := range vars {
		if _, ok := g.sg.Arrays[v]; ok {
			arrays = append(arrays, v)
		}
	}
	var spiking []int32
	n.thresholdTasks = append(n.thresholdTasks, func(int64, float64) error {
		if n.sim.Split() {
			spiking = spiking[:0]
			for _, i := range g.sg.Spikes {
				if int(i) >= lo && int(i) < hi {
					spiking = append(spiking, i)
				}
			}
			n.sim.Sync(g.sg, arrays, spiking)
		}
		for k, v := range vars {
			arr, isArray := g.sg.Arrays[v]
			for _, i := range g.sg.Spikes {
				if int(i) < lo || int(i) >= hi {
					continue
				}
				x := g.sg.Scalars[v]
				if isArray {
					x = arr[i]
				}
				m.values[k] = append(m.values[k], x)
			}
		}
		return nil
	})
}

// Values is the value of a variable named with Variables at each spike,
// in SI units, in the order of I and T.
func (m *SpikeMonitor) Values(name string) ([]float64, error) {
	if m == nil || m.m == nil {
		return nil, fmt.Errorf("cajal: a nil SpikeMonitor")
	}
	for k, v := range m.vars {
		if v == name {
			return m.values[k], nil
		}
	}
	return nil, fmt.Errorf("cajal: the spike monitor does not record %q", name)
}

// Trains is each neuron's spike times in seconds (Brian2's
// spike_trains()), from the spikes kept in memory.
func (m *SpikeMonitor) Trains() [][]float64 {
	if m == nil || m.m == nil {
		return nil
	}
	out := make([][]float64, len(m.m.Count))
	is := m.m.I.Flat()
	for k, t := range m.m.T.Flat() {
		out[is[k]] = append(out[is[k]], t)
	}
	return out
}

// Path is the monitor's file, or "" if it has none (yet: files are
// made when the first run starts).
func (m *SpikeMonitor) Path() string {
	if m == nil || m.m == nil {
		return ""
	}
	return path(m.m.Out)
}

// path is a writer's file, or "".
func path(w *record.Writer) string {
	if w == nil {
		return ""
	}
	return w.Path()
}

// I is the index of each spike's neuron, counted within the source.
func (m *SpikeMonitor) I() []int32 {
	if m == nil || m.m == nil {
		return nil
	}
	return m.m.I.Flat()
}

// T is the time of each spike in seconds.
func (m *SpikeMonitor) T() []float64 {
	if m == nil || m.m == nil {
		return nil
	}
	return m.m.T.Flat()
}

// Count is the number of spikes of each neuron of the source.
func (m *SpikeMonitor) Count() []int {
	if m == nil || m.m == nil {
		return nil
	}
	return m.m.Count
}

// Num is the number of spikes recorded.
func (m *SpikeMonitor) Num() int {
	if m == nil || m.m == nil {
		return 0
	}
	if !m.m.Keep && m.m.Out != nil {
		return int(m.m.Out.Rows())
	}
	return m.m.T.Len()
}

// Rates returns each neuron's mean rate in hertz over [from, to) seconds,
// from the spikes kept in memory (none with DiskOnly); nil unless
// to > from.
func (m *SpikeMonitor) Rates(from, to float64) []float64 {
	if m == nil || m.m == nil || !(to > from) {
		return nil
	}
	r := make([]float64, len(m.m.Count))
	is := m.m.I.Flat()
	for k, t := range m.m.T.Flat() {
		if t >= from && t < to {
			r[is[k]]++
		}
	}
	for i := range r {
		r[i] /= to - from
	}
	return r
}

// StateMonitor records variables of chosen neurons.
type StateMonitor struct {
	m   *sim.StateMonitor
	idx map[string]int
}

// StateMonitor records the variables vars of the neurons indices (counted
// within src; nil for all) every interval (zero: every step), from now on.
// Values are recorded at the start of each step, before the update. Its
// file, if options or Options.RecordDir ask for one, holds rows (t
// seconds, then for each variable one value per recorded neuron, in SI).
func (n *Network) StateMonitor(src Source, vars []string, indices []int, interval unit.Quantity, opts ...MonitorOption) (*StateMonitor, error) {
	if n.invalid() {
		return nil, errNetwork
	}
	g, lo, hi, err := n.source("StateMonitor", src)
	if err != nil {
		return nil, err
	}
	if len(vars) == 0 {
		return nil, fmt.Errorf("cajal: StateMonitor of %s: no variables to record", g.spec.Name)
	}
	every, err := n.every(interval)
	if err != nil {
		return nil, err
	}
	idx := map[string]int{}
	for k, v := range vars {
		_, isArray := g.sg.Arrays[v]
		_, isScalar := g.sg.Scalars[v]
		if !isArray && !isScalar {
			return nil, fmt.Errorf("cajal: %s has no recordable variable %q", g.spec.Name, v)
		}
		idx[v] = k
	}
	var abs []int
	if indices == nil {
		for i := lo; i < hi; i++ {
			abs = append(abs, i)
		}
	} else {
		for _, i := range indices {
			if i < 0 || lo+i >= hi {
				return nil, fmt.Errorf("cajal: index %d is outside the %d recorded neurons", i, hi-lo)
			}
			abs = append(abs, lo+i)
		}
	}
	m := sim.NewStateMonitor(g.sg.Arrays, g.sg.Scalars, vars, abs, every)
	m.Group = g.sg
	rel := make([]int, len(abs))
	for k, i := range abs {
		rel[k] = i - lo
	}
	m.Keep = n.writer(&m.Out, opts, sourceName(src)+"_states",
		stateMeta(sourceName(src), vars, g.store(), rel, float64(every)*n.dt))
	n.sim.Monitors = append(n.sim.Monitors, m)
	n.stateMons = append(n.stateMons, m)
	return &StateMonitor{m: m, idx: idx}, nil
}

// stateMeta describes the rows of a state monitor: t, then one subarray
// per variable.
func stateMeta(source string, vars []string, st *store, indices []int, interval float64) record.Meta {
	fields := record.Schema{{Name: "t", Kind: record.Float64, Unit: "second", About: "time of the sample"}}
	for _, v := range vars {
		u := ""
		if cv := st.lookup(v); cv != nil {
			u = cv.Dim.String()
		}
		fields = append(fields, record.Field{Name: v, Kind: record.Float64, Width: len(indices), Unit: u,
			About: "one value per recorded element (elements)"})
	}
	return record.Meta{Kind: "states", Source: source, Fields: fields, Elements: indices,
		Attrs: map[string]any{"interval": interval}}
}

// Path is the monitor's file, or "" if it has none (yet: files are
// made when the first run starts).
func (m *StateMonitor) Path() string {
	if m == nil || m.m == nil {
		return ""
	}
	return path(m.m.Out)
}

// SynapseMonitor records synaptic variables (w, traces) of the synapses
// indices (synapse numbers, as I and J list them: by presynaptic, then
// postsynaptic neuron; nil for every synapse there is now) every interval
// (zero: every step), from now on, as Brian2's StateMonitor on a Synapses
// object. Its file holds rows as a StateMonitor's, one value per recorded
// synapse.
func (n *Network) SynapseMonitor(s *SynapseGroup, vars []string, indices []int, interval unit.Quantity, opts ...MonitorOption) (*StateMonitor, error) {
	if n.invalid() {
		return nil, errNetwork
	}
	if s.invalid() {
		return nil, errInvalid("SynapseMonitor: the synapse group")
	}
	if s.net != n {
		return nil, fmt.Errorf("cajal: SynapseMonitor: %s belongs to another network", s.spec.Name)
	}
	if len(vars) == 0 {
		return nil, fmt.Errorf("cajal: SynapseMonitor of %s: no variables to record", s.spec.Name)
	}
	every, err := n.every(interval)
	if err != nil {
		return nil, err
	}
	if err := s.pin(vars...); err != nil {
		return nil, err
	}
	idx := map[string]int{}
	for k, v := range vars {
		_, isArray := s.ss.Arrays[v]
		_, isScalar := s.ss.Scalars[v]
		if !isArray && !isScalar {
			return nil, fmt.Errorf("cajal: %s has no recordable variable %q", s.spec.Name, v)
		}
		idx[v] = k
	}
	if indices == nil {
		// All synapses, as they are now (Brian2's record=True).
		indices = make([]int, s.N())
		for i := range indices {
			indices[i] = i
		}
	}
	if len(indices) == 0 {
		return nil, fmt.Errorf("cajal: SynapseMonitor of %s: no synapses to record", s.spec.Name)
	}
	for _, i := range indices {
		if i < 0 || i >= s.N() {
			return nil, fmt.Errorf("cajal: synapse %d does not exist (%s has %d)", i, s.spec.Name, s.N())
		}
	}
	m := sim.NewStateMonitor(s.ss.Arrays, s.ss.Scalars, vars, append([]int(nil), indices...), every)
	m.Syn = s.ss
	m.Keep = n.writer(&m.Out, opts, s.spec.Name+"_states",
		stateMeta(s.spec.Name, vars, s.store(), m.Indices, float64(every)*n.dt))
	n.sim.Monitors = append(n.sim.Monitors, m)
	n.stateMons = append(n.stateMons, m)
	return &StateMonitor{m: m, idx: idx}, nil
}

// every converts a recording interval to steps.
func (n *Network) every(interval unit.Quantity) (int64, error) {
	if interval == (unit.Quantity{}) {
		return 1, nil
	}
	if !interval.Dim.Equal(unit.Second.Dim) || !(interval.Value > 0) || math.IsInf(interval.Value, 0) {
		return 0, fmt.Errorf("cajal: a recording interval must be a positive duration, got %v", interval)
	}
	if interval.Value/n.dt > MaxSteps {
		return 0, fmt.Errorf("cajal: the recording interval %v is more than 2^53 steps", interval)
	}
	every := int64(math.Round(interval.Value / n.dt))
	if every < 1 || math.Abs(float64(every)*n.dt-interval.Value) > 1e-9*interval.Value {
		return 0, fmt.Errorf("cajal: the recording interval %v is not a multiple of dt = %g s", interval, n.dt)
	}
	return every, nil
}

// T is the time of each sample in seconds.
func (m *StateMonitor) T() []float64 {
	if m == nil || m.m == nil {
		return nil
	}
	return m.m.T
}

// Values returns the traces of a variable in SI units: one slice per
// recorded neuron.
func (m *StateMonitor) Values(name string) ([][]float64, error) {
	if m == nil || m.m == nil {
		return nil, fmt.Errorf("cajal: the state monitor is nil or was not made by a Network")
	}
	k, ok := m.idx[name]
	if !ok {
		return nil, fmt.Errorf("cajal: the monitor does not record %q", name)
	}
	return m.m.Values[k], nil
}

// PopulationRateMonitor records the instantaneous rate of a population.
type PopulationRateMonitor struct{ m *sim.RateMonitor }

// PopulationRateMonitor records the rate of src, a group or subgroup of
// this network, at every step from now on; its file holds rows (t
// seconds, rate hertz).
func (n *Network) PopulationRateMonitor(src Source, opts ...MonitorOption) (*PopulationRateMonitor, error) {
	if n.invalid() {
		return nil, errNetwork
	}
	g, lo, hi, err := n.source("PopulationRateMonitor", src)
	if err != nil {
		return nil, err
	}
	m := &sim.RateMonitor{Group: g.sg, Lo: lo, Hi: hi, Dt: n.dt}
	m.Keep = n.writer(&m.Out, opts, sourceName(src)+"_rate", record.Meta{Kind: "rate", Source: sourceName(src),
		Fields: record.Schema{
			{Name: "t", Kind: record.Float64, Unit: "second", About: "time of the step"},
			{Name: "rate", Kind: record.Float64, Unit: "hertz", About: "fraction of the neurons that spiked, over dt"}},
		Attrs: map[string]any{"neurons": hi - lo}})
	n.sim.Monitors = append(n.sim.Monitors, m)
	n.rateMons = append(n.rateMons, m)
	return &PopulationRateMonitor{m}, nil
}

// Path is the monitor's file, or "" if it has none (yet: files are
// made when the first run starts).
func (m *PopulationRateMonitor) Path() string {
	if m == nil || m.m == nil {
		return ""
	}
	return path(m.m.Out)
}

// T is the time of each step in seconds.
func (m *PopulationRateMonitor) T() []float64 {
	if m == nil || m.m == nil {
		return nil
	}
	return m.m.T
}

// Rate is the fraction of the population that spiked in each step, divided
// by dt, in hertz.
func (m *PopulationRateMonitor) Rate() []float64 {
	if m == nil || m.m == nil {
		return nil
	}
	return m.m.Rate
}

// SmoothRate averages the rate over a flat window of the given number of
// steps (at least 1), centred on each step.
func (m *PopulationRateMonitor) SmoothRate(steps int) []float64 {
	steps = max(steps, 1)
	r := m.Rate()
	out := make([]float64, len(r))
	h := steps / 2
	for i := range r {
		lo, hi := max(0, i-h), min(len(r), i-h+steps)
		s := 0.0
		for _, x := range r[lo:hi] {
			s += x
		}
		out[i] = s / float64(hi-lo)
	}
	return out
}

// WeightRecorder records a synaptic variable after every event of a
// pathway, as NEST's weight_recorder: sender, target, time and value.
type WeightRecorder struct {
	s *SynapseGroup
	m *sim.EventMonitor
}

// WeightRecorder records the variable name of each synapse reached by a
// presynaptic spike ("pre") or a postsynaptic one ("post"), from now on.
// Its file, if options or Options.RecordDir ask for one, holds rows (t
// seconds, syn, i, j, then the variable), i and j counted within the
// source and target.
func (s *SynapseGroup) WeightRecorder(name, pathway string, opts ...MonitorOption) (*WeightRecorder, error) {
	if s.invalid() {
		return nil, errInvalid("the synapse group")
	}
	p := s.pre
	if pathway == "post" {
		p = s.post
	}
	if p == nil || (pathway != "pre" && pathway != "post") {
		return nil, fmt.Errorf("cajal: %s has no %q pathway", s.spec.Name, pathway)
	}
	if err := s.pin(name); err != nil {
		return nil, err
	}
	if _, ok := s.ss.Arrays[name]; !ok {
		return nil, fmt.Errorf("cajal: %s has no per-synapse variable %q", s.spec.Name, name)
	}
	if p.Record != "" {
		return nil, fmt.Errorf("cajal: %s already records %q on its %s pathway", s.spec.Name, p.Record, pathway)
	}
	u := ""
	if v := s.store().lookup(name); v != nil {
		u = v.Dim.String()
	}
	n := s.net
	m := &sim.EventMonitor{Syn: s.ss, Pathway: p}
	m.Keep = n.writer(&m.Out, opts, s.spec.Name+"_"+pathway+"_"+name, record.Meta{Kind: "events", Source: s.spec.Name,
		Fields: record.Schema{
			{Name: "t", Kind: record.Float64, Unit: "second", About: "time of the event"},
			{Name: "syn", Kind: record.Int32, Unit: "1", About: "synapse, in creation order"},
			{Name: "i", Kind: record.Int32, Unit: "1", About: "presynaptic neuron, counted within the source"},
			{Name: "j", Kind: record.Int32, Unit: "1", About: "postsynaptic neuron, counted within the target"},
			{Name: name, Kind: record.Float64, Unit: u, About: "value after the event"}},
		Attrs: map[string]any{"pathway": pathway}})
	p.Record = name
	n.sim.Monitors = append(n.sim.Monitors, m)
	return &WeightRecorder{s: s, m: m}, nil
}

// Path is the recorder's file, or "" if it has none (yet: files are
// made when the first run starts).
func (r *WeightRecorder) Path() string {
	if r.invalid() {
		return ""
	}
	return path(r.m.Out)
}

// Len is the number of events recorded.
func (r *WeightRecorder) Len() int {
	if r.invalid() {
		return 0
	}
	if !r.m.Keep && r.m.Out != nil {
		return int(r.m.Out.Rows())
	}
	return len(r.m.Log.T)
}

// invalid reports a nil recorder or one not made by WeightRecorder.
func (r *WeightRecorder) invalid() bool { return r == nil || r.m == nil || r.s == nil }

// Senders is each event's presynaptic neuron, counted within the source.
func (r *WeightRecorder) Senders() []int32 {
	if r.invalid() {
		return nil
	}
	out := make([]int32, len(r.m.Log.Syn))
	for k := range r.m.Log.Syn {
		pre, _ := r.m.Log.Ends(r.s.ss, k)
		out[k] = pre - int32(r.s.ss.SrcLo)
	}
	return out
}

// Targets is each event's postsynaptic neuron, counted within the target.
func (r *WeightRecorder) Targets() []int32 {
	if r.invalid() {
		return nil
	}
	out := make([]int32, len(r.m.Log.Syn))
	for k := range r.m.Log.Syn {
		_, post := r.m.Log.Ends(r.s.ss, k)
		out[k] = post - int32(r.s.ss.TgtLo)
	}
	return out
}

// Synapses is each event's synapse number.
func (r *WeightRecorder) Synapses() []int32 {
	if r.invalid() {
		return nil
	}
	return r.m.Log.Syn
}

// Times is each event's time in seconds.
func (r *WeightRecorder) Times() []float64 {
	if r.invalid() {
		return nil
	}
	return r.m.Log.T
}

// Values is the recorded variable after each event, in SI units.
func (r *WeightRecorder) Values() []float64 {
	if r.invalid() {
		return nil
	}
	return r.m.Log.Value
}
