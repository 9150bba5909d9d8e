package sim

import (
	"time"
)

// Spikes exchanged once per minimum delay. When every pathway from a split
// group delays its events by at least two steps, a spike of step s cannot
// be delivered before step s+dmin: the ranks may then gather a batch of
// dmin steps' spikes and exchange them once, at the end of the batch's
// last step, instead of after every threshold. Until then each rank knows
// only its own spikes, which is all its resets and postsynaptic pathways
// need (their synapses end on its neurons). At the exchange every spike of
// the batch is queued on the pathways from split groups, step by step, in
// the order one process queues them, and the spike and rate monitors of
// split groups record the batch's steps. A one-word status is still agreed
// on every step, so that an error or a stop ends every rank at the same
// step; the batch is then exchanged whole so far.

// batchMin is the smallest minimum delay, in steps, that is batched: with
// one step, the exchange after each threshold is as cheap.
const batchMin = 2

// batchMax bounds a batch: its spikes are held until the exchange.
const batchMax = 1000

// batcher holds the spikes of a batch.
type batcher struct {
	size     int       // steps per exchange
	steps    []int64   // steps of the batch so far
	pend     []int32   // per step, per split group: count, then the spikes
	deferred []Monitor // monitors that record at the exchange
	isLater  map[Monitor]bool
	groups   []*Group   // the split groups, whose spikes travel
	paths    []*Pathway // pathways whose spikes are queued at the exchange
	owners   []*Synapses
	send     []int32
	recv     []int32
	counts   []int
	at       []int // per rank, step and split group: where its spikes start
}

// startBatch chooses how the run's spikes are exchanged: nil for after
// every threshold, else the batcher. Collective.
func (n *Network) startBatch() *batcher {
	n.LastBatch = 1
	if !n.Split() || n.EveryStep {
		return nil
	}
	dmin := batchMax
	for _, s := range n.Synapses {
		if !s.Src.split {
			continue
		}
		for _, p := range s.Pathways {
			if p.FromPost || p.prog == nil {
				continue
			}
			d := p.Delay
			if p.PerSynapse != nil {
				d = batchMax
				for _, x := range p.PerSynapse {
					d = min(d, int(x))
				}
			}
			dmin = min(dmin, d)
		}
	}
	dmin = -int(n.Comm.MaxInt32(-int32(dmin))) // the least over the ranks
	n.LastBatch = 1
	if dmin < batchMin {
		return nil
	}
	n.LastBatch = dmin
	b := &batcher{size: dmin, isLater: map[Monitor]bool{}, counts: make([]int, n.Comm.Size())}
	for _, m := range n.Monitors {
		var g *Group
		switch m := m.(type) {
		case *SpikeMonitor:
			g = m.Group
		case *RateMonitor:
			g = m.Group
		}
		if g != nil && g.split {
			b.deferred = append(b.deferred, m)
			b.isLater[m] = true
		}
	}
	for _, g := range n.Groups {
		if g.split {
			b.groups = append(b.groups, g)
		}
	}
	for _, s := range n.Synapses {
		for _, p := range s.Pathways {
			p.deferred = s.Src.split && !p.FromPost
			if p.deferred {
				b.paths, b.owners = append(b.paths, p), append(b.owners, s)
			}
		}
	}
	return b
}

// endBatch ends the run's batching.
func (n *Network) endBatch() {
	if n.batch == nil {
		return
	}
	n.batch = nil
	for _, s := range n.Synapses {
		for _, p := range s.Pathways {
			p.deferred = false
		}
	}
}

// later reports whether m records at the exchange.
func (b *batcher) later(m Monitor) bool { return b != nil && b.isLater[m] }

// add keeps the step's own spikes of the split groups (none if the step
// failed before its spikes were known).
func (b *batcher) add(n *Network, step int64, known bool) {
	b.steps = append(b.steps, step)
	for _, g := range n.Groups {
		if !g.split {
			continue
		}
		if !known {
			b.pend = append(b.pend, 0)
			continue
		}
		b.pend = append(b.pend, int32(len(g.Spikes)))
		b.pend = append(b.pend, g.Spikes...)
	}
}

// full reports whether the batch is complete.
func (b *batcher) full() bool { return len(b.steps) >= b.size }

// flush exchanges the batch's spikes with status, queues them and has the
// deferred monitors record every step of the batch. Steps after a step
// that failed before its spikes were known (early, some rank's status)
// record no spikes. It returns the largest status. Collective.
func (n *Network) flush(b *batcher, status int32) (int32, error) {
	send := append(b.send[:0], status)
	send = append(send, b.pend...)
	b.send = send
	start := time.Now()
	b.recv = n.Comm.AllgatherInt32(send, b.recv, b.counts)
	n.Exchange += time.Since(start)
	size, nsteps := n.Comm.Size(), len(b.steps)
	groups := b.groups
	worst := int32(statusOK)
	b.at = b.at[:0]
	base := 0
	for r := range size {
		worst = max(worst, b.recv[base])
		k := base + 1
		for range nsteps * len(groups) {
			b.at = append(b.at, k)
			k += 1 + int(b.recv[k])
		}
		base += b.counts[r]
	}
	var err error
	for i, step := range b.steps {
		t := float64(step) * n.Dt
		for gi, g := range groups {
			g.Spikes = g.Spikes[:0]
			if worst == statusFailedEarly && i == nsteps-1 {
				continue // the step ended at its update, as in one process
			}
			for r := range size {
				k := b.at[(r*nsteps+i)*len(groups)+gi]
				m := int(b.recv[k])
				g.Spikes = append(g.Spikes, b.recv[k+1:k+1+m]...)
			}
		}
		for q, p := range b.paths {
			b.owners[q].queue(p, uint64(step))
		}
		for _, m := range b.deferred {
			if err == nil {
				err = m.End(step, t)
			}
		}
	}
	b.steps, b.pend = b.steps[:0], b.pend[:0]
	return worst, err
}

// batchStatus is the status a rank sends at the end of a step: ok,
// stopped, or failed before (early) or after its spikes were known.
func (n *Network) batchStatus(err error, early bool) int32 {
	switch {
	case err != nil && early:
		return statusFailedEarly
	case err != nil:
		return statusFailed
	}
	return n.stopStatus()
}
