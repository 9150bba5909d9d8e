package dendrify

import (
	"math"
	"strings"
	"testing"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/unit"
)

var (
	mV, ms, nS, pF, pA = unit.Millivolt, unit.Millisecond, unit.Nanosiemens, unit.Picofarad, unit.Picoamp
)

// The point neuron of Dendrify's "LIF network + inhibition" example gives
// Dendrify's equations, term for term (the GABA current, added second,
// first in the sum, as Dendrify inserts it).
func TestPointNeuronEquations(t *testing.T) {
	m := PointNeuron("leakyIF", Props{Cm: unit.Q(281, pF), Gl: unit.Q(30, nS), VRest: unit.Q(-70.6, mV)}).
		Synapse(AMPA, "ext", unit.Q(2, nS), unit.Quantity{}, unit.Q(2.5, ms)).
		Synapse(GABA, "inh", unit.Q(2, nS), unit.Quantity{}, unit.Q(7.5, ms))
	eqs, err := m.Equations()
	if err != nil {
		t.Fatal(err)
	}
	want := `dV/dt = (gL * (EL-V) + I) / C  :volt
I = I_ext + I_GABA_inh + I_AMPA_ext  :amp
I_ext  :amp
I_AMPA_ext = g_AMPA_ext * (E_AMPA-V) * s_AMPA_ext * w_AMPA_ext  :amp
ds_AMPA_ext/dt = -s_AMPA_ext / t_AMPA_decay_ext  :1
I_GABA_inh = g_GABA_inh * (E_GABA-V) * s_GABA_inh * w_GABA_inh  :amp
ds_GABA_inh/dt = -s_GABA_inh / t_GABA_decay_inh  :1
`
	if eqs != want {
		t.Errorf("equations:\n%s\nwant:\n%s", eqs, want)
	}
	ns, _ := m.Namespace()
	for k, v := range map[string]unit.Quantity{"EL": unit.Q(-70.6, mV), "C": unit.Q(281, pF), "gL": unit.Q(30, nS),
		"g_AMPA_ext": unit.Q(2, nS), "t_GABA_decay_inh": unit.Q(7.5, ms), "E_GABA": unit.Q(-80, mV)} {
		if ns[k] != v {
			t.Errorf("%s = %v, want %v", k, ns[k], v)
		}
	}
	if !strings.Contains(m.String(), "t_AMPA_decay_ext = 2.5 ms") {
		t.Errorf("String() lacks the parameters:\n%s", m)
	}
}

// A synapse with rise and decay times is a difference of exponentials:
// after s jumps to 1, x(t) = tr*td/(td - tr)/ms (exp(-t/td) - exp(-t/tr)),
// peaking at t* = tr td/(td - tr) ln(td/tr). An NMDA current is scaled by
// Dendrify's magnesium block 1/(1 + Mg exp(-0.062 V/mV)/3.57).
func TestRiseDecayAndNMDA(t *testing.T) {
	m := PointNeuron("passive", Props{Cm: unit.Q(100, pF), Gl: unit.Q(10, nS), VRest: unit.Q(-65, mV)}).
		Synapse(NMDA, "x", unit.Q(1, nS), unit.Q(5, ms), unit.Q(50, ms))
	net, _ := cajal.NewNetwork(cajal.Options{Dt: unit.Q(0.01, ms)})
	g, err := m.NeuronGroup(net, cajal.Neurons{N: 1, Method: "rk4"})
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Set("s_NMDA_x", 1.0); err != nil {
		t.Fatal(err)
	}
	tr, td := 5.0, 50.0
	tpeak := tr * td / (td - tr) * math.Log(td/tr)
	if err := net.Run(unit.Q(tpeak, ms)); err != nil {
		t.Fatal(err)
	}
	x, _ := g.Get("x_NMDA_x")
	want := tr * td / (td - tr) * (math.Exp(-tpeak/td) - math.Exp(-tpeak/tr))
	if math.Abs(x[0]-want) > 1e-6 {
		t.Errorf("x at the peak = %.8f, want %.8f", x[0], want)
	}
	// The current at V: g*(E - V)*x*block.
	v, _ := g.Get("V")
	I, _ := g.Get("I_NMDA_x")
	block := 1 / (1 + math.Exp(-0.062*v[0]*1e3)/3.57)
	if wantI := 1e-9 * (0 - v[0]) * x[0] * block; math.Abs(I[0]-wantI) > 1e-9*math.Abs(wantI) {
		t.Errorf("I_NMDA = %v, want %v", I[0], wantI)
	}
}

// Two compartments joined by g: with current injected into the dendrite
// the steady state obeys Kirchhoff's law, V_soma - EL = g (V_dend - V_soma)
// / gL_soma, and the dendrite sits above the soma.
func TestCompartmentsCoupled(t *testing.T) {
	soma := NewCompartment("soma", "leakyIF", Props{Cm: unit.Q(200, pF), Gl: unit.Q(10, nS), VRest: unit.Q(-70, mV)})
	dend := NewCompartment("dend", "passive", Props{Cm: unit.Q(50, pF), Gl: unit.Q(2.5, nS), VRest: unit.Q(-70, mV)})
	m := NeuronModel(soma, dend).Connect(soma, dend, unit.Q(5, nS))
	eqs, err := m.Equations()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"I_soma = I_ext_soma + I_dend_soma  :amp", "I_dend_soma = (V_dend-V_soma) * g_dend_soma  :amp",
		"I_soma_dend = (V_soma-V_dend) * g_soma_dend  :amp"} {
		if !strings.Contains(eqs, want) {
			t.Errorf("equations lack %q:\n%s", want, eqs)
		}
	}
	net, _ := cajal.NewNetwork(cajal.Options{})
	g, err := m.NeuronGroup(net, cajal.Neurons{N: 1, Method: "exact"})
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Set("I_ext_dend", unit.Q(100, pA)); err != nil {
		t.Fatal(err)
	}
	if err := net.Run(unit.Q(500, ms)); err != nil {
		t.Fatal(err)
	}
	vs, _ := g.Get("V_soma")
	vd, _ := g.Get("V_dend")
	// Solve the 2x2 steady state: 10(vs+70) = 5(vd-vs); 2.5(vd+70) + 5(vd-vs) = 100 (nS, mV, pA).
	// vs+70 = a, vd+70 = b: 15a = 5b; 7.5b - 5a = 100 -> b = 3a, 22.5a - 5a = 100.
	a := 100 / 17.5
	if math.Abs(vs[0]*1e3-(-70+a)) > 1e-6 || math.Abs(vd[0]*1e3-(-70+3*a)) > 1e-6 {
		t.Errorf("V_soma = %.6f mV, V_dend = %.6f mV; want %.6f and %.6f", vs[0]*1e3, vd[0]*1e3, -70+a, -70+3*a)
	}
}

func TestBuilderErrors(t *testing.T) {
	p := Props{Cm: unit.Q(100, pF), Gl: unit.Q(10, nS), VRest: unit.Q(-65, mV)}
	cases := []*Model{
		PointNeuron("lif", p),
		PointNeuron("leakyIF", p).Synapse("NMDA2", "x", unit.Q(1, nS), unit.Quantity{}, unit.Q(5, ms)),
		PointNeuron("leakyIF", p).Synapse(AMPA, "x", unit.Q(1, nS), unit.Quantity{}, unit.Q(5, ms)).Synapse(AMPA, "x", unit.Q(1, nS), unit.Quantity{}, unit.Q(5, ms)),
		PointNeuron("leakyIF", p).Synapse(AMPA, "a b", unit.Q(1, nS), unit.Quantity{}, unit.Q(5, ms)),
		NeuronModel(NewCompartment("a", "passive", p), NewCompartment("a", "passive", p)),
	}
	for i, m := range cases {
		if _, err := m.Equations(); err == nil {
			t.Errorf("case %d: no error", i)
		}
	}
	a, b := NewCompartment("a", "passive", p), NewCompartment("b", "passive", p)
	if _, err := NeuronModel(a, b).Connect(a, b, unit.Q(1, mV)).Equations(); err == nil {
		t.Error("a coupling in mV was accepted")
	}
}
