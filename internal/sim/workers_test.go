package sim

import (
	"runtime"
	"testing"
)

// TestWorkerCountCountsSharedWork checks that the automatic worker count
// counts only work that workers can share: groups of MinParallel elements
// or more, and the synapses onto them.
func TestWorkerCountCountsSharedWork(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("needs two processors")
	}
	small := NewGroup("small", MinParallel-1, 0, nil)
	big := NewGroup("big", 2*WorkPerWorker, 1, nil)
	n := &Network{Groups: []*Group{small}}
	s := NewSynapses("s", 0, small, 0, small.N, small, 0, small.N)
	s.Post = make([]int32, 200*WorkPerWorker) // 8e5 synapses: the work of 8000 neurons
	n.Synapses = []*Synapses{s}
	if got := n.WorkerCount(); got != 1 {
		t.Errorf("a group under MinParallel with synapses onto it: %d workers, want 1", got)
	}
	n.Groups = []*Group{small, big}
	if got := n.WorkerCount(); got != 2 {
		t.Errorf("a group of %d neurons: %d workers, want 2", big.N, got)
	}
	n.Groups = []*Group{NewGroup("mid", WorkPerWorker, 0, nil)}
	s.Tgt = n.Groups[0]
	if got := n.WorkerCount(); got != 2 {
		t.Errorf("%d neurons and synapses onto them worth %d more: %d workers, want 2", WorkPerWorker, 2*WorkPerWorker, got)
	}
}
