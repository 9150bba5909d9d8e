// Package native holds kernels compiled ahead of time: Go functions
// generated from the programs of the published models (kernels_gen.go),
// registered with package kernel by key, so that a run whose program has
// compiled code runs it instead of the interpreter. Both compute the same
// operations in the same order and give identical results (the tests
// compare them bit for bit).
//
// A program's key covers its instructions and constants, and namespace
// values are folded into programs: compiled code exists for the models and
// parameter values it was generated from. Regenerate with
//
//	go run ./cmd/cajal gen -o internal/native/kernels_gen.go
//
// which runs the models (their reduced configurations) and writes the code
// of every program they compile. Other programs are interpreted. The
// command is built with this package: if the file no longer compiles
// (after a change to the code generator), first reduce it to its package
// clause. The tests of vogels2011 and graupner2012 fail when a compiler
// change leaves their programs without compiled code.
package native

//go:generate go run ../../cmd/cajal gen -o kernels_gen.go
