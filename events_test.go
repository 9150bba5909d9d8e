package cajal

import (
	"math"
	"testing"

	"github.com/cajal-sim/cajal/unit"
)

// A custom event is checked after the state update and before the reset:
// v grows by 1e-4 a step from 0, so after the update of step n it is
// (n+1)*1e-4 (counted from the last reset); the event "v > 0.00055" holds
// at steps 5..9, the threshold at step 9 (v = 1e-3), whose reset starts
// the next cycle at step 10. The recorded v is the value after the update.
func TestEventMonitor(t *testing.T) {
	n := newNet(t, Options{})
	g, err := n.NeuronGroup(Neurons{N: 1, Model: "dv/dt = 1/second : 1", Threshold: "v > 0.00095", Reset: "v = 0",
		Events: map[string]string{"high": "v > 0.00055"}})
	if err != nil {
		t.Fatal(err)
	}
	em, err := n.EventMonitor(g, "high", Variables("v"))
	if err != nil {
		t.Fatal(err)
	}
	run(t, n, unit.Q(2, unit.Millisecond))
	v, _ := em.Values("v")
	var want []int
	for c := 0; c < 2; c++ {
		for s := 5; s <= 9; s++ {
			want = append(want, 10*c+s)
		}
	}
	if em.Num() != len(want) {
		t.Fatalf("events at %v, want steps %v", em.T(), want)
	}
	for k, s := range want {
		if math.Abs(em.T()[k]-float64(s)*1e-4) > 1e-12 || em.I()[k] != 0 || math.Abs(v[k]-float64(s%10+1)*1e-4) > 1e-12 {
			t.Errorf("event %d: t = %v, i = %d, v = %v; want step %d", k, em.T()[k], em.I()[k], v[k], s)
		}
	}
	if _, err := n.EventMonitor(g, "low"); err == nil {
		t.Error("an unknown event: no error")
	}
	if _, err := n.NeuronGroup(Neurons{N: 1, Model: "v : 1", Events: map[string]string{"bad": "v + 1"}}); err == nil {
		t.Error("an event that is not a condition: no error")
	}
}
