package sim

import (
	"fmt"
	"strings"

	"github.com/cajal-sim/cajal/cluster"
	"github.com/cajal-sim/cajal/internal/kernel"
)

// A network split over the ranks of a Comm (see docs/mpi.md): each rank
// owns a contiguous block of every group (cluster.Block, blocks ascending
// with the rank, aligned to kernel chunks) and keeps only the synapses
// onto the neurons it owns, from the build on (AddSplit, SortSplit); its
// threads split its blocks as they split a whole network. The arrays of a
// group stay full size on every rank, but a rank updates, and can trust,
// only its own block. Spike generators (Emit) are not split: every rank
// computes all their spikes. After the threshold each rank sends its
// spikes to all (exchange.go; or once per minimum delay, batch.go), so
// every rank knows every spike, in index order, as one process does;
// besides them travel a status word per step and the values monitors
// record (gather.go).
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
// TgtLo: the targets in the member's block of the target group, so that
// the member that updates and resets a neuron also runs every synaptic
// event onto it (and a reset may follow a member's deliveries in the same
// phase, see step.go).
func (s *Synapses) block(w, workers int) (lo, hi int) {
	wlo, whi := s.window()
	glo, ghi := s.Tgt.block(w, workers)
	clamp := func(x int) int { return min(max(x-s.TgtLo, wlo), whi) }
	return clamp(glo), clamp(ghi)
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
	s.pre, s.byPost, s.postStart, s.cuts, s.preByPost = nil, nil, nil, nil, nil
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
	// A row's synapses lie in order of postsynaptic neuron: those of
	// lower ranks, then this rank's, then higher ranks'.
	first, total := cluster.Places(n.Comm, counts)
	for r := range rows {
		for p := s.preStart[r]; p < s.preStart[r+1]; p++ {
			s.Ordinal[p] = int32(first[r] + int64(p-s.preStart[r]))
		}
	}
	s.Total = int(total)
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
			if !s.Src.split {
				continue
			}
			if name := preVariable(bd); name != "" {
				return fmt.Errorf("%s: the synaptic code uses the presynaptic variable %s_pre; a network split over %d processes keeps presynaptic neurons on other processes, so synaptic code may use only synaptic and postsynaptic variables", s.Name, name, n.Comm.Size())
			}
		}
	}
	return nil
}

// TraceArray reports whether a neuron group's array holds a synaptic
// trace kept per neuron (named "synapses.variable"; a model's variables
// have no dots). Every process of a split network keeps the traces of
// presynaptic neurons itself, from the spikes it receives.
func TraceArray(name string) bool { return strings.Contains(name, ".") }
