package cajal

import (
	"os"
	"strings"
	"testing"

	"github.com/cajal-sim/cajal/unit"
)

// A pathway that writes a presynaptic variable counts every event at any
// number of threads, as docs/step-order.md says: each presynaptic neuron's
// counter ends at its spike count times its number of synapses. Delivered
// in parallel without care, two workers would lose increments of the same
// counter. All neurons start alike and fire in the same steps, each with
// about 180,000 events.
func TestPresynapticWritesAreSerial(t *testing.T) {
	for _, threads := range []int{1, 4} {
		n := newNet(t, Options{Seed: 3, Threads: threads})
		g, err := n.NeuronGroup(Neurons{N: 600, Model: `
dv/dt = (1.2 - v)/(10*ms) : 1 (unless refractory)
c : 1
`, Threshold: "v > 1", Reset: "v = 0", Refractory: "1*ms"})
		if err != nil {
			t.Fatal(err)
		}
		if err := g.Set("v", 0.5); err != nil {
			t.Fatal(err)
		}
		s, err := n.Synapses(Synapses{Source: g, Target: g, OnPre: "c_pre += 1"})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Connect(P(0.5)); err != nil {
			t.Fatal(err)
		}
		sm, err := n.SpikeMonitor(g)
		if err != nil {
			t.Fatal(err)
		}
		run(t, n, unit.Q(50, unit.Millisecond))
		out := make([]int, 600)
		for _, i := range s.I() {
			out[i]++
		}
		c, _ := g.Get("c")
		events := 0
		for i, k := range sm.Count() {
			events += k * out[i]
			if c[i] != float64(k*out[i]) {
				t.Fatalf("%d threads: neuron %d fired %d times onto %d synapses; its counter is %v", threads, i, k, out[i], c[i])
			}
		}
		if events < 300000 {
			t.Fatalf("only %d events: the test needs steps with many thousands", events)
		}
	}
}

// docs/step-order.md names the tests that hold it to what it says about
// threads; they exist.
func TestStepOrderNamesItsTests(t *testing.T) {
	doc, err := os.ReadFile("docs/step-order.md")
	if err != nil {
		t.Fatal(err)
	}
	var src strings.Builder
	for _, f := range []string{"monitors_test.go", "docs_test.go"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src.Write(b)
	}
	for _, name := range []string{"TestNetworkThreadsDoNotChangeResults", "TestPresynapticWritesAreSerial"} {
		if !strings.Contains(string(doc), name) || !strings.Contains(src.String(), "func "+name+"(") {
			t.Errorf("docs/step-order.md and the tests disagree about %s", name)
		}
	}
}
