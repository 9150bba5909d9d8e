package models

import "github.com/cajal-sim/cajal"

func init() {
	registerNeuron(Neuron{
		Name: "hh_psc_alpha",
		Doc: `Hodgkin-Huxley neuron with alpha-shaped postsynaptic currents, NEST's ` +
			`hh_psc_alpha (Hodgkin & Huxley 1952, J Physiol 117:500, with the rate ` +
			`functions as NEST writes them for V_m in mV and rest at -65 mV; Gerstner & ` +
			`Kistler 2002, Spiking Neuron Models; NEST model documentation). The ` +
			`parameters are the squid axon's per 1e-4 cm^2 of membrane (C_m = 100 pF), ` +
			`so I_e in pA is 100 times the current density in uA/cm^2. A spike of weight ` +
			`w (pA) starts an alpha current with peak w pA at t = tau_syn. Spikes are ` +
			`detected as NEST does, at a local maximum of V_m above 0 mV, here the first ` +
			`step that ends with V_m >= 0 mV and falling (dV_m/dt < 0, where NEST ` +
			`compares with the previous step), followed by t_ref during which no spike is ` +
			`detected; V_m is not reset or held. NEST integrates with adaptive RKF45 ` +
			`at any resolution; here the method is rk4 at the simulation step, which ` +
			`needs dt <= 0.05 ms (the membrane's time constant during a spike is about ` +
			`0.03 ms: at 0.1 ms the run diverges). Use dt = 0.01 ms: halving it moves no ` +
			`spike by more than 0.02 ms. (Method exponential_euler is stable at 0.1 ms, ` +
			`but its interspike intervals are then about 5% too long.) ` +
			`The rate functions are written with exprel, equal to NEST's and finite at ` +
			`V_m = -55 and -40 mV. The initial state is NEST's: V_m = -65 mV and the gates ` +
			`at their steady state there.`,
		Equations: `
dV_m/dt = I_m/C_m : volt
I_m = I_e + I_syn_ex + I_syn_in - I_Na - I_K - I_L : amp
I_Na = g_Na*Act_m**3*Act_h*(V_m - E_Na) : amp
I_K = g_K*Inact_n**4*(V_m - E_K) : amp
I_L = g_L*(V_m - E_L) : amp
dAct_m/dt = alpha_m*(1 - Act_m) - beta_m*Act_m : 1
dAct_h/dt = alpha_h*(1 - Act_h) - beta_h*Act_h : 1
dInact_n/dt = alpha_n*(1 - Inact_n) - beta_n*Inact_n : 1
alpha_m = 1/exprel(-(V_m/mV + 40)/10)/ms : hertz
beta_m = 4*exp(-(V_m/mV + 65)/18)/ms : hertz
alpha_h = 0.07*exp(-(V_m/mV + 65)/20)/ms : hertz
beta_h = 1/(1 + exp(-(V_m/mV + 35)/10))/ms : hertz
alpha_n = 0.1/exprel(-(V_m/mV + 55)/10)/ms : hertz
beta_n = 0.125*exp(-(V_m/mV + 65)/80)/ms : hertz
dI_syn_ex/dt = (e*x_ex - I_syn_ex)/tau_syn_ex : amp
dx_ex/dt = -x_ex/tau_syn_ex : amp
dI_syn_in/dt = (e*x_in - I_syn_in)/tau_syn_in : amp
dx_in/dt = -x_in/tau_syn_in : amp
I_e : amp
`,
		Threshold:  "V_m >= 0*mV and I_m < 0*amp",
		Refractory: "t_ref + dt",
		Method:     "rk4",
		Params: cajal.Namespace{
			"t_ref": q(2, ms), "g_Na": q(12000, nS), "g_K": q(3600, nS), "g_L": q(30, nS),
			"C_m": q(100, pF), "E_Na": q(50, mV), "E_K": q(-77, mV), "E_L": q(-54.402, mV),
			"tau_syn_ex": q(0.2, ms), "tau_syn_in": q(2, ms), "I_e": q(0, pA),
		},
		Init: map[string]string{
			"V_m":     "-65*mV",
			"Act_m":   "alpha_m/(alpha_m + beta_m)",
			"Act_h":   "alpha_h/(alpha_h + beta_h)",
			"Inact_n": "alpha_n/(alpha_n + beta_n)",
		},
		Receptors: map[string]string{"ex": "x_ex += w*pA", "in": "x_in -= abs(w)*pA"},
	})
}
