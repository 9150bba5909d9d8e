package brette2007

import (
	"strings"
	"testing"
)

// The summary names the benchmark, counts and rates, and gives the
// integration method only where the group chose it from the family asked
// for: "linear" resolved to "exact" is printed, "euler" as asked is not.
func TestSummary(t *testing.T) {
	o := Outcome{NE: 4, NI: 1, Duration: 0.5, T: []float64{0.05, 0.05, 0.05, 0.05}, I: []int32{0, 3, 3, 4}, Events: 10, SynE: 7, SynI: 2}
	for _, c := range []struct{ asked, used, want string }{
		{"linear", "exact", "X, 4+1 neurons, 7+2 synapses, 0.5 s (exact): excitatory 1.50 Hz, inhibitory 2.00 Hz; 10 synaptic events (2.50 per spike)"},
		{"euler", "euler", "X, 4+1 neurons, 7+2 synapses, 0.5 s: excitatory 1.50 Hz, inhibitory 2.00 Hz; 10 synaptic events (2.50 per spike)"},
	} {
		r := &Result{Outcome: o, Method: c.used, Benchmark: &Benchmark{Name: "X", Method: c.asked}}
		if got := r.Summary(); !strings.HasPrefix(got, c.want+"; loop ") {
			t.Errorf("summary %q, want it to begin %q", got, c.want)
		}
	}
}
