// Package cputime reads the processor time the process has used, so that
// the examples can time their simulation loops in processor time as well
// as wall-clock time: on a machine shared with other work, processor time
// is the steadier measure.
package cputime
