package sim

// InFlight returns a copy of the pathway's queue of future events, for a
// snapshot of the network's state.
func (p *Pathway) InFlight() [][]int32 {
	out := make([][]int32, len(p.ring))
	for k, r := range p.ring {
		out[k] = append([]int32(nil), r...)
	}
	return out
}

// SetInFlight replaces the pathway's queue of future events with a copy of
// one that InFlight returned at the same step.
func (p *Pathway) SetInFlight(q [][]int32) {
	p.ring = make([][]int32, len(q))
	for k, r := range q {
		p.ring[k] = append([]int32(nil), r...)
	}
}
