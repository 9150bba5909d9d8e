package sim

import (
	"slices"
	"time"
)

// Values a split network's ranks fetch from one another: the recorded
// elements of monitors, whole variables for Get, synapses in the order of
// one process.

// Sync copies, on every rank, the values of the named variables of the
// given elements of g from the ranks that own them: after it every rank
// reads there what one process would. Every rank calls it with the same
// arguments (it is collective); in one process it does nothing.
func (n *Network) Sync(g *Group, names []string, elems []int32) {
	if g == nil || !g.split || len(names) == 0 || len(elems) == 0 {
		return
	}
	x := &n.ex
	x.values = x.values[:0]
	for _, name := range names {
		a := g.Arrays[name]
		for _, i := range elems {
			if int(i) >= g.ownLo && int(i) < g.ownHi {
				x.values = append(x.values, a[i])
			}
		}
	}
	x.fit(n)
	size := len(x.counts)
	start := time.Now()
	x.gotValues = n.Comm.AllgatherFloat64(x.values, x.gotValues, x.counts)
	n.Exchange += time.Since(start)
	if cap(x.next) < size {
		x.next = make([]int, size)
	}
	next := x.next[:size] // each rank's next value
	next[0] = 0
	for r := 1; r < size; r++ {
		next[r] = next[r-1] + x.counts[r-1]
	}
	for _, name := range names {
		a := g.Arrays[name]
		for _, i := range elems {
			r := g.owner(int(i))
			a[i] = x.gotValues[next[r]]
			next[r]++
		}
	}
}

// SyncAll is Sync of every element of a variable.
func (n *Network) SyncAll(g *Group, name string) {
	if !g.split {
		return
	}
	a := g.Arrays[name]
	if a == nil {
		return
	}
	size := n.Comm.Size()
	counts := make([]int, size)
	all := n.Comm.AllgatherFloat64(a[g.ownLo:g.ownHi], nil, counts)
	copy(a, all)
}

// GatherSynapses returns, on every rank, the values of a per-synapse
// array of all synapses in the order one process holds them (collective).
func (n *Network) GatherSynapses(s *Synapses, a []float64) []float64 {
	if s.Ordinal == nil {
		return a // one process (whose Comm may be nil)
	}
	return byOrdinal(n, s, a, n.Comm.AllgatherFloat64)
}

// GatherSynapseIndex is GatherSynapses for an index array (Post, or the
// presynaptic neurons).
func (n *Network) GatherSynapseIndex(s *Synapses, a []int32) []int32 {
	if s.Ordinal == nil {
		return a
	}
	return byOrdinal(n, s, a, n.Comm.AllgatherInt32)
}

// byOrdinal gathers a from every rank with allgather and puts each value
// at its synapse's number in the whole network.
func byOrdinal[T int32 | float64](n *Network, s *Synapses, a []T, allgather func(send, recv []T, counts []int) []T) []T {
	counts := make([]int, n.Comm.Size())
	vals := allgather(a, nil, counts)
	ords := n.Comm.AllgatherInt32(s.Ordinal, nil, counts)
	out := make([]T, s.Total)
	for k, o := range ords {
		out[o] = vals[k]
	}
	return out
}

// synapseMirror holds, on every rank of a split network, the values of
// the synapses a monitor records, gathered from the ranks that hold them.
type synapseMirror struct {
	arrays    map[string][]float64 // per variable, one value per recorded synapse
	positions []int                // 0, 1, ...: where the monitor reads
}

// syncSynapseMonitor gathers the values of the synapses m records
// (numbered in the whole network) into its mirror. Collective.
func (n *Network) syncSynapseMonitor(m *StateMonitor) {
	s := m.Syn
	if m.mirror == nil {
		m.mirror = &synapseMirror{arrays: map[string][]float64{}, positions: make([]int, len(m.Indices))}
		for k := range m.mirror.positions {
			m.mirror.positions[k] = k
		}
	}
	// The recorded synapses this rank holds: Ordinal ascends with the
	// place, so each is found by a binary search.
	var held []int32
	var values []float64
	var local []int32
	for k, o := range m.Indices {
		p, ok := slices.BinarySearch(s.Ordinal, int32(o))
		if ok {
			held = append(held, int32(k))
			local = append(local, int32(p))
		}
	}
	var names []string
	for _, name := range m.Vars {
		if a, ok := s.Arrays[name]; ok {
			names = append(names, name)
			for _, p := range local {
				values = append(values, a[p])
			}
		}
	}
	size := n.Comm.Size()
	counts := make([]int, size)
	start := time.Now()
	where := n.Comm.AllgatherInt32(held, nil, counts)
	heldBy := append([]int(nil), counts...)
	got := n.Comm.AllgatherFloat64(values, nil, counts)
	n.Exchange += time.Since(start)
	at, pos := 0, 0
	for r := range size {
		ks := where[pos : pos+heldBy[r]]
		pos += heldBy[r]
		for _, name := range names {
			mirror := m.mirror.arrays[name]
			if mirror == nil {
				mirror = make([]float64, len(m.Indices))
				m.mirror.arrays[name] = mirror
			}
			for _, k := range ks {
				mirror[k] = got[at]
				at++
			}
		}
	}
}
