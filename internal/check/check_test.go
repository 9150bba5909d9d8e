package check

import (
	"strings"
	"testing"

	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/unit"
)

func neuronScope(t *testing.T, model string, ns map[string]any) *Scope {
	t.Helper()
	m, err := Declare("g.model", model, Neurons)
	if err != nil {
		t.Fatal(err)
	}
	vals := map[string]Value{}
	for k, v := range ns {
		if vals[k], err = ValueOf(v); err != nil {
			t.Fatal(err)
		}
	}
	return &Scope{Model: m, N: 4, Dt: 1e-4, Namespace: vals, Shared: map[string]float64{}}
}

// Names resolve to the model's variables, the namespace, units and
// constants; dimensions are checked and folded to SI.
func TestResolveAndFold(t *testing.T) {
	s := neuronScope(t, "dv/dt = (el - v)/tau : volt", map[string]any{"el": "-70*mV", "tau": "10*ms"})
	eqs, _, err := s.Equations()
	if err != nil {
		t.Fatal(err)
	}
	if len(eqs) != 1 || eqs[0].Var != "v" {
		t.Fatalf("equations %v", eqs)
	}
	n, err := s.ExpressionOf("x", "el + 5*mV", unit.Volt.Dim, "a value")
	if err != nil {
		t.Fatal(err)
	}
	if n.Kind != ir.Const || n.Value < -0.06500001 || n.Value > -0.06499999 {
		t.Errorf("el + 5*mV folds to %v, want -0.065", n)
	}
}

// Wrong dimensions, unknown names (with a suggestion) and bad types are
// errors naming the line and column.
func TestErrors(t *testing.T) {
	s := neuronScope(t, "dv/dt = (el - v)/tau : volt\nI : amp", map[string]any{"el": "-70*mV", "tau": "10*ms"})
	for _, c := range []struct{ text, want string }{
		{"v + I", "dimension"},
		{"v + vv", `did you mean "v"`},
		{"taau", `did you mean "tau"`},
		{"v > 1*mV and 3", "condition"},
	} {
		_, err := s.ExpressionOf("x", c.text, unit.Volt.Dim, "a value")
		if c.want == "condition" {
			_, err = s.Condition("x", c.text, "a condition")
		}
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "x:1:") {
			t.Errorf("%q: error %v, want one at x:1: mentioning %s", c.text, err, c.want)
		}
	}
}
