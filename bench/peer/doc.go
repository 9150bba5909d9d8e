// Command peer times Cajal's runs of the networks that bench/peer.sh also
// runs in Brian2: the COBA and CUBA benchmarks of Brette et al. 2007 and
// seed 000 (Vogels et al. 2011). For each run it prints one line of JSON:
// the simulated time, the wall-clock time of building the network (setup)
// and of the simulation loop (the network's Run calls), and the rates, so
// that a driver can set them beside another simulator's.
//
//	go run ./bench/peer -model coba -threads 1 -repeat 3
package main
