package lower

import (
	"strings"
	"testing"

	"github.com/cajal-sim/cajal/internal/check"
	"github.com/cajal-sim/cajal/internal/ir"
)

// Which event-driven variables are traces: raised by a constant in one
// pathway, as the first thing that pathway does with them, read only in
// the other, decaying to zero, read by no other code, and no code reads
// lastupdate.
func TestTraces(t *testing.T) {
	cases := []struct {
		name, model, pre, post string
		want                   string // the traces, Var:side
	}{
		{"pair STDP", "w : 1\ndA/dt = -A/tau : 1 (event-driven)\ndB/dt = -B/tau : 1 (event-driven)",
			"g += w\nA += 1\nw = clip(w + B, 0, 1)", "B += 0.5\nw = clip(w + A, 0, 1)", "A:pre B:post"},
		{"read before raised", "w : 1\ndA/dt = -A/tau : 1 (event-driven)", "w += A\nA += 1", "w += A", ""},
		{"raised twice", "w : 1\ndA/dt = -A/tau : 1 (event-driven)", "A += 1\nA += 1", "w += A", ""},
		{"raised by both", "w : 1\ndA/dt = -A/tau : 1 (event-driven)", "A += 1", "A += 1", ""},
		{"scaled, not raised", "w : 1\ndA/dt = -A/tau : 1 (event-driven)", "A = A*0.5 + 1", "w += A", ""},
		{"raised by a synaptic variable", "w : 1\ndA/dt = -A/tau : 1 (event-driven)", "A += w", "w += A", ""},
		{"raised at random", "w : 1\ndA/dt = -A/tau : 1 (event-driven)", "A += rand()", "w += A", ""},
		{"relaxes to a rest value", "w : 1\ndA/dt = (1 - A)/tau : 1 (event-driven)", "A += 1", "w += A", ""},
		{"never raised", "w : 1\ndA/dt = -A/tau : 1 (event-driven)", "g += w", "w += A", ""},
		{"lastupdate read", "w : 1\ndA/dt = -A/tau : 1 (event-driven)", "A += 1", "w += A*(t - lastupdate)/ms", ""},
		{"lowered", "w : 1\ndA/dt = -A/tau : 1 (event-driven)", "A -= 0.5", "w += A", "A:pre"},
		{"one-sided", "w : 1\ndA/dt = -A/tau : 1 (event-driven)", "A += 1\nw += A", "", "A:pre"},
	}
	for _, c := range cases {
		post := scope(t, check.Neurons, "g : 1", nil)
		sc := scope(t, check.Synapses, c.model, map[string]any{"tau": "20*ms"})
		sc.Pre, sc.Post = post, post
		low, err := Synapses{Name: "s", Scope: sc, Dt: 1e-4, OnPre: c.pre, OnPost: c.post, Pre: true, Post: c.post != "",
			PerNeuron: func(tr []Trace) []Trace { return tr }}.Lower()
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var got []string
		for _, tr := range low.Traces {
			got = append(got, tr.Var+":"+tr.Side.String())
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s: traces %q, want %q", c.name, strings.Join(got, " "), c.want)
		}
	}
}

// Kept per neuron, pair STDP's traces rise in the neurons' code, once per
// spike; the synapses' code reads the own side's trace from the neuron and
// the other side's decayed to t, and keeps no lastupdate.
func TestTracesKeptPerNeuron(t *testing.T) {
	post := scope(t, check.Neurons, "g : 1", nil)
	sc := scope(t, check.Synapses, "w : 1\ndA/dt = -A/tau : 1 (event-driven)\ndB/dt = -B/tau : 1 (event-driven)", map[string]any{"tau": "20*ms"})
	sc.Pre, sc.Post = post, post
	low, err := Synapses{Name: "s", Scope: sc, Dt: 1e-4, OnPre: "A += 1\nw += B\ng += w", OnPost: "B += 1\nw += A", Pre: true, Post: true,
		PerNeuron: func(tr []Trace) []Trace { return tr }}.Lower()
	if err != nil {
		t.Fatal(err)
	}
	text := func(b ir.Block) string {
		s := ""
		for _, a := range b {
			s += a.Target.String() + " = " + a.Value.String() + "\n"
		}
		return s
	}
	pre, post2, neuron := text(low.Pre), text(low.Post), text(low.PreNeuron)
	if strings.Contains(pre+post2, "lastupdate") && !strings.Contains(pre+post2, "lastupdate_") {
		t.Errorf("the synapses' code keeps a per-synapse lastupdate:\n%s%s", pre, post2)
	}
	if !strings.Contains(neuron, "s.A") || !strings.Contains(neuron, "s.lastupdate_pre") || !strings.Contains(neuron, "exp(") {
		t.Errorf("on_pre's neuron code does not decay and raise A:\n%s", neuron)
	}
	if strings.Contains(pre, "s.A") || !strings.Contains(pre, "s.B") || !strings.Contains(pre, "exp(") {
		t.Errorf("on_pre's synapse code should read B decayed, and not touch A:\n%s", pre)
	}
	if len(low.PostNeuron) != 2 || len(low.Kept) != 2 {
		t.Errorf("on_post's neuron code %v, kept %d traces", low.PostNeuron, len(low.Kept))
	}
	// Kept per synapse, the same model advances both from lastupdate.
	low, err = Synapses{Name: "s", Scope: sc, Dt: 1e-4, OnPre: "A += 1\nw += B\ng += w", OnPost: "B += 1\nw += A", Pre: true, Post: true}.Lower()
	if err != nil {
		t.Fatal(err)
	}
	if p := text(low.Pre); !strings.Contains(p, "lastupdate = t") || low.PreNeuron != nil {
		t.Errorf("per synapse, on_pre does not advance lastupdate:\n%s", p)
	}
}
