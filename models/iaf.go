package models

import (
	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/unit"
)

// Units used in the default parameters.
var (
	mV = unit.Millivolt
	ms = unit.Millisecond
	pF = unit.Picofarad
	pA = unit.Picoamp
	nS = unit.Nanosiemens
)

func q(v float64, u unit.Quantity) unit.Quantity { return unit.Q(v, u) }

// refractoryNote explains the refractory expression shared by the NEST
// models.
const refractoryNote = ` The refractory period is written t_ref + dt: ` +
	`Cajal, as Brian2, counts it from the start of the step in which the ` +
	`threshold is crossed and NEST from its end, so one more step holds the ` +
	`neuron for t_ref after the crossing, as NEST does; spike times are ` +
	`recorded at the start of that step, one step earlier than NEST's.`

// lifParams are the parameters shared by NEST's current-based
// integrate-and-fire models.
func lifParams() cajal.Namespace {
	return cajal.Namespace{
		"E_L": q(-70, mV), "C_m": q(250, pF), "tau_m": q(10, ms), "t_ref": q(2, ms),
		"V_th": q(-55, mV), "V_reset": q(-70, mV), "tau_syn_ex": q(2, ms), "tau_syn_in": q(2, ms),
		"I_e": q(0, pA),
	}
}

// condParams are the parameters shared by NEST's conductance-based
// integrate-and-fire models.
func condParams() cajal.Namespace {
	return cajal.Namespace{
		"E_L": q(-70, mV), "C_m": q(250, pF), "g_L": q(16.6667, nS), "t_ref": q(2, ms),
		"V_th": q(-55, mV), "V_reset": q(-60, mV), "E_ex": q(0, mV), "E_in": q(-85, mV),
		"tau_syn_ex": q(0.2, ms), "tau_syn_in": q(2, ms), "I_e": q(0, pA),
	}
}

func init() {
	registerNeuron(Neuron{
		Name: "iaf_psc_exp",
		Doc: `Leaky integrate-and-fire neuron with exponentially decaying postsynaptic ` +
			`currents, NEST's iaf_psc_exp (NEST model documentation; exact integration ` +
			`after Rotter & Diesmann 1999, Biol Cybern 81:381). A spike of weight w (pA) ` +
			`makes the current I_syn_ex (or I_syn_in) jump by w; the membrane is held at ` +
			`V_reset for t_ref after a spike. The linear equations are integrated exactly ` +
			`(matrix exponential), also for tau_syn = tau_m.` + refractoryNote +
			` NEST's escape noise (rho, delta) and its current port 1 are not provided.`,
		Equations: `
dV_m/dt = -(V_m - E_L)/tau_m + (I_syn_ex + I_syn_in + I_e)/C_m : volt (unless refractory)
dI_syn_ex/dt = -I_syn_ex/tau_syn_ex : amp
dI_syn_in/dt = -I_syn_in/tau_syn_in : amp
I_e : amp
`,
		Threshold:  "V_m >= V_th",
		Reset:      "V_m = V_reset",
		Refractory: "t_ref + dt",
		Method:     "exact",
		Params:     lifParams(),
		Init:       map[string]string{"V_m": "E_L"},
		Receptors:  map[string]string{"ex": "I_syn_ex += w*pA", "in": "I_syn_in -= abs(w)*pA"},
	})

	registerNeuron(Neuron{
		Name: "iaf_psc_alpha",
		Doc: `Leaky integrate-and-fire neuron with alpha-shaped postsynaptic currents, ` +
			`NEST's iaf_psc_alpha (NEST model documentation; Rotter & Diesmann 1999). A ` +
			`spike of weight w (pA) starts the current w*(t/tau_syn)*exp(1 - t/tau_syn), ` +
			`whose peak, at t = tau_syn, is w pA, as NEST normalises it. The alpha ` +
			`function is two linear equations: x_ex jumps by w and decays with ` +
			`tau_syn_ex, and dI_syn_ex/dt = (e*x_ex - I_syn_ex)/tau_syn_ex (NEST's ` +
			`auxiliary dI_syn_ex is e*x_ex/tau_syn_ex). All equations are integrated ` +
			`exactly.` + refractoryNote,
		Equations: `
dV_m/dt = -(V_m - E_L)/tau_m + (I_syn_ex + I_syn_in + I_e)/C_m : volt (unless refractory)
dI_syn_ex/dt = (e*x_ex - I_syn_ex)/tau_syn_ex : amp
dx_ex/dt = -x_ex/tau_syn_ex : amp
dI_syn_in/dt = (e*x_in - I_syn_in)/tau_syn_in : amp
dx_in/dt = -x_in/tau_syn_in : amp
I_e : amp
`,
		Threshold:  "V_m >= V_th",
		Reset:      "V_m = V_reset",
		Refractory: "t_ref + dt",
		Method:     "exact",
		Params:     lifParams(),
		Init:       map[string]string{"V_m": "E_L"},
		Receptors:  map[string]string{"ex": "x_ex += w*pA", "in": "x_in -= abs(w)*pA"},
	})

	registerNeuron(Neuron{
		Name: "iaf_cond_exp",
		Doc: `Leaky integrate-and-fire neuron with exponentially decaying synaptic ` +
			`conductances, NEST's iaf_cond_exp (NEST model documentation; Meffin et al. ` +
			`2004, J Neurophysiol 92:2523). A spike of weight w (nS) makes g_ex (or g_in) ` +
			`jump by w. NEST integrates with adaptive RKF45; here the method is rk4, ` +
			`accurate at dt = 0.1 ms for the default time constants (exponential_euler ` +
			`is a cheaper choice for large networks).` + refractoryNote,
		Equations: `
dV_m/dt = (-g_L*(V_m - E_L) - g_ex*(V_m - E_ex) - g_in*(V_m - E_in) + I_e)/C_m : volt (unless refractory)
dg_ex/dt = -g_ex/tau_syn_ex : siemens
dg_in/dt = -g_in/tau_syn_in : siemens
I_e : amp
`,
		Threshold:  "V_m >= V_th",
		Reset:      "V_m = V_reset",
		Refractory: "t_ref + dt",
		Method:     "rk4",
		Params:     condParams(),
		Init:       map[string]string{"V_m": "E_L"},
		Receptors:  map[string]string{"ex": "g_ex += w*nS", "in": "g_in += abs(w)*nS"},
	})

	registerNeuron(Neuron{
		Name: "iaf_cond_alpha",
		Doc: `Leaky integrate-and-fire neuron with alpha-shaped synaptic conductances, ` +
			`NEST's iaf_cond_alpha (NEST model documentation; Kuhn, Aertsen & Rotter ` +
			`2004, J Neurosci 24:2345). A spike of weight w (nS) starts the conductance ` +
			`w*(t/tau_syn)*exp(1 - t/tau_syn), whose peak, at t = tau_syn, is w nS, as in ` +
			`NEST; x_ex and x_in are the alpha functions' first stages. Method rk4, as ` +
			`for iaf_cond_exp.` + refractoryNote,
		Equations: `
dV_m/dt = (-g_L*(V_m - E_L) - g_ex*(V_m - E_ex) - g_in*(V_m - E_in) + I_e)/C_m : volt (unless refractory)
dg_ex/dt = (e*x_ex - g_ex)/tau_syn_ex : siemens
dx_ex/dt = -x_ex/tau_syn_ex : siemens
dg_in/dt = (e*x_in - g_in)/tau_syn_in : siemens
dx_in/dt = -x_in/tau_syn_in : siemens
I_e : amp
`,
		Threshold:  "V_m >= V_th",
		Reset:      "V_m = V_reset",
		Refractory: "t_ref + dt",
		Method:     "rk4",
		Params:     condParams(),
		Init:       map[string]string{"V_m": "E_L"},
		Receptors:  map[string]string{"ex": "x_ex += w*nS", "in": "x_in += abs(w)*nS"},
	})
}
