package cajal

import (
	"fmt"
	"maps"
)

// snapshot is the state of a network at one step.
type snapshot struct {
	step     int64
	groups   []state
	synapses []state
	synN     []int
	queues   [][][][]int32 // per synapse group, per pathway
}

// state is the variables of one group of neurons or synapses.
type state struct {
	arrays  map[string][]float64
	scalars map[string]float64
}

func copyState(arrays map[string][]float64, scalars map[string]float64) state {
	st := state{arrays: map[string][]float64{}, scalars: maps.Clone(scalars)}
	for k, a := range arrays {
		st.arrays[k] = append([]float64(nil), a...)
	}
	return st
}

// put writes a saved state back into the arrays in place, so that compiled
// programs keep seeing them.
func (st state) put(arrays map[string][]float64, scalars map[string]float64) {
	for k, a := range st.arrays {
		if dst, ok := arrays[k]; ok && len(dst) == len(a) {
			copy(dst, a)
		} else {
			arrays[k] = append([]float64(nil), a...)
		}
	}
	maps.Copy(scalars, st.scalars)
}

// Store saves the network's state under a name, as Brian2's store(): the
// time, every variable of every group and synapse group, and the synaptic
// events in flight. Restore brings it back. Random numbers depend on the
// seed and the step only, so a run after Restore with the same parameters
// repeats the first exactly. Monitors are not part of the state: they keep
// what they recorded and go on recording (Brian2 restores them too).
func (n *Network) Store(name string) error {
	if n.invalid() {
		return errNetwork
	}
	if name == "" {
		return fmt.Errorf("cajal: Store needs a name for the state")
	}
	s := &snapshot{step: n.sim.Step}
	for _, g := range n.groups {
		s.groups = append(s.groups, copyState(g.sg.Arrays, g.sg.Scalars))
	}
	for _, sy := range n.synapses {
		s.synapses = append(s.synapses, copyState(sy.ss.Arrays, sy.ss.Scalars))
		s.synN = append(s.synN, sy.N())
		var qs [][][]int32
		for _, p := range sy.ss.Pathways {
			qs = append(qs, p.InFlight())
		}
		s.queues = append(s.queues, qs)
	}
	if n.snapshots == nil {
		n.snapshots = map[string]*snapshot{}
	}
	n.snapshots[name] = s
	return nil
}

// Restore brings back the state saved by Store under name. Groups and
// synapse groups added since, or synapses connected since, make it an
// error.
func (n *Network) Restore(name string) error {
	if n.invalid() {
		return errNetwork
	}
	s, ok := n.snapshots[name]
	if !ok {
		return fmt.Errorf("cajal: no state was stored under the name %q", name)
	}
	if len(s.groups) != len(n.groups) || len(s.synapses) != len(n.synapses) {
		return fmt.Errorf("cajal: groups were added since the state %q was stored", name)
	}
	for k, sy := range n.synapses {
		if s.synN[k] != sy.N() {
			return fmt.Errorf("cajal: %s: synapses were connected since the state %q was stored", sy.spec.Name, name)
		}
	}
	n.sim.Step = s.step
	for k, g := range n.groups {
		s.groups[k].put(g.sg.Arrays, g.sg.Scalars)
	}
	for k, sy := range n.synapses {
		s.synapses[k].put(sy.ss.Arrays, sy.ss.Scalars)
		// Traces kept per neuron when the state was stored have no
		// per-synapse arrays in it.
		for _, name := range sy.ss.TraceArrays() {
			if _, ok := s.synapses[k].arrays[name]; !ok {
				delete(sy.ss.Arrays, name)
			}
		}
		for j, p := range sy.ss.Pathways {
			if j < len(s.queues[k]) {
				p.SetInFlight(s.queues[k][j])
			}
		}
	}
	for _, b := range n.tables {
		b.last = -1
	}
	return nil
}
