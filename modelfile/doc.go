// Package modelfile reads a network from a TOML file and runs it, so that a
// model can be simulated from the command line (`cajal sim file.toml`)
// without writing Go. The file holds the same things a Go program passes to
// package cajal: neuron groups (with Brian2's equation text, or a model of
// package models by name), Poisson groups and inputs, spike generators,
// TimedArrays, synapses with their connection rule, run_regularly blocks,
// initial values, monitors and the runs, each with its namespace;
// quantities are strings such as "10*nS". docs/modelfile.md describes
// every section with an example. A whole file:
//
//	dt = "0.1*ms"
//	seed = 1
//	runs = ["100*ms"]
//
//	[namespace]
//	tau = "10*ms"
//	el = "-70*mV"
//	vt = "-50*mV"
//	drive = "25*mV"
//
//	[[neurons]]
//	name = "exc"
//	n = 800
//	model = "dv/dt = (el + drive - v)/tau : volt"
//	threshold = "v > vt"
//	reset = "v = el"
//	refractory = "5*ms"
//	init = { v = "el + rand()*(vt - el)" }
//
//	[[synapses]]
//	name = "ee"
//	source = "exc[0:400]"   # or "exc"
//	target = "exc"
//	on_pre = "v += 0.5*mV"
//	connect = { p = 0.1, condition = "i != j" }
//
//	[[spikes]]
//	source = "exc"
//
//	[[states]]
//	source = "exc"
//	vars = ["v"]
//	indices = [0, 1]
//	interval = "1*ms"
//
//	[[rates]]
//	source = "exc"
//
// Run streams each monitor's records to a .npy file in the output folder
// as the simulation goes (package record; docs/data.md shows how numpy
// reads them), and, once the runs are done, writes each as CSV beside it
// with a figure: a raster per spike monitor, a figure per variable of a
// state monitor, a smoothed rate per rate monitor. It returns a summary
// of the rates. RunCheckpointed also saves checkpoints and resumes from
// them (docs/checkpoint.md).
package modelfile
