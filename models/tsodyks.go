package models

import "github.com/cajal-sim/cajal"

func init() {
	registerSynapse(Synapse{
		Name: "tsodyks",
		Doc: `Tsodyks-Markram short-term depression and facilitation (Tsodyks & Markram ` +
			`1997, PNAS 94:719; Tsodyks, Pawelzik & Markram 1998, Neural Comput 10:821), ` +
			`as Brian2 and ANNarchy write it and as NEST's tsodyks2_synapse computes it: ` +
			`between spikes the resources x recover to 1 with tau_rec and the use u ` +
			`relaxes to U with tau_fac (event-driven); a presynaptic spike releases r = ` +
			`u*x, transmits w*r (the receptor statement's w stands for w*r), then x -= r ` +
			`and u += U*(1 - u). For regular spikes this is NEST's recursion x' = 1 + (x - ` +
			`x u - 1) e^(-T/tau_rec), u' = U + u (1 - U) e^(-T/tau_fac). New synapses start ` +
			`with x = 1, u = U and w = 1. tau_fac must be positive: NEST's default ` +
			`tau_fac = 0 (no facilitation) is replaced by 1 us, which sets u = U at ` +
			`every spike for any time step used in practice. NEST measures the ` +
			`interval before the first spike from t = 0, as if a spike had occurred ` +
			`then; here the first spike sees the initial values.`,
		Model: `
w : 1
r : 1
dx/dt = (1 - x)/tau_rec : 1 (event-driven)
du/dt = (U - u)/tau_fac : 1 (event-driven)
`,
		OnPre: `
r = u*x
x -= r
u += U*(1 - u)
`,
		Weight: "w*r",
		Params: cajal.Namespace{"U": 0.5, "tau_rec": q(800, ms), "tau_fac": q(0.001, ms)},
		Init:   map[string]string{"w": "1", "x": "1", "u": "U"},
	})
}
