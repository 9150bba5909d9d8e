//go:build !mpi

package cluster

// World returns the processes started by mpirun, or nil for one process.
// This binary was built without -tags mpi: it always runs as one process.
func World() Comm { return nil }

// MPI reports whether this binary was built with MPI (-tags mpi).
func MPI() bool { return false }

// Finalize ends MPI, if World started it; a process that used World
// calls it once before it exits.
func Finalize() {}

// LibraryVersion is the MPI library this binary was built with, such as
// "Open MPI v4.1.4"; "" without -tags mpi.
func LibraryVersion() string { return "" }
