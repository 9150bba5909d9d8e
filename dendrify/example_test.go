package dendrify_test

import (
	"fmt"

	"github.com/cajal-sim/cajal/dendrify"
	"github.com/cajal-sim/cajal/unit"
)

// A soma and a dendrite with an NMDA synapse (rise and decay), coupled by
// 15 nS: the builder writes the model text.
func Example() {
	soma := dendrify.NewCompartment("soma", "leakyIF", dendrify.Props{
		Cm: unit.Q(200, unit.Picofarad), Gl: unit.Q(10, unit.Nanosiemens), VRest: unit.Q(-70, unit.Millivolt)})
	dend := dendrify.NewCompartment("dend", "passive", dendrify.Props{
		Cm: unit.Q(50, unit.Picofarad), Gl: unit.Q(2.5, unit.Nanosiemens), VRest: unit.Q(-70, unit.Millivolt)})
	dend.Synapse(dendrify.NMDA, "x", unit.Q(1, unit.Nanosiemens), unit.Q(5, unit.Millisecond), unit.Q(60, unit.Millisecond))
	model := dendrify.NeuronModel(soma, dend).Connect(soma, dend, unit.Q(15, unit.Nanosiemens))
	eqs, err := model.Equations()
	if err != nil {
		panic(err)
	}
	fmt.Print(eqs)
	// Output:
	// dV_soma/dt = (gL_soma * (EL_soma-V_soma) + I_soma) / C_soma  :volt
	// I_soma = I_ext_soma + I_dend_soma  :amp
	// I_ext_soma  :amp
	// I_dend_soma = (V_dend-V_soma) * g_dend_soma  :amp
	// dV_dend/dt = (gL_dend * (EL_dend-V_dend) + I_dend) / C_dend  :volt
	// I_dend = I_ext_dend + I_soma_dend + I_NMDA_x_dend  :amp
	// I_ext_dend  :amp
	// I_NMDA_x_dend = g_NMDA_x_dend * (E_NMDA-V_dend) * x_NMDA_x_dend / (1 + Mg_con * exp(-Alpha_NMDA*(V_dend/mV+Gamma_NMDA)) / Beta_NMDA) * w_NMDA_x_dend  :amp
	// dx_NMDA_x_dend/dt = (-x_NMDA_x_dend/t_NMDA_decay_x_dend) + s_NMDA_x_dend/ms  :1
	// ds_NMDA_x_dend/dt = -s_NMDA_x_dend / t_NMDA_rise_x_dend  :1
	// I_soma_dend = (V_soma-V_dend) * g_soma_dend  :amp
}
