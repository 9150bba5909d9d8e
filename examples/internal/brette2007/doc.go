// Package brette2007 holds what the two benchmark networks of Brette et al.
// (2007), "Simulation of networks of spiking neurons: a review of tools and
// strategies", J Comput Neurosci 23:349 (examples coba and cuba), have in
// common: the rates of the excitatory and inhibitory populations, the
// figure (raster and population rate), the check of a run against the
// quantities of the example's reference file, and the reader of the
// reference simulator's rates per seed from which the file's means and
// standard deviations were computed.
package brette2007
