// Package cc is tier 1 of the kernels: it translates a kernel.Program to
// C, compiles it with the system C compiler into a shared object, loads the
// object without cgo (through purego) and runs it with results identical,
// bit for bit, to the interpreter's.
//
// Bit for bit means every value that is not a NaN; which NaN an operation
// on two NaNs returns depends on the operand order a compiler picks, in Go
// as in C. Programs run element after element (vectorised where the C
// compiler can) when that gives the interpreter's chunk results — not
// serial, no variable read and written through a synapse's indices, no two
// slots bound to one array, distinct elements — and chunk by chunk
// otherwise. A synaptic pathway that adds into neuron variables runs, on
// those conditions, in split loops: a vectorised loop computes a chunk of
// synapses and stores their own variables, then a second makes the
// additions in element order (split.go). With Env.Check every element runs, stored values are noted,
// and a non-finite one is then found as the interpreter finds it
// (kernel.Program.FirstNonFinite), so both tiers report the same error
// and leave the same state.
//
// Programs are compiled by structure (Program.ShapeKey): the constants of
// a program (Program.Params) are passed at run time, so that changing a
// parameter reuses the compiled object. Objects are cached under the user's
// cache directory, keyed by the shape, the compiler's version, the flags,
// the architecture and the generator's version.
//
// Request starts a compilation in the background and returns a Pending at
// once; Pending.Ready tells, without blocking, whether the compiled program
// is there, to switch a kernel.Machine to it with Machine.Use. Tier says
// whether a run interprets, compiles before it starts, or switches when the
// compiled code is ready.
//
// Built with the tag cajal_static, the package never compiles anything:
// every request fails with ErrUnavailable, and the binary needs no dynamic
// loader.
package cc
