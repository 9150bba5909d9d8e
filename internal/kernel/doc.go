// Package kernel compiles blocks of ir assignments into programs that sweep
// whole arrays, and runs them.
//
// A Program is a straight-line list of vector instructions over registers
// that each hold one chunk of elements (ChunkSize values). Compile numbers
// the values of a block (common subexpressions are computed once), drops the
// dead ones, folds constants into immediate operands and allocates registers
// by liveness, so that a conductance-based neuron update fits in the first
// level cache. Run dispatches one instruction per chunk rather than per
// element: the interpretive overhead is spread over the chunk.
//
// A Program binds to its data through an Env: one array per Slot, one value
// per scalar, the pre- and postsynaptic index arrays of a synapse group, and
// the random key and step. Programs never allocate while they run.
//
// The instruction set is the contract for any other backend (tier 1,
// package cc, generates C from it): Program.Code lists the instructions with
// their operands and Eval-compatible semantics. A backend implements
// Compiled, and Machine.Use switches a machine to it at a step boundary.
// Machine.Rows runs a synapse program over the rows of presynaptic
// neurons (synapses stored by presynaptic neuron, see internal/sim).
package kernel
