package sim

import (
	"reflect"
	"strings"
	"testing"
)

// tiny is a network of two groups, synapses with a pathway of one delay
// and one of per-synapse delays, and a spike monitor.
func tiny() *Network {
	a := NewGroup("a", 3, 0, []string{"v"})
	b := NewGroup("b", 2, 1, []string{"v"})
	s := NewSynapses("s", 2, a, 0, 3, b, 0, 2)
	s.AddArray("w")
	s.Add([]int32{2, 0, 1}, []int32{1, 0, 1})
	s.Sort()
	s.Pathways = []*Pathway{{Name: "pre", Delay: 2}, {Name: "post", FromPost: true, PerSynapse: []int32{0, 1, 3}}}
	return &Network{Dt: 1e-4, Seed: 3, Groups: []*Group{a, b}, Synapses: []*Synapses{s},
		Monitors: []Monitor{NewSpikeMonitor(b, 0, 2)}}
}

// A saved state loads into another network of the same structure: the
// variables, the counts, and the queues, saved in the order they fall due
// and put back in the slots of their steps.
func TestStateRoundTrip(t *testing.T) {
	n := tiny()
	n.Step = 7
	n.Groups[0].Arrays["v"][1] = 0.25
	n.Synapses[0].Arrays["w"][2] = -1
	pre := n.Synapses[0].Pathways[0]
	pre.ring = [][]int32{{1}, nil, {0, 2}} // step 7: slot 1 now, slot 2 next, slot 0 after
	n.Monitors[0].(*SpikeMonitor).Count[1] = 4
	st := State{}
	if err := n.SaveState(st); err != nil {
		t.Fatal(err)
	}
	if got := st["synapses/0/pathway/0/queue"]; !reflect.DeepEqual(got, []int32{0, 2, 1}) {
		t.Errorf("queue in order due: %v", got)
	}
	m := tiny()
	if err := m.LoadState(st); err != nil {
		t.Fatal(err)
	}
	if m.Step != 7 || m.Groups[0].Arrays["v"][1] != 0.25 || m.Synapses[0].Arrays["w"][2] != -1 || m.Monitors[0].(*SpikeMonitor).Count[1] != 4 {
		t.Errorf("state not restored: step %d", m.Step)
	}
	if got := m.Synapses[0].Pathways[0].ring; !reflect.DeepEqual(got, [][]int32{{1}, nil, {0, 2}}) {
		t.Errorf("ring %v, want the saved one", got)
	}
}

// An inconsistent state is refused and changes nothing.
func TestLoadStateRefuses(t *testing.T) {
	for _, c := range []struct {
		name  string
		value any
		want  string
	}{
		{"group/1/array/v", []float64{1, 2, 3}, "has 3 values, want 2"},
		{"group/0/array/v", []int32{1, 2, 3}, "want []float64"},
		{"synapses/0/pathway/0/queue", []int32{5}, "outside 0 to 2"},
		{"synapses/0/pathway/1/slots", []int32{1}, "do not match"},
		{"step", []int64{-1}, "step is -1"},
		{"monitor/0/count", nil, "has no monitor/0/count"},
	} {
		n := tiny()
		st := State{}
		if err := n.SaveState(st); err != nil {
			t.Fatal(err)
		}
		st["group/0/array/v"] = []float64{9, 9, 9}
		if c.value == nil {
			delete(st, c.name)
		} else {
			st[c.name] = c.value
		}
		m := tiny()
		err := m.LoadState(st)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error that says %q", c.name, err, c.want)
		}
		if v := m.Groups[0].Arrays["v"]; v[0] != 0 {
			t.Errorf("%s: a refused state changed v to %v", c.name, v)
		}
	}
}
