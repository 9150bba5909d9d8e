// Package brette2007test holds the tests the two benchmark networks of
// Brette et al. (2007) (examples coba and cuba) share, as functions each
// example's tests call with its benchmark: the reduced run against its
// references, the mean of an ensemble of reduced runs, the check of the
// full run failing on bad results, the reference file against the rates
// per seed it was computed from, and compiled against interpreted kernels.
package brette2007test
