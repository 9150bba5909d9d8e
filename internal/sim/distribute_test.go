package sim

import (
	"math/rand/v2"
	"testing"
)

// TestSynapseBlocksFollowGroupBlocks checks that a member's part of a
// synapse group's targets lies within its block of the target group, also
// for synapses onto a slice of a group, that the parts cover the targets
// in order, and that the rows are cut at the same places: the member that
// updates a neuron runs every event onto it and may reset it after its
// deliveries.
func TestSynapseBlocksFollowGroupBlocks(t *testing.T) {
	const n = 10000
	tgt := NewGroup("neurons", n, 0, nil)
	src := NewGroup("src", 300, 1, nil)
	rng := rand.New(rand.NewPCG(1, 2))
	for _, slice := range [][2]int{{0, n}, {0, 8000}, {8000, n}, {9000, 9500}, {100, 700}} {
		s := NewSynapses("s", 0, src, 0, src.N, tgt, slice[0], slice[1])
		var pre, post []int32
		for i := range src.N {
			for range 50 {
				pre = append(pre, int32(i))
				post = append(post, int32(slice[0]+rng.IntN(slice[1]-slice[0])))
			}
		}
		s.Add(pre, post)
		s.Sort()
		for _, workers := range []int{2, 3, 4} {
			s.cut(workers)
			next := 0
			for w := range workers {
				lo, hi := s.block(w, workers)
				glo, ghi := tgt.block(w, workers)
				if lo != next || hi < lo {
					t.Fatalf("targets %v, %d members: part %d is [%d, %d), want it to start at %d", slice, workers, w, lo, hi, next)
				}
				next = hi
				if hi > lo && (s.TgtLo+lo < glo || s.TgtLo+hi > ghi) {
					t.Errorf("targets %v, %d members: part %d [%d, %d) + %d is outside the group block [%d, %d)",
						slice, workers, w, lo, hi, s.TgtLo, glo, ghi)
				}
				begin, end := s.rows(w, lo, hi)
				for r := range src.N {
					for syn := begin[r]; syn < end[r]; syn++ {
						if p := int(s.Post[syn]); p < glo || p >= ghi {
							t.Fatalf("targets %v, %d members: member %d's rows hold a synapse onto %d, outside [%d, %d)",
								slice, workers, w, p, glo, ghi)
						}
					}
				}
			}
			if wlo, whi := s.window(); next != whi || wlo != 0 {
				t.Errorf("targets %v, %d members: parts end at %d, the window is [%d, %d)", slice, workers, next, wlo, whi)
			}
		}
	}
}
