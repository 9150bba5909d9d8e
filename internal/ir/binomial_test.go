package ir

import (
	"math"
	"math/big"
	"testing"
)

// binomialCDFs returns P(X <= k) for k = 0..n, summed in 256-bit
// arithmetic from P(0) = (1-p)^n by the recurrence P(k+1) = P(k)
// (n-k)/(k+1) p/(1-p): a computation independent of BinomialInv's
// rounding, exact to far below a float64's precision.
func binomialCDFs(n int, p float64) []float64 {
	const prec = 256
	num := func(x float64) *big.Float { return new(big.Float).SetPrec(prec).SetFloat64(x) }
	q := num(1)
	q.Sub(q, num(p))
	f := num(1)
	for range n {
		f.Mul(f, q)
	}
	r := num(p)
	r.Quo(r, q)
	cdf := new(big.Float).SetPrec(prec).Set(f)
	out := make([]float64, n+1)
	for k := 0; ; k++ {
		out[k], _ = cdf.Float64()
		if k == n {
			return out
		}
		f.Mul(f, num(float64(n-k)))
		f.Quo(f, num(float64(k+1)))
		f.Mul(f, r)
		cdf.Add(cdf, f)
	}
}

// binomialTol bounds how far BinomialInv places the step of its
// distribution function from the exact F(k): 1e-14 for the rounding of
// the sums, and, for a mean of 30 or more, 4 ulps of the terms of the
// logarithm of P(mode) (log-gamma of n+1, m+1 and n-m+1, m log p, (n-m)
// log(1-p)), whose rounding scales every probability.
func binomialTol(n int, p float64) float64 {
	if float64(n)*p < 30 {
		return 1e-14
	}
	m := math.Floor(float64(n+1) * p)
	lg := func(x float64) float64 { v, _ := math.Lgamma(x); return v }
	l := lg(float64(n+1)) + lg(m+1) + lg(float64(n)-m+1) + math.Abs(m*math.Log(p)) + math.Abs((float64(n)-m)*math.Log1p(-p))
	return 1e-14 + 4*0x1p-52*l
}

// TestBinomialInvBreakpoints checks that the inversion switches from k to
// k+1 where the exact distribution function passes u: binomialTol below
// F(k) it gives at most k, binomialTol above it more than k (k+1 unless
// F(k+1) is within the tolerance too). Both paths (a small mean summed
// from 0, a large one from the mode) and p > 1/2 are covered. Measured:
// the steps lie within 5e-15 of F(k) on the first path and 3e-12 (n =
// 3000, tolerance 4e-11) and 7e-11 (n = 10^5, tolerance 2e-9) on the
// second.
func TestBinomialInvBreakpoints(t *testing.T) {
	for _, c := range []struct {
		n int
		p float64
	}{{10, 0.3}, {1000, 0.002}, {50, 0.02}, {20, 0.8}, {4000, 0.25}, {3000, 0.9}, {100000, 0.3}} {
		cdf := binomialCDFs(c.n, c.p)
		tol := binomialTol(c.n, c.p)
		mean := float64(c.n) * c.p
		sd := math.Sqrt(mean * (1 - c.p))
		lo, hi := max(0, int(mean-6*sd)), min(c.n, int(mean+6*sd)+1)
		for k := lo; k < hi; k++ {
			f := cdf[k]
			if f > 1-1e-7 || f < 1e-10 {
				continue
			}
			below, above := f-tol, f+tol
			if got := BinomialInv(below, float64(c.n), c.p); got > float64(k) {
				t.Errorf("n=%d p=%g: u = F(%d)-: got %v, want <= %d", c.n, c.p, k, got, k)
			}
			if got := BinomialInv(above, float64(c.n), c.p); got != float64(k+1) && !(got > float64(k) && cdf[k+1] < above+tol) {
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
