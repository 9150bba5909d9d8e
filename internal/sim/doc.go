// Package sim runs the clock loop: state as struct-of-arrays per group,
// compiled programs bound to it, spikes, and monitors.
//
// Each time step t = n*dt runs the slots in Brian2's order: start (state
// monitors record), groups (state updates), thresholds (spike detection and
// spike monitors), synapses, resets, end (rate monitors). Element-wise
// programs run in parallel over contiguous parts of each group, one part per
// worker; random numbers are keyed by element and step, and spikes are
// gathered in index order, so results do not depend on the thread count.
//
// A network may also be split over the ranks of a cluster.Comm (processes
// under mpirun, or ranks in one process): each rank computes a block of
// every group and the synapses onto it, and the ranks exchange spikes
// (distribute.go, exchange.go, batch.go, gather.go); results do not
// depend on the number of ranks either.
package sim
