// Package cajal simulates networks of spiking neurons described by
// equations with physical units, as Brian2 users write them.
//
// A Network holds neuron groups and monitors and runs them on a fixed time
// step. A group's model is Brian2's equation text:
//
//	dv/dt = (el - v)/tau + I/C : volt (unless refractory)
//	I : amp
//
// Names the model does not define come from the group's Namespace, then
// from constants (pi, e, inf) and units (mV, nS, ...). Every equation,
// threshold and reset is checked for syntax and physical dimensions when the
// group is made; errors name the text, line and column. Each Run compiles the
// model into kernels that sweep whole arrays of neurons (namespace values
// are read again, so a value changed between runs takes effect in the next),
// then advances the clock.
//
// Quantities from Go carry their dimension: unit.Q(10, unit.Nanosiemens), or
// strings such as "10*nS".
//
// Brian2's and NEST's usual constructs are at hand: TimedArray (a
// function of time, and of the neuron, in model code), PoissonInput
// (binomial input without neurons or synapses), RunRegularly, network
// operations (Every, At), NEST's connection rules (FixedInDegree,
// FixedOutDegree, FixedTotalNumber, Autapses, Multapses) and Offsets,
// spike monitors with Variables, EventMonitor for custom events, and
// Store and Restore. docs/step-order.md says where each runs in a step.
//
// Monitors keep their records in memory, stream them to .npy files as the
// run goes (Options.RecordDir, or the File option of one monitor; package
// record), or both; DiskOnly keeps nothing in memory, for runs of any
// length. RunContext stops a run at a step boundary when its context is
// done, with every file flushed; Close marks the files complete.
//
// Programs (state updates, thresholds, resets, synaptic pathways, summed
// variables) start in the interpreter and move, at a step boundary, to
// code generated as C and compiled by the system C compiler in the
// background (Options.Tier); compiled objects are cached in the user's
// cache directory by the program's structure, so a second run, or a run
// with other parameter values, starts compiled. Both tiers compute the
// same bits: switching changes nothing. Without a C compiler, or in a
// binary built with the cajal_static tag, everything is interpreted.
//
// Checkpoint saves the whole state between two steps to one file, and
// Resume, in a network built by the same code, continues from it with
// bit-identical results (docs/checkpoint.md).
package cajal
