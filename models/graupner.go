package models

import "github.com/cajal-sim/cajal"

func init() {
	registerSynapse(Synapse{
		Name: "graupner_brunel",
		Doc: `Calcium-based plasticity of Graupner & Brunel 2012 (PNAS 109:3991; noise ` +
			`term as corrected in doi:10.1073/pnas.1220044110), as Brian2's example of the paper ` +
			`writes it (S. Schmitt), with its parameters (the DP fit of Fig. 2). Each ` +
			`synapse has a calcium trace c that jumps by C_pre a delay D after a ` +
			`presynaptic spike and by C_post at a postsynaptic spike and decays with ` +
			`tau_Ca, and an efficacy rho with two stable states, 0 (DOWN) and 1 (UP): ` +
			`while c > theta_d, rho is pulled down at rate gamma_d, while c > theta_p ` +
			`pushed up at rate gamma_p, and noise of amplitude sigma acts while either ` +
			`threshold is crossed. rho and c are clock-driven and integrated by heun ` +
			`(Stratonovich), as in the example. The synapse transmits w0 + rho*(w1 - ` +
			`w0) (the receptor statement's w), DOWN and UP weights whose ratio b = 5 is ` +
			`the paper's; the delay D applies to the transmission too. New synapses ` +
			`start DOWN (rho = 0) with c = 0.`,
		Model: `
drho/dt = (-rho*(1 - rho)*(rho_star - rho) + gamma_p*(1 - rho)*int(c > theta_p) - gamma_d*rho*int(c > theta_d) + sigma*sqrt(tau)*sqrt(int(c > theta_d) + int(c > theta_p))*xi)/tau : 1 (clock-driven)
dc/dt = -c/tau_Ca : 1 (clock-driven)
`,
		OnPre:  "c += C_pre",
		OnPost: "c += C_post",
		Weight: "w0 + rho*(w1 - w0)",
		Delay:  "D",
		Method: "heun",
		Params: cajal.Namespace{
			"tau_Ca": q(20, ms), "theta_d": 1.0, "theta_p": 1.3, "gamma_d": 200.0,
			"gamma_p": 321.808, "sigma": 2.8284, "tau": q(150000, ms), "rho_star": 0.5,
			"C_pre": 1.0, "C_post": 2.0, "D": q(13.7, ms), "w0": 1.0, "w1": 5.0,
		},
	})
}
