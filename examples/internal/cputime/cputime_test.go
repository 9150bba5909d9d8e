package cputime

import (
	"runtime"
	"testing"
	"time"
)

// Busy work on one goroutine for 50 ms of wall-clock time uses some
// processor time (how much depends on the other work of the machine) and
// at most the wall-clock time elapsed times the number of processors.
func TestProcessCountsWork(t *testing.T) {
	before := Process()
	if before == 0 {
		t.Skip("no processor time on this system")
	}
	start := time.Now()
	x := 0.0
	for time.Since(start) < 50*time.Millisecond {
		for k := range 1000 {
			x += float64(k)
		}
	}
	wall := time.Since(start)
	after := Process()
	used := after - before
	if used <= 0 || used > wall*time.Duration(runtime.NumCPU())+10*time.Millisecond || x == 0 {
		t.Errorf("%v of processor time in %v of wall-clock time", used, wall)
	}
}
