package cajal

import (
	"math"
	"testing"

	"github.com/cajal-sim/cajal/unit"
)

// Reading a subexpression evaluates it from the current state and time;
// an expression that sets a value sees the current time too.
func TestSubexpressionsAndTime(t *testing.T) {
	n := newNet(t, Options{})
	g, err := n.NeuronGroup(Neurons{N: 3, Model: "x : 1\ny = 2*x + t/second : 1\nz : second"})
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Set("x", []float64{1, 2, 3}); err != nil {
		t.Fatal(err)
	}
	run(t, n, unit.Q(50, unit.Millisecond))
	y, err := g.Get("y")
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range y {
		if want := 2*float64(i+1) + 0.05; math.Abs(v-want) > 1e-12 {
			t.Errorf("y[%d] = %v, want %v", i, v, want)
		}
	}
	if err := g.Set("z", "t"); err != nil {
		t.Fatal(err)
	}
	z, _ := g.Get("z")
	if math.Abs(z[0]-0.05) > 1e-12 {
		t.Errorf("z = %v, want 0.05 s", z[0])
	}
	if err := g.Set("y", 1.0); err == nil {
		t.Error("set a subexpression")
	}
}
