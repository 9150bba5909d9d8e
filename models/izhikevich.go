package models

import "github.com/cajal-sim/cajal"

func init() {
	registerNeuron(Neuron{
		Name: "izhikevich",
		Doc: `Izhikevich's simple model, NEST's izhikevich (Izhikevich 2003, IEEE Trans ` +
			`Neural Netw 14:1569; NEST model documentation): dV_m/dt = 0.04 V_m^2 + 5 V_m ` +
			`+ 140 - U_m + I_e and dU_m/dt = a (b V_m - U_m), with V_m and U_m in mV, t in ` +
			`ms and I_e in pA read as mV/ms; at V_m >= V_th, V_m = c and U_m += d. The ` +
			`defaults (a = 0.02, b = 0.2, c = -65 mV, d = 8 mV) are a regular-spiking ` +
			`cell. The method is forward Euler at the simulation step, which is NEST's ` +
			`default update (consistent_integration = true) step for step; NEST's ` +
			`published variant (consistent_integration = false, two half steps for V_m) ` +
			`and its lower bound V_min (default -infinity) are not provided. A spike of ` +
			`weight w makes V_m jump by w mV, as in NEST. The initial state is NEST's: ` +
			`V_m = -65 mV, U_m = 0.`,
		Equations: `
dV_m/dt = (0.04*V_m**2/mV + 5*V_m + 140*mV - U_m + I_e*(mV/pA))/ms : volt
dU_m/dt = a*(b*V_m - U_m)/ms : volt
I_e : amp
`,
		Threshold: "V_m >= V_th",
		Reset:     "V_m = c\nU_m += d",
		Method:    "euler",
		Params: cajal.Namespace{
			"a": 0.02, "b": 0.2, "c": q(-65, mV), "d": q(8, mV), "V_th": q(30, mV), "I_e": q(0, pA),
		},
		Init:      map[string]string{"V_m": "-65*mV", "U_m": "0*mV"},
		Receptors: map[string]string{"ex": "V_m += w*mV", "in": "V_m -= abs(w)*mV"},
	})
}
