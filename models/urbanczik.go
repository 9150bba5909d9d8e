package models

import (
	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/unit"
)

// urbanczikNeuron is NEST's pp_cond_exp_mc_urbanczik (models/
// pp_cond_exp_mc_urbanczik.cpp) in Cajal's language. Soma: leak,
// conductance-based excitatory and inhibitory synapses, the current from
// the dendrite g_sp (V_d - V_s) and I_e. Dendrite: leak, current-based
// synapses (I_in is added with its sign) and the current from the soma
// g_ps (V_s - V_d), zero by default as in the paper. V_w_star is the
// dendritic prediction of the somatic potential; phi_w and h_w are the
// rate and its scaled slope there, as the Urbanczik-Senn rule reads them.
const urbanczikNeuron = `
dV_s/dt = (-g_L*(V_s - E_L) - g_ex*(V_s - E_ex) - g_in*(V_s - E_in) + g_sp*(V_d - V_s) + I_e)/C_m : volt
dg_ex/dt = -g_ex/tau_syn_ex : siemens
dg_in/dt = -g_in/tau_syn_in : siemens
dV_d/dt = (-g_L_d*(V_d - E_L_d) + I_ex + I_in + g_ps*(V_s - V_d))/C_m_d : volt
dI_ex/dt = -I_ex/tau_syn_ex_d : amp
dI_in/dt = -I_in/tau_syn_in_d : amp
V_w_star = (g_L*E_L + g_sp*V_d)/(g_L + g_sp) : volt
phi_U = phi_max/(1 + rate_slope*exp(beta*(theta - V_s))) : hertz
phi_w = phi_max/(1 + rate_slope*exp(beta*(theta - V_w_star))) : hertz
h_w = 15*beta/(1 + exp(-beta*(theta - V_w_star))/rate_slope) : volt**-1
I_e : amp
`

// urbanczikSynapse is NEST's urbanczik_synapse (models/urbanczik_synapse.h
// and the Urbanczik archiving node), written with clock-driven traces
// instead of a replayed history: xL and xs are the presynaptic traces with
// the dendrite's membrane and synaptic time constants, xL - xs the shape
// of the dendritic PSP. PI integrates the PSP times the prediction error
// (spikes - phi(V_w*) dt) h(V_w*): the continuous part in its equation,
// each postsynaptic spike in on_post. PI_exp is PI low-pass filtered with
// tau_Delta. At a presynaptic spike the weight becomes w0 + (PI - PI_exp)
// times NEST's factor 15 C_m tau_s eta/(g_L (tau_L - tau_s)), clipped to
// [Wmin, Wmax], and is transmitted.
const urbanczikSynapse = `
w : 1
w0 : 1
dxL/dt = -xL/tau_L : 1 (clock-driven)
dxs/dt = -xs/tau_s : 1 (clock-driven)
dPI/dt = -(xL - xs)*phi_w*h_w : volt**-1 (clock-driven)
dPI_exp/dt = -(xL - xs)*phi_w*h_w - PI_exp/tau_Delta : volt**-1 (clock-driven)
`

func init() {
	registerNeuron(Neuron{
		Name: "pp_cond_exp_mc_urbanczik",
		Doc: `Two-compartment neuron of Urbanczik & Senn (Neuron 81:521, 2014), NEST's ` +
			`pp_cond_exp_mc_urbanczik: a soma with conductance-based synapses and a ` +
			`dendrite with current-based ones, coupled by g_sp. It spikes as a point ` +
			`process: in each step with probability 1 - exp(-phi(V_s) dt), phi(u) = ` +
			`phi_max/(1 + rate_slope exp(beta (theta - u))), never within t_ref of its ` +
			`last spike; the potential is not reset. Receptors: soma_exc and soma_inh ` +
			`(w in nS), dendritic_exc and dendritic_inh (w in pA). NEST integrates with ` +
			`an adaptive RKF45; here rk4 at the simulation step.` + refractoryNote,
		Equations:  urbanczikNeuron,
		Threshold:  "rand() < -expm1(-phi_U*dt)",
		Refractory: "t_ref + dt",
		Method:     "rk4",
		Params: cajal.Namespace{
			"t_ref": q(3, ms), "g_sp": q(600, nS), "g_ps": q(0, nS),
			"C_m": q(300, pF), "E_L": q(-70, mV), "g_L": q(30, nS), "E_ex": q(0, mV), "E_in": q(-75, mV),
			"tau_syn_ex": q(3, ms), "tau_syn_in": q(3, ms), "I_e": q(0, pA),
			"C_m_d": q(300, pF), "E_L_d": q(-70, mV), "g_L_d": q(30, nS),
			"tau_syn_ex_d": q(3, ms), "tau_syn_in_d": q(3, ms),
			"phi_max": q(0.15, unit.Q(1, ms).Pow(-1)), "rate_slope": 0.5,
			"beta": q(1.0/3.0, mV.Pow(-1)), "theta": q(-55, mV),
		},
		Init: map[string]string{"V_s": "E_L", "V_d": "E_L_d"},
		Receptors: map[string]string{
			"soma_exc": "g_ex += w*nS", "soma_inh": "g_in += abs(w)*nS",
			"dendritic_exc": "I_ex += w*pA", "dendritic_inh": "I_in -= abs(w)*pA",
		},
	})
	registerSynapse(Synapse{
		Name: "urbanczik",
		Doc: `Urbanczik-Senn plasticity of dendritic synapses (Neuron 81:521, 2014), NEST's ` +
			`urbanczik_synapse, for targets of the pp_cond_exp_mc_urbanczik model: the ` +
			`weight follows the low-pass filtered (tau_Delta) product of the dendritic ` +
			`prediction error and the presynaptic PSP trace, with learning rate eta, ` +
			`bounded by Wmin and Wmax. w and w0 are in pA (NEST's weight and its initial ` +
			`value: set both). tau_L and tau_s are the dendrite's membrane (C_m_d/g_L_d) ` +
			`and synaptic time constants, C_m_d and g_L_d its capacitance and leak, as in ` +
			`the target's parameters. NEST replays the postsynaptic history at each ` +
			`presynaptic spike; here the integrals are kept up to date every step, which ` +
			`gives the same weights up to the placement of the samples within a step.`,
		Model:  urbanczikSynapse,
		OnPre:  "w = clip(w0 + (PI - PI_exp)*15*C_m_d*tau_s*eta/(g_L_d*(tau_L - tau_s))/pA, Wmin, Wmax)\nxL += 1\nxs += 1",
		OnPost: "PI += (xL - xs)*h_w\nPI_exp += (xL - xs)*h_w",
		Method: "exponential_euler",
		Params: cajal.Namespace{
			"tau_Delta": q(100, ms), "eta": q(0.07, pA.Mul(mV).Div(ms)), "Wmin": 0.0, "Wmax": 100.0,
			"tau_L": q(10, ms), "tau_s": q(3, ms), "C_m_d": q(300, pF), "g_L_d": q(30, nS),
		},
		Init:    map[string]string{"w": "1", "w0": "1"},
		Targets: []string{"pp_cond_exp_mc_urbanczik"},
	})
}
