package urbanczik2014

import (
	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/unit"
)

// Neuron is NEST's pp_cond_exp_mc_urbanczik in Cajal's language: a
// somatic and a dendritic compartment. The soma has conductance-based
// synapses (g_ex, g_in), the dendrite current-based ones (I_ex, I_in); the
// dendrite drives the soma through g_sp, and the soma drives the dendrite
// through g_ps (zero by default, as in the paper). The neuron spikes as a
// point process with rate phi(V_s) and is silent for t_ref after a spike;
// its potential is not reset. V_w_star is the dendritic prediction of the
// somatic potential, phi_w and h_w the rate and its scaled slope there, as
// the Urbanczik-Senn rule uses them.
//
// Inhibitory dendritic input is added with its sign, as NEST's receptor
// dendritic_inh does (I_in -= w for a positive w).
const Neuron = `
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
`

// Threshold: in each step the neuron fires with probability
// 1 - exp(-phi(V_s) dt), as NEST draws it when t_ref > 0.
const Threshold = "rand() < -expm1(-phi_U*dt)"

// Synapse is NEST's urbanczik_synapse, written with clock-driven traces:
// xL and xs are the presynaptic traces with the dendrite's membrane and
// synaptic time constants, xL - xs the shape of the dendritic PSP. The
// plasticity integral PI accumulates PSP times the prediction error of
// each step, (spikes - phi(V_w*) dt) h(V_w*): the continuous part in the
// equation, the postsynaptic spikes in on_post. PI_exp is PI low-pass
// filtered with tau_Delta; at a presynaptic spike the weight becomes
// w0 + (PI - PI_exp) times NEST's factor 15 C_m tau_s eta/(g_L (tau_L -
// tau_s)), clipped to [Wmin, Wmax], and is transmitted to the dendrite.
const Synapse = `
w : amp
w0 : amp
dxL/dt = -xL/tau_L : 1 (clock-driven)
dxs/dt = -xs/tau_s : 1 (clock-driven)
dPI/dt = -(xL - xs)*phi_w*h_w : volt**-1 (clock-driven)
dPI_exp/dt = -(xL - xs)*phi_w*h_w - PI_exp/tau_Delta : volt**-1 (clock-driven)
`

// OnPre computes the weight, transmits it, then steps the traces.
const OnPre = `
w = clip(w0 + (PI - PI_exp)*15*C_m_d*tau_s*eta/(g_L_d*(tau_L - tau_s)), Wmin, Wmax)
I_ex_post += w
xL += 1
xs += 1
`

// OnPost adds a postsynaptic spike's share of the prediction error.
const OnPost = `
PI += (xL - xs)*h_w
PI_exp += (xL - xs)*h_w
`

// NeuronParams are the seed's neuron parameters (NEST's defaults, except
// as the seed sets them).
func NeuronParams() cajal.Namespace {
	ms, mV, nS, pF := unit.Millisecond, unit.Millivolt, unit.Nanosiemens, unit.Picofarad
	return cajal.Namespace{
		"t_ref": unit.Q(3.0, ms), "g_sp": unit.Q(600, nS), "g_ps": unit.Q(0, nS),
		"C_m": unit.Q(300, pF), "E_L": unit.Q(-70, mV), "g_L": unit.Q(30, nS),
		"E_ex": unit.Q(0, mV), "E_in": unit.Q(-75, mV),
		"tau_syn_ex": unit.Q(3, ms), "tau_syn_in": unit.Q(3, ms), "I_e": unit.Q(0, unit.Picoamp),
		"C_m_d": unit.Q(300, pF), "E_L_d": unit.Q(-70, mV), "g_L_d": unit.Q(30, nS),
		"tau_syn_ex_d": unit.Q(3, ms), "tau_syn_in_d": unit.Q(3, ms),
		"phi_max": unit.Q(0.15, unit.Q(1, ms).Pow(-1)), "rate_slope": 0.5,
		"beta": unit.Q(1.0/3.0, mV.Pow(-1)), "theta": unit.Q(-55, mV),
	}
}
