package ir

import (
	"math"
	"testing"
)

// binomialCDF sums the probability of 0..k directly from log-gamma terms,
// a computation independent of BinomialInv's recurrences.
func binomialCDF(k, n int, p float64) float64 {
	s := 0.0
	for x := 0; x <= k; x++ {
		a, _ := math.Lgamma(float64(n + 1))
		b, _ := math.Lgamma(float64(x + 1))
		c, _ := math.Lgamma(float64(n - x + 1))
		s += math.Exp(a - b - c + float64(x)*math.Log(p) + float64(n-x)*math.Log1p(-p))
	}
	return s
}

// TestBinomialInvBreakpoints checks that the inversion switches from k to
// k+1 where the distribution function passes u: 1e-12 below F(k) it gives
// at most k, 1e-12 above it more than k. So no value's probability is off
// by more than 2e-12 (the sums' rounding is some 1e-14). Both paths (a
// small mean summed from 0, a large one from the mode) and p > 1/2 are
// covered.
func TestBinomialInvBreakpoints(t *testing.T) {
	for _, c := range []struct {
		n int
		p float64
	}{{10, 0.3}, {1000, 0.002}, {50, 0.02}, {20, 0.8}, {4000, 0.25}, {3000, 0.9}} {
		mean := float64(c.n) * c.p
		sd := math.Sqrt(mean * (1 - c.p))
		lo, hi := max(0, int(mean-6*sd)), min(c.n, int(mean+6*sd)+1)
		for k := lo; k < hi; k++ {
			f := binomialCDF(k, c.n, c.p)
			if f > 1-1e-10 || f < 1e-10 {
				continue
			}
			below, above := f-1e-12, f+1e-12
			if got := BinomialInv(below, float64(c.n), c.p); got > float64(k) {
				t.Errorf("n=%d p=%g: u = F(%d)-: got %v, want <= %d", c.n, c.p, k, got, k)
			}
			if got := BinomialInv(above, float64(c.n), c.p); got != float64(k+1) && !(got > float64(k) && binomialCDF(k+1, c.n, c.p) < above) {
				t.Errorf("n=%d p=%g: u = F(%d)+: got %v, want %d", c.n, c.p, k, got, k+1)
			}
		}
	}
}

func TestBinomialInvEdges(t *testing.T) {
	for _, c := range []struct{ u, n, p, want float64 }{
		{0.5, 0, 0.3, 0}, {0.5, 10, 0, 0}, {0.5, 10, 1, 10}, {0, 10, 0.5, 0}, {0.999999, 10, 0.5, 10},
	} {
		if got := BinomialInv(c.u, c.n, c.p); got != c.want {
			t.Errorf("BinomialInv(%v, %v, %v) = %v, want %v", c.u, c.n, c.p, got, c.want)
		}
	}
	for _, c := range [][3]float64{{0.5, -1, 0.5}, {0.5, 2.5, 0.5}, {0.5, 10, 1.5}, {math.NaN(), 10, 0.5}, {0.5, math.Inf(1), 0.5}} {
		if got := BinomialInv(c[0], c[1], c[2]); !math.IsNaN(got) {
			t.Errorf("BinomialInv(%v) = %v, want NaN", c, got)
		}
	}
}
