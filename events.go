package cajal

import (
	"errors"
	"fmt"
	"strings"

	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/kernel"
	"github.com/cajal-sim/cajal/internal/rng"
)

// EventMonitor records a custom event of a group (Neurons.Events), as
// Brian2's EventMonitor: the neurons for which the event's condition holds
// in a step, checked after the state update, with the step's time, and
// the values of chosen variables (Variables) at that moment. It keeps its
// records in memory.
type EventMonitor struct {
	n      *Network
	g      *NeuronGroup
	lo, hi int
	event  string
	cond   string
	vars   []string
	gp     groupProgram // the condition, bound to the group
	key    rng.Key      // random draws of the condition
	hits   []int32
	mine   []int32 // a split network's: this process's events of the step
	counts []int
	arrays []string
	i      []int32
	t      []float64
	values [][]float64
}

// EventMonitor records the event named event of src's group from now on;
// the Variables option names variables to read at each event.
func (n *Network) EventMonitor(src Source, event string, opts ...MonitorOption) (*EventMonitor, error) {
	if n.invalid() {
		return nil, errNetwork
	}
	g, lo, hi, err := n.source("EventMonitor", src)
	if err != nil {
		return nil, err
	}
	cond, ok := g.spec.Events[event]
	if !ok {
		return nil, fmt.Errorf("cajal: %s has no event %q", g.spec.Name, event)
	}
	var spec monitorSpec
	for _, o := range opts {
		if o != nil {
			o(&spec)
		}
	}
	m := &EventMonitor{n: n, g: g, lo: lo, hi: hi, event: event, cond: cond, vars: spec.vars,
		values: make([][]float64, len(spec.vars)), key: rng.NewKey(n.opts.Seed, 7<<58|uint64(n.nextID()))}
	for _, v := range spec.vars {
		_, isArray := g.sg.Arrays[v]
		_, isScalar := g.sg.Scalars[v]
		if !isArray && !isScalar {
			return nil, fmt.Errorf("cajal: event monitor of %s: no recordable variable %q", g.spec.Name, v)
		}
	}
	if _, err := m.condition(); err != nil {
		return nil, err
	}
	n.events = append(n.events, m)
	n.thresholdTasks = append(n.thresholdTasks, m.record)
	return m, nil
}

// condition checks the event's condition against the group's namespace.
func (m *EventMonitor) condition() (*ir.Node, error) {
	s, err := m.g.scope()
	if err != nil {
		return nil, err
	}
	return s.Condition(m.g.spec.Name+".events."+m.event, m.cond, "the event "+m.event)
}

// compile prepares the condition for a run.
func (m *EventMonitor) compile() error {
	cond, err := m.condition()
	if err != nil {
		return err
	}
	p, err := kernel.Compile(nil, cond)
	if err != nil {
		return err
	}
	m.gp, err = bindGroupProgram(m.g.spec.Name+".events."+m.event, p, m.g, m.key)
	return err
}

// record finds the step's events and reads their variables.
func (m *EventMonitor) record(step int64, t float64) error {
	lo, hi := m.lo, m.hi
	if m.n.sim.Split() { // this process's neurons, then every process's events
		olo, ohi := m.g.sg.Own()
		lo, hi = max(lo, olo), max(min(hi, ohi), max(lo, olo))
	}
	var err error
	if m.hits, err = m.gp.mach.Filter(m.gp.at(step, t), lo, hi, m.hits[:0]); err != nil {
		return err
	}
	if m.n.sim.Split() {
		if m.arrays == nil { // the recorded variables with a value per neuron
			m.arrays = []string{}
			for _, v := range m.vars {
				if _, ok := m.g.sg.Arrays[v]; ok {
					m.arrays = append(m.arrays, v)
				}
			}
		}
		c := m.n.opts.Comm
		if len(m.counts) != c.Size() {
			m.counts = make([]int, c.Size())
		}
		m.mine = append(m.mine[:0], m.hits...)
		m.hits = c.AllgatherInt32(m.mine, m.hits[:0], m.counts)
		m.n.sim.Sync(m.g.sg, m.arrays, m.hits)
	}
	for _, i := range m.hits {
		m.i = append(m.i, i-int32(m.lo))
		m.t = append(m.t, t)
	}
	for k, v := range m.vars {
		arr, isArray := m.g.sg.Arrays[v]
		for _, i := range m.hits {
			x := m.g.sg.Scalars[v]
			if isArray {
				x = arr[i]
			}
			m.values[k] = append(m.values[k], x)
		}
	}
	return nil
}

// I is the neuron of each event, counted within the source.
func (m *EventMonitor) I() []int32 { return m.i }

// T is the time of each event in seconds.
func (m *EventMonitor) T() []float64 { return m.t }

// Num is the number of events recorded.
func (m *EventMonitor) Num() int { return len(m.t) }

// Values is a recorded variable at each event, in SI units.
func (m *EventMonitor) Values(name string) ([]float64, error) {
	for k, v := range m.vars {
		if v == name {
			return m.values[k], nil
		}
	}
	return nil, fmt.Errorf("cajal: the event monitor does not record %q", name)
}

// checkEvents checks a group's custom events when it is made.
func (g *NeuronGroup) checkEvents() error {
	var errs []error
	for name, cond := range g.spec.Events {
		if name == "" || strings.TrimSpace(cond) == "" {
			errs = append(errs, fmt.Errorf("cajal: %s: an event needs a name and a condition", g.spec.Name))
			continue
		}
		s, err := g.scope()
		if err != nil {
			return err
		}
		if _, err := s.Condition(g.spec.Name+".events."+name, cond, "the event "+name); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
