package ir

import (
	"math"

	"github.com/cajal-sim/cajal/internal/mathx"
)

// BinomialInv returns the smallest k with P(X <= k) > u, for X binomial
// with n trials of success probability p: a draw of X from u uniform in
// [0, 1), by inversion of the distribution function. The probabilities
// are summed term by term from the recurrence
// P(k+1) = P(k) (n-k)/(k+1) p/(1-p), from 0 for a mean n*p under 30 and
// from the mode (its probability from log-gamma) above that, so the
// distribution is exact up to rounding: from 0, the distribution function
// is off by some 1e-14 at most; from the mode, the rounding of the
// log-gamma terms (some 1e-16 of n log n) scales every probability, and
// the function is off by up to 3e-12 at n = 3000, 7e-11 at n = 10^5.
// It returns NaN when n is not a whole number from 0 to 2^53 (beyond, k
// cannot count by one) or p is outside [0, 1] or u outside [0, 1]. The transcendental functions are package
// mathx's, and the compiled tier's cj_binomial (package cc) is this code
// statement for statement, so that both tiers draw the same counts.
func BinomialInv(u, n, p float64) float64 {
	if !(n >= 0) || n != math.Floor(n) || n > 1<<53 || !(p >= 0 && p <= 1) || !(u >= 0 && u <= 1) {
		return math.NaN()
	}
	if n == 0 || p == 0 {
		return 0
	}
	if p == 1 {
		return n
	}
	if float64(n*p) < 30 && float64(n*mathx.Log1p(-p)) < -700 {
		// P(0) = (1-p)^n would underflow (p very near 1): X = n - Y with
		// Y binomial(n, 1-p); u and 1-u are both uniform.
		return n - binomialUp(1-u, n, 1-p)
	}
	return binomialUp(u, n, p)
}

// binomialUp inverts where the sums do not underflow.
func binomialUp(u, n, p float64) float64 {
	r := p / (1 - p)
	if float64(n*p) < 30 {
		// P(0) = (1-p)^n >= exp(-700) does not underflow.
		f := mathx.Exp(float64(n * mathx.Log1p(-p)))
		cdf := f
		k := 0.0
		for cdf <= u && k < n {
			f = float64(f * float64(float64((n-k)/(k+1))*r))
			k++
			cdf += f
			if f == 0 {
				break // the rest of the distribution rounds to nothing
			}
		}
		return k
	}
	// Start at the mode m, where P(m) is largest, and sum P(0..m) downwards
	// until the terms no longer change the sum.
	m := math.Floor(float64((n + 1) * p))
	m = math.Min(m, n)
	lg := mathx.Lgamma
	logPm := lg(n+1) - lg(m+1) - lg(n-m+1) + float64(m*mathx.Log(p)) + float64((n-m)*mathx.Log1p(-p))
	pm := mathx.Exp(logPm)
	cdf := pm
	f := pm
	for k := m; k > 0; k-- {
		f = float64(f * (k / float64((n-k+1)*r))) // P(k-1) from P(k)
		cdf += f
		if f < cdf*1e-17 {
			break
		}
	}
	k, f := m, pm
	if cdf > u {
		// Walk down while P(X <= k-1) > u.
		for k > 0 {
			below := cdf - f
			if below <= u {
				break
			}
			cdf = below
			f = float64(f * (k / float64((n-k+1)*r)))
			k--
		}
		return k
	}
	for cdf <= u && k < n {
		f = float64(f * float64(float64((n-k)/(k+1))*r))
		k++
		cdf += f
		if f == 0 {
			break
		}
	}
	return k
}
