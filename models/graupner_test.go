package models

import (
	"math"
	"testing"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/unit"
)

// graupnerSynapse makes one graupner_brunel synapse between two silent
// neurons, with the model s, and returns it.
func graupnerSynapse(t *testing.T, net *cajal.Network, s Synapse) *cajal.SynapseGroup {
	t.Helper()
	a, err := net.NeuronGroup(cajal.Neurons{Name: "a", N: 1})
	if err != nil {
		t.Fatal(err)
	}
	b, err := net.NeuronGroup(cajal.Neurons{Name: "b", N: 1})
	if err != nil {
		t.Fatal(err)
	}
	syn, err := s.Connect(net, "", a, b, "")
	if err != nil {
		t.Fatal(err)
	}
	return syn
}

// Without noise (sigma = 0) and with calcium held constant (tau_Ca =
// 1e9 s), the efficacy obeys tau drho/dt = -rho(1 - rho)(rho_star - rho) +
// gamma_p (1 - rho)[c > theta_p] - gamma_d rho [c > theta_d]. With c = 2,
// above both thresholds, a synapse starting DOWN (rho = 0) drifts up as
// the linear part's closed form rho(t) = rho_bar (1 - exp(-(gamma_p +
// gamma_d) t/tau)), rho_bar = gamma_p/(gamma_p + gamma_d) = 0.6167; with c =
// 1.1, between the thresholds, a synapse starting UP decays as exp(-gamma_d
// t/tau). The cubic term, at most 0.0481 in size, moves the solution by at
// most 0.0481/(gamma_p + gamma_d) = 9.2e-5 and 0.0481/gamma_d = 2.4e-4
// (the linear parts contract at those rates), and heun's error at dt =
// 0.1 ms is far smaller: the tolerances are 1e-4 and 2.5e-4, at t = 100 and
// 300 ms (the time constants are 287 ms and 750 ms).
func TestGraupnerBrunelDrift(t *testing.T) {
	s := synapse(t, "graupner_brunel").With(cajal.Namespace{"sigma": 0.0, "tau_Ca": unit.Q(1e9, unit.Second)})
	const gp, gd, tau = 321.808, 200.0, 150.0
	for _, c := range []struct {
		name    string
		c, rho0 float64
		want    func(t float64) float64
		tol     float64
	}{
		{"potentiation from DOWN", 2, 0, func(t float64) float64 { return gp / (gp + gd) * (1 - math.Exp(-(gp+gd)*t/tau)) }, 1e-4},
		{"depression from UP", 1.1, 1, func(t float64) float64 { return math.Exp(-gd * t / tau) }, 2.5e-4},
	} {
		net := newNet(t, 0.1)
		syn := graupnerSynapse(t, net, s)
		if err := syn.Set("c", c.c); err != nil {
			t.Fatal(err)
		}
		if err := syn.Set("rho", c.rho0); err != nil {
			t.Fatal(err)
		}
		elapsed := 0.0
		for _, at := range []float64{100, 300} {
			run(t, net, at-elapsed)
			elapsed = at
			rho := get(t, syn, "rho")[0]
			if want := c.want(at * 1e-3); math.Abs(rho-want) > c.tol {
				t.Errorf("%s: rho = %.6f at %g ms, closed form %.6f", c.name, rho, at, want)
			}
		}
	}
}

// Calcium: a presynaptic spike adds C_pre = 1 to c after the delay D =
// 13.7 ms, a postsynaptic spike C_post = 2 at once, and c decays with
// tau_Ca = 20 ms (heun's factor per step differs from exp(-dt/tau_Ca) by
// (dt/tau_Ca)^3/6 = 2e-8, so over 20 ms the decay matches e^-1 within
// 1e-5). The presynaptic jump alone reaches theta_d = 1 but does not
// exceed it, so rho, starting DOWN, stays at 0.
func TestGraupnerBrunelCalcium(t *testing.T) {
	s := synapse(t, "graupner_brunel").With(cajal.Namespace{"sigma": 0.0})
	net := newNet(t, 0.1)
	pre, err := net.SpikeGeneratorGroup(cajal.SpikeGenerator{Name: "pre", N: 1, Indices: []int{0}, Times: cajal.Times(unit.Millisecond, 5)})
	if err != nil {
		t.Fatal(err)
	}
	post, err := net.SpikeGeneratorGroup(cajal.SpikeGenerator{Name: "post", N: 1, Indices: []int{0}, Times: cajal.Times(unit.Millisecond, 100)})
	if err != nil {
		t.Fatal(err)
	}
	syn, err := s.Connect(net, "", pre, post, "")
	if err != nil {
		t.Fatal(err)
	}
	run(t, net, 5+13.6)
	if c := get(t, syn, "c")[0]; c != 0 {
		t.Fatalf("c = %g before the delay D has passed", c)
	}
	run(t, net, 0.2)
	c1 := get(t, syn, "c")[0]
	if c1 > 1 || c1 < math.Exp(-0.2/20) {
		t.Fatalf("c = %g just after the delayed presynaptic spike, want about C_pre = 1", c1)
	}
	run(t, net, 20)
	if c2 := get(t, syn, "c")[0]; math.Abs(c2/c1-math.Exp(-1)) > 1e-5 {
		t.Errorf("c decayed by %.8f over tau_Ca, want %.8f", c2/c1, math.Exp(-1))
	}
	if rho := get(t, syn, "rho")[0]; rho != 0 {
		t.Errorf("rho = %g after the presynaptic calcium alone, want 0", rho)
	}
	run(t, net, 100-(5+13.6+0.2+20)) // to the step of the postsynaptic spike
	cb := get(t, syn, "c")[0]
	run(t, net, 0.1)
	if c3 := get(t, syn, "c")[0]; math.Abs(c3-2-cb*math.Exp(-0.1/20)) > 1e-9 {
		t.Errorf("c = %g after the postsynaptic spike, want %g", c3, 2+cb*math.Exp(-0.1/20))
	}
}
