// Package brette2007 holds what the two benchmark networks of Brette et al.
// (2007), "Simulation of networks of spiking neurons: a review of tools and
// strategies", J Comput Neurosci 23:349 (examples coba and cuba), have in
// common: the rates of the excitatory and inhibitory populations, the
// figure (raster and population rate), and the reference rates another
// simulator gave over many seeds, stored with their provenance in a TOML
// file, against which a run is checked.
package brette2007
