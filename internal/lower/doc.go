// Package lower turns a checked model into the blocks the simulator runs:
// it integrates the equations (package ode, with the method named or the
// one Brian2 would choose), adds refractoriness, writes the threshold,
// reset and synaptic pathways as ir, and solves event-driven synaptic
// variables in closed form; traces (traces.go) it can keep once per
// neuron instead of once per synapse. It sits between check (names and dimensions)
// and kernel (programs), as go/types sits apart from go/parser: the root
// package describes groups and hands them here.
package lower
