package sim

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cajal-sim/cajal/cluster"
	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/kernel"
)

// A network split over the ranks of a Comm (see docs/mpi.md): each rank
// owns a contiguous block of every group (cluster.Block, blocks ascending
// with the rank, aligned to kernel chunks) and keeps only the synapses
// onto the neurons it owns; its threads split its blocks as they split a
// whole network. The arrays of a group stay full size on every rank, but
// a rank updates, and can trust, only its own block. Spike generators
// (Emit) are not split: every rank computes all their spikes. After the
// threshold each rank sends its spikes to all (exchange), so every rank
// knows every spike, in index order, as one process does; nothing else
// travels during a step but a word saying whether a rank stopped.
//
// Because every element is computed from its own state, its own synapses
// and random streams keyed by its number in the whole network, and every
// neuron's events arrive in one order, a split network computes what one
// process computes, bit for bit.

// Split reports whether the network runs over more than one rank.
func (n *Network) Split() bool { return !cluster.Single(n.Comm) }

// Distribute assigns each group's blocks to the ranks; it is called before
// the groups and synapses are compiled for a run.
func (n *Network) Distribute() {
	size, rank := 1, 0
	if n.Split() {
		size, rank = n.Comm.Size(), n.Comm.Rank()
	}
	for _, g := range n.Groups {
		g.split = size > 1 && g.Emit == nil // every rank computes all of a generator
		g.bounds = g.bounds[:0]
		for r := range size {
			lo, _ := cluster.Block(g.N, size, r, kernel.ChunkSize)
			if !g.split {
				lo = min(r, 1) * g.N
			}
			g.bounds = append(g.bounds, lo)
		}
		g.bounds = append(g.bounds, g.N)
		g.ownLo, g.ownHi = 0, g.N
		if g.split {
			g.ownLo, g.ownHi = g.bounds[rank], g.bounds[rank+1]
		}
	}
}

// Own is the block of elements this rank computes: all of them in one
// process.
func (g *Group) Own() (lo, hi int) {
	if g.bounds == nil {
		return 0, g.N
	}
	return g.ownLo, g.ownHi
}

// owner is the rank that computes element i.
func (g *Group) owner(i int) int {
	r := 0
	for r+2 < len(g.bounds) && g.bounds[r+1] <= i {
		r++
	}
	return r
}

// groupBlock is member w's part of the rank's block of g.
func (g *Group) block(w, workers int) (lo, hi int) {
	olo, ohi := g.Own()
	lo, hi = block(ohi-olo, w, workers)
	return olo + lo, olo + hi
}

// window is the part of the synapses' target range, counted from TgtLo,
// whose neurons this rank owns.
func (s *Synapses) window() (lo, hi int) {
	olo, ohi := s.Tgt.Own()
	nt := s.TgtHi - s.TgtLo
	lo, hi = min(max(olo-s.TgtLo, 0), nt), min(max(ohi-s.TgtLo, 0), nt)
	return lo, max(lo, hi)
}

// block is member w's part of the rank's window of targets, counted from
// TgtLo.
func (s *Synapses) block(w, workers int) (lo, hi int) {
	wlo, whi := s.window()
	lo, hi = block(whi-wlo, w, workers)
	return wlo + lo, wlo + hi
}

// compact keeps, on a rank of a split network, only the synapses onto the
// neurons it owns, numbering each by its place among all synapses
// (Ordinal) for random draws, errors and gathering.
func (s *Synapses) compact() {
	if !s.Tgt.split || s.Ordinal != nil {
		return
	}
	wlo, whi := s.window()
	lo, hi := int32(s.TgtLo+wlo), int32(s.TgtLo+whi)
	s.Total = len(s.Post)
	count := 0
	for _, j := range s.Post {
		if j >= lo && j < hi {
			count++
		}
	}
	keep := make([]int32, 0, count)
	for k, j := range s.Post {
		if j >= lo && j < hi {
			keep = append(keep, int32(k))
		}
	}
	rows := len(s.preStart) - 1
	start := make([]int32, rows+1)
	at := 0
	for r := range rows {
		for at < len(keep) && keep[at] < s.preStart[r+1] {
			at++
		}
		start[r+1] = int32(at)
	}
	s.preStart = start
	s.Post = permute32(s.Post, keep)
	for name, a := range s.Arrays {
		s.Arrays[name] = permute64(a, keep)
	}
	for _, p := range s.Pathways {
		if p.PerSynapse != nil {
			p.PerSynapse = permute32(p.PerSynapse, keep)
		}
	}
	local := make([]int32, s.Total)
	for k := range local {
		local[k] = -1
	}
	for k, o := range keep {
		local[o] = int32(k)
	}
	s.renumberQueued(func(syn int32) int32 { return local[syn] })
	s.Ordinal = keep
	s.pre, s.byPost, s.postStart, s.cuts = nil, nil, nil, nil
}

// Split reports whether the group is shared among ranks.
func (g *Group) Split() bool { return g.split }

// AddSplit is Add on a rank of a split network: pre and post are the
// synapses onto the rank's neurons of total new synapses, ord their places
// among those (creation order). Until the next SortSplit, Ordinal numbers
// the new synapses after all earlier ones in creation order, as one
// process numbers them before it sorts.
func (s *Synapses) AddSplit(pre, post, ord []int32, total int) int {
	if s.Ordinal == nil {
		s.Ordinal = []int32{}
	}
	first := s.Add(pre, post)
	for _, o := range ord {
		s.Ordinal = append(s.Ordinal, int32(s.Total)+o)
	}
	s.Total += total
	return first
}

// SortSplit is Sort, and on a rank of a split network the renumbering of
// every synapse it holds by its place among all synapses in sorted order:
// other ranks' new synapses move its old ones too. Collective.
func (n *Network) SortSplit(s *Synapses) {
	s.Sort()
	if s.Ordinal == nil || !n.Split() {
		return
	}
	rows := len(s.preStart) - 1
	counts := make([]int32, rows)
	for r := range rows {
		counts[r] = s.preStart[r+1] - s.preStart[r]
	}
	size, rank := n.Comm.Size(), n.Comm.Rank()
	all := n.Comm.AllgatherInt32(counts, nil, make([]int, size))
	// A row's synapses lie in order of postsynaptic neuron: those of
	// lower ranks, then this rank's, then higher ranks'.
	var start int64
	for r := range rows {
		at := start
		for q := range size {
			c := int64(all[q*rows+r])
			if q < rank {
				at += c
			}
			start += c
		}
		for p := s.preStart[r]; p < s.preStart[r+1]; p++ {
			s.Ordinal[p] = int32(at + int64(p-s.preStart[r]))
		}
	}
	s.Total = int(start)
}

// checkSplit refuses what a split network cannot compute: synaptic code
// that reads or writes a presynaptic neuron's variable (the neuron may
// live on another rank) and records of synaptic events.
func (n *Network) checkSplit() error {
	if !n.Split() {
		return nil
	}
	for _, s := range n.Synapses {
		progs := []*bound{s.update}
		for _, sm := range s.summed {
			progs = append(progs, sm.prog)
		}
		for _, p := range s.Pathways {
			progs = append(progs, p.prog)
			if p.Record != "" && (p.PerSynapse != nil || !p.parallel) {
				return fmt.Errorf("%s: synaptic events are recorded (%s) on a pathway with delays per synapse; a network split over %d processes cannot record them yet", s.Name, p.Record, n.Comm.Size())
			}
		}
		for _, bd := range progs {
			if bd == nil || !s.Src.split {
				continue
			}
			for _, sl := range bd.prog.Slots {
				if sl.Index == ir.Pre {
					return fmt.Errorf("%s: the synaptic code uses the presynaptic variable %s_pre; a network split over %d processes keeps presynaptic neurons on other processes, so synaptic code may use only synaptic and postsynaptic variables", s.Name, sl.Name, n.Comm.Size())
				}
			}
		}
	}
	return nil
}

// exchanger holds the buffers of the spike exchange, reused every step.
type exchanger struct {
	send, recv []int32
	counts     []int
	values     []float64
	gotValues  []float64
	idx        []int32
	next       []int   // Sync: each rank's next value
	order      []int   // event logs: the order of the gathered events
	logRecv    []int32 // event logs: the gathered events
	logValues  []float64
}

// Status words a rank sends with its spikes.
const (
	statusOK      = 0
	statusStopped = 1
	statusFailed  = 2
	// statusFailedEarly: failed before the step's spikes were known
	// (batched exchanges only).
	statusFailedEarly = 3
)

// exchange sends this rank's spikes of every split group, with its status,
// to every rank, and sets each group's Spikes to all its spikes, in index
// order. It returns the status of every rank.
func (n *Network) exchange(status int32) []int32 {
	x := &n.ex
	x.send = append(x.send[:0], status)
	for _, g := range n.Groups {
		if g.split {
			x.send = append(x.send, int32(len(g.Spikes)))
			x.send = append(x.send, g.Spikes...)
		}
	}
	size := n.Comm.Size()
	if len(x.counts) != size {
		x.counts = make([]int, size)
	}
	start := time.Now()
	x.recv = n.Comm.AllgatherInt32(x.send, x.recv, x.counts)
	n.Exchange += time.Since(start)
	for _, g := range n.Groups {
		if g.split {
			g.Spikes = g.Spikes[:0]
		}
	}
	statuses := x.idx[:0]
	at := 0
	for r := range size {
		part := x.recv[at : at+x.counts[r]]
		at += x.counts[r]
		statuses = append(statuses, part[0])
		if part[0] != statusOK && len(part) == 1 {
			continue // a rank that failed before its spikes were known
		}
		k := 1
		for _, g := range n.Groups {
			if g.split {
				m := int(part[k])
				g.Spikes = append(g.Spikes, part[k+1:k+1+m]...)
				k += 1 + m
			}
		}
	}
	x.idx = statuses
	return statuses
}

// agree gathers every rank's status at the end of a step; it returns the
// largest.
func (n *Network) agree(status int32) int32 {
	start := time.Now()
	worst := n.Comm.MaxInt32(status)
	n.Exchange += time.Since(start)
	return worst
}

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
	size := n.Comm.Size()
	if len(x.counts) != size {
		x.counts = make([]int, size)
	}
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
		return a
	}
	size := n.Comm.Size()
	counts := make([]int, size)
	vals := n.Comm.AllgatherFloat64(a, nil, counts)
	ords := n.Comm.AllgatherInt32(s.Ordinal, nil, counts)
	out := make([]float64, s.Total)
	for k, o := range ords {
		out[o] = vals[k]
	}
	return out
}

// GatherSynapseIndex is GatherSynapses for an index array (Post, or the
// presynaptic neurons).
func (n *Network) GatherSynapseIndex(s *Synapses, a []int32) []int32 {
	if s.Ordinal == nil {
		return a
	}
	size := n.Comm.Size()
	counts := make([]int, size)
	vals := n.Comm.AllgatherInt32(a, nil, counts)
	ords := n.Comm.AllgatherInt32(s.Ordinal, nil, counts)
	out := make([]int32, s.Total)
	for k, o := range ords {
		out[o] = vals[k]
	}
	return out
}

// shareError makes every rank return the error of the lowest rank that
// failed (a run is stopped on all ranks once one fails): a divergence
// arrives as the same *DivergenceError everywhere.
func (n *Network) shareError(err error) error {
	var msg string
	var d *DivergenceError
	switch {
	case err == nil:
	case errors.As(err, &d):
		msg = "D" + strings.Join([]string{d.Group, d.Var, strconv.Itoa(d.Elem),
			strconv.FormatUint(math.Float64bits(d.Time), 16), strconv.FormatUint(math.Float64bits(d.Value), 16)}, "\x00")
	default:
		msg = "E" + err.Error()
	}
	all := cluster.GatherStrings(n.Comm, msg)
	for r, m := range all {
		if m == "" {
			continue
		}
		if r == n.Comm.Rank() {
			return err
		}
		if m[0] == 'E' {
			return fmt.Errorf("process %d: %s", r, m[1:])
		}
		f := strings.Split(m[1:], "\x00")
		elem, _ := strconv.Atoi(f[2])
		tb, _ := strconv.ParseUint(f[3], 16, 64)
		vb, _ := strconv.ParseUint(f[4], 16, 64)
		return &DivergenceError{Group: f[0], Var: f[1], Elem: elem, Time: math.Float64frombits(tb), Value: math.Float64frombits(vb)}
	}
	return err
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
