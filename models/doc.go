// Package models is a library of named neuron and synapse models, written in
// Cajal's model language (Brian2's equations with units), so that a NEST or
// Brian2 user finds the usual models under their usual names.
//
// Neuron models carry NEST's names, parameter names and default values
// (iaf_psc_exp, iaf_psc_alpha, iaf_cond_exp, iaf_cond_alpha, aeif_cond_exp,
// izhikevich, hh_psc_alpha); synapse models are static, stdp (NEST's
// stdp_synapse), tsodyks (Tsodyks-Markram short-term plasticity),
// vogels_sprekeler (NEST's vogels_sprekeler_synapse) and graupner_brunel.
// Neurons and Synapses list the names; LookupNeuron and LookupSynapse return
// a model, which is a plain value: its text and parameters can be read,
// printed (String) and changed (With) before it is used.
//
//	m, _ := models.LookupNeuron("iaf_psc_exp")
//	g, err := m.With(cajal.Namespace{"I_e": unit.Q(376, unit.Picoamp)}).Group(net, "exc", 100)
//
// # Weights and receptors
//
// As in NEST, a synaptic weight w is a plain number in the unit of the
// target's input: pA for current-based neurons (iaf_psc_*, hh_psc_alpha),
// nS for conductance-based ones (iaf_cond_*, aeif_cond_exp), mV for
// izhikevich. Each neuron model's Receptors map NEST's port names ("ex",
// "in") to the statement a synapse runs when a spike arrives, with w scaled
// by that unit ("I_syn_ex += w*pA"). The inhibitory receptors take abs(w),
// so NEST's negative inhibitory weights and Brian2's positive ones both
// inhibit. Synapse.Connect appends the chosen statement to the synapse
// model's on_pre code:
//
//	stdp, _ := models.LookupSynapse("stdp")
//	syn, err := stdp.Connect(net, "ee", exc, exc, m.Receptors["ex"], cajal.P(0.1))
//
// # Parameters
//
// A model's Params are its group's namespace: one value for all its
// neurons (or synapses), read again at every Run. A parameter that the
// equations also declare as a per-element variable (I_e in the neuron
// models) is instead set on every element by Group, so that it can then be
// changed neuron by neuron with NeuronGroup.Set. A parameter name that none
// of the model's text uses is an error when the group is made, which
// catches a misspelt name given to With.
//
// Synapse.Connect makes the synapses, connects them (all to all, or as the
// cajal.ConnectOption arguments say) and sets the model's initial values
// (Init: x = 1 and u = U for tsodyks, NEST's default weights).
//
// # Time steps and NEST
//
// NEST detects a threshold crossing at the end of a step and holds the
// neuron for t_ref from there; Cajal, as Brian2, records the spike at the
// start of that step and counts the refractory period from it. The models
// write their refractory period as t_ref + dt, so a neuron is held as long
// as in NEST (iaf_psc_exp reproduces NEST's interspike intervals, t_ref +
// ceil(T/dt) dt, exactly); the recorded spike times are one step earlier. The current-based integrate-and-fire models are integrated
// exactly (as NEST does); the conductance-based ones, aeif_cond_exp and
// hh_psc_alpha with rk4 at the simulation step where NEST uses an adaptive
// RKF45 solver (hh_psc_alpha needs dt <= 0.05 ms; use 0.01 ms); izhikevich
// with forward Euler, NEST's own update. Each model's Doc says more.
//
// # Adding a model
//
// Each file of this package registers its models in an init function with
// registerNeuron or registerSynapse; a model is then listed and found by
// name like the others.
package models
