// Package brette2007 holds what the two benchmark networks of Brette et al.
// (2007), "Simulation of networks of spiking neurons: a review of tools and
// strategies", J Comput Neurosci 23:349 (examples coba and cuba), have in
// common: the configuration, building and running the network (each
// benchmark gives its model, parameters and wiring as a Benchmark), the
// rates of the excitatory and inhibitory populations, the figure (raster
// and population rate), the summary, the check of a run against the
// quantities of the example's reference file, and the reader of the
// reference simulator's rates per seed from which the file's means and
// standard deviations were computed. Package brette2007test holds the
// tests both examples run.
package brette2007
