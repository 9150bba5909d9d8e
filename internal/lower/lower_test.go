package lower

import (
	"strings"
	"testing"

	"github.com/cajal-sim/cajal/internal/check"
	"github.com/cajal-sim/cajal/internal/ir"
)

func scope(t *testing.T, target check.Target, model string, ns map[string]any) *check.Scope {
	t.Helper()
	m, err := check.Declare("g.model", model, target)
	if err != nil {
		t.Fatal(err)
	}
	vals := map[string]check.Value{}
	for k, v := range ns {
		if vals[k], err = check.ValueOf(v); err != nil {
			t.Fatal(err)
		}
	}
	return &check.Scope{Model: m, N: 10, Dt: 1e-4, Namespace: vals, Shared: map[string]float64{}}
}

// A leaky neuron with a refractory period: exact integration chosen, the
// refractory guard in the update and threshold, lastspike set by the
// reset, and the threshold fused into the update unless summed variables
// reach the group or it draws random numbers.
func TestNeurons(t *testing.T) {
	for _, summed := range []bool{false, true} {
		n := Neurons{Name: "g", Scope: scope(t, check.Neurons, "dv/dt = -v/(10*ms) : 1 (unless refractory)", nil),
			Dt: 1e-4, Threshold: "v > 1", Reset: "v = 0", Refractory: "2*ms", SummedInto: summed}
		n.Scope.Refractory = true
		code, method, err := n.Lower()
		if err != nil {
			t.Fatal(err)
		}
		if method != "exact" {
			t.Errorf("method %q, want exact for a linear equation", method)
		}
		if code.Threshold == nil || !strings.Contains(code.Threshold.String(), "not_refractory") {
			t.Errorf("threshold %v lacks the refractory guard", code.Threshold)
		}
		if code.Fuse == summed {
			t.Errorf("fuse %v with summed variables %v", code.Fuse, summed)
		}
		if len(code.Reset) != 3 || code.Reset[1].Target.Name != "lastspike" {
			t.Errorf("reset %v: want v = 0, lastspike = t, not_refractory = 0", code.Reset)
		}
	}
	n := Neurons{Name: "g", Scope: scope(t, check.Neurons, "dv/dt = -v/(10*ms) : 1", nil), Dt: 1e-4, Reset: "v = 0"}
	if _, _, err := n.Lower(); err == nil || !strings.Contains(err.Error(), "a reset needs a threshold") {
		t.Errorf("a reset without threshold: %v", err)
	}
}

// Event-driven traces decay in closed form at each event, from
// lastupdate, before the pathway's statements, in both pathways.
func TestSynapses(t *testing.T) {
	post := scope(t, check.Neurons, "g : 1", nil)
	sc := scope(t, check.Synapses, "w : 1\ndA/dt = -A/tau : 1 (event-driven)", map[string]any{"tau": "20*ms"})
	sc.Pre, sc.Post = post, post
	low, err := Synapses{Name: "s", Scope: sc, Dt: 1e-4, OnPre: "g += w\nA += 1", OnPost: "w += A", Pre: true, Post: true}.Lower()
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string]ir.Block{"pre": low.Pre, "post": low.Post} {
		text := ""
		for _, a := range b {
			text += a.Target.Name + " = " + a.Value.String() + "\n"
		}
		if !strings.Contains(text, "exp(") || !strings.Contains(text, "lastupdate = t") {
			t.Errorf("%s pathway does not advance the trace from lastupdate:\n%s", name, text)
		}
	}
	if low.Code.Update != nil || low.Code.Summed != nil {
		t.Errorf("no clock-driven equations or summed variables, got %v, %v", low.Code.Update, low.Code.Summed)
	}
}

// A refractory period given as a number of seconds lowers to the same
// test as the same period written as text, without printing it.
func TestFixedRefractory(t *testing.T) {
	model := "dv/dt = -v/(10*ms) : 1 (unless refractory)"
	text := Neurons{Name: "g", Scope: scope(t, check.Neurons, model, nil), Dt: 1e-4, Threshold: "v > 1", Refractory: "2.5*ms"}
	fixed := Neurons{Name: "g", Scope: scope(t, check.Neurons, model, nil), Dt: 1e-4, Threshold: "v > 1", FixedRefractory: true, RefractoryPeriod: 2.5e-3}
	text.Scope.Refractory, fixed.Scope.Refractory = true, true
	a, _, err := text.Lower()
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := fixed.Lower()
	if err != nil {
		t.Fatal(err)
	}
	if a.Update[0].Value.String() != b.Update[0].Value.String() {
		t.Errorf("refractory test %v from text, %v from a number", a.Update[0].Value, b.Update[0].Value)
	}
	none := Neurons{Name: "g", Scope: scope(t, check.Neurons, "dv/dt = -v/(10*ms) : 1", nil), Dt: 1e-4, Threshold: "v > 1"}
	c, _, err := none.Lower()
	if err != nil || strings.Contains(c.Threshold.String(), "not_refractory") {
		t.Errorf("no refractory period: threshold %v, %v", c.Threshold, err)
	}
}
