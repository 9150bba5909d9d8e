package modelfile

import (
	"fmt"
	"strconv"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/unit"
)

// buildMonitors makes the monitors; toDisk keeps their records in files
// only.
func (f *File) buildMonitors(b *built, toDisk bool) error {
	var opts []cajal.MonitorOption
	if toDisk {
		opts = append(opts, cajal.DiskOnly())
	}
	for k, sm := range f.Spikes {
		src, err := b.source(sm.Source)
		if err != nil {
			return fmt.Errorf("spikes: %v", err)
		}
		var units []string
		for i, v := range sm.Vars {
			d, err := b.groups[sliceRE.FindStringSubmatch(sm.Source)[1]].Unit(v)
			if err != nil {
				return f.pos.errorf(join("spikes."+strconv.Itoa(k), "vars."+strconv.Itoa(i)), "spikes %s: vars: %v", sm.Source, err)
			}
			units = append(units, d.String())
		}
		o := opts
		if len(sm.Vars) > 0 {
			o = append(o[:len(o):len(o)], cajal.Variables(sm.Vars...))
		}
		m, err := b.net.SpikeMonitor(src, o...)
		if err != nil {
			return err
		}
		b.spikes = append(b.spikes, spikeMon{sm.Source, m, size(src), sm.Vars, units})
	}
	for _, sm := range f.States {
		src, err := b.source(sm.Source)
		if err != nil {
			return fmt.Errorf("states: %v", err)
		}
		var every unit.Quantity
		if sm.Interval != "" {
			if every, err = unit.Parse(sm.Interval); err != nil {
				return fmt.Errorf("states %s: interval: %v", sm.Source, err)
			}
		}
		m, err := b.net.StateMonitor(src, sm.Vars, sm.Indices, every, opts...)
		if err != nil {
			return err
		}
		b.states = append(b.states, stateMon{sm, m})
	}
	for _, rm := range f.Rates {
		src, err := b.source(rm.Source)
		if err != nil {
			return fmt.Errorf("rates: %v", err)
		}
		m, err := b.net.PopulationRateMonitor(src, opts...)
		if err != nil {
			return err
		}
		b.rates = append(b.rates, rateMon{rm.Source, m})
	}
	return nil
}

// buildSynapseMonitors makes the synapse state monitors and the weight
// recorders.
func (f *File) buildSynapseMonitors(b *built, toDisk bool) error {
	var opts []cajal.MonitorOption
	if toDisk {
		opts = append(opts, cajal.DiskOnly())
	}
	for k, sm := range f.SynStates {
		path := "synapse_states." + strconv.Itoa(k)
		s, ok := b.syns[sm.Synapses]
		if !ok {
			return f.pos.errorf(join(path, "synapses"), "synapse_states %d: no synapse group named %q", k+1, sm.Synapses)
		}
		var every unit.Quantity
		if sm.Interval != "" {
			var err error
			if every, err = unit.Parse(sm.Interval); err != nil {
				return f.pos.errorf(join(path, "interval"), "synapse_states %s: interval: %v", sm.Synapses, err)
			}
		}
		indices := sm.Indices
		if len(indices) == 0 { // all of them
			indices = make([]int, s.N())
			for i := range indices {
				indices[i] = i
			}
		}
		m, err := b.net.SynapseMonitor(s, sm.Vars, indices, every, opts...)
		if err != nil {
			return fmt.Errorf("%s%w", f.pos.where(path), err)
		}
		b.synStates = append(b.synStates, stateMon{StateMonitor{Source: sm.Synapses, Vars: sm.Vars, Indices: sm.Indices, Interval: sm.Interval}, m})
	}
	for k, w := range f.Weights {
		path := "weights." + strconv.Itoa(k)
		s, ok := b.syns[w.Synapses]
		if !ok {
			return f.pos.errorf(join(path, "synapses"), "weights %d: no synapse group named %q", k+1, w.Synapses)
		}
		if w.Var == "" {
			w.Var = "w"
		}
		if w.Pathway == "" {
			w.Pathway = "pre"
		}
		r, err := s.WeightRecorder(w.Var, w.Pathway, opts...)
		if err != nil {
			return fmt.Errorf("%s%w", f.pos.where(path), err)
		}
		b.weights = append(b.weights, weightMon{w, r})
	}
	return nil
}
