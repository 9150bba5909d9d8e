package models

import (
	"math"
	"testing"

	"github.com/cajal-sim/cajal"
)

// The inhibitory rule of Vogels et al. 2011 with the paper's learning rate
// eta = 0.01 (alpha = 0.12, tau = 20 ms): presynaptic spikes alone depress
// by alpha*eta = 0.0012 each and stop at 0; postsynaptic spikes alone
// change nothing (the presynaptic trace is zero); a pair d = 10 ms apart in
// either order adds eta exp(-d/tau) (the rule is symmetric) on top of the
// presynaptic spike's -alpha*eta. Closed-form traces: exact to 1e-12.
func TestVogelsSprekeler(t *testing.T) {
	s := synapse(t, "vogels_sprekeler").With(cajal.Namespace{"eta": 0.01})
	const w0, ae = 0.5, 0.12 * 0.01
	five := []float64{10, 20, 30, 40, 50}
	e := 0.01 * math.Exp(-10.0/20)
	for _, c := range []struct {
		name      string
		w0        float64
		pre, post []float64
		want      float64
	}{
		{"pre only", w0, five, nil, w0 - 5*ae},
		{"pre only, at the bound", 0.002, five, nil, 0},
		{"post only", w0, nil, five, w0},
		{"pre then post", w0, []float64{10}, []float64{20}, w0 - ae + e},
		{"post then pre", w0, []float64{20}, []float64{10}, w0 - ae + e},
	} {
		w := pairRun(t, s, c.w0, c.pre, c.post)
		if math.Abs(w-c.want) > 1e-12 {
			t.Errorf("%s: w = %.12g, want %.12g", c.name, w, c.want)
		}
	}
}
