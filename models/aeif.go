package models

import "github.com/cajal-sim/cajal"

func init() {
	registerNeuron(Neuron{
		Name: "aeif_cond_exp",
		Doc: `Adaptive exponential integrate-and-fire neuron (AdEx) with exponentially ` +
			`decaying synaptic conductances, NEST's aeif_cond_exp (Brette & Gerstner 2005, ` +
			`J Neurophysiol 94:3637; NEST model documentation), with NEST's defaults, which ` +
			`are the paper's. Above V_th the exponential term makes V_m diverge; a spike is ` +
			`detected when V_m reaches V_peak, then V_m = V_reset and the adaptation ` +
			`current w grows by b. As in NEST, the right-hand sides read V_m bounded by ` +
			`V_peak (the subexpression V), so that the step that crosses V_peak stays ` +
			`finite and does not corrupt w, and V_m is held at V_reset for t_ref (default ` +
			`0). NEST integrates with adaptive RKF45 and can detect a spike inside a step; ` +
			`here the method is rk4 with one spike per step at most; at dt = 0.1 ms ` +
			`interspike intervals are within 0.1 ms of those at 0.01 ms. Delta_T must be positive ` +
			`(NEST's Delta_T = 0, the plain integrate-and-fire limit, is not provided).` +
			refractoryNote,
		Equations: `
dV_m/dt = (-g_L*(V - E_L) + g_L*Delta_T*exp((V - V_th)/Delta_T) - g_ex*(V - E_ex) - g_in*(V - E_in) - w + I_e)/C_m : volt (unless refractory)
dw/dt = (a*(V - E_L) - w)/tau_w : amp
dg_ex/dt = -g_ex/tau_syn_ex : siemens
dg_in/dt = -g_in/tau_syn_in : siemens
V = minimum(V_m, V_peak) : volt
I_e : amp
`,
		Threshold:  "V_m >= V_peak",
		Reset:      "V_m = V_reset\nw += b",
		Refractory: "t_ref + dt",
		Method:     "rk4",
		Params: cajal.Namespace{
			"C_m": q(281, pF), "g_L": q(30, nS), "E_L": q(-70.6, mV), "Delta_T": q(2, mV),
			"V_th": q(-50.4, mV), "V_peak": q(0, mV), "V_reset": q(-60, mV), "t_ref": q(0, ms),
			"a": q(4, nS), "b": q(80.5, pA), "tau_w": q(144, ms),
			"E_ex": q(0, mV), "E_in": q(-85, mV), "tau_syn_ex": q(0.2, ms), "tau_syn_in": q(2, ms),
			"I_e": q(0, pA),
		},
		Init:      map[string]string{"V_m": "E_L"},
		Receptors: map[string]string{"ex": "g_ex += w*nS", "in": "g_in += abs(w)*nS"},
	})
}
