// Package check resolves the names of a model and checks its physical
// dimensions, turning parsed text into ir.
//
// A Model holds the declarations of one equations block (its variables, with
// dimension, type and flags). A Scope says where the other names of a piece
// of code come from: the model's own variables, the pre- and postsynaptic
// neurons of a synapse, the special names (t, dt, i, j, N, xi), the user's
// namespace, constants and units, in that order. Every error names the piece
// of text, line and column, and what was expected.
package check
