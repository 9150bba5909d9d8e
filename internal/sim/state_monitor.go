package sim

import "fmt"

// The monitors' part of a State: spike counts, and the records a monitor
// keeps in memory (Keep). A monitor's file is its network's business
// (record.Resume).

func saveMonitor(st State, prefix string, m Monitor) error {
	switch m := m.(type) {
	case *SpikeMonitor:
		count := make([]int64, len(m.Count))
		for k, c := range m.Count {
			count[k] = int64(c)
		}
		st[prefix+"count"] = count
		if m.Keep {
			st[prefix+"i"], st[prefix+"t"] = m.I.Flat(), m.T.Flat()
		}
	case *StateMonitor:
		if m.Keep {
			st[prefix+"t"] = m.T
			var values []float64
			for _, traces := range m.Values {
				for _, tr := range traces {
					values = append(values, tr...)
				}
			}
			st[prefix+"values"] = values
		}
	case *RateMonitor:
		if m.Keep {
			st[prefix+"t"], st[prefix+"rate"] = m.T, m.Rate
		}
	case *EventMonitor:
		if m.Keep {
			st[prefix+"syn"], st[prefix+"t"], st[prefix+"value"] = m.Log.Syn, m.Log.T, m.Log.Value
			if m.Log.Pre != nil { // split networks: each event's neurons
				st[prefix+"pre"], st[prefix+"post"] = m.Log.Pre, m.Log.Post
			}
		}
	case Stateless:
	default:
		return fmt.Errorf("a checkpoint cannot save a monitor of type %T", m)
	}
	return nil
}

// loadMonitor checks a monitor's part of l's State and queues setting it.
func loadMonitor(l *loader, prefix string, m Monitor) {
	switch m := m.(type) {
	case *SpikeMonitor:
		count := l.int64s(prefix+"count", len(m.Count))
		l.then(func() {
			for k, c := range count {
				m.Count[k] = int(c)
			}
		})
		if m.Keep {
			i := l.int32s(prefix+"i", -1)
			t := l.float64s(prefix+"t", len(i))
			for _, k := range i {
				if k < 0 || int(k) >= len(m.Count) {
					l.fail("the checkpoint's %si holds %d, outside the monitored range", prefix, k)
				}
			}
			l.then(func() { m.I.Set(i); m.T.Set(t) })
		}
	case *StateMonitor:
		if m.Keep {
			t := l.float64s(prefix+"t", -1)
			values := l.float64s(prefix+"values", len(t)*len(m.Vars)*len(m.Indices))
			l.then(func() {
				m.T = t
				for v := range m.Values {
					for k := range m.Values[v] {
						at := (v*len(m.Indices) + k) * len(t)
						m.Values[v][k] = values[at : at+len(t) : at+len(t)]
					}
				}
			})
		}
	case *RateMonitor:
		if m.Keep {
			t := l.float64s(prefix+"t", -1)
			rate := l.float64s(prefix+"rate", len(t))
			l.then(func() { m.T, m.Rate = t, rate })
		}
	case *EventMonitor:
		if m.Keep {
			syn := l.int32s(prefix+"syn", -1)
			t := l.float64s(prefix+"t", len(syn))
			value := l.float64s(prefix+"value", len(syn))
			limit := m.Syn.N()
			if m.Syn.Ordinal != nil { // split: numbers in the whole network
				limit = m.Syn.Total
			}
			for _, k := range syn {
				if k < 0 || int(k) >= limit {
					l.fail("the checkpoint's %ssyn holds %d, outside the %d synapses", prefix, k, limit)
				}
			}
			var pre, post []int32
			if _, ok := l.st[prefix+"pre"]; ok || (m.Syn.Ordinal != nil && len(syn) > 0) {
				pre, post = l.int32s(prefix+"pre", len(syn)), l.int32s(prefix+"post", len(syn))
			}
			l.then(func() { m.Log = EventLog{Syn: syn, T: t, Value: value, Pre: pre, Post: post} })
		}
	case Stateless:
	default:
		l.fail("a checkpoint cannot restore a monitor of type %T", m)
	}
}

// describeMonitor names a monitor's kind, what it records, and whether it
// keeps its records in memory.
func describeMonitor(m Monitor, index map[*Group]int) string {
	switch m := m.(type) {
	case *SpikeMonitor:
		return fmt.Sprintf("spikes of group %d [%d:%d], keep %v", index[m.Group], m.Lo, m.Hi, m.Keep)
	case *StateMonitor:
		return fmt.Sprintf("states %v of %d elements every %d steps, keep %v", m.Vars, len(m.Indices), m.Every, m.Keep)
	case *RateMonitor:
		return fmt.Sprintf("rate of group %d [%d:%d], keep %v", index[m.Group], m.Lo, m.Hi, m.Keep)
	case *EventMonitor:
		return fmt.Sprintf("events of %s.%s (%s), keep %v", m.Syn.Name, m.Pathway.Name, m.Pathway.Record, m.Keep)
	}
	return fmt.Sprintf("%T", m)
}

// Stateless is a monitor whose work depends only on the step and the
// network's state, with nothing of its own for a checkpoint to save.
type Stateless interface {
	Monitor
	Stateless()
}
