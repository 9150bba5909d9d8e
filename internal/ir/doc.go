// Package ir holds Cajal's checked model: expressions resolved to typed
// nodes in SI units, and blocks of assignments that the kernel compiler turns
// into programs.
//
// The checker (package check) builds ir from the parsed model text; the
// integrators (package ode) rewrite differential equations into blocks of
// assignments; the kernel compiler (package kernel) lowers blocks to programs
// that sweep whole arrays. Nothing in ir depends on units or source text.
//
// Node kinds:
//
//	Kind   fields used           meaning
//	Const  Value                 a number in SI units (booleans are 0 and 1)
//	Var    Name, Index           a variable: per element, of the pre- or postsynaptic
//	                             neuron, a scalar of the group, or a block-local temporary
//	Op     Fn, Args, Draw        an operation; Rand and Randn carry a draw number so that
//	                             two calls of rand() in one block are independent
package ir
