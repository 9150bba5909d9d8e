package sim

import "fmt"

// The state of one rank of a split network (distribute.go), for
// checkpoints: each rank saves and loads its own, in the layout of its
// runs. The groups' arrays are saved full size (a rank trusts only its
// block, but the rest is what it would hold had it run on); the synapses
// are the rank's compacted ones, with each one's number in the whole
// network (Ordinal) and the count of all (Total), which a rank that loads
// the state must have made the same way (SplitLayout); the queues of
// per-synapse delays hold the rank's own synapse numbers; monitors hold
// records every rank has alike, weight recorders with each event's
// neurons.

// SplitLayout lays a split network out as its runs do, before its first
// run: the groups' blocks are assigned to the ranks (Distribute) and each
// rank keeps only the synapses onto its neurons (Sort, then compact).
// What a run's compilation would do next is then already done (synapses
// made by Connect are kept that way from the start; this numbers a group
// that has none). In one process it does nothing.
func (n *Network) SplitLayout() {
	if !n.Split() {
		return
	}
	n.Distribute()
	for _, s := range n.Synapses {
		s.Sort()
		if s.Ordinal == nil {
			for _, p := range s.Pathways {
				if p.PerSynapse != nil && len(p.PerSynapse) != len(s.Post) {
					// Delays from before the last Connect: the next run
					// sets them from the delay variable; until then they
					// only say that the queue holds synapses.
					p.PerSynapse = make([]int32, len(s.Post))
				}
			}
		}
		s.compact()
	}
}

// saveSplit adds what identifies a rank's part of a split network: the
// process count, the rank, and each synapse group's ordinals and total.
func (n *Network) saveSplit(st State) {
	if !n.Split() {
		return
	}
	st["split/processes"] = []int64{int64(n.Comm.Size())}
	st["split/rank"] = []int64{int64(n.Comm.Rank())}
	for k, s := range n.Synapses {
		if s.Ordinal != nil {
			p := fmt.Sprintf("synapses/%d/", k)
			st[p+"ordinal"] = s.Ordinal
			st[p+"total"] = []int64{int64(s.Total)}
		}
	}
}

// loadSplit checks that a state was saved by this rank of a network split
// the same way, with the same synapses kept: nothing of it is set (the
// layout was made by SplitLayout).
func (n *Network) loadSplit(l *loader) {
	size, rank := 1, 0
	if n.Split() {
		size, rank = n.Comm.Size(), n.Comm.Rank()
	}
	procs, proc := int64(1), int64(0)
	if _, ok := l.st["split/processes"]; ok {
		if v := l.int64s("split/processes", 1); v != nil {
			procs = v[0]
		}
		if v := l.int64s("split/rank", 1); v != nil {
			proc = v[0]
		}
	}
	if l.err != nil {
		return
	}
	if procs != int64(size) || proc != int64(rank) {
		l.fail("the checkpoint is the state of process %d of %d, this is process %d of %d", proc, procs, rank, size)
		return
	}
	for k, s := range n.Synapses {
		p := fmt.Sprintf("synapses/%d/", k)
		if s.Ordinal == nil {
			if _, ok := l.st[p+"ordinal"]; ok {
				l.fail("the checkpoint's %sordinal is of synapses split over processes; these are whole", p)
			}
			continue
		}
		ord := l.int32s(p+"ordinal", len(s.Ordinal))
		total := l.int64s(p+"total", 1)
		if l.err != nil {
			return
		}
		same := total[0] == int64(s.Total)
		for i, o := range ord {
			same = same && o == s.Ordinal[i]
		}
		if !same {
			l.fail("the checkpoint's synapses %d (%s) on this process are not the ones this network keeps here", k, s.Name)
			return
		}
	}
}
