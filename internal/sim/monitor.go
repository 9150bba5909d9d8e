package sim

// SpikeMonitor records the spikes of elements Lo to Hi-1 of a group.
type SpikeMonitor struct {
	Group  *Group
	Lo, Hi int
	I      []int32   // index within the monitored range
	T      []float64 // seconds
	Count  []int     // spikes per element of the range
}

// NewSpikeMonitor monitors elements lo to hi-1 of g.
func NewSpikeMonitor(g *Group, lo, hi int) *SpikeMonitor {
	return &SpikeMonitor{Group: g, Lo: lo, Hi: hi, Count: make([]int, hi-lo)}
}

// Start does nothing: spikes are known at the end of a step.
func (m *SpikeMonitor) Start(int64, float64) {}

// End records the step's spikes.
func (m *SpikeMonitor) End(_ int64, t float64) {
	for _, i := range m.Group.Spikes {
		if int(i) >= m.Lo && int(i) < m.Hi {
			k := i - int32(m.Lo)
			m.I = append(m.I, k)
			m.T = append(m.T, t)
			m.Count[k]++
		}
	}
}

// StateMonitor records variables of chosen elements every Every steps, at
// the start of the step (the values at time t, before the update).
type StateMonitor struct {
	Arrays  map[string][]float64 // the variables of the group (neurons or synapses)
	Scalars map[string]float64
	Vars    []string
	Indices []int
	Every   int64
	T       []float64
	Values  [][][]float64 // Values[var][k] is the trace of element Indices[k]
}

// NewStateMonitor records vars of the given elements of the variables in
// arrays and scalars every `every` steps.
func NewStateMonitor(arrays map[string][]float64, scalars map[string]float64, vars []string, indices []int, every int64) *StateMonitor {
	m := &StateMonitor{Arrays: arrays, Scalars: scalars, Vars: vars, Indices: indices, Every: max(every, 1)}
	m.Values = make([][][]float64, len(vars))
	for v := range vars {
		m.Values[v] = make([][]float64, len(indices))
	}
	return m
}

// Start records the values at time t.
func (m *StateMonitor) Start(step int64, t float64) {
	if step%m.Every != 0 {
		return
	}
	m.T = append(m.T, t)
	for v, name := range m.Vars {
		a, ok := m.Arrays[name]
		if !ok {
			x := m.Scalars[name]
			for k := range m.Indices {
				m.Values[v][k] = append(m.Values[v][k], x)
			}
			continue
		}
		for k, i := range m.Indices {
			m.Values[v][k] = append(m.Values[v][k], a[i])
		}
	}
}

// End does nothing.
func (m *StateMonitor) End(int64, float64) {}

// RateMonitor records the population rate of elements Lo to Hi-1: the
// fraction that spiked in each step divided by dt.
type RateMonitor struct {
	Group  *Group
	Lo, Hi int
	Dt     float64
	T      []float64
	Rate   []float64 // hertz
}

// Start does nothing.
func (m *RateMonitor) Start(int64, float64) {}

// End records the step's rate.
func (m *RateMonitor) End(_ int64, t float64) {
	n := 0
	for _, i := range m.Group.Spikes {
		if int(i) >= m.Lo && int(i) < m.Hi {
			n++
		}
	}
	m.T = append(m.T, t)
	m.Rate = append(m.Rate, float64(n)/float64(m.Hi-m.Lo)/m.Dt)
}
