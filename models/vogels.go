package models

import "github.com/cajal-sim/cajal"

func init() {
	registerSynapse(Synapse{
		Name: "vogels_sprekeler",
		Doc: `Inhibitory spike-timing-dependent plasticity of Vogels, Sprekeler, Zenke, ` +
			`Clopath & Gerstner 2011 (Science 334:1569), NEST's vogels_sprekeler_synapse, ` +
			`written as Brian2's example of the paper does (F. Zenke): two event-driven ` +
			`traces A_pre and A_post with time constant tau; a presynaptic spike adds ` +
			`eta*(A_post - alpha) to w, a postsynaptic one eta*A_pre, and w stays in [0, ` +
			`Wmax]. The rule is symmetric in time, and alpha = 2*rho_0*tau sets the ` +
			`postsynaptic target rate rho_0. The defaults are NEST's (tau = 20 ms, eta = ` +
			`0.001, alpha = 0.12, that is rho_0 = 3 Hz, Wmax = 1); the paper's network ` +
			`uses eta = 0.01 and Wmax = 100 with w in nS. The presynaptic spike transmits ` +
			`the updated weight, as in NEST. NEST clips after the potentiation and again ` +
			`after the depression, this model once. New synapses start with w = 0.5, ` +
			`NEST's default weight. Connect it to an inhibitory receptor, which takes ` +
			`abs(w).`,
		Model: `
w : 1
dA_pre/dt = -A_pre/tau : 1 (event-driven)
dA_post/dt = -A_post/tau : 1 (event-driven)
`,
		OnPre: `
A_pre += 1
w = clip(w + (A_post - alpha)*eta, 0, Wmax)
`,
		OnPost: `
A_post += 1
w = clip(w + A_pre*eta, 0, Wmax)
`,
		Params: cajal.Namespace{"tau": q(20, ms), "eta": 0.001, "alpha": 0.12, "Wmax": 1.0},
		Init:   map[string]string{"w": "0.5"},
	})
}
