package models

import "github.com/cajal-sim/cajal"

func init() {
	registerSynapse(Synapse{
		Name: "stdp",
		Doc: `Pair-based spike-timing-dependent plasticity, NEST's stdp_synapse (Guetig ` +
			`et al. 2003, J Neurosci 23:3697; Rubin, Lee & Sompolinsky 2001; NEST model ` +
			`documentation), with all-to-all pairing through two event-driven traces: ` +
			`K_plus (presynaptic, tau_plus) and K_minus (postsynaptic, tau_minus, which ` +
			`NEST keeps on the neuron). A postsynaptic spike potentiates, w/Wmax += ` +
			`lambda*(1 - w/Wmax)**mu_plus*K_plus; a presynaptic spike depresses, w/Wmax -= ` +
			`alpha*lambda*(w/Wmax)**mu_minus*K_minus; w stays in [0, Wmax]. The exponents ` +
			`choose the weight dependence: mu_plus = mu_minus = 1 (NEST's default) is ` +
			`multiplicative (soft bounds), 0 is additive (hard bounds at 0 and Wmax). As ` +
			`in NEST the presynaptic spike transmits the weight after its update. Spike ` +
			`times count where they reach the synapse: a presynaptic spike after the ` +
			`synapse's delay, a postsynaptic one at once (NEST treats the whole delay as ` +
			`dendritic; set post_delay to 2*delay to pair as NEST does). New synapses ` +
			`start with w = 1, NEST's default weight.`,
		Model: `
w : 1
dK_plus/dt = -K_plus/tau_plus : 1 (event-driven)
dK_minus/dt = -K_minus/tau_minus : 1 (event-driven)
`,
		OnPre: `
w = Wmax*clip(w/Wmax - alpha*lambda*(w/Wmax)**mu_minus*K_minus, 0, 1)
K_plus += 1
`,
		OnPost: `
w = Wmax*clip(w/Wmax + lambda*(1 - w/Wmax)**mu_plus*K_plus, 0, 1)
K_minus += 1
`,
		Params: cajal.Namespace{
			"tau_plus": q(20, ms), "tau_minus": q(20, ms), "lambda": 0.01, "alpha": 1.0,
			"mu_plus": 1.0, "mu_minus": 1.0, "Wmax": 100.0,
		},
		Init: map[string]string{"w": "1"},
	})
}
