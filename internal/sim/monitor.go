package sim

import "github.com/cajal-sim/cajal/record"

// A monitor keeps its records in memory (Keep), streams them to a file
// (Out, rows in the order record's schemas for it give), or both. The
// writer holds at most a block in memory; a full block is written during
// the step.

// SpikeMonitor records the spikes of elements Lo to Hi-1 of a group.
type SpikeMonitor struct {
	Group  *Group
	Lo, Hi int
	Keep   bool            // keep I and T in memory
	Out    *record.Writer  // if not nil, rows (i int32, t float64)
	I      Column[int32]   // index within the monitored range
	T      Column[float64] // seconds
	Count  []int           // spikes per element of the range
}

// NewSpikeMonitor monitors elements lo to hi-1 of g, in memory.
func NewSpikeMonitor(g *Group, lo, hi int) *SpikeMonitor {
	return &SpikeMonitor{Group: g, Lo: lo, Hi: hi, Keep: true, Count: make([]int, hi-lo)}
}

// Start does nothing: spikes are known at the end of a step.
func (m *SpikeMonitor) Start(int64, float64) error { return nil }

// QuietAt says that Start does nothing.
func (m *SpikeMonitor) QuietAt(int64) bool { return true }

// End records the step's spikes.
func (m *SpikeMonitor) End(_ int64, t float64) error {
	for _, i := range m.Group.Spikes {
		if int(i) >= m.Lo && int(i) < m.Hi {
			k := i - int32(m.Lo)
			if m.Keep {
				m.I.Append(k)
				m.T.Append(t)
			}
			if m.Out != nil {
				m.Out.Int32(k)
				m.Out.Float64(t)
				m.Out.EndRow()
			}
			m.Count[k]++
		}
	}
	if m.Out != nil {
		return m.Out.Tick(t)
	}
	return nil
}

// StateMonitor records variables of chosen elements every Every steps, at
// the start of the step (the values at time t, before the update).
type StateMonitor struct {
	// Group is the neuron group recorded, nil for synapses: on a rank of
	// a split network the recorded elements are fetched from their
	// ranks before each record.
	Group   *Group
	Arrays  map[string][]float64 // the variables of the group (neurons or synapses)
	Scalars map[string]float64
	Vars    []string
	Indices []int
	Every   int64
	Keep    bool           // keep T and Values in memory
	Out     *record.Writer // if not nil, rows (t, then each variable's values at Indices)
	T       []float64
	Values  [][][]float64 // Values[var][k] is the trace of element Indices[k]
	idx32   []int32
	// Syn is the synapse group recorded, nil for neurons: on a rank of a
	// split network the recorded synapses' values are gathered before
	// each record into mirror, from which the monitor then reads.
	Syn    *Synapses
	mirror *synapseMirror
}

// elems is Indices as int32, for Network.Sync.
func (m *StateMonitor) elems() []int32 {
	if len(m.idx32) != len(m.Indices) {
		m.idx32 = make([]int32, len(m.Indices))
		for k, i := range m.Indices {
			m.idx32[k] = int32(i)
		}
	}
	return m.idx32
}

// NewStateMonitor records vars of the given elements of the variables in
// arrays and scalars every `every` steps, in memory.
func NewStateMonitor(arrays map[string][]float64, scalars map[string]float64, vars []string, indices []int, every int64) *StateMonitor {
	m := &StateMonitor{Arrays: arrays, Scalars: scalars, Vars: vars, Indices: indices, Every: max(every, 1), Keep: true}
	m.Values = make([][][]float64, len(vars))
	for v := range vars {
		m.Values[v] = make([][]float64, len(indices))
	}
	return m
}

// Start records the values at time t.
func (m *StateMonitor) Start(step int64, t float64) error {
	if step%m.Every != 0 {
		return nil
	}
	arrays, indices := m.Arrays, m.Indices
	if m.mirror != nil {
		arrays, indices = m.mirror.arrays, m.mirror.positions
	}
	if m.Keep {
		m.keep(t, arrays, indices)
	}
	if m.Out == nil {
		return nil
	}
	m.Out.Float64(t)
	for _, name := range m.Vars {
		a, ok := arrays[name]
		for _, i := range indices {
			if ok {
				m.Out.Float64(a[i])
			} else {
				m.Out.Float64(m.Scalars[name])
			}
		}
	}
	m.Out.EndRow()
	return m.Out.Tick(t)
}

// keep appends the values at time t to T and Values.
func (m *StateMonitor) keep(t float64, arrays map[string][]float64, indices []int) {
	m.T = append(m.T, t)
	for v, name := range m.Vars {
		a, ok := arrays[name]
		if !ok {
			x := m.Scalars[name]
			for k := range indices {
				m.Values[v][k] = append(m.Values[v][k], x)
			}
			continue
		}
		for k, i := range indices {
			m.Values[v][k] = append(m.Values[v][k], a[i])
		}
	}
}

// End does nothing.
func (m *StateMonitor) End(int64, float64) error { return nil }

// QuietAt says that Start records nothing at steps between samples.
func (m *StateMonitor) QuietAt(step int64) bool { return step%m.Every != 0 }

// RateMonitor records the population rate of elements Lo to Hi-1: the
// fraction that spiked in each step divided by dt.
type RateMonitor struct {
	Group  *Group
	Lo, Hi int
	Dt     float64
	Keep   bool           // keep T and Rate in memory
	Out    *record.Writer // if not nil, rows (t, rate)
	T      []float64
	Rate   []float64 // hertz
}

// Start does nothing.
func (m *RateMonitor) Start(int64, float64) error { return nil }

// QuietAt says that Start does nothing.
func (m *RateMonitor) QuietAt(int64) bool { return true }

// End records the step's rate.
func (m *RateMonitor) End(_ int64, t float64) error {
	n := 0
	for _, i := range m.Group.Spikes {
		if int(i) >= m.Lo && int(i) < m.Hi {
			n++
		}
	}
	r := float64(n) / float64(m.Hi-m.Lo) / m.Dt
	if m.Keep {
		m.T = append(m.T, t)
		m.Rate = append(m.Rate, r)
	}
	if m.Out == nil {
		return nil
	}
	m.Out.Float64(t)
	m.Out.Float64(r)
	m.Out.EndRow()
	return m.Out.Tick(t)
}

// EventMonitor takes, at the end of each step, the events a pathway
// logged (its Record variable after each event) and keeps or writes them.
type EventMonitor struct {
	Syn     *Synapses
	Pathway *Pathway
	Keep    bool           // keep Log in memory
	Out     *record.Writer // if not nil, rows (t, syn, i, j, value); i and j within the source and target
	Log     EventLog
}

// Start does nothing.
func (m *EventMonitor) Start(int64, float64) error { return nil }

// QuietAt says that Start does nothing.
func (m *EventMonitor) QuietAt(int64) bool { return true }

// End moves the step's events from the pathway's log.
func (m *EventMonitor) End(_ int64, t float64) error {
	log := &m.Pathway.Log
	if m.Keep {
		m.Log.Syn = append(m.Log.Syn, log.Syn...)
		m.Log.T = append(m.Log.T, log.T...)
		m.Log.Value = append(m.Log.Value, log.Value...)
	}
	if m.Out != nil {
		s := m.Syn
		for k, syn := range log.Syn {
			pre, post := log.ends(s, k)
			m.Out.Float64(log.T[k])
			m.Out.Int32(syn)
			m.Out.Int32(pre - int32(s.SrcLo))
			m.Out.Int32(post - int32(s.TgtLo))
			m.Out.Float64(log.Value[k])
			m.Out.EndRow()
		}
	}
	if m.Keep && log.Pre != nil {
		m.Log.Pre = append(m.Log.Pre, log.Pre...)
		m.Log.Post = append(m.Log.Post, log.Post...)
	}
	log.Syn, log.T, log.Value = log.Syn[:0], log.T[:0], log.Value[:0]
	if log.Pre != nil {
		log.Pre, log.Post = log.Pre[:0], log.Post[:0]
	}
	if m.Out != nil {
		return m.Out.Tick(t)
	}
	return nil
}

// ends returns the pre- and postsynaptic neurons (absolute) of event k of
// the log of s's events.
func (l *EventLog) ends(s *Synapses, k int) (pre, post int32) {
	if l.Pre != nil {
		return l.Pre[k], l.Post[k]
	}
	syn := l.Syn[k]
	return s.PreOf(syn), s.Post[syn]
}

// Ends is ends for the events kept in memory.
func (l *EventLog) Ends(s *Synapses, k int) (pre, post int32) { return l.ends(s, k) }
