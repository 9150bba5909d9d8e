// Package cluster is how the processes (ranks) that run one network
// together talk: a Comm gathers every rank's buffer to every rank.
//
// A network split over K ranks gives each rank a block of the neurons of
// every group and the synapses onto them (see docs/mpi.md); in a step the
// ranks exchange only the spikes of their neurons. Three kinds of Comm
// exist:
//
//   - nil, or a Comm of Size 1: one process, nothing exchanged;
//   - Local(k): k ranks inside one process, one goroutine each, for tests
//     and for trying a split on one machine;
//   - World(): the processes started by mpirun, through Open MPI, in a
//     binary built with -tags mpi (see mpi.go); without that tag, or
//     outside mpirun, World returns nil.
//
// Every call of a Comm is collective: each rank makes the same calls in
// the same order, and a call returns once every rank has made it.
package cluster
