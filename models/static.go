package models

func init() {
	registerSynapse(Synapse{
		Name: "static",
		Doc: `Static synapse, NEST's static_synapse: a fixed weight w (a plain number ` +
			`in the unit of the receptor statement: pA, nS or mV), passed to the target ` +
			`by the receptor statement at each presynaptic spike. New synapses start ` +
			`with w = 1, NEST's default weight.`,
		Model: "w : 1",
		Init:  map[string]string{"w": "1"},
	})
}
